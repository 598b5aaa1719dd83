import threading

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from convlab.model.learning import CHAPTER_LR
from helpers import expected_output, find, shown, type_into_spin


def panel(win):
    return win.learn_panel


def learner_threads():
    return [t for t in threading.enumerate() if t.name == "convlab-learner" and t.is_alive()]


def start(qtbot, win, lr=0.05):
    p = panel(win)
    p.rate.setValue(lr)
    qtbot.mouseClick(find(win, object, "learnPlay"), Qt.MouseButton.LeftButton)


def wait_finished(qtbot, win, timeout=30_000):
    """Until the run has ended and the window has shown how."""
    def shown_done():
        lr = win.learning.learner
        return lr is not None and lr.finished and \
            find(win, QLabel, "learnStatus").text() == lr.outcome.message
    qtbot.waitUntil(shown_done, timeout=timeout)


def test_play_learns_the_true_kernel_and_shows_it(qtbot, window):
    start(qtbot, window)
    wait_finished(qtbot, window)
    outcome = window.learning.learner.outcome
    assert outcome.kind == "converged", outcome.message
    np.testing.assert_allclose(window.controller.doc.kernel,
                               [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], atol=1e-2)
    losses = panel(window).loss_plot.losses
    assert losses[-1] < losses[0] * 1e-6
    assert find(window, QLabel, "learnStatus").text().startswith("Converged")
    qtbot.wait(50)  # the output view shows the prediction of the learned kernel
    np.testing.assert_allclose(shown(find(window, object, "outputView")),
                               expected_output(window.controller.doc)[0], atol=1e-3)
    assert window.controller.history.undo_label() == "learning run"
    window.controller.undo()  # one undo takes the whole run back
    np.testing.assert_array_equal(window.controller.doc.kernel[1], [-2, 0, 2])  # the preset
    assert not learner_threads() or window.learning.learner.stop()


def test_pause_step_and_reset(qtbot, window):
    p = panel(window)
    p.speed.setCurrentText("60 steps/s")
    start(qtbot, window, lr=0.001)
    qtbot.waitUntil(lambda: len(window.learning.learner.losses) >= 3, timeout=10_000)
    p.play.click()  # pause
    assert p.play.text() == "Play"
    qtbot.wait(100)
    n = len(window.learning.learner.losses)
    qtbot.wait(200)
    assert len(window.learning.learner.losses) == n  # paused
    p.step.click()
    qtbot.waitUntil(lambda: len(window.learning.learner.losses) == n + 1)
    qtbot.wait(50)
    assert p.loss_plot.losses.size == n + 1
    p.reset.click()
    assert window.learning.learner is None and p.loss_plot.losses.size == 0
    assert not learner_threads()


def test_learning_rate_change_mid_run_takes_effect(qtbot, window):
    p = panel(window)
    p.optimizer.setCurrentText("sgd")
    p.speed.setCurrentText("60 steps/s")
    start(qtbot, window, lr=1e-5)
    qtbot.waitUntil(lambda: len(window.learning.learner.losses) >= 2, timeout=10_000)
    type_into_spin(qtbot, p.rate, "0.000001")
    assert window.learning.learner.lr == 1e-6
    p.play.click()


def test_diverging_rate_stops_with_a_message_and_a_finite_kernel(qtbot, window):
    p = panel(window)
    p.optimizer.setCurrentText("sgd")
    p.loss.setCurrentText("sse")
    start(qtbot, window, lr=10.0)
    wait_finished(qtbot, window)
    msg = find(window, QLabel, "messageLabel").text()
    assert "The loss diverged at step" in msg and "lower the learning rate" in msg
    assert np.all(np.isfinite(window.controller.doc.weight))
    assert p.play.text() == "Play"


def test_chapter_example_in_one_click(qtbot, window):
    p = panel(window)
    p.chapter.click()
    assert p.rate.value() == CHAPTER_LR and p.max_steps.value() == 10
    assert window.controller.doc.image.shape == (1, 6, 8)
    p.speed.setCurrentText("as fast as possible")
    p.play.click()
    wait_finished(qtbot, window)
    assert len(window.learning.learner.losses) == 10
    np.testing.assert_allclose(window.controller.doc.kernel, [[1, -1]], atol=0.1)
    assert p.landscape.isVisible()  # a two-weight kernel gets the loss landscape
    assert p.landscape.path.getData()[0].size == 10


def test_closing_mid_run_leaves_no_thread(qtbot):
    from convlab.app import create_window

    win = create_window([])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.controller.ready, timeout=60_000)
    p = panel(win)
    p.max_steps.setValue(10**7)
    p.threshold.setValue(0)
    start(qtbot, win, lr=1e-6)
    qtbot.waitUntil(lambda: len(win.learning.learner.losses) > 2, timeout=10_000)
    assert learner_threads()
    win.close()
    assert not learner_threads()
