"""The output contract: one `ArticleAnalysis`, typed for JSON, Markdown, the page and the evals."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SpeakerType = Literal["person", "organization", "government", "group", "unnamed"]
ClaimKind = Literal["direct", "indirect", "mixed"]
ClaimUnit = Literal["statement", "turn"]
CueKind = Literal[
    "hedge",
    "speculation",
    "prediction",
    "anonymous_source",
    "vague_attribution",
    "unconfirmed_report",
    "unverified_claim",
    "conflict",
    "missing_context",
    "hidden_text",
]
Level = Literal["low", "medium", "high"]
CUE_KINDS: tuple[str, ...] = CueKind.__args__  # type: ignore[attr-defined]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Strict):
    """A piece of the analysed text, cut by code at exact character offsets."""

    start: int = Field(description="Offset of the first character in the analysed text.", ge=0)
    end: int = Field(description="Offset one past the last character.", ge=0)
    text: str = Field(description="Exactly text[start:end].")


class Claim(Strict):
    id: str = Field(description="Stable id within this analysis, e.g. 'c3'.")
    speaker: str = Field(description="Canonical name of who made the statement.")
    speaker_type: SpeakerType = Field(description="What kind of speaker it is.")
    role: str | None = Field(description="Role or affiliation as the article gives it.")
    kind: ClaimKind = Field(description="direct quote, indirect (reported) or mixed.")
    channel: str | None = Field(description="How it was said (tweet, statement, ...), if stated.")
    quote: str | None = Field(description="Verbatim quoted words without quote marks, if any.")
    content: str = Field(description="What was said: the quote, or the reported clause.")
    evidence: Span = Field(description="Where the statement is in the text.")
    sentence_ids: list[str] = Field(description="Ids of the sentences the evidence lies in.")
    continues: str | None = Field(default=None, description="Id of the same speaker's claim "
                                  "this quote runs on from with no saying verb of its own "
                                  "('\"A,\" she said. \"B.\"': B continues A); with the turn "
                                  "unit such claims are folded into the one they continue.")


class SourcedFact(Strict):
    id: str = Field(description="Stable id within this analysis, e.g. 'f2'.")
    outlet: str = Field(description="Canonical outlet name, or 'unnamed reports'.")
    underlying_sources: list[str] = Field(description="Sources the outlet cites, as written.")
    statement: str = Field(description="The fact the outlet reports: its sentence.")
    evidence: Span = Field(description="Where the report is in the text.")
    sentence_ids: list[str] = Field(description="Ids of the sentences the evidence lies in.")


class UncertaintyCue(Strict):
    id: str = Field(description="Stable id within this analysis, e.g. 'u1'.")
    kind: CueKind = Field(description="Which kind of uncertainty the cue signals.")
    cue: str = Field(description="The signalling word or phrase, verbatim.")
    evidence: Span = Field(description="The text around the cue.")
    about: list[str] = Field(description="Ids of the claims or facts the cue bears on.")


class OpenQuestion(Strict):
    question: str = Field(description="What a fact-checker should verify next.")
    about: list[str] = Field(description="Ids of the claims, facts or cues it concerns.")


class Uncertainty(Strict):
    level: Level = Field(description="Overall level of uncertainty of the article.")
    cues: list[UncertaintyCue] = Field(description="Every cue found, in text order.")
    summary: str = Field(description="Short prose: why a reader should hold back, if at all.")
    open_questions: list[OpenQuestion] = Field(description="What to verify next.")


class Dropped(Strict):
    section: str = Field(description="claims, sourced_facts, uncertainty or summary.")
    reason: str = Field(description="Why the item was not kept.")
    detail: str = Field(description="The item as proposed, shortened.")


class FlaggedSpan(Strict):
    """Text that tries to steer the assistant or hide from the reader, found and ignored."""

    kind: Literal["instruction", "control_token", "hidden_characters", "lookalike"] = Field(
        description="What was found.")
    reason: str = Field(description="What it is and what the assistant did with it.")
    evidence: Span = Field(description="Where it is in the text.")


class SummaryChecks(Strict):
    """What the checks of the model-written summary found and did."""

    sentences: int = Field(description="Sentences in the model's first summary.")
    problems: list[str] = Field(description="What was wrong with the first summary.")
    rewritten: bool = Field(description="The model was asked once to rewrite it.")
    dropped: list[Dropped] = Field(description="Sentences still wrong after the rewrite.")
    fallback: bool = Field(description="Nothing passed: the summary is the article's lead.")


class Meta(Strict):
    model: str = Field(description="Model name or GGUF file used.")
    backend: Literal["embedded", "remote", "fake", "none"] = Field(description="Client kind.")
    strategy: Literal["decomposed", "combined"] = Field(description="How work was split.")
    prompt_version: str = Field(description="Hash of the prompt templates used.")
    llm_calls: int = Field(description="Chat-completion requests sent, re-asks included.")
    prompt_tokens: int = Field(description="Prompt tokens over all calls.")
    completion_tokens: int = Field(description="Completion tokens over all calls.")
    retries: int = Field(description="Transport retries (timeouts, 429, 5xx).")
    reasks: int = Field(description="Re-asks after a validation error.")
    retry_wait_seconds: float = Field(description="Total time spent waiting between retries.")
    cache_hits: int = Field(description="LLM answers served from the response cache.")
    seconds: dict[str, float] = Field(description="Wall-clock seconds per stage.")
    language: str = Field(description="Detected language of the article.")
    chunks: int = Field(description="Parts the article was split into for the model.")
    context_tokens: int = Field(default=0, description="Tokens of the longest prompt prefix "
                                "(instructions and article) one call had to hold.")
    split_reason: str | None = Field(default=None, description="Why the article was split "
                                     "into parts, when it was.")
    claim_unit: ClaimUnit = Field(default="statement", description="One claim per "
                                  "statement, or per speaker turn (a quote that runs on over "
                                  "several sentences is one claim).")
    dropped: list[Dropped] = Field(description="Items rejected by grounding or validation.")
    summary_checks: SummaryChecks | None = Field(default=None, description="Checks of the "
                                                 "model-written summary against the article.")
    flags: list[FlaggedSpan] = Field(default_factory=list, description="Instruction-like "
                                     "text, control tokens, hidden characters and lookalike "
                                     "letters found in the article and ignored.")
    warnings: list[str] = Field(description="Non-fatal problems worth a look.")


class ArticleAnalysis(Strict):
    """Everything the assistant says about one article, grounded in `text`."""

    title: str | None = Field(description="Headline, when the input has one.")
    text: str = Field(description="The analysed text; every span indexes into it.")
    summary: str = Field(description="A short neutral summary.")
    key_points: list[str] = Field(description="Three to six key points.")
    claims: list[Claim] = Field(description="Attributed statements: who said what.")
    sourced_facts: list[SourcedFact] = Field(description="What outlets and reports say.")
    uncertainty: Uncertainty = Field(description="Why and where to hold back.")
    meta: Meta = Field(description="How the analysis was produced.")
