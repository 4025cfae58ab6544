"""Answers kept until the store changes: a page of GET /events read once serves every client that
asks for the same page before the next write, without a query or a JSON encoding.

An answer is kept under the request's own query string and the store's change count
(`Store.changes`), so any commit, by this server or another process, retires everything kept
before it. A store that cannot tell when it changed (PostgreSQL) keeps nothing.
"""

from __future__ import annotations

from collections import OrderedDict

# Enough for the pages a map and a table ask for; a few large pages at most.
MAX_BYTES = 16 * 1024 * 1024


class AnswerCache:
    def __init__(self, max_bytes: int = MAX_BYTES):
        self.max_bytes = max_bytes
        self._answers: OrderedDict[str, bytes] = OrderedDict()
        self._changes: int | None = None
        self._bytes = 0

    def get(self, key: str, changes: int | None) -> bytes | None:
        if changes is None or changes != self._changes:
            self._forget(changes)
            return None
        answer = self._answers.get(key)
        if answer is not None:
            self._answers.move_to_end(key)
        return answer

    def put(self, key: str, changes: int | None, answer: bytes) -> None:
        """Keep `answer`, read when the store's count was `changes` (taken before the read)."""
        if changes is None or changes != self._changes or len(answer) > self.max_bytes:
            return
        if key in self._answers:
            self._bytes -= len(self._answers.pop(key))
        self._answers[key] = answer
        self._bytes += len(answer)
        while self._bytes > self.max_bytes:
            _, oldest = self._answers.popitem(last=False)
            self._bytes -= len(oldest)

    def _forget(self, changes: int | None) -> None:
        self._answers.clear()
        self._bytes = 0
        self._changes = changes
