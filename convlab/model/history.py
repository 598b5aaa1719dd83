"""Undo and redo over immutable Documents."""

from __future__ import annotations

import time
from enum import StrEnum

from convlab.model.document import Document


class UndoLabel(StrEnum):
    """What an undo step did, as the Edit menu shows it ("Undo padding").

    Members are strings, so a label compares equal to its text; edits named
    after something (a preset, a sample, a lesson) are built by the functions
    below.
    """

    START = "start"
    PADDING = "padding"
    PADDING_MODE = "padding mode"
    STRIDE_DILATION = "stride/dilation"
    POOLING = "pooling"
    EDIT_KERNEL = "edit kernel"
    KERNEL_SIZE = "kernel size"
    OUTPUT_CHANNELS = "output channels"
    SELECT_SLICE = "select slice"
    BIAS = "bias"
    FLIP = "flip"
    NORMALIZE = "normalize"
    TRANSPOSE = "transpose"
    EDIT_INPUT = "edit input"
    EDIT_1X1 = "edit 1×1 matrix"
    OPEN_IMAGE = "open image"
    OPEN_SESSION = "open session"
    RESTORE_SESSION = "restore last session"
    CHAPTER_EXAMPLE = "chapter example"
    LEARNING_RUN = "learning run"
    LEARNING_SETTINGS = "learning settings"


def padding_preset(name: str) -> str:
    """The Valid/Same/Full buttons: "same padding"."""
    return f"{name} padding"


def kernel_preset(name: str) -> str:
    return f"preset {name}"


def sample_input(name: str) -> str:
    return f"input {name}"


def lesson(title: str) -> str:
    return f"lesson: {title}"


# Edits of these kinds this close together are one undo step (a spin box held
# down, consecutive Steps of learning). Typed cells always stay separate.
MERGE_SECONDS = 0.8
MERGEABLE = frozenset({
    UndoLabel.PADDING, UndoLabel.STRIDE_DILATION, UndoLabel.BIAS, UndoLabel.POOLING,
    UndoLabel.KERNEL_SIZE, UndoLabel.OUTPUT_CHANNELS, UndoLabel.LEARNING_RUN,
    UndoLabel.PADDING_MODE, UndoLabel.LEARNING_SETTINGS,
})
# Recorded in place of the current step: choosing which slice to edit moves
# nothing the user would want to undo.
NOT_UNDOABLE = frozenset({UndoLabel.SELECT_SLICE})


class History:
    def __init__(self, doc: Document, limit: int = 200) -> None:
        self._items: list[tuple[str, Document]] = [(UndoLabel.START, doc)]
        self._pos = 0
        self._last = ("", 0.0)
        self.limit = limit

    @property
    def current(self) -> Document:
        return self._items[self._pos][1]

    def push(self, doc: Document, label: str) -> None:
        """Record ``doc``; ``label`` is a ``UndoLabel`` or one built by the functions above."""
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
