"""Input, padded input and output side by side, on one shared pixel scale."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGridLayout, QSplitter, QWidget

from convlab.model.compute import Frame
from convlab.model.document import Document
from convlab.model.translatable import QT_TRANSLATE_NOOP
from convlab.qt.array_view import ArrayView
from convlab.qt.widgets import guarded


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


MIN_VIEW = (200, 150)  # pixels; a grid that gives views less is used only when no other fits
PREPARING = QT_TRANSLATE_NOOP("ViewsPanel", "compiling the compute core (first run only)…")


def best_grid(n: int, width: float, height: float, extent: QRectF,
              title: float = 24, companion: bool = False, below: float = 0) -> tuple[int, int]:
    """(rows, cols) for n views that draws ``extent`` largest in width × height,
    among the grids whose views are at least MIN_VIEW (when any is). With a
    ``companion`` (the details panel), grids with a free cell for it come
    first, and the others lose ``below`` of the height: the companion's place
    under the views, which it takes when no cell is free."""
    options = []
    grids = {(r, -(-n // r)) for r in range(1, n + 1)} | {(-(-n // c), c) for c in range(1, n + 1)}
    for rows, cols in sorted(grids):
        if rows * cols - n >= cols:
            continue  # a whole empty row
        free = companion and rows * cols > n
        cw, ch = width / cols, (height - (0 if free or not companion else below)) / rows
        scale = min(cw / max(extent.width(), 1e-9), (ch - title) / max(extent.height(), 1e-9))
        roomy = cw >= MIN_VIEW[0] and ch >= MIN_VIEW[1]
        options.append((roomy, free, scale, -rows, (rows, cols)))  # ties: fewer rows
    return max(options)[-1]


class ViewsPanel(QWidget):
    """The views in a grid chosen to draw the arrays as large as the panel allows
    (a row, a column or 2×2), all at one pixel scale."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("viewsPanel")
        self.input_view = ArrayView(self.tr("input"))
        self.padded_view = ArrayView(self.tr("padded input"))
        self.output_view = ArrayView(self.tr("output"))
        self.pool_view = ArrayView(self.tr("pooled"))
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(4)
        self._arrangement: tuple = ()
        # A widget (the details panel) that fills the grid's empty cell when there
        # is one, and otherwise lives in ``_companion_home`` (shown only then).
        self._companion: QWidget | None = None
        self._companion_home: QWidget | None = None
        names = ("inputView", "paddedView", "outputView", "poolView")
        for view, name in zip(self.views(), names):
            view.setParent(self)  # in the widget tree even while not laid out
            view.setObjectName(name)
            view.setMinimumSize(120, 90)
        self._extent = QRectF()
        self._shapes: tuple = ()
        self._syncing = False
        self._user_zoomed = False
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(lambda: self.fit(force=True))
        for view in self.views():
            view.vb.sigResized.connect(self._on_resized)
            view.vb.sigRangeChangedManually.connect(self._on_user_zoom)
            view.vb.sigRangeChanged.connect(self._on_range_changed)
        self.pool_view.hide()
        self._arrange()

    def set_companion(self, widget: QWidget, home: QWidget, height: int) -> None:
        """Put ``widget`` in the grid's empty cell whenever the views leave one
        (three views in 2×2), else in ``home``'s layout, with ``home`` shown
        (``height`` pixels high, as the window lays it out)."""
        self._companion, self._companion_home = widget, home
        self._home_height = height
        self._arrangement = ()
        self._arrange()

    def companion_in_grid(self) -> bool:
        return self._companion is not None and self._companion.parentWidget() is self

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        """Room for two rows of views at their minimum, so that nothing below
        (tiles, details) or above (messages) can squeeze them under MIN_VIEW."""
        hint = super().minimumSizeHint()
        hint.setHeight(max(hint.height(), 2 * MIN_VIEW[1] + self._grid.spacing()))
        return hint

    def set_preparing(self, preparing: bool) -> None:
        """Say why the computed views are still empty."""
        for view in self.views()[1:]:
            view.set_placeholder(self.tr(PREPARING) if preparing else "")

    def _wanted(self) -> list[ArrayView]:
        return [v for v in self.views() if v is not self.pool_view or self._pooling]

    _pooling = False

    def _arrange(self) -> None:
        """Lay the views out in the grid that shows the arrays largest."""
        views = self._wanted()
        extent = self._extent if not self._extent.isEmpty() else QRectF(0, 0, 1, 1)
        room, below = self._room()
        rows, cols = best_grid(len(views), max(self.width(), 1), max(room, 1), extent,
                               companion=self._companion is not None, below=below)
        key = (rows, cols, len(views))
        if key == self._arrangement:
            return
        self._arrangement = key
        for view in self.views():
            self._grid.removeWidget(view)
        if self._companion is not None:
            self._grid.removeWidget(self._companion)
        for k, view in enumerate(views):
            self._grid.addWidget(view, k // cols, k % cols)
        n = len(views)
        self._place_companion(rows * cols > n, n // cols, n % cols, cols - n % cols)
        for i in range(4):
            self._grid.setRowStretch(i, 1 if i < rows else 0)
            self._grid.setColumnStretch(i, 1 if i < cols else 0)
        self.pool_view.setVisible(self._pooling)

    _home_height = 0

    def _room(self) -> tuple[int, int]:
        """(the views' height with the companion in the grid, what its place
        below them takes when no cell is free: its height and the handle's,
        but not from the views' minimum). The first is the splitter's height
        less its other panes, whatever the companion's place now.
        (Measured as the views' own height, it grew by the companion's place
        when the companion moved into the grid. Near a threshold the grid
        without a free cell then won, the companion went back below, the
        views shrank, and so on without end: the window hung at 1180 × 720
        with 16 input channels, its CPU at 100%.)"""
        split, home = self.parentWidget(), self._companion_home
        if self._companion is None or not isinstance(split, QSplitter):
            return self.height(), 0
        room = split.height()
        for i in range(split.count()):
            pane = split.widget(i)
            if pane is not self and pane is not home and pane.isVisibleTo(split):
                room -= pane.height() + split.handleWidth()
        below = self._home_height + split.handleWidth()
        return room, min(below, max(0, room - self.minimumSizeHint().height()))

    def _place_companion(self, empty_cell: bool, row: int, col: int, span: int) -> None:
        widget, home = self._companion, self._companion_home
        if widget is None or home is None:
            return
        if empty_cell:
            home.layout().removeWidget(widget)
            self._grid.addWidget(widget, row, col, 1, span)
            home.hide()
        else:
            self._grid.removeWidget(widget)
            home.layout().addWidget(widget)
            home.show()
        widget.show()
        QTimer.singleShot(0, self, self._settle_home)  # not after the panel is deleted

    def _settle_home(self) -> None:
        """A splitter that hid the home while it was resizing keeps the home's
        share as an empty gap: give that share back to the views."""
        split, home = self.parentWidget(), self._companion_home
        if not isinstance(split, QSplitter) or home is None or home.isVisibleTo(split):
            return
        sizes, i, j = split.sizes(), split.indexOf(self), split.indexOf(home)
        if i >= 0 and j >= 0 and sizes[j] > 0:
            sizes[i], sizes[j] = sizes[i] + sizes[j], 0
            split.setSizes(sizes)

    @guarded
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _on_resized(self, *_) -> None:
        if not self._user_zoomed:
            self._refit.start()  # once the layout has settled

    def _on_user_zoom(self, *_) -> None:
        self._user_zoomed = True

    def views(self) -> list[ArrayView]:
        return [self.input_view, self.padded_view, self.output_view, self.pool_view]

    def show_input(self, doc: Document) -> None:
        img, rgb = channel_image(doc.image, doc.selected[1])
        self.input_view.set_array(img, rgb=rgb)
        self.input_view.set_title(*self._title(self.tr("input"), doc.image))
        self.fit()

    _frame_image = None  # the input the shown padded input and output came from

    def show_frame(self, doc: Document, frame: Frame) -> None:
        for view in self.views()[1:]:
            view.set_dimmed(not frame.ok)
        if not frame.ok:
            if doc.image is not self._frame_image:
                self._clear_frame()
            return
        self._frame_image = doc.image
        t, _, l, _ = doc.geometry.pad
        img, rgb = channel_image(frame.padded, doc.selected[1])
        self.padded_view.set_array(img, origin=(-l, -t), rgb=rgb)
        self.padded_view.set_region(padding_region(doc))
        self.padded_view.set_title(*self._title(self.tr("padded input"), frame.padded))
        co = min(doc.selected[0], frame.output.shape[0] - 1)
        self.output_view.set_array(frame.output[co])
        self.output_view.set_title(*self._title(
            self.tr("output channel {channel}").format(channel=co), frame.output))
        self._show_pool(doc, frame, co)
        self.fit()

    def _clear_frame(self) -> None:
        """No output for a new input: the last valid output, dimmed, is kept
        only while it is of the same input (a first-time user saw a photo's
        output beside a 4×4 matrix, which the photo's size shrank to a dot)."""
        for view, name in ((self.padded_view, self.tr("padded input")),
                           (self.output_view, self.tr("output")),
                           (self.pool_view, self.tr("pooled"))):
            view.set_array(None)
            view.set_title(name)
        self.padded_view.set_region(None)
        self._frame_image = None
        self.fit()

    @property
    def output_kept(self) -> bool:
        """An output is on screen (the last valid one, dimmed, after a failure)."""
        return self._frame_image is not None

    def _show_pool(self, doc: Document, frame: Frame, co: int) -> None:
        if self._pooling != doc.pooling.enabled:
            self._pooling = doc.pooling.enabled
            self._arrangement = ()
            self._arrange()
            self._grid.activate()
        pooled = frame.pooled
        self.pool_view.set_dimmed(pooled is None)
        if pooled is not None:
            self.pool_view.set_array(pooled[co])
            name = (self.tr("pooled (max)") if doc.pooling.mode == "max"
                    else self.tr("pooled (avg)"))
            self.pool_view.set_title(*self._title(name, pooled))

    def _shown_views(self) -> list[ArrayView]:
        return [v for v in self.views() if v.isVisibleTo(self) and v.vb.width() > 0]

    def fit(self, force: bool = False) -> None:
        """Show every array whole, at one pixel scale in every view."""
        shown = self._shown_views()
        rect, shapes = QRectF(), tuple(v.extent().getRect() for v in self._wanted())
        for view in shown:
            rect = rect.united(view.extent())
        if not shown or rect.isEmpty() or not (force or shapes != self._shapes):
            return
        if shapes != self._shapes:
            self._user_zoomed = False  # new shapes: show them whole again
            self._shapes, self._extent = shapes, rect
            self._arrange()
            self._grid.activate()  # the views take their new sizes now
            shown = self._shown_views()
        elif self._user_zoomed:
            return  # the same shapes: keep the user's zoom
        self._extent = rect
        scale = 1.03 * max(max(rect.width() / v.vb.width(), rect.height() / v.vb.height())
                           for v in shown)  # units per screen pixel
        self._apply(rect.center().x(), rect.center().y(), scale)

    def _apply(self, cx: float, cy: float, scale: float, skip=None) -> None:
        """Centre every view on (cx, cy) at ``scale`` units per pixel."""
        self._syncing = True
        try:
            for view in self.views():
                if view.vb is skip:
                    continue
                w, h = view.vb.width() * scale / 2, view.vb.height() * scale / 2
                view.vb.setRange(xRange=(cx - w, cx + w), yRange=(cy - h, cy + h), padding=0)
        finally:
            self._syncing = False

    def _on_range_changed(self, vb, *_) -> None:
        """The user panned or zoomed one view: move the others the same way."""
        if self._syncing or vb.width() <= 0:
            return
        (x0, x1), (y0, y1) = vb.viewRange()
        self._apply((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / vb.width(), skip=vb)

    def _title(self, name: str, a: np.ndarray) -> tuple[str, str]:
        """A view's title, and its short form for a narrow view."""
        c, h, w = a.shape
        if c > 1:
            return (self.tr("{name} — {h}×{w} × {c} channels").format(name=name, h=h, w=w, c=c),
                    f"{name} — {h}×{w}×{c}")
        return self.tr("{name} — {h}×{w}").format(name=name, h=h, w=w), ""
