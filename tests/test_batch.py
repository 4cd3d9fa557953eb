"""Batch mode: resumable, atomic lines, errors recorded; killed mid-run and resumed."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from assistant.testing import StubServer
from tests.conftest import GOLD, ROOT


def articles(tmp: Path, n: int) -> Path:
    d = tmp / "in"
    d.mkdir()
    texts = [json.loads(f.read_text())["text"] for f in sorted(GOLD.glob("*.json"))]
    for i in range(n):
        (d / f"a{i:02d}.txt").write_text(texts[i % len(texts)] + f"\n\nEdition note {i}.\n")
    (d / "empty.txt").write_text("")
    return d


def batch(url: str, src: Path, out: Path, env_extra: dict[str, str] | None = None,
          concurrency: int = 1) -> subprocess.Popen[bytes]:
    env = {**os.environ, "OPENAI_API_KEY": "sk-test-secret-123", "NEWSGROUNDER_CACHE_DIR":
           str(out.parent / "cache"), **(env_extra or {})}
    return subprocess.Popen([sys.executable, "-m", "assistant.cli", "batch", str(src), "--out",
                             str(out), "--base-url", url, "--model", "stub", "--no-cache",
                             "--concurrency", str(concurrency), "-q"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_kill_mid_run_then_resume_gives_each_article_once(tmp_path: Path) -> None:
    src = articles(tmp_path, 8)
    out = tmp_path / "results.jsonl"
    with StubServer(latency=0.15) as srv:
        proc = batch(srv.url, src, out)
        deadline = time.time() + 60
        while time.time() < deadline and (not out.exists() or
                                          len(out.read_text().splitlines()) < 3):
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        first = records(out)
        assert 3 <= len(first) < 9
        with open(out, "a") as fh:  # a torn line, as a crash in mid-write would leave
            fh.write('{"key": "half')
        proc = batch(srv.url, src, out)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 1, err  # the empty file is a recorded failure
    recs = records(out)
    sources = [Path(r["source"]).name for r in recs]
    assert sorted(sources) == sorted({*sources}) and len(sources) == 9
    ok = [r for r in recs if r["status"] == "ok"]
    assert len(ok) == 8 and all(r["analysis"]["claims"] is not None for r in ok)
    bad = [r for r in recs if r["status"] == "error"]
    assert bad[0]["source"].endswith("empty.txt") and "empty" in bad[0]["error"]
    # the API key never reaches results, stderr or the server's request bodies
    assert "sk-test-secret-123" not in out.read_text() + err.decode()
    assert "sk-test-secret-123" not in json.dumps(srv.requests)


def test_rerun_of_a_finished_batch_does_nothing(tmp_path: Path) -> None:
    src = articles(tmp_path, 2)
    out = tmp_path / "r.jsonl"
    with StubServer() as srv:
        batch(srv.url, src, out).communicate(timeout=120)
        n = len(srv.requests)
        _, err = batch(srv.url, src, out).communicate(timeout=120)
        assert len(srv.requests) == n
    assert b"3 already done of 3" in err
