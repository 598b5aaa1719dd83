"""Padding, stride and dilation controls."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QPushButton, QVBoxLayout)

from convlab.core import PADDING_MODES, resolve_padding
from convlab.model.document import Document, Geometry
from convlab.model.history import UndoLabel, padding_preset
from convlab.model.limits import MAX_DILATION, MAX_PAD, MAX_STRIDE
from convlab.qt.widgets import blocked, spin

SIDES = ("padTop", "padBottom", "padLeft", "padRight")
MODE_TIPS = {"zeros": "pad with 0", "reflect": "mirror without repeating the edge",
             "replicate": "repeat the edge value", "circular": "wrap around"}


class GeometryPanel(QGroupBox):
    edited = Signal(object, str)  # (new Document, what changed)

    def __init__(self, parent=None) -> None:
        super().__init__("Padding, stride, dilation", parent)
        self._doc: Document | None = None
        self.pads = [spin(n, 0, MAX_PAD, f"rows/columns of padding on the {n[3:].lower()}")
                     for n in SIDES]
        self.link = QCheckBox("Same on all sides")
        self.link.setToolTip("Changing one side changes all four")
        self.mode = QComboBox(objectName="paddingMode")
        for m in PADDING_MODES:
            self.mode.addItem(m)
            self.mode.setItemData(self.mode.count() - 1, MODE_TIPS[m], 3)
        self.mode.setToolTip("What the padded cells hold")
        self.stride = [spin(n, 1, MAX_STRIDE, f"how far the window moves {d}", 1)
                       for n, d in (("strideY", "down"), ("strideX", "right"))]
        self.dilation = [spin(n, 1, MAX_DILATION, f"spacing between kernel taps {d}", 1)
                         for n, d in (("dilationY", "down"), ("dilationX", "across"))]
        self._build()
        self._connect()

    def _build(self) -> None:
        grid = QGridLayout()
        for col, text in enumerate(("top", "bottom", "left", "right")):
            grid.addWidget(QLabel(text), 0, col)
            grid.addWidget(self.pads[col], 1, col)
        presets = QHBoxLayout()
        self.preset_buttons: list[QPushButton] = []
        for name, tip in (("valid", "no padding: the output shrinks"),
                          ("same", "Keras 'same': output = ⌈input / stride⌉"),
                          ("full", "every overlap of kernel and input")):
            b = QPushButton(name.capitalize())
            b.setToolTip(tip)
            b.clicked.connect(lambda _=False, n=name: self._on_preset(n))
            presets.addWidget(b)
            self.preset_buttons.append(b)
        steps = QGridLayout()
        steps.addWidget(QLabel("stride (y, x)"), 0, 0)
        steps.addWidget(QLabel("dilation (y, x)"), 1, 0)
        for col in range(2):
            steps.addWidget(self.stride[col], 0, col + 1)
            steps.addWidget(self.dilation[col], 1, col + 1)
        mode_row = QHBoxLayout()
        mode_row.addWidget(QLabel("mode"))
        mode_row.addWidget(self.mode, 1)
        mode_row.addWidget(self.link)
        box = QVBoxLayout(self)
        for part in (grid, mode_row, presets, steps):
            box.addLayout(part)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab moves in reading order: the paddings, the mode row, the presets, then
        stride y, stride x, dilation y, dilation x (the grid's columns would
        otherwise interleave them)."""
        chain = (*self.pads, self.mode, self.link, *self.preset_buttons, *self.stride,
                 *self.dilation)
        for first, second in zip(chain, chain[1:]):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        for i, box in enumerate(self.pads):
            box.valueChanged.connect(lambda v, i=i: self._on_pad(i, v))
        self.mode.currentTextChanged.connect(lambda _: self._emit(UndoLabel.PADDING_MODE))
        for box in (*self.stride, *self.dilation):
            box.valueChanged.connect(lambda _: self._emit(UndoLabel.STRIDE_DILATION))

    def set_document(self, doc: Document) -> None:
        self._doc = doc
        g = doc.geometry
        with blocked(*self.pads, self.mode, *self.stride, *self.dilation):
            for box, v in zip(self.pads, g.pad):
                box.setValue(v)
            self.mode.setCurrentText(g.mode)
            for box, v in zip(self.stride, g.stride):
                box.setValue(v)
            for box, v in zip(self.dilation, g.dilation):
                box.setValue(v)

    def geometry_from_widgets(self) -> Geometry:
        g = self._doc.geometry if self._doc else Geometry()
        return replace(g, pad=tuple(b.value() for b in self.pads), mode=self.mode.currentText(),
                       stride=tuple(b.value() for b in self.stride),
                       dilation=tuple(b.value() for b in self.dilation))

    def _on_pad(self, i: int, v: int) -> None:
        if self.link.isChecked():
            with blocked(*self.pads):
                for box in self.pads:
                    box.setValue(v)
        self._emit(UndoLabel.PADDING)

    def _emit(self, what: str) -> None:
        if self._doc is not None:
            self.edited.emit(replace(self._doc, geometry=self.geometry_from_widgets()), what)

    def _on_preset(self, name: str) -> None:
        if self._doc is None:
            return
        g = self._doc.geometry
        pad = resolve_padding(name, self._doc.image.shape[1:], self._doc.kernel_hw, g.stride,
                              g.dilation)
        self.edited.emit(replace(self._doc, geometry=replace(g, pad=tuple(pad))),
                         padding_preset(name))
