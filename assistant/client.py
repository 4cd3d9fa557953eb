"""The one LLM client seam: `LLMClient` wraps any chat-completions `create` with instructor.

`build_client` is the only place that constructs real clients (embedded llama.cpp or an
OpenAI-compatible endpoint); tests pass their own `create` and get the same code path.
"""

from __future__ import annotations

import contextvars
import copy
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import instructor
from instructor.core import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel, ValidationError
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from . import prompts
from .errors import LLMError, LLMOutputError, LLMTransportError
from .settings import Settings

T = TypeVar("T", bound=BaseModel)
CHARS_PER_TOKEN = 3.2
# Stages whose answers mostly copy ids and names from the prompt: prompt-lookup drafting
# (settings.draft_tokens) pays there. Prose answers (summaries, cross-check reasons) are
# decoded one token at a time: batched logits differ from one-token ones in the last bits,
# which changed near-tied words of a summary in a trial, for little time saved.
DRAFT_STAGES = frozenset({"attributions"})
# instructor logs exhausted re-asks at ERROR; this module turns them into dropped items or
# typed errors, so without logging configured by the application they stay quiet.
logging.getLogger("instructor").addHandler(logging.NullHandler())
MODES = {"json_schema": instructor.Mode.JSON_SCHEMA, "llama": instructor.Mode.JSON_SCHEMA,
         "free": instructor.Mode.JSON_SCHEMA,
         "tools": instructor.Mode.TOOLS, "json": instructor.Mode.JSON}


@dataclass
class RunStats:
    """Counters for one analysis; the client adds to whichever run is current."""

    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    retries: int = 0
    reasks: int = 0
    retry_wait_seconds: float = 0.0
    cache_hits: int = 0
    dropped: list[dict[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, **counts: float) -> None:
        """Concurrent calls of one analysis add to the same counters."""
        with self.lock:
            for k, v in counts.items():
                setattr(self, k, getattr(self, k) + v)


_current: contextvars.ContextVar[RunStats | None] = contextvars.ContextVar("run", default=None)


def current_stats() -> RunStats:
    stats = _current.get()
    if stats is None:
        stats = RunStats()
        _current.set(stats)
    return stats


def start_run() -> RunStats:
    stats = RunStats()
    _current.set(stats)
    return stats


def _inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """llama.cpp's grammar builder is unreliable on $ref; send a flat, self-contained schema."""
    defs = schema.get("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return walk(copy.deepcopy(defs[node["$ref"].split("/")[-1]]))
            return {k: walk(v) for k, v in node.items() if k not in {"$defs", "title"}}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(schema)


def llama_response_format(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Translate OpenAI 'json_schema' response_format into llama.cpp's json_object + schema."""
    rf = kwargs.get("response_format")
    if isinstance(rf, dict) and rf.get("type") == "json_schema":
        schema = rf.get("json_schema", {}).get("schema", {})
        kwargs = {**kwargs, "response_format": {"type": "json_object",
                                                "schema": _inline_refs(schema)}}
    return kwargs


def _retry_after(exc: BaseException) -> float | None:
    resp = getattr(exc, "response", None)
    headers = getattr(resp, "headers", None)
    if not headers:
        return None
    value = headers.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _transient(exc: BaseException) -> bool:
    import openai

    if isinstance(exc, (openai.APIConnectionError, openai.RateLimitError,
                        openai.InternalServerError)):
        return True
    return isinstance(exc, openai.APIStatusError) and exc.status_code in {408, 409, 502, 503, 504}


def _describe(exc: BaseException) -> str:
    import openai

    if isinstance(exc, openai.APITimeoutError):
        return "timed out"
    if isinstance(exc, openai.APIConnectionError):
        return "connection failed"
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    return type(exc).__name__


class LLMClient:
    """Structured calls with transport retries, re-asks, usage accounting and a response cache."""

    def __init__(self, create: Callable[..., Any], *, model: str, backend: str,
                 settings: Settings, cache: Any = None, sleep: Callable[[float], None] = time.sleep,
                 local_model: Any = None):
        self.model = model
        self.backend = backend
        self.settings = settings
        self.cache = cache
        # the embedded llama.cpp model behind `create`, when there is one: its tokenizer
        # counts tokens, its vocabulary names control tokens, its drafting is switched per stage
        self.local_model = local_model
        self._raw = create
        self._sleep = sleep
        self._llama_format = settings.schema_format == "llama"
        self._free = settings.schema_format == "free"
        self._local = threading.local()  # attempts and retries of the structured call in flight
        self._patched = instructor.patch(create=self._transport, mode=MODES[settings.schema_format])

    def _transport(self, *args: Any, **kwargs: Any) -> Any:
        stats = current_stats()
        if self._llama_format:
            kwargs = llama_response_format(kwargs)
        elif self._free:
            # No grammar: about 2.5x faster generation on llama.cpp; the prompt shows the JSON
            # shape and instructor re-asks when the answer does not parse or validate.
            kwargs = {k: v for k, v in kwargs.items() if k != "response_format"}

        def before_sleep(state: Any) -> None:
            stats.add(retries=1, retry_wait_seconds=state.next_action.sleep
                      if state.next_action is not None else 0.0)
            self._local.retries = getattr(self._local, "retries", 0) + 1

        def wait(state: Any) -> float:
            exc = state.outcome.exception() if state.outcome else None
            hinted = _retry_after(exc) if exc else None
            base = wait_exponential_jitter(initial=0.5, max=self.settings.retry_max_wait)(state)
            return min(hinted, self.settings.retry_max_wait) if hinted is not None else base

        retrying = Retrying(stop=stop_after_attempt(self.settings.max_retries + 1), wait=wait,
                            retry=retry_if_exception(_transient), reraise=True,
                            before_sleep=before_sleep, sleep=self._sleep)
        try:
            for attempt in retrying:
                with attempt:
                    stats.add(llm_calls=1)
                    self._local.attempts = getattr(self._local, "attempts", 0) + 1
                    response = self._raw(*args, **kwargs)
        except ValueError as exc:
            if "context window" in str(exc):
                raise LLMOutputError(f"prompt too long for the model's context: {exc}",
                                     cause="context",
                                     hint="raise NEWSGROUNDER_N_CTX or split the text") from exc
            raise
        except Exception as exc:
            if _transient(exc):
                raise LLMTransportError(
                    f"LLM endpoint {_describe(exc)} after {self.settings.max_retries + 1} attempts",
                    cause=_describe(exc), attempts=self.settings.max_retries + 1,
                    hint="check the server, --base-url and NEWSGROUNDER_TIMEOUT") from exc
            raise
        if self._free:
            _unfence(response)
        _escape_controls(response)
        usage = getattr(response, "usage", None)
        if usage is not None:
            stats.add(prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
                      completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0))
        return response

    def control_tokens(self) -> tuple[str, ...]:
        """Control-token strings of the model in use (embedded: read from its vocabulary; a
        remote endpoint's template is unknown, so the common templates' tokens are handled by
        `article.neutralise` for every backend)."""
        return tuple(getattr(self.local_model, "control_pieces", ()))

    def count_tokens(self, text: str) -> int:
        """Tokens of `text` for the model in use: exact on the embedded model (its own
        tokenizer), estimated elsewhere (3.2 characters a token, measured on news text)."""
        tokenize = getattr(self.local_model, "tokenize", None)
        if self.backend == "embedded" and tokenize is not None:
            return len(tokenize(text.encode("utf-8"), add_bos=False, special=False))
        return int(len(text) / CHARS_PER_TOKEN) + 1

    def warm_up(self) -> None:
        """Prefill the fixed system message once at load, so the first article's calls, like
        every later one's, start from it in llama.cpp's KV cache (prefix reuse)."""
        if self.backend != "embedded":
            return
        try:
            self._raw(messages=[{"role": "system", "content": prompts.system_message()},
                                {"role": "user", "content": ""}], max_tokens=1, temperature=0)
        except ValueError:
            # a context too small for the instructions: the first real call reports it as a
            # typed error with a hint; the warm-up is only an optimisation
            return

    def structured(self, stage: str, messages: list[dict[str, str]], response_model: type[T], *,
                   context: dict[str, Any], max_tokens: int) -> T:
        """Ask for one `response_model`; invalid items are re-asked, then dropped with a reason.

        Output cut at max_tokens is asked once more with twice the budget, then is an error.
        """
        with self._drafting(stage):
            try:
                return self._structured(stage, messages, response_model, context=context,
                                        max_tokens=max_tokens)
            except LLMOutputError as exc:
                if exc.cause != "length":
                    raise
                current_stats().add(reasks=1)
                return self._structured(stage, messages, response_model, context=context,
                                        max_tokens=max_tokens * 2)

    @contextmanager
    def _drafting(self, stage: str) -> Iterator[None]:
        llama = self.local_model
        if getattr(llama, "draft_model", None) is None or stage in DRAFT_STAGES:
            yield
            return
        from .sampling import no_draft

        with no_draft(llama):
            yield

    def _structured(self, stage: str, messages: list[dict[str, str]], response_model: type[T], *,
                    context: dict[str, Any], max_tokens: int) -> T:
        stats = current_stats()
        key = None
        if self.cache is not None:
            key = self.cache.key(self.model, stage, messages, response_model, max_tokens)
            hit = self.cache.get(key)
            if hit is not None:
                stats.add(cache_hits=1)
                return self._lenient(hit, response_model, context, stage)
        # Message text travels through the validation context, not through the template, so
        # braces in an article can never be read as Jinja by instructor's templating.
        tmpl_ctx = {f"m{i}": m["content"] for i, m in enumerate(messages)}
        templated = [{"role": m["role"], "content": f"{{{{ m{i} }}}}"}
                     for i, m in enumerate(messages)]
        self._local.attempts = self._local.retries = 0
        try:
            result = self._patched(
                model=self.model, messages=templated, response_model=response_model,
                context={**tmpl_ctx, **context}, max_retries=self.settings.max_reasks,
                max_tokens=max_tokens, temperature=0)
        except LLMError:
            raise
        except InstructorRetryException as exc:
            stats.add(reasks=max(0, self._local.attempts - 1 - self._local.retries))
            inner = _llm_error_in(exc)
            if inner is not None:
                raise inner from exc
            raw = _content_of(exc.last_completion)
            if _truncated(exc.last_completion):
                raise LLMOutputError(f"{stage}: output truncated at max_tokens={max_tokens}",
                                     stage=stage, cause="length", attempts=exc.n_attempts) from exc
            if raw is None:
                raise LLMOutputError(f"{stage}: the model gave no usable output", stage=stage,
                                     cause=_short(str(exc)), attempts=exc.n_attempts) from exc
            result = self._lenient(raw, response_model, context, stage)
            if key is not None:
                self.cache.put(key, raw)
            return result
        except IncompleteOutputException as exc:
            raise LLMOutputError(f"{stage}: output truncated at max_tokens={max_tokens}",
                                 stage=stage, cause="length") from exc
        stats.add(reasks=max(0, self._local.attempts - 1 - self._local.retries))
        if key is not None:
            self.cache.put(key, result.model_dump_json())
        return result

    def _lenient(self, raw: str, response_model: type[T], context: dict[str, Any],
                 stage: str) -> T:
        try:
            return response_model.model_validate_json(raw, context={**context, "lenient": True})
        except ValidationError as exc:
            raise LLMOutputError(f"{stage}: the model's output does not fit the schema",
                                 stage=stage, cause=_short(str(exc))) from exc


def _unfence(response: Any) -> None:
    """Free generation often wraps JSON in ``` fences; keep only the object."""
    try:
        msg = response.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return
    content = getattr(msg, "content", None)
    if isinstance(content, str) and "```" in content:
        start, end = content.find("{"), content.rfind("}")
        if 0 <= start < end:
            msg.content = content[start:end + 1]


def _escape_controls(response: Any) -> None:
    """A raw newline or tab inside a JSON string (small models emit them, even under a
    grammar) is invalid JSON to pydantic; re-encode such an answer instead of re-asking."""
    try:
        msg = response.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return
    content = getattr(msg, "content", None)
    if not isinstance(content, str) or not any(ord(ch) < 32 for ch in content):
        return
    try:
        json.loads(content)
    except ValueError:
        try:
            msg.content = json.dumps(json.loads(content, strict=False), ensure_ascii=False)
        except ValueError:
            return


def _llm_error_in(exc: BaseException) -> LLMError | None:
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return None
        if isinstance(seen, LLMError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _short(text: str, n: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + "..."


def _content_of(completion: Any) -> str | None:
    try:
        msg = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(msg, "tool_calls", None)
    if calls:
        return calls[0].function.arguments
    content = getattr(msg, "content", None)
    if not content:
        return None
    start, end = content.find("{"), content.rfind("}")
    if start < 0 or end <= start:
        return None
    try:
        json.loads(content[start:end + 1])
    except ValueError:
        return None
    return content[start:end + 1]


def _truncated(completion: Any) -> bool:
    try:
        return completion.choices[0].finish_reason == "length"
    except (AttributeError, IndexError, TypeError):
        return False


def build_client(settings: Settings, *, progress: bool = True) -> LLMClient:
    """The factory: embedded llama.cpp by default, any OpenAI-compatible endpoint by settings."""
    from .cache import ResponseCache

    cache = ResponseCache(settings.cache_dir / "responses.sqlite") if settings.response_cache \
        else None
    if settings.backend == "remote":
        import openai

        raw = openai.OpenAI(api_key=settings.api_key, base_url=settings.base_url,
                            timeout=settings.timeout, max_retries=0)
        return LLMClient(raw.chat.completions.create, model=settings.model, backend="remote",
                         settings=settings, cache=cache)
    from .embedded import load_llama, model_file

    path = model_file(settings, progress=progress)
    llama = load_llama(str(path), settings.n_ctx, settings.n_threads, settings.draft_tokens)
    name = settings.model if not settings.model_path else path.name
    client = LLMClient(llama.create_chat_completion_openai_v1, model=name, backend="embedded",
                       settings=settings, cache=cache, local_model=llama)
    client.warm_up()
    return client
