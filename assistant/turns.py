"""Claims per statement or per speaker turn.

ANNOTATION.md counts statements: '"A," she said. "B."' gives two claims. Attribution corpora
such as PolNeAR, and a reader who wants one card per speaker turn, count one: a quote that runs
on with no saying verb of its own belongs to the statement before it. The analysis is built
per statement with each run-on quote linked to what it continues (`Claim.continues`), so the
turn view is a pure function of it and both units come from one run.
"""

from __future__ import annotations

from .models import ArticleAnalysis, Claim, ClaimKind, OpenQuestion, Span, UncertaintyCue

QUOTE_JOIN = " … "  # between the quoted parts of one turn


def link_continuations(claims: list[Claim], runs_on: list[bool]) -> list[Claim]:
    """Mark each run-on quote with the id of the claim it continues: the claim just before it
    in the text, when the same speaker made it (after the model's corrections)."""
    order = sorted(range(len(claims)), key=lambda i: claims[i].evidence.start)
    out = list(claims)
    for prev, cur in zip(order, order[1:], strict=False):
        a, b = claims[prev], claims[cur]
        if runs_on[cur] and a.speaker == b.speaker and a.evidence.end <= b.evidence.start:
            out[cur] = b.model_copy(update={"continues": a.id})
    return out


def quote_parts(quote: str) -> list[str]:
    return [q for q in quote.split(QUOTE_JOIN) if q]


def quote_in_text(quote: str, text: str) -> bool:
    """Every quoted part is verbatim in the text, in order (a turn's quote has several)."""
    pos = 0
    for part in quote_parts(quote):
        i = text.find(part, pos)
        if i < 0:
            return False
        pos = i + len(part)
    return True


def _fold(first: Claim, rest: list[Claim], text: str) -> Claim:
    claims = [first, *rest]
    start, end = first.evidence.start, max(c.evidence.end for c in claims)
    quotes = [c.quote for c in claims if c.quote]
    kind: ClaimKind = "direct" if all(c.kind == "direct" for c in claims) else "mixed"
    content = " ".join(c.content for c in claims)
    return first.model_copy(update={
        "kind": kind, "quote": QUOTE_JOIN.join(quotes) if quotes else None,
        "content": content, "evidence": Span(start=start, end=end, text=text[start:end]),
        "sentence_ids": list(dict.fromkeys(i for c in claims for i in c.sentence_ids)),
        "channel": first.channel or next((c.channel for c in rest if c.channel), None),
        "continues": None})


def as_turns(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """One claim per speaker turn: each run-on quote folded into the claim it continues (its
    span from the first start to the last end, its quoted parts joined by ' … '); cues and open
    questions that named a folded claim name its turn."""
    if analysis.meta.claim_unit == "turn":
        return analysis
    ids = {c.id: c for c in analysis.claims}
    head: dict[str, str] = {}
    for c in sorted(analysis.claims, key=lambda c: c.evidence.start):
        head[c.id] = head.get(c.continues, c.id) if c.continues in ids else c.id
    groups: dict[str, list[Claim]] = {}
    for c in sorted(analysis.claims, key=lambda c: c.evidence.start):
        groups.setdefault(head[c.id], []).append(c)
    claims = [_fold(g[0], g[1:], analysis.text) if len(g) > 1 else g[0]
              for g in groups.values()]

    def remap(about: list[str]) -> list[str]:
        return list(dict.fromkeys(head.get(i, i) for i in about))

    cues = [UncertaintyCue(**{**u.model_dump(), "about": remap(u.about)})
            for u in analysis.uncertainty.cues]
    questions = [OpenQuestion(question=q.question, about=remap(q.about))
                 for q in analysis.uncertainty.open_questions]
    unc = analysis.uncertainty.model_copy(update={"cues": cues, "open_questions": questions})
    meta = analysis.meta.model_copy(update={"claim_unit": "turn"})
    return analysis.model_copy(update={"claims": claims, "uncertainty": unc, "meta": meta})
