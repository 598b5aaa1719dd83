"""Choosing the input: samples, files, and cell-by-cell editing of small ones."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout)

from convlab.model.document import Document
from convlab.model.history import UndoLabel, sample_input
from convlab.model.samples import PHOTOS, SAMPLES
from convlab.qt.matrix_grid import MatrixGrid

MAX_EDITABLE = 16
MISSING = " (missing)"  # the suffix files.py gives a lost input's name


class InputPanel(QGroupBox):
    edited = Signal(object, str)  # (new Document, what changed)
    openRequested = Signal()
    fileChosen = Signal(str)  # a bundled photograph's path
    message = Signal(str)  # a note
    rejected = Signal(str)  # typed or pasted text refused

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Input"), parent)
        self._doc: Document | None = None
        self.samples = QComboBox(objectName="sampleChooser")
        self.samples.addItem(self.tr("Sample…"), None)
        for name in (*PHOTOS, *SAMPLES):  # shown translated; the English name is the data
            self.samples.addItem(QCoreApplication.translate("Samples", name), name)
        self.samples.setToolTip(self.tr("Bundled inputs: photographs and the chapter's matrices"))
        open_button = QPushButton(self.tr("Open…"))
        open_button.setToolTip(self.tr("Open an image file (Ctrl+O); you can also drop one on "
                                       "the window"))
        open_button.clicked.connect(self.openRequested)
        self.info = QLabel()
        self.grid = MatrixGrid(cell=34)
        self.grid.setObjectName("inputGrid")
        self.grid.setToolTip(self.tr("Small inputs can be edited cell by cell, like the kernel"))
        row = QHBoxLayout()
        row.addWidget(self.samples, 1)
        row.addWidget(open_button)
        box = QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.info)
        box.addWidget(self.grid)
        self.samples.activated.connect(self._on_sample)
        self.grid.model().matrixEdited.connect(self._on_cells)
        self.grid.model().inputRejected.connect(self.rejected)

    def set_document(self, doc: Document) -> None:
        self._doc = doc
        c, h, w = doc.image.shape
        kind = {1: self.tr("grey"), 3: self.tr("RGB")}.get(c) or \
            self.tr("{c} channels").format(c=c)
        name = doc.image_name
        if name.endswith(MISSING):  # set by files.py when a session's input file is gone
            name = self.tr("{name} (missing)").format(
                name=self.tr("{file}").format(file=name[:-len(MISSING)]))
        elif QCoreApplication.translate("Samples", name) != name:  # a sample, a lesson's input
            name = QCoreApplication.translate("Samples", name)
        else:  # a file's name: as it is ("camera.png"); quoted in Chinese, like the messages
            name = self.tr("{file}").format(file=name)
        self.info.setText(self.tr("{name}: {h}×{w}, {kind}").format(name=name, h=h, w=w,
                                                                  kind=kind))
        small = h <= MAX_EDITABLE and w <= MAX_EDITABLE
        self.grid.setVisible(small)
        if small:
            self.grid.model().set_matrix(doc.image[doc.in_channel(c)])

    def _on_sample(self, index: int) -> None:
        if index <= 0:
            return
        name = self.samples.itemData(index)
        self.samples.setCurrentIndex(0)
        if name in PHOTOS:
            self.fileChosen.emit(str(PHOTOS[name]))
            return
        self.edited.emit(self._doc.with_image(SAMPLES[name](), name), sample_input(name))

    def _on_cells(self, m: np.ndarray) -> None:
        img = self._doc.image.copy()
        img[self._doc.in_channel(img.shape[0])] = m
        self.edited.emit(self._doc.with_image(img, self._doc.image_name), UndoLabel.EDIT_INPUT)
