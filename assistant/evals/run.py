"""`newsgrounder eval`: run (or load) predictions, score them, report, compare, gate."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import GateError, InputError
from ..models import ArticleAnalysis
from .gold import GoldArticle, load_gold_dir
from .scoring import ArticleScore, aggregate, score_article

HEADLINE = ["claims_precision", "claims_recall", "claims_f1", "speaker_accuracy",
            "kind_accuracy", "channel_accuracy", "facts_precision", "facts_recall", "facts_f1",
            "outlet_accuracy", "underlying_source_recall", "cues_precision", "cues_recall",
            "cues_f1", "cue_kind_accuracy", "quote_fidelity", "grounding_rate",
            "key_point_coverage", "seconds_per_article", "llm_calls_per_article",
            "prompt_tokens_per_article", "completion_tokens_per_article"]


def predict(golds: list[GoldArticle], settings: Any, out: Path,
            progress: Callable[[str], None]) -> dict[str, ArticleAnalysis]:
    from ..client import build_client
    from ..pipeline import analyze

    client = build_client(settings)
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


def main(args: argparse.Namespace, settings_fn: Callable[[argparse.Namespace], Any] | None,
         progress: Callable[[str], None]) -> int:
    golds = load_gold_dir(args.gold)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.predictions:
        preds = load_predictions(args.predictions, golds)
    else:
        if settings_fn is None:
            raise InputError("give --predictions or let the model run", reason="usage")
        preds = predict(golds, settings_fn(args), out, progress)
    scores = [score_article(g, preds[g.id]) for g in golds]
    overall = aggregate(scores)
    baseline = None
    if args.baseline:
        baseline = json.loads(Path(args.baseline).read_text())["overall"]
    from .embed import method

    result = {"overall": overall, "key_point_method": method(), "articles": [
        {"id": s.id, "claims": s.claims.prf(), "facts": s.facts.prf(), "cues": s.cues.prf(),
         "ratios": s.ratios, "cost": s.cost, "misses": s.misses,
         "false_positives": s.false_positives} for s in scores]}
    (out / "results.json").write_text(json.dumps(result, indent=2))
    (out / "report.md").write_text(report(scores, overall, baseline))
    width = max(len(k) for k in HEADLINE)
    for k in HEADLINE:
        if k in overall:
            delta = f"  ({overall[k] - baseline[k]:+.4f} vs baseline)" if baseline and \
                k in baseline else ""
            print(f"{k:<{width}}  {overall[k]}{delta}")
    print(f"wrote {out / 'results.json'} and {out / 'report.md'}", file=sys.stderr)
    if args.thresholds:
        floors = json.loads(Path(args.thresholds).read_text())
        fails = gate(overall, floors)
        if fails:
            raise GateError("eval gate failed: " + "; ".join(fails), failures=fails)
        print(f"eval gate passed ({len([k for k in floors if not k.startswith('_')])} floors)")
    return 0
