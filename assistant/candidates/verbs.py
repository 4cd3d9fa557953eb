"""Reporting verbs: which tokens introduce what someone said, and which only look like it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .outlets import canonical_outlet, is_named_outlet
from .paraphrases import (
    document_reads,
    is_nominal_report,
    makes_clear,
    owned_finding,
    puts_a_figure,
    stance_owner,
)
from .quotes import CLOSING_MARKS, QUOTATION_MARKS, quote_mark_child
from .words import words

if TYPE_CHECKING:
    from spacy.tokens import Token

REPORTING_VERBS = frozenset(words("""
accuse acknowledge add admit advise agree allege announce answer apologise apologize argue
ask assert assess assure believe blame boast brand brief call caution characterise
characterize charge cite claim clarify comment compare complain concede conclude concur
condemn confirm contend counter criticise criticize declare defend demand denounce deny
describe detail disagree disclose dismiss dispute dub echo emphasise emphasize estimate
expect explain forecast highlight hint indicate inform insist joke label lament maintain
muse note observe outline pledge post praise predict proclaim project promise question quip
quote rebut recall recommend recount refute reiterate reject remark repeat reply report
respond retort reveal say scoff shout signal slam speculate state stress suggest tell testify
thank think threaten tout tweet urge vow warn welcome write yell
"""))

# Verbs that report only when they govern a clause or a quote: "call a meeting", "ask for".
WEAK_VERBS = frozenset(words("""
accuse add advise agree answer apologise apologize ask assess believe blame brand brief call
charge cite compare complain condemn confirm criticise criticize defend denounce describe
detail dismiss dub echo estimate expect forecast highlight indicate inform label maintain
note observe outline post praise predict project question quote recall recommend reject
repeat reply respond signal slam suggest thank think welcome
"""))
# These carry their statement in an object or a prepositional phrase ("blamed X for Y",
# "accused X of Y", "slammed the report"): a claim even without a clause.
OBJECT_VERBS = frozenset({"blame", "accuse", "charge", "slam", "condemn", "denounce", "dismiss",
                          "reject", "praise", "criticize", "criticise", "describe",
                          "compare", "call", "label", "brand", "dub", "deny", "confirm",
                          "welcome", "estimate", "predict", "forecast", "expect",
                          "question", "dispute", "refute", "rebut", "boast", "tout",
                          "recommend", "demand", "threaten", "promise", "pledge", "vow",
                          "disclose", "reveal", "acknowledge", "admit", "repeat",
                          "reiterate", "urge", "warn"})
# Objects that make "confirmed X", "denied X" a statement about a statement or an event.
STATEMENT_NOUNS = frozenset(["report", "reports", "account", "story", "claim", "claims", "allegation", "allegations", "news", "details", "detail", "death", "deaths", "figure", "figures", "toll", "number", "information", "accusation", "accusations", "assertion", "assertions", "statement", "remarks", "comments", "rumor", "rumors", "rumour", "rumours", "reporting", "charge", "charges", "existence", "involvement", "responsibility", "wrongdoing", "presence", "attack", "attacks", "strike", "strikes", "deployment", "plan", "plans", "talks", "meeting", "visit", "killing", "incident", "arrest", "criticism", "criticisms", "notion", "suggestion", "suggestions", "characterization", "idea", "premise", "assessment", "conclusion", "conclusions", "findings", "version", "narrative"])
AUDIENCE_VERBS = frozenset({"tell", "inform", "brief", "assure", "remind", "warn", "caution",
                            "urge", "ask", "thank"})
FREE_RELATIVE = frozenset({"whatever", "what", "whoever", "whichever"})
_DIRECTIVE = frozenset({"urge", "ask", "call", "tell", "warn", "advise", "invite", "encourage",
                        "order", "instruct", "direct", "request", "force", "want", "plan",
                        "decide", "agree", "refuse", "decline", "fail", "try", "seek"})
# what is declared by an act, not a statement: "a state of emergency", "war", "martial law"
_DECLARED_ACTS = frozenset({"emergency", "war", "bankruptcy", "law", "curfew", "holiday",
                            "mourning", "ceasefire", "truce", "disaster", "independence"})
# what is denied or granted by a decision, not by a statement
DECIDED = frozenset({"request", "motion", "bail", "application", "appeal", "permission",
                      "access", "entry", "visa", "petition", "bid", "parole", "asylum",
                      "waiver", "license", "licence", "permit", "extension", "exemption"})
# what a side concedes in a game: "conceded a goal", "conceded two penalties"
_PLAYS = frozenset({"goal", "penalty", "run", "try", "wicket", "corner", "touchdown", "basket",
                    "header", "equaliser", "equalizer", "free-kick", "foul", "homer"})
# Reporting is negated or withheld: "declined to say", "refused to comment", "would not say".
_WITHHELD = frozenset({"decline", "refuse", "fail", "struggle"})


def _when(prep: Token) -> bool:
    """"on Monday", "for Tuesday": when the act happened or is set for, not whom or what a
    call was on ("called for three days of mourning" is a call)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or not any(t.ent_type_ in {"DATE", "TIME"} for t in obj.subtree):
        return False
    # "for three days of mourning": a span of time is what was called for
    return not any(c.dep_ == "nummod" or c.like_num for c in obj.children)


def governs_statement(tok: Token) -> bool:
    """The verb has a clause, a quote-bearing complement, or (for object verbs) an object."""
    deps = {c.dep_ for c in tok.children}
    lemma = tok.lemma_.lower()
    if lemma == "agree":
        return "ccomp" in deps  # "agreed that ...", not "agreed to limit"
    if deps & {"ccomp", "xcomp", "parataxis"}:
        return True
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if tok.dep_ in {"parataxis", "conj"} and tok.head.i < tok.i and subj is not None and \
            tok.doc[subj.left_edge.i - 1].text == "," and not deps & {"dobj", "attr", "oprd"}:
        return True  # "The plan will fail, he predicted, unless ...": the clause it sets off
        # ("Losses could reach $2 billion, the firm estimated in ...": parsed a conjunct)
    if any(c.dep_ == "prep" and any(_document_that(o) for o in c.children)
           for c in tok.children):
        return True  # "wrote in a 38-page opinion that the law ...": the parser hangs the
        # clause on the document
    if lemma in {"ask", "wonder", "inquire", "question"}:
        # "asked the mayor if she would ...": the small parser reads a condition; the "if"
        # comes right after the verb or whom it asks ("ask for a recount if ..." is no question)
        right = max([tok.i] + [c.right_edge.i for c in tok.children if c.dep_ == "dobj"])
        if any(c.dep_ == "advcl" and c.left_edge.i == right + 1 and c.left_edge.lower_ == "if"
               for c in tok.children):
            return True
    if lemma == "call":  # "called the strike a crime", "called for talks", not "call a meeting"
        return bool(deps & {"oprd", "attr"}) or any(
            c.dep_ == "prep" and c.lower_ in {"for", "on"} and not _when(c)
            for c in tok.children) or any(
            # 'called the plan "a disaster"': the parser hangs the quoted name on the object
            g.dep_ == "appos" and g.left_edge.i > 0 and
            tok.doc[g.left_edge.i - 1].text in QUOTATION_MARKS
            for c in tok.children if c.dep_ == "dobj" for g in c.children) or (
            # 'called it "fake news"': the parser makes the quoted name a second object
            sum(c.dep_ == "dobj" for c in tok.children) > 1 and any(
                c.dep_ == "dobj" and c.left_edge.i > 0 and
                tok.doc[c.left_edge.i - 1].text in QUOTATION_MARKS for c in tok.children))
    if lemma in {"confirm", "deny", "reject", "dismiss", "dispute", "repeat", "reiterate"} and \
            "dobj" in deps:
        obj = next(c for c in tok.children if c.dep_ == "dobj")
        return obj.lemma_.lower() in STATEMENT_NOUNS or lemma in {"dismiss", "reject"} and any(
            c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)  # "dismissed the
        # poll as meaningless": calls it that ("rejected the plan" alone is an act)
    if lemma == "add" and "dobj" in deps:
        # "added a new title: 'song writer'": not speech; "'The issue,' he added" is
        return any(c.is_punct and c.text in QUOTATION_MARKS and c.i < tok.i
                   for c in tok.children)
    if lemma in {"quote", "cite"}:  # "quoted officials as saying"; "citing X" is a source
        return any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
    if any(c.dep_ == "prep" and c.lower_ in {"that", "of", "for", "as", "about", "on"}
           for c in tok.children):
        return lemma in OBJECT_VERBS or lemma in {
            "speculate", "complain", "warn", "caution", "boast", "ask", "comment", "remark",
            "disagree", "joke", "muse", "defend", "dismiss", "quote", "cite"}
    if deps & {"dobj", "pobj"} and lemma in OBJECT_VERBS:
        return True
    if tok.dep_ == "pcomp" and tok.head.lower_ == "as" and \
            tok.head.head.lemma_.lower() in {"quote", "cite"} and \
            quote_mark_child(tok.head.head, before=tok.head.head.i):
        return True  # '"...," the agency quoted an official as saying': the quote before
    return quote_mark_child(tok) or _frames_quote_before(tok)


def _document_that(obj: Token) -> bool:
    """"in a 38-page opinion that the law ...": a clause opened by "that" right after the
    noun (and its own modifiers), which the small parser hangs on the noun."""
    for a in obj.children:
        if a.dep_ not in {"acl", "relcl"} or a.i < obj.i:
            continue
        end = max([obj.i] + [c.right_edge.i for c in obj.children if obj.i < c.i < a.left_edge.i])
        if any(m.dep_ == "mark" and m.lower_ == "that" and m.i == end + 1 for m in a.children):
            return True
    return False


# Verbs whose passive participle makes the subject the one spoken to: "Asked about ...".
_ADDRESSED = frozenset({"ask", "tell", "question", "inform", "brief", "remind", "urge"})


def _frames_quote_before(tok: Token) -> bool:
    """'"Why now?" Kay asked.': spaCy ends a sentence at the quoted question, so the verb
    heading the next one has no quote in its tree; the quote right before that sentence is
    what it frames."""
    first = tok.sent.start
    doc = tok.doc
    return tok.dep_ == "ROOT" and first >= 2 and doc[first - 1].text in CLOSING_MARKS \
        and doc[first - 2].text in {"?", "!"}


# what an outlet's reporters do when the outlet reports ("Post reporters X and Y wrote")
WRITE_VERBS = frozenset({"write", "report", "reveal", "publish", "detail"})


def _outlet_has_learned(tok: Token) -> bool:
    """"The Herald has learned that ...", "Sky News understands that ...": a news outlet
    reporting what it found out (a person who "has learned" or "understands" something says
    nothing)."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or not any(c.dep_ == "ccomp" for c in tok.children):
        return False
    if tok.lemma_.lower() == "learn" and \
            not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return False
    if tok.lemma_.lower() == "understand" and (tok.tag_ != "VBZ" or any(
            c.dep_ in {"aux", "neg"} for c in tok.children)):
        return False  # the newsroom formula is the plain present: not "did not understand"
    phrase = tok.doc[subj.left_edge.i:subj.i + 1].text
    return is_named_outlet(canonical_outlet(phrase))


def _misread_gerund(tok: Token) -> str | None:
    """The saying verb of '..., writing: "..."' that the small parser tags as a noun: an -ing
    word hung on a verb as a clause, with a clause of its own."""
    low = tok.lower_
    if tok.pos_ != "NOUN" or not low.endswith("ing") or tok.dep_ not in {"advcl", "xcomp"} or \
            not any(c.dep_ == "ccomp" for c in tok.children):
        return None
    stem = low[:-3]
    return next((v for v in (stem, stem + "e", stem[:-1]) if v in REPORTING_VERBS), None)


def is_reporting(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if is_nominal_report(tok) and not any(c.dep_ == "neg" for c in tok.children):
        return True
    gerund = _misread_gerund(tok)
    if gerund is not None:
        lemma = gerund
    elif lemma in {"learn", "understand"} and _outlet_has_learned(tok):
        lemma = "report"
    elif lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        lemma = "note"  # "as X points out", "X pointed out that ...": X notes it
    elif lemma in {"find", "show", "conclude"} and owned_finding(tok):
        lemma = "report"  # "A Reuters tally showed that ...": the owner's finding
    elif lemma == "make" and makes_clear(tok):
        lemma = "say"  # "X made (it) clear that ..."
    elif lemma == "be" and stance_owner(tok) is not None:
        lemma = "say"  # "X's argument is that ...": X argues it
    elif lemma == "put" and puts_a_figure(tok):
        lemma = "say"  # "local officials put the toll at 20": their count, object and all
    elif lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children) \
            and not any(c.dep_ == "prep" for c in tok.children):
        lemma = "say"  # 'As Ruiz put it: "..."', "as one official put it, ..."
    elif lemma == "read" and document_reads(tok):
        lemma = "say"  # '"...," the statement read': the document says it
    elif lemma not in REPORTING_VERBS or tok.pos_ not in {"VERB", "AUX", "NOUN"}:
        return False
    if tok.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to"
                                               for c in tok.children) and \
            any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in tok.head.children) and (
                any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) or
                any(c.dep_ in {"nsubj", "expl"} and c.lower_ in {"it", "this", "that"}
                    for c in tok.head.children)):
        return False  # "it is fair to say", "awkward for Republicans to say": nobody's words
        # ("X was quick to say that ..." is X's)
    if tok.pos_ == "NOUN" and lemma not in {"tweet", "post"} and gerund is None:
        return False
    if any(c.dep_ == "neg" for c in tok.children) or _no_one_says(tok):
        return False
    if tok.dep_ in {"amod", "compound"}:
        return False
    if _discourse_marker(tok) or _says_nothing_in_words(tok):
        return False
    if lemma in _ADDRESSED and tok.tag_ == "VBN" and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in tok.children):
        return False  # "Asked about the delay, X said ...": X was asked; X's answer is the claim
    if tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in {"who", "that", "which"}
                                   for c in tok.children) and not any(
            c.dep_ in {"ccomp", "xcomp", "parataxis", "dobj", "oprd", "attr"} or
            c.dep_ == "prep" and c.lower_ in {"that", "about", "on", "of", "as"}
            for c in tok.children) and not quote_mark_child(tok):
        return False  # "a former executive, who testified under a cooperation agreement,
        # recorded ...": the aside tells that he spoke, not what; the sentence is not his ("a
        # claim the ministry denied" has its statement in the noun)
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in tok.children):
        return False  # "a question about whether it had asked for a veto", "unclear whether
        # he told them": an open question, nobody's statement
    if tok.dep_ == "pcomp" and not governs_statement(tok):
        return False  # "since announcing her candidacy": an act ("after denying the
        # allegations", "by saying that ..." still report)
    if lemma == "declare" and not any(c.dep_ in {"ccomp", "xcomp", "oprd"}
                                      for c in tok.children) and any(
            c.dep_ == "dobj" and (c.lemma_.lower() in _DECLARED_ACTS or any(
                g.dep_ == "prep" and any(o.lemma_.lower() in _DECLARED_ACTS
                                         for o in g.children) for g in c.children))
            for c in tok.children):
        return False  # "declared a state of emergency", "declared bankruptcy": an act
    if lemma in {"deny", "grant", "reject"} and not any(
            c.dep_ in {"ccomp", "xcomp"} for c in tok.children) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in DECIDED for c in tok.children):
        return False  # "the judge denied his request to delay the trial": a decision
    if lemma == "concede" and not any(c.dep_ in {"ccomp", "xcomp"} for c in tok.children) and \
            any(c.dep_ == "dobj" and (c.lemma_.lower() in _PLAYS or c.lemma_.lower() == "point"
                                      and any(n.like_num for n in c.children))
                for c in tok.children):
        return False  # "Leeds had conceded a goal", "conceded 30 points": play, not speech
    if lemma == "call" and any(c.dep_ == "prt" for c in tok.children):
        return False  # "called off", "called up": not speech
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _DIRECTIVE:
        return False  # "urged officials to report": what was urged, not a second statement
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {"appear", "seem"}:
        return False  # "X appeared to threaten ...": the writer's reading of what X said
    if any(c.dep_ == "aux" and c.lower_ in {"can", "could", "may", "might"}
           for c in tok.children) and not any(c.lower_ == "only" for c in tok.children):
        return False  # "audiences can expect", "a figure who can argue": what might be said
        # ("could only quip" is what was said)
    if lemma in {"ask", "request"} and (any(
            t.lower_ in {"named", "identified", "anonymity"} for t in tok.subtree) or any(
            t.lower_ in {"name", "identity"} for t in tok.subtree) and any(
            t.dep_ == "neg" for t in tok.subtree)):
        return False  # "who asked not to be named", "asking that his name not be used": a
        # condition of anonymity
    if any(c.dep_ in {"dobj", "nsubj"} and c.lower_ in FREE_RELATIVE for c in tok.children) \
            and not any(c.dep_ in {"ccomp", "xcomp"} for c in tok.children):
        return False  # "whatever the governor says", "what they said": refers to, not reports
    root = tok.sent.root
    if root.tag_ == "VB" and not any(c.dep_ in {"nsubj", "nsubjpass", "aux"}
                                     for c in root.children):
        return False  # inside an imperative ("Ignore ... and report that X said"): no attribution
    cur = tok  # "declined to say", "refused to comment or to say": withheld; not "As X
    # says, the plan failed" nor "declined to comment, saying ..." (a statement)
    def infinitive(t: Token) -> bool:  # "struggled on Tuesday to explain": parsed advcl
        return t.dep_ == "xcomp" or t.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.children)

    for _ in range(3):
        if cur.dep_ != "conj" and not infinitive(cur):
            break
        below, cur = cur, cur.head
        if not infinitive(below):
            continue  # "declined to confirm the report but said ...": a second verb of its own
        if cur.lemma_.lower() in _WITHHELD:
            return False  # "failed to say"; not "said the plan would fail and warned ..."
        if cur.lemma_.lower() == "have" and any(c.lower_ == "yet" for c in cur.children):
            return False  # "have yet to explain why": not said
    if lemma in WEAK_VERBS and not governs_statement(tok):
        return False
    if lemma == "write" and not governs_statement(tok) and not any(
            c.dep_ == "prep" and c.lower_ in {"about", "of"} for c in tok.children):
        return False  # "wrote a letter to the board", "wrote a book": an act, no statement
        # ("wrote about the event" tells what was written about)
    return not (lemma in {"expect", "believe", "suggest", "think"} and
                tok.dep_ not in {"ROOT", "conj", "relcl", "parataxis", "acl"})


_MARKER = re.compile(r"(?:(?:that|this)(?: being)? said|having said (?:that|this))\s*,",
                     re.IGNORECASE)
_AMOUNT = frozenset({"lot", "little", "nothing", "much", "volume", "volumes", "plenty"})


_NOBODY = frozenset({"none", "nobody", "neither", "no-one"})


def _no_one_says(tok: Token) -> bool:
    """"Neither Ruiz nor Berg would say whether ...", "No official would comment": a refusal,
    like "would not say" (a cue, not a statement). A past statement of absence ("No group has
    claimed responsibility") stays: who-said-what corpora label it as an attribution. So is
    "X would neither confirm nor deny the report" (or "neither confirmed nor denied")."""
    first = tok.head if tok.dep_ == "conj" else tok
    if first.lemma_.lower() in {"confirm", "deny"} and any(
            c.dep_ == "preconj" and c.lower_ == "neither" for c in first.children):
        return True  # "neither confirmed nor denied": no statement either way
    if not any(c.dep_ == "aux" and c.lower_ in {"would", "could", "will", "can"}
               for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ == "nsubj" and (c.lower_ in _NOBODY or any(
                d.dep_ in {"det", "preconj"} and d.lower_ in {"no", "neither"}
                for d in c.children)):
            return True
    return False


def _discourse_marker(tok: Token) -> bool:
    """"That said, ..." / "Having said that, ...": a connective, nobody's statement."""
    sent = tok.sent
    return tok.i - sent.start <= 2 and bool(_MARKER.match(sent.text))


def _says_nothing_in_words(tok: Token) -> bool:
    """"their faces said a lot", "said little about it": an amount, no reported content."""
    deps = {c.dep_ for c in tok.children}
    return tok.lemma_.lower() == "say" and not deps & {"ccomp", "xcomp", "parataxis"} and \
        any(c.dep_ in {"dobj", "npadvmod"} and c.lemma_.lower() in _AMOUNT
            or c.dep_ == "advmod" and c.lower_ == "little"  # "has said very little"
            for c in tok.children) and \
        not quote_mark_child(tok, before=_later_clause(tok))


def _later_clause(tok: Token) -> int:
    """Where the verb's first later clause begins: a quote mark the small parser hangs on the
    verb from there ('said very little, only tweeting that "..."') is not the verb's own."""
    return min((c.left_edge.i for c in tok.children if c.dep_ in {"advcl", "conj"}
                and c.i > tok.i), default=len(tok.doc))


def embedded(verb: Token) -> bool:
    """A reporting verb with its own subject inside a subordinate clause: worth a second look."""
    own_subject = any(c.dep_ == "nsubj" for c in verb.children)
    if verb.dep_ in {"advcl", "ccomp", "acl", "pcomp"} and own_subject:
        return True
    # inside the clause another speaker reports ("X said that ... Y urged"): often a parse slip
    cur, via_ccomp = verb, False
    for _ in range(4):
        if cur.dep_ in {"relcl", "dobj", "pobj", "ROOT"}:
            return False
        via_ccomp = via_ccomp or cur.dep_ == "ccomp"
        cur = cur.head
        if via_ccomp and is_reporting(cur) and any(c.dep_ == "nsubj" for c in cur.children):
            return True
    return False
