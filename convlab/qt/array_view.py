"""One pyqtgraph image view with overlays: outlines, a tint, values in cells."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QLabel

from convlab.model.parse import format_number, number_forms
from convlab.qt.colors import (DIVERGING_MAP, colour_levels, diverging, padding_brush,
                                readable_on, value_levels)
from convlab.qt.widgets import guarded

MAX_LABELLED_CELLS = 32 * 32  # numbers are drawn for at most this many visible cells
# Numbers grow with their cells, to fill about half a cell's width or 40% of
# its height, up to this many times the window's font: a projected 3×3 input
# at 1920×1080 had 150-px cells with 9-point numbers in their middle.
LABEL_GROWTH = 2.5
TITLE_POINTS = 10

def _path_item(pen: QPen, brush: QBrush | None = None, z: float = 10) -> QGraphicsPathItem:
    item = QGraphicsPathItem()
    item.setPen(pen)
    item.setBrush(brush or QBrush(Qt.BrushStyle.NoBrush))
    item.setZValue(z)
    return item


def cells_path(cells, origin=(0.0, 0.0)) -> QPainterPath:
    """A path outlining unit cells given as (row, col), shifted by origin (x, y)."""
    path = QPainterPath()
    for r, c in cells:
        path.addRect(QRectF(c + origin[0], r + origin[1], 1, 1))
    return path


class ArrayView(pg.GraphicsLayoutWidget):
    """Shows one 2-D (or RGB) array; emits the cell under the mouse."""

    cellHovered = Signal(int, int)
    cellClicked = Signal(int, int)
    hoverLeft = Signal()
    _title_text = _short_title = ""
    _asked: tuple[float, float] | None = None  # the levels set_array was given
    title: pg.LabelItem | None = None  # both set in __init__, after Qt's first resize
    placeholder: QLabel | None = None

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setBackground(QColor(40, 40, 44))
        self._title_text = ""
        self.title = pg.LabelItem("", size=f"{TITLE_POINTS}pt")
        self.addItem(self.title, row=0, col=0)
        self.setMinimumWidth(60)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # mouse only: Tab stopped on each view
        self.placeholder = QLabel(self, objectName="viewPlaceholder", wordWrap=True,
                                  alignment=Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color:#f0f0f0; background:rgba(0,0,0,150);"
                                       "padding:10px; border-radius:6px;")
        self.placeholder.hide()
        self.vb = self.addViewBox(row=1, col=0, lockAspect=True, invertY=True)
        self.vb.setMenuEnabled(False)
        self.image_item = pg.ImageItem(axisOrder="row-major")
        self.vb.addItem(self.image_item)
        self.origin = (0.0, 0.0)
        self._source: np.ndarray | None = None
        self._levels = (-1.0, 1.0)
        self._labels: list[pg.TextItem] = []
        self._label_font = QFont()
        self._label_widths: list[int] | None = []  # screen pixels the widest
        # number needs, in each of number_forms' levels of precision (None: not
        # measured yet for this array); a cell narrower than "0" holds none
        self._level = 0  # the level the numbers are drawn in
        self._probe: list[float] = []  # the values measured, and their number_forms
        self._probe_forms: list[list[str]] | None = None
        self._narrowest = QFontMetrics(self._label_font).horizontalAdvance("0") + 6
        self._drawn_font = QFont(self._label_font)  # the labels' font, grown with the cells
        self._numbers: np.ndarray | None = None
        self._shape: tuple[int, ...] = ()
        thin = pg.mkPen(255, 200, 0, width=2, cosmetic=True)
        self.highlight = _path_item(thin)
        self.pinned = _path_item(pg.mkPen(0, 230, 255, width=2, cosmetic=True), z=11)
        self.region = _path_item(pg.mkPen(255, 255, 255, 160, width=1, style=Qt.PenStyle.DashLine,
                                          cosmetic=True), padding_brush(), z=5)
        self.footprint = _path_item(pg.mkPen(255, 255, 255, 150, width=1, cosmetic=True,
                                             style=Qt.PenStyle.DotLine), z=9)
        for item in (self.highlight, self.pinned, self.region, self.footprint):
            self.vb.addItem(item, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        # After the view's transform is set, so viewPixelSize is current: on
        # sigRangeChanged it was the old one, and a resize changes the cells'
        # size without a range change.
        self.vb.sigTransformChanged.connect(self._update_labels)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.set_title(title)

    # --- title and placeholder ------------------------------------------------
    def set_title(self, text: str, short: str = "") -> None:
        """The title, cut with "…" to the view's width; the full text is the tooltip.
        ``short``: shown instead where ``text`` does not fit ("302×453×3" for
        "302×453 × 3 channels", which was cut to "302×453 × …")."""
        self._title_text, self._short_title = text, short
        self._elide_title()

    def title_text(self) -> str:
        return self._title_text

    def shown_title(self) -> str:
        return self.title.text

    def title_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(TITLE_POINTS)
        return font

    def _elide_title(self) -> None:
        fm, room = QFontMetrics(self.title_font()), max(self.width() - 16, 10)
        text = self._title_text
        if self._short_title and fm.horizontalAdvance(text) > room:
            text = self._short_title
        shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
        self.title.setText(shown)
        self.setToolTip(self._title_text if shown != self._title_text else "")

    def set_placeholder(self, text: str) -> None:
        """A sentence over the view (e.g. while the core compiles); "" hides it."""
        self.placeholder.setText(text)
        self.placeholder.setVisible(bool(text))
        self._place_placeholder()

    def _place_placeholder(self) -> None:
        w = min(self.width() - 16, 420)
        self.placeholder.setFixedWidth(max(w, 40))
        h = self.placeholder.heightForWidth(self.placeholder.width())
        self.placeholder.setFixedHeight(max(h, 20))
        self.placeholder.move((self.width() - self.placeholder.width()) // 2,
                              (self.height() - self.placeholder.height()) // 2)

    @guarded
    def resizeEvent(self, event) -> None:
        if self.placeholder is not None:
            self._elide_title()
            self._place_placeholder()
        super().resizeEvent(event)

    # --- the array ------------------------------------------------------------

    def set_array(self, a: np.ndarray | None, origin=(0.0, 0.0), rgb: bool = False,
                  levels: tuple[float, float] | None = None) -> None:
        """Show ``a`` (H, W) or (H, W, 3) with its top-left cell at ``origin`` (x, y);
        ``levels``: colour limits shared with other views (default: ``a``'s own)."""
        if a is None:
            self.image_item.clear()
            self._shape, self._source = (), None
            self._set_labels(None)
            return
        if a is self._source and origin == self.origin and levels == self._asked:
            return  # unchanged: keep pyqtgraph's rendered image
        self._source, self._asked = a, levels
        levels = levels or (colour_levels(a) if rgb else value_levels(a))
        self.image_item.setImage(a, autoLevels=False, levels=levels)
        if not rgb:
            self.image_item.setColorMap(DIVERGING_MAP)
        self.origin = origin
        self.image_item.setRect(QRectF(origin[0], origin[1], a.shape[1], a.shape[0]))
        self._shape = a.shape
        self._levels = levels
        self._set_labels(None if rgb else a)

    def extent(self) -> QRectF:
        """The shown array's rectangle in view coordinates."""
        if not self._shape:
            return QRectF()
        return QRectF(self.origin[0], self.origin[1], self._shape[1], self._shape[0])

    def _set_labels(self, a) -> None:
        """Remember what to label; the numbers follow the visible cells."""
        self._numbers = a
        self._label_widths = None  # measured when a cell is wide enough for any number
        self._update_labels()

    def _label_width(self, level: int) -> int | None:
        """Screen pixels the widest number of the shown array needs at ``level``
        of ``number_forms`` (None: no number has that many forms), from a
        sample of 2,000 values and the extremes. Measured once per array and
        level, and only once its cells are few and wide enough to hold
        numbers: format_number of 2,000 values takes about 1.7 ms, their
        number_forms 11 (2 of the ~24 ms from a kernel edit to the screen at
        1024², where the cells are far too small for numbers anyway)."""
        widths = self._label_widths
        if widths is None:
            a = self._numbers
            flat = np.ravel(a)
            probe = flat[::max(1, flat.size // 2000)].tolist() + [float(np.nanmin(a)),
                                                                  float(np.nanmax(a))]
            self._probe, self._probe_forms = probe, None
            widths = self._label_widths = [self._widest([format_number(v) for v in probe])]
        while len(widths) <= level:  # the shorter forms, when they are needed
            if self._probe_forms is None:
                self._probe_forms = [number_forms(v) for v in self._probe]
            n = len(widths)
            if all(len(f) <= n for f in self._probe_forms):
                return None
            widths.append(self._widest([f[min(n, len(f) - 1)] for f in self._probe_forms]))
        return widths[level]

    def _widest(self, texts: list[str]) -> int:
        return QFontMetrics(self._label_font).horizontalAdvance(max(texts, key=len)) + 6

    def _text(self, v: float) -> str:
        forms = number_forms(v) if self._level else [format_number(v)]
        return forms[min(self._level, len(forms) - 1)]

    def _visible_cells(self):
        """(rows, cols) ranges of the array on screen, or None when its numbers
        would be too many to draw or not fit in their cells in any form."""
        a = self._numbers
        px = self.vb.viewPixelSize()[0]
        if a is None or not a.size or px <= 0 or 1.0 / px < self._narrowest:
            return None
        (x0, x1), (y0, y1) = self.vb.viewRange()
        ox, oy = self.origin
        r0, r1 = max(int(np.floor(y0 - oy)), 0), min(int(np.ceil(y1 - oy)), a.shape[0])
        c0, c1 = max(int(np.floor(x0 - ox)), 0), min(int(np.ceil(x1 - ox)), a.shape[1])
        if r1 <= r0 or c1 <= c0 or (r1 - r0) * (c1 - c0) > MAX_LABELLED_CELLS:
            return None
        level = 0  # the most precise that fits: one long value no longer hid every
        # number of a view (0.00274 needed 56 px of 55 in "Stride (3, 4)")
        while (width := self._label_width(level)) is not None and 1.0 / px < width:
            level += 1
        if width is None:
            return None
        self._level = level
        return range(r0, r1), range(c0, c1)

    def _grown_font(self) -> QFont:
        """The label font for the cells on screen now (``LABEL_GROWTH``),
        in whole half points so that small zooms keep the same one."""
        cell = 1.0 / self.vb.viewPixelSize()[0]
        fm = QFontMetrics(self._label_font)
        room = min(cell / (2 * (self._label_width(self._level) or cell)),
                   0.4 * cell / fm.height())
        base = self._label_font.pointSizeF()
        points = round(2 * base * min(max(room, 1.0), LABEL_GROWTH)) / 2
        if points != self._drawn_font.pointSizeF():
            self._drawn_font = QFont(self._label_font)
            self._drawn_font.setPointSizeF(max(points, base))
        return self._drawn_font

    def _update_labels(self, *_) -> None:
        """Numbers in every visible cell that is wide enough on screen to hold one."""
        cells = self._visible_cells()
        n = len(cells[0]) * len(cells[1]) if cells else 0
        font = self._grown_font() if n else self._drawn_font
        while len(self._labels) < n:
            t = pg.TextItem(anchor=(0.5, 0.5))
            t.setZValue(8)
            self.vb.addItem(t, ignoreBounds=True)
            self._labels.append(t)
        for t in self._labels[n:]:
            t.setVisible(False)
        if not n:
            return
        a, m = self._numbers, self._levels[1]
        for t, (r, c) in zip(self._labels, ((r, c) for r in cells[0] for c in cells[1])):
            v = float(a[r, c])
            if t.textItem.font() != font:
                t.setFont(font)
            t.setText(self._text(v), color=readable_on(diverging(v, m)))
            t.setPos(self.origin[0] + c + 0.5, self.origin[1] + r + 0.5)
            t.setVisible(True)

    def labels_shown(self) -> list[str]:
        """The numbers drawn in cells right now."""
        return [t.textItem.toPlainText() for t in self._labels if t.isVisible()]

    def set_dimmed(self, dimmed: bool) -> None:
        self.image_item.setOpacity(0.3 if dimmed else 1.0)

    def set_region(self, path: QPainterPath | None) -> None:
        self.region.setPath(path or QPainterPath())

    def set_footprint(self, cells) -> None:
        """A faint outline of where the kernel sits (its starting position)."""
        self.footprint.setPath(cells_path(cells or [], self.origin))

    def set_highlight(self, cells, pinned: bool = False) -> None:
        item = self.pinned if pinned else self.highlight
        item.setPath(cells_path(cells or [], self.origin))

    def cell_at(self, scene_pos) -> tuple[int, int] | None:
        if not self._shape or not self.vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.vb.mapSceneToView(scene_pos)
        r, c = int(np.floor(p.y() - self.origin[1])), int(np.floor(p.x() - self.origin[0]))
        if 0 <= r < self._shape[0] and 0 <= c < self._shape[1]:
            return r, c
        return None

    def _on_mouse_moved(self, pos) -> None:
        cell = self.cell_at(pos)
        if cell is None:
            self.hoverLeft.emit()
        else:
            self.cellHovered.emit(*cell)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        cell = self.cell_at(event.scenePos())
        if cell is not None:
            self.cellClicked.emit(*cell)
