"""One resolver for settings: explicit argument first, then the environment, then defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from .errors import ConfigError
from .models import ClaimUnit

ENV_PREFIX = "NEWSGROUNDER_"
Backend = Literal["embedded", "remote"]
Strategy = Literal["decomposed", "combined"]
SchemaFormat = Literal["json_schema", "llama", "free", "tools", "json"]


def _default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsgrounder"


@dataclass(frozen=True)
class Settings:
    """Everything that decides which model is asked and how; the API key is never printed."""

    backend: Backend = "embedded"
    model: str = "qwen2.5-coder-1.5b"
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    model_path: str | None = None
    cache_dir: Path = field(default_factory=_default_cache)
    strategy: Strategy = "decomposed"
    # One claim per statement (ANNOTATION.md), or per speaker turn: a quote that runs on with
    # no saying verb of its own folded into the statement before it (PolNeAR's unit).
    claim_unit: ClaimUnit = "statement"
    schema_format: SchemaFormat = "llama"
    timeout: float = 60.0
    max_retries: int = 4
    retry_max_wait: float = 20.0
    max_reasks: int = 1
    n_threads: int = 2
    # The model's context in tokens, allocated at load. 8192 holds a 4,000-word article with
    # the instructions and the answers in one pass; on the 1.5B model its KV cache costs about
    # 0.23 GB (28 KB a token), peak RSS about 2.6 GB. Longer articles are split (meta says so).
    n_ctx: int = 8192
    # Prompt-lookup drafting on the embedded model, for answers that copy ids and names from
    # the prompt (client.DRAFT_STAGES): up to this many guessed tokens checked in one batch
    # per step (0 = off). Greedy choice per token as before; README, speed, has the gain.
    draft_tokens: int = 6
    response_cache: bool = True
    concurrency: int = 4

    def redacted(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "api_key"}
        d["api_key"] = "set" if self.api_key else None
        d["cache_dir"] = str(self.cache_dir)
        return d


_TYPES = {"timeout": float, "max_retries": int, "retry_max_wait": float, "max_reasks": int,
          "concurrency": int,
          "n_threads": int, "n_ctx": int, "draft_tokens": int}
_BOOLS = {"response_cache"}
_CHOICES: dict[str, tuple[str, ...]] = {
    "backend": ("embedded", "remote"),
    "strategy": ("decomposed", "combined"),
    "claim_unit": ("statement", "turn"),
    "schema_format": ("json_schema", "llama", "free", "tools", "json"),
}


def resolve_settings(**explicit: Any) -> Settings:
    """Build settings; a None argument means 'not given here, look in the environment'."""
    env = os.environ
    values: dict[str, Any] = {}
    for name in Settings.__dataclass_fields__:
        val = explicit.get(name)
        if val is None:
            if name == "api_key":
                val = env.get("OPENAI_API_KEY") or env.get(ENV_PREFIX + "API_KEY")
            elif name == "base_url":
                val = env.get(ENV_PREFIX + "BASE_URL") or env.get("OPENAI_BASE_URL")
            else:
                val = env.get(ENV_PREFIX + name.upper())
        if val is None or val == "":
            continue
        values[name] = _coerce(name, val)
    unknown = set(explicit) - set(Settings.__dataclass_fields__)
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}",
                          setting=sorted(unknown)[0])
    if "backend" not in values:
        values["backend"] = "remote" if values.get("base_url") else "embedded"
    if values["backend"] == "remote":
        values.setdefault("schema_format", "json_schema")
        if "model" not in values:
            raise ConfigError("a remote endpoint needs a model name", setting="model",
                              hint=f"pass --model or set {ENV_PREFIX}MODEL")
        if not values.get("api_key"):
            if values.get("base_url") and _is_local(values["base_url"]):
                values["api_key"] = "not-needed"
            else:
                raise ConfigError("a remote endpoint needs an API key", setting="api_key",
                                  hint="set OPENAI_API_KEY (or use --base-url for a local server)")
    return Settings(**values)


def _is_local(url: str) -> bool:
    return any(h in url for h in ("://127.0.0.1", "://localhost", "://[::1]", "://0.0.0.0"))


def _coerce(name: str, val: Any) -> Any:
    if name == "cache_dir":
        return Path(val).expanduser()
    if name in _BOOLS and isinstance(val, str):
        return val.strip().lower() not in {"0", "false", "no", "off"}
    if name in _TYPES and isinstance(val, str):
        try:
            return _TYPES[name](val)
        except ValueError as exc:
            raise ConfigError(f"{ENV_PREFIX}{name.upper()}={val!r} is not a number",
                              setting=name) from exc
    if name in _CHOICES and val not in _CHOICES[name]:
        raise ConfigError(f"{name} must be one of {', '.join(_CHOICES[name])}, not {val!r}",
                          setting=name)
    return val


def with_overrides(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, **{k: v for k, v in changes.items() if v is not None})
