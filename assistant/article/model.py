"""The segmented article every later stage points into: paragraphs and sentences with ids and
exact offsets into `Article.text`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from .quotes import QuoteSpan
from .safety import Flag

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

ParagraphKind = Literal["body", "title", "boilerplate", "caption"]


@dataclass
class Sentence:
    id: str
    start: int
    end: int
    text: str
    paragraph: int
    span: SpacySpan | None = field(default=None, repr=False)


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    kind: ParagraphKind
    sentences: list[Sentence] = field(default_factory=list)
    doc: Doc | None = field(default=None, repr=False)
    quotes: list[QuoteSpan] = field(default_factory=list)  # absolute offsets


@dataclass
class Article:
    """Cleaned, segmented article; `text` is what every offset refers to."""

    text: str
    paragraphs: list[Paragraph]
    title: str | None = None
    source: str = ""
    flags: list[Flag] = field(default_factory=list)  # steering or hiding attempts in the text

    def instruction_spans(self) -> list[tuple[int, int]]:
        return [(f.start, f.end) for f in self.flags if f.kind == "instruction"]

    def in_instruction(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.instruction_spans())

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs if p.kind == "body" for s in p.sentences]

    def sentence(self, sid: str) -> Sentence | None:
        return self._index().get(sid)

    def _index(self) -> dict[str, Sentence]:
        cached: dict[str, Sentence] | None = getattr(self, "_sid_index", None)
        if cached is None:
            cached = {s.id: s for s in self.sentences}
            self._sid_index = cached
        return cached

    @property
    def body_text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs if p.kind == "body")

    def numbered(self, sentence_ids: list[str] | None = None) -> str:
        """Body sentences as '[S3] ...' lines grouped by paragraph, for the model to point at;
        instruction-like text is withheld (the sentence keeps its id)."""
        keep = set(sentence_ids) if sentence_ids is not None else None
        blocks = []
        for p in self.paragraphs:
            if p.kind != "body":
                continue
            lines = [f"[{s.id}] {self._model_text(s)}" for s in p.sentences
                     if keep is None or s.id in keep]
            if lines:
                blocks.append("\n".join(lines))
        return "\n\n".join(blocks)

    def _model_text(self, s: Sentence) -> str:
        text, pos = "", s.start
        for a, b in sorted(self.instruction_spans()):
            if a < s.end and s.start < b:
                text += self.text[pos:max(pos, a)] + " [instruction-like text withheld] "
                pos = max(pos, min(b, s.end))
        return _one_line(text + self.text[pos:s.end])


def _one_line(text: str) -> str:
    return " ".join(text.split())
