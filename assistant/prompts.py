"""Prompt templates live in prompts/*.txt with $named variables; a missing variable is an
error, and so is a value the template does not use (a line dropped from a template must not
leave the code computing what it held)."""

from __future__ import annotations

import hashlib
import string
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from .errors import PromptError

# The templates are edited in the repository's prompts/ folder; pyproject.toml maps that
# folder to this package, so an editable checkout and an installed wheel read the same files.
PACKAGE = "assistant.prompt_templates"


def _dir() -> Traversable:
    return resources.files(PACKAGE)


@lru_cache(maxsize=32)
def load(name: str) -> str:
    path = _dir() / f"{name}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PromptError(f"prompt template {name}.txt is missing from {PACKAGE}",
                          template=name) from exc


def render(name: str, **values: str) -> str:
    tmpl = string.Template(load(name))
    wanted = {m.group("named") or m.group("braced")
              for m in tmpl.pattern.finditer(tmpl.template)
              if m.group("named") or m.group("braced")}
    missing = sorted(wanted - set(values))
    if missing:
        raise PromptError(f"prompt {name!r} needs {', '.join(missing)}", template=name,
                          missing=missing)
    unused = sorted(set(values) - wanted)
    if unused:
        raise PromptError(f"prompt {name!r} has no place for {', '.join(unused)}",
                          template=name, unused=unused)
    return tmpl.substitute(values)


@lru_cache(maxsize=1)
def prompt_version() -> str:
    """A short hash of every template: part of cache keys and of each result's meta."""
    h = hashlib.sha256()
    for path in sorted((p for p in _dir().iterdir() if p.name.endswith(".txt")),
                       key=lambda p: p.name):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def system_message() -> str:
    """Every fixed instruction, identical for all articles: the part of each prompt that
    llama.cpp keeps in its KV cache from one article to the next (see `LLMClient.warm_up`)."""
    return render("system") + "\n\n" + render("tasks")
