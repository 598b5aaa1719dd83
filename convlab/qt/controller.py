"""The one place that owns the Document, its history and what it computes."""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from convlab.model.compute import Frame, compute
from convlab.model.document import Document
from convlab.model.history import History


class Controller(QObject):
    documentChanged = Signal(object)  # Document
    frameComputed = Signal(object, object)  # Document, Frame
    historyChanged = Signal()
    coreReady = Signal()
    _warmedUp = Signal()

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.history = History(doc)
        self._override: tuple = (None, None)
        self.frame = Frame()
        self.last_good = Frame()
        self.ready = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.recompute)
        self._warmedUp.connect(self._on_warmed_up)

    @property
    def doc(self) -> Document:
        """What the window shows: the recorded document, with a learning run's
        weights over it while one is in progress."""
        doc = self.history.current
        w, b = self._override
        if w is None or w.shape != doc.weight.shape:
            return doc
        return replace(doc, weight=w, bias=doc.bias if b is None else b)

    def override_weights(self, weight, bias=None) -> None:
        """Show these weights without recording them (a learning run's progress)."""
        self._override = (weight, bias)
        self.documentChanged.emit(self.doc)
        self._timer.start()

    def commit_override(self, label: str) -> None:
        """Record the shown weights as one undoable step and drop the override."""
        doc = self.doc
        self._override = (None, None)
        if doc == self.history.current:
            self._changed()
        else:
            self.apply(doc, label)

    @property
    def pending(self) -> bool:
        """A recompute is scheduled and the frame does not yet match the document."""
        return self._timer.isActive()

    def start_warmup(self) -> None:
        """Compile the core off the GUI thread; the window stays responsive."""
        def run() -> None:
            from convlab.core.warmup import warmup

            warmup()
            self._warmedUp.emit()

        threading.Thread(target=run, name="convlab-warmup", daemon=True).start()

    def _on_warmed_up(self) -> None:
        self.ready = True
        self.coreReady.emit()
        self.recompute()

    def apply(self, doc: Document, label: str) -> None:
        """A user edit: record it, show it, recompute on the next event-loop pass."""
        if doc == self.history.current:
            return
        self.history.push(doc, label)
        self._changed()

    def reset_history(self) -> None:
        """Start the undo history afresh at the current document."""
        self.history = History(self.history.current)
        self.historyChanged.emit()

    def undo(self) -> None:
        self.history.undo()
        self._changed()

    def redo(self) -> None:
        self.history.redo()
        self._changed()

    def _changed(self) -> None:
        self.historyChanged.emit()
        self.documentChanged.emit(self.doc)
        self._timer.start()

    def recompute(self) -> None:
        if not self.ready:
            return
        self.frame = compute(self.doc)
        if self.frame.ok:
            self.last_good = self.frame
        self.frameComputed.emit(self.doc, self.frame)
