"""Subjects: which token of a sentence speaks for a reporting verb, through the parse's
participles, relative clauses, passives and appositions, or by the nearest name when the
parse is broken."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .outlet_names import OUTLETS
from .paraphrases import stance_owner
from .speakers import _TIME_ZONES, DASHES, dateline_end
from .verbs import is_reporting

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


# "quoted as saying", "responded by saying", "resigned after saying": the clause's subject
_VIA_PREPS = frozenset({"as", "by", "after", "before", "in"})


# verbs of issuing a statement ("Cook provided a written statement")
ISSUING = frozenset({"issue", "provide", "release", "give", "send", "publish", "put",
                     "deliver", "email", "post"})


def _speaking_subject_first(verb: Token) -> list[Token]:
    """The verb's children, the subject that names the speaker first, where the small parser
    gives a verb two: in "The move, said Ana Ruiz, was overdue" the one after the verb; in
    "Local outlet the Harbor Gazette reported" the name right after the description; in "The
    plan, as one official put it, ..." the one after "as"."""
    kids = list(verb.children)
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    after = [c for c in subjects if c.i > verb.i]
    first = None
    if after and len(subjects) > 1:
        first = after[0]
    elif len(subjects) == 2 and subjects[0].pos_ == "NOUN" and subjects[1].pos_ == "PROPN" and \
            subjects[0].right_edge.i + 1 == subjects[1].left_edge.i:
        first = subjects[1]
    elif len(subjects) == 2 and subjects[0].i < dateline_end(verb) <= subjects[1].i:
        first = subjects[1]  # "COLUMBUS, Ohio - Mark Hollis said": the city is no speaker
    elif len(subjects) == 2 and any(c.dep_ == "mark" and c.lower_ == "as" and
                                    subjects[0].i < c.i < subjects[1].i for c in kids):
        first = subjects[1]  # "The plan, as one official put it, ...": the official speaks
    elif len(subjects) == 2 and subjects[1].i < verb.i and \
            subjects[1].right_edge.i + 1 == verb.i and subjects[1].left_edge.i > 0 and \
            verb.doc[subjects[1].left_edge.i - 1].text == ",":
        first = subjects[1]  # "Talks stalled, with each side blaming the other, diplomats
        # said": the frame's subject is the one right before the verb
    return kids if first is None else [first] + [c for c in kids if c is not first]


def _thing_clause(relcl: Token, participle: Token) -> bool:
    """A participle set off after a relative clause about a thing ("a bill that would have
    expanded voting, calling it ..."): the parse hangs it on the clause; it is the main
    verb's."""
    doc = participle.doc
    return relcl.dep_ == "relcl" and participle.dep_ == "advcl" and participle.tag_ == "VBG" \
        and participle.head == relcl and doc[participle.i - 1].text == "," and \
        relcl.head.pos_ == "NOUN" and not relcl.head.ent_type_ and \
        any(c.dep_ == "nsubj" and c.lower_ in {"that", "which"} for c in relcl.children) and \
        relcl.head.dep_ in {"dobj", "pobj"} and relcl.head.head.pos_ == "VERB"


def _shown_speaking(tok: Token) -> Token | None:
    """Whom a document or a recording shows saying something: "Video shows the officer
    telling the crowd ...", "The emails show an adviser asking officials to ..."."""
    head = tok.head
    if tok.tag_ != "VBG" or tok.dep_ not in {"advcl", "acl", "xcomp", "ccomp"} or \
            head.lemma_.lower() not in _SHOWING:
        return None
    if tok.dep_ == "acl" and head.pos_ == "NOUN":
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None) or (
        next((c for c in tok.children if c.dep_ == "nsubj"), None))


_SHOWING = frozenset({"show", "reveal", "depict", "capture", "record", "catch", "hear", "see"})


def subject(tok: Token) -> Token | None:
    """The speaker token of a reporting verb: its subject, climbing through participles and
    conjuncts ("..., adding", "and said"), the head noun of a relative clause ("X, who
    said"), the subject of "was quoted as saying", or the agent of a passive."""
    if tok.lemma_.lower() == "be" and (owner := stance_owner(tok)) is not None:
        return owner  # "Jordan's argument is that ...": Jordan
    shown = _shown_speaking(tok)
    if shown is not None:
        return shown  # "The emails show an adviser asking officials to ...": the adviser
    cur, hops = tok, 0
    frame = _frame_before(tok)
    if frame is not None:
        cur = frame  # "The missile flew 600 km, the ministry said, adding that ...": the
        # parse hangs the participle on the reported clause; it goes on the frame
    while cur is not None and hops < 4:
        if cur is not tok and cur.lemma_.lower() in {"quote", "cite"}:
            obj = next((c for c in cur.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj  # "Tass quoted local officials as saying": the officials speak
        jump = None
        for c in _speaking_subject_first(cur):
            if c.dep_ == "nsubj":
                if c.lemma_.lower() in {"that", "which", "who"}:
                    if cur is not tok and _thing_clause(cur, tok):
                        jump = cur.head.head  # "vetoed a bill that would have expanded X,
                        # calling it rushed": who vetoed it calls it so, not the bill
                        break
                    return _relative_antecedent(cur.head) if cur.dep_ == "relcl" and \
                        cur.head.pos_ in {"NOUN", "PROPN"} else None
                return _name_next_to_verb(c, cur) or c
            if c.dep_ == "nsubjpass":
                if has_said(cur):
                    return c
                if cur.lemma_.lower() in {"quote", "cite"}:
                    return c  # "X was quoted as saying"
                if cur.lemma_.lower() in _AGENT_VERBS:
                    return _agent(cur)  # "was announced by the ministry"
                return None
        if jump is not None:
            cur, hops = jump, hops + 1
            continue
        if cur is tok and tok.tag_ == "VBN" and tok.dep_ in {"advcl", "acl"} and \
                not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            agent = _agent(tok)
            if agent is not None:
                return agent  # "..., as first reported by Axios": Axios reported it; "the
                # group, described by officials as dangerous,": the officials describe it
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.lemma_.lower() in {
                "report", "statement", "letter", "message", "post", "video", "article",
                "tweet", "memo", "document", "leaflet", "release", "media", "story"}:
            doc = cur.head  # "media reports suggesting that ...": the reports say it
            if doc.dep_ == "dobj" and doc.head.lemma_.lower() in ISSUING:
                # "Trump issued a statement saying ...": who issued it says it
                return next((c for c in doc.head.children if c.dep_ == "nsubj"), doc)
            return doc
        if cur is tok and cur.dep_ == "conj" and cur.head.dep_ == "relcl":
            main = _clause_of_antecedent(cur.head, tok)
            if main is not None:
                return subject(main)
        if cur.dep_ == "conj" and cur.head.dep_ == "ccomp" and is_reporting(cur.head.head) \
                and cur.head.head.i < cur.head.i:
            # "X said that A happened, and urged B": a slip of the parse, the urging is X's;
            # not in "A did this and warned B, the Herald reported", where A warns
            return subject(cur.head.head)
        if (cur.dep_ in {"xcomp", "advcl", "conj", "pcomp", "acl"} or
                cur.dep_ == "acomp" and cur.pos_ == "ADJ" or  # "X was quick to say"
                cur.dep_ == "prep" and cur.lower_ in _VIA_PREPS) and cur.head is not cur:
            cur, hops = cur.head, hops + 1
            continue
        break
    return None


def _frame_before(tok: Token) -> Token | None:
    """The saying verb set off between a clause and a participle hung on that clause."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.i == 0 or \
            tok.doc[tok.i - 1].text != "," or tok.head.i > tok.i:
        return None
    return next((c for c in tok.head.children if c.dep_ in {"parataxis", "ccomp"} and
                 tok.head.i < c.i < tok.i and c.right_edge.i + 1 >= tok.i - 1 and
                 is_reporting(c) and any(s.dep_ == "nsubj" and s.i > tok.head.i
                                          for s in c.children)), None)


def _relative_antecedent(noun: Token) -> Token:
    """Who "who said" is: "Vik, a lawyer who said" is Vik; "The mayor is a veteran politician
    who said" is the mayor (the description only renames its subject)."""
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head  # "a liar, cheat and braggart who": the first of the list
    if noun.pos_ != "NOUN":
        return noun  # "The new chief is Nora Vik, who said": the name
    if noun.dep_ == "appos" and noun.head.pos_ in {"NOUN", "PROPN"}:
        return noun.head
    if noun.dep_ == "attr":
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in {"NOUN", "PROPN"}:
            return subj
    return noun


def _tense(verb: Token) -> str | None:
    """"present" or "past" from the first auxiliary ("have said", "had said") or the verb
    itself; None for a bare participle or a modal."""
    aux = sorted((c for c in verb.children if c.dep_ in {"aux", "auxpass"}), key=lambda c: c.i)
    tag = aux[0].tag_ if aux else verb.tag_
    # a bare "say" with no auxiliary is a present tense the small parser tagged as base form
    return {"VBD": "past", "VBP": "present", "VBZ": "present", "VB": "present"}.get(tag)


def _clause_of_antecedent(relcl: Token, verb: Token) -> Token | None:
    """"X, Y and Z have described their trips as promises to the groups that invited them and
    say ...": the small parser joins "say" to the relative clause ("that invited them"), which
    would make the groups speak. Verbs joined by "and" share a tense; when the reporting verb's
    tense differs from the relative clause's and matches the verb that governs the clause's
    noun, the reporting verb is that verb's conjunct, and its subject speaks."""
    own, rel = _tense(verb), _tense(relcl)
    if own is None or rel is None or own == rel:
        return None
    main = next((a for a in relcl.head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if main is None or _tense(main) != own or \
            not any(c.dep_ in {"nsubj", "nsubjpass"} for c in main.children):
        return None
    return main


def _name_next_to_verb(subj: Token, verb: Token) -> Token | None:
    """"After Sunday's raid, which hit the port and depot, Governor X issued ...": the small
    parser makes the raid the subject and X one more thing the raid hit; the name standing
    after a comma right before the verb, inside the subject's relative clause, speaks."""
    doc = verb.doc
    j = verb.i - 1
    while j > subj.i and doc[j].dep_ in {"aux", "advmod", "neg"}:
        j -= 1  # "X has also said"
    name = doc[j]
    if subj.pos_ == "PROPN" or name.i <= subj.i or name.pos_ != "PROPN" or \
            name.dep_ not in {"conj", "appos"} or \
            not any(a.dep_ == "relcl" and a.head.i == subj.i for a in name.ancestors):
        return None
    k = j
    while k > subj.i and doc[k - 1].dep_ == "compound" and doc[k - 1].head.i in range(k, j + 1):
        k -= 1
    return name if doc[k - 1].text == "," else None


_AGENT_VERBS = frozenset({"say", "state", "announce", "confirm", "report", "claim", "deny",
                          "reveal", "disclose", "deliver", "issue", "tell", "describe", "call",
                          "label", "brand", "characterize", "characterise", "dub"})


def passive(verb: Token) -> bool:
    """"is expected to", "was told": the grammatical subject is not the speaker."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) and \
        not has_said(verb)


def has_said(verb: Token) -> bool:
    """"He's said he ...": "has said" that the small parser reads as a passive."""
    return verb.tag_ in {"VBD", "VBN"} and any(c.dep_ == "ccomp" for c in verb.children) and \
        any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in verb.children) and \
        any(c.dep_ == "nsubjpass" and c.lower_ not in {"it", "this", "that"}
            for c in verb.children)


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


# outlets named in one word ("Axios", "Politico"): the small parser may tag them anything
_ONE_WORD_OUTLETS = frozenset(f for forms in OUTLETS.values() for f in forms if " " not in f)


def fallback_subject(sent: SpacySpan, verb: Token, quotes: list[tuple[int, int]]) -> Token | None:
    """When the parse is broken, the nearest named entity before (or right after) the verb."""

    def usable(e: SpacySpan) -> bool:
        if any(a <= e.root.idx < b for a, b in quotes) or e.text in _TIME_ZONES:
            return False
        before = sent.doc.text[max(0, e.start_char - 1):e.start_char]
        return before != "("

    prev = sent.doc[verb.i - 1] if verb.i > sent.start else None
    if prev is not None and prev.pos_ in {"NOUN", "PROPN"} and prev.dep_ in {"appos", "conj"} \
            and not any(a <= prev.idx < b for a, b in quotes):
        return prev  # "..., a local official told TASS": the parse hung the speaker elsewhere
    opener = sent.doc[sent.start]
    if opener.i < verb.i and opener.text in _ONE_WORD_OUTLETS and opener.head == verb and \
            opener.dep_ in {"advmod", "npadvmod", "dep"}:
        return opener  # "Axios first reported": the parse took the outlet for an adverb
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in {"NOUN", "PROPN"} and \
            head.i < verb.i and not any(a <= head.idx < b for a, b in quotes):
        return head  # "One adviser, who asked ..., called it a vanity project": the sentence
        # has no verb of its own in the parse, the noun it made the root is the subject
    for c in verb.children:  # "X, meanwhile, who has no endorsements, said": the parse made
        # the sentence's first noun the subject of the relative clause's verb, hung on "said"
        first = next((t for t in c.children if t.dep_ == "nsubj" and t.i < c.i), None) \
            if c.dep_ in {"advcl", "ccomp"} and c.i < verb.i else None
        if first is not None and first.pos_ in {"PROPN", "NOUN"} and first.i == sent.start \
                and any(t.lower_ in {"who", "whose"} and t.head == c for t in c.children):
            return first
    ents = [e for e in sent.ents if e.label_ in {"PERSON", "ORG", "NORP", "GPE"} and usable(e)]
    aside = _aside_before(sent, verb)
    before = [e for e in ents if e.end <= verb.i and verb.i - e.end <= 25 and
              not (aside and aside[0] <= e.start < aside[1])]
    for label in ("PERSON", "ORG"):
        cands = [e for e in before if e.label_ == label]
        # "X, President Obama's former chief of staff, said": the owner is whose, not who
        cands = [e for e in cands if not _owner_in_appositive(e, cands)] or cands
        if cands:
            return cands[-1].root
    after = [e for e in ents if e.start > verb.i and e.start - verb.i <= 2 and
             e.label_ == "PERSON"]
    if after:
        return after[0].root
    if any(0 <= verb.idx - b <= 3 for _a, b in quotes):
        # '"...," tweeted the mayor, Jan Kos': the parser takes the speaker for the object
        later = [e for e in ents if e.start > verb.i and e.start - verb.i <= 6 and
                 e.label_ == "PERSON"]
        obj = next((c for c in verb.children if c.dep_ == "dobj" and 0 < c.i - verb.i <= 3),
                   None)
        return later[0].root if later else obj
    return None


def _owner_in_appositive(e: SpacySpan, others: list[SpacySpan]) -> bool:
    """Obama in "Daley, President Obama's chief of staff,": the owner in another name's
    appositive ("Trump's tweet saying" is Trump's own statement)."""
    nxt = e.doc[e.end] if e.end < len(e.doc) else None
    if nxt is None or nxt.tag_ != "POS":
        return False
    heads = {o.root.i for o in others if o is not e}
    return any(a.dep_ == "appos" and a.head.i in heads for a in list(e.root.ancestors)[:3])


def _aside_before(sent: SpacySpan, verb: Token) -> tuple[int, int] | None:
    """"Mr. Bush - in a line aimed at Mr. Trump's politics - declared": the dashes set off an
    aside whose names do not speak; (first, last) token index of the aside."""
    prev = sent.doc[verb.i - 1] if verb.i > sent.start else None
    if prev is None or prev.text not in DASHES:
        return None
    opening = next((t.i for t in reversed(sent.doc[sent.start:prev.i]) if t.text in DASHES), None)
    return (opening, prev.i) if opening is not None else None
