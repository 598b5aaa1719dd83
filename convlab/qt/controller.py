"""The one place that owns the Document, its history and what it computes."""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from convlab.model.compute import Frame, compute, work
from convlab.model.document import Document
from convlab.model.history import History
from convlab.model.limits import LimitError, check_document
from convlab.qt.messages import translate_label, translate_message
from convlab.qt.worker import describe, emit_safely


ASYNC_WORK = 40_000_000  # multiply-adds above which a frame is computed off the GUI thread
FALLBACK_ASYNC_WORK = 4_000_000  # the same while the slower NumPy path serves


def safe_compute(doc: Document) -> Frame:
    """``compute``, with any failure as the frame's message: one bad frame never
    stops the next edit from computing (on either thread)."""
    try:
        return compute(doc)
    except Exception as exc:  # noqa: BLE001 - the error becomes what the frame shows
        return Frame(error=f"These settings could not be computed ({describe(exc)}).")


def safe_work(doc: Document) -> float:
    try:
        return work(doc)
    except Exception:  # noqa: BLE001 - unknown cost: compute it on the thread
        return float("inf")


class ComputeWorker:
    """One thread computing the newest requested frame; older requests are skipped."""

    def __init__(self, deliver) -> None:
        self._deliver = deliver
        self._request: tuple | None = None
        self._wake = threading.Condition()
        self._stopped = False
        self._thread: threading.Thread | None = None

    def submit(self, generation: int, doc: Document) -> None:
        with self._wake:
            self._request = (generation, doc)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="convlab-compute",
                                                daemon=True)
                self._thread.start()
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._request is None and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    return
                generation, doc = self._request
                self._request = None
            try:
                self._deliver(generation, doc, safe_compute(doc))
            except RuntimeError:  # the controller is gone (window closed): stop quietly
                return

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify()
        if self._thread is not None:
            self._thread.join(2.0)


class Controller(QObject):
    documentChanged = Signal(object)  # Document
    frameComputed = Signal(object, object)  # Document, Frame
    historyChanged = Signal()
    coreReady = Signal()
    warmupFailed = Signal(str)  # a sentence; the NumPy path keeps serving
    busyChanged = Signal(bool)  # a heavy frame is being computed on the thread
    refused = Signal(str)  # an edit outside the limits (model/limits.py) was not applied
    recordedChosen = Signal()  # an edit asked for the recorded kernel a run draws over
    _warmedUp = Signal(object)  # None, or what went wrong
    _computed = Signal(int, object, object)  # generation, Document, Frame

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.history = History(doc)
        self._override: tuple = (None, None)
        self.frame = Frame()
        self.frame_doc = doc  # the Document ``frame`` was computed from (may lag ``doc``)
        self.last_good = Frame()
        self.ready = False  # the compiled kernels are loaded (until then NumPy serves)
        self.warmup_error: str | None = None
        self._warmup = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.recompute)
        self._warmedUp.connect(self._on_warmed_up)
        self._computed.connect(self._on_computed)
        self._generation = 0
        self._awaiting = False
        self._worker = ComputeWorker(self._computed.emit)

    @property
    def doc(self) -> Document:
        """What the window shows: the recorded document, with a learning run's
        weights over it while one is in progress."""
        doc = self.history.current
        w, b = self._override
        if w is None or w.shape != doc.weight.shape:
            return doc
        return replace(doc, weight=w, bias=doc.bias if b is None else b)

    def shown_weights(self) -> tuple | None:
        """A learning run's (weight, bias) over the document, or None."""
        return None if self._override[0] is None else self._override

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
        """The frame does not yet match the document (scheduled, or computing)."""
        return self._timer.isActive() or self._awaiting

    def start_warmup(self, warmup_class=None) -> None:
        """Compile the core in a child process; NumPy serves frames meanwhile."""
        from convlab.core.warmup import Warmup

        self._warmup = (warmup_class or Warmup)(lambda error: emit_safely(self._warmedUp,
                                                                          error))
        self._warmup.start()
        self._timer.start()  # the first frame now, from the NumPy path

    def _on_warmed_up(self, error: str | None) -> None:
        if error is not None:
            self.warmup_error = error
            self.warmupFailed.emit(error)
            return
        self.ready = True
        self.coreReady.emit()
        self.recompute()

    def apply(self, doc: Document, label: str, *, checked: bool = False) -> bool:
        """A user edit: check it, record it, show it, recompute on the next pass.

        An edit outside the limits (model/limits.py) is refused with a message and
        changes nothing; False then. This is the one gate into the history.
        ``checked``: ``acceptable(doc)`` was just called (a large image is
        not scanned twice).
        """
        if doc == self.history.current:
            if self._override[0] is not None and doc != self.doc:
                # A preset equal to the kernel before a run: no change to record,
                # but the run must stop drawing its own over it.
                self.recordedChosen.emit()
            return True
        if not (checked or self.acceptable(doc, label)):
            return False
        self.history.push(doc, label)
        self._changed()
        return True

    def acceptable(self, doc: Document, label: str) -> bool:
        """``doc`` is within the limits; if not, say why (as ``apply`` does) and
        show the unchanged values again."""
        try:
            check_document(doc, known_image=self.history.current.image)
        except LimitError as exc:
            self.refuse(label, str(exc))
            self.documentChanged.emit(self.doc)  # widgets show the unchanged values again
            return False
        return True

    def refuse(self, label: str, error: str) -> None:
        """Say that an edit (``label``) was not applied, and why (a limits message)."""
        self.refused.emit(self.tr("Not applied ({label}): {error}. Nothing was changed.")
                          .format(label=translate_label(label), error=translate_message(error)))

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
        if self._heavy(self.doc):
            # The thread starts now, while the window repaints for the new
            # document; started from the next pass (the timer), it waited
            # behind that repaint, ~6 ms of a 1024² RGB kernel edit's ~18.
            self._timer.stop()
            self.recompute()
        else:  # light frames: one computation for every edit of this pass
            self._generation += 1  # and a heavy frame still computing is stale now
            self._timer.start()
        self.documentChanged.emit(self.doc)

    def _heavy(self, doc: Document) -> bool:
        """Whether ``doc``'s frame is computed on the thread."""
        return safe_work(doc) >= (ASYNC_WORK if self.ready else FALLBACK_ASYNC_WORK)

    @property
    def computing(self) -> bool:
        """A heavy frame for the current document has not arrived yet."""
        return self._awaiting

    def recompute(self) -> None:
        """Small frames now; heavy ones on the compute thread, newest wins."""
        self._generation += 1
        doc = self.doc
        if not self._heavy(doc):
            if self._awaiting:  # the heavy frame still computing is stale now
                self._awaiting = False
                self.busyChanged.emit(False)
            self._publish(doc, safe_compute(doc))
            return
        self._awaiting = True
        self.busyChanged.emit(True)
        self._worker.submit(self._generation, doc)

    def _on_computed(self, generation: int, doc: Document, frame: Frame) -> None:
        if generation == self._generation:  # a newer edit makes this one stale
            self._awaiting = False
            self.busyChanged.emit(False)
            self._publish(doc, frame)

    def _publish(self, doc: Document, frame: Frame) -> None:
        self.frame, self.frame_doc = frame, doc
        if frame.ok:
            self.last_good = frame
        self.frameComputed.emit(doc, frame)

    def shutdown(self) -> None:
        if self._warmup is not None:
            self._warmup.stop()
        self._worker.stop()
