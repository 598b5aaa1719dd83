"""Start-up: frames before the compiled core is ready, and a warm-up that fails."""

import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from convlab.core import _numpy_path
from convlab.core.warmup import Warmup
from helpers import expected_output, find, shown


def open_window(qtbot):
    from convlab.app import create_window

    before = {t.ident for t in threading.enumerate()}
    win = create_window([])
    qtbot.addWidget(win)
    win.show()
    return win, before


def close(qtbot, win, before):
    win.close()
    win.shutdown()
    qtbot.waitUntil(lambda: not [t for t in threading.enumerate()
                                 if t.ident not in before and t.is_alive()
                                 and t.name.startswith("convlab")], timeout=5000)
    assert not _numpy_path.serving()  # closing hands the core back to the kernels


@pytest.fixture
def compiling(qtbot, monkeypatch):
    """The window while the compiler process never finishes (until it closes)."""
    monkeypatch.setattr(Warmup, "_compile_in_child", lambda self: self._stopped.wait())
    win, before = open_window(qtbot)
    qtbot.waitUntil(lambda: win.controller.frame.ok, timeout=10_000)
    yield win
    close(qtbot, win, before)


@pytest.fixture
def failed(qtbot, monkeypatch):
    def boom(self):
        raise RuntimeError("no compiler here")

    monkeypatch.setattr(Warmup, "_compile_in_child", boom)
    win, before = open_window(qtbot)
    qtbot.waitUntil(lambda: win.controller.warmup_error is not None, timeout=10_000)
    yield win
    close(qtbot, win, before)


def output_matches(win) -> bool:
    c = win.controller
    if c.pending or not c.frame.ok:
        return False
    got = shown(find(win, object, "outputView"))
    want = expected_output(c.doc)[c.doc.selected[0]]
    return got.shape == want.shape and np.allclose(got, want, rtol=1e-5, atol=1e-5)


def test_the_first_frame_comes_from_numpy_while_the_core_compiles(qtbot, compiling):
    win = compiling
    assert not win.controller.ready and _numpy_path.serving()
    qtbot.waitUntil(lambda: output_matches(win))
    note = find(win, QLabel, "compilingNote")
    assert note.isVisible() and "frames are slower until it finishes" in note.text()
    win.controller.apply(win.controller.doc.with_kernel_size(5, 5), "kernel size")
    qtbot.waitUntil(lambda: output_matches(win))
    assert win.controller.doc.weight.shape[2:] == (5, 5)


def test_building_the_window_computes_with_numpy(qtbot, monkeypatch):
    """Building the window computes (the Learn panel's stability readout runs
    gram); with an empty Numba cache a compiled call there compiled on the GUI
    thread for 6 s before the first frame. NumPy must already serve it."""
    from convlab.core import gram as gram_module

    def compiled(*args, **kwargs):
        raise AssertionError("a compiled kernel ran while the window was built")

    monkeypatch.setattr(gram_module, "_compiled_gram", compiled)
    monkeypatch.setattr(Warmup, "_compile_in_child", lambda self: self._stopped.wait())
    win, before = open_window(qtbot)
    qtbot.waitUntil(lambda: win.controller.frame.ok, timeout=10_000)
    close(qtbot, win, before)


def test_lessons_player_and_learning_work_while_the_core_compiles(qtbot, compiling):
    from convlab.model.lessons import LESSONS

    win = compiling
    lesson = next(l for l in LESSONS if l.title == "Cross-correlation of a 3×3 matrix")
    win.load_lesson(lesson)
    qtbot.waitUntil(lambda: output_matches(win))
    np.testing.assert_allclose(shown(find(win, object, "outputView")), lesson.expected[0])
    win.player_dock.raise_()
    qtbot.waitUntil(lambda: win.player.isVisible() and not win.player.pending)
    qtbot.mouseClick(find(win, object, "playerStep"), Qt.MouseButton.LeftButton)
    assert find(win, object, "playerScrubber").value() == 1
    win.learn_dock.raise_()
    step = find(win, object, "learnStep")
    for _ in range(3):
        qtbot.mouseClick(step, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.learning.learner is not None
                    and win.learning.learner.steps_done >= 3, timeout=10_000)
    _, lowest, _ = win.learning.learner.curve.arrays()
    assert lowest[-1] < lowest[0]
    assert not win.controller.ready and _numpy_path.serving()


def test_a_failed_warm_up_is_shown_and_numpy_keeps_serving(qtbot, failed):
    win = failed
    label = find(win, QLabel, "messageLabel")
    assert label.isVisible() and "no compiler here" in label.text()
    assert "slower NumPy path" in label.text()
    assert not find(win, QLabel, "compilingNote").isVisible()
    assert not win.controller.ready and _numpy_path.serving()
    qtbot.waitUntil(lambda: output_matches(win))
    win.controller.apply(win.controller.doc.with_kernel_size(2, 2), "kernel size")
    qtbot.waitUntil(lambda: output_matches(win))
    assert win.controller.doc.weight.shape[2:] == (2, 2)


def test_warm_up_loads_the_compiled_core_and_hands_over(qtbot):
    win, before = open_window(qtbot)
    qtbot.waitUntil(lambda: win.controller.ready, timeout=120_000)
    assert win.controller.warmup_error is None and not _numpy_path.serving()
    assert not find(win, QLabel, "compilingNote").isVisible()
    qtbot.waitUntil(lambda: output_matches(win))
    close(qtbot, win, before)
