"""Per sentence: who says what (claims) and which outlet reports what (sourced facts).

Reads the article in order with a `Discourse` memory, so "he said", "the official", "the
statement", "the agency" and "It said" resolve to what came before, and a quote that runs on
(a quote-only sentence or paragraph after a statement) continues its speaker.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..article import Article, Paragraph, Sentence
from . import channels
from .continuation import Continuation
from .coref import Discourse
from .cues import find_cues
from .model import Attribution, Candidates, MaybeOutlet, Quote
from .naming import speaker_from
from .nesting import echoed, noun_statements, place_of, quote_owner, reported_by, told_in
from .outlet_names import PUNDITS
from .outlets import canonical_outlet
from .quotes import RESPONSE_NOUNS, inside_open_quote, quote_run_owners, titled_quote
from .resolution import Speaker
from .sources import according_to, cited, quoted_objects
from .speakers import (
    OBJECT_FORMS,
    POSSESSIVE_FORMS,
    PRONOUNS,
    not_a_speaker,
    one_referent,
    same_entity,
    shared_head,
    speaker_range,
)
from .statements import (
    content_outside,
    frame_fact,
    outside,
    participle_start,
    quoted_report,
    statement_spans,
    whole_clause_quoted,
)
from .subjects import fallback_subject, passive, subject
from .verbs import WRITE_VERBS, embedded, is_reporting

if TYPE_CHECKING:
    from spacy.tokens import Token

_OBJECT_PRONOUNS = frozenset({"him", "them", "me", "us"})


def _misread_object(tok: Token) -> bool:
    """The small parser reads "him a terrorist" as a subject with "him" as its own subject."""
    return any(c.dep_ == "nsubj" and c.lower_ in _OBJECT_PRONOUNS for c in tok.children)


class _SentenceReader(Continuation):
    def __init__(self, article: Article, p: Paragraph, s: Sentence, memory: Discourse,
                 previous: list[Attribution]) -> None:
        super().__init__(article, p, s, memory)
        self.previous = previous

    # ---- who ---------------------------------------------------------------------------
    def _add(self, tok: Token, verb: Token | None) -> None:
        if not_a_speaker(tok) and tok.lower_ not in PRONOUNS and \
                not (tok.dep_ == "pobj" and tok.lower_ in OBJECT_FORMS) and \
                not (tok.dep_ == "poss" and tok.lower_ in POSSESSIVE_FORMS):
            return  # ("according to her", "Her view is that ...")
        got = self._resolve(tok)
        if got is None:
            return
        name, stype, role, outlet, resolved = got
        if not name or len(name) > 120:
            return
        members = self.memory.members_of(name, self.p.start + tok.idx) \
            if tok.lower_ == "they" else ()
        if members:  # "Baker and Roe spoke ... They said": each of them says it
            for member in members:
                one = self.speakers.setdefault(member, Speaker(
                    name=member, stype="person", role=None, tok=tok, outlet=None,
                    resolved=resolved, staff_of=None))
                if verb is not None:
                    one.verbs.append(verb)
            return
        staff = None
        if outlet is None:
            staff = self._staff_outlet(tok, name)
        entry = self.speakers.setdefault(name, Speaker(name=name, stype=stype, role=role,
                                                        tok=tok, outlet=outlet,
                                                        resolved=resolved, staff_of=staff))
        if verb is not None:
            entry.verbs.append(verb)

    def _colon_speaker(self) -> None:
        """'New force chief X: "We say ..."': a name then a colon introduces a quote."""
        span = self.s.span
        if span is None or not self.quotes or not self.quotes[0].direct:
            return
        before = self.article.text[self.s.start:self.quotes[0].start].rstrip()
        if not before.endswith(":") or len(before.split()) > 12:
            return
        ents = [e for e in span.ents if e.label_ in {"PERSON", "ORG"} and
                self.p.start + e.end_char <= self.quotes[0].start]
        if ents:
            self._add(ents[-1].root, None)
            return
        pre = [t for t in span if self.p.start + t.idx < self.quotes[0].start and not t.is_punct]
        for t in pre:  # 'Ruiz's response was blunt: "No."', 'His answer: "Never."'
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            if t.lemma_.lower() in RESPONSE_NOUNS and owner is not None:
                self._add(owner, None)
                return

    def find_speakers(self) -> None:
        span = self.s.span
        if span is None:
            return
        for tok in span:
            if not is_reporting(tok) or self._in_quote(tok):
                continue
            subj = subject(tok) or (None if passive(tok) else
                                    fallback_subject(span, tok, self.qrel))
            if subj is not None and self._in_quote(subj) and not self._scare_quoted(subj):
                # the small parser takes the quote for the subject ('"...," Ruiz, the town's
                # mayor since 2019, said'): the name set beside it outside the quote speaks
                subj = next((c for c in tok.children if c.dep_ == "nsubj" and
                             not self._in_quote(c)), None) or \
                    next((c for c in subj.children if c.dep_ == "appos" and
                          c.pos_ == "PROPN" and not self._in_quote(c)), None)
            if subj is None:
                continue
            shared = shared_head(subj)
            heads = [shared] if shared is not None else \
                [subj] + [c for c in subj.conjuncts if c.i > subj.i and
                          not one_referent(subj, c) and not any(
                              same_entity(o, c) for o in subj.conjuncts if subj.i < o.i < c.i)]
            # '"...," X, Meta's president, and Y, its legal chief, said': the parse joins Y
            # to X's description set off after X
            heads += [c for a in subj.children
                      if a.dep_ == "appos" and a.i > subj.i and a.doc[a.left_edge.i - 1].text == ","
                      for c in a.conjuncts
                      if c.i > a.i and c.ent_type_ == "PERSON" and c.pos_ == "PROPN"]
            if _misread_object(subj):  # "considered him a terrorist and X said": X speaks
                heads = heads[1:] + [c for c in tok.children if c.dep_ == "nsubj" and
                                     c.i != subj.i and not self._in_quote(c)]
            for t in heads:
                self._add(t, tok)
        self.according = [t for t in according_to(span) if not self._in_quote(t)]
        names = [self._name(t) for t in self.according]
        own = []
        for t, name in zip(self.according, names, strict=True):
            if canonical_outlet(name) is not None or not self._cited_by_outlet(t):
                self._add(t, None)
                own.append(name)
        self.cited = [n for n in names if canonical_outlet(n) is None and n not in own] + \
            [self._name(t) for t in cited(span) + quoted_objects(span) if not self._in_quote(t)]
        if not self.speakers:
            self._colon_speaker()
        self._merge_short_names()

    def _name(self, tok: Token) -> str:
        a, b = speaker_range(tok)
        return speaker_from(tok)[0] if tok.ent_type_ else tok.doc[a:b].text

    def _outlet_subject(self, verb: Token) -> bool:
        subj = subject(verb)
        if subj is None or self._in_quote(subj):
            return False
        got = self._resolve(subj)
        return got is not None and got[3] is not None

    def _merge_short_names(self) -> None:
        for short in list(self.speakers):
            for long in list(self.speakers):
                if short != long and short in self.speakers and long in self.speakers and \
                        re.search(rf"\b{re.escape(short)}$", long):
                    self.speakers[long].verbs += self.speakers.pop(short).verbs

    # ---- what -----------------------------------------------------------------------------
    def build(self) -> None:
        s, p = self.s, self.p
        has_outlet = any(e.outlet for e in self.speakers.values())
        direct = [q for q in self.quotes if q.direct]
        used: dict[int, set[int]] = {}  # quote -> the saying verbs of whom it went to
        frames, sent_channel = channels.frames_and_channel(s.text, self.memory.resolve_outlet,
                                                           s.start)
        staff: dict[str, list[str]] = {}  # outlet -> its reporters who speak here
        for e in self.speakers.values():
            if e.outlet:
                self._outlet_fact(e)
                continue
            if has_outlet and not e.verbs and self._under_outlet(e.tok):
                continue  # cited by the outlet: an underlying source, not a claim of its own
            if reported_by(e, self.speakers.values(), self.quotes) is not None:
                continue  # told in another speaker's statement: part of that claim
            # reporters who wrote it, or "according to" them: the outlet's report; "according
            # to" an analyst or a host: their own statement and the outlet's fact
            opinion = not e.verbs and bool(
                PUNDITS.search(e.tok.doc[slice(*speaker_range(e.tok))].text))
            writes = not opinion and all(v.lemma_.lower() in WRITE_VERBS for v in e.verbs)
            if e.staff_of:
                staff.setdefault(e.staff_of, []).append(e.name)
                self.memory.staff[e.name.split()[-1]] = e.staff_of
                if writes:
                    continue  # the outlet's reporters wrote it: the outlet's report
            emb = bool(e.verbs) and all(embedded(v) for v in e.verbs)
            said_by = {v.i for v in e.verbs}
            # ('"...," Ruiz and Price said': a quote two speakers say together is both's)
            mine = [q for i, q in enumerate(direct) if (
                i not in used or said_by and used[i] == said_by) and (
                i in used or quote_owner(q, self.speakers.values(), self.article.text,
                                         self.p.start) in (None, e.name))]
            for q in mine:
                used[direct.index(q)] = said_by
                tail = self._tail_of(q)
                self.claims.append(Attribution(
                    sentence=s, speaker=e.name, speaker_type=e.stype, role=e.role,
                    start=q.start, end=tail.end if tail else q.end, kind="direct", quote=q,
                    tail=tail, channel=sent_channel, resolved_from=e.resolved, embedded=emb))
            content = max((content_outside(v, self.quotes, speaker_range(e.tok), p.start)
                           for v in e.verbs), default=0 if mine else 3)
            if content >= 2 or not mine:
                lo, hi = self._own_clause(e, s.start, s.end)
                lo = max(lo, participle_start(e.verbs, p.start) or lo)
                a, b = outside(s, mine, lo, hi)
                spans = statement_spans(s, e.verbs, a, b, p.start) if not mine else [(a, b)]
                said_on: str | None = None  # "confirmed it to Reuters but said ...": still there
                for a, b in spans:
                    said_on = (channels.channel(self.article.text[a:b]) or said_on) \
                        if len(spans) > 1 else sent_channel
                    # ('Appearing on CNN's "State of the Union," Ruiz said': a name quoted
                    # in the frame before the speaker is none of the speaker's words)
                    fragments = [q for q in self.quotes
                                 if not q.direct and a <= q.start and q.end <= b and
                                 not (q.end <= p.start + e.tok.left_edge.idx and
                                      titled_quote(p, q))]
                    whole = len(fragments) == 1 and whole_clause_quoted(
                        self.article.text, e.verbs, fragments[0], b, p.start)
                    self.claims.append(Attribution(
                        sentence=s, speaker=e.name, speaker_type=e.stype, role=e.role,
                        start=a, end=b,
                        kind="direct" if whole else "mixed" if fragments else "indirect",
                        quote=fragments[0] if fragments else None,
                        channel=said_on, resolved_from=e.resolved, embedded=emb,
                        frame_only=content < 2 and s.text.rstrip().endswith(":")))
        self._noun_statements()
        channels.carry_over(self.claims, self.previous)
        speakers = [c.speaker for c in self.claims]
        for outlet, names in staff.items():
            # "Post reporters X and Y wrote that four officials confirmed it": the outlet's
            # sources are whom its reporters cite; a reporter who cites nobody is the source
            self._add_fact(outlet, [n for n in speakers if n not in names] or names)
        for fa, _fb, outlet in frames:
            near = told_in(s.start + fa, self.claims, self.article.text, s)
            if near is not None:
                self._add_fact(outlet, [near.speaker], span=(near.start, near.end))
            elif speakers:
                self._add_fact(outlet, speakers)
        for e in self.speakers.values():  # "X said ..., according to state media"
            if e.outlet and not e.verbs and speakers:
                self._add_fact(e.outlet, speakers)
        self._unknown_outlets(frames, speakers)
        if not self.speakers and direct:
            self._continue_quotes(direct)

    def _tail_of(self, q: Quote) -> Quote | None:
        """'"We will win," she said, "and win big."': a quote cut by its frame mid-sentence
        (the first part ends in a comma, the second opens in lower case) is one statement."""
        text = self.article.text
        nxt = min((x for x in self.quotes if x.start >= q.end), key=lambda x: x.start,
                  default=None)
        if nxt is None or nxt.end > self.s.end:
            return None
        between = text[q.end:nxt.start]
        if "," not in text[q.inner_end - 1:q.end] or \
                not between.rstrip().endswith(",") or len(between.split()) > 12 or \
                not text[nxt.inner_start:nxt.inner_end].lstrip()[:1].islower():
            return None
        return nxt

    def _own_clause(self, e: Speaker, a: int, b: int) -> tuple[int, int]:
        """With several speakers in a sentence, each claim is its speaker's own clause: the
        subtree of its verbs without the clauses of the other speakers' verbs (save those of
        speakers whose words its statement reports)."""
        others = [v for o in self.speakers.values() if o is not e and
                  reported_by(o, self.speakers.values(), self.quotes) is not e
                  for v in o.verbs if not echoed(v, e.verbs)]
        if not e.verbs or not others:
            return a, b
        base = self.p.start
        mine = {t.i for v in e.verbs for t in v.subtree} | set(range(*speaker_range(e.tok)))
        for v in others:
            if v not in e.verbs and any(v in list(x.subtree) for x in e.verbs):
                mine -= {t.i for t in v.subtree}
        anchor = min(e.verbs, key=lambda v: v.i).i
        if anchor not in mine:
            return a, b
        lo = hi = anchor
        while lo - 1 in mine:
            lo -= 1
        while hi + 1 in mine:
            hi += 1
        doc = e.tok.doc
        while hi > lo and (doc[hi].is_punct or doc[hi].lower_ in {"and", "but", "while",
                                                                  "after", "as", "when"}):
            hi -= 1
        while lo < hi and (doc[lo].is_punct or doc[lo].lower_ in {"and", "but", "while",
                                                                  "after", "as", "when"}):
            lo += 1
        ca, cb = base + doc[lo].idx, base + doc[hi].idx + len(doc[hi].text)
        ca, cb = max(a, ca), min(b, cb)
        return (ca, cb) if cb - ca > 10 else (a, b)

    def _noun_statements(self) -> None:
        """"denied Russian assertions that ...": Russia's claim, the assertion's own words."""
        span, base = self.s.span, self.p.start
        if span is None:
            return
        for owner, noun, clause in noun_statements(span):
            if self._in_quote(noun):
                continue
            if owner.dep_ == "amod":
                places = {t.text for p in self.article.paragraphs if p.doc is not None
                          for t in p.doc if t.pos_ == "PROPN" and t.is_title}
                name, stype = place_of(owner.text, places) or owner.text, "government"
            else:
                got = self._resolve(owner)
                if got is None or got[3] is not None:
                    continue  # an outlet's claim is its report, read elsewhere
                name, stype = got[0], got[1]
            a = base + min(owner.left_edge.idx, noun.idx)
            last = clause.right_edge
            b = base + last.idx + len(last.text)
            if any(c.speaker == name and c.start <= a and b <= c.end for c in self.claims):
                continue
            fragments = [q for q in self.quotes if a <= q.start and q.end <= b]
            self.claims.append(Attribution(
                sentence=self.s, speaker=name, speaker_type=stype, role=None, start=a, end=b,
                kind="mixed" if fragments else "indirect",
                quote=fragments[0] if fragments else None))


def _covered_by_open_quote(p: Paragraph, s: Sentence, claims: list[Attribution]) -> bool:
    """A sentence inside a quote that an earlier sentence opened and left open belongs to
    that sentence's claim (whose span already runs to the paragraph's end)."""
    return inside_open_quote(p, s) and any(
        c.quote is not None and c.quote.open_end and c.sentence.paragraph == p.index
        and c.start < s.start <= c.end for c in claims)


def _full_names(claims: list[Attribution], memory: Discourse) -> None:
    """A bare surname ("Ruiz said") becomes the full name the article gave for it, with the
    role that name was given (as `assemble.canonical_names` does for the model's names);
    not a group word ("Republican", "Democrats")."""
    for c in claims:
        if c.speaker_type == "group" or not re.fullmatch(r"[A-Z][\w'’-]+", c.speaker):
            continue
        said = re.search(rf"\b(Mr|Mrs|Ms|Miss)\.? {re.escape(c.speaker)}\b", c.sentence.text)
        full = memory.full_name(c.speaker, said.group(1) if said else None)
        if full is not None:
            c.speaker, c.speaker_type = full, "person"
            c.role = c.role or next((o.role for o in claims if o.speaker == full and o.role),
                                    None)


def _outlet_cites(p: Paragraph, s: Sentence, memory: Discourse,
                  facts: list[Attribution]) -> None:
    """"The Times reported that ... The newspaper cited internal documents and three former
    mechanics.": whom the outlet cites are the sources of its report just before."""
    root = s.span.root if s.span is not None else None
    if root is None or root.lemma_.lower() != "cite" or not facts:
        return
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None:
        return
    a, b = speaker_range(subj)
    phrase = subj.doc[a:b].text
    last = facts[-1]
    outlet = last.outlet if phrase.lower() == "it" else canonical_outlet(phrase) or (
        memory.resolve_outlet(phrase, p.start + subj.idx) if channels.is_anaphor(phrase)
        else None)
    if outlet is None or last.outlet != outlet or s.start - last.end > 400:
        return
    for o in [obj, *obj.conjuncts]:
        lo, hi = speaker_range(o)
        name = o.doc[lo:hi].text
        if name not in last.underlying:
            last.underlying.append(name)


def extract(article: Article) -> Candidates:
    """Propose claims, sourced facts and cues for every body sentence."""
    memory = Discourse()
    for p in article.paragraphs:
        if p.kind == "body" and p.doc is not None:
            people = [e for e in p.doc.ents if e.label_ == "PERSON" and len(e) > 1]
            memory.surnames.update(e[-1].text for e in people)
            memory.note_people((p.start + e.start_char, e.text) for e in people)
            memory.note_given_names(p.doc)
            for e in p.doc.ents:
                if e.label_ == "PERSON" and e.start > 0:
                    memory.note_honorific(p.start + e.start_char, e.text, e.doc[e.start - 1].text)
    memory.learn_titles(article.text)
    claims: list[Attribution] = []
    facts: list[Attribution] = []
    maybe: list[MaybeOutlet] = []
    frame: Attribution | None = None  # an outlet's "X reports:" and the quote it opened
    for p in article.paragraphs:
        if p.kind != "body" or p.doc is None:
            continue
        for s in p.sentences:
            quoted = quoted_report(frame, p, s)
            if quoted is not None:
                if quoted is not frame:
                    facts.append(quoted)
                frame = quoted
                continue
            if frame is not None:  # no quote came: the frame stays the outlet's statement
                frame.frame_only = False
            frame = None
            if _covered_by_open_quote(p, s, claims):
                continue
            reader = _SentenceReader(article, p, s, memory, claims)
            reader.find_speakers()
            reader.build()
            reader.remember()
            claims.extend(reader.claims)
            facts.extend(reader.facts)
            if not reader.claims and not reader.facts:
                _outlet_cites(p, s, memory, facts)
            maybe.extend(reader.maybe_outlets)
            frame = frame_fact(p, s, reader.facts)
    _full_names(claims, memory)
    for run in quote_run_owners(article, claims):  # in reading order among the others
        at = next((i for i, c in enumerate(claims) if c.start > run.start), len(claims))
        claims.insert(at, run)
    blocked = [x for x in [*claims, *facts] if article.in_instruction(x.start, x.end)]
    claims = [c for c in claims if c not in blocked]
    facts = [f for f in facts if f not in blocked]
    maybe = [m for m in maybe if not article.in_instruction(m.sentence.start, m.sentence.end)]
    return Candidates(claims=claims, facts=facts, cues=find_cues(article, claims, facts),
                      maybe_outlets=maybe, blocked=blocked)
