"""Scoring the model-written summary: how often the model's first summary passed the checks,
and whether the summary a reader gets still names, numbers or attributes anything wrongly."""

from __future__ import annotations

from ..models import ArticleAnalysis
from ..sentences import complete, split


def summary_ratios(pred: ArticleAnalysis) -> dict[str, tuple[int, int]]:
    """name -> (hits, total), merged into an article's score."""
    from ..article import parse_article
    from ..verify import check_sentence

    out: dict[str, tuple[int, int]] = {}
    checks = pred.meta.summary_checks
    if checks is not None and checks.sentences:
        failed = len({p.split(":", 1)[0] for p in checks.problems})
        out["summary_first_pass"] = (checks.sentences - failed, checks.sentences)
    sents = split(pred.summary) if pred.summary else []
    if not sents:
        return out
    article = parse_article(pred.text)
    problems = [check_sentence(s, article, pred).problems for s in sents]
    out["summary_final_pass"] = (sum(not p for p in problems), len(sents))
    invented = sum(any(("names" in x or "number" in x or "says things" in x) for x in p)
                   for p in problems)
    wrong_who = sum(any(("attribut" in x or "credits" in x or "states as fact" in x)
                        for x in p) for p in problems)
    out["summary_without_invention"] = (len(sents) - invented, len(sents))
    out["summary_without_misattribution"] = (len(sents) - wrong_who, len(sents))
    out["summary_complete"] = (int(complete(sents[-1]) and not pred.summary.endswith("…")), 1)
    return out
