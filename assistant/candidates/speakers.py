"""Speakers: the words that describe who speaks (titles, bodies, unnamed sources), the extent of
a speaker's noun phrase, and what is never a speaker."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .verbs import is_reporting

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

GOV_WORDS = re.compile(
    r"\b(ministry|government|commission|agency|department|council|parliament|cabinet|"
    r"administration|police|army|military|office|court|authority|authorities|presidency|"
    r"kremlin|pentagon|white house|downing street|elys[eé]e|state department|embassy|"
    r"municipality|prosecutors?|"
    r"navy|air force|armed forces|coalition|command)\b", re.IGNORECASE)
GROUP_WORDS = re.compile(r"\b(militias?|forces|groups?|rebels|protesters|unions?|"
                         r"meteorologists|scientists|doctors|commanders|parties|fighters|"
                         r"movement|insurgents|activists)\b", re.IGNORECASE)
# Unnamed sources: a noun phrase like these as speaker or cited source.
ANON_HEAD = re.compile(
    r"\b(official|officials|source|sources|agent|agents|diplomat|diplomats|spokesperson|spokesman|"
    r"spokeswoman|aide|aides|insider|insiders|person|people|resident|residents|witness|"
    r"witnesses|farmer|worker|workers|employee|employees|researchers|analysts|experts|"
    r"critics|observers|lawmakers|members|strategists|advisers|advisors|investors|"
    r"executives|staff|staffers|negotiators|operatives|officer|officers|representative|"
    r"commentator|commentators|activist|activists|medic|medics|doctor|doctors|"
    r"someone|figures|leaders|delegates|voters|supporters)\b", re.IGNORECASE)
# jobs written before a name as a title ("Quarterback Jalen Price", "Activist Ana Ruiz"); the
# small pipeline may tag them into the person's name
OCCUPATIONS = frozenset({"activist", "lawyer", "attorney", "economist", "analyst", "historian",
                         "professor", "detective", "sheriff", "trooper", "officer", "coach",
                         "quarterback", "striker", "goalkeeper", "pitcher", "midfielder",
                         "defender", "skipper", "owner", "founder", "councilman",
                         "councilwoman", "councillor", "councilor", "assemblyman",
                         "assemblywoman", "commissioner", "chancellor", "premier"})
TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "president", "vice", "prime", "minister", "gen", "general", "maj", "major", "brig", "brigadier", "lt", "col", "colonel", "capt", "captain", "adm", "admiral", "sgt", "sen", "senator", "rep", "representative", "gov", "governor", "mayor", "chief", "commander", "chairman", "chairwoman", "chair", "ceo", "cfo", "director", "secretary", "ambassador", "judge", "justice", "king", "queen", "prince", "princess", "sheikh", "ayatollah", "rev", "father", "sir", "lord", "lady", "former", "deputy", "acting", "interim", "caretaker", "spokesman", "spokeswoman", "spokesperson", "rear", "press", "speaker", "pastor", "bishop", "rabbi", "imam", "cardinal", "pope"]) | OCCUPATIONS
PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "org", "we": "plural",
            "i": "person"}
OBJECT_FORMS = {"him": "he", "her": "she", "them": "they"}  # the subject form of each
# and of each possessive ("Her view is that ...": she; "his letter": he)
POSSESSIVE_FORMS = {"his": "he", "her": "she", "its": "it", "their": "they"}
_NOT_SPEAKER_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


_TIME_ZONES = {"GMT", "UTC", "EST", "EDT", "PST", "PDT", "CET", "CEST", "BST"}


def dateline_end(tok: Token) -> int:
    """Index of the first token after a dateline opening the paragraph ("COLUMBUS, Ohio - ",
    "BAGHDAD (AP) - "), else the sentence's start: the small parser makes the place a
    subject or a part of the speaker's name. A second dash later ("NATO - the alliance -
    said") is an aside, no dateline."""
    sent = tok.sent
    m = DATELINE.match(sent.text) if sent.start == 0 else None
    if m is None or re.search(r"\s[-–—]+\s", sent.text[m.end():]):
        return sent.start
    return next((t.i for t in sent if t.idx - sent.start_char >= m.end()), sent.start)


def one_referent(head: Token, conj: Token) -> bool:
    """Two singular nouns under one determiner or possessive name one speaker ("his sister
    and partner", "the founder and chief executive"), as does a name and a bare singular
    noun; "officials and analysts", "Ruiz and Tanaka" or "the mayor and the governor" are
    two."""
    def own_det(t: Token) -> bool:
        return any(c.dep_ in {"det", "poss"} for c in t.children)

    if same_entity(head, conj):
        return True  # "Johnson & Johnson": the parse coordinates the words of one name
    if conj.tag_ != "NN" or conj.ent_type_ or own_det(conj):
        return False
    # "Ruiz, the mayor and current party leader": a description coordinated to a name
    return head.pos_ == "PROPN" or (head.tag_ == "NN" and own_det(head))


def entity_of(tok: Token) -> SpacySpan | None:
    """The named entity a token lies in."""
    if not tok.ent_type_:
        return None
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)


def same_entity(one: Token, other: Token) -> bool:
    """"Johnson & Johnson": two words of one name joined by an ampersand ("Smith, Jones and
    Brown", which the small pipeline may tag as one name, are three people)."""
    ent = entity_of(other)
    return ent is not None and ent.start <= one.i < ent.end and \
        any(t.text == "&" for t in one.doc[min(one.i, other.i):max(one.i, other.i)])


def phrase(tok: Token) -> tuple[int, int]:
    """Token index range of a subject noun phrase, without its relative clauses, conjuncts or
    the saying participle it is the subject of ("media reports suggesting that ...")."""
    def cut(t: Token) -> bool:
        set_off = t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","
        if t.dep_ == "relcl" and set_off:
            # "A person briefed on the talks, who spoke on condition of anonymity,": the
            # clause says how, not who, wherever the parser hangs it
            return True
        if t.head == tok and t.dep_ == "prep" and t.lower_ in {"including", "among"} and set_off:
            return True  # "Critics, including the union, say": who the critics are, not who
        return t.head == tok and (t.dep_ in {"conj", "cc", "relcl"} or age(t) or t.dep_ == "acl" and (
            is_reporting(t) or  # ", speaking on condition of anonymity,": how, not who
            t.tag_ in {"VBG", "VBN"} and set_off or
            # "a study published Wednesday in the journal X": when it came out, not who
            t.tag_ == "VBN" and t.lemma_.lower() in _PUBLISHED))

    ent = entity_of(tok)
    if ent is not None and not any(t.text == "&" for t in ent):
        ent = None
    kept = {tok.i}
    for t in tok.subtree:
        if ent is not None and ent.start <= t.i < ent.end:
            kept.add(t.i)  # "Johnson & Johnson", "Coastal Power & Light": one name
            continue
        if cut(t):
            continue
        if any(cut(a) for a in t.ancestors if a != tok and a.i != tok.i and tok in a.ancestors):
            continue
        kept.add(t.i)
    # the unbroken run around the head: the comma closing a relative clause ("The mayor, who
    # spoke to reporters, said") belongs to the head but must not pull the clause back in
    left, right = tok.i, tok.i
    while left - 1 in kept:
        left -= 1
    while right + 1 in kept:
        right += 1
    doc = tok.doc
    floating = next((i for i in range(tok.i + 1, right + 1) if doc[i].lower_ in _FLOATING and
                     doc[i].head.i == tok.i), None)
    if floating is not None:
        right = floating - 1  # "The ministers all said", "Ruiz all but accused": not who
    while right > left and (doc[right].is_punct or doc[right].lower_ in {"who", "which"}):
        right -= 1
    left = max(left, min(dateline_end(tok), tok.i))  # "WASHINGTON - Mark Hollis"
    if doc[left].lower_ == "all" and doc[left].dep_ == "det" and tok.pos_ == "PROPN":
        left += 1  # '"Not yet," was all Ruiz would say': Ruiz
    while left < right and doc[left].is_punct:
        left += 1
    return left, right + 1


_PUBLISHED = frozenset({"publish", "release", "issue", "post", "circulate", "file"})


# a quantifier after the subject ("the ministers all said", "X all but accused") says how
# many or how nearly, not who
_FLOATING = frozenset({"all", "both", "each"})


def age(tok: Token) -> bool:
    """"Ruiz, 61, said": a number set beside a name as its appositive is the person's age."""
    return tok.dep_ == "appos" and tok.like_num and tok.text.isdigit() and \
        0 < int(tok.text) < 120


def shared_head(tok: Token) -> Token | None:
    """"Several intelligence, law enforcement and military officials": the small parser makes
    "intelligence" the head and the rest its conjuncts; singular nouns with no determiner of
    their own before a plural last conjunct are modifiers of it, one group of speakers (the
    last conjunct, whose phrase runs from the first)."""
    conj = [c for c in tok.conjuncts if c.i > tok.i]
    if not conj or conj[-1].tag_ != "NNS":
        return None
    modifiers = [tok, *conj[:-1]]
    if any(t.tag_ != "NN" or not t.text.islower() or t.ent_type_ or
           t.lower_ in TITLES or ANON_HEAD.search(t.text) for t in modifiers):
        return None  # "Ruiz and aides", "the mayor and governors": people, two speakers
    if any(c.dep_ in {"det", "poss"} for t in conj for c in t.children):
        return None  # "the police and the protesters" are two
    return conj[-1]


def speaker_range(tok: Token) -> tuple[int, int]:
    """The subject phrase; on a broken parse (huge subtree) only the entity around the token."""
    first = next((h for h in tok.conjuncts if h.i < tok.i and
                  getattr(shared_head(h), "i", None) == tok.i), None)
    if first is not None:
        return first.left_edge.i, tok.i + 1
    a, b = phrase(tok)
    if b - a > 14 and tok.ent_type_:
        ent = entity_of(tok)
        if ent is not None:
            return ent.start, ent.end
    return a, b


# "some are saying", "many of them said": a speaker no one could ask
VAGUE_GROUPS = frozenset({"some", "many", "several", "most"})


def not_a_speaker(tok: Token) -> bool:
    """Dates, times, numbers and determiners are never speakers; "some" and "many" standing
    alone as a subject ("some are quietly saying") are, vaguely."""
    if tok.dep_ == "nsubj" and tok.like_num and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(
                o.dep_ == "pobj" and (o.lower_ in {"them", "us"} or o.tag_ == "NNS" and
                                      o.lemma_.lower() not in _EVIDENCE)
                for o in c.children) for c in tok.children):
        return False  # "Two of them said", "One of the nurses said": some of a group
    if tok.ent_type_ in _NOT_SPEAKER_ENTS or tok.text in _TIME_ZONES:
        return True
    if tok.lower_ in VAGUE_GROUPS and tok.dep_ == "nsubj" and all(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):  # "some of them"
        return False
    if tok.lower_ in _FLOATING and tok.dep_ == "nsubj" and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # "All of the ministers said", "Both of the senators said"
    if tok.lemma_.lower() in _EVIDENCE and not any(
            c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN" for c in tok.children):
        return True  # "The data suggest that ...": the writer's reading of numbers
    return tok.pos_ in {"DET", "NUM"} or (tok.pos_ == "PRON" and tok.lower_ not in PRONOUNS)


# (not "figures" nor "a number of": people as often as numbers)
_EVIDENCE = frozenset({"data", "datum", "statistic", "statistics", "evidence", "result",
                       "finding", "trend"})


DASHES = {"-", "–", "—", "--"}


# "WASHINGTON (Reuters) - ", "COLUMBUS, Ohio - ": the place and agency opening a story
DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’ /-]{2,}(?:,\s*[A-Z][\w.’' ]{1,30})?(?:\s*\([^)]{1,40}\))?"
                      r"\s+[-–—]+\s+|^\s*[A-Z][A-Z.'’ /-]{2,}(?:,\s*[A-Z][\w.’' ]{1,30})?"
                      r"(?:\s*\([^)]{1,40}\))?\s*[–—]+\s*")
