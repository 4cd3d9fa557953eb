"""Scorers: small functions from (gold, prediction) to counts; matching is by span overlap.

Nothing here depends on wording: a prediction is located by its evidence offsets, then
paired one-to-one with gold items it overlaps, preferring pairs whose speaker/outlet agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from ..models import ArticleAnalysis
from ..names import outlet_matches, speaker_matches
from ..turns import quote_in_text
from . import embed
from .gold import GoldArticle
from .prose_checks import summary_ratios


def channel_matches(pred: str | None, gold: str) -> bool:
    return bool(pred) and fuzz.token_set_ratio(pred or "", gold) >= 70


def locate(text: str, evidence: str) -> tuple[int, int]:
    i = text.find(evidence)
    return (i, i + len(evidence)) if i >= 0 else (-1, -1)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(preds: list[tuple[int, int]], golds: list[tuple[int, int]],
          agree: Any) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing on overlap, agreeing pairs first, larger overlaps first."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            ov = overlap(p, g)
            if ov > 0:
                pairs.append((bool(agree(i, j)), ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def prf(self) -> dict[str, float]:
        p = self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = self.tp / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class ArticleScore:
    id: str
    claims: Counts = field(default_factory=Counts)
    facts: Counts = field(default_factory=Counts)
    cues: Counts = field(default_factory=Counts)
    claims_kind: Counts = field(default_factory=Counts)  # right speaker and right kind
    cues_kind: Counts = field(default_factory=Counts)  # right kind
    ratios: dict[str, list[int]] = field(default_factory=dict)  # name -> [hits, total]
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    cost: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, hit: bool) -> None:
        r = self.ratios.setdefault(name, [0, 0])
        r[0] += int(hit)
        r[1] += 1


def score_article(gold: GoldArticle, pred: ArticleAnalysis) -> ArticleScore:
    text = gold.text
    s = ArticleScore(id=gold.id)
    if pred.text != text:
        s.misses.append("prediction text differs from the gold text; offsets cannot be compared")
    # grounding and quote fidelity over every predicted item
    spans = [x.evidence for x in pred.claims] + [x.evidence for x in pred.sourced_facts] + [
        x.evidence for x in pred.uncertainty.cues]
    for ev in spans:
        s.add("grounding_rate", text[ev.start:ev.end] == ev.text)
    for c in pred.claims:
        if c.quote is not None:
            s.add("quote_fidelity", quote_in_text(c.quote, text))
    # claims
    pc = [(c.evidence.start, c.evidence.end) for c in pred.claims]
    gc = [locate(text, g.evidence) for g in gold.claims]

    def spk(i: int, j: int) -> bool:
        g = gold.claims[j]
        return speaker_matches(pred.claims[i].speaker, [g.speaker, *g.aliases])

    pairs = match(pc, gc, spk)
    s.claims = Counts(tp=sum(spk(i, j) for i, j in pairs), pred=len(pc), gold=len(gc))
    s.claims_kind = Counts(tp=sum(spk(i, j) and pred.claims[i].kind == gold.claims[j].kind
                                  for i, j in pairs), pred=len(pc), gold=len(gc))
    for i, j in pairs:
        s.add("speaker_accuracy", spk(i, j))
        if spk(i, j):
            g, p = gold.claims[j], pred.claims[i]
            s.add("kind_accuracy", p.kind == g.kind)
            if g.channel:
                s.add("channel_accuracy", channel_matches(p.channel, g.channel))
    matched_g = {j for i, j in pairs if spk(i, j)}
    matched_p = {i for i, j in pairs if spk(i, j)}
    s.misses += [f"claim {g.speaker}: {g.evidence[:90]}" for j, g in enumerate(gold.claims)
                 if j not in matched_g]
    s.false_positives += [f"claim {p.speaker}: {p.evidence.text[:90]}"
                          for i, p in enumerate(pred.claims) if i not in matched_p]
    # sourced facts
    pf = [(f.evidence.start, f.evidence.end) for f in pred.sourced_facts]
    gf = [locate(text, g.evidence) for g in gold.sourced_facts]

    def out(i: int, j: int) -> bool:
        return outlet_matches(pred.sourced_facts[i].outlet, gold.sourced_facts[j].outlet)

    pairs = match(pf, gf, out)
    s.facts = Counts(tp=sum(out(i, j) for i, j in pairs), pred=len(pf), gold=len(gf))
    for i, j in pairs:
        s.add("outlet_accuracy", out(i, j))
        if out(i, j):
            for src in gold.sourced_facts[j].underlying_sources:
                s.add("underlying_source_recall", any(
                    fuzz.token_set_ratio(src, x) >= 80
                    for x in pred.sourced_facts[i].underlying_sources))
    mg = {j for i, j in pairs if out(i, j)}
    mp = {i for i, j in pairs if out(i, j)}
    s.misses += [f"fact {g.outlet}: {g.evidence[:90]}" for j, g in enumerate(gold.sourced_facts)
                 if j not in mg]
    s.false_positives += [f"fact {p.outlet}: {p.evidence.text[:90]}"
                          for i, p in enumerate(pred.sourced_facts) if i not in mp]
    # uncertainty cues: span overlap, kind scored separately
    pu = [(u.evidence.start, u.evidence.end) for u in pred.uncertainty.cues]
    gu = [locate(text, g.evidence) for g in gold.uncertainty]

    def kind(i: int, j: int) -> bool:
        return pred.uncertainty.cues[i].kind == gold.uncertainty[j].kind

    pairs = match(pu, gu, kind)
    s.cues = Counts(tp=len(pairs), pred=len(pu), gold=len(gu))
    s.cues_kind = Counts(tp=sum(kind(i, j) for i, j in pairs), pred=len(pu), gold=len(gu))
    for i, j in pairs:
        s.add("cue_kind_accuracy", kind(i, j))
    mg = {j for _, j in pairs}
    s.misses += [f"cue {g.kind} {g.cue!r}: {g.evidence[:80]}"
                 for j, g in enumerate(gold.uncertainty) if j not in mg]
    mp = {i for i, _ in pairs}
    s.false_positives += [f"cue {u.kind} {u.cue!r}: {u.evidence.text[:80]}"
                          for i, u in enumerate(pred.uncertainty.cues) if i not in mp]
    # summary coverage of key points
    summary = " ".join([pred.summary, *pred.key_points])
    for kp in gold.key_points:
        s.add("key_point_coverage", key_point_covered(kp, pred.key_points, summary))
    for name, (hits, total) in summary_ratios(pred).items():
        r = s.ratios.setdefault(name, [0, 0])
        r[0] += hits
        r[1] += total
    m = pred.meta
    s.cost = {"seconds": round(sum(m.seconds.values()), 3), "llm_calls": m.llm_calls,
              "prompt_tokens": m.prompt_tokens, "completion_tokens": m.completion_tokens}
    return s


def key_point_covered(key_point: str, points: list[str], summary: str) -> bool:
    """Does any summary sentence or key point state this gold key point? (see embed.py)"""
    return embed.covered(key_point, [*points, *embed.split_sentences(summary)])


def aggregate(scores: list[ArticleScore]) -> dict[str, float]:
    total: dict[str, float] = {}
    for name in ("claims", "facts", "cues", "claims_kind", "cues_kind"):
        c = Counts()
        for s in scores:
            x = getattr(s, name)
            c.tp, c.pred, c.gold = c.tp + x.tp, c.pred + x.pred, c.gold + x.gold
        for k, v in c.prf().items():
            total[f"{name}_{k}"] = v
    names = sorted({n for s in scores for n in s.ratios})
    for n in names:
        hits = sum(s.ratios.get(n, [0, 0])[0] for s in scores)
        tot = sum(s.ratios.get(n, [0, 0])[1] for s in scores)
        total[n] = round(hits / tot, 4) if tot else 1.0
    for k in ("seconds", "llm_calls", "prompt_tokens", "completion_tokens"):
        total[f"{k}_per_article"] = round(sum(s.cost.get(k, 0) for s in scores) /
                                          max(1, len(scores)), 2)
    return total
