"""Kernel edits on a colour image: every input channel unless "this slice" is chosen."""

import numpy as np
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from convlab.model.presets import PRESETS
from helpers import find, type_into_cell

SOBEL_X = PRESETS["Sobel x"]


def colour(window):
    """Open a colour input the way a user does (a sample with three channels)."""
    c = window.controller
    doc = c.doc.with_image(np.random.default_rng(0).random((3, 20, 24)), "colour")
    c.apply(doc, "open image")
    return c


def choose_preset(window, name):
    box = find(window, QComboBox, "kernelPresets")
    box.setCurrentText(name)
    box.activated.emit(box.currentIndex())


def test_preset_sets_every_input_channel_and_stays_named(qtbot, window):
    c = colour(window)
    apply_to = find(window, QComboBox, "kernelApplyTo")
    assert apply_to.isVisible() and apply_to.currentText() == "all input channels"
    choose_preset(window, "Sobel x")
    for ci in range(3):
        np.testing.assert_array_equal(c.doc.weight[0, ci], SOBEL_X)
    box = find(window, QComboBox, "kernelPresets")
    assert box.currentText() == "Sobel x"  # the active preset stays shown
    c.apply(c.doc.with_kernel(np.zeros((3, 3))), "edit kernel")
    assert box.currentText() == "Preset…"  # until the kernel is edited


def test_this_slice_changes_only_the_selected_slice(qtbot, window):
    c = colour(window)
    before = c.doc.weight.copy()
    find(window, QComboBox, "kernelApplyTo").setCurrentText("this slice")
    choose_preset(window, "Sobel x")
    np.testing.assert_array_equal(c.doc.weight[0, 0], SOBEL_X)
    np.testing.assert_array_equal(c.doc.weight[0, 1:], before[0, 1:])


def test_normalize_randomize_transpose_cover_every_input_channel(qtbot, window):
    c = colour(window)
    choose_preset(window, "Box blur")
    buttons = {b.text(): b for b in window.kernel_panel.findChildren(QPushButton)}
    buttons["Normalize"].click()  # over all three channels: a flat image keeps its level
    assert abs(c.doc.weight[0].sum() - 1) < 1e-12
    np.testing.assert_allclose(c.doc.weight[0], 1 / 27)
    buttons["Randomize"].click()
    w = c.doc.weight[0]
    assert not np.array_equal(w[0], w[1]) and np.all(w != 1 / 27)
    buttons["Transpose"].click()
    np.testing.assert_array_equal(c.doc.weight[0], w.transpose(0, 2, 1))


def test_opening_a_colour_image_says_how_the_kernel_was_adapted(qtbot, window):
    c = window.controller
    c.apply(c.doc.with_image(np.ones((1, 8, 8)), "grey").with_kernel_size(2, 2)
            .with_kernel(np.array([[0.0, 1], [2, 3]])), "setup")
    colour(window)
    label = find(window, QLabel, "messageLabel")
    assert label.isVisible()
    assert "The input has 3 channels and the kernel had 1" in label.text()
    assert "divided by 3" in label.text()
    np.testing.assert_allclose(c.doc.weight[0, 1], [[0, 1 / 3], [2 / 3, 1]])


def test_the_starting_kernel_is_named_by_its_preset(qtbot, window):
    box = find(window, QComboBox, "kernelPresets")
    qtbot.waitUntil(lambda: window.controller.frame.ok)
    np.testing.assert_array_equal(window.controller.doc.kernel, SOBEL_X)
    assert box.currentText() == "Sobel x"  # not "Preset…" over a Sobel x kernel
    type_into_cell(qtbot, window.kernel_panel.grid, 1, 1, "5")
    qtbot.waitUntil(lambda: box.currentText() == "Preset…")
