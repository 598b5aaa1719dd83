"""Undo and redo over immutable Documents."""

from __future__ import annotations

import time

from convlab.model.document import Document

# Edits of these kinds this close together are one undo step (a spin box held
# down, consecutive Steps of learning). Typed cells always stay separate.
MERGE_SECONDS = 0.8
MERGEABLE = {"padding", "stride/dilation", "bias", "pooling", "kernel size",
             "output channels", "learning run", "padding mode",
             "learning settings"}
NOT_UNDOABLE = {"select slice"}


class History:
    def __init__(self, doc: Document, limit: int = 200) -> None:
        self._items: list[tuple[str, Document]] = [("start", doc)]
        self._pos = 0
        self._last = ("", 0.0)
        self.limit = limit

    @property
    def current(self) -> Document:
        return self._items[self._pos][1]

    def push(self, doc: Document, label: str) -> None:
        now = time.monotonic()
        merge = (label == self._last[0] and label in MERGEABLE and self._pos > 0
                 and now - self._last[1] < MERGE_SECONDS) or label in NOT_UNDOABLE
        del self._items[self._pos + 1:]
        if merge:
            self._items[self._pos] = (self._items[self._pos][0], doc)
        else:
            self._items.append((label, doc))
            self._items = self._items[-self.limit:]
            self._pos = len(self._items) - 1
        self._last = (label, now)

    def can_undo(self) -> bool:
        return self._pos > 0

    def can_redo(self) -> bool:
        return self._pos < len(self._items) - 1

    def undo(self) -> Document:
        if self.can_undo():
            self._pos -= 1
            self._last = ("", 0.0)
        return self.current

    def redo(self) -> Document:
        if self.can_redo():
            self._pos += 1
            self._last = ("", 0.0)
        return self.current

    def undo_label(self) -> str:
        return self._items[self._pos][0] if self.can_undo() else ""

    def redo_label(self) -> str:
        return self._items[self._pos + 1][0] if self.can_redo() else ""
