"""Every input channel and every output channel as small tiles; click to select."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics

from convlab.model.compute import Frame
from convlab.model.document import Document
from convlab.qt.colors import DIVERGING_MAP, SELECTION, value_levels

RGB_NAMES = ("R", "G", "B")
TILE_PIXELS = 128
HEIGHT = 124  # fixed: the tiles never take height from the views


class Tile(pg.ImageItem):
    """One channel's image; a click selects that channel."""

    def __init__(self, on_click) -> None:
        super().__init__(axisOrder="row-major")
        self._on_click = on_click
        self.source: tuple | None = None  # (array, channel, selected) last shown

    def mouseClickEvent(self, event) -> None:  # noqa: N802 - pyqtgraph's name
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self._on_click()


class ChannelTiles(pg.GraphicsLayoutWidget):
    """The tiles in reading order, inputs then outputs: in one row, or in two
    with smaller captions when one row would need more width than there is
    (each tile as wide as its caption). In one row, 16 inputs and 8 outputs
    needed about 1,000 pixels, and at 1280 × 720 the strip showed "in 0" to
    "in 11" and cut the rest off."""

    tileClicked = Signal(str, int)  # "input" or "output", channel
    POINTS = (9, 8)  # caption sizes in one row and in two
    SPACING, PAD = 3, 8  # pixels between tiles; beside a caption's text, with the spacing

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("channelTiles")
        self.setBackground((40, 40, 44))
        self.setFixedHeight(HEIGHT)
        self.setToolTip(self.tr("Every channel; click a tile to show and edit that channel"))
        self.ci.setSpacing(self.SPACING)
        self.tiles: dict[tuple[str, int], Tile] = {}
        self._layout_key: tuple = ()
        self._shown: tuple | None = None  # (doc, frame) last shown

    def rows_for(self, cin: int, cout: int, width: int) -> int:
        """1 if the tiles' captions fit across ``width`` pixels in one row, else 2."""
        widest = self._caption("output" if cout >= cin else "input", str(max(cin, cout) - 1),
                               cin + cout > 6)
        font = QFont(self.font())
        font.setPointSize(self.POINTS[0])
        return 1 if (cin + cout) * (QFontMetrics(font).horizontalAdvance(widest)
                                    + self.PAD) <= width else 2

    def update_tiles(self, doc: Document, frame: Frame) -> None:
        self._shown = (doc, frame)
        cin = doc.image.shape[0]
        cout = frame.output.shape[0] if frame.ok else doc.weight.shape[0]
        key = (cin, cout, self.rows_for(cin, cout, self.width()))
        if key != self._layout_key:
            self._rebuild(*key)
            # The layout's geometry had been held at the old rows' minimum width
            # (787 pixels in a 447-pixel strip after 1920 → 1280): set it again.
            pg.GraphicsLayoutWidget.resizeEvent(self, None)
        for ci in range(cin):
            self._set(("input", ci), doc.image, ci, ci == doc.selected[1])
        if frame.ok:
            for co in range(cout):
                self._set(("output", co), frame.output, co, co == doc.selected[0])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "_shown", None) is not None:  # (None while pyqtgraph's __init__ runs)
            QTimer.singleShot(0, self, self._relayout)  # once the resize is over

    def _relayout(self) -> None:
        """The rows again for the new width (a hidden strip is laid out when
        it is next shown, for the document then)."""
        if self.isVisible() and self.rows_for(
                *self._layout_key[:2], self.width()) != self._layout_key[2]:
            self.update_tiles(*self._shown)

    def _rebuild(self, cin: int, cout: int, rows: int) -> None:
        """Rows of tiles, each under its caption: the inputs, then the outputs."""
        self.clear()
        self.tiles = {}
        self._layout_key = (cin, cout, rows)
        per_row = -(-(cin + cout) // rows)
        t, short = 0, cin + cout > 6
        for kind, n in (("input", cin), ("output", cout)):
            for c in range(n):
                name = RGB_NAMES[c] if kind == "input" and cin == 3 else str(c)
                row, col = 2 * (t // per_row), t % per_row
                label = self.addLabel(self._caption(kind, name, short), row=row, col=col,
                                      size=f"{self.POINTS[rows - 1]}pt")
                label.item.document().setDocumentMargin(1)  # (4 by default, each side)
                label.updateMin()
                vb = self.addViewBox(row=row + 1, col=col, lockAspect=True, invertY=True)
                vb.setMouseEnabled(False, False)
                vb.setMenuEnabled(False)
                item = Tile(lambda k=kind, i=c: self.tileClicked.emit(k, i))
                vb.addItem(item)
                self.tiles[(kind, c)] = item
                t += 1

    def _caption(self, kind: str, name: str, short: bool) -> str:
        """"input 0" over a tile ("in 0" when many tiles share the row)."""
        if kind == "input":
            text = self.tr("in {channel}") if short else self.tr("input {channel}")
        else:
            text = self.tr("out {channel}") if short else self.tr("output {channel}")
        return text.format(channel=name)

    def _set(self, key, arrays: np.ndarray, channel: int, selected: bool) -> None:
        """Show ``arrays[channel]`` in a tile: a small tile needs no more than
        ~128 pixels a side. Compared by the whole array, not by the slice (a
        new object every time): a kernel edit left the input unchanged but
        redrew its three tiles, 3 of the ~24 ms from edit to screen at 1024²
        RGB."""
        item = self.tiles[key]
        if (item.source is not None and item.source[0] is arrays
                and item.source[1:] == (channel, selected)):
            return  # unchanged: nothing to redraw
        item.source = (arrays, channel, selected)
        a = arrays[channel]
        step = max(1, max(a.shape) // TILE_PIXELS)
        small = a[::step, ::step]
        item.setImage(small, autoLevels=False, levels=value_levels(small))
        item.setColorMap(DIVERGING_MAP)
        item.setBorder(pg.mkPen(*SELECTION, width=3) if selected else None)
        item.getViewBox().autoRange(padding=0.05)
