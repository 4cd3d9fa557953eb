"""The real embedded model, in-process and behind serve-model (marked slow; CI runs them)."""

import json
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
        assert a.meta.backend == "remote" and a.meta.llm_calls >= 2
        assert score_article(SEED, a).claims.tp >= 11
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_fast_grammar_sampler_gives_the_stock_sampler_s_tokens(embedded) -> None:
    """Greedy + grammar: checking the top token first must not change a single token."""
    from llama_cpp import Llama

    from assistant.client import llama_response_format
    from assistant.embedded import load_llama, model_file
    from assistant.llm_schemas import attributions_for
    from assistant.sampling import FastGreedyLlama

    s = embedded.settings
    fast = load_llama(str(model_file(s, progress=False)), s.n_ctx, s.n_threads)
    assert isinstance(fast, FastGreedyLlama)
    stock = Llama(model_path=str(model_file(s, progress=False)), n_ctx=1024,
                  n_threads=s.n_threads, verbose=False, seed=0)
    schema = attributions_for(["C1"], ["S1", "S2"]).model_json_schema()
    kwargs = llama_response_format({"response_format": {"type": "json_schema", "json_schema": {
        "schema": schema}}})
    msgs = [{"role": "user", "content": "S1 The mayor said the bridge will reopen in May. "
             "S2 Residents said they doubt it. C1 [S1] proposed speaker: The mayor. Answer as "
             'JSON like {"checks": [{"id": "C1", "speaker": "..."}], '
             '"missed": []}'}]
    # an answer the model would never pick first forces the full-vocabulary fallback
    odd = llama_response_format({"response_format": {"type": "json_schema", "json_schema": {
        "schema": {"type": "object", "properties": {"word": {"enum": ["zq-17", "xv-99"]}},
                   "required": ["word"]}}}})
    hello = [{"role": "user", "content": "Say hello in French."}]
    try:
        outs = [m.create_chat_completion(messages=msgs, temperature=0, max_tokens=60, **kwargs)
                ["choices"][0]["message"]["content"] for m in (fast, stock)]
        odds = [m.create_chat_completion(messages=hello, temperature=0, max_tokens=20, **odd)
                ["choices"][0]["message"]["content"] for m in (fast, stock)]
    finally:
        stock.close()
    assert outs[0] == outs[1] and outs[0].startswith("{")
    assert odds[0] == odds[1] and ("zq-17" in odds[0] or "xv-99" in odds[0])


def test_drafting_keeps_the_answer_and_takes_fewer_model_steps(embedded, monkeypatch) -> None:
    """Prompt-lookup drafting (on by default) is a speed trick only: an answer that copies
    names and ids from the prompt comes out as it does one token at a time, in fewer decode
    steps."""
    from assistant.client import llama_response_format
    from assistant.llm_schemas import attributions_for
    from assistant.sampling import LookupDraft, no_draft

    llama = embedded.local_model
    assert isinstance(llama.draft_model, LookupDraft)
    schema = attributions_for(["C1", "C2", "C3"], ["S1", "S2", "S3", "S4"]).model_json_schema()
    kwargs = llama_response_format({"response_format": {"type": "json_schema", "json_schema": {
        "schema": schema}}})
    msgs = [{"role": "user", "content": "S1 The harbour master said the pier will reopen in "
             "June. S2 The port's chief engineer, Dana Whitlock, said repairs were on schedule. "
             "S3 She added that divers had finished the survey. S4 Councillor Omar Reyes said "
             "the cost was too high.\nC1 [S2] proposed speaker: Dana Whitlock\nC2 [S3] "
             "proposed speaker: She\nC3 [S4] proposed speaker: Omar Reyes\nFor each proposed "
             "statement, name who said it (a person's name, never a sentence id). Answer as "
             'JSON like {"checks": [{"id": "C?", "speaker": "..."}], "missed": []}'}]
    steps = []
    decode = llama._ctx.decode
    monkeypatch.setattr(llama._ctx, "decode", lambda batch: (steps.append(1), decode(batch))[1])

    def answer() -> str:
        llama.reset()
        steps.clear()
        out = llama.create_chat_completion(messages=msgs, temperature=0, max_tokens=120,
                                           **kwargs)["choices"][0]["message"]["content"]
        return str(out)

    with no_draft(llama):
        plain, plain_steps = answer(), len(steps)
    proposed = llama.draft_model.proposed
    drafted, drafted_steps = answer(), len(steps)
    embedded.warm_up()  # leave the fixed instructions in the KV cache for later tests
    # the same answer; the same JSON, since a near-tie between two spacings can fall either
    # way in batched arithmetic on some CPUs (seen on an AMD EPYC: "[]," against "[], ")
    assert json.loads(drafted) == json.loads(plain) and "Dana Whitlock" in plain
    assert llama.draft_model.proposed > proposed and drafted_steps < plain_steps


def test_fixed_instructions_stay_in_the_kv_cache_between_articles(embedded) -> None:
    from assistant import prompts

    llama = embedded.local_model
    system = f"<|im_start|>system\n{prompts.system_message()}<|im_end|>\n"
    tokens = llama.tokenize(system.encode(), add_bos=False, special=True)
    embedded.warm_up()
    assert list(llama._input_ids[:len(tokens)]) == tokens
    analyze(text=SEED.text, client=embedded, settings=embedded.settings)
    assert list(llama._input_ids[:len(tokens)]) == tokens  # the next article starts from it


def test_a_context_too_small_for_the_instructions_is_a_typed_error() -> None:
    from assistant import LLMOutputError

    s = resolve_settings(response_cache=False, n_ctx=256)
    client = build_client(s, progress=False)  # the warm-up does not fail the load
    with pytest.raises(LLMOutputError) as err:
        analyze(text=SEED.text, client=client, settings=s)
    assert err.value.cause == "context" and "NEWSGROUNDER_N_CTX" in err.value.user_message()
