"""Prompt templates live in prompts/*.txt with $named variables; a missing variable is an error."""

from __future__ import annotations

import hashlib
import string
from functools import lru_cache
from pathlib import Path

from .errors import PromptError

PROMPT_DIR = Path(__file__).resolve().parent.parent / "prompts"
PACKAGED_DIR = Path(__file__).resolve().parent / "prompt_files"


def _dir() -> Path:
    return PROMPT_DIR if PROMPT_DIR.is_dir() else PACKAGED_DIR


@lru_cache(maxsize=32)
def load(name: str) -> str:
    path = _dir() / f"{name}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PromptError(f"prompt template {path} is missing", template=name) from exc


def render(name: str, **values: str) -> str:
    tmpl = string.Template(load(name))
    wanted = {m.group("named") or m.group("braced")
              for m in tmpl.pattern.finditer(tmpl.template)
              if m.group("named") or m.group("braced")}
    missing = sorted(wanted - set(values))
    if missing:
        raise PromptError(f"prompt {name!r} needs {', '.join(missing)}", template=name,
                          missing=missing)
    return tmpl.substitute(values)


@lru_cache(maxsize=1)
def prompt_version() -> str:
    """A short hash of every template: part of cache keys and of each result's meta."""
    h = hashlib.sha256()
    for path in sorted(_dir().glob("*.txt")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def system_message() -> str:
    """Every fixed instruction, identical for all articles: the part of each prompt that
    llama.cpp keeps in its KV cache from one article to the next (see `LLMClient.warm_up`)."""
    return render("system") + "\n\n" + render("tasks")
