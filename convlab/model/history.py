"""Undo and redo over immutable Documents."""

from __future__ import annotations

import time
from enum import StrEnum

from convlab.model.document import Document
from convlab.model.translatable import QT_TRANSLATE_NOOP


class UndoLabel(StrEnum):
    """What an undo step did, as the Edit menu shows it ("Undo padding").

    Members are strings, so a label compares equal to its text; edits named
    after something (a preset, a sample, a lesson) are built by the functions
    below. Labels stay English in the history (merging compares them); the window
    translates a label when it shows it (``convlab.qt.messages.translate_label``:
    context "UndoLabel", and the templates below with their names translated).
    """

    START = QT_TRANSLATE_NOOP("UndoLabel", "start")
    PADDING = QT_TRANSLATE_NOOP("UndoLabel", "padding")
    PADDING_MODE = QT_TRANSLATE_NOOP("UndoLabel", "padding mode")
    STRIDE_DILATION = QT_TRANSLATE_NOOP("UndoLabel", "stride/dilation")
    POOLING = QT_TRANSLATE_NOOP("UndoLabel", "pooling")
    EDIT_KERNEL = QT_TRANSLATE_NOOP("UndoLabel", "edit kernel")
    KERNEL_SIZE = QT_TRANSLATE_NOOP("UndoLabel", "kernel size")
    # Play's resize to a preset true kernel's size: never merged with a typed size
    KERNEL_FOR_LEARNING = QT_TRANSLATE_NOOP("UndoLabel", "kernel size for learning")
    OUTPUT_CHANNELS = QT_TRANSLATE_NOOP("UndoLabel", "output channels")
    SELECT_SLICE = QT_TRANSLATE_NOOP("UndoLabel", "select slice")
    BIAS = QT_TRANSLATE_NOOP("UndoLabel", "bias")
    FLIP = QT_TRANSLATE_NOOP("UndoLabel", "flip")
    NORMALIZE = QT_TRANSLATE_NOOP("UndoLabel", "normalize")
    RANDOMIZE = QT_TRANSLATE_NOOP("UndoLabel", "randomize")
    TRANSPOSE = QT_TRANSLATE_NOOP("UndoLabel", "transpose")
    EDIT_INPUT = QT_TRANSLATE_NOOP("UndoLabel", "edit input")
    EDIT_1X1 = QT_TRANSLATE_NOOP("UndoLabel", "edit 1×1 matrix")
    MAKE_1X1 = QT_TRANSLATE_NOOP("UndoLabel", "1×1 kernel without padding")
    OPEN_IMAGE = QT_TRANSLATE_NOOP("UndoLabel", "open image")
    OPEN_SESSION = QT_TRANSLATE_NOOP("UndoLabel", "open session")
    RESTORE_SESSION = QT_TRANSLATE_NOOP("UndoLabel", "restore last session")
    CHAPTER_EXAMPLE = QT_TRANSLATE_NOOP("UndoLabel", "chapter example")
    LEARNING_RUN = QT_TRANSLATE_NOOP("UndoLabel", "learning run")
    LEARNING_SETTINGS = QT_TRANSLATE_NOOP("UndoLabel", "learning settings")


# Labels built around a name; the window matches a label against these templates.
PADDING_PRESET = QT_TRANSLATE_NOOP("UndoLabel", "{name} padding")  # name: valid/same/full
KERNEL_PRESET = QT_TRANSLATE_NOOP("UndoLabel", "preset {name}")  # name: a preset's key
SAMPLE_INPUT = QT_TRANSLATE_NOOP("UndoLabel", "input {name}")  # name: a sample's key
LESSON = QT_TRANSLATE_NOOP("UndoLabel", "lesson: {name}")  # name: a lesson's title
TEMPLATES = (PADDING_PRESET, KERNEL_PRESET, SAMPLE_INPUT, LESSON)
PADDING_PRESETS = (QT_TRANSLATE_NOOP("UndoLabel", "valid"),
                   QT_TRANSLATE_NOOP("UndoLabel", "same"),
                   QT_TRANSLATE_NOOP("UndoLabel", "full"))


def padding_preset(name: str) -> str:
    """The Valid/Same/Full buttons: "same padding"."""
    return PADDING_PRESET.format(name=name)


def kernel_preset(name: str) -> str:
    return KERNEL_PRESET.format(name=name)


def sample_input(name: str) -> str:
    return SAMPLE_INPUT.format(name=name)


def lesson(title: str) -> str:
    return LESSON.format(name=title)


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
