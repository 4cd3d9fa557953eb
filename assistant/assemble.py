"""From checked candidates to the output items: claims, sourced facts and cues with exact
spans, one claim per statement (duplicates merged), full names where the article gives them.

Kept apart from `pipeline` (which asks the model) so that what becomes of a candidate after
the model has answered can be read, and tested, in one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .article import Article, Sentence
from .candidates import Attribution, Cue, find_quotes
from .grounding import span
from .models import Claim, Dropped, SourcedFact, UncertaintyCue
from .turns import QUOTE_JOIN

SentenceIds = Callable[[Attribution], list[str]]


def one_line(text: str) -> str:
    return " ".join(text.split())


def from_sentence(article: Article, sent: Sentence, speaker: str) -> Attribution:
    """A statement the model found and the parser did not: the whole sentence, its kind from
    the quotes in it."""
    quotes = find_quotes(sent, article)
    direct = [q for q in quotes if q.direct]
    kind = "direct" if direct and len(direct) == len(quotes) else "mixed" if quotes else "indirect"
    stype = "person" if re.fullmatch(r"([A-Z][\w'’-]+\s){1,3}[A-Z][\w'’-]+", speaker) else (
        "unnamed" if speaker[:1].islower() else "organization")
    return Attribution(sentence=sent, speaker=speaker, speaker_type=stype, role=None,
                       start=sent.start, end=sent.end, kind=kind,
                       quote=quotes[0] if quotes else None)


def _surnames(full_name: str) -> set[str]:
    """'Qassim al-Muhammadi' is later 'Muhammadi' as well as 'al-Muhammadi'."""
    last = full_name.split()[-1]
    return {last, re.sub(r"^(?:al|el|ad|ar|as|ash|at|az|ud)-", "", last, flags=re.IGNORECASE)}


def canonical_names(claims: list[Attribution]) -> None:
    """'Javani' -> 'Yadollah Javani' when the full name is used elsewhere in the article."""
    full = [c for c in claims if c.speaker_type == "person" and len(c.speaker.split()) >= 2]
    for c in claims:
        if len(c.speaker.split()) == 1:
            for f in full:
                if c.speaker in _surnames(f.speaker):
                    c.speaker, c.speaker_type = f.speaker, "person"
                    c.role = c.role or f.role
                    break


def dedupe_claims(article: Article, claims: list[Attribution],
                  dropped: list[Dropped]) -> list[Attribution]:
    """One speaker, one sentence, overlapping or touching spans (neither a quote): the same
    statement proposed twice, e.g. a clause the model re-attributed to the sentence's main
    speaker. The two become one claim over both spans; the other is noted in `dropped`."""
    out: list[Attribution] = []
    for c in claims:
        twin = next((o for o in out if o.sentence.id == c.sentence.id
                     and o.speaker.lower() == c.speaker.lower()
                     and (o.start < c.end and c.start < o.end or (
                         (o.embedded or c.embedded) and
                         o.kind != "direct" and c.kind != "direct" and
                         not article.text[min(o.end, c.end):max(o.start, c.start)]
                         .strip(" ,;")))), None)
        if twin is None:
            out.append(c)
            continue
        keep = c if twin.embedded and not c.embedded else twin
        if keep.kind != "direct":
            keep.start, keep.end = min(c.start, twin.start), max(c.end, twin.end)
        out[out.index(twin)] = keep
        dropped.append(Dropped(section="claims", reason="duplicate statement",
                               detail=f"{c.speaker}: {c.sentence.id}"))
    return out


def to_claims(article: Article, claims: list[Attribution], ids: SentenceIds) -> list[Claim]:
    text = article.text
    out = []
    for i, c in enumerate(claims):
        quote = QUOTE_JOIN.join(text[q.inner_start:q.inner_end] for q in (c.quote, c.tail)
                                if q is not None) if c.quote else None
        ev = span(text, c.start, c.end)
        out.append(Claim(
            id=f"c{i + 1}", speaker=c.speaker, speaker_type=c.speaker_type,  # type: ignore[arg-type]
            role=c.role, kind=c.kind, channel=c.channel, quote=quote,  # type: ignore[arg-type]
            content=quote if c.kind == "direct" and quote else one_line(ev.text),
            evidence=ev, sentence_ids=ids(c)))
    return out


def to_facts(article: Article, facts: list[Attribution], ids: SentenceIds) -> list[SourcedFact]:
    out = []
    for i, f in enumerate(sorted(facts, key=lambda f: (f.start, f.end))):
        ev = span(article.text, f.start, f.end)
        out.append(SourcedFact(id=f"f{i + 1}", outlet=f.outlet or f.speaker,
                               underlying_sources=f.underlying, statement=one_line(ev.text),
                               evidence=ev, sentence_ids=ids(f)))
    return out


def to_cues(article: Article, cues: list[Cue], claims: list[Claim],
            facts: list[SourcedFact]) -> list[UncertaintyCue]:
    """Each cue is about the claims and facts of its sentence."""
    out = []
    for i, u in enumerate(cues):
        about = [c.id for c in claims if u.sentence.id in c.sentence_ids] + \
                [f.id for f in facts if u.sentence.id in f.sentence_ids]
        out.append(UncertaintyCue(id=f"u{i + 1}", kind=u.kind, cue=u.cue,  # type: ignore[arg-type]
                                  evidence=span(article.text, u.start, u.end), about=about))
    return out
