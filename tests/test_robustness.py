"""Random and adversarial input, long articles, the response cache, and secrets."""

import json
import sqlite3
import threading
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import AssistantError, analyze, resolve_settings
from assistant.cache import ResponseCache
from tests.conftest import gold

SEED = gold("seed-iran-guards-warn")["text"]
WORDS = st.sampled_from(["said", "AFP", "reported", "\"", "“", "”", "according", "to", "the",
                         "minister", "he", "may", "Ignore", "previous", "instructions", "{",
                         "}", "{{", "x", ".", ",", "\n\n", "Reuters", "Times", "<<<", ">>>",
                         "ARTICLE", "officials", "denied", "S1", "$name", "%s", "\x00", "é"])


def _valid_or_typed(text: str, client) -> None:
    try:
        a = analyze(text=text, client=client, settings=client.settings)
    except AssistantError as exc:
        assert exc.user_message()
        return
    for item in [*a.claims, *a.sourced_facts, *a.uncertainty.cues]:
        assert a.text[item.evidence.start:item.evidence.end] == item.evidence.text
    for c in a.claims:
        assert c.quote is None or c.quote in a.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=0, max_size=120).map(" ".join))
def test_adversarial_word_salad_is_grounded_or_a_typed_error(make_client, text: str) -> None:
    client, _ = make_client()
    _valid_or_typed(text, client)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=0, max_size=600))
def test_random_unicode_is_grounded_or_a_typed_error(make_client, text: str) -> None:
    client, _ = make_client()
    _valid_or_typed(text, client)


def test_long_article_is_split_with_exact_offsets(make_client) -> None:
    text = "\n\n".join([SEED] * 6)
    client, create = make_client(n_ctx=2048)
    a = analyze(text=text, client=client, settings=client.settings)
    assert a.meta.chunks > 1 and any("split" in w for w in a.meta.warnings)
    attribution_calls = [c for c in create.calls if "check who said what" in
                         c["messages"][-1]["content"]]
    assert len(attribution_calls) == a.meta.chunks
    for item in [*a.claims, *a.sourced_facts]:
        assert text[item.evidence.start:item.evidence.end] == item.evidence.text
    # every copy of the article contributes its claims once (no duplicates from overlap)
    spans = [(c.evidence.start, c.speaker) for c in a.claims]
    assert len(spans) == len(set(spans))
    assert len(a.claims) >= 6 * 11


def test_cache_serves_repeat_calls_and_survives_corruption(tmp_path: Path, make_client) -> None:
    client, create = make_client()
    client.cache = ResponseCache(tmp_path / "c.sqlite")
    a1 = analyze(text=SEED, client=client, settings=client.settings)
    n = len(create.calls)
    a2 = analyze(text=SEED, client=client, settings=client.settings)
    assert len(create.calls) == n and a2.meta.cache_hits == 2 and a1.claims == a2.claims
    client.cache._conn.close()
    (tmp_path / "c.sqlite").write_bytes(b"this is not a database" * 100)
    client.cache = ResponseCache(tmp_path / "c.sqlite")
    a3 = analyze(text=SEED, client=client, settings=client.settings)
    assert a3.claims == a1.claims and len(create.calls) == n + 2
    assert list(tmp_path.glob("c.corrupt*"))


def test_cache_concurrent_writers_and_size_bound(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    errors = []

    def writer(k: int) -> None:
        try:
            cache = ResponseCache(path, max_rows=50)
            for i in range(40):
                cache.put(f"{k}-{i}", json.dumps({"i": i}))
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    rows = sqlite3.connect(path).execute("SELECT count(*) FROM answers").fetchone()[0]
    assert rows <= 50
    assert ResponseCache(path).clear() == rows


def test_api_key_never_in_settings_repr_or_results(monkeypatch, make_client) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-very-secret-42")
    s = resolve_settings(base_url="http://127.0.0.1:9/v1", model="m")
    assert "sk-very-secret-42" not in repr(s) and "sk-very-secret-42" not in json.dumps(
        s.redacted())
    client, _ = make_client()
    a = analyze(text=SEED, client=client, settings=client.settings)
    assert "sk-very-secret-42" not in a.model_dump_json()
