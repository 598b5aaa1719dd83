import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

from convlab.model.learn_problem import CHAPTER_LR
from convlab.qt.learn_panel import LogAxis
from helpers import (expected_output, find, learner_threads, plain, shown, start_long_run,
                     steps, type_into_cell, type_into_spin)


def panel(win):
    return win.learn_panel


def start(qtbot, win, lr=0.05):
    p = panel(win)
    p.rate.setValue(lr)
    qtbot.mouseClick(find(win, object, "learnPlay"), Qt.MouseButton.LeftButton)


def wait_finished(qtbot, win, timeout=120_000):
    """Until the run has ended and the window has shown how."""
    def shown_done():
        lr = win.learning.learner
        return lr is not None and lr.finished and \
            plain(find(win, QLabel, "learnStatus").text()).startswith(lr.outcome.message)
    qtbot.waitUntil(shown_done, timeout=timeout)


def test_play_learns_the_true_kernel_and_shows_it(qtbot, window):
    start(qtbot, window)
    wait_finished(qtbot, window)
    outcome = window.learning.learner.outcome
    assert outcome.kind == "converged", outcome.message
    np.testing.assert_allclose(window.controller.doc.kernel,
                               [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], atol=1e-2)
    plot = panel(window).loss_plot
    _, lo, _ = plot._bins
    assert lo[-1] < lo[0] * 1e-6
    assert find(window, QLabel, "learnStatus").text().startswith("Converged")
    qtbot.wait(50)  # the output view shows the prediction of the learned kernel
    np.testing.assert_allclose(shown(find(window, object, "outputView")),
                               expected_output(window.controller.doc)[0], atol=1e-3)
    assert window.controller.history.undo_label() == "learning run"
    window.controller.undo()  # one undo takes the whole run back
    np.testing.assert_array_equal(window.controller.doc.kernel[1], [-2, 0, 2])  # the preset
    assert not learner_threads() or window.learning.learner.stop()




def test_loss_plot_is_found_as_a_widget_and_counts_whole_steps(qtbot, window):
    plot = window.findChild(QWidget, "lossPlot")
    assert plot is panel(window).loss_plot
    axis = plot.getAxis("bottom")
    assert all(spacing >= 1 for spacing, _ in axis.tickSpacing(0, 4, 400))
    assert axis.tickStrings([1.0, 2.0], 1, 1) == ["1", "2"]
    assert plot.getAxis("left").logTickStrings([-3.0, 0.0], 1, 1) == ["0.001", "1"]
    assert window.findChild(QWidget, "lossLandscape") is panel(window).landscape


def test_the_log_axis_reads_one_notation_across_a_range():
    """A helper read "0.05 / 0.02 / 10⁻²" as two scales: within 0.0001 to
    10,000 every tick is a decimal, beyond it every tick is a power of ten."""
    log = [math.log10(x) for x in (0.05, 0.02, 0.01, 1e-4, 20000, 5e-6, 1e-6, 3e7)]
    labels = [LogAxis._label(v, 1) for v in log]
    assert labels == ["0.05", "0.02", "0.01", "0.0001", "20,000", "5×10⁻⁶", "10⁻⁶", "3×10⁷"]
    assert LogAxis._label(400.0, 1) == LogAxis._label(-400.0, 1) == ""  # no overflow


def test_an_empty_loss_plot_has_no_numbers_on_its_axes(qtbot, window):
    """Before a run its log axis read 9, 7, 5, 4, 3, 2: ticks of no data."""
    plot = panel(window).loss_plot
    def numbers_drawn():
        alphas = {plot.getAxis(a).textPen().color().alpha() for a in ("left", "bottom")}
        assert len(alphas) == 1
        return alphas.pop() > 0

    assert plot.count == 0 and not numbers_drawn()
    p = panel(window)
    width = plot.getAxis("left").width()
    p.speed.setCurrentText("as fast as possible")
    p.step.click()
    qtbot.waitUntil(lambda: plot.count > 0)
    assert numbers_drawn()
    assert abs(plot.getAxis("left").width() - width) < 20  # the plot did not jump 35 px
    p.reset.click()
    assert not numbers_drawn()


def test_loss_axis_labels_do_not_crowd(qtbot, window):
    """Log-axis labels a line apart at least: before a run the plot shows one
    decade, whose eight minor ticks were all labelled in 150 pixels; powers
    of ten, then 5 and 2 keep theirs first. A narrower range keeps more."""
    p = panel(window)
    p.show()
    plot, axis = p.loss_plot, p.loss_plot.getAxis("left")
    line = QFontMetrics(axis.font()).height()

    def labels(lo, hi):
        plot.setYRange(lo, hi, padding=0)
        per_decade = axis.geometry().height() / (hi - lo)
        shown = [(v, t) for _, values in axis.tickValues(lo, hi, axis.geometry().height())
                 for v, t in zip(values, axis.tickStrings(values, 1.0, 1.0)) if t]
        gaps = [abs(a - b) * per_decade for (a, _), (b, _) in zip(shown, shown[1:])]
        assert all(g >= line for g in gaps), (lo, hi, shown)
        return {t for _, t in shown}

    decade = labels(0.0, 1.0)  # the empty plot
    assert {"2", "5"} <= decade and len(decade) < 8
    assert {"1", "10", "2", "5"} <= labels(-0.05, 1.05)
    assert len(labels(np.log10(0.31), np.log10(0.95))) >= 4  # 0.4 … 0.9 have room
    assert axis.tickStrings([np.log10(0.02), np.log10(0.03)], 1.0, 1.0) == ["0.02", "0.03"]
    # a loss inside one step of the log ticks (0.121 to 0.105 after a few
    # steps) had no number on its axis at all
    assert {"0.11", "0.12"} <= labels(np.log10(0.105), np.log10(0.121))
    assert len(labels(np.log10(0.10512), np.log10(0.10531))) >= 2
    assert len(labels(np.log10(0.1001), np.log10(0.1062))) >= 2  # a step of up to the range
    close = axis.logTickValues(np.log10(1.23456e-5), np.log10(1.23461e-5), 200, [])
    shown_close = [LogAxis._label(v, 1, axis._fine_digits) for _, vs in close for v in vs]
    assert len(set(shown_close)) == len(shown_close) >= 2  # none read alike
    assert axis.logTickValues(0.0, 1e-17, 200, []) is not None  # math domain error in paint
    top = plot.plotItem.layout.getContentsMargins()[1]
    assert top >= line / 2  # a label at the top tick is not cut


def test_pause_step_and_reset_return_to_before_the_run(qtbot, window):
    p, c = panel(window), window.controller
    before = c.doc.weight.copy()
    p.speed.setCurrentText("60 steps/s")
    start(qtbot, window, lr=0.001)
    qtbot.waitUntil(lambda: steps(window) >= 3, timeout=10_000)
    assert not p.true_source.isEnabled() and "Reset" in p.true_source.toolTip()
    pair = [find(window, object, n) for n in ("pairTarget", "pairSample", "pairKernelSize")]
    assert not any(w.isEnabled() for w in pair)  # they would end the run: fixed like the rest
    assert all("Reset" in w.toolTip() for w in pair)
    assert not p.step.isEnabled()  # already stepping
    p.play.click()  # pause
    assert p.play.text() == "Play"
    qtbot.waitUntil(lambda: window.learning.learner.idle)
    qtbot.wait(100)
    n = steps(window)
    qtbot.wait(200)
    assert steps(window) == n  # paused
    assert p.status.text().startswith(f"step {n}: loss ") and "Paused: Play goes on" in p.status.text()
    p.step.click()
    qtbot.waitUntil(lambda: steps(window) == n + 1)
    qtbot.waitUntil(lambda: p.status.text().startswith(f"step {n + 1}: loss "))
    assert "Paused" in p.status.text()  # one step, then paused again
    qtbot.waitUntil(lambda: p.loss_plot.count == n + 2)  # steps 0..n+1
    assert not np.array_equal(c.doc.weight, before)
    depth = len(c.history._items)
    p.reset.click()
    assert window.learning.learner is None and p.loss_plot.count == 0
    np.testing.assert_array_equal(c.doc.weight, before)  # the kernel before the run
    assert p.learned_view.image_item.image is None  # the tiles are cleared
    assert p.status.text() == "Press Play to learn the kernel."
    assert c.history.undo_label() == "reset learning" and len(c.history._items) == depth + 1
    assert p.true_source.isEnabled() and all(w.isEnabled() for w in pair)
    assert "second image" in pair[0].toolTip()
    assert not learner_threads()


def test_a_new_run_is_framed_whole_after_the_last_one_was_zoomed(qtbot, window):
    """Zooming the loss plot turns its auto-range off; a cleared run left the
    zoomed range and a short new run's curve outside it."""
    p = panel(window)
    p.max_steps.setValue(400)
    p.speed.setCurrentText("as fast as possible")
    start(qtbot, window, lr=0.001)
    wait_finished(qtbot, window)
    view = p.loss_plot.plotItem.vb
    view.scaleBy((0.3, 0.3), center=(300, -1))  # the user zooms in on the late steps
    assert not any(view.autoRangeEnabled())
    p.reset.click()
    p.max_steps.setValue(5)
    start(qtbot, window, lr=0.001)
    wait_finished(qtbot, window)
    qtbot.wait(50)
    x, y = p.loss_plot.curve.getData()
    (x0, x1), (y0, y1) = view.viewRange()
    assert len(x) == 6 and x0 <= x.min() and x.max() <= x1
    assert y0 <= y.min() and y.max() <= y1  # log10 of the loss: the axis is logarithmic


def test_reset_after_a_finished_run_clears_the_banner(qtbot, window):
    p, c = panel(window), window.controller
    p.max_steps.setValue(3)
    p.speed.setCurrentText("as fast as possible")
    start(qtbot, window)
    wait_finished(qtbot, window)
    label = find(window, QLabel, "messageLabel")
    assert label.isVisible() and "Stopped after the maximum of 3 steps" in label.text()
    p.reset.click()
    assert not label.isVisible()
    assert c.history.undo_label() == "reset learning"


def test_every_live_setting_reaches_a_running_learner(qtbot, window):
    p = panel(window)
    p.optimizer.setCurrentText("SGD")
    p.speed.setCurrentText("60 steps/s")
    start(qtbot, window, lr=1e-5)
    qtbot.waitUntil(lambda: steps(window) >= 2, timeout=10_000)
    type_into_spin(qtbot, p.rate, "0.000001")
    p.optimizer.setCurrentText("Adam")
    p.loss.setCurrentText("sum of squared errors (sse)")
    p.threshold.setValue(1e-9)
    p.speed.setCurrentText("15 steps/s")
    s = window.learning.learner.settings
    assert (s.lr, s.optimizer, s.loss, s.threshold, s.steps_per_second) == \
        (1e-6, "adam", "sse", 1e-9, 15.0)
    assert window.controller.doc.learn == s  # the document holds them
    n = steps(window)
    type_into_spin(qtbot, p.max_steps, str(n + 3))
    wait_finished(qtbot, window)
    assert window.learning.learner.outcome.kind == "max steps"
    assert steps(window) <= n + 4


def test_raising_max_steps_after_the_limit_continues_the_run(qtbot, window):
    p = panel(window)
    p.speed.setCurrentText("as fast as possible")
    p.max_steps.setValue(2)
    p.step.click()
    p.step.click()
    qtbot.waitUntil(lambda: steps(window) == 2)
    wait_finished(qtbot, window)
    p.max_steps.setValue(5)
    learner = window.learning.learner
    start(qtbot, window, lr=p.rate.value())
    qtbot.waitUntil(lambda: learner.finished and steps(window) == 5)
    assert window.learning.learner is learner  # the same run went on
    assert "maximum of 5 steps" in learner.outcome.message


def test_diverging_rate_restores_the_best_kernel(qtbot, window):
    p = panel(window)
    p.optimizer.setCurrentText("SGD")
    p.loss.setCurrentText("sum of squared errors (sse)")
    start(qtbot, window, lr=10.0)
    wait_finished(qtbot, window)
    msg = find(window, QLabel, "messageLabel").text()
    assert "The loss diverged at step" in msg and "lower the learning rate" in msg
    best = window.learning.learner.best
    assert f"Restored the kernel of step {best.index}, loss {best.loss:.4g}" in msg
    lam = window.learning.stability.value.lambda_max  # the readout's, tested in core
    assert f"above 2/λ_max = {2 / lam:.3g} each step" in msg
    assert f"|1 − rate·λ_max| = {abs(1 - 10.0 * lam):.3g})" in msg
    np.testing.assert_array_equal(window.controller.doc.weight, best.weight)
    assert p.play.text() == "Play"


def test_tiles_show_one_step(qtbot, window):
    """The gradient tile is the gradient at the learned kernel shown beside it."""
    from convlab.core import conv2d, conv2d_backward

    p = panel(window)
    p.speed.setCurrentText("as fast as possible")
    p.loss.setCurrentText("sum of squared errors (sse)")
    for _ in range(3):
        p.step.click()
        qtbot.waitUntil(lambda: window.learning.learner.idle)
    qtbot.waitUntil(lambda: window.learning._drawn == 3)
    c, prob = window.controller, window.learning.learner.problem
    w = c.doc.weight
    np.testing.assert_array_equal(shown(p.learned_view), w[c.doc.selected])
    diff = conv2d(prob.x, w, **prob.descend_kwargs()) - prob.target
    g = conv2d_backward(prob.x, w, 2 * diff, need_input=False, **prob.descend_kwargs()).weight
    np.testing.assert_allclose(shown(p.grad_view), g[c.doc.selected], rtol=1e-9, atol=1e-12)
    # learned, true and error on one colour scale (the true kernel's 2 here): an
    # error of 0.02 was drawn as deep a red as a weight of 2
    m = np.abs(np.concatenate([w[c.doc.selected].ravel(), prob.true_weight[0, 0].ravel()])).max()
    for view in (p.learned_view, p.true_view, p.diff_view):
        assert view.image_item.levels == pytest.approx([-m, m]), view
    assert p.grad_view.image_item.levels[1] == pytest.approx(np.abs(g[c.doc.selected]).max())


def test_learning_with_true_convolution(qtbot, window):
    c, p = window.controller, panel(window)
    flip = find(window, object, "flipKernel")
    flip.setChecked(True)
    assert c.doc.geometry.flip
    p.speed.setCurrentText("as fast as possible")
    start(qtbot, window, lr=0.05)
    wait_finished(qtbot, window)
    assert window.learning.learner.outcome.kind == "converged"
    np.testing.assert_allclose(c.doc.kernel, [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], atol=1e-2)


def test_menu_calls_the_controller(qtbot, window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Learn")
    acts = {a.text(): a for a in menu.actions()}
    acts["&Chapter example"].trigger()
    assert window.controller.doc.image.shape == (1, 6, 8)
    acts["&Step"].trigger()
    qtbot.waitUntil(lambda: steps(window) == 1)
    acts["&Play / Pause"].trigger()
    wait_finished(qtbot, window)
    acts["&Reset"].trigger()
    assert window.learning.learner is None


def test_chapter_example_in_one_click(qtbot, window):
    p = panel(window)
    p.chapter.click()
    assert p.rate.value() == CHAPTER_LR and p.max_steps.value() == 10
    assert window.controller.doc.image.shape == (1, 6, 8)
    p.speed.setCurrentText("as fast as possible")
    p.play.click()
    wait_finished(qtbot, window)
    assert steps(window) == 10 and p.loss_plot.count == 11  # the start and ten steps
    np.testing.assert_allclose(window.controller.doc.kernel, [[1, -1]], atol=0.1)
    assert p.landscape.isVisible()  # a two-weight kernel gets the loss landscape
    assert p.landscape.path.getData()[0].size == 11


def test_closing_mid_run_leaves_no_thread(qtbot):
    from convlab.app import create_window

    win = create_window([])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.controller.ready, timeout=300_000)
    p = panel(win)
    p.max_steps.setValue(10**7)
    p.threshold.setValue(0)
    start(qtbot, win, lr=1e-6)
    qtbot.waitUntil(lambda: steps(win) > 2, timeout=10_000)
    assert learner_threads()
    win.close()
    assert not learner_threads()


def test_a_long_run_draws_a_bounded_curve_and_path(qtbot, window):
    from convlab.model.trace import CURVE_BINS, PATH_POINTS

    p = panel(window)
    p.chapter.click()
    p.speed.setCurrentText("as fast as possible")
    p.threshold.setValue(0)
    type_into_spin(qtbot, p.max_steps, "5000")
    p.play.click()
    wait_finished(qtbot, window, timeout=120_000)
    x, y = p.loss_plot.curve.getData()
    assert p.loss_plot.count == 5001 and len(x) <= 2 * CURVE_BINS
    assert x.max() <= 5000 and x.min() >= 0
    assert len(p.landscape.path.getData()[0]) <= PATH_POINTS + 1
    text = p.loss_plot.readout_at(4000)
    assert text.startswith("steps ") and "loss" in text  # a bin of steps, its range


def test_undo_mid_run_shows_the_recorded_kernel_not_the_runs(qtbot, window):
    c = window.controller
    panel(window).rate.setValue(0.001)  # (an undo step of its own)
    img = np.random.default_rng(0).random((c.doc.image.shape[0], 64, 64))
    c.apply(c.doc.with_image(img, "noise"), "image")
    start(qtbot, window, lr=0.001)
    qtbot.waitUntil(lambda: steps(window) > 5 and not np.array_equal(
        c.doc.weight, c.history.current.weight), timeout=30_000)
    c.undo()  # the image edit: the problem changed, so the run stops
    qtbot.waitUntil(lambda: window.learning.learner is None and not c.pending)
    np.testing.assert_array_equal(c.doc.weight, c.history.current.weight)
    np.testing.assert_array_equal(window.kernel_panel.grid.model().matrix(),
                                  c.history.current.weight[c.doc.selected])
    qtbot.wait(50)
    np.testing.assert_allclose(shown(find(window, object, "outputView")),
                               expected_output(c.doc)[c.doc.selected[0]], atol=1e-4)


def test_a_new_input_mid_run_keeps_the_runs_kernel(qtbot, window):
    c = window.controller
    panel(window).rate.setValue(0.001)
    preset = c.doc.weight.copy()
    start(qtbot, window, lr=0.001)
    qtbot.waitUntil(lambda: steps(window) > 5 and not np.array_equal(c.doc.weight, preset),
                    timeout=30_000)
    combo = find(window, QComboBox, "sampleChooser")  # the user picks another input
    combo.setCurrentIndex(combo.findText("Chapter 6×8 edge image"))
    combo.activated.emit(combo.findText("Chapter 6×8 edge image"))
    qtbot.waitUntil(lambda: window.learning.learner is None and not c.pending)
    assert c.doc.image.shape == (1, 6, 8)
    np.testing.assert_array_equal(c.doc.weight, c.history.current.weight)
    assert not np.array_equal(c.doc.weight, preset)  # what the run had learned


def test_a_short_window_folds_the_problem_box_so_the_curve_shows(qtbot, window):
    """At 1280×720 the loss curve was below the fold while a run drew it: a
    run that starts with the curve out of view folds the Problem box to one
    line, until Show or Reset; a tall window leaves it open."""
    p = panel(window)
    box, curve = p.problem, p.loss_plot

    def curve_shown():
        return p.visibleRegion().boundingRect().contains(curve.geometry())

    window.learn_dock.raise_()
    for size, folds in (((1920, 1200), False), ((1280, 720), True)):
        window.resize(*size)
        qtbot.wait(50)
        p.chapter.click()
        assert not box.is_folded() and curve_shown() == (not folds)
        p.speed.setCurrentText("60 steps/s")
        p.play.click()
        qtbot.waitUntil(lambda: steps(window) >= 2, timeout=10_000)
        assert box.is_folded() == folds
        if folds:
            summary = find(window, QLabel, "learnProblemSummary")
            assert summary.isVisible() and "current kernel (frozen)" in summary.text()
            assert not p.true_source.isVisible()
            qtbot.waitUntil(lambda: curve.isVisible() and curve.height() > 100)
            qtbot.wait(50)
            qtbot.waitUntil(curve_shown)  # whole, its step axis too (40 px were cut)
            assert 120 <= curve.height() < 200  # shortened to fit
            window.resize(1920, 1200)  # room again: its whole height back, still folded
            qtbot.waitUntil(lambda: curve.height() == 200)
            assert box.is_folded() and curve_shown()
            window.resize(1280, 720)
            qtbot.waitUntil(lambda: curve.height() < 200)
            find(window, object, "learnProblemShow").click()
            assert not box.is_folded() and p.true_source.isVisible()
            box.fold("x")  # folded by hand: Reset opens it again
        p.play.click()  # pause
        p.reset.click()
        assert not box.is_folded()
        qtbot.waitUntil(lambda: curve.height() == 200)


def test_undoing_a_finished_run_clears_what_it_showed(qtbot, window):
    """Ctrl+Z after the run put the kernel back, while the panel kept the run's
    verdict, tiles and curve: an error tile for a kernel no longer shown."""
    p, c = panel(window), window.controller
    p.chapter.click()
    before = c.doc.weight.copy()
    p.speed.setCurrentText("as fast as possible")
    p.play.click()
    wait_finished(qtbot, window)
    assert p.loss_plot.count > 0 and p.learned_view.image_item.image is not None
    banner = find(window, QLabel, "messageLabel")
    assert "Stopped after" in banner.text()
    window.undo_action.trigger()
    np.testing.assert_array_equal(c.doc.weight, before)
    assert window.learning.learner is None and p.loss_plot.count == 0
    assert p.learned_view.image_item.image is None
    assert p.status.text() == "Press Play to learn the kernel."
    assert "Stopped after" not in banner.text() or not banner.isVisible()
    window.redo_action.trigger()  # the learned kernel again, without a run to show
    assert not np.array_equal(c.doc.weight, before) and p.loss_plot.count == 0


def test_a_cell_typed_during_a_run_ends_it_and_stays(qtbot, window):
    """A cell typed during a run was recorded, then drawn over by the run: the 9
    never showed, and the first undo after the run landed on [9, run's value]."""
    p, c = panel(window), window.controller
    start_long_run(qtbot, window)
    grid = find(window, QWidget, "kernelGrid")
    type_into_cell(qtbot, grid, 0, 0, "9")
    qtbot.waitUntil(lambda: window.learning.learner is None)
    qtbot.waitUntil(lambda: not learner_threads())
    assert c.doc.kernel[0, 0] == 9 and c.doc.kernel[0, 1] != -1  # the run's other weight
    qtbot.wait(300)  # no run draws over it
    assert c.doc.kernel[0, 0] == 9 and grid.model().index(0, 0).data() == "9"
    assert "kernel was changed" in find(window, QLabel, "messageLabel").text()
    assert p.play.text() == "Play" and p.loss_plot.count == 0
    assert c.history.undo_label() == "edit kernel"


def test_tab_goes_through_the_settings_not_the_plots(qtbot, window):
    """Tab stopped on the four kernel tiles and the loss plot, which take no keys."""
    import pyqtgraph as pg

    p = panel(window)
    window.learn_dock.raise_()
    p.play.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is p.play)
    seen = []
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert p.max_steps in seen or any(p.max_steps.isAncestorOf(w) for w in seen)
    assert not [w for w in seen if isinstance(w, pg.GraphicsView)], seen


def test_other_edits_during_a_run_leave_it_going(qtbot, window):
    """Pooling or a channel tile chosen during a run records the shown kernel
    with it (the panels edit what is shown); that is not a kernel edit, and
    the run goes on, as does its undo."""
    from PySide6.QtWidgets import QCheckBox

    p, c = panel(window), window.controller
    run = start_long_run(qtbot, window)
    find(window, QCheckBox, "poolEnabled").click()
    assert c.doc.pooling.enabled and c.history.undo_label() != "learning run"
    n = steps(window)
    qtbot.waitUntil(lambda: steps(window) >= n + 2, timeout=10_000)
    assert window.learning.learner is run and run.running
    window.undo_action.trigger()  # the pooling goes; the run stays
    assert not c.doc.pooling.enabled
    n = steps(window)
    qtbot.waitUntil(lambda: steps(window) >= n + 2, timeout=10_000)
    assert window.learning.learner is run and "kernel was changed" not in \
        find(window, QLabel, "messageLabel").text()
    p.play.click()


def test_a_run_started_behind_another_tab_folds_when_shown(qtbot, window):
    """F5 with the Lesson panel in front: the Learn panel was hidden when the
    run began, so it did not fold, and showed its curve below the fold."""
    p = panel(window)
    window.resize(1280, 720)
    p.chapter.click()
    p.max_steps.setValue(2000)
    p.speed.setCurrentText("15 steps/s")
    window.lesson_dock.raise_()
    qtbot.waitUntil(lambda: p.visibleRegion().isEmpty())  # behind the Lesson tab
    window.learning.toggle_play()  # F5
    qtbot.waitUntil(lambda: steps(window) >= 2, timeout=10_000)
    assert not p.problem.is_folded()
    window.learn_dock.raise_()
    qtbot.waitUntil(p.problem.is_folded)
    find(window, object, "learnProblemShow").click()  # opened by hand: it stays open
    window.lesson_dock.raise_()
    window.learn_dock.raise_()
    qtbot.wait(50)
    assert not p.problem.is_folded()
    window.learning.toggle_play()


def test_undoing_a_bias_set_during_a_run_leaves_it_going(qtbot, window):
    """A run that learns no bias shows the document's bias: setting one during
    the run left it going, and its undo ended it as a kernel change."""
    from PySide6.QtWidgets import QDoubleSpinBox

    p, c = panel(window), window.controller
    run = start_long_run(qtbot, window)
    type_into_spin(qtbot, find(window, QDoubleSpinBox, "biasValue"), 0.5)
    qtbot.waitUntil(lambda: c.history.current.bias[0] == 0.5)
    window.undo_action.trigger()
    assert c.history.current.bias[0] == 0
    n = steps(window)
    qtbot.waitUntil(lambda: steps(window) >= n + 2, timeout=10_000)
    assert window.learning.learner is run
    assert "kernel was changed" not in find(window, QLabel, "messageLabel").text()
    p.play.click()


def test_a_true_kernel_of_another_size_resizes_the_grid_and_reset_brings_it_back(qtbot, window):
    """Sobel x (3×3) learned while the grid holds a 5×5 kernel: the run used to
    learn a 3×3 kernel the grid never showed, and Pause recorded nothing."""
    p, c = panel(window), window.controller
    box = find(window, QComboBox, "kernelPresets")
    box.setCurrentText("Gaussian blur 5×5")
    box.activated.emit(box.currentIndex())
    gauss = c.doc.weight.copy()
    assert gauss.shape[2:] == (5, 5) and p.true_source.currentText() == "Sobel x"
    p.speed.setCurrentText("60 steps/s")
    start(qtbot, window, lr=0.05)
    assert c.doc.weight.shape[2:] == (3, 3)  # at once, before the first step
    assert c.history.undo_label() == "kernel size for learning"
    banner = find(window, QLabel, "messageLabel")
    assert banner.isVisible() and banner.text().startswith(
        "Sobel x is 3×3, so the kernel is now 3×3 to learn it; Reset brings back the 5×5")
    qtbot.waitUntil(lambda: steps(window) >= 5, timeout=10_000)
    grid = find(window, QWidget, "kernelGrid")
    assert grid.model().rowCount() == 3 and grid.model().columnCount() == 3
    np.testing.assert_array_equal(grid.model().matrix(), c.doc.kernel)  # the run's, shown
    assert np.abs(c.doc.kernel).max() > 0  # moved from zeros
    p.play.click()  # pause: the run's kernel is recorded
    qtbot.waitUntil(lambda: c.history.undo_label() == "learning run")
    learned = c.doc.weight.copy()
    assert learned.shape[2:] == (3, 3) and np.abs(learned).max() > 0
    p.reset.click()  # before the run: the 5×5 Gaussian
    np.testing.assert_array_equal(c.doc.weight, gauss)
    c.undo()  # the reset
    np.testing.assert_array_equal(c.doc.weight, learned)
    c.undo()  # the run
    c.undo()  # the resize
    np.testing.assert_array_equal(c.doc.weight, gauss)
    assert not learner_threads()


def test_the_resize_for_learning_is_an_undo_step_of_its_own(qtbot, window):
    """Typed a size and pressed Play at once: the resize merged with the typed
    size (both "kernel size"), and one Undo skipped the typed kernel. Started
    from the current kernel, the run starts from its top-left 3×3."""
    from convlab.model.learn_problem import for_learning

    p, c = panel(window), window.controller
    type_into_spin(qtbot, find(window, QWidget, "kernelHeight"), 5)
    typed = c.doc.weight.copy()
    p.init.setCurrentIndex(p.init.findData("current kernel"))
    assert for_learning(c.doc).weight.shape[2:] == (3, 3)
    readout = find(window, QLabel, "conditionNumber").text()  # before Play: the 3×3 problem
    p.step.click()
    qtbot.waitUntil(lambda: window.learning.learner is not None and window.learning.learner.idle)
    assert find(window, QLabel, "conditionNumber").text() == readout
    assert window.learning.learner.problem.weight.shape[2:] == (3, 3)
    np.testing.assert_array_equal(window.learning.learner.problem.weight,
                                  typed[:, :, 1:4, :])  # the current kernel's middle rows
    window.learning.end_run()
    labels = []
    while c.history.can_undo() and c.history.undo_label() != "kernel size for learning":
        labels.append(c.history.undo_label())
        c.undo()
    assert labels in ([], ["learning run"])  # then the resize, on its own
    c.undo()
    np.testing.assert_array_equal(c.doc.weight, typed)  # the typed 5×3 kernel, not skipped


def test_a_resize_for_learning_outside_the_limits_is_refused_and_says_why(qtbot, window):
    from dataclasses import replace

    """A 5×5 kernel on 1257², 8 outputs, no padding: 8×1253² values, within the
    limit; Sobel x's 3×3 would give 8×1255², over it."""
    from convlab.model.limits import MAX_OUTPUT_VALUES

    c = window.controller
    big = np.zeros((1, 1257, 1257), np.float32)
    doc = c.doc.with_image(big, "big").with_out_channels(8).with_kernel_size(5, 5)
    doc = replace(doc, geometry=replace(doc.geometry, pad=(0, 0, 0, 0)),
                  learn=replace(doc.learn, true_source="Sobel x"))
    assert 8 * 1253 ** 2 <= MAX_OUTPUT_VALUES < 8 * 1255 ** 2
    assert c.apply(doc, "setup")
    depth = len(c.history._items)
    panel(window).step.click()
    banner = find(window, QLabel, "messageLabel")
    assert "kernel size for learning" in banner.text() and "allowed" in banner.text()
    assert window.learning.learner is None and len(c.history._items) == depth
    assert c.doc.weight.shape[2:] == (5, 5)  # unchanged
