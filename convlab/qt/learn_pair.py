""""Target from image…" and "Sample pair" in the Learn panel's Problem box.

The pair's target is a second image. The Document keeps its file path in the
learning settings (``LearnSettings.target_path``, with ``true_source`` "target
image"), like the input, which a session also keeps as a path: undo, autosave
and sessions carry it, and the image is read again (and checked again) when a
run starts. A target that does not fit changes nothing and says why.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QGridLayout, QLabel, QPushButton, QWidget

from convlab.model import limits
from convlab.model.document import Document
from convlab.model.learn_problem import PAIR_SOURCE
from convlab.model.pair import (SAMPLE_INPUT, SAMPLE_TARGET, pair_document, sample_settings,
                                target_from_file)
from convlab.model.translatable import QT_TRANSLATE_NOOP
from convlab.qt.image_io import OPEN_FILTER, load_image
from convlab.qt.messages import translate_message
from convlab.qt.widgets import blocked, spin

DEFAULT_SIZE = 5
PAIR_SIZE_LABEL = QT_TRANSLATE_NOOP("UndoLabel", "pair kernel size")
PAIR_SIZE = "the pair's kernel size"  # a limits message's field (messages.WORDS)


class PairRow(QWidget):
    """The buttons and the kernel size (1–15) for learning from a pair of images."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.choose = QPushButton(self.tr("Target from image…"), objectName="pairTarget")
        self.choose.setToolTip(self.tr("Open a second image, the same picture after some "
                                       "filter: learn the kernel that turns the input into it"))
        self.sample = QPushButton(self.tr("Sample pair"), objectName="pairSample")
        self.sample.setToolTip(self.tr("Open the shipped pair: a photo and the same photo "
                                       "through a known 5×5 kernel, with settings that learn "
                                       "it"))
        self.size = spin("pairKernelSize", 1, limits.MAX_KERNEL,
                         self.tr("The learned kernel's size k×k (1 to 15)"), DEFAULT_SIZE,
                         what=PAIR_SIZE, label=PAIR_SIZE_LABEL)
        grid = QGridLayout(self)  # two short lines, so the panel stays narrow
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.choose, 0, 0, 1, 3)
        grid.addWidget(self.sample, 1, 0)
        grid.addWidget(QLabel("k ="), 1, 1)
        grid.addWidget(self.size, 1, 2)


class PairController(QObject):
    def __init__(self, row: PairRow, learning, parent=None) -> None:
        super().__init__(parent)
        self.row, self.learning = row, learning
        self.controller = learning.controller
        row.choose.clicked.connect(self.choose_dialog)
        row.sample.clicked.connect(self.use_sample)
        row.size.valueChanged.connect(self._on_size)
        self.controller.documentChanged.connect(self._on_document)

    def choose_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.row, self.tr("Target image"), "", OPEN_FILTER)
        if path:
            self.use_target(path)

    def use_target(self, path) -> bool:
        """Use ``path`` as the target for the current input; False (with a message,
        nothing changed) when it cannot be the same picture."""
        doc = self.controller.history.current
        try:
            target, note = target_from_file(path, doc.image, load_image)
        except (ValueError, OSError, MemoryError) as exc:
            self.learning.say(self.tr("Cannot learn from “{name}” as the target: {error}. "
                                      "Nothing was changed.").format(
                name=Path(path).name, error=translate_message(str(exc))), True)
            return False
        new = self._paired(doc, str(Path(path).resolve()))
        label = QT_TRANSLATE_NOOP("UndoLabel", "target image")
        return self._apply(new, label, note, (new.learn.target_path, target))

    def use_sample(self) -> bool:
        """The shipped pair, the kernel size of its answer and settings that learn it."""
        x, _ = load_image(SAMPLE_INPUT)
        target, _ = target_from_file(SAMPLE_TARGET, x, load_image)
        doc = self.controller.history.current.with_image(x, SAMPLE_INPUT.name,
                                                          str(SAMPLE_INPUT))
        with blocked(self.row.size):
            self.row.size.setValue(DEFAULT_SIZE)
        new = pair_document(doc, DEFAULT_SIZE)
        new = replace(new, learn=sample_settings(new.learn))
        label = QT_TRANSLATE_NOOP("UndoLabel", "sample pair")
        return self._apply(new, label, "", (new.learn.target_path, target))

    def _paired(self, doc: Document, path: str) -> Document:
        new = pair_document(doc, self.row.size.value())
        return new.with_learn(true_source=PAIR_SOURCE, target_path=path)

    def _apply(self, doc: Document, label: str, note: str, cached) -> bool:
        self.learning.discard()
        if not self.controller.apply(doc, label):
            return False
        self.learning.remember_target(doc.image, *cached)
        self.learning.say(
            self.tr("Learning from a pair: {note}.").format(note=translate_message(note))
            if note else self.tr("Press Play to learn the kernel that turns the input into "
                                 "the target."), False)
        return True

    def _on_size(self, k: int) -> None:
        doc = self.controller.history.current
        if doc.learn.true_source == PAIR_SOURCE and doc.kernel_hw != (k, k):
            self.learning.discard()
            self.controller.apply(pair_document(doc, k), PAIR_SIZE_LABEL)

    def _on_document(self, doc: Document) -> None:
        kh, kw = doc.kernel_hw
        if doc.learn.true_source == PAIR_SOURCE and kh == kw:
            with blocked(self.row.size):
                self.row.size.setValue(kh)
