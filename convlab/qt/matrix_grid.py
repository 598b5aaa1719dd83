"""An editable grid of numbers (the kernel, or a small input), coloured by value."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPen
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QSizePolicy, QStyle,
                               QStyledItemDelegate, QTableView)

from convlab.qt.widgets import guarded
from convlab.model.parse import format_number, number_forms, parse_matrix, parse_number
from convlab.qt.colors import SELECTION, diverging, readable_on
from convlab.qt.messages import translate_message


class MatrixModel(QAbstractTableModel):
    """A 2-D float array. Edits do not change it: they emit ``matrixEdited``
    with the new array, and the owner decides (undo, channels) and calls
    ``set_matrix``."""

    matrixEdited = Signal(object)
    inputRejected = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._store(np.zeros((3, 3)))

    def _store(self, m: np.ndarray) -> None:
        """Keep a copy of ``m`` and the magnitude its colours scale to, found
        once here: per cell and role it cost a third of the grid's repaint."""
        self._m = m.copy()
        finite = np.abs(self._m[np.isfinite(self._m)])
        self._scale = float(finite.max()) if finite.size else 1.0

    def set_matrix(self, m: np.ndarray) -> None:
        m = np.asarray(m, dtype=float)
        if m.shape != self._m.shape:
            self.beginResetModel()
            self._store(m)
            self.endResetModel()
        elif not np.array_equal(m, self._m, equal_nan=True):
            self._store(m)
            last = self.index(m.shape[0] - 1, m.shape[1] - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def matrix(self) -> np.ndarray:
        return self._m.copy()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._m.shape[0]

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._m.shape[1]

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        v = float(self._m[index.row(), index.column()])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_number(v) if role == Qt.ItemDataRole.DisplayRole else repr(v)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._color(v)
        if role == Qt.ItemDataRole.ForegroundRole:
            return readable_on(self._color(v))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("row {row}, column {col}: {value}").format(
                row=index.row(), col=index.column(), value=repr(v))
        return None

    def _color(self, v: float):
        return diverging(v, self._scale)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        try:
            v = parse_number(value)
        except ValueError as exc:
            self.inputRejected.emit(
                self.tr("Cell ({row}, {col}): {error}; the cell keeps its value.").format(
                    row=index.row(), col=index.column(), error=translate_message(str(exc))))
            return False
        m = self._m.copy()
        m[index.row(), index.column()] = v
        self.matrixEdited.emit(m)
        return True

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return str(section) if role == Qt.ItemDataRole.DisplayRole else None


def fitted_number(v: float, metrics, width: int) -> str:
    """The most precise of ``number_forms(v)`` that fits ``width`` pixels, else
    the shortest cut at its end with "…": a narrow column showed -12345.5 as
    ".235e+0", cut on both sides, its minus sign lost."""
    text = format_number(v)  # the first form: most cells need no other (the grid
    if metrics.horizontalAdvance(text) <= width:  # repaints every frame of a run)
        return text
    forms = number_forms(v)
    text = next((t for t in forms[1:] if metrics.horizontalAdvance(t) <= width), None)
    return text or metrics.elidedText(forms[-1], Qt.TextElideMode.ElideRight, width)


class ValueDelegate(QStyledItemDelegate):
    """Cells always in their value's colour; selection is an outline on top,
    so a selected 7 never looks like a negative number."""

    def paint(self, painter, option, index) -> None:
        painter.save()
        bg = index.data(Qt.ItemDataRole.BackgroundRole)
        painter.fillRect(option.rect, bg)
        painter.setPen(index.data(Qt.ItemDataRole.ForegroundRole))
        painter.setFont(option.font)
        painter.drawText(option.rect, Qt.AlignmentFlag.AlignCenter,
                         fitted_number(float(index.data(Qt.ItemDataRole.EditRole)),
                                       option.fontMetrics, option.rect.width() - 4))
        selected = option.state & QStyle.StateFlag.State_Selected
        current = option.state & QStyle.StateFlag.State_HasFocus
        if selected or current:
            width = 3 if current else 2
            painter.setPen(QPen(QColor(*SELECTION) if current else QColor(20, 20, 20), width))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.restore()


class MatrixGrid(QTableView):
    """Keyboard-first: arrows move, typing edits, Delete zeroes, Ctrl+C/V copy blocks.

    Cells are wide enough for "-0.333" and grow with the space given; the grid
    asks for room for up to ``visible`` rows and columns, so a 7×7 kernel is
    seen whole; larger ones scroll."""

    def __init__(self, parent=None, cell: int = 44, visible: int = 7) -> None:
        super().__init__(parent)
        self.setModel(MatrixModel(self))
        self.setItemDelegate(ValueDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self._visible, self._max_cell = visible, cell
        # Tab and Shift+Tab leave the grid, as the shortcut list says; arrows
        # move between cells. (Qt's default kept Tab inside: a keyboard user
        # could not get past the kernel to padding and pooling.) In a cell's
        # editor, Tab still commits and opens the next cell.
        self.setTabKeyNavigation(False)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setMinimumSectionSize(18)
        self.verticalHeader().setDefaultSectionSize(self.row_height())
        self.horizontalHeader().setDefaultSectionSize(self.min_cell())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.model().modelReset.connect(self._on_shape)
        self.model().dataChanged.connect(self._fit_columns)

    def min_cell(self) -> int:
        """Pixels a column needs for "-0.333" and a little air."""
        return self.fontMetrics().horizontalAdvance("-0.333") + 10

    def row_height(self) -> int:
        return self.fontMetrics().height() + 12

    def _on_shape(self) -> None:
        self.updateGeometry()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns as wide as the widest number (at least "-0.333"), widened to
        share the width among up to ``visible`` of them."""
        cols = max(self.model().columnCount(), 1)
        room = self.viewport().width() // min(cols, self._visible)
        m = self.model().matrix()
        sample = m.ravel()[:: max(1, m.size // 400)]
        widest = max((self.fontMetrics().horizontalAdvance(format_number(float(v)))
                      for v in sample), default=0) + 12
        size = max(self.min_cell(), min(room, max(self._max_cell, widest)))
        self.horizontalHeader().setDefaultSectionSize(size)

    def _frame_size(self, cell_w: int) -> QSize:
        """Room for up to ``visible`` rows; the width is the same for every
        shape, so a new kernel size never changes the panel's width."""
        rows, cols = self.model().rowCount(), self.model().columnCount()
        header = self.fontMetrics().horizontalAdvance("00") + 10
        w = header + self._visible * cell_w + 2 * self.frameWidth()
        h = (self.horizontalHeader().sizeHint().height()
             + min(rows, self._visible) * self.row_height() + 2 * self.frameWidth())
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(w, h + (bar if cols > self._visible else 0))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._frame_size(self.min_cell())

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._frame_size(max(self._max_cell, self.min_cell()))

    @guarded
    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()

    def model(self) -> MatrixModel:  # type: ignore[override]
        return super().model()  # type: ignore[return-value]

    @guarded
    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.selection_text())
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste_text(QGuiApplication.clipboard().text())
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and \
                self.state() != QAbstractItemView.State.EditingState:
            self._zero_selection()
        else:
            super().keyPressEvent(event)

    def _selected_cells(self) -> list[tuple[int, int]]:
        cells = [(i.row(), i.column()) for i in self.selectedIndexes()]
        cur = self.currentIndex()
        return cells or ([(cur.row(), cur.column())] if cur.isValid() else [])

    def selection_text(self) -> str:
        cells = self._selected_cells() or [(r, c) for r in range(self.model().rowCount())
                                           for c in range(self.model().columnCount())]
        rows, cols = sorted({r for r, _ in cells}), sorted({c for _, c in cells})
        m = self.model().matrix()
        return "\n".join("\t".join(format_number(m[r, c]) for c in cols) for r in rows)

    def _zero_selection(self) -> None:
        m = self.model().matrix()
        for r, c in self._selected_cells():
            m[r, c] = 0.0
        self.model().matrixEdited.emit(m)

    def paste_text(self, text: str) -> None:
        """Paste a block at the current cell; it is clipped to the grid."""
        try:
            block = parse_matrix(text)
        except ValueError as exc:
            self.model().inputRejected.emit(self.tr("Paste: {error}; the grid is unchanged.")
                                            .format(error=translate_message(str(exc))))
            return
        cur = self.currentIndex()
        r0, c0 = (cur.row(), cur.column()) if cur.isValid() else (0, 0)
        m = self.model().matrix()
        h, w = min(block.shape[0], m.shape[0] - r0), min(block.shape[1], m.shape[1] - c0)
        m[r0:r0 + h, c0:c0 + w] = block[:h, :w]
        self.model().matrixEdited.emit(m)
