"""The model points, the code copies: spans are cut from the text and checked before output."""

from __future__ import annotations

from .models import ArticleAnalysis, Claim, Dropped, SourcedFact, Span, UncertaintyCue
from .turns import quote_in_text


def span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _ok(text: str, s: Span) -> bool:
    return 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text


def enforce(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """Drop (with a recorded reason) any item whose evidence or quote is not exactly in the text."""
    text = analysis.text
    dropped = list(analysis.meta.dropped)
    claims: list[Claim] = []
    for c in analysis.claims:
        if not _ok(text, c.evidence):
            dropped.append(Dropped(section="claims", reason="evidence not in text",
                                   detail=c.evidence.text[:120]))
        elif c.quote is not None and not quote_in_text(c.quote, text):
            dropped.append(Dropped(section="claims", reason="quote not verbatim in text",
                                   detail=c.quote[:120]))
        else:
            claims.append(c)
    facts: list[SourcedFact] = []
    for f in analysis.sourced_facts:
        if _ok(text, f.evidence):
            facts.append(f)
        else:
            dropped.append(Dropped(section="sourced_facts", reason="evidence not in text",
                                   detail=f.evidence.text[:120]))
    cues: list[UncertaintyCue] = []
    for u in analysis.uncertainty.cues:
        if _ok(text, u.evidence) and u.cue.lower() in u.evidence.text.lower():
            cues.append(u)
        else:
            dropped.append(Dropped(section="uncertainty", reason="cue not in its evidence",
                                   detail=u.evidence.text[:120]))
    unc = analysis.uncertainty.model_copy(update={"cues": cues})
    meta = analysis.meta.model_copy(update={"dropped": dropped})
    return analysis.model_copy(update={"claims": claims, "sourced_facts": facts,
                                       "uncertainty": unc, "meta": meta})
