"""Who a subject is (a name, a pronoun, a description, an outlet), resolved against what the
article said before, and what each sentence leaves in that memory for the next ones."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..article import Article, Paragraph, Sentence
from . import channels
from .coref import BODIES as _BODIES
from .coref import GENERIC_BODIES, Discourse, description_head, is_statement_noun
from .model import Attribution
from .naming import speaker_from, statement_owner
from .outlet_names import MEDIA_WORD, STAFF
from .outlets import canonical_outlet, find_outlets_in, is_named_outlet
from .paraphrases import ISSUED_DOCUMENTS
from .quotes import sentence_quotes
from .speakers import (
    ANON_HEAD,
    OBJECT_FORMS,
    POSSESSIVE_FORMS,
    PRONOUNS,
    speaker_range,
)
from .subjects import ISSUING

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

REPORT_NOUNS = re.compile(r"\b(report|reports|story|article|investigation|dispatch|analysis|"
                          r"editorial|reporting|broadcast|bulletin|survey|tally|count|review|"
                          r"estimate|calculation|poll)\b", re.IGNORECASE)
# "the BBC's Persian service", "CNN's Spanish-language channel": a part of the outlet speaks
# for it (not "CNN's Jake Tapper": a person speaks for himself)
OUTLET_ARMS = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}(service|channel|website|site|programme|"
                         r"program|show|edition|network|bureau|desk|affiliate|newsroom|"
                         r"editorial board)\b", re.IGNORECASE)
# "Al-Resalah's knowledgeable sources", "the agency's sources": the outlet reports them.
OUTLET_SOURCES = re.compile(r"['’]s\s+[“\"]?(?:[\w-]+\s+){0,2}(sources?|officials?)\b")
TITLE_HEADS = frozenset({"president", "premier", "chancellor", "minister", "general",
                         "commander", "secretary", "governor", "mayor", "senator", "leader",
                         "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson"})
_REPORTS = frozenset({"report", "story", "article", "dispatch"})
# plural nouns for people ("fishermen", "residents", "protesters", "analysts")
_PEOPLE = re.compile(r"(?:men|women|people|ists|ians|ants|ents|ees)$|^(?:police|staff|crew|"
                     r"troops|soldiers|students|voters|families|villagers|locals|critics|"
                     r"workers|farmers|protesters|demonstrators|reporters|lawmakers|officers|"
                     r"supporters|leaders|members|teachers|drivers|passengers|fighters|"
                     r"prosecutors|investigators|doctors|nurses|neighbors|neighbours|owners|"
                     r"shoppers|traders|miners|strikers|rescuers|volunteers|settlers)$",
                     re.IGNORECASE)
# a newspaper called by its short name alone ("The Times", "the Post"), or its report ("The
# Times report", "the Post's story")
_SHORT_NAME = re.compile(r"[Tt]he [A-Z][\w'’-]+")
_PAPER = re.compile(r"[Tt]he (Times|Post|Journal|Globe|Herald|Tribune|Telegraph|Observer|"
                    r"Guardian|Independent|Mail|Chronicle|Gazette|Examiner|Inquirer)"
                    rf"(?:(?:['’]s)? (?:{'|'.join(sorted(_REPORTS))}))?")


@dataclass
class Speaker:
    """One speaker of a sentence, with the reporting verbs it governs."""

    name: str
    stype: str
    role: str | None
    tok: Token
    verbs: list[Token] = field(default_factory=list)
    outlet: str | None = None
    resolved: str | None = None
    staff_of: str | None = None  # a reporter of this outlet: the outlet reports it too


class Resolution:
    """The sentence reader's state and its resolving half: `_SentenceReader` builds on it."""

    def __init__(self, article: Article, p: Paragraph, s: Sentence, memory: Discourse) -> None:
        self.article, self.p, self.s, self.memory = article, p, s, memory
        self.quotes = sentence_quotes(p, s)
        self.qrel = [(q.start - p.start, q.end - p.start) for q in self.quotes]
        self.speakers: dict[str, Speaker] = {}
        self.claims: list[Attribution] = []
        self.facts: list[Attribution] = []  # outlet reports (built by `Reports`)

    def _in_quote(self, tok: Token) -> bool:
        return any(a <= tok.idx < b for a, b in self.qrel)

    def _scare_quoted(self, tok: Token) -> bool:
        """A subject whose words are set in quotes inside its own noun phrase (Al-Resalah's
        “knowledgeable sources” said): the quote marks distance, the phrase still speaks."""
        lo, hi = speaker_range(tok)
        a, b = tok.doc[lo].idx, tok.doc[hi - 1].idx + len(tok.doc[hi - 1])
        return all(a <= qa and qb <= b + 1 for qa, qb in self.qrel if qa <= tok.idx < qb) and \
            self._in_quote(tok)

    def _resolve(self, tok: Token) -> tuple[str, str, str | None, str | None, str | None] | None:
        """(name, type, role, outlet, resolved_from) for a subject token, or None."""
        low = tok.lower_
        if tok.dep_ == "pobj":
            low = OBJECT_FORMS.get(low, low)  # "according to her": she
        elif tok.dep_ == "poss":
            low = POSSESSIVE_FORMS.get(low, low)
            # "Her view is that ...": she
        pos = self.p.start + tok.idx
        if low in PRONOUNS:
            return self._resolve_pronoun(tok, low, pos)
        a, b = speaker_range(tok)
        phrase = tok.doc[a:b].text
        if tok.dep_ == "poss":
            phrase = re.sub(r"\s*['’]s?$", "", phrase)  # "the company's website": the company
        kinds = {t.ent_type_ for t in tok.doc[a:b]}
        named = bool(kinds & {"PERSON", "ORG", "GPE", "NORP"})
        # "the U.S. official", "the Iraqi officer": a description qualified by a place or a
        # nationality, the same one met before ("a U.S. official who spoke to Reuters")
        desc = description_head(phrase)
        qualified = named and not kinds & {"PERSON", "ORG"} and desc is not None and \
            not is_statement_noun(desc)
        outlet = self._outlet_in_phrase(phrase, self.p.start + tok.doc[a].idx)
        if outlet is None:
            outlet = self.memory.resolve_outlet(phrase, pos) if channels.is_anaphor(phrase) \
                else None
        if outlet is None and _SHORT_NAME.fullmatch(phrase.strip()):
            # "the Courier" after "the Nordic Courier": the outlet named before, by its last word
            outlet = self.memory.resolve_outlet(phrase, pos)
        if outlet is None and (paper := _PAPER.fullmatch(phrase.strip())):
            # "The Times reported", "The Times report said" with no Times named before: a
            # newspaper of that name
            outlet = f"The {paper.group(1)}"
        if outlet is not None:
            if not channels.is_anaphor(phrase):
                self.memory.outlet_names.setdefault(speaker_from(tok)[0], outlet)
            return outlet, "organization", None, outlet, phrase if channels.is_anaphor(
                phrase) else None
        head = desc if not named else None
        owner = statement_owner(tok)
        if owner is None and tok.lemma_.lower() in _REPORTS and any(
                c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children):
            return "unnamed reports", "organization", None, "unnamed reports", None  # "a report"
        if owner is not None and owner.lower_ not in POSSESSIVE_FORMS:
            # "the ministry's statement said", "a statement from the ministry said": the
            # ministry speaks (a pronoun owner, "his letter", goes on as the pronoun would)
            det = next((c for c in tok.children if c.dep_ == "det"), None)
            if owner.dep_ == "compound" and owner.pos_ == "NOUN" and det is not None:
                # "the ministry statement": the ministry named before, else as written
                m = self.memory.resolve_description(f"the {owner.text}", pos)
                if m is not None and m.outlet is None:
                    return m.name, m.stype, m.role, None, f"{det.text} {owner.text}"
            got = self._resolve(owner)
            if got is not None and got[3] is not None and is_named_outlet(got[3]) and \
                    tok.lemma_.lower() in _REPORTS:
                return got  # "The report, published by The New York Times, said": the Times
            if got is not None and got[3] is None:
                if owner.dep_ == "compound" and det is not None and det.lower_ == "the" and \
                        got[0][:1].islower():
                    return (f"{det.text} {got[0]}", *got[1:])
                return got
        elif owner is not None and owner.lower_ in POSSESSIVE_FORMS:
            pro = POSSESSIVE_FORMS[owner.lower_]
            got = self._resolve_pronoun(owner, pro, pos)
            if got is not None:
                return got
        if head is not None:
            if is_statement_noun(head):
                outlet = self.memory.last_fact_outlet(pos) if head in _REPORTS else None
                if outlet is not None:  # "Reuters reported ... The report said": Reuters's
                    return outlet, "organization", None, outlet, f"the {head}"
                m = self.memory.resolve_statement(pos)
                if m is not None:
                    return m.name, m.stype, m.role, m.outlet, f"the {head}"
                return None
            own = self._subject_body(tok) if head in GENERIC_BODIES else None
            if own is not None:  # "Northwind is best known for X, according to the
                # company's website": the body the sentence is about
                name, stype, role = speaker_from(own)
                return name, stype, role, None, phrase
            m = self.memory.resolve_description(phrase, pos)
            if m is None and head in TITLE_HEADS:
                m = self.memory.resolve_title(phrase, pos)
            if m is not None and m.outlet is None:
                return m.name, m.stype, m.role, None, phrase
        elif qualified:
            m = self.memory.resolve_description(phrase, pos, exact=True)
            if m is not None and m.outlet is None and m.name.lower() != phrase.lower():
                return m.name, m.stype, m.role, None, phrase
        name, stype, role = speaker_from(tok)
        stype = self.memory.type_of(name, stype)
        outlet = canonical_outlet(name) or self.memory.outlet_names.get(name)
        if outlet is None and canonical_outlet(phrase) not in (None, "unnamed reports") and \
                not (tok.ent_type_ == "PERSON" and STAFF.search(phrase)):
            # "Fox News judicial analyst Judge X" is the outlet's staff, not the outlet
            outlet = canonical_outlet(phrase)
        if is_named_outlet(outlet) and outlet is not None:
            self.memory.outlet_names.setdefault(name, outlet)
        return name, stype, role, outlet, None

    def _resolve_pronoun(self, tok: Token, low: str,
                         pos: int) -> tuple[str, str, str | None, str | None, str | None] | None:
        if low in {"it", "they"}:
            if low == "it":
                body = self._previous_subject_body(tok)
                if body is not None:  # "The company, X, is thought to have ... It said": X
                    name, stype, role = speaker_from(body)
                    return name, stype, role, None, tok.text
                outlet = self.memory.last_fact_outlet(pos)
                if outlet:
                    return outlet, "organization", None, outlet, tok.text
            earlier = [t for t in tok.sent if t.i < tok.i and t.dep_ == "nsubj" and
                       (t.ent_type_ in {"ORG", "GPE", "NORP"} or t.lemma_.lower() in _BODIES)
                       and not self._in_quote(t)]
            if earlier:
                name, stype, role = speaker_from(earlier[-1])
                return name, stype, role, None, tok.text
        same = [sp for sp in self.speakers.values() if _may_be(sp, low) and sp.tok.i < tok.i]
        if same:
            sp = same[-1]
            return sp.name, sp.stype, sp.role, None, tok.text
        host = self._main_subject_before(tok, low)
        if host is not None:
            name, stype, role = speaker_from(host)
            return name, stype, role, None, tok.text
        m = self.memory.resolve_pronoun(low, pos)
        if m is None:
            return None
        if m.stype == "person":
            # "Lund said ... She added ...": Lund is a she, so a later "he" is someone else
            self.memory.observe_pronoun(m.name, low)
        return m.name, m.stype, m.role, m.outlet, tok.text

    def _previous_subject_body(self, tok: Token) -> Token | None:
        """The body that the sentence just before (in the same paragraph) was about, as its
        main subject: "It said" there is that body, not the outlet quoted earlier."""
        sent = tok.sent
        if sent.start == 0 or tok.i != sent.start and not all(
                t.is_punct or t.dep_ in {"prep", "pobj", "det", "amod", "compound", "advmod",
                                         "npadvmod", "nummod"} for t in tok.doc[sent.start:tok.i]):
            return None
        prev = tok.doc[sent.start - 1].sent
        subj = next((c for c in prev.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None or self._in_quote(subj) or subj.lower_ in PRONOUNS:
            return None
        named = next((c for c in subj.children if c.dep_ == "appos" and
                      c.ent_type_ in {"ORG", "GPE", "NORP"}), None)
        if named is not None:
            subj = named  # "The company, Medline Supplies,"
        if subj.ent_type_ not in {"ORG", "GPE", "NORP"} and subj.lemma_.lower() not in _BODIES:
            return None
        name = speaker_from(subj)[0]
        return None if canonical_outlet(name) is not None or MEDIA_WORD.search(name) else subj

    def _subject_body(self, tok: Token) -> Token | None:
        """The named body that is the main subject of the sentence, before `tok`."""
        root = tok.sent.root
        subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and
                     c.i < tok.i), None)
        if subj is None or tok in subj.subtree or self._in_quote(subj):
            return None
        name = speaker_from(subj)[0]
        if subj.ent_type_ not in {"ORG", "GPE", "NORP"} and not (
                subj.pos_ == "PROPN" and not subj.ent_type_ and
                self.memory.type_of(name, "organization") != "person"):
            return None  # (a name the small pipeline gives no type: "Northwind, based in ...")
        return None if canonical_outlet(name) is not None else subj

    def _main_subject_before(self, tok: Token, low: str) -> Token | None:
        """"Martin wears a suit in clips he calls ...": a "he" or "she" inside a clause of a
        sentence whose main subject, earlier in it, is a person is that person, not the
        speaker of an earlier statement."""
        if PRONOUNS.get(low) != "person" or tok.head.dep_ == "ROOT":
            return None
        root = tok.sent.root
        subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is None or subj.ent_type_ != "PERSON" or self._in_quote(subj):
            return None
        gender = "m" if low == "he" else "f" if low == "she" else None
        known = self.memory.gender(speaker_from(subj)[0])
        return subj if gender is None or known in (None, gender) else None

    def _outlet_in_phrase(self, phrase: str, pos: int) -> str | None:
        """"A new report released by the AP", "the Al-Resalah report", "the Post's report":
        a report-noun phrase names its outlet, and so does a part of it ("the BBC's Persian
        service")."""
        if not REPORT_NOUNS.search(phrase) and not OUTLET_SOURCES.search(phrase) and \
                not OUTLET_ARMS.search(phrase):
            return None
        hits = channels.outlet_mentions(phrase, self.memory.resolve_outlet, pos)
        named = [h for h in hits if is_named_outlet(h[2])]
        if named:
            return named[0][2]
        owner = re.match(r"^(?:the\s+)?(.+?)['’]s\s", phrase)  # an outlet met before
        return self.memory.outlet_names.get(owner.group(1)) if owner else None

    def _introduced(self, ent: SpacySpan) -> bool:
        """"Just look at House Speaker Ola Berg. He has said ...": a sentence with no subject
        (an imperative, a fragment) that names one person brings that person in as the topic."""
        root = ent.root.sent.root
        persons = [e for e in ent.root.sent.ents if e.label_ == "PERSON"]
        return ent.label_ == "PERSON" and persons == [ent] and root.tag_ in {"VB", "NN", "NNP"} \
            and not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in root.children)

    def remember(self) -> None:
        for f in self.facts:  # "published by the Nordic Courier": a later "the Courier"
            if f.outlet and is_named_outlet(f.outlet) and not any(
                    e.outlet == f.outlet for e in self.speakers.values()):
                self.memory.add(f.outlet, "organization", None, f.start, speaker=False,
                                outlet=f.outlet)
        for e in self.speakers.values():
            self.memory.add(e.name, e.stype, e.role, self.p.start + e.tok.idx, speaker=True,
                            outlet=e.outlet, channel=next(
                                (c.channel for c in self.claims if c.speaker == e.name), None))
            if e.stype == "person":
                self.memory.note_gender(e.name, self.s.text)
        span = self.s.span
        if span is None:
            return
        said = {e.tok.i for e in self.speakers.values()}
        # a name the small pipeline knows no entity type for ("Kyiv did not respond") still
        # carries the topic on as the main clause's subject
        plain = [span.doc[t.i:t.i + 1] for t in span if t.dep_ == "nsubj" and t.pos_ == "PROPN"
                 and not t.ent_type_ and t.head.dep_ == "ROOT" and all(
                     c.pos_ == "PROPN" and not c.ent_type_
                     for c in t.children if c.dep_ == "compound")]
        # "The army issued a statement": a body named by a common noun issues one too
        plain += [span.doc[t.i:t.i + 1] for t in span if t.dep_ == "nsubj" and t.pos_ == "NOUN"
                  and _issues_document(t.head)]
        # "His deputy, Ana Ruiz, was less sure" with no entity tagged: the name set off after
        # the description is the main subject, whom a later "she" may be
        plain += [span.doc[t.i:t.i + 1] for t in span if t.dep_ == "nsubj" and t.pos_ == "NOUN"
                  and t.head.dep_ == "ROOT" and not any(e.start <= t.i < e.end for e in span.ents)
                  and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in t.children)]
        for ent in [*span.ents, *plain]:
            if ent.label_ not in {"PERSON", "ORG", "GPE", "NORP", ""} or ent.root.i in said:
                continue
            # "(The Times said) Cook provided a written statement": a later "the statement
            # said" is Cook's
            issued = ent.root.dep_ == "nsubj" and _issues_document(ent.root.head)
            if not issued and not self._introduced(ent) and (
                    ent.root.dep_ != "nsubj" or ent.root.head.dep_ != "ROOT") or \
                    self._in_quote(ent.root):
                continue  # only the subject of the main clause carries the topic on
            name, stype, role = speaker_from(ent.root)
            outlet = canonical_outlet(name)
            self.memory.add(name, stype, role, self.p.start + ent.root.idx, speaker=issued,
                            outlet=outlet if is_named_outlet(outlet) else None,
                            channel="statement" if issued else None)
            if stype == "person":
                self.memory.note_gender(name, self.s.text)
        for t in span:  # "Baker and Roe spoke after the vote": two people "they" may be
            if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.ent_type_ == "PERSON" and \
                    not self._in_quote(t):
                people = [t, *(c for c in t.conjuncts if c.i > t.i and c.ent_type_ == "PERSON")]
                if len(people) > 1:
                    names = tuple(dict.fromkeys(speaker_from(c)[0] for c in people))
                    self.memory.add(" and ".join(names), "group", None, self.p.start + t.idx,
                                    speaker=False, crowd=True, members=names)
        for t in span:  # "Fishermen blocked the harbor": people "they" may point back to
            if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.i not in said and \
                    t.tag_ == "NNS" and _PEOPLE.search(t.text) and not self._in_quote(t):
                self.memory.add(speaker_from(t)[0], "group", None, self.p.start + t.idx,
                                speaker=False, crowd=True)
        for a, _b, canon in find_outlets_in(channels.blank_quotes(self.s.text)):
            if is_named_outlet(canon) and not any(m.outlet == canon and m.pos >= self.s.start
                                                  for m in self.memory.mentions):
                self.memory.add(canon, "organization", None, self.s.start + a, speaker=False,
                                outlet=canon)


def _issues_document(verb: Token) -> bool:
    """"issued a statement", "posted a message", "wrote a letter": a later "the statement
    said" / "the post said" / "the letter read" is this subject's."""
    return verb.lemma_.lower() in ISSUING | {"write"} and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ISSUED_DOCUMENTS - {"report"}
        for c in verb.children)


def _may_be(sp: Speaker, low: str) -> bool:
    """Can "he" or "she" in the same sentence be this speaker? A person, or one unnamed
    person ("A county spokesman said ..., but he acknowledged ...")."""
    if PRONOUNS.get(low) != "person":
        return False
    if sp.stype == "person":
        return True
    word = sp.tok.lower_
    if sp.stype != "unnamed" or sp.tok.tag_ != "NN" or low not in {"he", "she"} or \
            not ANON_HEAD.fullmatch(word):
        return False
    return low == "she" if word.endswith("woman") else low == "he" if word.endswith("man") \
        else True
