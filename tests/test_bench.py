"""The benchmark command runs end to end on a short article (no timing assertions)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_bench_runs_on_a_short_article(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "bench", "--articles",
                        "examples/short-harbor-note.txt", "--no-scaling", "--remote-articles",
                        "3", "--latency", "0.05", "--concurrency", "3", "--out", str(tmp_path)],
                       cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr
    result = json.loads((tmp_path / "bench.json").read_text())
    row = result["articles"][0]
    assert row["limit_s"] > 0 and row["ratio_to_limit"] > 0 and row["peak_rss_mb"] > 0
    assert result["raw"]["prefill_tok_s"] > 0 and result["cache_hits"] >= 2
    assert result["remote"]["sequential_calls"] == result["remote"]["concurrent_calls"] == 6
    assert result["targets"]["with_load_s"] > result["targets"]["loaded_s"] > 0
    assert result["remote"]["article_sent_at_most_once_per_call"] is True
    assert result["remote"]["prompt_tokens_per_article"] > 100
    assert "ratio" in r.stdout
