"""Drawing one frame of the sliding window: input, kernel, output so far.

Small arrays are drawn whole, side by side. When they would need cells smaller
than ``MIN_CELL`` pixels (a photograph), the frame shows a neighbourhood
instead: a crop of the input around the window above, the kernel and a crop of
the output around the current position below, so numbers stay readable.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen

from convlab.model.document import Document
from convlab.model.parse import format_factor, format_number
from convlab.model.player import PlayerFrame, pool_cells
from convlab.qt.colors import padding_brush, readable_on, rgba_mapper

GAP = 2  # cells between grids drawn side by side
MIN_CELL, MAX_CELL = 24, 48  # pixels per cell on the player's canvas
MIN_POINTS = 7.0  # numbers smaller than this are not drawn
BACKGROUND = QColor(250, 250, 250)
WINDOW, CURRENT = QColor(255, 170, 0), QColor(0, 170, 255)
MAX_CELLS = 4096  # larger grids are drawn as one scaled image, not cell by cell

# The painted titles and captions, context "Player" (lupdate knows this name).
translate = QCoreApplication.translate


@dataclass
class Grid:
    """An array (or a crop of it starting at ``r0, c0``) drawn with its top-left
    cell at pixel (x, y); ``title`` is drawn in the band above."""

    full: np.ndarray
    title: str
    levels_from: np.ndarray | None = None
    x: int = 0
    y: int = 0
    r0: int = 0
    c0: int = 0
    rows: int = 0
    cols: int = 0

    def __post_init__(self) -> None:
        self.color = rgba_mapper(self.levels_from if self.levels_from is not None else self.full)
        self.rows, self.cols = self.rows or self.full.shape[0], self.cols or self.full.shape[1]

    @property
    def a(self) -> np.ndarray:
        """The shown cells, as float64 (``full`` keeps the frame's dtype: a
        float64 copy of a whole 1024² channel cost ~2 ms a frame)."""
        return np.asarray(self.full[self.r0:self.r0 + self.rows, self.c0:self.c0 + self.cols],
                          float)

    @property
    def cropped(self) -> bool:
        return (self.rows, self.cols) != self.full.shape

    def crop_around(self, rows: int, cols: int, centre: tuple[float, float]) -> None:
        """Keep ``rows`` × ``cols`` cells centred on ``centre`` (inside the array)."""
        h, w = self.full.shape
        self.rows, self.cols = min(rows, h), min(cols, w)
        self.r0 = int(np.clip(round(centre[0] - self.rows / 2), 0, h - self.rows))
        self.c0 = int(np.clip(round(centre[1] - self.cols / 2), 0, w - self.cols))

    def rect(self, r: int, c: int, cell: int) -> QRectF:
        """Cell (r, c) of the full array, in pixels."""
        return QRectF(self.x + (c - self.c0) * cell, self.y + (r - self.r0) * cell, cell, cell)

    def inside(self, r: int, c: int) -> bool:
        return self.r0 <= r < self.r0 + self.rows and self.c0 <= c < self.c0 + self.cols

    def paint(self, p: QPainter, cell: int, numbers: bool) -> None:
        a = self.a
        if a.size > MAX_CELLS:
            self._paint_image(p, cell)
            return
        rgb = self.color(a)[..., :3].tolist()  # one call, not one per cell
        for r in range(a.shape[0]):
            for c in range(a.shape[1]):
                v = float(a[r, c])
                if v != v:  # still to come
                    continue
                rect = self.rect(r + self.r0, c + self.c0, cell)
                col = QColor(*rgb[r][c])
                p.fillRect(rect, col)
                if numbers:
                    p.setPen(readable_on(col))
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, format_number(v))
        if cell >= 6:
            p.setPen(QPen(QColor(190, 190, 190), 1))
            p.setBrush(Qt.BrushStyle.NoBrush)
            for r in range(a.shape[0]):
                for c in range(a.shape[1]):
                    p.drawRect(self.rect(r + self.r0, c + self.c0, cell))

    def paint_title(self, p: QPainter, cell: int, band: int, width: int) -> None:
        text = self.title
        if self.cropped:
            text = translate("Player", "{title}, rows {r0}–{r1} of {rows}, columns {c0}–{c1} "
                             "of {cols}").format(
                title=text, r0=self.r0, r1=self.r0 + self.rows - 1, rows=self.full.shape[0],
                c0=self.c0, c1=self.c0 + self.cols - 1, cols=self.full.shape[1])
        text = p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
        p.setPen(QColor(40, 40, 40))
        p.drawText(QRectF(self.x, self.y - band, width, band),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_image(self, p: QPainter, cell: int) -> None:
        a = np.ascontiguousarray(self.a)
        h, w = a.shape
        rgba = np.ascontiguousarray(self.color(a).reshape(h, w, 4))
        rgba[~np.isfinite(a)] = (250, 250, 250, 255)  # cells still to come
        img = QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888)
        p.drawImage(QRectF(self.x, self.y, w * cell, h * cell), img)

    def outline(self, p: QPainter, cells, cell: int, color: QColor, fill=True) -> None:
        fill_col = QColor(color)
        fill_col.setAlpha(70)
        p.setPen(QPen(color, max(2, cell // 10)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for r, c in cells:
            if not self.inside(r, c):
                continue
            rect = self.rect(r, c, cell)
            if fill:
                p.fillRect(rect, fill_col)
            p.drawRect(rect)


def layout(doc: Document, frame, pf: PlayerFrame) -> tuple[Grid, Grid, Grid]:
    """The three grids of this stage: what the window slides over, the window,
    the output so far."""
    co = doc.out_channel(frame.output.shape[0])
    if pf.stage == "pooling":
        src = frame.output[co]
        middle = _pool_window(doc, src, pf.position)
        left_title = translate("Player", "output (pooled from)")
        mid_title = (translate("Player", "max window") if doc.pooling.mode == "max"
                     else translate("Player", "avg window"))
    else:
        src = frame.padded[doc.in_channel(frame.padded.shape[0])]
        middle = doc.applied_weight[doc.selected]
        left_title, mid_title = translate("Player", "padded input"), translate("Player", "kernel")
    full = frame.pooled[co] if pf.stage == "pooling" else frame.output[co]
    return (Grid(src, left_title), Grid(np.asarray(middle, float), mid_title),
            Grid(pf.partial, translate("Player", "output"), levels_from=full))


def _pool_window(doc: Document, src: np.ndarray, position) -> np.ndarray:
    """The values under the pooling window at ``position``, NaN (drawn empty)
    where it covers padding. (The "max window" box was always empty.)"""
    ph, pw = doc.pooling.window
    out = np.full((ph, pw), np.nan)
    for k, (r, c) in enumerate(pool_cells(doc, *position)):
        if 0 <= r < src.shape[0] and 0 <= c < src.shape[1]:
            out[k // pw, k % pw] = src[r, c]
    return out


def columns(doc: Document, frame, stage: str) -> int:
    """How many cells wide the three grids are side by side, without building them."""
    if stage == "pooling":
        src_w, mid_w, out_w = frame.output.shape[2], doc.pooling.window[1], frame.pooled.shape[2]
    else:
        src_w, mid_w, out_w = frame.padded.shape[2], doc.kernel_hw[1], frame.output.shape[2]
    return src_w + GAP + mid_w + GAP + out_w


def _side_by_side(grids, cell: int, band: int) -> tuple[int, int]:
    """Place the grids in one row; return the pixels (width, height) they need."""
    x = 2
    for g in grids:
        g.x, g.y = x, band
        x += (g.cols + GAP) * cell
    return x - GAP * cell, band + max(g.rows for g in grids) * cell


def _neighbourhood(pf: PlayerFrame, grids, cell: int, band: int, width: int,
                   height: int) -> tuple[int, int]:
    """A crop of the input around the window on top; the kernel and a crop of
    the output around the current position below."""
    left, mid, right = grids
    span_rows, span_cols = _span(pf)
    cols = max((width - 4) // cell, span_cols)
    rows = max((height - 2 * band) // cell, 2)
    below = max(mid.rows, min(right.full.shape[0], max(rows // 3, 1)))
    above = max(rows - below, span_rows)  # the whole window, dilated too
    taps = np.array(pf.taps or [(0, 0)], float)
    left.crop_around(above, cols, tuple((taps.min(0) + taps.max(0) + 1) / 2))
    right.crop_around(below, max(cols - mid.cols - 1, 1),
                      (pf.position[0] + 0.5, pf.position[1] + 0.5))
    left.x, left.y = 2, band
    mid.x, mid.y = 2, band + left.rows * cell + band
    right.x, right.y = 2 + (mid.cols + 1) * cell, mid.y
    return (max(left.cols, mid.cols + 1 + right.cols) * cell + 4,
            mid.y + max(mid.rows, right.rows) * cell)


def _span(pf: PlayerFrame) -> tuple[int, int]:
    """Rows and columns the window's taps span (a dilated 3×3 at 2: 5×5)."""
    taps = np.array(pf.taps or [(0, 0)])
    return tuple(int(v) for v in taps.max(0) - taps.min(0) + 1)


def caption_height(text: str, font: QFont, width: int) -> int:
    fm = QFontMetrics(font)
    return fm.boundingRect(QRect(0, 0, max(width - 8, 40), 10_000),
                           int(Qt.TextFlag.TextWordWrap), text).height() + 10


@dataclass
class Plan:
    """Where everything goes in one frame."""

    grids: tuple[Grid, Grid, Grid]
    cell: int
    band: int  # pixels for a grid's title
    width: int
    grid_h: int  # pixels down to the caption
    font: QFont


def plan(doc: Document, frame, pf: PlayerFrame, cell: int | None = None,
         fit: tuple[int, int] | None = None) -> Plan:
    """At ``cell`` pixels per cell and whole (an export), or made to fit
    ``fit`` = (width, height) pixels (the player's canvas): whole when cells
    of at least MIN_CELL fit, else a neighbourhood of the window."""
    grids = layout(doc, frame, pf)
    font = QFont()  # the UI font: text in the player is never smaller
    band = QFontMetrics(font).height() + 6
    if fit is None:
        cell = cell or MIN_CELL
        width, grid_h = _side_by_side(grids, cell, band)
        return Plan(grids, cell, band, max(width, 320), grid_h, font)
    width = fit[0]
    room = fit[1] - caption_height(caption(doc, pf), font, width)
    whole_cols = sum(g.cols for g in grids) + 2 * GAP
    whole_rows = max(g.rows for g in grids)
    cell = min(MAX_CELL, (width - 4) // whole_cols, (room - band) // max(whole_rows, 1))
    if cell >= MIN_CELL:
        _, grid_h = _side_by_side(grids, cell, band)
    else:
        # Small enough for the whole window above the kernel: at 1280×720 a
        # 3×3 kernel dilated by 2 showed rows 0–3 of the taps on rows 0, 2, 4.
        span_rows, span_cols = _span(pf)
        cell = max(MIN_CELL, min(MAX_CELL, (width - 4) // max(grids[1].cols + 4, span_cols),
                                 (room - 2 * band) // (span_rows + grids[1].rows)))
        _, grid_h = _neighbourhood(pf, grids, cell, band, width, room)
    return Plan(grids, cell, band, width, grid_h, font)


def render_frame(doc: Document, frame, pf: PlayerFrame, cell: int | None = None,
                 fit: tuple[int, int] | None = None) -> QImage:
    """One frame of the sliding window as an image (see ``plan``)."""
    pl = plan(doc, frame, pf, cell, fit)
    text = caption(doc, pf)
    cap_h = caption_height(text, pl.font, pl.width)
    img = QImage(pl.width, pl.grid_h + cap_h + 4, QImage.Format.Format_RGB888)
    img.fill(BACKGROUND)
    p = QPainter(img)
    _draw(p, doc, pf, pl.grids, pl.cell, pl.band, pl.width, pl.font)
    p.setFont(pl.font)
    p.setPen(QColor(30, 30, 30))
    p.drawText(QRectF(4, pl.grid_h + 4, pl.width - 8, cap_h),
               Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
               text)
    p.end()
    return img


def _number_font(grids, cell: int, font: QFont) -> QFont | None:
    """The largest font up to the UI font in which every shown number fits a cell."""
    texts = [format_number(float(v)) for g in grids for v in np.ravel(g.a)[:2500] if v == v]
    widest = max(texts, key=len, default="0")
    f = QFont(font)
    size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    while size >= MIN_POINTS:
        f.setPointSizeF(size)
        fm = QFontMetrics(f)
        if fm.horizontalAdvance(widest) <= cell - 4 and fm.height() <= cell:
            return f
        size -= 0.5
    return None


def _draw(p: QPainter, doc, pf, grids, cell: int, band: int, width: int, font: QFont) -> None:
    left, mid, right = grids
    shown = max(g.rows * g.cols for g in grids)  # not g.a: a float copy of each crop
    numbers = _number_font(grids, cell, font) if shown <= 48 * 48 else None
    if numbers is not None:
        p.setFont(numbers)
    for g in grids:
        g.paint(p, cell, numbers is not None)
    _padding(p, doc, left, cell, pf.stage)
    left.outline(p, pf.taps, cell, WINDOW)
    right.outline(p, [pf.position], cell, CURRENT)
    mid.outline(p, np.ndindex(mid.rows, mid.cols), cell, WINDOW, fill=False)
    p.setFont(font)
    for g, nxt in zip(grids, list(grids[1:]) + [None]):
        room = (nxt.x - g.x - cell // 2) if nxt is not None and nxt.y == g.y else width - g.x
        g.paint_title(p, cell, band, max(room, 20))


def _padding(p: QPainter, doc: Document, grid: Grid, cell: int, stage: str) -> None:
    """Tint the padded cells so they visibly take part."""
    if stage != "convolution":
        return
    t, b, l, r = doc.geometry.pad
    h, w = grid.full.shape
    shown = QRectF(grid.x, grid.y, grid.cols * cell, grid.rows * cell)
    tint = padding_brush()
    for r0, c0, rows, cols in ((0, 0, t, w), (h - b, 0, b, w), (t, 0, h - t - b, l),
                               (t, w - r, h - t - b, r)):  # four bands around the input
        if rows > 0 and cols > 0:
            band = QRectF(grid.rect(r0, c0, cell).topLeft(),
                          grid.rect(r0 + rows - 1, c0 + cols - 1, cell).bottomRight())
            p.fillRect(band.intersected(shown), tint)


def caption(doc: Document, pf: PlayerFrame) -> str:
    i, j = pf.position
    head = translate("Player", "position {n} of {count}: output ({i}, {j}) =").format(
        n=pf.index + 1, count=pf.count, i=i, j=j) + " "
    if pf.stage == "pooling":
        value = format_number(pf.value)
        return head + (translate("Player", "max of the window = {value}")
                       if doc.pooling.mode == "max" else
                       translate("Player", "avg of the window = {value}")).format(value=value)
    terms = [f"{format_factor(a)}×{format_factor(b)}"
             for a, b in zip(pf.window.ravel(), doc.applied_weight[doc.selected].ravel())]
    chans = doc.image.shape[0]
    body = (" + ".join(terms) if len(terms) <= 9 and chans == 1
            else translate("Player", "Σ window × kernel"))
    extra = (" " + translate("Player", "(summed over {n} input channels)").format(n=chans)
             if chans > 1 else "")
    bias = (" + " + translate("Player", "bias {value}").format(
        value=format_number(float(doc.bias[doc.selected[0]]))) if doc.bias.any() else "")
    return head + body + bias + extra + f" = {format_number(pf.value)}"
