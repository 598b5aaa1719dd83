"""Hover and pin: outline receptive fields and explain the pinned value."""

from __future__ import annotations

from PySide6.QtCore import QObject

from convlab.model import receptive_field as fields
from convlab.model.compute import Frame
from convlab.model.document import Document
from convlab.model.player import pool_cells
from convlab.qt.details import DetailsPanel
from convlab.qt.views import ViewsPanel


class Inspector(QObject):
    def __init__(self, views: ViewsPanel, details: DetailsPanel, parent=None) -> None:
        super().__init__(parent)
        self.views, self.details = views, details
        self.doc: Document | None = None
        self.frame: Frame | None = None
        self.pinned: tuple[int, int] | None = None
        self._explained: tuple | None = None  # (stage, i, j, its shape) explained unpinned
        views.output_view.cellHovered.connect(lambda i, j: self._outline(i, j, False))
        views.output_view.cellClicked.connect(self.pin)
        views.input_view.cellHovered.connect(self._on_input_hovered)
        views.padded_view.cellHovered.connect(self._on_padded_hovered)
        views.pool_view.cellHovered.connect(self._on_pool_hovered)
        views.pool_view.cellClicked.connect(self._on_pool_clicked)
        for view in views.views():
            view.hoverLeft.connect(self._clear_hover)

    def update(self, doc: Document, frame: Frame) -> None:
        self.doc, self.frame = doc, frame
        out = frame.output if frame.ok else None
        if self.pinned and (out is None or self.pinned[0] >= out.shape[1]
                            or self.pinned[1] >= out.shape[2]):
            self.pinned = None
            self.details.show_hint()  # the pinned pixel went with the old shape
        self._clear_hover()
        first = fields.tap_cells(doc, 0, 0) if frame.ok else []
        self.views.padded_view.set_footprint(first)  # the window's starting position
        if self.pinned:
            self.pin(*self.pinned)
        else:
            for view in self.views.views():
                view.set_highlight([], pinned=True)
            self._explain_again()

    def _explain_again(self) -> None:
        """A sum shown for the player (not pinned) follows the new numbers, or
        gives way to the hint when its output shape is gone: it never stays
        from an older kernel or input."""
        if self._explained is None:
            return
        stage, i, j, shape = self._explained
        self._explained = None
        shown = self.frame.pooled if stage == "pooling" else self.frame.output
        if not self._ready() or shown is None or shown.shape != shape:
            self.details.show_hint()
        elif stage == "pooling":
            self.show_pooled(i, j)
        else:
            self.show_position(i, j)

    def pin(self, i: int, j: int) -> None:
        if not self._ready():
            return
        self.pinned = (i, j)
        self.show_position(i, j)

    def show_position(self, i: int, j: int) -> None:
        """Outline (i, j)'s receptive field and explain its sum, without pinning."""
        if not self._ready():
            return
        self._outline(i, j, True)
        self._explained = ("convolution", i, j, self.frame.output.shape)
        co = self.doc.out_channel(self.frame.output.shape[0])
        parts, bias = fields.breakdown(self.doc, self.frame.padded, co, i, j)
        self.details.show_breakdown((co, i, j), parts, bias, float(self.frame.output[co, i, j]))

    def _ready(self) -> bool:
        return self.doc is not None and self.frame is not None and self.frame.ok

    def _outline(self, i: int, j: int, pinned: bool) -> None:
        if not self._ready():
            return
        taps = fields.tap_cells(self.doc, i, j)
        self.views.padded_view.set_highlight(taps, pinned)
        self.views.input_view.set_highlight(fields.source_cells(self.doc, i, j), pinned)
        self.views.output_view.set_highlight([(i, j)], pinned)
        self.views.pool_view.set_highlight([], pinned)  # a pooled pixel's, gone
        self._hovered = None

    def _on_input_hovered(self, r: int, c: int) -> None:
        if not self._ready():
            return
        self._hovered = None
        outs = fields.outputs_fed_by(self.doc, r, c, self.frame.output.shape[1:])
        self.views.output_view.set_highlight(outs)
        self.views.input_view.set_highlight([(r, c)])
        self.views.padded_view.set_highlight(fields.padded_copies(self.doc, r, c))

    def _on_padded_hovered(self, r: int, c: int) -> None:
        if not self._ready():
            return
        rows, cols = fields.index_maps(self.doc)
        src_r, src_c = int(rows[r]), int(cols[c])
        if src_r >= 0 and src_c >= 0:
            self._on_input_hovered(src_r, src_c)  # the cell and its copies
        else:  # a zero of the padding: it feeds no input's outline
            self._clear_hover()
            self.views.padded_view.set_highlight([(r, c)])

    def _on_pool_hovered(self, i: int, j: int) -> None:
        """A pooled pixel outlines its window in the output (with the pooling
        padding, outside the output's edge) and, behind that, every padded and
        input cell the window's outputs read: how far a pooled pixel sees (a
        2×2 max over a 3×3 kernel sees 4×4)."""
        if self._ready() and self.frame.pooled is not None and self._hovered != (i, j):
            self._outline_pooled(i, j, False)  # (every mouse move inside a cell came here)
            self._hovered = (i, j)

    def _on_pool_clicked(self, i: int, j: int) -> None:
        """A click on a pooled pixel writes out what it pools, as the player's
        pooling stage does (a click did nothing); an output pin gives way."""
        self.pinned = None
        self.show_pooled(i, j)

    def show_pooled(self, i: int, j: int) -> None:
        """The player's pooling stage: pooled pixel (i, j)'s window outlined as
        its hover does, and what it pools written out in the sum panel."""
        if not self._ready() or self.frame.pooled is None:
            return
        window, outs = self._outline_pooled(i, j, True)
        self._explained = ("pooling", i, j, self.frame.pooled.shape)
        co = self.doc.out_channel(self.frame.output.shape[0])
        values = [float(self.frame.output[co, r, c]) for r, c in outs]
        padded = len(window) - len(outs)
        self.details.show_pooling((co, i, j), self.doc.pooling.mode, values, padded,
                                  float(self.frame.pooled[co, i, j]))

    def _outline_pooled(self, i: int, j: int, pinned: bool) -> tuple[list, list]:
        """Outline pooled pixel (i, j) and what it sees; its window's cells,
        all and those inside the output."""
        oh, ow = self.frame.output.shape[1:]
        window = pool_cells(self.doc, i, j)  # its padding too, outside the output
        outs = [(r, c) for r, c in window if 0 <= r < oh and 0 <= c < ow]
        rows, cols = sorted({r for r, _ in outs}), sorted({c for _, c in outs})
        taps, sources = fields.block_cells(self.doc, rows, cols)
        self.views.pool_view.set_highlight([(i, j)], pinned)
        self.views.output_view.set_highlight(window, pinned)
        self.views.padded_view.set_highlight(taps, pinned)
        self.views.input_view.set_highlight(sources, pinned)
        return window, outs

    _hovered: tuple[int, int] | None = None  # the pooled pixel outlined by its hover

    def _clear_hover(self) -> None:
        self._hovered = None
        for view in self.views.views():
            view.set_highlight([])
