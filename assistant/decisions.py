"""What the model decides over the parser's candidates, and how its answer is applied.

The parser proposes; the model is asked only where the parser guessed (a resolved pronoun, a
continued quote, an embedded clause), may name a guessed speaker more fully, may add a
statement the parser missed, and may call an unknown organisation a news outlet. Everything
here is code over the model's answer: what it may change, and what stays when it says nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .article import Article
from .assemble import canonical_names, dedupe_claims, from_sentence
from .candidates import Attribution, MaybeOutlet
from .candidates.speakers import PRONOUNS
from .llm_schemas import Attributions
from .models import Dropped
from .names import norm_tokens


def check_budget(candidate_lines: str) -> int:
    """max_tokens of the check answer, sized to the candidates listed: a check item was up to
    about 30 tokens as an object with "id", "speaker" and "keep" (an id and a speaker, about
    10-15 tokens, now: the budget errs high), and an answer cut at a fixed 400 on a long
    article (17 checks, 388 tokens needed) was asked again from scratch with twice the
    budget. At most 20 checks, 6 missed and 8 media ids: 810."""
    listed = 0 if candidate_lines == "(none)" else candidate_lines.count("\n") + 1
    return max(400, 210 + 30 * min(listed, 20))


def needs_check(c: Attribution) -> bool:
    """The model is asked only where the parser guessed: resolved pronouns, embedded clauses."""
    return c.resolved_from is not None or c.embedded


def names_more_fully(parser: str, model: str) -> bool:
    """The model's speaker replaces the parser's only where it names the same speaker more
    fully ("Mayville" -> "Lt. Gen. William Mayville", "the official" -> "the U.S. official").
    Measured on the 58 real documents (real-dev and PolNeAR), every other disagreement on a
    resolved "he" or a continued quote was the model's error (4 of 4: the quote went to a
    speaker named nearby, not to the one whose quote it continues)."""
    m = model.strip()
    if not m or m.lower() in PRONOUNS:
        return False
    mine = norm_tokens(parser)
    return parser.strip().lower() in PRONOUNS or not mine or mine <= norm_tokens(m)


def _main_speaker_of_sentence(cand: Attribution, model: str,
                              cands: Iterable[Attribution]) -> bool:
    """A clause inside another's statement ("The mayor said that engineers warned ...")
    given by the model to that statement's speaker: the mayor's, merged with the statement."""
    want = model.strip().lower()
    return cand.embedded and bool(want) and any(
        o.sentence.id == cand.sentence.id and not o.embedded and o.speaker.lower() == want
        for o in cands)


def droppable(c: Attribution) -> bool:
    """Only what the parser was unsure was a statement at all goes when the model gives it no
    valid verdict.

    A quote, or a verb whose subject the parser resolved ("he said"), is a statement; the
    model may re-attribute it but not drop it (measured: small models drop valid quotes, and
    its "not a statement" verdicts on embedded clauses were wrong 11 times in 14).
    """
    return c.embedded and c.quote is None


def sentence_ids(article: Article, item: Attribution) -> list[str]:
    """Every sentence the item's span touches (a quote may run over several)."""
    ids = [x.id for x in article.sentences if x.start < item.end and item.start < x.end]
    return ids or [item.sentence.id]


def apply_checks(article: Article, cand_ids: dict[str, Attribution], facts: list[Attribution],
                 answer: Attributions, dropped: list[Dropped]) -> list[Attribution]:
    """The claims after the model's checks: the parser's candidates (a guessed speaker named
    more fully, an unsure one dropped without a verdict) and the statements it found that
    the parser missed; what goes is recorded in `dropped`."""
    kept: list[Attribution] = []
    verdicts: dict[str, Any] = {}
    for check in answer.checks:  # a repeated id is the answer running on:
        verdicts.setdefault(check.id, check)  # the first verdict for it stands
    for cid, cand in cand_ids.items():
        v = verdicts.get(cid)
        if v is None and droppable(cand):
            dropped.append(Dropped(section="claims", reason="model: no valid verdict",
                                   detail=f"{cand.speaker}: {cand.sentence.id}"))
            continue
        if v is not None and needs_check(cand) and (
                names_more_fully(cand.speaker, v.speaker) or
                _main_speaker_of_sentence(cand, v.speaker, cand_ids.values())):
            cand.speaker = v.speaker.strip()
        kept.append(cand)
    covered = {i for c in [*kept, *facts] for i in sentence_ids(article, c)}
    for m in answer.missed:
        sent = article.sentence(m.sentence)
        if sent is None or sent.id in covered:
            continue
        if article.in_instruction(sent.start, sent.end):
            dropped.append(Dropped(section="claims", reason="model: a sentence of "
                                   "instruction-like text", detail=f"{m.speaker}: {sent.id}"))
            continue
        covered.add(sent.id)
        kept.append(from_sentence(article, sent, m.speaker))
    kept.sort(key=lambda c: (c.start, c.end))
    canonical_names(kept)
    return dedupe_claims(article, kept, dropped)


def apply_media(answer: Attributions, outlet_ids: dict[str, MaybeOutlet],
                facts: list[Attribution], claims: list[Attribution]) -> list[Attribution]:
    """Organisations the model calls news media become outlets: their report a sourced
    fact citing whoever spoke to them (added to `facts`); a claim made in their name becomes
    that fact."""
    for oid in dict.fromkeys(answer.media):
        m = outlet_ids.get(oid)
        if m is None:
            continue
        s = m.sentence
        if m.speaker:
            claims = [c for c in claims if not (c.speaker == m.name and c.sentence.id == s.id)]
        if not any(f.outlet == m.name and f.sentence.id == s.id for f in facts):
            facts.append(Attribution(
                sentence=s, speaker=m.name, speaker_type="organization", role=None,
                start=s.start, end=s.end, kind="indirect", outlet=m.name,
                underlying=list(m.underlying)))
    return claims
