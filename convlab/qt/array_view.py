"""One pyqtgraph image view with overlays: outlines, a tint, values in cells."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from convlab.model.parse import format_number
from convlab.qt.colors import DIVERGING_MAP, GRAY_MAP, levels_for

MAX_LABELLED_CELLS = 32 * 32
MIN_LABEL_PIXELS = 22  # a cell narrower than this on screen shows no number
CHAR_PIXELS = 7  # roughly, per character of a cell's number


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


class _Title(pg.LabelItem):
    """A label that never widens its view: pyqtgraph's asks for its text's width
    on every resize, which pushed views past their share of the splitter."""

    def updateMin(self) -> None:
        super().updateMin()
        self.setMinimumWidth(0)
        h = self.itemRect().height()
        for hint in (Qt.SizeHint.MinimumSize, Qt.SizeHint.PreferredSize):
            self._sizeHint[hint] = (0, h)


class ArrayView(pg.GraphicsLayoutWidget):
    """Shows one 2-D (or RGB) array; emits the cell under the mouse."""

    cellHovered = Signal(int, int)
    cellClicked = Signal(int, int)
    hoverLeft = Signal()

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setBackground(QColor(40, 40, 44))
        self.title = _Title(title)
        self.addItem(self.title, row=0, col=0)
        self.setMinimumWidth(60)
        self.vb = self.addViewBox(row=1, col=0, lockAspect=True, invertY=True)
        self.vb.setMenuEnabled(False)
        self.image_item = pg.ImageItem(axisOrder="row-major")
        self.vb.addItem(self.image_item)
        self.origin = (0.0, 0.0)
        self._source: np.ndarray | None = None
        self._chars = 1
        self._labels: list[pg.TextItem] = []
        self._shape: tuple[int, ...] = ()
        thin = pg.mkPen(255, 200, 0, width=2, cosmetic=True)
        self.highlight = _path_item(thin)
        self.pinned = _path_item(pg.mkPen(0, 230, 255, width=2, cosmetic=True), z=11)
        self.region = _path_item(pg.mkPen(255, 255, 255, 160, width=1, style=Qt.PenStyle.DashLine,
                                          cosmetic=True), QBrush(QColor(90, 160, 255, 60)), z=5)
        self.footprint = _path_item(pg.mkPen(255, 255, 255, 150, width=1, cosmetic=True,
                                             style=Qt.PenStyle.DotLine), z=9)
        for item in (self.highlight, self.pinned, self.region, self.footprint):
            self.vb.addItem(item, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.vb.sigRangeChanged.connect(self._update_label_visibility)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def set_array(self, a: np.ndarray | None, origin=(0.0, 0.0), rgb: bool = False) -> None:
        """Show ``a`` (H, W) or (H, W, 3) with its top-left cell at ``origin`` (x, y)."""
        if a is None:
            self.image_item.clear()
            self._shape, self._source = (), None
            self._set_labels(None)
            return
        if a is self._source and origin == self.origin:
            return  # unchanged: keep pyqtgraph's rendered image
        self._source = a
        levels, div = levels_for(a)
        self.image_item.setImage(a, autoLevels=False, levels=levels)
        if not rgb:
            self.image_item.setColorMap(DIVERGING_MAP if div else GRAY_MAP)
        self.origin = origin
        self.image_item.setRect(QRectF(origin[0], origin[1], a.shape[1], a.shape[0]))
        self._shape = a.shape
        self._set_labels(None if rgb else a, levels)

    def extent(self) -> QRectF:
        """The shown array's rectangle in view coordinates."""
        if not self._shape:
            return QRectF()
        return QRectF(self.origin[0], self.origin[1], self._shape[1], self._shape[0])

    def _set_labels(self, a, levels=(0, 1)) -> None:
        if a is None or a.size > MAX_LABELLED_CELLS:
            for t in self._labels:
                self.vb.removeItem(t)
            self._labels = []
            return
        if len(self._labels) != a.size:
            self._set_labels(None)
            self._labels = [pg.TextItem(anchor=(0.5, 0.5)) for _ in range(a.size)]
            for t in self._labels:
                t.setZValue(8)
                self.vb.addItem(t, ignoreBounds=True)
        lo, hi = levels
        self._chars = 1
        for (r, c), t in zip(np.ndindex(a.shape), self._labels):
            v = float(a[r, c])
            frac = 0.5 if hi == lo or v != v else (v - lo) / (hi - lo)
            dark = (lo < 0 < hi and abs(frac - 0.5) > 0.3) or (not lo < 0 < hi and frac < 0.55)
            text = format_number(v)
            self._chars = max(self._chars, len(text))
            t.setText(text, color=(255, 255, 255) if dark else (0, 0, 0))
            t.setPos(self.origin[0] + c + 0.5, self.origin[1] + r + 0.5)
        self._update_label_visibility()

    def _update_label_visibility(self, *_) -> None:
        """Numbers only where a cell is wide enough on screen to hold one."""
        px = self.vb.viewPixelSize()[0]
        need = max(MIN_LABEL_PIXELS, CHAR_PIXELS * self._chars + 4)
        visible = px > 0 and 1.0 / px >= need
        for t in self._labels:
            t.setVisible(visible)

    def labels_visible(self) -> bool:
        return bool(self._labels) and self._labels[0].isVisible()

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
