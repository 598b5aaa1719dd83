"""Input, padded input and output side by side, on one shared pixel scale."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QSplitter

from convlab.model.compute import Frame
from convlab.model.document import Document
from convlab.qt.array_view import ArrayView


_shown: dict = {}  # (id(array), channel) → (array, view of it), so views stay identical


def channel_image(a: np.ndarray, channel: int) -> tuple[np.ndarray, bool]:
    """What to show of a (C, H, W) array: RGB when it has three channels.

    The same input gives the same view object, which lets an ArrayView skip
    re-rendering what has not changed.
    """
    key = (id(a), channel if a.shape[0] != 3 else -1)
    hit = _shown.get(key)
    if hit is not None and hit[0] is a:
        return hit[1], a.shape[0] == 3
    view = np.moveaxis(a, 0, -1) if a.shape[0] == 3 else a[min(channel, a.shape[0] - 1)]
    if len(_shown) > 16:
        _shown.clear()
    _shown[key] = (a, view)
    return view, a.shape[0] == 3


def padding_region(doc: Document) -> QPainterPath:
    """The padded cells (outer rect minus the input), in input coordinates."""
    t, b, l, r = doc.geometry.pad
    _, h, w = doc.image.shape
    path = QPainterPath()
    path.addRect(QRectF(-l, -t, w + l + r, h + t + b))
    inner = QPainterPath()
    inner.addRect(QRectF(0, 0, w, h))
    return path.subtracted(inner) if any(doc.geometry.pad) else QPainterPath()


class ViewsPanel(QSplitter):
    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.input_view = ArrayView("input")
        self.padded_view = ArrayView("padded input")
        self.output_view = ArrayView("output")
        names = ("inputView", "paddedView", "outputView")
        for view, name in zip(self.views(), names):
            view.setObjectName(name)
            self.addWidget(view)
        for view in self.views()[1:]:
            view.vb.setXLink(self.input_view.vb)
            view.vb.setYLink(self.input_view.vb)
        self._extent = QRectF()

    def views(self) -> list[ArrayView]:
        return [self.input_view, self.padded_view, self.output_view]

    def show_input(self, doc: Document) -> None:
        img, rgb = channel_image(doc.image, doc.selected[1])
        self.input_view.set_array(img, rgb=rgb)
        self.input_view.title.setText(self._title("input", doc.image))
        self.fit()

    def show_frame(self, doc: Document, frame: Frame) -> None:
        for view in self.views()[1:]:
            view.set_dimmed(not frame.ok)
        if not frame.ok:
            return
        t, _, l, _ = doc.geometry.pad
        img, rgb = channel_image(frame.padded, doc.selected[1])
        self.padded_view.set_array(img, origin=(-l, -t), rgb=rgb)
        self.padded_view.set_region(padding_region(doc))
        self.padded_view.title.setText(self._title("padded input", frame.padded))
        co = min(doc.selected[0], frame.output.shape[0] - 1)
        self.output_view.set_array(frame.output[co])
        self.output_view.title.setText(self._title(f"output channel {co}", frame.output))
        self.fit()

    def fit(self, force: bool = False) -> None:
        """Show every array whole; the views are linked, so one range serves all."""
        rect = QRectF()
        for view in self.views():
            rect = rect.united(view.extent())
        if force or rect != self._extent:
            self._extent = rect
            self.input_view.vb.setRange(rect, padding=0.03)

    @staticmethod
    def _title(name: str, a: np.ndarray) -> str:
        c, h, w = a.shape
        return f"{name} — {h}×{w}" + (f" × {c} channels" if c > 1 else "")
