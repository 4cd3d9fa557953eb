"""Statements inside statements, and which statement a quote or an outlet belongs to.

"Carter said that for years critics had predicted ...": the critics' words are part of
Carter's statement. "X reiterated what Y has stated - that ...": Y's words are Y's claim and
X's too. 'After X said ..., Y said: "..."': the quote is Y's. "X told supporters A, only to
say in an interview with CNN that B": CNN's fact is B.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .verbs import WRITE_VERBS, embedded

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

    from ..article import Sentence
    from .model import Attribution, Quote
    from .resolution import Speaker


def in_that_clause(verb: Token, outer: list[Token]) -> bool:
    """`verb` heads (or is joined to) a complement clause of one of the `outer` verbs, after
    it: "X said that Y had warned", "X says Y agree"; not "X said it after Y warned", nor a
    relative clause, a noun's clause or "what Y said" on the way up (nor a clause before the
    outer verb: the small parser hangs "X says ...: Y questioned" the wrong way round)."""
    cur, via_ccomp = verb, False
    for _ in range(6):
        if cur.dep_ == "ccomp" and not any(c.tag_ in {"WP", "WDT"} for c in cur.children):
            via_ccomp = True  # not "reiterated what X has stated" (echoed)
        elif cur.dep_ == "pcomp" and cur.head.lower_ == "with":
            return _in_trailing_frame(cur.head, outer)
        elif cur.dep_ != "conj":
            return False
        cur = cur.head
        if cur in outer:
            return via_ccomp and (cur.i < verb.i or inverted_frame(cur))
    return False


def _in_trailing_frame(tok: Token, outer: list[Token]) -> bool:
    """"Talks stalled, with each side accusing the other, diplomats said": a with-clause
    before a trailing frame is part of what the frame reports."""
    cur = tok
    for _ in range(4):
        if cur.head is cur:
            return False
        cur = cur.head
        if cur in outer:
            return tok.i < cur.i and inverted_frame(cur)
    return False


def echoed(verb: Token, outer: list[Token]) -> bool:
    """"reiterated what X has stated - that ...": X's words are X's claim and also what the
    echoing speaker says, so they stay in both claims."""
    return verb.dep_ == "ccomp" and verb.head in outer and \
        any(c.tag_ in {"WP", "WDT"} for c in verb.children)


def inverted_frame(verb: Token) -> bool:
    """'..., the mayor said.': the saying verb heads the sentence after a comma, its subject
    right after the comma."""
    subj = max((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i),
               key=lambda c: c.i, default=None)  # the one next to the verb, where the parse
    # also hangs the reported clause's subject on it
    if verb.dep_ != "ROOT" or subj is None:
        return False
    first = subj.left_edge
    return first.i > 0 and verb.doc[first.i - 1].text == "," and \
        not any(t.text in {":", ";"} for t in verb.doc[verb.sent.start:first.i])


def reported_by(e: Speaker, speakers: Iterable[Speaker], quotes: list[Quote]) -> Speaker | None:
    """The speaker whose statement reports e's ("Carter said that for years critics had
    predicted ...", "The campaign says voters agree ..."): e's every verb sits in the
    that-clause of another speaker's saying verb. What e said is then part of that
    statement, told in that speaker's words, not a claim e is on record with. Not with a
    direct quote in the sentence (whose words it is needs the quote's own attribution),
    nor under an outlet or its reporters (their report is a sourced fact)."""
    if e.outlet or not e.verbs or any(q.direct for q in quotes):
        return None
    for o in speakers:
        if o is e or o.outlet or o.staff_of or not o.verbs or \
                all(embedded(v) for v in o.verbs):
            continue
        if all(in_that_clause(v, o.verbs) for v in e.verbs):
            return o
    return None


def quote_owner(q: Quote, speakers: Iterable[Speaker], text: str, base: int) -> str | None:
    """'After X said that ..., Y said: "..."': with several speakers in a sentence, a
    quote is the one whose saying verb stands right before or after it; None when no verb
    is next to it (the first speaker takes it, as before). Outlets, and reporters writing
    their outlet's report, make no claim of their own, so they own no quote. `base`: the
    offset of the speakers' paragraph."""
    voices = [e for e in speakers if e.verbs and not e.outlet and not (
        e.staff_of and all(v.lemma_.lower() in WRITE_VERBS for v in e.verbs))]
    if len(voices) < 2:
        return None

    def gap(v: Token) -> int:
        at = base + v.idx
        between = text[at:q.start] if at < q.start else text[q.end:at]
        return len(between.split()) if not re.search(r"[.;]", between) else 99

    best = min(((gap(v), e.name) for e in voices for v in e.verbs), default=(99, ""))
    return best[1] if best[0] <= 4 else None


def told_in(pos: int, claims: list[Attribution], text: str, s: Sentence) -> Attribution | None:
    """"X told supporters A, only to say in an interview with CNN that B": the one
    statement an outlet frame at `pos` sits in, when the sentence's other statements were
    made elsewhere (no channel of theirs). Not for a frame before the speaker ("In a
    statement to the Post, X slammed A and reiterated B": all of it), nor beside a quote."""
    if len(claims) < 2 or any(c.kind == "direct" for c in claims):
        return None
    inside = [c for c in claims if c.start <= pos < c.end]
    if len(inside) != 1:
        return None
    told = inside[0]
    if any(c.channel for c in claims if c is not told):
        return None  # "confirmed it to Reuters but said ...": both to Reuters
    return told if told.speaker.split()[-1] in text[s.start:pos] else None


_CLAIM_NOUNS = frozenset({"assertion", "claim", "allegation", "accusation", "contention",
                          "insistence", "assurance", "warning", "denial", "argument"})


def noun_statements(span: Iterable[Token]) -> list[tuple[Token, Token, Token]]:
    """(owner, noun, clause) for a statement named by a noun with its owner and its words:
    "denied Russian assertions that its drones ...", "rejected the union's claim that ...".
    The owner made that statement even though no verb says so."""
    out = []
    for t in span:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in _CLAIM_NOUNS:
            continue
        clause = next((c for c in t.children if c.dep_ in {"acl", "ccomp"} and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        owner = next((c for c in t.children if c.dep_ == "poss" and
                      c.pos_ in {"PROPN", "NOUN"}), None) or \
            next((c for c in t.children if c.dep_ == "amod" and
                  c.ent_type_ in {"NORP", "GPE"}), None)
        if clause is not None and owner is not None:
            out.append((owner, t, clause))
    return out


def place_of(adjective: str, places: Iterable[str]) -> str | None:
    """The place named in the article that a nationality adjective stands for ("Russian" ->
    "Russia", "Iranian" -> "Iran", "Turkish" -> "Turkey"): the longest shared beginning, four
    letters at least and all of the place's but its last two."""
    best, size = None, 0
    for p in places:
        if p.lower() == adjective.lower():
            continue
        n = 0
        while n < min(len(p), len(adjective)) and p[n].lower() == adjective[n].lower():
            n += 1
        if n >= 4 and n >= len(p) - 2 and n > size:
            best, size = p, n
    return best
