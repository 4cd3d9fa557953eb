"""The real embedded model, in-process and behind serve-model (marked slow; CI runs them)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from assistant import analyze, build_client, resolve_settings
from assistant.evals.gold import load_gold_file
from assistant.evals.scoring import score_article
from tests.conftest import GOLD, ROOT

pytestmark = pytest.mark.slow
SEED = load_gold_file(GOLD / "seed-iran-guards-warn.json")


@pytest.fixture(scope="module")
def embedded():
    return build_client(resolve_settings(response_cache=False), progress=False)


def test_seed_on_embedded_model_meets_the_bar(embedded) -> None:
    a = analyze(text=SEED.text, client=embedded, settings=embedded.settings)
    s = score_article(SEED, a)
    assert s.claims.tp >= 11, s.misses
    outlets = {f.outlet for f in a.sourced_facts}
    assert {"AFP", "The New York Times", "The Washington Post", "Tasnim"} <= outlets
    assert s.ratios["quote_fidelity"][0] == s.ratios["quote_fidelity"][1]
    assert any(u.kind == "speculation" for u in a.uncertainty.cues)
    assert any(u.kind == "anonymous_source" for u in a.uncertainty.cues)
    assert a.summary and 3 <= len(a.key_points) <= 6
    assert not any(c.evidence.start < SEED.text.find("As Baghdad") for c in a.claims)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_remote_path_against_serve_model() -> None:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve-model", "--port",
                             str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/v1"
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/models", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(proc.stderr.read().decode() if proc.stderr else "server died")
                time.sleep(0.5)
        settings = resolve_settings(base_url=url, model=os.environ.get(
            "NEWSGROUNDER_MODEL", "qwen2.5-coder-1.5b"), schema_format="llama",
            response_cache=False)
        client = build_client(settings)
        a = analyze(text=SEED.text, client=client, settings=settings)
        assert a.meta.backend == "remote" and a.meta.llm_calls >= 3
        assert score_article(SEED, a).claims.tp >= 11
    finally:
        proc.terminate()
        proc.wait(timeout=20)
