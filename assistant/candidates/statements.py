"""Where a statement's span begins and ends: the reporting clause's own content, one span per
statement when a speaker makes several, the stretch outside quotes, and an outlet's "X
reports:" whose statement is the quote that follows it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..article import Paragraph, Sentence
from .model import Attribution, Quote
from .quotes import inside_open_quote, sentence_quotes
from .verbs import AUDIENCE_VERBS, STATEMENT_NOUNS, is_reporting

if TYPE_CHECKING:
    from spacy.tokens import Token

_CONTENT_PREPS = frozenset({"about", "of", "for", "against", "as", "that", "regarding"})
# '"...," she said of the plan': what the quote is about, not a second statement
_TOPIC_PREPS = frozenset({"about", "of", "regarding"})
_PLAIN_SAYING = frozenset({"say", "write", "tweet", "add"})
_JOINER_TAIL = re.compile(r"(?:[\s,;]+|\bbut\b|\band\b)+$")


_CARRIED = frozenset({"publish", "carry", "broadcast", "air", "post", "release", "relay"})


def content_outside(verb: Token, quotes: list[Quote], speaker_rng: tuple[int, int],
                     base: int) -> int:
    """How many content words the reporting clause has outside quotes and the speaker.

    A verb that only introduces a quote ('"...," she told reporters') has none.
    """
    n = 0
    inverted = any(0 <= verb.idx + base - q.end <= 3 for q in quotes)
    for c in verb.children:
        if c.dep_ not in {"ccomp", "xcomp", "dobj", "prep", "attr", "oprd", "pobj"}:
            continue  # manner and time adjuncts ("holding back tears", "on Monday") say nothing
        if c.dep_ == "dobj" and inverted and c.i > verb.i:
            continue  # '"...," tweeted the mayor': the parser's object is the speaker
        if c.dep_ == "ccomp" and any(q.start <= c.idx + base < q.end for q in quotes):
            continue  # the clause is the quote itself
        if c.dep_ == "prep" and c.lemma_.lower() not in _CONTENT_PREPS:
            continue  # "said over the phone", "told reporters in Paris": where, not what
        if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS and \
                verb.lemma_.lower() in _PLAIN_SAYING:
            continue
        if c.dep_ == "dobj" and verb.lemma_.lower() in AUDIENCE_VERBS:
            continue  # "told a local television channel": the listener, not what was said
        if c.dep_ == "dobj" and c.lower_ in STATEMENT_NOUNS and all(
                g.dep_ in {"det", "poss"} for g in c.children):
            continue  # "denied the claims, saying: '...'": the quote says what was denied
        if c.dep_ in {"advcl", "conj"} and is_reporting(c):
            continue
        if c.lemma_.lower() in _CARRIED and any(g.dep_ == "agent" for g in c.children):
            continue  # "the statement said, published by Fars": where it appeared
        said = [g for g in c.children if g.dep_ == "pcomp" and g.lemma_.lower() == "say"]
        if c.dep_ == "prep" and c.lower_ == "as" and said:
            # "was quoted as saying by the Post": only what the saying verb says counts
            n += content_outside(said[0], quotes, speaker_rng, base)
            continue
        for t in c.subtree:
            if speaker_rng[0] <= t.i < speaker_rng[1] or not t.is_alpha:
                continue
            if any(q.start <= t.idx + base < q.end for q in quotes):
                continue
            n += 1
    return n


# what may stand between a saying verb and a quote that is its whole clause: a listener or an
# occasion ("told reporters at the end of the session", "in a social media post") and "that"
_INTRO_ONLY = re.compile(r"^(?:(?!\bthat\b)[^,\"“”‘’'.;:])*?\bthat[\s,:]*$|^[\s,:]*$")


# verbs whose quote is what something is called, not a whole statement
_NAMING = frozenset({"call", "label", "dub", "brand", "term", "describe", "characterize",
                     "characterise"})


def whole_clause_quoted(text: str, verbs: list[Token], q: Quote, b: int, base: int) -> bool:
    """'Raab said "conflict is in none of our interests."': the quote is all that was said,
    a direct statement; 'said the storm had "destroyed everything"' is mixed."""
    before = [v for v in verbs if base + v.idx < q.start]
    if not before:
        return False
    v = max(before, key=lambda t: t.i)
    if v.lemma_.lower() in _NAMING:
        return False  # 'the penalty, which he called "a disgrace."': a name for it, mixed
    vend = base + v.idx + len(v.text)
    return bool(_INTRO_ONLY.match(text[vend:q.start])) and \
        not re.search(r"\w", text[q.end:b])


def participle_start(verbs: list[Token], base: int) -> int | None:
    """Where the statement starts when the speaker only says something while doing something
    else: "called off the strike, saying later that ..." - the act is narration, the
    participle and what follows it are the statement."""
    if not verbs or not all(v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.i < v.i and
                            v.head not in verbs and not is_reporting(v.head) for v in verbs):
        return None
    return base + min(verbs, key=lambda v: v.i).idx


def statement_spans(s: Sentence, verbs: list[Token], a: int, b: int,
                     base: int) -> list[tuple[int, int]]:
    """One span per statement when one speaker makes several in a sentence: "said X, but she
    warned Y". A later reporting verb that hangs off an earlier one as a new clause (conj,
    advcl, xcomp) with its own content starts a new statement at the clause's left edge; a
    finite reporting clause put before the main one ("Although he acknowledged X, he
    maintained Y") ends where the main clause starts ("Highlighting X, he warned Y" stays one:
    the participle tells how he warned)."""
    def own_content(v: Token) -> bool:
        return any(c.dep_ in {"ccomp", "dobj", "prep", "oprd"} for c in v.children)

    cuts = [base + v.left_edge.idx for v in sorted(verbs, key=lambda t: t.i)[1:]
            if v.dep_ in {"conj", "advcl", "xcomp"}
            and any(anc in verbs for anc in list(v.ancestors)[:3]) and own_content(v)]
    for v in verbs:
        if v.dep_ == "advcl" and v.head in verbs and v.head.i > v.right_edge.i and \
                any(c.dep_ == "nsubj" for c in v.children) and \
                own_content(v) and own_content(v.head):  # a clause of its own, not a participle
            nxt = v.doc[v.right_edge.i + 1:v.head.i + 1]
            start = next((t for t in nxt if not t.is_punct), None)
            if start is not None:
                cuts.append(base + start.idx)
    for v in verbs:  # "Berg, who once said X, now says Y": the aside is a statement too
        if v.dep_ == "relcl" and own_content(v) and any(w.i > v.right_edge.i for w in verbs):
            start = next((t for t in v.doc[v.right_edge.i + 1:] if not t.is_punct), None)
            if start is not None:
                cuts.append(base + start.idx)
    cuts = sorted({c for c in cuts if a < c < b})
    if not cuts:
        return [(a, b)]
    out = []
    for lo, hi in zip([a, *cuts], [*cuts, b], strict=True):
        piece = s.text[lo - s.start:hi - s.start]
        end = lo + len(_JOINER_TAIL.sub("", piece))
        lead = len(piece) - len(piece.lstrip(" ,;"))  # ", saying no closures were planned"
        out.append((lo + lead, end))
    return [(lo, hi) for lo, hi in out if hi - lo > 10] or [(a, b)]


def outside(s: Sentence, quotes: list[Quote], lo: int | None = None,
             hi: int | None = None) -> tuple[int, int]:
    """The longest stretch of the sentence (or of [lo, hi)) outside the given direct quotes."""
    lo = s.start if lo is None else lo
    hi = s.end if hi is None else hi
    pieces, pos = [], lo
    for q in sorted(quotes, key=lambda q: q.start):
        if q.end <= lo or q.start >= hi:
            continue
        pieces.append((pos, max(pos, q.start)))
        pos = max(pos, q.end)
    pieces.append((pos, max(pos, hi)))
    a, b = max(pieces, key=lambda ab: ab[1] - ab[0])
    text = s.text
    while a < b and not text[a - s.start].isalnum() and text[a - s.start] not in "\"“‘'":
        a += 1
    while b > a and text[b - s.start - 1] in " ,;:":
        b -= 1
    return a, b


_QUOTE_OPENERS = "\"“‘'"


def quoted_report(frame: Attribution | None, p: Paragraph, s: Sentence) -> Attribution | None:
    """An outlet's "The Times says:" introduces the quote that follows, in the next sentence
    or paragraph: each sentence of that quote is the outlet's report (the frame alone says
    nothing). Returns the fact for `s`, or None when `s` is not part of that quote."""
    if frame is None:
        return None
    opens = p.text[s.start - p.start:].lstrip()[:1] in _QUOTE_OPENERS
    if frame.frame_only and not opens or not frame.frame_only and (
            frame.sentence.paragraph != p.index or not inside_open_quote(p, s)):
        return None
    if frame.frame_only:  # the frame's own fact moves to the quote
        frame.sentence, frame.start, frame.end, frame.frame_only = s, s.start, s.end, False
        return frame
    return Attribution(sentence=s, speaker=frame.speaker, speaker_type=frame.speaker_type,
                       role=None, start=s.start, end=s.end, kind="indirect",
                       outlet=frame.outlet, underlying=list(frame.underlying),
                       resolved_from=frame.resolved_from)


def frame_fact(p: Paragraph, s: Sentence, facts: list[Attribution]) -> Attribution | None:
    """The outlet fact of a sentence that only introduces a quote still to come."""
    if not s.text.rstrip().endswith(":") or sentence_quotes(p, s) or len(facts) != 1:
        return None
    facts[0].frame_only = True
    return facts[0]
