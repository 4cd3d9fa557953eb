from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openai.types.chat import ChatCompletion

from assistant.client import LLMClient
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "evals" / "gold"


def completion(content: str, finish_reason: str = "stop") -> ChatCompletion:
    return ChatCompletion.model_validate({
        "id": "x", "object": "chat.completion", "created": 0, "model": "fake",
        "choices": [{"index": 0, "finish_reason": finish_reason,
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}})


class ScriptedCreate:
    """A chat-completions `create` that answers from a script, keyed by task, and records calls."""

    def __init__(self, answers: dict[str, list[Any]] | None = None) -> None:
        self.answers = answers or {}
        self.calls: list[dict[str, Any]] = []

    def __call__(self, **kwargs: Any) -> ChatCompletion:
        self.calls.append(kwargs)
        text = next((m["content"] for m in reversed(kwargs["messages"])
                     if m["role"] == "user" and "TASK:" in m["content"]), "")
        task = "crosscheck" if "TASK: does another document" in text else \
            "qa" if "TASK: answer a reader" in text else \
            "combined" if "in one answer" in text else "attributions" if \
            "check who said what" in text else "summary"
        queue = self.answers.get(task)
        if queue:
            item = queue.pop(0) if len(queue) > 1 else queue[0]
            return item(kwargs) if callable(item) else completion(item) if isinstance(
                item, str) else item
        return completion(json.dumps(DEFAULTS[task]))


DEFAULTS: dict[str, Any] = {
    "crosscheck": {"verdict": "not_mentioned", "passage": "", "reason": "not found"},
    "qa": {"found": True, "answer": "AFP reported it.", "sentence_ids": ["S11"]},
    "attributions": {"checks": [], "missed": []},
    "summary": {"summary": "Officials gave differing accounts of what happened."},
    "combined": {"checks": [], "missed": [], "summary": "Officials gave differing accounts of what happened.",
                 "key_points": ["One.", "Two.", "Three."], "level": "low",
                 "uncertainty_summary": "Little.", "open_questions": []},
}


def fake_settings(**kw: Any) -> Settings:
    base = dict(backend="embedded", model="fake", schema_format="json", max_retries=1,
                retry_max_wait=0.01, max_reasks=1, response_cache=False)
    base.update(kw)
    return Settings(**base)  # type: ignore[arg-type]


@pytest.fixture
def make_client() -> Callable[..., tuple[LLMClient, ScriptedCreate]]:
    def make(answers: dict[str, list[Any]] | None = None, **kw: Any) -> tuple[LLMClient,
                                                                             ScriptedCreate]:
        create = ScriptedCreate(answers)
        settings = fake_settings(**kw)
        return LLMClient(create, model="fake", backend="fake", settings=settings,
                         sleep=lambda _: None), create
    return make


def gold(name: str) -> dict[str, Any]:
    return json.loads((GOLD / f"{name}.json").read_text())
