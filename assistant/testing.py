"""A stub OpenAI-compatible chat server on 127.0.0.1 for tests and benchmarks.

It answers each task of the pipeline with a minimal valid JSON answer after an optional
latency, so the real openai + instructor path, batching and concurrency can be exercised
without a model. It records every request (to check, e.g., that no API key leaks). With a
`script` it injects faults instead, one step per request (the last step repeats): an int
status, ("429", retry_after), "slow" (sleep past a client timeout), "garbage" (not JSON),
"length" (finish_reason length), or a dict sent as the JSON answer.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ANSWERS: dict[str, dict[str, Any]] = {
    "crosscheck": {"verdict": "not_mentioned", "passage": "", "reason": "stub"},
    "qa": {"found": False, "answer": "The article does not say.", "sentence_ids": []},
    "attributions": {"checks": [], "missed": []},
    "summary": {"summary": "Officials gave differing accounts of what happened."},
    "combined": {"checks": [], "missed": [], "summary": "Officials gave differing accounts of what happened.",
                 "key_points": ["One.", "Two.", "Three."], "level": "low",
                 "uncertainty_summary": "Stub.", "open_questions": []},
}


def task_of(messages: list[dict[str, Any]]) -> str:
    # the task is named in the last user message that has one (the system message lists
    # every task; a re-ask adds a user message without one)
    text = next((str(m.get("content", "")) for m in reversed(messages)
                 if m.get("role") == "user" and "TASK:" in str(m.get("content", ""))), "")
    if "TASK: does another document" in text:
        return "crosscheck"
    if "TASK: answer a reader" in text:
        return "qa"
    if "in one answer" in text:
        return "combined"
    if "check who said what" in text:
        return "attributions"
    return "summary"


def _qa_answer(messages: list[dict[str, Any]]) -> dict[str, Any]:
    """Answer a follow-up with the article sentence sharing most words with the question, so
    the answer passes the same grounding checks as a real model's would."""
    text = "\n".join(str(m.get("content", "")) for m in messages if m.get("role") == "user")
    question = re.search(r"Question: (.*)", text)
    words = set(re.findall(r"\w{4,}", (question.group(1) if question else "").lower()))
    lines = re.findall(r"^\[(S\d+)\] (.+)$", text, flags=re.M)
    if not lines or not words:
        return ANSWERS["qa"]
    sid, sentence = max(lines, key=lambda x: len(words & set(re.findall(r"\w{4,}",
                                                                       x[1].lower()))))
    return {"found": True, "answer": sentence.replace("\u201c", '"').replace("\u201d", '"'),
            "sentence_ids": [sid]}


def _completion(body: dict[str, Any], content: str, finish: str = "stop") -> dict[str, Any]:
    return {"id": "stub", "object": "chat.completion", "created": 0,
            "model": body.get("model", "stub"),
            "choices": [{"index": 0, "finish_reason": finish,
                         "message": {"role": "assistant", "content": content}}],
            "usage": _usage(body, content)}


def _usage(body: dict[str, Any], content: str) -> dict[str, int]:
    """Token counts estimated at four characters per token, so per-article token reports
    against the stub scale with what was really sent."""
    sent = sum(len(str(m.get("content", ""))) for m in body.get("messages", []))
    prompt, completion = max(1, sent // 4), max(1, len(content) // 4)
    return {"prompt_tokens": prompt, "completion_tokens": completion,
            "total_tokens": prompt + completion}


class StubServer:
    def __init__(self, latency: float = 0.0, script: list[Any] | None = None) -> None:
        self.latency = latency
        self.script = list(script or [])
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a: Any) -> None:
                return None

            def do_GET(self) -> None:
                self._send({"object": "list", "data": [{"id": "stub", "object": "model"}]})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))))
                with outer.lock:
                    outer.requests.append(body)
                    outer.headers.append(dict(self.headers))
                    outer.in_flight += 1
                    outer.max_in_flight = max(outer.max_in_flight, outer.in_flight)
                time.sleep(outer.latency)
                with outer.lock:
                    outer.in_flight -= 1
                    step = (outer.script.pop(0) if len(outer.script) > 1 else outer.script[0]) \
                        if outer.script else None
                if step == "slow":
                    time.sleep(1.5)
                    step = None
                if isinstance(step, tuple):
                    self._send({"error": {"message": "slow down"}}, 429,
                               {"Retry-After": str(step[1])})
                elif isinstance(step, int):
                    self._send({"error": {"message": f"status {step}"}}, step)
                elif step == "garbage":
                    self._send(_completion(body, "this is {not json"))
                elif step == "length":
                    self._send(_completion(body, '{"summary": "cut', "length"))
                else:
                    task = task_of(body.get("messages", []))
                    answer = step if isinstance(step, dict) else (
                        _qa_answer(body.get("messages", [])) if task == "qa" else ANSWERS[task])
                    self._send(_completion(body, json.dumps(answer)))

            def _send(self, payload: Any, code: int = 200,
                      headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload).encode()
                self.send_response(code)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError):  # the client gave up (timeouts)
                    self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> StubServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *a: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main() -> None:
    """`python -m assistant.stubserver [latency]`: serve until killed, print the URL."""
    import sys

    srv = StubServer(float(sys.argv[1]) if len(sys.argv) > 1 else 0.0)
    print(srv.url, flush=True)
    srv.httpd.serve_forever()


if __name__ == "__main__":
    main()
