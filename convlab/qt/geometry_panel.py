"""Padding, stride and dilation controls."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QPushButton, QVBoxLayout)

from convlab.core import PADDING_MODES, resolve_padding
from convlab.model.document import Document, Geometry
from convlab.model.history import UndoLabel, padding_preset
from convlab.model import limits
from convlab.model.limits import MAX_DILATION, MAX_PAD, MAX_STRIDE
from convlab.qt.widgets import axis_spins, blocked, spin

SIDES = ("padTop", "padBottom", "padLeft", "padRight")
# Each padding mode's tooltip; the mode's English name stays the combo item's data.
MODE_TIPS = {"zeros": QT_TRANSLATE_NOOP("GeometryPanel", "pad with 0"),
             "reflect": QT_TRANSLATE_NOOP("GeometryPanel", "mirror without repeating the edge"),
             "replicate": QT_TRANSLATE_NOOP("GeometryPanel", "repeat the edge value"),
             "circular": QT_TRANSLATE_NOOP("GeometryPanel", "wrap around")}
MODE_NAMES = {"zeros": QT_TRANSLATE_NOOP("GeometryPanel", "zeros"),
              "reflect": QT_TRANSLATE_NOOP("GeometryPanel", "reflect"),
              "replicate": QT_TRANSLATE_NOOP("GeometryPanel", "replicate"),
              "circular": QT_TRANSLATE_NOOP("GeometryPanel", "circular")}


class GeometryPanel(QGroupBox):
    edited = Signal(object, str)  # (new Document, what changed)

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Padding, stride, dilation"), parent)
        self._doc: Document | None = None
        side_tips = (self.tr("rows/columns of padding on the top"),
                     self.tr("rows/columns of padding on the bottom"),
                     self.tr("rows/columns of padding on the left"),
                     self.tr("rows/columns of padding on the right"))
        self.pads = [spin(n, 0, MAX_PAD, tip, what=limits.part("the padding", side),
                          label=UndoLabel.PADDING)
                     for n, tip, side in zip(SIDES, side_tips, limits.SIDES)]
        self.link = QCheckBox(self.tr("Same on all sides"))
        self.link.setToolTip(self.tr("Changing one side changes all four"))
        self.mode = QComboBox(objectName="paddingMode")
        for m in PADDING_MODES:  # shown translated; the English name is the item's data
            self.mode.addItem(self.tr(MODE_NAMES.get(m, m)), m)
            self.mode.setItemData(self.mode.count() - 1, self.tr(MODE_TIPS.get(m, "")),
                                  Qt.ItemDataRole.ToolTipRole)
        self.mode.setToolTip(self.tr("What the padded cells hold"))
        self.stride = axis_spins("stride", (self.tr("how far the window moves down"),
                                            self.tr("how far the window moves right")),
                                 1, MAX_STRIDE, 1, "the stride", UndoLabel.STRIDE_DILATION)
        self.dilation = axis_spins("dilation", (self.tr("spacing between kernel taps down"),
                                                self.tr("spacing between kernel taps across")),
                                   1, MAX_DILATION, 1, "the dilation", UndoLabel.STRIDE_DILATION)
        self._build()
        self._connect()

    def _build(self) -> None:
        grid = QGridLayout()
        for col, text in enumerate((self.tr("top"), self.tr("bottom"), self.tr("left"),
                                    self.tr("right"))):
            grid.addWidget(QLabel(text), 0, col)
            grid.addWidget(self.pads[col], 1, col)
        presets = QHBoxLayout()
        self.preset_buttons: list[QPushButton] = []
        for name, text, tip in (
                ("valid", self.tr("Valid"), self.tr("no padding: the output shrinks")),
                ("same", self.tr("Same"), self.tr("Keras 'same': output = ⌈input / stride⌉")),
                ("full", self.tr("Full"), self.tr("every overlap of kernel and input"))):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(lambda _=False, n=name: self._on_preset(n))
            presets.addWidget(b)
            self.preset_buttons.append(b)
        steps = QGridLayout()
        steps.addWidget(QLabel(self.tr("stride (y, x)")), 0, 0)
        steps.addWidget(QLabel(self.tr("dilation (y, x)")), 1, 0)
        for col in range(2):
            steps.addWidget(self.stride[col], 0, col + 1)
            steps.addWidget(self.dilation[col], 1, col + 1)
        mode_row = QHBoxLayout()
        mode_row.addWidget(QLabel(self.tr("mode")))
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
        self.mode.currentIndexChanged.connect(lambda _: self._emit(UndoLabel.PADDING_MODE))
        for box in (*self.stride, *self.dilation):
            box.valueChanged.connect(lambda _: self._emit(UndoLabel.STRIDE_DILATION))

    def set_document(self, doc: Document) -> None:
        self._doc = doc
        g = doc.geometry
        with blocked(*self.pads, self.mode, *self.stride, *self.dilation):
            for box, v in zip(self.pads, g.pad):
                box.setValue(v)
            self.mode.setCurrentIndex(self.mode.findData(g.mode))
            for box, v in zip(self.stride, g.stride):
                box.setValue(v)
            for box, v in zip(self.dilation, g.dilation):
                box.setValue(v)

    def geometry_from_widgets(self) -> Geometry:
        g = self._doc.geometry if self._doc else Geometry()
        return replace(g, pad=tuple(b.value() for b in self.pads), mode=self.mode.currentData(),
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
