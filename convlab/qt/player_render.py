"""Drawing one frame of the sliding window: input, kernel, output so far."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from convlab.model.document import Document
from convlab.model.parse import format_number
from convlab.model.player import PlayerFrame
from convlab.qt.colors import readable_on, rgba_mapper

GAP, CAPTION = 2, 44  # cells between grids; pixels for the caption (two lines)
BACKGROUND = QColor(250, 250, 250)
WINDOW, CURRENT = QColor(255, 170, 0), QColor(0, 170, 255)


MAX_CELLS = 4096  # larger grids are drawn as one scaled image, not cell by cell


class Grid:
    """An array drawn as cells at (x, y), in cell units."""

    def __init__(self, a: np.ndarray, x: float, title: str, levels_from=None) -> None:
        self.a, self.x, self.title = a, x, title
        self.color = rgba_mapper(levels_from if levels_from is not None else a)

    def paint(self, p: QPainter, cell: int, top: int, numbers: bool) -> None:
        h, w = self.a.shape
        self._title(p, cell, top)
        if h * w > MAX_CELLS:
            self._paint_image(p, cell, top)
            return
        p.setPen(Qt.PenStyle.NoPen)
        for r in range(h):
            for c in range(w):
                v = float(self.a[r, c])
                if v != v:  # still to come
                    continue
                rect = self.rect(r, c, cell, top)
                col = QColor(*self.color(v)[:3])
                p.fillRect(rect, col)
                if numbers:
                    p.setPen(readable_on(col))
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, format_number(v))
                    p.setPen(Qt.PenStyle.NoPen)
        if cell >= 6:
            p.setPen(QPen(QColor(190, 190, 190), 1))
            for r in range(h):
                for c in range(w):
                    p.drawRect(self.rect(r, c, cell, top))

    def _title(self, p: QPainter, cell: int, top: int) -> None:
        p.setPen(QColor(60, 60, 60))
        p.drawText(QRectF(self.x * cell, 0, max(self.a.shape[1] * cell, 80), top - 2),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, self.title)

    def _paint_image(self, p: QPainter, cell: int, top: int) -> None:
        h, w = self.a.shape
        rgba = np.ascontiguousarray(self.color(self.a).reshape(h, w, 4))
        rgba[~np.isfinite(self.a)] = (250, 250, 250, 255)  # cells still to come
        img = QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888)
        p.drawImage(QRectF(self.x * cell, top, w * cell, h * cell), img)

    def rect(self, r: int, c: int, cell: int, top: int) -> QRectF:
        return QRectF((self.x + c) * cell, top + r * cell, cell, cell)

    def outline(self, p: QPainter, cells, cell: int, top: int, color: QColor, fill=True):
        fill_col = QColor(color)
        fill_col.setAlpha(70)
        p.setPen(QPen(color, max(1, cell // 10)))
        for r, c in cells:
            rect = self.rect(r, c, cell, top)
            if fill:
                p.fillRect(rect, fill_col)
            p.drawRect(rect)


def layout(doc: Document, frame, pf: PlayerFrame):
    """The three grids of this stage, left to right."""
    co = min(doc.selected[0], frame.output.shape[0] - 1)
    if pf.stage == "pooling":
        src = frame.output[co]
        middle = np.full(doc.pooling.window, np.nan)
        left_title, mid_title = "output (pooled from)", f"{doc.pooling.mode} window"
    else:
        src = frame.padded[min(doc.selected[1], frame.padded.shape[0] - 1)]
        middle = doc.applied_weight[doc.selected]
        left_title, mid_title = "padded input", "kernel"
    full = frame.pooled[co] if pf.stage == "pooling" else frame.output[co]
    left = Grid(np.asarray(src, float), 0, left_title)
    mid = Grid(np.asarray(middle, float), src.shape[1] + GAP, mid_title)
    right = Grid(pf.partial, mid.x + middle.shape[1] + GAP, "output", levels_from=full)
    return left, mid, right


def columns(doc: Document, frame, stage: str) -> int:
    """How many cells wide the three grids are, without building them."""
    if stage == "pooling":
        src_w, mid_w, out_w = frame.output.shape[2], doc.pooling.window[1], frame.pooled.shape[2]
    else:
        src_w, mid_w, out_w = frame.padded.shape[2], doc.kernel_hw[1], frame.output.shape[2]
    return src_w + GAP + mid_w + GAP + out_w


def render_frame(doc: Document, frame, pf: PlayerFrame, cell: int) -> QImage:
    left, mid, right = layout(doc, frame, pf)
    rows = max(g.a.shape[0] for g in (left, mid, right))
    width = int((right.x + right.a.shape[1]) * cell) + 2
    top = 18
    img = QImage(max(width, 320), top + rows * cell + CAPTION, QImage.Format.Format_RGB888)
    img.fill(BACKGROUND)
    p = QPainter(img)
    p.setFont(QFont("DejaVu Sans", max(6, min(11, int(cell * 0.32)))))
    numbers = cell >= 18 and left.a.size <= 48 * 48
    for g in (left, mid, right):
        g.paint(p, cell, top, numbers and g.a.size <= 48 * 48)
    _padding(p, doc, left, cell, top, pf.stage)
    left.outline(p, pf.taps, cell, top, WINDOW)
    right.outline(p, [pf.position], cell, top, CURRENT)
    mid.outline(p, np.ndindex(mid.a.shape), cell, top, WINDOW, fill=False)
    p.setFont(QFont("DejaVu Sans", 10))
    p.setPen(QColor(30, 30, 30))
    p.drawText(QRectF(4, img.height() - CAPTION, img.width() - 8, CAPTION),
               Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
               | Qt.TextFlag.TextWordWrap, caption(doc, pf))
    p.end()
    return img


def _padding(p: QPainter, doc: Document, grid: Grid, cell: int, top: int, stage: str) -> None:
    """Tint the padded cells so they visibly take part."""
    if stage != "convolution":
        return
    t, b, l, r = doc.geometry.pad
    h, w = grid.a.shape
    tint = QColor(90, 160, 255, 60)
    x0, y0 = grid.x * cell, top
    for x, y, bw, bh in ((0, 0, w, t), (0, h - b, w, b), (0, t, l, h - t - b),
                         (w - r, t, r, h - t - b)):  # four bands around the input
        if bw > 0 and bh > 0:
            p.fillRect(QRectF(x0 + x * cell, y0 + y * cell, bw * cell, bh * cell), tint)


def caption(doc: Document, pf: PlayerFrame) -> str:
    i, j = pf.position
    head = f"position {pf.index + 1} of {pf.count}: output ({i}, {j}) =\n"
    if pf.stage == "pooling":
        return head + f"{doc.pooling.mode} of the window = {format_number(pf.value)}"
    terms = [f"{format_number(a)}×{format_number(b)}"
             for a, b in zip(pf.window.ravel(), doc.applied_weight[doc.selected].ravel())]
    chans = doc.image.shape[0]
    body = " + ".join(terms) if len(terms) <= 9 and chans == 1 else "Σ window × kernel"
    extra = f" (summed over {chans} input channels)" if chans > 1 else ""
    bias = f" + bias {format_number(float(doc.bias[doc.selected[0]]))}" if doc.bias.any() else ""
    return head + body + bias + extra + f" = {format_number(pf.value)}"
