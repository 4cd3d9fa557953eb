"""A quote with no speaker of its own: it goes on from the last quoted speaker (in its
paragraph, or across a paragraph break when the paragraph opens with it), or is the one
person the sentence before is about; never someone its own "he" or "she" cannot be."""

from __future__ import annotations

from .model import Attribution, Quote
from .outlets import canonical_outlet, is_named_outlet
from .reports import Reports
from .verbs import is_reporting


class Continuation(Reports):
    """The quote-continuation half of `_SentenceReader`."""

    previous: list[Attribution]

    def _continue_quotes(self, direct: list[Quote]) -> None:
        """A quote standing alone continues the last speaker: in this paragraph, or across a
        paragraph break when this paragraph opens with the quote."""
        last = self._last_quoted_speaker()
        if last is None:
            self._quote_after_its_speaker(direct)
            return
        if is_named_outlet(canonical_outlet(last.speaker)):
            return  # an outlet is no speaker of quotes: its quoted report is its fact
        own_frame = self._has_own_frame()
        if own_frame and self._frame_pronoun_is_not(last.speaker):
            return  # '"...," she said' after a man's quote: someone the text has not named
        if last.frame_only:  # "X wrote:" then the quote: one claim, the quote
            q = direct[0]
            last.start, last.end, last.kind, last.quote, last.frame_only = (
                q.start, q.end, "direct", q, False)
            last.sentence = self.s
            direct = direct[1:]
        for q in direct:
            self.claims.append(Attribution(sentence=self.s, speaker=last.speaker,
                                           speaker_type=last.speaker_type, role=last.role,
                                           start=q.start, end=q.end, kind="direct", quote=q,
                                           channel=last.channel,
                                           resolved_from="continued quote",
                                           continues=not own_frame))

    def _quote_after_its_speaker(self, direct: list[Quote]) -> None:
        """'Ruiz was defiant. "We will not back down."': a quote with no frame, opening the
        sentence right after one whose main subject is the one person named there, is that
        person's."""
        p, s = self.p, self.s
        at = next(i for i, x in enumerate(p.sentences) if x.id == s.id)
        if at == 0 or direct[0].start != s.start or self._has_own_frame():
            return
        prev = p.sentences[at - 1]
        named = [m for m in self.memory.mentions if prev.start <= m.pos < prev.end]
        if len(named) != 1 or named[0].stype != "person" or named[0].speaker or \
                prev.span is None:
            return
        others = [t for t in prev.span if t.pos_ == "PROPN" and t.text not in named[0].name
                  and t.ent_type_ not in {"GPE", "ORG", "NORP", "DATE", "LOC", "FAC"}]
        if others:
            return  # "Ruiz met Baker. '...'": either may have said it
        who = named[0]
        for q in direct:
            self.claims.append(Attribution(sentence=s, speaker=who.name, speaker_type="person",
                                           role=who.role, start=q.start, end=q.end,
                                           kind="direct", quote=q,
                                           resolved_from="the sentence before"))

    def _frame_pronoun_is_not(self, name: str) -> bool:
        """The frame's "he" or "she" cannot be `name`, whose gender the text gives."""
        span = self.s.span
        known = self.memory.gender(name)
        if span is None or known is None:
            return False
        said = [c.lower_ for t in span if is_reporting(t) and not self._in_quote(t)
                for c in t.children if c.dep_ == "nsubj" and c.lower_ in {"he", "she"}]
        return bool(said) and all((p == "he") != (known == "m") for p in said)

    def _has_own_frame(self) -> bool:
        """A saying verb outside the quotes ('"...," she added' with "she" unresolved): the
        quote is a statement of its own even when its speaker is guessed from the last one."""
        span = self.s.span
        return span is not None and any(is_reporting(t) and not self._in_quote(t)
                                        for t in span)

    def _last_quoted_speaker(self) -> Attribution | None:
        s, p = self.s, self.p
        if not self.previous:
            return None
        last = self.previous[-1]
        if last.sentence.paragraph == p.index or last.frame_only:
            return last
        first = p.sentences[0].id == s.id and self.article.text[s.start] in "\"“‘'"
        prev_para = max((x.index for x in self.article.paragraphs
                         if x.index < p.index and x.kind == "body"), default=-1)
        if not first:
            return None
        quoted = [c for c in self.previous if c.sentence.paragraph == prev_para and (
            c.kind == "direct" or (c.quote is not None and c.quote.open_end))]
        return quoted[-1] if quoted else None
