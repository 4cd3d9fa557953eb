"""On-disk cache of LLM answers (SQLite), keyed by model, prompt, schema and parameters.

Safe under concurrent writers (WAL, busy timeout); a corrupt file is moved aside and rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel

MAX_ROWS = 20_000


class ResponseCache:
    def __init__(self, path: Path, max_rows: int = MAX_ROWS) -> None:
        self.path = path
        self.max_rows = max_rows
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._conn = self._open()
            except sqlite3.OperationalError:
                raise  # busy or locked by another writer: not corruption
            except sqlite3.DatabaseError:
                self._move_aside()
                self._conn = self._open()
        return self._conn

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, value TEXT, "
                     "created REAL)")
        conn.execute("SELECT count(*) FROM answers").fetchone()
        return conn

    @staticmethod
    def key(model: str, stage: str, messages: list[dict[str, str]],
            response_model: type[BaseModel], max_tokens: int) -> str:
        blob = json.dumps([model, stage, messages, response_model.model_json_schema(), max_tokens],
                          sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()

    def get(self, key: str) -> str | None:
        with self._lock:
            try:
                row = self._db().execute("SELECT value FROM answers WHERE key=?", (key,)).fetchone()
            except sqlite3.OperationalError:
                return None  # busy: a miss, the answer is computed again
            except sqlite3.DatabaseError:
                self._reset()
                return None
        return row[0] if row else None

    def put(self, key: str, value: str) -> None:
        with self._lock:
            try:
                db = self._db()
                db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                           (key, value, time.time()))
                db.execute("DELETE FROM answers WHERE key IN (SELECT key FROM answers ORDER BY "
                           "created DESC LIMIT -1 OFFSET ?)", (self.max_rows,))
                db.commit()
            except sqlite3.OperationalError:
                return  # busy: the cache is best effort, the answer itself is not lost
            except sqlite3.DatabaseError:
                self._reset()

    def clear(self) -> int:
        with self._lock:
            n = self._db().execute("SELECT count(*) FROM answers").fetchone()[0]
            self._db().execute("DELETE FROM answers")
            self._db().commit()
            return int(n)

    def _reset(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._move_aside()

    def _move_aside(self) -> None:
        """A corrupt cache file is kept for inspection and a new one started; another process
        may have moved it already."""
        with contextlib.suppress(FileNotFoundError):
            self.path.replace(self.path.with_suffix(f".corrupt{int(time.time())}"))

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "max_rows": self.max_rows}
