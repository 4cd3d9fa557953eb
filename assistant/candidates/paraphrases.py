"""Statements made without a saying verb: a named body's finding ("A Reuters tally showed
that"), "made clear that", "X's argument is that", "put the toll at 20", "the statement
read", "issued a warning that"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .quotes import QUOTE_MARKS, quote_mark_child

if TYPE_CHECKING:
    from spacy.tokens import Token


# what a newsroom or a body finds out itself (a poll's numbers are data: "polls show" is a
# cue of missing context)
_RESEARCH = frozenset({"analysis", "tally", "count", "review", "investigation", "study",
                       "audit", "examination", "inquiry", "probe"})


def owned_finding(tok: Token) -> bool:
    """"A Reuters tally showed that", "a report by the AP found that": research a named body did
    and what it found; "the study found" names nobody (narration)."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in _RESEARCH | {"report"} and \
        any(c.dep_ == "ccomp" and c.left_edge.tag_ not in {"WRB", "WP", "WDT"}
            for c in tok.children) and \
        any(c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN" or  # "A report by the AP"
            c.dep_ == "prep" and c.lower_ in {"by", "from"} and
            any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
            for c in subj.children)


def makes_clear(tok: Token) -> bool:
    clear = next((c for c in tok.children if c.lower_ == "clear"), None)
    return clear is not None and any(
        t.dep_ == "mark" and t.lower_ == "that" for t in tok.subtree if t.i > clear.i)


# a stance in a noun: "X's argument is that ...", "his position was that ..."
_STANCES = frozenset({"argument", "view", "position", "message", "point", "contention",
                      "claim", "assertion", "stance", "answer", "response", "explanation",
                      "defense", "defence", "case", "complaint", "concern", "hope", "belief"})


def stance_owner(tok: Token) -> Token | None:
    """The owner of "X's argument is that ...": the one who argues (None if no owner named,
    or if the clause is not a "that" clause)."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _STANCES:
        return None
    if not any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                         for m in c.children) for c in tok.children):
        return None
    return next((c for c in subj.children if c.dep_ == "poss"), None)


_FIGURES = frozenset({"toll", "number", "figure", "count", "tally", "cost", "damage", "losses",
                      "casualties", "turnout", "total", "crowd", "attendance", "size"})


def puts_a_figure(tok: Token) -> bool:
    """"put the death toll at 20", "put the number of dead at 20": a count someone gives."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGURES for c in tok.children) and \
        any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children)


_NOMINAL = frozenset({"warning", "statement", "threat", "assurance", "call", "appeal",
                      "message", "denial", "ultimatum", "remarks", "announcement", "pledge",
                      "promise", "apology", "rebuke", "condemnation", "reminder"})


# what someone issues and a later "the statement said" / "the post read" speaks for (the
# owner is resolved like a speaker); a banner, sign or headline that "reads" something has
# no one to answer for it, a video shows rather than reads
ISSUED_DOCUMENTS = frozenset({"statement", "post", "tweet", "letter", "message", "report",
                              "release", "memo", "communique", "communiqué", "video"})
_READ_BY = ISSUED_DOCUMENTS - {"report", "video"}


def document_reads(tok: Token) -> bool:
    """"the statement read", "a ministry post reads: ...": a document's words, quoted or after
    a colon; not "he read the statement" (a person reading) nor "reads like" (a verdict)."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _READ_BY or \
            any(c.dep_ == "dobj" for c in tok.children) or \
            any(c.dep_ == "prep" and c.lower_ in {"like", "as"} for c in tok.children):
        return False
    return quote_mark_child(tok) or any(c.dep_ in {"ccomp", "parataxis"} for c in tok.children)


# where a statement was put or whom it was given to: no part of what it says
_MEDIA = frozenset({"website", "site", "page", "account", "channel", "platform", "telegram",
                    "x", "facebook", "twitter", "instagram", "tiktok", "youtube", "media",
                    "television", "tv", "radio", "blog", "feed", "app", "truth", "weibo"})
_AUDIENCE = frozenset({"reporters", "journalists", "staff", "employees", "members",
                       "supporters", "press", "media", "workers", "followers", "parliament"})


def _where_or_whom(prep: Token) -> bool:
    """"a message on its website", "a statement to reporters": the channel or the audience."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    words = {obj.lower_} | {c.lower_ for c in obj.children if c.dep_ == "compound"}
    return prep.lower_ == "on" and bool(words & _MEDIA) or \
        prep.lower_ == "to" and obj.lower_ in _AUDIENCE


def is_nominal_report(tok: Token) -> bool:
    """"issued a warning that ...", "gave an assurance that ...": a statement in a noun."""
    if tok.lemma_.lower() not in {"issue", "give", "deliver", "make", "release", "send", "post"}:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _NOMINAL and _says_something(c)
               for c in tok.children)


def _says_something(noun: Token) -> bool:
    """The noun carries what was said: a clause ("a warning that ...", "a statement saying"),
    a topic ("a warning about ..."), or a quote or colon after it; "made his announcement
    at the ceremony" says nothing itself."""
    if any(c.dep_ in {"acl", "ccomp", "relcl", "appos"} or c.dep_ == "prep" and c.lower_ in {
            "that", "of", "about", "on", "against", "over", "for", "to"} and not _where_or_whom(c)
            for c in noun.children):
        return True
    return any(t.is_punct and t.text in QUOTE_MARKS for t in noun.doc[noun.i + 1:noun.sent.end])
