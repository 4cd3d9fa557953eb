"""The segmented article every later stage points into: paragraphs and sentences with ids and
exact offsets into `Article.text`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from .quotes import QuoteSpan

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
        """Body sentences as '[S3] ...' lines grouped by paragraph, for the model to point at."""
        keep = set(sentence_ids) if sentence_ids is not None else None
        blocks = []
        for p in self.paragraphs:
            if p.kind != "body":
                continue
            lines = [f"[{s.id}] {_one_line(s.text)}" for s in p.sentences
                     if keep is None or s.id in keep]
            if lines:
                blocks.append("\n".join(lines))
        return "\n\n".join(blocks)


def _one_line(text: str) -> str:
    return " ".join(text.split())
