"""Scorers on hand-made predictions: perfect, empty, shifted span, wrong speaker, invented quote."""

import json
import subprocess
import sys
from pathlib import Path

from assistant.evals.gold import GoldArticle, load_gold_file
from assistant.evals.scoring import aggregate, score_article, speaker_matches
from assistant.models import (
    ArticleAnalysis,
    Claim,
    Meta,
    SourcedFact,
    Span,
    Uncertainty,
    UncertaintyCue,
)
from tests.conftest import GOLD, ROOT

SEED = load_gold_file(GOLD / "seed-iran-guards-warn.json")


def sp(text: str, ev: str, shift: int = 0) -> Span:
    i = text.find(ev) + shift
    return Span(start=i, end=i + len(ev), text=text[i:i + len(ev)])


def perfect(g: GoldArticle) -> ArticleAnalysis:
    t = g.text
    claims = [Claim(id=f"c{i}", speaker=c.speaker, speaker_type=c.speaker_type, role=c.role,
                    kind=c.kind, channel=c.channel, quote=c.quote, content=c.content,
                    evidence=sp(t, c.evidence), sentence_ids=[]) for i, c in enumerate(g.claims)]
    facts = [SourcedFact(id=f"f{i}", outlet=f.outlet, underlying_sources=f.underlying_sources,
                         statement=f.statement, evidence=sp(t, f.evidence), sentence_ids=[])
             for i, f in enumerate(g.sourced_facts)]
    cues = [UncertaintyCue(id=f"u{i}", kind=u.kind, cue=u.cue, evidence=sp(t, u.evidence),
                           about=[]) for i, u in enumerate(g.uncertainty)]
    meta = Meta(model="m", backend="none", strategy="decomposed", prompt_version="x", llm_calls=0,
                prompt_tokens=0, completion_tokens=0, retries=0, reasks=0, retry_wait_seconds=0,
                cache_hits=0, seconds={}, language="en", chunks=1, dropped=[], warnings=[])
    return ArticleAnalysis(title=g.title, text=t, summary=" ".join(g.key_points),
                           key_points=g.key_points, claims=claims, sourced_facts=facts,
                           uncertainty=Uncertainty(level="medium", cues=cues, summary="",
                                                   open_questions=[]), meta=meta)


def test_perfect_prediction_scores_one() -> None:
    o = aggregate([score_article(SEED, perfect(SEED))])
    for k in ("claims_f1", "facts_f1", "cues_f1", "speaker_accuracy", "kind_accuracy",
              "outlet_accuracy", "quote_fidelity", "grounding_rate", "key_point_coverage",
              "underlying_source_recall", "channel_accuracy"):
        assert o[k] == 1.0, k


def test_empty_prediction_has_zero_recall() -> None:
    p = perfect(SEED).model_copy(update={"claims": [], "sourced_facts": []})
    o = aggregate([score_article(SEED, p)])
    assert o["claims_recall"] == 0.0 and o["facts_recall"] == 0.0


def test_shifted_span_no_longer_matches() -> None:
    p = perfect(SEED)
    c = p.claims[3]
    far = sp(SEED.text, "Evil is a term used")
    p.claims[:] = [c.model_copy(update={"evidence": far})]
    s = score_article(SEED, p)
    assert s.claims.tp == 0 and any("Mohsen Rezaei" in m for m in s.misses)


def test_wrong_speaker_is_not_a_match() -> None:
    p = perfect(SEED)
    p.claims[:] = [p.claims[4].model_copy(update={"speaker": "AFP"})]
    s = score_article(SEED, p)
    assert s.claims.tp == 0 and s.ratios["speaker_accuracy"] == [0, 1]


def test_invented_quote_lowers_fidelity() -> None:
    p = perfect(SEED)
    p.claims[4] = p.claims[4].model_copy(update={"quote": "America will win."})
    o = aggregate([score_article(SEED, p)])
    assert o["quote_fidelity"] < 1.0


def test_speaker_matching_ignores_case_titles_and_punctuation() -> None:
    assert speaker_matches("Major-General Mohsen Rezaei", ["Mohsen Rezaei"])
    assert speaker_matches("rezaei", ["Mohsen Rezaei"])
    assert not speaker_matches("Yadollah Javani", ["Mohsen Rezaei", "Rezaei"])


def _write_preds(tmp: Path, drop_claims: bool) -> Path:
    d = tmp / "preds"
    d.mkdir()
    for f in sorted(GOLD.glob("*.json")):
        g = load_gold_file(f)
        p = perfect(g)
        if drop_claims:
            p = p.model_copy(update={"claims": p.claims[:1]})
        (d / f"{g.id}.json").write_text(p.model_dump_json())
    return d


def test_gate_fails_on_a_degraded_run_and_names_the_metric(tmp_path: Path) -> None:
    preds = _write_preds(tmp_path, drop_claims=True)
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"claims_recall": 0.7, "facts_f1": 0.5}))
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "eval", "--gold", str(GOLD),
                        "--predictions", str(preds), "--out", str(tmp_path / "o"),
                        "--thresholds", str(floors)], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 5
    assert "claims_recall" in r.stderr and "below its floor 0.7" in r.stderr
    assert "facts_f1" not in r.stderr
    report = (tmp_path / "o" / "report.md").read_text()
    assert "## Misses" in report


def test_gate_passes_and_baseline_prints_deltas(tmp_path: Path) -> None:
    preds = _write_preds(tmp_path, drop_claims=False)
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"claims_recall": 0.7}))
    base = [sys.executable, "-m", "assistant.cli", "eval", "--gold", str(GOLD), "--predictions",
            str(preds)]
    r1 = subprocess.run(base + ["--out", str(tmp_path / "a")], capture_output=True, text=True,
                        cwd=ROOT)
    assert r1.returncode == 0, r1.stderr
    r2 = subprocess.run(base + ["--out", str(tmp_path / "b"), "--thresholds", str(floors),
                                "--baseline", str(tmp_path / "a" / "results.json")],
                        capture_output=True, text=True, cwd=ROOT)
    assert r2.returncode == 0 and "vs baseline" in r2.stdout and "gate passed" in r2.stdout
    # an earlier run's --out folder can be re-scored as it is (its predictions/ subfolder)
    (tmp_path / "run").mkdir()
    preds.rename(tmp_path / "run" / "predictions")
    r3 = subprocess.run(base[:-1] + [str(tmp_path / "run"), "--out", str(tmp_path / "c")],
                        capture_output=True, text=True, cwd=ROOT)
    assert r3.returncode == 0, r3.stderr
