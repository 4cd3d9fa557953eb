"""The sentence reader's outlet half: which outlet reports what (sourced facts, one per
outlet and sentence), whom it cites, an outlet's reporters and its own sources, and
organisations standing where an outlet would that no list knows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..article import Article, Paragraph, Sentence
from . import channels
from .coref import Discourse
from .model import Attribution, MaybeOutlet
from .outlet_names import STAFF
from .outlets import canonical_outlet, is_named_outlet
from .resolution import OUTLET_SOURCES, Resolution, Speaker
from .speakers import speaker_range
from .statements import outside
from .verbs import WRITE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


class Reports(Resolution):
    """Outlet facts of one sentence; `_SentenceReader` adds who says what."""

    def __init__(self, article: Article, p: Paragraph, s: Sentence, memory: Discourse) -> None:
        super().__init__(article, p, s, memory)
        self.according: list[Token] = []
        self.cited: list[str] = []
        self.maybe_outlets: list[MaybeOutlet] = []

    def _staff_outlet(self, tok: Token, name: str) -> str | None:
        """"Post reporters X and Y", "the BBC's correspondent X": the outlet they work for."""
        a, b = speaker_range(tok)
        head = tok.head if tok.dep_ == "conj" else tok
        if head is not tok:
            a = min(a, speaker_range(head)[0])
        words = tok.doc[a:b]
        if not STAFF.search(words.text):
            return self.memory.staff.get(name.split()[-1])
        pos = self.p.start + tok.doc[a].idx
        hits = channels.outlet_mentions(words.text, self.memory.resolve_outlet, pos)
        if hits and is_named_outlet(hits[0][2]):
            return hits[0][2]
        for t in words:
            if t.is_title and t.pos_ in {"PROPN", "NOUN"} and t.ent_type_ != "PERSON":
                found = canonical_outlet(t.text) or self.memory.resolve_outlet(f"the {t.text}",
                                                                              pos)
                if is_named_outlet(found):
                    return found
        return None

    def _cited_by_outlet(self, tok: Token) -> bool:
        """"According to X, AFP reported": X is the outlet's source when the outlet's verb
        governs the sentence or X; not when the outlet sits in an aside of X's statement
        ("According to X, ..., despite media reports suggesting ...")."""
        outlets = [e for e in self.speakers.values() if e.outlet]

        def aside(v: Token) -> bool:  # the report hangs off a noun: "despite reports saying"
            return v not in tok.ancestors and any(
                a.dep_ in {"acl", "relcl", "pobj"} for a in [v, *v.ancestors])

        return bool(outlets) and (any(not e.verbs for e in outlets) or not all(
            aside(v) for e in outlets for v in e.verbs))

    def _under_outlet(self, tok: Token) -> bool:
        """"According to X, AFP reported": X hangs under the outlet's verb (or beside it at
        the root), so X is the outlet's source."""
        verbs = [v for o in self.speakers.values() if o.outlet for v in o.verbs]
        return any(v in tok.ancestors or v.dep_ == "ROOT" for v in verbs) or not verbs

    def _add_fact(self, outlet: str, underlying: list[str], resolved: str | None = None,
                  span: tuple[int, int] | None = None) -> None:
        """One fact per outlet and sentence (over the sentence, or the `span` of the statement
        made to the outlet); more sources join its underlying list."""
        a, b = span or (self.s.start, self.s.end)
        for f in self.facts:
            if f.outlet == outlet:
                f.underlying += [u for u in underlying if u not in f.underlying]
                f.start, f.end = min(f.start, a), max(f.end, b)
                return
        self.facts.append(Attribution(sentence=self.s, speaker=outlet,
                                      speaker_type="organization", role=None,
                                      start=a, end=b, kind="indirect",
                                      outlet=outlet, underlying=list(dict.fromkeys(underlying)),
                                      resolved_from=resolved))

    def _unknown_outlets(self, frames: list[tuple[int, int, str]], speakers: list[str]) -> None:
        """Organisations the lists do not know, standing where an outlet would: as the
        subject of "reported"/"wrote", or after "told", "interview with", "published by"."""
        span = self.s.span
        if span is None:
            return
        for e in self.speakers.values():
            if not e.outlet and e.stype == "organization" and e.tok.ent_type_ == "ORG" and \
                    any(v.lemma_.lower() in WRITE_VERBS for v in e.verbs):
                self.maybe_outlets.append(MaybeOutlet(name=e.name, sentence=self.s,
                                                      underlying=list(self.cited), speaker=True))
        known = {(a, b) for a, b, _ in frames}
        ents = [(self.p.start + e.start_char - self.s.start, e.text, e.label_ == "ORG")
                for e in span.ents
                if e.label_ in {"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC"} and
                canonical_outlet(e.text) is None and not
                any(a <= self.p.start + e.start_char - self.s.start < b for a, b in known)
                and not self._in_quote(e.root)]
        for name in channels.unknown_frames(self.s.text, ents):
            if speakers and name not in speakers:
                self.maybe_outlets.append(MaybeOutlet(
                    name=re.sub(r"^the\s+", "", name, flags=re.IGNORECASE), sentence=self.s,
                    underlying=list(dict.fromkeys(speakers)), speaker=False))

    def _outlet_fact(self, e: Speaker) -> None:
        verbs = e.verbs
        if verbs and not self.quotes and e.tok not in self.according and all(
                v.lemma_.lower() in {"report", "say"} and not any(
                    c.dep_ in {"ccomp", "advcl"} for c in v.children)
                and any(c.dep_ == "dobj" for c in v.children) for v in verbs):
            return  # "media reported a higher figure": no statement of its own
        nested = [o.name for o in self.speakers.values() if not o.outlet and o.verbs and any(
            v2 in v.subtree for v in verbs for v2 in o.verbs)]
        sources = [n for n in self.cited if not OUTLET_SOURCES.search(n)]
        own = [n for n in self.cited if OUTLET_SOURCES.search(n)]
        lo, hi = speaker_range(e.tok)
        mine = OUTLET_SOURCES.search(e.tok.doc[lo:hi].text)  # "Al-Resalah's “knowledgeable sources”"
        if mine:
            who = e.tok.doc[lo:hi].text[mine.start() + 2:].strip(" “”\"'‘’")
            own.append(who)
            if verbs:  # "Al-Resalah's sources said ...": they speak, as if they told it
                last = e.tok.doc[hi - 1]
                self._sources_claim(who, e.outlet or e.name,
                                    self.p.start + last.idx + len(last.text))
        self._add_fact(e.outlet or e.name, sources + nested + own, e.resolved)

    def _sources_claim(self, who: str, outlet: str, after: int) -> None:
        s = self.s
        fragments = [q for q in self.quotes if not q.direct and q.start >= after]
        a, b = outside(s, [q for q in self.quotes if q.direct])
        self.claims.append(Attribution(
            sentence=s, speaker=who, speaker_type="unnamed", role=None, start=a, end=b,
            kind="mixed" if fragments else "indirect", quote=fragments[0] if fragments else None,
            channel=f"{outlet} report"))
