"""Panels that explain: location sensitivity, 1×1 convolution, the chapter's lessons."""

from __future__ import annotations

import html
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QPushButton, QSlider,
                               QTextBrowser, QVBoxLayout, QWidget)

from convlab.qt.widgets import guarded
from convlab.model.explainers import (ShiftEffect, one_by_one_gap, shift_effect,
                                      shifted_views)
from convlab.model.document import Document
from convlab.model.history import UndoLabel
from convlab.model.lessons import Lesson
from convlab.model.parse import format_number
from convlab.qt.array_view import ArrayView
from convlab.qt.matrix_grid import MatrixGrid

translate = QCoreApplication.translate  # lupdate knows this name


class _ShiftSlider(QSlider):
    """A horizontal slider of pixels; for dy (``down`` True) the Down arrow
    adds, as the shift it names goes down. (Qt's Down key subtracts: two
    presses gave dy = −2, a shift up.)"""

    def __init__(self, name: str, tip: str, down: bool = False) -> None:
        super().__init__(Qt.Orientation.Horizontal, objectName=name)
        self.setRange(-8, 8)
        self.setToolTip(tip)
        self._down = down

    @guarded
    def keyPressEvent(self, event) -> None:
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key()) if self._down else None
        if steps is None:
            super().keyPressEvent(event)
        else:
            self.setValue(self.value() + steps)


class ShiftPanel(QWidget):
    """Shift the input a few pixels: how much do the output and the pooled output change?

    The numbers come from the centre of the input (at most 160 pixels a side),
    two small convolutions per refresh, debounced: cheap enough for the GUI
    thread whatever the input's size.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._doc: Document | None = None
        self.dx = _ShiftSlider("shiftX", self.tr("shift the input right (arrow keys when "
                                                 "focused)"))
        self.dy = _ShiftSlider("shiftY", self.tr("shift the input down (the Down arrow when "
                                                 "focused)"), down=True)
        self.dx_label, self.dy_label = QLabel(objectName="shiftXLabel"), QLabel(
            objectName="shiftYLabel")
        self.label = QLabel(objectName="shiftSummary", wordWrap=True)
        self.conv_view = ArrayView(self.tr("|Δ output|"))
        self.pool_view = ArrayView(self.tr("|Δ pooled|"))
        intro = QLabel(self.tr("Pooling makes a network less sensitive to where a feature is. "
                               "Shift the scene by a pixel or two and compare how much the "
                               "output changes with the change after pooling (relative to the "
                               "size of each)."), wordWrap=True)
        grid = QGridLayout(self)
        grid.addWidget(intro, 0, 0, 1, 2)
        for row, (label, slider) in enumerate(((self.dx_label, self.dx),
                                               (self.dy_label, self.dy)), start=1):
            line = QHBoxLayout()  # across both views' columns: a long slider
            line.addWidget(label)
            line.addWidget(slider, 1)
            grid.addLayout(line, row, 0, 1, 2)
        for label in (self.dx_label, self.dy_label):  # steady, so the sliders never move
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance("dy −8") + 6)
        self._show_values()
        grid.addWidget(self.label, 3, 0, 1, 2)
        grid.addWidget(self.conv_view, 4, 0)
        grid.addWidget(self.pool_view, 4, 1)
        grid.setRowStretch(4, 1)
        self._refresh_later = QTimer(self, singleShot=True, interval=120)
        self._refresh_later.timeout.connect(self.refresh)
        for s in (self.dx, self.dy):
            s.valueChanged.connect(self._show_values)
            s.valueChanged.connect(self.refresh)  # small data: at once

    def _show_values(self, *_) -> None:
        """Each slider's pixels beside it: "dx +1", "dy −2"."""
        for label, name, s in ((self.dx_label, "dx", self.dx), (self.dy_label, "dy", self.dy)):
            v = s.value()
            label.setText(f"{name} {v:+d}".replace("-", "−") if v else f"{name} 0")

    def update_document(self, doc: Document) -> None:
        self._doc = doc
        if self.isVisible():
            self._refresh_later.start()  # after the main views, and once per burst

    @guarded
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh_later.start()

    def refresh(self, *_) -> None:
        if self._doc is None or not self.isVisible():
            return
        e = shift_effect(self._doc, self.dy.value(), self.dx.value())
        if e is None:
            self._no_comparison()
            return
        self.label.setText(summary(e, self._doc.pooling.enabled))
        self.conv_view.set_array(e.conv_diff)
        self.pool_view.set_array(e.pool_diff)
        for v in (self.conv_view, self.pool_view):
            v.vb.autoRange(padding=0.02)

    def _no_comparison(self) -> None:
        """Say why nothing is compared, and show no maps (they were the last
        comparison's, from other settings)."""
        for view in (self.conv_view, self.pool_view):
            view.set_array(None)
        if shift_effect(self._doc, 0, 0) is None:  # the settings, not the shift
            self.label.setText(self.tr("These settings give no output to compare."))
            return
        a = shifted_views(np.asarray(self._doc.image), self.dy.value(), self.dx.value())[0]
        self.label.setText(self.tr(
            "Nothing to compare: the part of the input that both positions see is "
            "{h}×{w}, too small for the kernel and the pooling window. Try a smaller "
            "shift or a larger input.").format(h=a.shape[1], w=a.shape[2]))


def summary(e: ShiftEffect, pooling_on: bool) -> str:
    """The panel's sentence for one shift, in the window's language (context ShiftPanel)."""
    dy, dx = e.shift
    if (dy, dx) == (0, 0):
        return translate("ShiftPanel", "Move a slider to shift the input.")
    p = e.pooling
    h, w = p.window
    what = (translate("ShiftPanel", "{h}×{w} max pooling") if p.mode == "max" else
            translate("ShiftPanel", "{h}×{w} avg pooling")).format(h=h, w=w)
    if not pooling_on:
        what = translate("ShiftPanel", "{what} (pooling is off; this is what 2×2 max would do)"
                         ).format(what=what)
    # y before x, as every other pair in the window (it read "Shift (1, 0)" for x = 1)
    text = translate("ShiftPanel", "Shift (y {dy}, x {dx}): the output changed by {conv} of "
                     "its typical size; after {what}, by {pool}.").format(
        dx=dx, dy=dy, conv=f"{e.conv_change:.0%}", what=what, pool=f"{e.pool_change:.0%}")
    if e.conv_change == 0:
        return translate("ShiftPanel", "{sentence} Nothing changed: the kernel sees no "
                         "difference here.").format(sentence=text)
    if e.reduction < 0.95:
        return translate("ShiftPanel", "{sentence} Pooling removed {share} of the change: the "
                         "pooled output cares less about exactly where a feature is.").format(
            sentence=text, share=f"{1 - e.reduction:.0%}")
    return translate("ShiftPanel", "{sentence} Here pooling did not reduce the change "
                     "(a shift by a whole pooling stride moves the pooled output too); "
                     "try a one-pixel shift.").format(sentence=text)


class OneByOnePanel(QWidget):
    """The 1×1 kernel as a C_out × C_in matrix, and the proof that it is a matmul."""

    edited = Signal(object, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._doc: Document | None = None
        self.intro = QLabel(self.tr("A 1×1 kernel looks at no neighbours. At every pixel it "
                                    "multiplies the vector of input channels by a C_out × C_in "
                                    "matrix: a fully connected layer applied pixel by pixel."),
                            wordWrap=True)
        self.matrix = MatrixGrid(cell=52, visible=6)  # as narrow as the Learn panel
        self.matrix.setObjectName("oneByOneMatrix")
        self.matrix.setToolTip(self.tr("Rows: output channels; columns: input channels. "
                                       "Editable."))
        self.readout = QLabel(objectName="oneByOneGap", wordWrap=True)
        self.make = QPushButton(self.tr("Make the kernel 1×1"), objectName="oneByOneMake")
        self.make.setToolTip(self.tr("A 1×1 kernel and no padding: it needs none, so the "
                                     "output keeps the input's height and width (padding "
                                     "would only add a frame of bias values)."))
        box = QVBoxLayout(self)
        for w in (self.intro, self.matrix, self.readout, self.make):
            box.addWidget(w)
        box.addStretch(1)
        self.make.clicked.connect(self._make_1x1)
        self.matrix.model().matrixEdited.connect(self._on_matrix)

    def set_document(self, doc: Document) -> None:
        """The document the panel's edits start from: the current one, not the
        last frame's (an edit made before its frame arrived was undone by
        "Make the kernel 1×1" or a matrix edit)."""
        self._doc = doc

    def update_frame(self, doc: Document, frame) -> None:
        gap = one_by_one_gap(doc, frame)
        is_1x1 = doc.kernel_hw == (1, 1)
        self.matrix.setVisible(is_1x1)
        self.make.setVisible(not is_1x1)
        if is_1x1:
            self.matrix.model().set_matrix(doc.weight[:, :, 0, 0])
        if gap is None:
            self.readout.setText(self.tr("The kernel is not 1×1.") if not is_1x1
                                 else self.tr("No output."))
        else:
            self.readout.setText(self.tr("max |conv − matmul| = {gap} over every pixel and "
                                         "output channel: the two are the same computation.")
                                 .format(gap=f"{gap:.3g}"))

    def _make_1x1(self) -> None:
        """Keep each slice's top-left weight; where they are all 0 (the chapter's
        2×2 [[0, 1], [2, 3]]), start from the identity instead: a blank output
        and "max |conv − matmul| = 0" would show nothing."""
        doc = self._doc.with_kernel_size(1, 1)
        if not doc.weight.any():
            w = doc.weight.copy()
            n = min(w.shape[:2])
            w[np.arange(n), np.arange(n), 0, 0] = 1.0
            doc = replace(doc, weight=w)
        geometry = replace(doc.geometry, pad=(0, 0, 0, 0))
        self.edited.emit(replace(doc, geometry=geometry), UndoLabel.MAKE_1X1)

    def _on_matrix(self, m: np.ndarray) -> None:
        w = self._doc.weight.copy()
        w[:, :, 0, 0] = m
        self.edited.emit(replace(self._doc, weight=w), UndoLabel.EDIT_1X1)


class LessonPanel(QTextBrowser):
    """The current lesson's explanation, expected result, and whether the app agrees."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonText")
        self.lesson: Lesson | None = None
        self.start_weight = None  # the kernel the lesson put in the grid
        self.learned = False  # a learning run's step is, or was, on screen
        self.set_lesson(None)

    def hint(self) -> str:
        return self.tr("Choose a lesson from the Lessons menu: each sets up one example of "
                       "the chapter and checks the app against it.")

    def set_lesson(self, lesson: Lesson | None, start_weight=None, learned: bool = False) -> None:
        """The lesson to explain, and the kernel it put in the grid (a learning
        lesson has learned nothing while no run has shown a step and the grid
        holds that kernel); None: how to choose one. (As a placeholder the hint
        was drawn on one line and cut at the panel's edge.)"""
        self.lesson, self.start_weight, self.learned = lesson, start_weight, learned
        if lesson is None:
            self.setHtml(f"<p><i>{html.escape(self.hint())}</i></p>")

    def set_learned(self, learned: bool) -> None:
        """A learning run has shown a step (True), or is gone (False): with a
        run on screen a learning lesson judges its result, even one that ends
        exactly on the kernel to learn (its commit then records nothing)."""
        self.learned = learned

    def update_frame(self, doc: Document, frame) -> None:
        if self.lesson is None:
            return
        untouched = not self.learned and self.start_weight is not None and np.array_equal(
            doc.weight, self.start_weight)  # (a run that ends exactly on it records nothing)
        mine = self.lesson.doc  # another input: opened or chosen, not one with a cell edited
        other = doc.image_name != mine.image_name or doc.image.shape != mine.image.shape
        ok, verdict = self.lesson.check(frame, untouched=untouched, other_input=other)
        colour = {True: "#2e7d32", False: "#c62828"}.get(ok, "#1565c0")  # None: not yet
        title, text = (html.escape(translate("Lessons", t))
                       for t in (self.lesson.title, self.lesson.text))
        result = html.escape(self.tr("The chapter's result:"))
        verdict = html.escape(translate("Lessons", verdict))
        self.setHtml(
            f"<h3>{title}</h3><p>{text}</p>"
            f"<p><code>{html.escape(self.lesson.code)}</code></p>"
            f"<p><b>{result}</b><br>{_expected_html(self.lesson)}</p>"
            f"<p style='color:{colour}'><b>{verdict}</b></p>")


def _expected_html(lesson: Lesson) -> str:
    if lesson.expected is None:
        h, w = lesson.expected_shape
        return html.escape(translate("LessonPanel", "an output of {h}×{w}").format(h=h, w=w))
    parts = []
    for ch in lesson.expected:
        rows = "<br>".join("[" + ", ".join(format_number(v) for v in row) + "]" for row in ch)
        parts.append(f"<code>{rows}</code>")
    return "<br><br>".join(parts)
