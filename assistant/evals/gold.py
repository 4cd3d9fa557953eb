"""Gold annotations (evals/ANNOTATION.md), loaded into typed models and checked item by item."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from ..errors import GoldFormatError
from ..models import ClaimKind, CueKind, SpeakerType, Strict


class GoldClaim(Strict):
    speaker: str
    aliases: list[str] = []
    speaker_type: SpeakerType
    role: str | None = None
    kind: ClaimKind
    channel: str | None = None
    quote: str | None = None
    content: str
    evidence: str


class GoldFact(Strict):
    outlet: str
    underlying_sources: list[str] = []
    statement: str
    evidence: str


class GoldCue(Strict):
    kind: CueKind
    cue: str
    evidence: str


class GoldArticle(Strict):
    id: str
    title: str
    provenance: str
    text: str
    claims: list[GoldClaim]
    sourced_facts: list[GoldFact]
    uncertainty: list[GoldCue]
    key_points: list[str]
    notes: str = ""


def load_gold_file(path: Path) -> GoldArticle:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        gold = GoldArticle.model_validate(raw)
    except (OSError, ValueError) as exc:
        first = exc.errors()[0] if isinstance(exc, ValidationError) else None
        item = ".".join(str(x) for x in first["loc"]) if first else ""
        msg = first["msg"] if first else str(exc)
        raise GoldFormatError(f"{path}: {item + ': ' if item else ''}{msg}", path=str(path),
                              item=item) from exc
    for section in ("claims", "sourced_facts", "uncertainty"):
        for i, it in enumerate(getattr(gold, section)):
            if it.evidence not in gold.text:
                raise GoldFormatError(f"{path}: {section}[{i}]: evidence not in text: "
                                      f"{it.evidence[:60]!r}", path=str(path),
                                      item=f"{section}[{i}]")
            quote = getattr(it, "quote", None)
            if quote is not None and quote not in gold.text:
                raise GoldFormatError(f"{path}: {section}[{i}]: quote not verbatim in text",
                                      path=str(path), item=f"{section}[{i}]")
    return gold


def load_gold_dir(directory: str | Path) -> list[GoldArticle]:
    d = Path(directory)
    files = sorted(d.glob("*.json")) if d.is_dir() else []
    if not files:
        raise GoldFormatError(f"no gold .json files in {d}", path=str(d))
    return [load_gold_file(f) for f in files]
