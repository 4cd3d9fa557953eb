"""Small, flat answers the model gives (ids and labels, never offsets or copied quotes).

Validators read the instructor validation context: unknown ids and speakers that do not
occur in the article raise (so instructor re-asks); with context["lenient"] the bad items
are dropped instead and recorded in context["dropped"].
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)

from . import sentences
from .models import Strict

SUMMARY_MAX, UNCERTAINTY_MAX = 280, 300  # characters, in the grammar
MISSED_MAX = 6
MEDIA_MAX = 8
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]+")
_STOP = {"the", "a", "an", "of", "and", "in", "for", "on", "to", "at", "by", "with", "s"}


def _clip(n: int) -> Any:
    """Over-long prose is cut at a sentence end rather than failing the whole answer."""
    def clip(v: Any) -> Any:
        return sentences.clip(v, n) if isinstance(v, str) else v
    return clip


whole_sentences = sentences.whole_sentences


def _clip_list(n: int) -> Any:
    def clip(v: Any) -> Any:
        return v[:n] if isinstance(v, list) else v
    return clip


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def speaker_in_text(speaker: str, text: str) -> bool:
    """Every content word of the name occurs in the article (case-insensitive, whatever the
    apostrophe: the model writes "Huckabee's" for the article's "Huckabee’s")."""
    low = text.lower().translate(_APOSTROPHES)
    words = [w.lower().translate(_APOSTROPHES).strip(".'") for w in _WORD.findall(speaker)]
    words = [w for w in words if w and w not in _STOP]
    return bool(words) and all(re.search(rf"\b{re.escape(w)}", low) for w in words)


# Small flat answers share the output models' strict base (extra="forbid").
Flat = Strict
M = TypeVar("M", bound=Strict)


class Check(Flat):
    id: str = Field(description="Candidate id, e.g. C4.")
    speaker: str = Field(description="Who said it, pronouns resolved, as the article names them.")


class Missed(Flat):
    sentence: str = Field(description="Sentence id, e.g. S7.")
    speaker: str = Field(description="Who is reported as saying it.")


def _filter(items: list[Any], problems: list[tuple[Any, str]], info: ValidationInfo,
            section: str) -> list[Any]:
    ctx = info.context or {}
    if not problems:
        return items
    if not ctx.get("lenient"):
        raise ValueError("; ".join(msg for _, msg in problems))
    dropped = ctx.setdefault("dropped", [])
    bad = {id(item) for item, _ in problems}
    for item, msg in problems:
        dropped.append({"section": section, "reason": msg, "detail": item.model_dump_json()[:200]})
    return [i for i in items if id(i) not in bad]


def _check_attributions(checks: list[Check], missed: list[Missed],
                        info: ValidationInfo) -> tuple[list[Check], list[Missed]]:
    ctx = info.context or {}
    text: str = ctx.get("article_text", "")
    ids: set[str] = set(ctx.get("candidate_ids", ()))
    sids: set[str] = set(ctx.get("sentence_ids", ()))
    problems: list[tuple[Any, str]] = []
    for c in checks:
        if c.id not in ids:
            problems.append((c, f"{c.id} is not one of the candidate ids ({', '.join(sorted(ids))})"))
        elif c.speaker.strip() and not speaker_in_text(c.speaker, text):
            problems.append((c, f"speaker {c.speaker!r} of {c.id} does not occur in the article"))
    mproblems: list[tuple[Any, str]] = []
    for m in missed:
        if m.sentence not in sids:
            mproblems.append((m, f"{m.sentence} is not a sentence id of the article"))
        elif not speaker_in_text(m.speaker, text):
            mproblems.append((m, f"speaker {m.speaker!r} of {m.sentence} does not occur in the "
                                 "article"))
    return (_filter(checks, problems, info, "claims"), _filter(missed, mproblems, info, "claims"))


def _check_media(media: list[str], info: ValidationInfo) -> list[str]:
    """Unknown organisation ids are dropped (not worth a re-ask: the default is "not media")."""
    ids = set((info.context or {}).get("outlet_ids", ()))
    return list(dict.fromkeys(m for m in media if m in ids))


def _checks_from_mapping(v: Any) -> Any:
    """The model answers {"C5": "speaker", ...}: six tokens a candidate fewer than a list of
    {"id": ..., "speaker": ...} objects (measured with the embedded model's tokenizer)."""
    if isinstance(v, dict):
        return [{"id": k, "speaker": s} for k, s in v.items()]
    return v


class Attributions(Flat):
    checks: Annotated[list[Check], BeforeValidator(_clip_list(20)),
                      BeforeValidator(_checks_from_mapping)] = Field(
        description="Who said each candidate statement, by candidate id.",
        json_schema_extra={"maxItems": 20})
    missed: Annotated[list[Missed], BeforeValidator(_clip_list(MISSED_MAX))] = Field(
        description="Reported statements the parser did not list.",
        json_schema_extra={"maxItems": MISSED_MAX})
    media: Annotated[list[str], BeforeValidator(_clip_list(MEDIA_MAX))] = Field(
        default_factory=list, description="Ids of the listed organisations that are news media.",
        json_schema_extra={"maxItems": MEDIA_MAX})

    @model_validator(mode="after")
    def grounded(self, info: ValidationInfo) -> Attributions:
        self.checks, self.missed = _check_attributions(self.checks, self.missed, info)
        self.media = _check_media(self.media, info)
        return self


def narrowed(base: type[M], narrow: Callable[[dict[str, Any]], None]) -> type[M]:
    """A subclass of `base` whose JSON schema (hence llama.cpp's grammar) `narrow` edits, e.g.
    to the ids one call may answer with; validation stays `base`'s."""
    return type(base.__name__, (base,), {
        "model_config": ConfigDict(extra="forbid", json_schema_extra=narrow)})


def attributions_for(candidate_ids: list[str], sentence_ids: list[str],
                     outlet_ids: list[str] | None = None) -> type[Attributions]:
    """`Attributions` whose JSON schema allows only these ids, so the grammar cannot emit an
    unknown candidate or sentence: "checks" is an object keyed by exactly the candidate ids
    (measured: with no candidate to check, the 1.5B model once filled a list of checks with
    every sentence id)."""
    def narrow(schema: dict[str, Any]) -> None:
        props = schema["properties"]
        speaker = Check.model_json_schema()["properties"]["speaker"]
        props["checks"] = {  # one speaker per candidate id, in the order they were listed
            "type": "object", "description": props["checks"]["description"],
            "properties": {cid: speaker for cid in candidate_ids},
            "required": list(candidate_ids), "additionalProperties": False}
        props["missed"]["maxItems"] = min(MISSED_MAX, len(sentence_ids))
        missed = Missed.model_json_schema()
        if sentence_ids:
            missed["properties"]["sentence"]["enum"] = list(sentence_ids)
        props["missed"]["items"] = missed
        outlets = list(outlet_ids or [])
        props["media"]["maxItems"] = min(MEDIA_MAX, len(outlets))
        props["media"]["items"] = {"type": "string", "enum": outlets} if outlets else \
            {"type": "string"}
        schema["required"] = ["checks", "missed", "media"]

    return narrowed(Attributions, narrow)


class SummaryAnswer(Flat):
    summary: Annotated[str, BeforeValidator(_clip(600))] = Field(
        description="One or two neutral sentences.",
        json_schema_extra={"maxLength": SUMMARY_MAX})

    @model_validator(mode="after")
    def whole(self) -> SummaryAnswer:
        if not self.summary.strip():
            raise ValueError("summary is empty")
        self.summary = whole_sentences(self.summary)
        return self


class Question(Flat):
    question: Annotated[str, BeforeValidator(_clip(240))] = Field(
        description="What to verify next.", json_schema_extra={"maxLength": 160})
    about: Annotated[list[str], BeforeValidator(_clip_list(4))] = Field(
        description="Ids of the items it concerns, e.g. c2, f1.", json_schema_extra={"maxItems": 4})


def _check_questions(qs: list[Question], info: ValidationInfo) -> list[Question]:
    ids = set((info.context or {}).get("item_ids", ()))
    for q in qs:
        q.about = [a for a in q.about if a in ids]  # unknown ids are removed, not fatal
    return [q for q in qs if q.question.strip()]


class CombinedAnswer(Flat):
    checks: list[Check] = Field(description="One per candidate marked 'check'.")
    missed: list[Missed] = Field(description="Reported statements the parser did not list.")
    summary: str = Field(description="Two or three neutral sentences.",
        json_schema_extra={"maxLength": SUMMARY_MAX})
    key_points: list[str] = Field(description="Three to six short sentences.")
    level: Literal["low", "medium", "high"] = Field(description="Overall uncertainty.")
    uncertainty_summary: str = Field(description="One or two sentences.", json_schema_extra={"maxLength": UNCERTAINTY_MAX})
    open_questions: list[Question] = Field(description="Two to four questions.")

    @model_validator(mode="after")
    def grounded(self, info: ValidationInfo) -> CombinedAnswer:
        self.checks, self.missed = _check_attributions(self.checks, self.missed, info)
        self.open_questions = _check_questions(self.open_questions, info)[:6]
        self.key_points = [whole_sentences(k) for k in self.key_points if k.strip()][:6]
        self.summary = whole_sentences(self.summary)
        self.uncertainty_summary = whole_sentences(self.uncertainty_summary)
        return self
