"""The kernel: its grid, size, presets, channels, bias and the flip toggle."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from convlab.model.document import MAX_KERNEL, MAX_OUT_CHANNELS, Document, channel_adaptation
from convlab.model.history import UndoLabel, kernel_preset
from convlab.model.limits import MAX_VALUE
from convlab.model.presets import (ALL_INPUTS, APPLY_TO, PRESETS, normalized_slices, preset_slices,
                                   randomized_slices, transposed_slices, with_slices)
from convlab.qt.colors import diverging
from convlab.qt.matrix_grid import MatrixGrid
from convlab.qt.messages import translate_message
from convlab.qt.widgets import NumberSpin, blocked, guarded, spin


class SliceOverview(QWidget):
    """Every (output, input) kernel slice as a small heatmap; click to select.

    Tiles shrink to the width the panel gives, down to MIN_STEP pixels from
    one tile to the next: at their full 30 pixels, 16 input channels took
    480, and the whole Kernel panel then outgrew its dock and was cut off at
    the right."""

    sliceClicked = Signal(int, int)
    TILE, GAP = 26, 4  # at full size
    MIN_STEP = 12  # tile and gap at the least

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sliceOverview")
        self.setToolTip(self.tr("Rows: output channels; columns: input channels. "
                                "Click to edit a slice."))
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._w = np.zeros((1, 1, 1, 1))
        self._sel = (0, 0)

    def set_weight(self, w: np.ndarray, selected: tuple[int, int]) -> None:
        self._w, self._sel = w, selected
        self.updateGeometry()
        self.update()

    def step(self, width: int | None = None) -> float:
        """Pixels from a tile to the next: full size, or less to fit ``width``."""
        full = self.TILE + self.GAP
        width = self.width() if width is None else width
        return max(float(self.MIN_STEP), min(float(full), width / max(1, self._w.shape[1])))

    def sizeHint(self) -> QSize:
        """Full-size tiles across; as tall as the tiles are at the width given
        (rows of full-size tiles left a blank under smaller ones)."""
        ci = self._w.shape[1]
        return QSize(ci * (self.TILE + self.GAP), self.heightForWidth(self.width()))

    def minimumSizeHint(self) -> QSize:
        co, ci = self._w.shape[:2]
        return QSize(ci * self.MIN_STEP, co * self.MIN_STEP)

    def heightForWidth(self, width: int) -> int:
        return int(np.ceil(self._w.shape[0] * self.step(width)))

    def resizeEvent(self, event) -> None:
        if self.heightForWidth(event.size().width()) != self.heightForWidth(
                event.oldSize().width()):
            self.updateGeometry()  # the size hint's height follows the width
        super().resizeEvent(event)

    @guarded
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        scale = float(np.abs(self._w).max()) or 1.0
        co, ci, kh, kw = self._w.shape
        step = self.step()
        tile = step * self.TILE / (self.TILE + self.GAP)
        for o in range(co):
            for i in range(ci):
                self._paint_tile(p, self._w[o, i], QRectF(i * step, o * step, tile, tile),
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
        step = self.step()
        o, i = int(event.position().y() // step), int(event.position().x() // step)
        if o < self._w.shape[0] and i < self._w.shape[1]:
            self.sliceClicked.emit(o, i)


class KernelPanel(QGroupBox):
    edited = Signal(object, str)  # (new Document, what changed)
    message = Signal(str)  # a note
    rejected = Signal(str)  # typed or pasted text refused

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Kernel"), parent)
        self._doc: Document | None = None
        self.grid = MatrixGrid(cell=52)
        self.grid.setObjectName("kernelGrid")
        self.grid.setToolTip(self.tr("Type to edit; arrows move; Delete sets 0; Ctrl+C / Ctrl+V "
                                     "copy and paste blocks of numbers"))
        self.grid.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.height_box = spin("kernelHeight", 1, MAX_KERNEL, self.tr("kernel height (rows)"), 3,
                               what="the kernel's height", label=UndoLabel.KERNEL_SIZE)
        self.width_box = spin("kernelWidth", 1, MAX_KERNEL, self.tr("kernel width (columns)"), 3,
                              what="the kernel's width", label=UndoLabel.KERNEL_SIZE)
        self.presets = QComboBox(objectName="kernelPresets")
        self.presets.addItem(self.tr("Preset…"), None)
        for name in PRESETS:  # shown translated; the English name is the item's data
            self.presets.addItem(QCoreApplication.translate("Presets", name), name)
        self.presets.setToolTip(self.tr("Replace the kernel with a well-known one; it stays "
                                        "named here until you edit the kernel"))
        self.apply_to = QComboBox(objectName="kernelApplyTo")
        for choice in APPLY_TO:  # shown translated; the English key is the item's data
            self.apply_to.addItem(self.tr(choice), choice)
        self.apply_to.setToolTip(self.tr("Presets, Normalize, Randomize and Transpose change "
                                         "every input channel of this output channel, or only "
                                         "the slice shown in the grid"))
        self.flip = QCheckBox(self.tr("True convolution (flip the kernel 180°)"),
                              objectName="flipKernel")
        self.flip.setToolTip(self.tr("Off: cross-correlation, as deep-learning libraries and "
                                     "the chapter compute it. On: the kernel is rotated before "
                                     "sliding."))
        self.out_channels = spin("outChannels", 1, MAX_OUT_CHANNELS, self.tr("output channels"),
                                 1, what="the number of the kernel's output channels",
                                 label=UndoLabel.OUTPUT_CHANNELS)
        # Any value a Document may hold (limits.MAX_VALUE): the box must never clamp one.
        # Shown exactly (a box of 4 decimals turned a typed 0.00001 into 0, silently).
        self.bias = NumberSpin("biasValue",
                               self.tr("bias added to every pixel of this output channel"),
                               -MAX_VALUE, MAX_VALUE, 0.1, what="the bias", label=UndoLabel.BIAS,
                               float32=True)
        # ±1e30 would widen the box's size hint by its longest number: take the width given.
        self.bias.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.bias.setMinimumWidth(self.out_channels.sizeHint().width())
        self.overview = SliceOverview()
        self.slice_label = QLabel()
        self._build()
        self._connect()

    def _build(self) -> None:
        size = QHBoxLayout()
        size.addWidget(QLabel(self.tr("size")))
        size.addWidget(self.height_box)
        size.addWidget(QLabel("×"))
        size.addWidget(self.width_box)
        size.addWidget(self.presets, 1)
        tools = QHBoxLayout()
        for text, tip, fn in ((self.tr("Normalize"),
                               self.tr("divide by the sum (when it is not 0)"), self._normalize),
                              (self.tr("Randomize"), self.tr("random normal values"),
                               self._randomize),
                              (self.tr("Transpose"), self.tr("swap rows and columns"),
                               self._transpose)):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(fn)
            tools.addWidget(b)
        chans = QGridLayout()
        chans.addWidget(QLabel(self.tr("output channels")), 0, 0)
        chans.addWidget(self.out_channels, 0, 1)
        chans.addWidget(QLabel(self.tr("bias")), 1, 0)
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
        row.addWidget(QLabel(self.tr("apply to")))
        row.addWidget(self.apply_to, 1)
        box.addWidget(self.apply_row)
        box.addWidget(self.flip)
        box.addLayout(chans)

    def _connect(self) -> None:
        m = self.grid.model()
        m.matrixEdited.connect(
            lambda k: self._emit(self._doc.with_kernel(k), UndoLabel.EDIT_KERNEL))
        m.inputRejected.connect(self.rejected)  # already in the window's language
        self.height_box.valueChanged.connect(self._on_size)
        self.width_box.valueChanged.connect(self._on_size)
        self.presets.activated.connect(self._on_preset)
        self.flip.toggled.connect(self._on_flip)
        self.out_channels.valueChanged.connect(
            lambda n: self._emit(self._doc.with_out_channels(n),
                                 UndoLabel.OUTPUT_CHANNELS))
        self.bias.valueChanged.connect(self._on_bias)
        self.overview.sliceClicked.connect(
            lambda o, i: self._emit(replace(self._doc, selected=(o, i)),
                                    UndoLabel.SELECT_SLICE))

    def set_document(self, doc: Document) -> None:
        if self._doc is not None:
            note = channel_adaptation(self._doc, doc)
            if note:
                self.message.emit(translate_message(note))
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
        text = self.tr("editing output {co}, input {ci}")
        many = doc.weight.shape[:2] != (1, 1)
        self.slice_label.setText(text.format(co=co, ci=ci) if many else "")
        # As wide as for the last slice, so that the overview beside it does not
        # move (7 pixels at "input 15" against "input 0") when a slice is picked.
        widest = text.format(co=doc.weight.shape[0] - 1, ci=doc.weight.shape[1] - 1)
        self.slice_label.setMinimumWidth(
            self.slice_label.fontMetrics().horizontalAdvance(widest) if many else 0)

    def _emit(self, doc: Document, what: str) -> None:
        if self._doc is not None:
            self.edited.emit(doc, what)

    def _on_size(self) -> None:
        self._emit(self._doc.with_kernel_size(self.height_box.value(), self.width_box.value()),
                   UndoLabel.KERNEL_SIZE)

    def _show_preset(self, doc: Document) -> None:
        """The preset the shown slice equals stays named, however it got there
        (the window opened on Sobel x with "Preset…" showing)."""
        k = doc.kernel
        name = next((n for n, p in PRESETS.items() if p.shape == k.shape
                     and np.array_equal(p, k)), None)
        with blocked(self.presets):
            self.presets.setCurrentIndex(0 if name is None else self.presets.findData(name))

    @property
    def all_inputs(self) -> bool:
        return self.apply_to.currentData() == ALL_INPUTS or self._doc.weight.shape[1] == 1

    def _on_preset(self, index: int) -> None:
        if index <= 0:
            return
        name = self.presets.itemData(index)
        doc = self._edit(preset_slices(PRESETS[name]))
        self._emit(doc, kernel_preset(name))
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
        if abs(float(k.sum())) < 1e-12:  # nothing applied: a refusal, gone with the next edit
            self.rejected.emit(
                self.tr("The kernel is all zeros, so there is nothing to divide by; it is "
                        "unchanged.") if not k.any() else
                self.tr("The kernel sums to 0 (an edge detector?), so there is nothing to "
                        "divide by; it is unchanged."))
            return
        self._emit(self._edit(normalized_slices), UndoLabel.NORMALIZE)

    def _randomize(self) -> None:
        self._emit(self._edit(randomized_slices(self._doc.kernel_hw)), UndoLabel.RANDOMIZE)

    def _transpose(self) -> None:
        self._emit(self._edit(transposed_slices), UndoLabel.TRANSPOSE)

    def _on_flip(self, on: bool) -> None:
        self._emit(replace(self._doc, geometry=replace(self._doc.geometry, flip=on)),
                   UndoLabel.FLIP)

    def _on_bias(self, v: float) -> None:
        b = self._doc.bias.copy()
        b[self._doc.selected[0]] = v
        self._emit(replace(self._doc, bias=b), UndoLabel.BIAS)
