"""The optional pooling stage after the convolution."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QLabel

from convlab.model.document import Document, Pooling
from convlab.model.history import UndoLabel
from convlab.model.limits import MAX_POOL_PAD, MAX_POOL_STRIDE, MAX_POOL_WINDOW
from convlab.qt.widgets import axis_spins, blocked


class PoolPanel(QGroupBox):
    edited = Signal(object, str)

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Pooling"), parent)
        self._doc: Document | None = None
        self.enabled = QCheckBox(self.tr("Pool the output"), objectName="poolEnabled")
        self.enabled.setToolTip(self.tr("Max or average pooling after the convolution"))
        self.mode = QComboBox(objectName="poolMode")
        # shown translated; the English mode ("max"/"avg") is the item's data
        self.mode.addItem(self.tr("max"), "max")
        self.mode.addItem(self.tr("avg"), "avg")
        self.window = axis_spins("poolWindow", (self.tr("pooling window height"),
                                                self.tr("pooling window width")),
                                 1, MAX_POOL_WINDOW, 2, "the pooling window", UndoLabel.POOLING)
        self.same_stride = QCheckBox(self.tr("stride = window"), objectName="poolStrideIsWindow")
        self.same_stride.setToolTip(self.tr("As in the chapter, the stride defaults to the window"))
        self.stride = axis_spins("poolStride", (self.tr("pooling stride down"),
                                                self.tr("pooling stride across")),
                                 1, MAX_POOL_STRIDE, 2, "the pooling stride", UndoLabel.POOLING)
        self.pad = axis_spins("poolPad", (self.tr("pooling padding rows (each side)"),
                                          self.tr("pooling padding columns (each side)")),
                              0, MAX_POOL_PAD, 0, "the pooling padding", UndoLabel.POOLING)
        grid = QGridLayout(self)
        grid.addWidget(self.enabled, 0, 0, 1, 2)
        grid.addWidget(self.mode, 0, 2)
        for row, (text, boxes) in enumerate(((self.tr("window"), self.window),
                                             (self.tr("stride"), self.stride),
                                             (self.tr("padding"), self.pad)), start=1):
            grid.addWidget(QLabel(text), row, 0)
            grid.addWidget(boxes[0], row, 1)
            grid.addWidget(boxes[1], row, 2)
        grid.addWidget(self.same_stride, 4, 0, 1, 3)
        for w in (self.enabled, self.same_stride):
            w.toggled.connect(self._emit)
        self.mode.currentIndexChanged.connect(self._emit)
        for box in (*self.window, *self.stride, *self.pad):
            box.valueChanged.connect(self._emit)

    def _widgets(self):
        return (self.enabled, self.mode, self.same_stride, *self.window, *self.stride, *self.pad)

    def set_document(self, doc: Document) -> None:
        self._doc = doc
        p = doc.pooling
        with blocked(*self._widgets()):
            self.enabled.setChecked(p.enabled)
            self.mode.setCurrentIndex(self.mode.findData(p.mode))
            self.same_stride.setChecked(p.stride is None)
            for box, v in zip(self.window, p.window):
                box.setValue(v)
            for box, v in zip(self.stride, p.stride or p.window):
                box.setValue(v)
            for box, v in zip(self.pad, (p.pad[0], p.pad[2])):
                box.setValue(v)
        for w in (*self.window, *self.stride, *self.pad, self.mode, self.same_stride):
            w.setEnabled(p.enabled)
        for box in self.stride:
            box.setEnabled(p.enabled and p.stride is not None)

    def _emit(self, *_) -> None:
        if self._doc is None:
            return
        ph, pw = (b.value() for b in self.pad)
        stride = None if self.same_stride.isChecked() else tuple(b.value() for b in self.stride)
        pool = Pooling(self.enabled.isChecked(), self.mode.currentData(),
                       tuple(b.value() for b in self.window), stride, (ph, ph, pw, pw))
        self.edited.emit(replace(self._doc, pooling=pool), UndoLabel.POOLING)
