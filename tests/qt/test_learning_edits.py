"""What a running learning run does when the document changes under it: an
edit the run cannot go on from ends it and says so; nothing the run showed is
lost; nothing refused touches it."""

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QLabel

from convlab.model.limits import LimitError
from helpers import find, learner_threads, start_long_run, steps


def banner(win) -> str:
    return find(win, QLabel, "messageLabel").text()


def test_opening_a_session_during_a_run_keeps_its_kernel_one_undo_back(qtbot, window, tmp_path):
    """A running run's weights were never recorded: opening a session dropped
    them, and Undo went back to the kernel before the run."""
    c = window.controller
    window.files.save_as(tmp_path / "s.convlab")
    saved = c.doc
    run = start_long_run(qtbot, window)
    assert window.files.open_session(tmp_path / "s.convlab")
    assert window.learning.learner is None and c.doc == saved
    qtbot.waitUntil(lambda: not learner_threads())
    learned, _ = run.weights()
    assert not np.array_equal(learned, [[[[1.0, -1.0]]]])  # not the chapter's own kernel
    window.undo_action.trigger()
    np.testing.assert_array_equal(c.doc.weight, learned)
    assert c.history.redo_label() == "open session"


@pytest.mark.parametrize("lesson", ["Learning the edge kernel", "Padding"])
def test_a_lesson_during_a_run_keeps_its_kernel_one_undo_back(qtbot, window, lesson):
    """The learning lesson loads the chapter example; the others a document."""
    from convlab.model.lessons import LESSONS

    c = window.controller
    run = start_long_run(qtbot, window)
    window.load_lesson(next(x for x in LESSONS if x.title.startswith(lesson)))
    qtbot.waitUntil(lambda: not learner_threads())
    assert c.history.undo_label() != "learning run"
    window.undo_action.trigger()
    np.testing.assert_array_equal(c.doc.weight, run.weights()[0])


def test_save_during_a_run_writes_the_kernel_shown(qtbot, window, tmp_path):
    """Save wrote the kernel from before the run while the grid showed the run's."""
    from convlab.model import session

    c = window.controller
    start_long_run(qtbot, window)
    shown = c.doc.weight.copy()  # (the run draws on the GUI thread: not during the save)
    assert window.files.save_as(tmp_path / "s.convlab")
    saved = session.load(tmp_path / "s.convlab").doc.weight
    assert not np.array_equal(saved, c.history.current.weight)  # not the recorded one
    np.testing.assert_array_equal(saved, shown)
    window.learn_panel.play.click()


def test_quitting_during_a_run_autosaves_its_kernel(qtbot, window):
    c = window.controller
    run = start_long_run(qtbot, window)
    window.shutdown()
    assert not learner_threads()
    np.testing.assert_array_equal(c.history.current.weight, run.weights()[0])
    assert not window.files._dirty  # written by the final autosave


def test_a_session_the_limits_refuse_leaves_the_run_going(qtbot, window, tmp_path, monkeypatch):
    """The run was discarded before the session was checked, so a refused
    session still cost the run (and its unrecorded weights)."""
    import convlab.qt.controller as controller_module

    window.files.save_as(tmp_path / "s.convlab")
    run = start_long_run(qtbot, window)

    def refuse(doc, known_image=None):
        raise LimitError("too much for this test")

    monkeypatch.setattr(controller_module, "check_document", refuse)
    assert not window.files.open_session(tmp_path / "s.convlab")
    assert "too much for this test" in banner(window)
    n = steps(window)
    qtbot.waitUntil(lambda: steps(window) >= n + 2, timeout=10_000)
    assert window.learning.learner is run and run.running
    window.learn_panel.play.click()


def test_a_preset_equal_to_the_recorded_kernel_ends_the_run(qtbot, window):
    """The edit equalled the recorded document, so it was dropped as no change,
    and the run went on drawing its own kernel over the preset the user chose."""
    c, p = window.controller, window.learn_panel
    presets = find(window, QComboBox, "kernelPresets")
    name = presets.itemText(1)
    presets.setCurrentIndex(1)
    presets.activated.emit(1)
    chosen = c.doc.weight.copy()
    start_long_run(qtbot, window, chapter=False)
    qtbot.waitUntil(lambda: not np.array_equal(c.doc.weight, chosen), timeout=10_000)
    presets.setCurrentIndex(1)
    presets.activated.emit(1)
    qtbot.waitUntil(lambda: window.learning.learner is None)
    qtbot.wait(200)  # no run draws over it
    np.testing.assert_array_equal(c.doc.weight, chosen)
    np.testing.assert_array_equal(window.kernel_panel.grid.model().matrix(),
                                  chosen[c.doc.selected])
    assert "kernel was changed" in banner(window) and presets.currentText() == name


def test_undo_during_a_run_takes_back_the_run_then_the_setting_before_it(qtbot, window):
    """Ctrl+Z during a run went to the edit before it (here the seed, set back
    under the run) and the learned kernel was lost. Now the first Undo takes
    back the run, which Redo restores; the next one the seed."""
    c, p = window.controller, window.learn_panel
    start_long_run(qtbot, window, seed=5)
    before = c.history.current.weight.copy()  # the kernel before the run, as recorded
    assert window.undo_action.text() == "&Undo learning run"
    learned = c.doc.weight.copy()
    assert not np.array_equal(learned, before)
    window.undo_action.trigger()
    assert window.learning.learner is None and c.doc.learn.seed == 5
    np.testing.assert_array_equal(c.doc.weight, before)
    assert "changed" not in banner(window)  # nothing to explain: the user undid the run
    assert c.history.redo_label() == "learning run"
    window.redo_action.trigger()
    assert not np.array_equal(c.doc.weight, before)  # the run's kernel (the newest step)
    window.undo_action.trigger()
    window.undo_action.trigger()  # the seed
    assert c.doc.learn.seed == 0 and p.seed.value() == 0
    assert p.play.text() == "Play" and p.loss_plot.count == 0


def test_a_problem_setting_after_a_finished_run_clears_it(qtbot, window):
    """After the run, a new seed left the run's curve and verdict up: they
    described a problem no longer set."""
    p = window.learn_panel
    p.chapter.click()
    p.speed.setCurrentText("as fast as possible")
    p.play.click()
    qtbot.waitUntil(lambda: window.learning.learner is not None
                    and window.learning.learner.finished and p.loss_plot.count > 0,
                    timeout=60_000)
    p.seed.setValue(7)
    assert window.learning.learner is None and p.loss_plot.count == 0
    assert p.status.text() == "Press Play to learn the kernel."


def test_an_input_opened_during_a_run_is_undone_back_to_the_runs_kernel(qtbot, window):
    """Opening (or dropping) an image mid-run kept the run's kernel in the new
    document, but Undo of "open image" went past it to the kernel before the
    run. The run is now recorded first, as for a session."""
    from convlab.model.samples import PHOTOS

    c = window.controller
    start_long_run(qtbot, window, chapter=False)
    before = c.history.current.weight.copy()
    assert window.open_path(str(PHOTOS["Photo: camera (grey)"]))
    shown = c.doc.weight.copy()
    assert not np.array_equal(shown, before) and window.learning.learner is None
    assert c.history.undo_label() == "open image"
    window.undo_action.trigger()
    assert c.history.undo_label() == "learning run"
    np.testing.assert_array_equal(c.doc.weight, shown)  # the run's kernel, not the one before
    window.undo_action.trigger()
    np.testing.assert_array_equal(c.doc.weight, before)


def test_a_geometry_edit_during_a_run_records_the_run_first(qtbot, window):
    """A stride typed mid-run ended the run and its Undo skipped the learned
    kernel; it is recorded as the panels showed it, and the stop explained."""
    from PySide6.QtWidgets import QSpinBox

    from helpers import type_into_spin

    c = window.controller
    start_long_run(qtbot, window, chapter=False)
    before = c.history.current.weight.copy()
    type_into_spin(qtbot, find(window, QSpinBox, "strideX"), 2)
    assert window.learning.learner is None and c.doc.geometry.stride[1] == 2
    assert "learning stopped" in banner(window)
    shown = c.doc.weight.copy()
    window.undo_action.trigger()  # the stride
    np.testing.assert_array_equal(c.doc.weight, shown)
    assert c.history.undo_label() == "learning run"
    window.undo_action.trigger()  # the run
    np.testing.assert_array_equal(c.doc.weight, before)
