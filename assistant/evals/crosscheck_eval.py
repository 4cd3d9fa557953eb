"""Score cross-check results against evals/crosscheck gold (see evals/CROSSCHECK.md)."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path
from typing import Any

from ..crosscheck import CrossCheck
from ..errors import GoldFormatError
from .scoring import locate, overlap


def load_cases(directory: str | Path) -> list[dict[str, Any]]:
    files = sorted(Path(directory).glob("*.json"))
    if not files:
        raise GoldFormatError(f"no cross-check gold files in {directory}", path=str(directory))
    cases = []
    for f in files:
        case = json.loads(f.read_text(encoding="utf-8"))
        refs = {r["id"]: r["text"] for r in case["references"]}
        for i, it in enumerate(case["items"]):
            if it["evidence"] not in case["article_text"]:
                raise GoldFormatError(f"{f}: items[{i}]: evidence not in article_text",
                                      path=str(f), item=f"items[{i}]")
            for v in it["verdicts"]:
                if v["evidence"] is not None and v["evidence"] not in refs[v["reference"]]:
                    raise GoldFormatError(f"{f}: items[{i}]: evidence not in {v['reference']}",
                                          path=str(f), item=f"items[{i}]")
        cases.append(case)
    return cases


def score_case(case: dict[str, Any], pred: CrossCheck) -> dict[str, list[int]]:
    text = case["article_text"]
    refs = {r["id"]: r["text"] for r in case["references"]}
    evidence = {c.id: (c.evidence.start, c.evidence.end) for c in pred.analysis.claims}
    evidence.update({f.id: (f.evidence.start, f.evidence.end) for f in pred.analysis.sourced_facts})
    out = {"item_found": [0, 0], "verdict_accuracy": [0, 0], "evidence_overlap": [0, 0],
           "supported_precision": [0, 0], "supported_recall": [0, 0],
           "contradicted_precision": [0, 0], "contradicted_recall": [0, 0],
           "false_corroborations": [0, 0]}
    for it in case["items"]:
        g = locate(text, it["evidence"])
        cands = [p for p in pred.items if overlap(evidence.get(p.item, (0, 0)), g) > 0]
        out["item_found"][1] += 1
        if not cands:
            out["verdict_accuracy"][1] += len(it["verdicts"])
            out["false_corroborations"][1] += len(it["verdicts"])
            for gv in it["verdicts"]:
                if gv["verdict"] in {"supported", "contradicted"}:
                    out[f"{gv['verdict']}_recall"][1] += 1
            continue
        out["item_found"][0] += 1
        for gv in it["verdicts"]:
            pv = next((v for c in cands for v in c.verdicts if v.reference == gv["reference"]),
                      None)
            out["verdict_accuracy"][1] += 1
            out["verdict_accuracy"][0] += int(pv is not None and pv.verdict == gv["verdict"])
            said = pv.verdict if pv is not None else "not_mentioned"
            for cls in ("supported", "contradicted"):
                if said == cls:
                    out[f"{cls}_precision"][1] += 1
                    out[f"{cls}_precision"][0] += int(gv["verdict"] == cls)
                if gv["verdict"] == cls:
                    out[f"{cls}_recall"][1] += 1
                    out[f"{cls}_recall"][0] += int(said == cls)
            # the worst error: "supported" where the reference does not confirm the item
            out["false_corroborations"][1] += 1
            out["false_corroborations"][0] += int(said == "supported" and
                                                  gv["verdict"] != "supported")
            if gv["evidence"] is not None:
                out["evidence_overlap"][1] += 1
                ge = locate(refs[gv["reference"]], gv["evidence"])
                out["evidence_overlap"][0] += int(pv is not None and pv.evidence is not None and
                                                  overlap((pv.evidence.start, pv.evidence.end),
                                                          ge) > 0)
    return out


def run(gold_dir: str, client: Any, settings: Any, out_dir: Path,
        limit: int | None = None) -> dict[str, float]:
    from ..article import parse_article
    from ..crosscheck import analyze_with_references

    totals: dict[str, list[int]] = {}
    cases = load_cases(gold_dir)[:limit]
    started = time.perf_counter()
    for case in cases:
        def day(value: str | None) -> date | None:
            return date.fromisoformat(value) if value else None

        pred = analyze_with_references(
            parse_article(case["article_text"]), [], client=client, settings=settings,
            reference_texts=[(f"{r['id']}.txt", r["text"]) for r in case["references"]],
            reference_dates=[day(r.get("published")) for r in case["references"]],
            published=day(case.get("article_published")))
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / f"{case['id']}.json").write_text(pred.model_dump_json(indent=2))
        for k, (a, b) in score_case(case, pred).items():
            t = totals.setdefault(k, [0, 0])
            t[0] += a
            t[1] += b
    scores = {k: round(a / b, 4) if b else 1.0 for k, (a, b) in totals.items()}
    scores["seconds_per_case"] = round((time.perf_counter() - started) / len(cases), 1)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(json.dumps({"scores": scores, "counts": totals},
                                                     indent=2))
    return scores


def gate(scores: dict[str, float], limits: dict[str, dict[str, float]]) -> list[str]:
    """`limits` = {"min": {metric: floor}, "max": {metric: ceiling}} (false corroborations
    are a share that must stay low)."""
    fails = [f"{k} = {scores.get(k)} is below its floor {v}"
             for k, v in limits.get("min", {}).items() if scores.get(k, -1.0) < v]
    fails += [f"{k} = {scores.get(k)} is above its ceiling {v}"
              for k, v in limits.get("max", {}).items() if scores.get(k, 2.0) > v]
    return fails
