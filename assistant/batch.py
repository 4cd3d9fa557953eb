"""Batch analysis that loses nothing: one complete, flushed JSON line per finished article.

Re-running the same command skips articles already in the output (same path and content
hash); a partial last line from a crash is cut off before appending. Input errors are
recorded and final; model errors are recorded and retried on the next run.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import AssistantError, InputError

SUFFIXES = {".txt", ".md", ".html", ".htm"}


@dataclass
class BatchSummary:
    total: int
    skipped: int
    ok: int
    failed: int


def collect(spec: str) -> list[Path]:
    p = Path(spec)
    if p.is_dir():
        files = [f for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in SUFFIXES]
    else:
        files = [Path(f) for f in sorted(glob.glob(spec, recursive=True)) if Path(f).is_file()]
    if not files:
        raise InputError(f"no article files match {spec!r}", reason="missing", source=spec,
                         hint="give a directory or a glob of .txt, .md or .html files")
    return files


def _key(path: Path) -> str:
    return f"{path.resolve()}:{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}"


def finished_keys(out: Path) -> set[str]:
    """Keys already done; repairs a torn last line left by a crash or a kill."""
    if not out.exists():
        return set()
    data = out.read_bytes()
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        with open(out, "r+b") as fh:
            fh.truncate(cut)
        data = data[:cut]
    done = set()
    for line in data.decode("utf-8", errors="replace").splitlines():
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if rec.get("status") == "ok" or (rec.get("status") == "error" and not rec.get("retry")):
            done.add(rec.get("key", ""))
    return done


class _Writer:
    def __init__(self, out: Path) -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(out, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self.lock = threading.Lock()

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self.lock:
            self.fh.write(line)
            self.fh.flush()
            os.fsync(self.fh.fileno())

    def close(self) -> None:
        self.fh.close()


def run_batch(files: Iterable[Path], out: Path, *, client: Any, settings: Any,
              concurrency: int = 1, progress: bool = True) -> BatchSummary:
    from tqdm import tqdm

    from .pipeline import analyze

    files = list(files)
    done = finished_keys(out)
    todo = [(f, _key(f)) for f in files if _key(f) not in done]
    writer = _Writer(out)
    ok = failed = 0

    def one(path: Path, key: str) -> dict[str, Any]:
        try:
            a = analyze(path, client=client, settings=settings)
            return {"key": key, "source": str(path), "status": "ok",
                    "analysis": a.model_dump(mode="json")}
        except AssistantError as exc:
            return {"key": key, "source": str(path), "status": "error",
                    "error": exc.user_message(), "error_type": type(exc).__name__,
                    "retry": not isinstance(exc, InputError)}

    bar = tqdm(total=len(files), initial=len(files) - len(todo), unit="article",
               disable=not progress, desc="batch")
    workers = max(1, concurrency if settings.backend == "remote" else 1)
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(one, f, k) for f, k in todo]
            for fut in as_completed(futures):
                rec = fut.result()
                writer.write(rec)
                ok += rec["status"] == "ok"
                failed += rec["status"] != "ok"
                bar.update(1)
    finally:
        writer.close()
        bar.close()
    return BatchSummary(total=len(files), skipped=len(files) - len(todo), ok=ok, failed=failed)
