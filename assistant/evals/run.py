"""`newsgrounder eval`: run (or load) predictions, score them, report, compare, gate."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GateError, InputError
from ..models import ArticleAnalysis
from ..turns import as_turns
from .gold import GoldArticle, load_gold_dir
from .scoring import ArticleScore, aggregate, score_article

HEADLINE = ["claims_precision", "claims_recall", "claims_f1", "claims_kind_f1",
            "speaker_accuracy",
            "kind_accuracy", "channel_accuracy", "facts_precision", "facts_recall", "facts_f1",
            "outlet_accuracy", "underlying_source_recall", "cues_precision", "cues_recall",
            "cues_f1", "cues_kind_f1", "cue_kind_accuracy", "quote_fidelity", "grounding_rate",
            "key_point_coverage", "summary_first_pass", "summary_final_pass",
            "summary_without_invention", "summary_without_misattribution", "summary_complete",
            "seconds_per_article", "llm_calls_per_article",
            "prompt_tokens_per_article", "completion_tokens_per_article"]


def predict(golds: list[GoldArticle], client: Any, settings: Any, out: Path,
            progress: Callable[[str], None]) -> dict[str, ArticleAnalysis]:
    from ..pipeline import analyze

    preds = {}
    (out / "predictions").mkdir(parents=True, exist_ok=True)
    for g in golds:
        progress(f"analysing {g.id}")
        a = analyze(text=g.text, client=client, settings=settings)
        (out / "predictions" / f"{g.id}.json").write_text(a.model_dump_json(indent=2))
        preds[g.id] = a
    return preds


def load_predictions(directory: str | Path, golds: list[GoldArticle]) -> dict[str, ArticleAnalysis]:
    d = Path(directory)
    if (d / "predictions").is_dir():  # an earlier eval's --out folder
        d = d / "predictions"
    preds = {}
    for g in golds:
        f = d / f"{g.id}.json"
        if not f.exists():
            raise InputError(f"no prediction {f} for gold article {g.id}", reason="missing",
                             source=str(f))
        try:
            preds[g.id] = ArticleAnalysis.model_validate_json(f.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise InputError(f"{f} is not a valid ArticleAnalysis: {str(exc)[:200]}",
                             reason="invalid", source=str(f)) from exc
    return preds


def report(scores: list[ArticleScore], overall: dict[str, float],
           baseline: dict[str, float] | None) -> str:
    lines = ["# Eval report", "", "## Overall", "", "| metric | value |" +
             (" baseline | delta |" if baseline else ""),
             "|---|---|" + ("---|---|" if baseline else "")]
    for k in HEADLINE:
        if k not in overall:
            continue
        row = f"| {k} | {overall[k]} |"
        if baseline and k in baseline:
            row += f" {baseline[k]} | {overall[k] - baseline[k]:+.4f} |"
        lines.append(row)
    lines += ["", "## Per article", "",
              "| article | claims P/R/F1 | facts P/R/F1 | cues P/R/F1 | s | calls |",
              "|---|---|---|---|---|---|"]
    for s in scores:
        def prf(c: Any) -> str:
            x = c.prf()
            return f"{x['precision']:.2f}/{x['recall']:.2f}/{x['f1']:.2f}"
        lines.append(f"| {s.id} | {prf(s.claims)} | {prf(s.facts)} | {prf(s.cues)} | "
                     f"{s.cost.get('seconds', 0):.1f} | {s.cost.get('llm_calls', 0):.0f} |")
    lines += ["", "## Misses (gold items not found)", ""]
    for s in scores:
        lines += [f"- {s.id}: {m}" for m in s.misses]
    lines += ["", "## False positives (predicted items not in gold)", ""]
    for s in scores:
        lines += [f"- {s.id}: {m}" for m in s.false_positives]
    return "\n".join(lines) + "\n"


def gate(overall: dict[str, float], thresholds: dict[str, float]) -> list[str]:
    fails = []
    for k, floor in thresholds.items():
        if k.startswith("_"):
            continue
        v = overall.get(k)
        if v is None or v < floor:
            fails.append(f"{k} = {v} is below its floor {floor}")
    return fails


@dataclass
class EvalSet:
    """One directory to score: gold annotations (ANNOTATION.md) or PolNeAR documents."""

    label: str
    kind: str  # "gold" or "polnear"
    path: Path


def eval_sets(gold: list[str] | None, polnear: list[str] | None) -> list[EvalSet]:
    def label(p: str) -> str:
        return Path(p).resolve().name

    sets = [EvalSet(label(p), "gold", Path(p)) for p in (gold or ["evals/gold"])]
    sets += [EvalSet(label(p), "polnear", Path(p)) for p in (polnear or [])]
    seen: set[str] = set()
    for s in sets:
        while s.label in seen:
            s.label += "+"
        seen.add(s.label)
    return sets


class _Client:
    """Builds the model client once, on first use, for every set of one eval run."""

    def __init__(self, settings_fn: Callable[[argparse.Namespace], Any] | None,
                 args: argparse.Namespace) -> None:
        self.settings_fn, self.args = settings_fn, args
        self.value: tuple[Any, Any] | None = None

    def get(self) -> tuple[Any, Any]:
        if self.settings_fn is None:
            raise InputError("give --predictions or let the model run", reason="usage")
        if self.value is None:
            from ..client import build_client

            settings = self.settings_fn(self.args)
            self.value = (build_client(settings), settings)
        return self.value


def _run_gold(es: EvalSet, args: argparse.Namespace, out: Path, client: _Client,
              progress: Callable[[str], None], preds_dir: Path | None) -> dict[str, float]:
    golds = load_gold_dir(es.path)
    if preds_dir is not None:
        preds = load_predictions(preds_dir, golds)
    else:
        c, settings = client.get()
        preds = predict(golds, c, settings, out, progress)
    scores = [score_article(g, preds[g.id]) for g in golds]
    overall = aggregate(scores)
    baseline = None
    if args.baseline and len(eval_sets(args.gold, args.polnear)) == 1:
        baseline = json.loads(Path(args.baseline).read_text())["overall"]
    from .embed import method

    result = {"overall": overall, "key_point_method": method(), "articles": [
        {"id": s.id, "claims": s.claims.prf(), "facts": s.facts.prf(), "cues": s.cues.prf(),
         "ratios": s.ratios, "cost": s.cost, "misses": s.misses,
         "false_positives": s.false_positives} for s in scores]}
    (out / "results.json").write_text(json.dumps(result, indent=2))
    (out / "report.md").write_text(report(scores, overall, baseline))
    if baseline is not None or len(eval_sets(args.gold, args.polnear)) == 1:
        width = max(len(k) for k in HEADLINE)
        for k in HEADLINE:
            if k in overall:
                delta = f"  ({overall[k] - baseline[k]:+.4f} vs baseline)" if baseline and \
                    k in baseline else ""
                print(f"{k:<{width}}  {overall[k]}{delta}")
    return overall


def _run_polnear(es: EvalSet, args: argparse.Namespace, out: Path, client: _Client,
                 progress: Callable[[str], None], preds_dir: Path | None) -> dict[str, float]:
    from . import polnear

    docs = polnear.load_polnear_dir(es.path, limit=args.polnear_limit)
    (out / "predictions").mkdir(parents=True, exist_ok=True)
    (out / "predictions-turn").mkdir(parents=True, exist_ok=True)
    counts, turn_counts, seconds = [], [], []
    for d in docs:
        saved = (preds_dir / f"{d.id}.json") if preds_dir is not None else None
        if saved is not None:
            pred = ArticleAnalysis.model_validate_json(saved.read_text(encoding="utf-8"))
        else:
            from ..pipeline import analyze

            c, settings = client.get()
            progress(f"analysing {d.id}")
            try:
                pred = analyze(text=d.text, client=c, settings=settings)
            except InputError as exc:  # a document the assistant refuses scores as empty
                progress(f"{d.id}: {exc.user_message()}")
                counts.append(polnear.score_doc(d, _empty(d.text)))
                turn_counts.append(counts[-1])
                continue
            (out / "predictions" / f"{d.id}.json").write_text(pred.model_dump_json(indent=2))
        # PolNeAR's unit is the attribution, which a quote running on after "X said." does
        # not end: the turn view of the same run is scored beside the run's own unit
        turns = as_turns(pred)
        (out / "predictions-turn" / f"{d.id}.json").write_text(turns.model_dump_json(indent=2))
        counts.append(polnear.score_doc(d, pred))
        turn_counts.append(polnear.score_doc(d, turns))
        seconds.append(sum(pred.meta.seconds.values()))
    overall = polnear.aggregate(counts)
    overall.update({k.replace("polnear_", "polnear_turn_"): v
                    for k, v in polnear.aggregate(turn_counts).items() if k != "polnear_docs"})
    overall["seconds_per_article"] = round(sum(seconds) / max(1, len(seconds)), 2)
    (out / "results.json").write_text(json.dumps(
        {"overall": overall, "documents": [{"id": d.id, **c, "turn": t} for d, c, t in
                                           zip(docs, counts, turn_counts, strict=True)]},
        indent=2))
    return overall


def _empty(text: str) -> ArticleAnalysis:
    from ..models import Meta, Uncertainty

    meta = Meta(model="none", backend="none", strategy="decomposed", prompt_version="",
                llm_calls=0, prompt_tokens=0, completion_tokens=0, retries=0, reasks=0,
                retry_wait_seconds=0.0, cache_hits=0, seconds={}, language="", chunks=0,
                dropped=[], warnings=[])
    return ArticleAnalysis(title=None, text=text, summary="", key_points=[], claims=[],
                           sourced_facts=[], uncertainty=Uncertainty(
                               level="low", cues=[], summary="", open_questions=[]), meta=meta)


SIDE_BY_SIDE = ["claims_precision", "claims_recall", "claims_f1", "claims_kind_f1",
                "facts_precision", "facts_recall", "facts_f1", "cues_precision", "cues_recall",
                "cues_f1", "cues_kind_f1", "quote_fidelity", "grounding_rate",
                "key_point_coverage", "summary_first_pass", "summary_final_pass",
                "summary_without_invention", "summary_without_misattribution",
                "summary_complete", "polnear_recall_speech", "polnear_recall_all",
                "polnear_precision", "polnear_turn_recall_speech", "polnear_turn_recall_all",
                "polnear_turn_precision", "seconds_per_article"]


def side_by_side(results: dict[str, dict[str, float]]) -> str:
    labels = list(results)
    lines = ["| metric | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels)]
    for k in SIDE_BY_SIDE:
        if any(k in r for r in results.values()):
            lines.append(f"| {k} | " + " | ".join(str(results[x].get(k, "")) for x in labels)
                         + " |")
    return "\n".join(lines)


def _floors(thresholds: dict[str, Any], sets: list[EvalSet]) -> dict[str, dict[str, float]]:
    """{"sets": {label: floors}} per set, or one flat dict of floors for the first set."""
    if "sets" in thresholds:
        return {k: v for k, v in thresholds["sets"].items()}
    return {sets[0].label: {k: v for k, v in thresholds.items() if not k.startswith("_")}}


def main(args: argparse.Namespace, settings_fn: Callable[[argparse.Namespace], Any] | None,
         progress: Callable[[str], None]) -> int:
    sets = eval_sets(args.gold, args.polnear)
    floors: dict[str, dict[str, float]] = {}
    if args.thresholds:  # read before any model work: a wrong path fails at once
        try:
            floors = _floors(json.loads(Path(args.thresholds).read_text()), sets)
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read thresholds {args.thresholds}: {exc}",
                             reason="thresholds", source=str(args.thresholds)) from exc
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    client = _Client(settings_fn, args)
    results: dict[str, dict[str, float]] = {}
    for es in sets:
        where = out if len(sets) == 1 else out / es.label
        where.mkdir(parents=True, exist_ok=True)
        preds = Path(args.predictions) if args.predictions else None
        if preds is not None and len(sets) > 1:
            preds = preds / es.label
        run = _run_gold if es.kind == "gold" else _run_polnear
        results[es.label] = run(es, args, where, client, progress, preds)
    if len(sets) > 1:
        table = side_by_side(results)
        print(table)
        (out / "summary.md").write_text("# Eval summary\n\n" + table + "\n")
        (out / "summary.json").write_text(json.dumps(results, indent=2))
    print(f"wrote results to {out}", file=sys.stderr)
    if args.thresholds:
        fails = [f"{label}: {f}" if len(sets) > 1 else f
                 for label, fl in floors.items() if label in results
                 for f in gate(results[label], fl)]
        if fails:
            raise GateError("eval gate failed: " + "; ".join(fails), failures=fails)
        n = sum(len([k for k in fl if not k.startswith("_")]) for label, fl in floors.items()
                if label in results)
        print(f"eval gate passed ({n} floors)")
    return 0
