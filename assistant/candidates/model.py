"""What the parser proposes: quotes, attributions (claims and outlet reports) and cues.

Every candidate carries absolute character offsets into `Article.text`; the model later
confirms or rejects doubtful candidates and corrects speakers, but never supplies offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..article import Sentence


@dataclass
class Quote:
    start: int  # of the opening mark
    end: int  # after the closing mark (or the paragraph's end for a quote left open)
    inner_start: int
    inner_end: int
    direct: bool  # a whole statement in the speaker's words, not a quoted fragment
    open_end: bool = False


@dataclass
class Attribution:
    """A proposed claim (speaker says something) or outlet report (outlet says something)."""

    sentence: Sentence
    speaker: str
    speaker_type: str
    role: str | None
    start: int
    end: int
    kind: str
    quote: Quote | None = None
    tail: Quote | None = None  # '"A," she said, "and B."': the quote's part after its frame
    channel: str | None = None
    outlet: str | None = None
    underlying: list[str] = field(default_factory=list)
    resolved_from: str | None = None  # "he", "the statement": resolved by code, to be confirmed
    embedded: bool = False  # the reporting verb sits in a subordinate clause ("whatever X says")
    unknown_outlet: bool = False  # an organisation in an outlet's frame, not known as news media
    frame_only: bool = False  # "X said:" with the quote still to come
    continues: bool = False  # a quote with no saying verb of its own, run on from the last one

    @property
    def is_fact(self) -> bool:
        return self.outlet is not None


@dataclass
class Cue:
    kind: str
    cue: str
    start: int
    end: int
    sentence: Sentence


@dataclass
class MaybeOutlet:
    """An organisation in an outlet's place ("NDTV reported", "told Kanal Sever") that no word
    list knows: the model says whether it is news media."""

    name: str
    sentence: Sentence
    underlying: list[str]
    speaker: bool  # it was proposed as the speaker of a claim


@dataclass
class Candidates:
    claims: list[Attribution]
    facts: list[Attribution]
    cues: list[Cue]
    maybe_outlets: list[MaybeOutlet] = field(default_factory=list)
    blocked: list[Attribution] = field(default_factory=list)  # inside instruction-like text
