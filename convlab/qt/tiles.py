"""Every input channel and every output channel as small tiles; click to select."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal

from convlab.model.compute import Frame
from convlab.model.document import Document
from convlab.qt.colors import DIVERGING_MAP, GRAY_MAP, levels_for

RGB_NAMES = ("R", "G", "B")
TILE_PIXELS = 128


class ChannelTiles(pg.GraphicsLayoutWidget):
    tileClicked = Signal(str, int)  # "input" or "output", channel

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("channelTiles")
        self.setBackground((40, 40, 44))
        self.setMinimumHeight(110)
        self.setMaximumHeight(170)
        self.setToolTip("Every channel; click a tile to show and edit that channel")
        self.tiles: dict[tuple[str, int], pg.ImageItem] = {}
        self._shown: dict = {}
        self._layout_key: tuple = ()

    def update_tiles(self, doc: Document, frame: Frame) -> None:
        cin = doc.image.shape[0]
        cout = frame.output.shape[0] if frame.ok else doc.weight.shape[0]
        key = (cin, cout)
        if key != self._layout_key:
            self._rebuild(cin, cout)
        for ci in range(cin):
            self._set(("input", ci), doc.image[ci], ci == doc.selected[1])
        if frame.ok:
            for co in range(cout):
                self._set(("output", co), frame.output[co], co == doc.selected[0])

    def _rebuild(self, cin: int, cout: int) -> None:
        self.clear()
        self.tiles, self._shown = {}, {}
        self._layout_key = (cin, cout)
        for row, (kind, n) in enumerate((("input", cin), ("output", cout))):
            for c in range(n):
                name = RGB_NAMES[c] if kind == "input" and cin == 3 else str(c)
                vb = self.addViewBox(row=2 * row + 1, col=c, lockAspect=True, invertY=True)
                vb.setMouseEnabled(False, False)
                vb.setMenuEnabled(False)
                self.addLabel(f"{kind} {name}", row=2 * row, col=c, size="8pt")
                item = pg.ImageItem(axisOrder="row-major")
                item.mouseClickEvent = self._clicker(kind, c)
                vb.addItem(item)
                self.tiles[(kind, c)] = item

    def _clicker(self, kind: str, c: int):
        def click(event) -> None:
            if event.button() == Qt.MouseButton.LeftButton:
                event.accept()
                self.tileClicked.emit(kind, c)
        return click

    def _set(self, key, a: np.ndarray, selected: bool) -> None:
        """Show ``a`` in a tile: a small tile needs no more than ~128 pixels a side."""
        item = self.tiles[key]
        if self._shown.get(key) == (id(a), selected) and getattr(item, "_src", None) is a:
            return  # unchanged input channel: nothing to redraw
        item._src = a
        self._shown[key] = (id(a), selected)
        step = max(1, max(a.shape) // TILE_PIXELS)
        a = a[::step, ::step]
        levels, div = levels_for(a)
        item.setImage(a, autoLevels=False, levels=levels)
        item.setColorMap(DIVERGING_MAP if div else GRAY_MAP)
        item.setBorder(pg.mkPen(0, 230, 255, width=3) if selected else None)
        item.getViewBox().autoRange(padding=0.05)
