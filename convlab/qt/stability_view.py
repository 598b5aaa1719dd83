"""The stability readout and the learning-rate marker, ready for the Learn panel."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QVBoxLayout, QWidget

from convlab.model.stability import (Stability, kappa_sentence, notes, rate_limit,
                                      rate_warning)
from convlab.qt.colors import warning_red
from convlab.qt.messages import translator
from convlab.qt.widgets import guarded, unbroken_formulas

WARN_STYLE = "QDoubleSpinBox { background:#5c1d1d; color:#ffe0e0; }"
WARN_LABEL_STYLE = "color:{red}; font-weight:bold;"


class StabilityView(QWidget):
    """Stable rate, κ and the notes; ``set_stability(None)`` clears them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rate_label = QLabel(objectName="stableRate", wordWrap=True)
        self.condition_label = QLabel(objectName="conditionNumber", wordWrap=True)
        # The window's own text colour: a light grey (#b8b8b8) read at 1.7:1.
        self.notes = QLabel(objectName="stabilityNotes", wordWrap=True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        for w in (self.rate_label, self.condition_label, self.notes):
            box.addWidget(w)
        self.set_stability(None)

    def set_computing(self) -> None:
        """While a large input's XᵀX is being accumulated on a thread."""
        self.rate_label.setText(self.tr("Largest stable SGD rate: computing…"))
        self.condition_label.setText(self.tr("Condition number κ: computing…"))
        self._relayout()
        self.notes.setText("")

    def set_unavailable(self, reason: str) -> None:
        self.set_stability(None)
        self.notes.setText(reason)
        self._relayout()

    def set_stability(self, s: Stability | None) -> None:
        if s is None:
            self.rate_label.setText(self.tr("Largest stable SGD rate: —"))
            self.condition_label.setText(self.tr("Condition number κ: —"))
            self.notes.setText("")
            self._relayout()
            return
        self.rate_label.setText(unbroken_formulas(
            self.tr("Largest stable SGD rate 2/λ_max = {rate} (λ_max = {high}, λ_min = {low})")
            .format(rate=f"{s.stable_rate:.4g}", high=f"{s.lambda_max:.4g}",
                    low=f"{s.lambda_min:.4g}")))
        tr = translator("Stability")
        self._relayout()
        # κ alone: how much SGD shrinks the error a step is in the notes, with
        # its formula (it was said twice, once here without one).
        self.condition_label.setText(unbroken_formulas(kappa_sentence(s, tr)))
        self.notes.setText(unbroken_formulas(notes(s, tr)))
        self._relayout()

    def _relayout(self) -> None:
        """A wrapped label's height changes with its text: ask the layout again, or
        the new lines are drawn over their neighbours."""
        for label in (self.rate_label, self.condition_label, self.notes):
            width = label.width() if label.width() > 50 else 300
            label.setMinimumHeight(max(0, label.heightForWidth(width)))

    @guarded
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._relayout()


class RateMarker:
    """Marks a learning-rate spin box above the stable limit, before Play.

    Follows the box's value and the optimizer combo box by itself; the owner
    calls ``set_stability`` whenever the problem (input, kernel size, geometry,
    loss, bias) changes. ``label`` (optional) shows the warning's text.
    """

    def __init__(self, rate: QDoubleSpinBox, optimizer: QComboBox | None = None,
                 label: QLabel | None = None, momentum: float = 0.9) -> None:
        self.rate, self.optimizer, self.label = rate, optimizer, label
        self.momentum = momentum
        self.stability: Stability | None = None
        self.tooltip = rate.toolTip()
        self.warning = ""
        rate.valueChanged.connect(self.refresh)
        if optimizer is not None:
            optimizer.currentIndexChanged.connect(self.refresh)
        if label is not None:
            label.setObjectName(label.objectName() or "rateWarning")
            red = warning_red(label.palette().color(QPalette.ColorRole.Window))
            label.setStyleSheet(WARN_LABEL_STYLE.format(red=red))
        self.refresh()

    def set_stability(self, s: Stability | None) -> None:
        self.stability = s
        self.refresh()

    def limit(self) -> float:
        if self.stability is None:
            return math.inf
        return rate_limit(self.stability, self._kind(), self.momentum)

    def _kind(self) -> str:
        """The optimizer's English key: the item's data when the combo box shows
        translated names, else its text."""
        if self.optimizer is None:
            return "sgd"
        data = self.optimizer.currentData()
        return data if isinstance(data, str) else self.optimizer.currentText()

    def refresh(self, *_) -> None:
        s = self.stability
        self.warning = "" if s is None else rate_warning(self.rate.value(), s, self._kind(),
                                                         self.momentum, translator("Stability"))
        self.rate.setStyleSheet(WARN_STYLE if self.warning else "")
        self.rate.setToolTip(f"{self.tooltip}\n{self.warning}" if self.warning
                             else self.tooltip)
        if self.label is not None:
            self.label.setText(self.warning)
            self.label.setVisible(bool(self.warning))


def add_axes(plot: pg.PlotWidget, axes, old=()) -> list:
    """Draw ``stability.landscape_axes(...)`` on the landscape plot: the steep axis
    (large λ) red, the shallow one cyan, dashed; removes the ``old`` items first."""
    for item in old:
        plot.removeItem(item)
    items = []
    for (lam, (p, q)), colour in zip(axes, ((255, 90, 90), (90, 220, 255))):
        item = plot.plot([p[0], q[0]], [p[1], q[1]], name=f"λ = {lam:.4g}",
                         pen=pg.mkPen(*colour, width=2, style=pg.QtCore.Qt.PenStyle.DashLine))
        items.append(item)
    return items
