"""The kernel: its grid, size, presets, channels, bias and the flip toggle."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from convlab.model.document import MAX_KERNEL, MAX_OUT_CHANNELS, Document, channel_adaptation
from convlab.model.presets import (ALL_INPUTS, APPLY_TO, PRESETS, normalized_slices, preset_slices,
                                   randomized_slices, transposed_slices, with_slices)
from convlab.qt.colors import diverging
from convlab.qt.matrix_grid import MatrixGrid
from convlab.qt.widgets import blocked, dspin, spin, guarded


class SliceOverview(QWidget):
    """Every (output, input) kernel slice as a small heatmap; click to select."""

    sliceClicked = Signal(int, int)
    TILE, GAP = 26, 4

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sliceOverview")
        self.setToolTip("Rows: output channels; columns: input channels. Click to edit a slice.")
        self._w = np.zeros((1, 1, 1, 1))
        self._sel = (0, 0)

    def set_weight(self, w: np.ndarray, selected: tuple[int, int]) -> None:
        self._w, self._sel = w, selected
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        co, ci = self._w.shape[:2]
        return QSize(ci * (self.TILE + self.GAP), co * (self.TILE + self.GAP))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    @guarded
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        scale = float(np.abs(self._w).max()) or 1.0
        co, ci, kh, kw = self._w.shape
        step = self.TILE + self.GAP
        for o in range(co):
            for i in range(ci):
                self._paint_tile(p, self._w[o, i], QRectF(i * step, o * step, self.TILE, self.TILE),
                                 scale, (o, i) == self._sel)

    def _paint_tile(self, p: QPainter, k: np.ndarray, rect: QRectF, scale: float, sel: bool):
        kh, kw = k.shape
        cw, ch = rect.width() / kw, rect.height() / kh
        for a in range(kh):
            for b in range(kw):
                p.fillRect(QRectF(rect.x() + b * cw, rect.y() + a * ch, cw, ch),
                           diverging(float(k[a, b]), scale))
        p.setPen(QPen(Qt.GlobalColor.cyan if sel else Qt.GlobalColor.gray, 2 if sel else 1))
        p.drawRect(rect)

    @guarded
    def mousePressEvent(self, event) -> None:
        step = self.TILE + self.GAP
        o, i = int(event.position().y() // step), int(event.position().x() // step)
        if o < self._w.shape[0] and i < self._w.shape[1]:
            self.sliceClicked.emit(o, i)


class KernelPanel(QGroupBox):
    edited = Signal(object, str)  # (new Document, what changed)
    message = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__("Kernel", parent)
        self._doc: Document | None = None
        self.grid = MatrixGrid(cell=52)
        self.grid.setObjectName("kernelGrid")
        self.grid.setToolTip("Type to edit; arrows move; Delete sets 0; Ctrl+C / Ctrl+V copy "
                             "and paste blocks of numbers")
        self.grid.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.height_box = spin("kernelHeight", 1, MAX_KERNEL, "kernel height (rows)", 3)
        self.width_box = spin("kernelWidth", 1, MAX_KERNEL, "kernel width (columns)", 3)
        self.presets = QComboBox(objectName="kernelPresets")
        self.presets.addItem("Preset…")
        self.presets.addItems(list(PRESETS))
        self.presets.setToolTip("Replace the kernel with a well-known one; it stays named "
                                "here until you edit the kernel")
        self.apply_to = QComboBox(objectName="kernelApplyTo")
        self.apply_to.addItems(list(APPLY_TO))
        self.apply_to.setToolTip("Presets, Normalize, Randomize and Transpose change every "
                                 "input channel of this output channel, or only the slice "
                                 "shown in the grid")
        self._preset: tuple[str, np.ndarray] | None = None  # name, the weight it made
        self.flip = QCheckBox("True convolution (flip the kernel 180°)", objectName="flipKernel")
        self.flip.setToolTip("Off: cross-correlation, as deep-learning libraries and the "
                             "chapter compute it. On: the kernel is rotated before sliding.")
        self.out_channels = spin("outChannels", 1, MAX_OUT_CHANNELS, "output channels", 1)
        self.bias = dspin("biasValue", "bias added to every pixel of this output channel")
        self.overview = SliceOverview()
        self.slice_label = QLabel()
        self._build()
        self._connect()

    def _build(self) -> None:
        size = QHBoxLayout()
        size.addWidget(QLabel("size"))
        size.addWidget(self.height_box)
        size.addWidget(QLabel("×"))
        size.addWidget(self.width_box)
        size.addWidget(self.presets, 1)
        tools = QHBoxLayout()
        for text, tip, fn in (("Normalize", "divide by the sum (when it is not 0)", self._normalize),
                              ("Randomize", "random normal values", self._randomize),
                              ("Transpose", "swap rows and columns", self._transpose)):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(fn)
            tools.addWidget(b)
        chans = QGridLayout()
        chans.addWidget(QLabel("output channels"), 0, 0)
        chans.addWidget(self.out_channels, 0, 1)
        chans.addWidget(QLabel("bias"), 1, 0)
        chans.addWidget(self.bias, 1, 1)
        chans.addWidget(self.overview, 0, 2, 3, 1)
        chans.addWidget(self.slice_label, 2, 0, 1, 2)
        box = QVBoxLayout(self)
        box.addLayout(size)
        box.addWidget(self.grid, 1)
        box.addLayout(tools)
        self.apply_row = QWidget()
        row = QHBoxLayout(self.apply_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("apply to"))
        row.addWidget(self.apply_to, 1)
        box.addWidget(self.apply_row)
        box.addWidget(self.flip)
        box.addLayout(chans)

    def _connect(self) -> None:
        m = self.grid.model()
        m.matrixEdited.connect(lambda k: self._emit(self._doc.with_kernel(k), "edit kernel"))
        m.inputRejected.connect(self.message)
        self.height_box.valueChanged.connect(self._on_size)
        self.width_box.valueChanged.connect(self._on_size)
        self.presets.activated.connect(self._on_preset)
        self.flip.toggled.connect(self._on_flip)
        self.out_channels.valueChanged.connect(
            lambda n: self._emit(self._doc.with_out_channels(n), "output channels"))
        self.bias.valueChanged.connect(self._on_bias)
        self.overview.sliceClicked.connect(
            lambda o, i: self._emit(replace(self._doc, selected=(o, i)), "select slice"))

    def set_document(self, doc: Document) -> None:
        if self._doc is not None:
            note = channel_adaptation(self._doc, doc)
            if note:
                self.message.emit(note)
        self._doc = doc
        self._show_preset(doc)
        self.apply_row.setVisible(doc.weight.shape[1] > 1)
        kh, kw = doc.kernel_hw
        with blocked(self.height_box, self.width_box, self.flip, self.out_channels, self.bias):
            self.height_box.setValue(kh)
            self.width_box.setValue(kw)
            self.flip.setChecked(doc.geometry.flip)
            self.out_channels.setValue(doc.weight.shape[0])
            self.bias.setValue(float(doc.bias[doc.selected[0]]))
        self.grid.model().set_matrix(doc.kernel)
        self.overview.set_weight(doc.weight, doc.selected)
        self.overview.setVisible(doc.weight.shape[0] * doc.weight.shape[1] > 1)
        co, ci = doc.selected
        self.slice_label.setText(f"editing output {co}, input {ci}"
                                 if doc.weight.shape[:2] != (1, 1) else "")

    def _emit(self, doc: Document, what: str) -> None:
        if self._doc is not None:
            self.edited.emit(doc, what)

    def _on_size(self) -> None:
        self._emit(self._doc.with_kernel_size(self.height_box.value(), self.width_box.value()),
                   "kernel size")

    def _show_preset(self, doc: Document) -> None:
        """The preset stays named while the kernel is still what it made."""
        p = self._preset
        if p is not None and not (p[1].shape == doc.weight.shape
                                  and np.array_equal(p[1], doc.weight)):
            self._preset = p = None
        with blocked(self.presets):
            self.presets.setCurrentIndex(0 if p is None else self.presets.findText(p[0]))

    @property
    def all_inputs(self) -> bool:
        return self.apply_to.currentText() == ALL_INPUTS or self._doc.weight.shape[1] == 1

    def _on_preset(self, index: int) -> None:
        if index <= 0:
            return
        name = self.presets.itemText(index)
        doc = self._edit(preset_slices(PRESETS[name]))
        self._preset = (name, doc.weight)
        self._emit(doc, f"preset {name}")
        self._show_preset(self._doc)

    def _edit(self, make) -> Document:
        return with_slices(self._doc, make, self.all_inputs)

    def set_kernel(self, k: np.ndarray, what: str) -> None:
        """Replace the kernel (on every input channel unless "this slice" is chosen),
        resizing every slice to ``k``'s shape."""
        self._emit(self._edit(preset_slices(np.asarray(k, float))), what)

    def _normalize(self) -> None:
        co, ci = self._doc.selected
        k = self._doc.weight[co] if self.all_inputs else self._doc.kernel
        if abs(float(k.sum())) < 1e-12:
            self.message.emit("The kernel sums to 0 (an edge detector?), so there is "
                              "nothing to divide by; it is unchanged.")
            return
        self._emit(self._edit(normalized_slices), "normalize")

    def _randomize(self) -> None:
        self._emit(self._edit(randomized_slices(self._doc.kernel_hw)), "randomize")

    def _transpose(self) -> None:
        self._emit(self._edit(transposed_slices), "transpose")

    def _on_flip(self, on: bool) -> None:
        self._emit(replace(self._doc, geometry=replace(self._doc.geometry, flip=on)), "flip")

    def _on_bias(self, v: float) -> None:
        b = self._doc.bias.copy()
        b[self._doc.selected[0]] = v
        self._emit(replace(self._doc, bias=b), "bias")
