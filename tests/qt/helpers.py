"""Driving the window the way a user does."""

import threading

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QApplication

from convlab.core import conv2d


def find(win, cls, name):
    w = win.findChild(cls, name)
    assert w is not None, f"no {cls.__name__} named {name}"
    return w


def type_into_spin(qtbot, box: QAbstractSpinBox, value) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert box.lineEdit().selectedText() == box.text(), "could not select the old value"
    qtbot.keyClicks(box, str(value))
    qtbot.keyClick(box, Qt.Key.Key_Return)


def type_into_cell(qtbot, grid, row: int, col: int, text: str) -> None:
    grid.setCurrentIndex(grid.model().index(row, col))
    grid.setFocus()
    qtbot.keyClicks(grid, text[0])  # the first key opens the cell's editor...
    editor = QApplication.focusWidget()
    assert editor is not grid, "typing did not open an editor"
    qtbot.keyClicks(editor, text[1:])  # ...which receives the rest, as for a user
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits through a queued call: let the event loop run it.
    qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState)


def click_grid_cell(qtbot, grid, row: int, col: int) -> None:
    rect = grid.visualRect(grid.model().index(row, col))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shown(view) -> np.ndarray:
    """The array the user sees in a pyqtgraph view."""
    return view.image_item.image


def expected_output(doc) -> np.ndarray:
    g = doc.geometry
    return conv2d(doc.image.astype(np.float64), doc.weight, doc.bias, **g.conv_kwargs())


def click_cell(qtbot, view, row: int, col: int, move_only: bool = False) -> None:
    """Hover or click the centre of a cell of an ArrayView."""
    scene_pt = view.vb.mapViewToScene(QPointF(view.origin[0] + col + 0.5,
                                              view.origin[1] + row + 0.5))
    pt = view.mapFromScene(scene_pt)
    qtbot.mouseMove(view.viewport(), pt)
    if not move_only:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pt)


def plain(shown: str) -> str:
    """A label's text as written: ``unbroken_formulas``' glue taken out."""
    return shown.replace("\u2060", "").replace("\u00a0", " ")


def learner_threads():
    return [t for t in threading.enumerate() if t.name == "convlab-learner" and t.is_alive()]


def steps(win) -> int:
    """Steps the window's learning run has taken (0 without a run)."""
    lr = win.learning.learner
    return 0 if lr is None else lr.steps_done


def start_long_run(qtbot, win, chapter: bool = True, seed: int | None = None):
    """The chapter example (or, with ``chapter=False``, the problem as it is),
    playing at 15 steps/s for up to 2000 steps, two steps in: a run to act on
    while it goes."""
    p = win.learn_panel
    if chapter:
        p.chapter.click()
    if seed is not None:
        p.seed.setValue(seed)
    p.max_steps.setValue(2000)
    p.speed.setCurrentText("15 steps/s")
    p.play.click()
    qtbot.waitUntil(lambda: steps(win) >= 2, timeout=10_000)
    return win.learning.learner
