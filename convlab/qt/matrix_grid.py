"""An editable grid of numbers (the kernel, or a small input), coloured by value."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from convlab.qt.widgets import guarded
from convlab.model.parse import format_number, parse_matrix, parse_number
from convlab.qt.colors import diverging, readable_on


class MatrixModel(QAbstractTableModel):
    """A 2-D float array. Edits do not change it: they emit ``matrixEdited``
    with the new array, and the owner decides (undo, channels) and calls
    ``set_matrix``."""

    matrixEdited = Signal(object)
    inputRejected = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._m = np.zeros((3, 3))

    def set_matrix(self, m: np.ndarray) -> None:
        m = np.asarray(m, dtype=float)
        if m.shape != self._m.shape:
            self.beginResetModel()
            self._m = m.copy()
            self.endResetModel()
        elif not np.array_equal(m, self._m, equal_nan=True):
            self._m = m.copy()
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
            return f"row {index.row()}, column {index.column()}: {v!r}"
        return None

    def _color(self, v: float):
        finite = self._m[np.isfinite(self._m)]
        return diverging(v, float(np.abs(finite).max()) if finite.size else 1.0)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        try:
            v = parse_number(value)
        except ValueError as exc:
            self.inputRejected.emit(f"Cell ({index.row()}, {index.column()}): {exc}; "
                                    "the cell keeps its value.")
            return False
        m = self._m.copy()
        m[index.row(), index.column()] = v
        self.matrixEdited.emit(m)
        return True

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return str(section) if role == Qt.ItemDataRole.DisplayRole else None


class MatrixGrid(QTableView):
    """Keyboard-first: arrows move, typing edits, Delete zeroes, Ctrl+C/V copy blocks."""

    def __init__(self, parent=None, cell: int = 44) -> None:
        super().__init__(parent)
        self.setModel(MatrixModel(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(cell)
            header.setMinimumSectionSize(18)

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
            self.model().inputRejected.emit(f"Paste: {exc}; the grid is unchanged.")
            return
        cur = self.currentIndex()
        r0, c0 = (cur.row(), cur.column()) if cur.isValid() else (0, 0)
        m = self.model().matrix()
        h, w = min(block.shape[0], m.shape[0] - r0), min(block.shape[1], m.shape[1] - c0)
        m[r0:r0 + h, c0:c0 + w] = block[:h, :w]
        self.model().matrixEdited.emit(m)
