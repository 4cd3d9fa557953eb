"""`newsgrounder bench`: speed measured against this machine's own limit, in one run.

For the embedded model it measures raw prefill and generation speed (free and under a JSON
grammar), then per article: wall time per stage, tokens, calls, peak RSS, and the limit =
one prefill of the article, timed on that article, + the completion tokens produced at the
generation speed timed right after that prefill. The limit extrapolated from the short
sample's speeds is shown beside it: on long articles it understates the floor, since both
speeds fall as the context grows.
The articles are the dev set, the three longest real articles of a real-news gold folder
(read at run time, never stored) and a 2,000-word text joined from those real articles, so
the scaling table shows real lengths. It also times a cache re-run, and a remote batch
against a stub server with fixed latency, sequential versus concurrent.
"""

from __future__ import annotations

import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from .settings import Settings, with_overrides

TARGET_LOADED_S, TARGET_WITH_LOAD_S, TARGET_RATIO = 20.0, 30.0, 1.5  # issues 6 and 2
TARGET_LONG_S, TARGET_RSS_MB, LONG_CHARS, JOINED_WORDS = 45.0, 3500, 9000, 2000  # issue 13


def real_lengths(gold_dir: str | Path, n: int = 3) -> list[tuple[str, str]]:
    """The `n` longest articles of a gold folder, and a text of about 2,000 words joined
    paragraph by paragraph from the folder's articles, longest first."""
    from .evals.gold import load_gold_dir

    golds = sorted(load_gold_dir(gold_dir), key=lambda g: -len(g.text))
    out = [(g.id, g.text) for g in golds[:n]]
    paras: list[str] = []
    words = 0
    for g in golds:
        for p in g.text.split("\n\n"):
            if words >= JOINED_WORDS:
                break
            if p.strip():
                paras.append(p.strip())
                words += len(p.split())
    out.append((f"joined-{JOINED_WORDS}-words", "\n\n".join(paras)))
    return out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def raw_speeds(llama: Any, sample: str) -> dict[str, float]:
    """Prefill tok/s on `sample`; generation tok/s free and under a JSON-object grammar."""
    from llama_cpp import LlamaGrammar

    tokens = llama.tokenize(sample.encode())
    llama.reset()
    t0 = time.perf_counter()
    llama.eval(tokens)
    prefill = len(tokens) / (time.perf_counter() - t0)
    out: dict[str, float] = {"prefill_tok_s": round(prefill, 1), "sample_tokens": len(tokens)}
    prompt = "Write a JSON object describing a news article about floods, with keys title, "\
             "summary and points."
    grammar = LlamaGrammar.from_string(r'''root ::= "{" ws "\"summary\":" ws string "," ws "\"points\":" ws "[" ws string ("," ws string)* "]" ws "}"
string ::= "\"" ([^"\\] | "\\" ["\\/bfnrt])* "\""
ws ::= [ \t\n]*''', verbose=False)
    for name, g in (("generate_tok_s", None), ("generate_json_grammar_tok_s", grammar)):
        llama.reset()
        llama.eval(llama.tokenize(prompt.encode()))
        t0 = time.perf_counter()
        res = llama.create_completion(prompt, max_tokens=96, temperature=0, grammar=g)
        n = res["usage"]["completion_tokens"]
        gen_time = time.perf_counter() - t0
        out[name] = round(n / gen_time, 1)
    llama.reset()
    return out


def _article_tokens(llama: Any, text: str) -> int:
    return len(llama.tokenize(text.encode()))


GEN_PROBE = 32  # tokens generated after an article's prefill to time decoding at its length


def article_limit(llama: Any, text: str) -> dict[str, float]:
    """The machine's own time for this article: one prefill of its tokens, timed, and the
    generation speed right after it. Both slow down as the context grows (attention reads
    every earlier token), so a rate measured on a short sample understates a long article's
    floor; this measures it at the article's real length."""
    from llama_cpp import LlamaGrammar

    tokens = llama.tokenize(text.encode())
    llama.reset()
    t0 = time.perf_counter()
    llama.eval(tokens)
    prefill_s = time.perf_counter() - t0
    grammar = LlamaGrammar.from_string(r'''root ::= "{" ws "\"summary\":" ws "\"" [a-zA-Z ,.]* "\"" ws "}"
ws ::= [ \t\n]*''', verbose=False)
    t0 = time.perf_counter()
    n = 0
    # the article is in the KV cache: generate() reuses it (at most one token replayed)
    for tok in llama.generate(tokens, temp=0.0, grammar=grammar):
        n += 1
        if n >= GEN_PROBE or tok == llama.token_eos():
            break
    gen = n / (time.perf_counter() - t0)
    llama.reset()
    return {"prefill_s": round(prefill_s, 2), "generate_tok_s": round(gen, 1)}


def run_bench(articles: list[tuple[str, str]], settings: Settings, *,
              remote_articles: int, latency: float, concurrency: int,
              progress: Any = print) -> dict[str, Any]:
    from .client import build_client
    from .pipeline import analyze

    result: dict[str, Any] = {"model": settings.model, "threads": settings.n_threads}
    s = with_overrides(settings, response_cache=False)
    t0 = time.perf_counter()
    client = build_client(s, progress=False)
    result["model_load_s"] = round(time.perf_counter() - t0, 2)
    from .nlp import get_nlp

    t0 = time.perf_counter()
    get_nlp()
    result["parser_load_s"] = round(time.perf_counter() - t0, 2)
    llama = client.local_model
    speeds: dict[str, float] = {}
    if llama is not None:
        from .sampling import no_draft

        with no_draft(llama):  # the floor is one token at a time
            speeds = raw_speeds(llama, articles[0][1])
        result["draft_tokens"] = settings.draft_tokens
    # raw_speeds cleared the KV cache: restore the state build_client leaves (the fixed
    # instructions prefilled), which is what "model loaded" means for every later article
    client.warm_up()
    result["raw"] = speeds
    rows = []
    for name, text in articles:
        progress(f"bench: {name}")
        t0 = time.perf_counter()
        a = analyze(text=text, client=client, settings=s)
        wall = time.perf_counter() - t0
        row: dict[str, Any] = {"article": name, "chars": len(text),
                               "words": len(text.split()), "seconds": round(wall, 2),
                               "stages": a.meta.seconds, "llm_calls": a.meta.llm_calls,
                               "chunks": a.meta.chunks, "context_tokens": a.meta.context_tokens,
                               "split_reason": a.meta.split_reason,
                               "prompt_tokens": a.meta.prompt_tokens,
                               "completion_tokens": a.meta.completion_tokens,
                               "peak_rss_mb": round(_rss_mb())}
        if llama is not None and speeds:
            n = _article_tokens(llama, text)
            model_s = a.meta.seconds.get("model", wall)
            sample = n / speeds["prefill_tok_s"] + a.meta.completion_tokens / speeds[
                "generate_json_grammar_tok_s"]
            with no_draft(llama):
                own = article_limit(llama, text)
            client.warm_up()  # back to "model loaded" for the next article
            limit = own["prefill_s"] + a.meta.completion_tokens / own["generate_tok_s"]
            row.update(article_tokens=n, limit_s=round(limit, 2),
                       ratio_to_limit=round(model_s / limit, 2), article_raw=own,
                       sample_limit_s=round(sample, 2),
                       sample_ratio=round(model_s / sample, 2))
        rows.append(row)
    result["articles"] = rows
    first = rows[0]
    result["targets"] = {
        "article": first["article"],
        "loaded_s": first["seconds"], "loaded_target_s": TARGET_LOADED_S,
        "with_load_s": round(first["seconds"] + result["model_load_s"]
                             + result["parser_load_s"], 2),
        "with_load_target_s": TARGET_WITH_LOAD_S,
        "ratio": first.get("ratio_to_limit"), "ratio_target": TARGET_RATIO}
    ratios = [r for r in rows if r.get("ratio_to_limit")]
    if ratios:
        worst = max(ratios, key=lambda r: r["ratio_to_limit"])
        result["targets"].update(worst_article=worst["article"],
                                 worst_ratio=worst["ratio_to_limit"])
    longest = [r for r in rows if r["chars"] >= LONG_CHARS]
    if longest:
        result["targets"].update(long_article=longest[0]["article"],
                                 long_s=longest[0]["seconds"], long_target_s=TARGET_LONG_S)
    joined = [r for r in rows if r["article"].startswith("joined-")]
    if joined:
        result["targets"].update(joined_rss_mb=joined[0]["peak_rss_mb"],
                                 rss_target_mb=TARGET_RSS_MB)
    # cache: the same article twice with the response cache on
    cached = with_overrides(settings, response_cache=True)
    cclient = build_client(cached, progress=False)
    analyze(text=articles[0][1], client=cclient, settings=cached)
    t0 = time.perf_counter()
    a = analyze(text=articles[0][1], client=cclient, settings=cached)
    result["cache_rerun_s"] = round(time.perf_counter() - t0, 3)
    result["cache_hits"] = a.meta.cache_hits
    if remote_articles:
        progress("bench: remote batch, sequential vs concurrent")
        result["remote"] = remote_batch(articles, remote_articles, latency, concurrency)
    return result


def remote_batch(articles: list[tuple[str, str]], n: int, latency: float,
                 concurrency: int) -> dict[str, Any]:
    from .batch import run_batch
    from .client import build_client
    from .settings import resolve_settings
    from .testing import StubServer

    out: dict[str, Any] = {"articles": n, "latency_s": latency}
    with StubServer(latency) as srv, tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        files = []
        for i in range(n):
            f = src / f"a{i:03d}.txt"
            f.write_text(articles[i % len(articles)][1] + f"\n\nCopy {i}.\n")
            files.append(f)
        for label, workers in (("sequential", 1), ("concurrent", concurrency)):
            # sequential: one call at a time; concurrent: articles and their calls in parallel
            st = resolve_settings(base_url=srv.url, model="stub", response_cache=False,
                                  concurrency=1 if workers == 1 else 3)
            client = build_client(st, progress=False)
            before = len(srv.requests)
            t0 = time.perf_counter()
            run_batch(files, Path(tmp) / f"{label}.jsonl", client=client, settings=st,
                      concurrency=workers, progress=False)
            out[f"{label}_s"] = round(time.perf_counter() - t0, 2)
            out[f"{label}_calls"] = len(srv.requests) - before
        out["speedup"] = round(out["sequential_s"] / out["concurrent_s"], 2)
        recs = [json.loads(line) for line in
                (Path(tmp) / "concurrent.jsonl").read_text().splitlines() if line.strip()]
        metas = [r["analysis"]["meta"] for r in recs if r.get("status") == "ok"]
        for key in ("prompt_tokens", "completion_tokens"):
            out[f"{key}_per_article"] = round(sum(m[key] for m in metas) / max(1, len(metas)))
        out["calls_per_article"] = round(out["concurrent_calls"] / n, 2)
        prompts = [r["messages"] for r in srv.requests]
        out["article_sent_at_most_once_per_call"] = all(
            sum(str(m.get("content", "")).count("<<<ARTICLE\n") for m in msgs) == 1
            for msgs in prompts)
    return out


def table(result: dict[str, Any]) -> str:
    lines = [f"model {result['model']}, {result['threads']} threads, load "
             f"{result['model_load_s']} s, parser load {result.get('parser_load_s', '')} s, raw speeds (no drafting) "
             f"{json.dumps(result.get('raw', {}))}, drafting {result.get('draft_tokens', 0)} "
             "tokens a step", "",
             "| article | words | tokens | seconds | parse s | model s | limit s | ratio | "
             "limit at sample speed s | ratio to it | chunks | calls | prompt+completion tok | "
             "peak RSS MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in sorted(result["articles"], key=lambda r: r.get("chars", 0)):
        lines.append(f"| {r['article']} | {r.get('words', '')} | {r.get('article_tokens', '')} | "
                     f"{r['seconds']} | {r['stages'].get('parse', '')} | "
                     f"{r['stages'].get('model', '')} | {r.get('limit_s', '')} | "
                     f"{r.get('ratio_to_limit', '')} | {r.get('sample_limit_s', '')} | "
                     f"{r.get('sample_ratio', '')} | {r.get('chunks', '')} | {r['llm_calls']} "
                     f"| {r['prompt_tokens']}+{r['completion_tokens']} | {r['peak_rss_mb']} |")
    t = result.get("targets")
    if t:
        lines += ["", f"targets for {t['article']}: {t['loaded_s']} s with the model loaded "
                      f"(target {t['loaded_target_s']} s), {t['with_load_s']} s with model and "
                      f"parser load (target {t['with_load_target_s']} s), ratio to the limit "
                      f"{t['ratio']} (target {t['ratio_target']})"]
        if "worst_ratio" in t:
            lines.append(f"worst ratio to the limit: {t['worst_ratio']} ({t['worst_article']}; "
                         f"target {TARGET_RATIO})")
        if "long_s" in t:
            lines.append(f"{t['long_article']} (over {LONG_CHARS} characters), model loaded: "
                         f"{t['long_s']} s (target {t['long_target_s']} s)")
        if "joined_rss_mb" in t:
            lines.append(f"peak RSS after the {JOINED_WORDS}-word text: {t['joined_rss_mb']} MB "
                         f"(target {t['rss_target_mb']} MB)")
        split = [r for r in result["articles"] if r.get("split_reason")]
        lines += [f"split: {r['article']}: {r['split_reason']}" for r in split]
    lines += ["", f"cache re-run: {result['cache_rerun_s']} s ({result['cache_hits']} cached "
                  "answers)"]
    if "remote" in result:
        r = result["remote"]
        lines += [f"remote batch of {r['articles']} articles, {r['latency_s']} s per call: "
                  f"sequential {r['sequential_s']} s, concurrent {r['concurrent_s']} s, speedup "
                  f"{r['speedup']}x; tokens per article (estimated by the stub at 4 chars "
                  f"per token) {r.get('prompt_tokens_per_article')}+"
                  f"{r.get('completion_tokens_per_article')}; article sent at most once per "
                  f"call: {r['article_sent_at_most_once_per_call']}"]
    return "\n".join(lines)
