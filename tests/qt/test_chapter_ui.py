"""Pooling, channels, 1×1 and every lesson, checked on what reaches the screen."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QSpinBox

import naive
from convlab.model.lessons import LESSONS
from helpers import click_cell, find, shown, type_into_cell, type_into_spin


def lesson_action(win, title):
    menu = find(win, object, "lessonsMenu")
    return next(a for a in menu.actions() if a.text() == title)


def independent(lesson):
    """The lesson's result by the tests' own loops (never the core)."""
    d = lesson.doc
    g = d.geometry
    out = naive.conv2d(np.asarray(d.image, float), d.weight, d.bias, g.stride, g.pad,
                       g.dilation, g.mode, g.flip)
    if lesson.stage == "output":
        return out
    p = d.pooling
    return naive.pool2d(out, p.window, p.stride or p.window, p.pad, p.mode)


@pytest.mark.parametrize("lesson", LESSONS, ids=[l.title for l in LESSONS])
def test_every_lesson_shows_the_chapters_result(qtbot, window, lesson):
    lesson_action(window, lesson.title).trigger()
    qtbot.wait(30)
    want = independent(lesson)
    view = find(window, object, "poolView" if lesson.stage == "pooled" else "outputView")
    co = window.controller.doc.selected[0]
    np.testing.assert_allclose(shown(view), want[co], rtol=1e-6, atol=1e-9)
    if lesson.expected is not None:  # the chapter's printed numbers
        np.testing.assert_allclose(want, lesson.expected, atol=1e-9)
    else:
        assert want.shape[1:] == lesson.expected_shape
    text = find(window, object, "lessonText").toPlainText()
    verdict = "Nothing learned yet" if lesson.learn else "equals the chapter's"
    assert lesson.title in text and verdict in text


def test_the_learning_lesson_passes_after_the_run_it_asks_for(qtbot, window):
    """The lesson says "press Play": its ten steps end near [1, −1], not on it,
    and the lesson must not then call the student's result wrong."""
    from test_learning import wait_finished

    lesson_action(window, "Learning the edge kernel").trigger()
    p = window.learn_panel
    p.speed.setCurrentText("as fast as possible")
    p.play.click()
    wait_finished(qtbot, window)
    kernel = window.controller.doc.kernel
    assert not np.allclose(kernel, [[1, -1]]) and np.allclose(kernel, [[1, -1]], atol=0.1)
    qtbot.wait(30)
    text = find(window, object, "lessonText").toPlainText()
    assert "within 0.1 of the chapter's" in text and "differs" not in text
    p.max_steps.setValue(1000)  # on to [1, −1] within float precision: it passes
    p.play.click()
    qtbot.waitUntil(lambda: window.learning.learner.steps_done > 10)
    wait_finished(qtbot, window)
    assert np.allclose(window.controller.doc.kernel, [[1, -1]], rtol=0, atol=1e-9)
    qtbot.wait(30)
    text = find(window, object, "lessonText").toPlainText()
    assert "equals the chapter's" in text and "Nothing learned" not in text


def test_a_lesson_left_for_another_input_is_not_called_wrong(qtbot, window):
    """Opening a photo after a lesson left a red "✗ differs from the chapter's"
    on a lesson the user had moved on from; a changed kernel on the lesson's
    own input still gets it."""
    from convlab.model.samples import PHOTOS

    lesson_action(window, "Multiple input channels").trigger()
    qtbot.wait(30)
    lesson = find(window, object, "lessonText")
    assert "equals the chapter's" in lesson.toPlainText()
    type_into_cell(qtbot, find(window, object, "kernelGrid"), 0, 0, "7")
    qtbot.waitUntil(lambda: "differs from the chapter's" in lesson.toPlainText())
    window.controller.undo()
    qtbot.waitUntil(lambda: "equals the chapter's" in lesson.toPlainText())
    type_into_cell(qtbot, find(window, object, "inputGrid"), 1, 1, "9")  # the lesson's input,
    qtbot.waitUntil(lambda: "differs from the chapter's" in lesson.toPlainText())  # edited
    assert window.open_path(str(PHOTOS["Photo: cat (colour)"]))
    qtbot.waitUntil(lambda: "another input now" in lesson.toPlainText())
    assert "differs" not in lesson.toPlainText() and "✗" not in lesson.toPlainText()
    window.controller.undo()  # the lesson's input again: checked again
    qtbot.waitUntil(lambda: "differs from the chapter's" in lesson.toPlainText())


def outlined(view) -> list[tuple[int, int]]:
    return sorted((round(p.boundingRect().y()), round(p.boundingRect().x()))
                  for p in view.highlight.path().toFillPolygons())


def test_hovering_a_pooled_pixel_outlines_its_window_and_what_it_sees(qtbot, window):
    """It did nothing. The chapter's 3×3 input, 2×2 kernel, 2×2 max pool:
    the pooled pixel's window is the whole 2×2 output, which reads all of
    the 3×3 input."""
    lesson_action(window, "Cross-correlation of a 3×3 matrix").trigger()
    find(window, QCheckBox, "poolEnabled").click()
    pool_view = find(window, object, "poolView")
    qtbot.waitUntil(pool_view.isVisible)
    qtbot.waitUntil(lambda: shown(pool_view) is not None and shown(pool_view).shape == (1, 1))
    click_cell(qtbot, pool_view, 0, 0, move_only=True)
    assert outlined(pool_view) == [(0, 0)]
    assert outlined(find(window, object, "outputView")) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    every = [(r, c) for r in range(3) for c in range(3)]
    assert outlined(find(window, object, "inputView")) == every
    assert outlined(find(window, object, "paddedView")) == every
    click_cell(qtbot, find(window, object, "outputView"), 1, 1, move_only=True)
    assert outlined(pool_view) == []  # the output's own hover takes over
    click_cell(qtbot, pool_view, 0, 0)  # a click writes out what it pools
    details = find(window, object, "detailsPanel").toPlainText()
    assert "pooled (max), channel 0, row 0, column 0 = max(19, 25, 37, 43) = 43" in details
    c = window.controller  # with pooling padding 1 the window reaches past the output:
    c.apply(replace(c.doc, pooling=replace(c.doc.pooling, pad=(1, 1, 1, 1))), "pool")
    qtbot.waitUntil(lambda: shown(pool_view).shape == (2, 2))
    click_cell(qtbot, find(window, object, "outputView"), 0, 0, move_only=True)
    click_cell(qtbot, pool_view, 0, 0, move_only=True)  # its padding is outlined too
    assert outlined(find(window, object, "outputView")) == [(-1, -1), (-1, 0), (0, -1), (0, 0)]
    assert outlined(find(window, object, "inputView")) == [(0, 0), (0, 1), (1, 0), (1, 1)]


def test_pooling_stage_view_and_formula(qtbot, window):
    lesson_action(window, "Cross-correlation of a 3×3 matrix").trigger()
    find(window, QCheckBox, "poolEnabled").click()
    pool_view = find(window, object, "poolView")
    qtbot.waitUntil(pool_view.isVisible)
    # Output [[19, 25], [37, 43]], max-pooled by the default 2×2 window: 43.
    np.testing.assert_array_equal(shown(pool_view), [[43]])
    assert "pooling max 2×2" in find(window, QLabel, "shapeLabel").text()
    assert "output 2×2×1 → pooled 1×1×1" in window.frame_label.text()
    find(window, QComboBox, "poolMode").setCurrentText("avg")
    qtbot.wait(20)
    np.testing.assert_allclose(shown(pool_view), [[(19 + 25 + 37 + 43) / 4]])
    type_into_spin(qtbot, find(window, QSpinBox, "poolPadY"), 3)
    qtbot.wait(20)
    text = find(window, QLabel, "messageLabel").text()
    # the panel's two boxes (y, x), once; it read "Pooling: Pooling padding
    # (3, 3, 0, 0) … use at most 1 rows and 1 columns"
    assert "padding (3, 0) is more than half the 2×2 window" in text
    assert "use at most (1, 1)" in text and text.lower().count("pooling") == 1


def test_shift_demo_reports_changes(qtbot, window):
    window.shift_dock.raise_()
    slider = find(window, object, "shiftX")
    qtbot.waitUntil(slider.isVisible)
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)  # the arrow keys move the shift
    assert slider.value() == 1
    summary = find(window, QLabel, "shiftSummary").text()
    assert summary.startswith("Shift (y 0, x 1):") and "of its typical size" in summary
    assert shown(window.shift_panel.conv_view).max() > 0


def test_the_down_arrow_shifts_down_and_each_slider_shows_its_value(qtbot, window):
    window.shift_dock.raise_()
    dy = find(window, object, "shiftY")
    qtbot.waitUntil(dy.isVisible)
    dy.setFocus()
    qtbot.keyClick(dy, Qt.Key.Key_Down)
    qtbot.keyClick(dy, Qt.Key.Key_Down)  # "shift the input down": dy = +2
    assert dy.value() == 2
    assert find(window, QLabel, "shiftSummary").text().startswith("Shift (y 2, x 0):")
    assert find(window, QLabel, "shiftYLabel").text() == "dy +2"
    qtbot.keyClick(dy, Qt.Key.Key_Up)
    qtbot.keyClick(dy, Qt.Key.Key_Up)
    qtbot.keyClick(dy, Qt.Key.Key_Up)
    assert dy.value() == -1 and find(window, QLabel, "shiftYLabel").text() == "dy −1"
    assert find(window, QLabel, "shiftXLabel").text() == "dx 0"


def test_small_inputs_shift_along_one_axis_and_say_when_they_cannot(qtbot, window):
    """A 4×4 pooling lesson shifted by x 1 compares crops of 4×2; the 3×3
    lesson's crops are 3×1, too small for its 2×2 kernel: the panel says so
    and shows no maps left from before."""
    window.shift_dock.raise_()
    dx = find(window, object, "shiftX")
    qtbot.waitUntil(dx.isVisible)
    dx.setValue(1)
    qtbot.wait(200)
    assert shown(window.shift_panel.conv_view) is not None  # the photograph's maps
    lesson_action(window, "Pooling with padding and stride").trigger()
    window.shift_dock.raise_()
    summary = find(window, QLabel, "shiftSummary")
    qtbot.waitUntil(lambda: summary.text().startswith("Shift (y 0, x 1):"))
    lesson_action(window, "Cross-correlation of a 3×3 matrix").trigger()
    window.shift_dock.raise_()
    qtbot.waitUntil(lambda: "Nothing to compare" in summary.text())
    assert "3×1" in summary.text()
    assert shown(window.shift_panel.conv_view) is None
    assert shown(window.shift_panel.pool_view) is None


def test_channel_tiles_show_every_channel_and_select(qtbot, window):
    lesson_action(window, "Multiple output channels").trigger()
    qtbot.wait(30)
    tiles = window.tiles
    assert tiles.isVisible() and set(tiles.tiles) == {("input", 0), ("input", 1),
                                                      ("output", 0), ("output", 1),
                                                      ("output", 2)}
    np.testing.assert_array_equal(tiles.tiles[("output", 2)].image, [[96, 128], [192, 224]])
    tiles.tileClicked.emit("output", 2)
    assert window.controller.doc.selected == (2, 0)
    qtbot.wait(20)
    np.testing.assert_array_equal(shown(find(window, object, "outputView")),
                                  [[96, 128], [192, 224]])


def test_pinned_pixel_shows_each_input_channels_partial_sum(qtbot, window):
    lesson_action(window, "Multiple input channels").trigger()
    qtbot.wait(30)
    window.inspector.pin(0, 0)
    text = find(window, object, "detailsPanel").toPlainText()
    # 0·0 + 1·1 + 3·2 + 4·3 = 19 from channel 0; 1·1 + 2·2 + 4·3 + 5·4 = 37 from channel 1.
    assert "= 19" in text and "= 37" in text and "19 + 37 = 56" in text


def test_one_by_one_panel_matches_matmul_and_edits_weights(qtbot, window):
    lesson_action(window, "1×1 convolution").trigger()
    window.one_dock.raise_()
    qtbot.wait(30)
    gap = find(window, QLabel, "oneByOneGap").text()
    value = float(gap.split("= ")[1].split(" ")[0])
    assert value < 1e-9
    grid = find(window, object, "oneByOneMatrix")
    np.testing.assert_array_equal(grid.model().matrix(),
                                  window.controller.doc.weight[:, :, 0, 0])
    m = grid.model().matrix()
    m[1, 2] = 5.0
    grid.model().matrixEdited.emit(m)
    assert window.controller.doc.weight[1, 2, 0, 0] == 5.0
    type_into_spin(qtbot, find(window, QSpinBox, "kernelHeight"), 3)
    make = find(window, object, "oneByOneMake")
    qtbot.waitUntil(lambda: make.isVisibleTo(window.one_panel))
    assert "not 1×1" in find(window, QLabel, "oneByOneGap").text()
    window.controller.apply(replace(window.controller.doc, geometry=replace(
        window.controller.doc.geometry, pad=(1, 1, 2, 2))), "pad")
    make.click()  # a 1×1 kernel needs no padding: the output keeps the input's size
    doc = window.controller.doc
    assert doc.kernel_hw == (1, 1) and doc.geometry.pad == (0, 0, 0, 0)
    assert window.undo_action.text() == "&Undo 1×1 kernel without padding"
    window.undo_action.trigger()  # kernel and padding come back in one step
    assert window.controller.doc.geometry.pad == (1, 1, 2, 2)
    assert window.controller.doc.kernel_hw != (1, 1)
    c = window.controller  # top-left weights all 0: the identity, not a blank output
    c.apply(replace(c.doc, weight=np.zeros_like(c.doc.weight)), "zeros")
    make.click()
    w = c.doc.weight[:, :, 0, 0]
    np.testing.assert_array_equal(w, np.eye(*w.shape))


def test_the_lesson_hint_wraps_inside_the_panel(qtbot):
    """Before a lesson, the panel says how to choose one, on as many lines as
    its width needs (as a placeholder it ran off the right edge)."""
    from convlab.qt.explainers import LessonPanel

    panel = LessonPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 400)
    panel.show()
    assert panel.toPlainText() == panel.hint()
    doc = panel.document()
    doc.setTextWidth(panel.viewport().width())
    assert doc.size().width() <= panel.viewport().width()
    assert doc.documentLayout().blockBoundingRect(doc.firstBlock()).height() > \
        2 * panel.fontMetrics().height()  # wrapped: more than one line


def test_a_run_that_ends_exactly_on_the_kernel_is_judged(qtbot, window):
    """Adam on the mean squared error stops on exactly [1, −1]; its commit then
    records nothing, the grid holds the lesson's own kernel, and the lesson said
    "Nothing learned yet". After a run is cleared it says so again."""
    from test_learning import wait_finished

    lesson_action(window, "Learning the edge kernel").trigger()
    p = window.learn_panel
    p.optimizer.setCurrentIndex(p.optimizer.findData("adam"))
    p.loss.setCurrentIndex(p.loss.findData("mse"))
    p.max_steps.setValue(1000)
    p.speed.setCurrentText("as fast as possible")
    p.play.click()
    wait_finished(qtbot, window)
    np.testing.assert_array_equal(window.controller.doc.kernel, [[1, -1]])
    qtbot.wait(30)
    text = find(window, object, "lessonText").toPlainText()
    assert "equals the chapter's" in text and "Nothing learned" not in text
    p.chapter.click()  # a fresh problem: the run is gone, nothing is learned yet
    qtbot.wait(30)
    assert "Nothing learned yet" in find(window, object, "lessonText").toPlainText()
