"""The Learn panel's live stability readout and learning-rate marker.

Recomputed only when the input, kernel shape, geometry, loss or bias change
(``stability.key``); a large input's XᵀX is accumulated on a thread, one at a
time, and only the newest request's result is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from convlab.model import stability
from convlab.model.document import Document
from convlab.model.learn_problem import for_learning
from convlab.qt.learn_panel import LearnPanel
from convlab.qt.messages import translate_message
from convlab.qt.stability_view import RateMarker, StabilityView
from convlab.qt.worker import run_in_thread

SYNC_COST = 2e7  # multiply-adds done on the GUI thread (a few milliseconds)


class StabilityReadout(QObject):
    def __init__(self, panel: LearnPanel, parent=None) -> None:
        super().__init__(parent)
        self.view = StabilityView()
        self.view.setObjectName("stabilityReadout")
        panel.add_readout(self.view)
        self.marker = RateMarker(panel.rate, panel.optimizer, panel.rate_warning)
        self.value: stability.Stability | None = None
        self._key: tuple | None = None
        self._image = None
        self._generation = 0
        self._busy = False
        self._pending: tuple | None = None  # (generation, document) not yet started

    @property
    def computing(self) -> bool:
        return self._busy or self._pending is not None

    def update(self, doc: Document) -> None:
        """Show the readout for ``doc``'s problem (no work if it is unchanged): at
        the kernel size a run learns, a preset true kernel's (before Play the
        readout described the grid's size, and a 5×5 problem's rate limit of
        0.0587 read 0.162, without a warning)."""
        doc = for_learning(doc)
        s = doc.learn
        k = stability.key(doc, s.loss, s.learn_bias)
        if k == self._key and doc.image is self._image:
            return
        self._key, self._image = k, doc.image
        self._generation += 1
        if stability.cost(doc) <= SYNC_COST:
            try:
                self._show(self._generation, self._compute(doc))
            except ValueError as exc:
                self._fail(self._generation, str(exc))
            return
        self.view.set_computing()
        self.marker.set_stability(None)
        self._pending = (self._generation, doc)
        self._start()

    @staticmethod
    def _compute(doc: Document) -> stability.Stability:
        return stability.of_document(doc, doc.learn.loss, doc.learn.learn_bias)

    def _start(self) -> None:
        if self._busy or self._pending is None:
            return
        gen, doc = self._pending
        self._pending, self._busy = None, True
        run_in_thread(self._compute, doc, owner=self, name="convlab-stability",
                      done=lambda st: self._done(gen, st),
                      failed=lambda text: self._done(gen, None, text))

    def _done(self, gen: int, st, error: str = "") -> None:
        self._busy = False
        if st is not None:
            self._show(gen, st)
        else:
            self._fail(gen, error)
        self._start()  # a newer request waiting

    def _show(self, gen: int, st: stability.Stability) -> None:
        if gen != self._generation:
            return  # a newer request is on its way
        self.value = st
        self.view.set_stability(st)
        self.marker.set_stability(st)

    def _fail(self, gen: int, reason: str) -> None:
        if gen != self._generation:
            return
        self.value = None
        self.view.set_unavailable(self.tr("No stability readout: {reason}.").format(
            reason=translate_message(reason)))
        self.marker.set_stability(None)
