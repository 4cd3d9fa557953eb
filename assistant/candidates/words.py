"""Word lists are written as plain space-separated text, easy to read and extend."""

from __future__ import annotations


def words(text: str) -> list[str]:
    return text.split()
