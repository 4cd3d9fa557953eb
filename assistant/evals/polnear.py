"""PolNeAR attribution gold (real 2015-2016 US political news, annotated by the corpus
authors): who said what, scored with the corpus scorer's rule.

The rule, as `shared/evals/peer/score_polnear.py` documents it: a predicted claim matches a
gold attribution when its evidence span overlaps the attribution's content or cue span and,
where the attribution has a source, the predicted speaker shares a name token with it (or the
source is only a pronoun or a bare description and the speaker is named earlier in the text).
Pairs are one-to-one, greedy by overlap. Speech attributions are those whose cue is a verb of
saying or "according to". Sourced facts are not scored here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError
from ..models import ArticleAnalysis

_TITLES = {"mr", "mrs", "ms", "dr", "gen", "general", "major", "brigadier", "maj", "lt", "col",
           "president", "prime", "minister", "the", "a", "an", "of", "sen", "senator", "rep"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "them", "his", "her", "their",
             "its", "this", "that", "who", "which"}
SPEECH = re.compile(
    r"\b(said|say|says|saying|told|tell|tells|according|stated|states|added|wrote|writes|"
    r"tweet|tweeted|reported|reports|announced|warned|warns|claimed|claims|denied|denies|"
    r"asked|argued|argues|insisted|noted|explained|declared|confirmed|acknowledged|"
    r"admitted|accused|vowed|called|described|suggested|predicted|quoted|statement)\b", re.I)


@dataclass
class PolnearDoc:
    id: str
    text: str
    attributions: list[dict[str, Any]]


def load_polnear_dir(directory: str | Path, limit: int | None = None) -> list[PolnearDoc]:
    d = Path(directory)
    files = sorted(f for f in d.glob("*.json") if f.name != "index.json") if d.is_dir() else []
    if not files:
        raise GoldFormatError(f"no PolNeAR .json documents in {d}", path=str(d))
    docs = []
    for f in files[:limit] if limit else files:
        try:
            raw = json.loads(f.read_text(encoding="utf-8"))
            docs.append(PolnearDoc(id=f.stem, text=raw["text"], attributions=raw["attributions"]))
        except (OSError, ValueError, KeyError) as exc:
            raise GoldFormatError(f"{f}: not a PolNeAR document ({exc})", path=str(f)) from exc
    return docs


def _name_tokens(s: str) -> set[str]:
    return {t for t in re.sub(r"[^a-z0-9 ]+", " ", (s or "").lower()).split()
            if t not in _TITLES and len(t) > 1}


def _source_ok(text: str, source: list[dict[str, Any]], ptoks: set[str]) -> bool:
    stoks = set().union(*(_name_tokens(s["text"]) for s in source))
    if ptoks & stoks:
        return True
    if stoks - _PRONOUNS:
        return False
    before = text[:min(s["start"] for s in source)].lower()
    return bool(ptoks) and any(t in before for t in ptoks)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_doc(doc: PolnearDoc, pred: ArticleAnalysis) -> dict[str, int]:
    text = doc.text
    gold = doc.attributions
    pairs = []
    for i, c in enumerate(pred.claims):
        ev = c.evidence
        if not 0 <= ev.start < ev.end <= len(text):
            continue
        ptoks = _name_tokens(c.speaker)
        for j, a in enumerate(gold):
            ov = max((_overlap((ev.start, ev.end), (s["start"], s["end"]))
                      for s in a["content"] + a["cue"]), default=0)
            if ov <= 0 or (a["source"] and not _source_ok(text, a["source"], ptoks)):
                continue
            pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    speech = {j for j, a in enumerate(gold) if any(SPEECH.search(c["text"]) for c in a["cue"])}
    return {"gold": len(gold), "speech_gold": len(speech), "pred": len(pred.claims),
            "matched": len(used_g), "matched_speech": len(used_g & speech),
            "matched_pred": len(used_p)}


def aggregate(counts: list[dict[str, int]]) -> dict[str, float]:
    tot = {k: sum(c[k] for c in counts) for k in
           ("gold", "speech_gold", "pred", "matched", "matched_speech", "matched_pred")}

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    return {"polnear_recall_speech": ratio(tot["matched_speech"], tot["speech_gold"]),
            "polnear_recall_all": ratio(tot["matched"], tot["gold"]),
            "polnear_precision": ratio(tot["matched_pred"], tot["pred"]),
            "polnear_docs": float(len(counts))}
