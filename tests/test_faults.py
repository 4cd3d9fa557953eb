"""LLM faults through the real openai SDK + instructor against a local fault-injecting server."""

import socket

import pytest

from assistant import LLMOutputError, LLMTransportError, build_client, resolve_settings
from assistant.client import start_run
from assistant.llm_schemas import SummaryAnswer
from assistant.testing import StubServer

MSGS = [{"role": "system", "content": "s"}, {"role": "user", "content": "TASK: summarise"}]
OK = {"summary": "ok."}


def client_for(url: str, **kw):
    s = resolve_settings(base_url=url, model="m", api_key="test-key", response_cache=False,
                         retry_max_wait=0.05, timeout=kw.pop("timeout", 5.0),
                         schema_format="json", **kw)
    return build_client(s)


def ask(client):
    return client.structured("summary", MSGS, SummaryAnswer, context={}, max_tokens=50)


@pytest.mark.parametrize("script,retries", [([500, OK], 1), ([503, 502, OK], 2),
                                            ([("429", 0.01), OK], 1)])
def test_transient_errors_are_retried_then_succeed(script, retries) -> None:
    with StubServer(script=script) as srv:
        stats = start_run()
        assert ask(client_for(srv.url)).summary == "ok."
        assert stats.retries == retries and len(srv.requests) == retries + 1


def test_retry_after_is_honoured_and_recorded() -> None:
    with StubServer(script=[("429", 0.04), OK]) as srv:
        stats = start_run()
        ask(client_for(srv.url))
        assert stats.retry_wait_seconds == pytest.approx(0.04, abs=0.01)


def test_persistent_5xx_ends_in_transport_error() -> None:
    with StubServer(script=[503]) as srv:
        with pytest.raises(LLMTransportError) as err:
            ask(client_for(srv.url, max_retries=2))
        assert "HTTP 503" in err.value.message and len(srv.requests) == 3


def test_connection_refused_is_a_transport_error() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(LLMTransportError) as err:
        ask(client_for(f"http://127.0.0.1:{port}/v1", max_retries=1))
    assert "connection failed" in err.value.message


def test_timeout_is_a_transport_error() -> None:
    with StubServer(script=["slow"]) as srv:
        with pytest.raises(LLMTransportError) as err:
            ask(client_for(srv.url, max_retries=1, timeout=0.3))
        assert "timed out" in err.value.message


def test_malformed_json_is_reasked_then_typed_error() -> None:
    with StubServer(script=["garbage"]) as srv:
        with pytest.raises(LLMOutputError):
            ask(client_for(srv.url, max_reasks=1))
        assert len(srv.requests) == 2


def test_malformed_then_valid_succeeds_with_a_reask() -> None:
    with StubServer(script=["garbage", OK]) as srv:
        stats = start_run()
        assert ask(client_for(srv.url)).summary == "ok."
        assert stats.reasks == 1


def test_truncated_output_is_a_typed_error() -> None:
    with StubServer(script=["length"]) as srv:
        with pytest.raises(LLMOutputError) as err:
            ask(client_for(srv.url))
        assert err.value.cause == "length"


def test_independent_calls_of_one_article_run_concurrently_on_remote() -> None:
    from assistant import analyze
    from tests.conftest import gold

    with StubServer(latency=0.3) as srv:
        s = resolve_settings(base_url=srv.url, model="stub", response_cache=False,
                             concurrency=3)
        a = analyze(text=gold("seed-iran-guards-warn")["text"], client=build_client(s),
                    settings=s)
        assert a.meta.llm_calls == 2 and srv.max_in_flight == 2
        s1 = resolve_settings(base_url=srv.url, model="stub", response_cache=False,
                              concurrency=1)
        srv.max_in_flight = 0
        analyze(text=gold("seed-iran-guards-warn")["text"], client=build_client(s1), settings=s1)
        assert srv.max_in_flight == 1
