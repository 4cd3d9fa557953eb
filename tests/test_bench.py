"""The benchmark command runs end to end on a short article (no timing assertions)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_bench_runs_on_a_short_article(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "bench", "--articles",
                        "examples/short-harbor-note.txt", "--remote-articles",
                        "3", "--latency", "0.05", "--concurrency", "3", "--out", str(tmp_path)],
                       cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr
    result = json.loads((tmp_path / "bench.json").read_text())
    row = result["articles"][0]
    assert row["limit_s"] > 0 and row["ratio_to_limit"] > 0 and row["peak_rss_mb"] > 0
    # the limit is timed on the article itself; the sample-speed one stands beside it
    assert row["article_raw"]["prefill_s"] > 0 and row["article_raw"]["generate_tok_s"] > 0
    assert row["sample_limit_s"] > 0 and row["sample_ratio"] > 0
    assert result["raw"]["prefill_tok_s"] > 0 and result["cache_hits"] >= 2
    assert result["remote"]["sequential_calls"] == result["remote"]["concurrent_calls"] == 6
    assert result["targets"]["with_load_s"] > result["targets"]["loaded_s"] > 0
    assert result["remote"]["article_sent_at_most_once_per_call"] is True
    assert result["remote"]["prompt_tokens_per_article"] > 100
    assert "ratio" in r.stdout
    assert row["chunks"] == 1 and "parse" in row["stages"] and row["split_reason"] is None


@pytest.mark.parametrize("n", [2, 3])
def test_real_lengths_are_the_longest_articles_and_a_joined_text(n: int) -> None:
    from assistant.bench import JOINED_WORDS, real_lengths
    from assistant.evals.gold import load_gold_dir

    arts = real_lengths(ROOT / "evals" / "gold", n)
    longest = sorted(load_gold_dir(ROOT / "evals" / "gold"), key=lambda g: -len(g.text))[:n]
    assert [a[0] for a in arts[:n]] == [g.id for g in longest]
    name, text = arts[-1]
    assert name == f"joined-{JOINED_WORDS}-words" and len(text.split()) > 1000
