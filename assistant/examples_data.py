"""Bundled example articles, read from package data so they work from an installed wheel."""

from __future__ import annotations

from importlib import resources

from .errors import InputError

PACKAGE = "assistant.examples"


def names() -> list[str]:
    return sorted(p.name.rsplit(".", 1)[0] for p in resources.files(PACKAGE).iterdir()
                  if p.name.endswith((".txt", ".html")))


def read(name: str) -> str:
    """The text of a bundled example by name ("seed-iran-guards-warn")."""
    for p in resources.files(PACKAGE).iterdir():
        if p.name.rsplit(".", 1)[0] == name and p.name.endswith((".txt", ".html")):
            return p.read_text(encoding="utf-8")
    raise InputError(f"no bundled example {name!r}", reason="missing", source=name,
                     hint="choose one of " + ", ".join(names()))
