"""A tiny OpenAI-compatible server on 127.0.0.1 that fails on purpose, for the real SDK path."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FaultServer:
    def __init__(self, script: list[Any]) -> None:
        """script items: int status, ("429", retry_after), "slow", "garbage", "length", or a dict."""
        self.script = list(script)
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a: Any) -> None:
                return None

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", 0)))
                outer.requests += 1
                step = outer.script.pop(0) if len(outer.script) > 1 else outer.script[0]
                if step == "slow":
                    time.sleep(1.5)
                    step = outer.ok
                if isinstance(step, tuple):
                    self._send(429, {"error": {"message": "slow down"}},
                               {"Retry-After": str(step[1])})
                elif isinstance(step, int):
                    self._send(step, {"error": {"message": f"status {step}"}})
                elif step == "garbage":
                    self._send(200, outer.body("this is {not json"))
                elif step == "length":
                    self._send(200, outer.body('{"summary": "cut', "length"))
                else:
                    self._send(200, outer.body(json.dumps(step)))

            def _send(self, code: int, payload: Any, headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload).encode()
                self.send_response(code)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.ok = {"summary": "ok.", "key_points": ["a.", "b.", "c."]}

    @staticmethod
    def body(content: str, finish: str = "stop") -> dict[str, Any]:
        return {"id": "x", "object": "chat.completion", "created": 0, "model": "m",
                "choices": [{"index": 0, "finish_reason": finish,
                             "message": {"role": "assistant", "content": content}}],
                "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}}

    def __enter__(self) -> FaultServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *a: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
