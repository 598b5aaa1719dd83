"""The Shift-and-pooling panel makes the chapter's point on real photographs."""

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel, QSlider

from convlab.model.explainers import shift_effect, shifted_views
from convlab.model.document import Document, Pooling
from convlab.model.presets import PRESETS
from convlab.model.samples import PHOTOS
from convlab.qt.image_io import load_image
from helpers import find, shown


@pytest.mark.parametrize("photo", list(PHOTOS))
@pytest.mark.parametrize("kernel", ["Sobel x", "Laplacian", "Edge [1, −1] (chapter)"])
@pytest.mark.parametrize("shift", [(0, 1), (1, 0), (1, 1)])
def test_pooling_reduces_the_change_of_a_shift_on_a_photograph(qtbot, photo, kernel, shift):
    image, _ = load_image(PHOTOS[photo])
    k = PRESETS[kernel]
    doc = Document(image=image, weight=np.repeat(k[None, None], image.shape[0], 1),
                   bias=np.zeros(1), pooling=Pooling(enabled=True, window=(2, 2)))
    e = shift_effect(doc, *shift)
    assert e.conv_change > 0.3  # an edge map moves: its values change a lot in place
    assert e.pool_change < 0.8 * e.conv_change  # after pooling, much less


def test_the_panel_shows_the_reduction_on_the_default_photograph(qtbot, window):
    window.shift_dock.show()
    window.shift_dock.raise_()
    qtbot.waitUntil(lambda: window.shift_panel.isVisible())
    find(window, QSlider, "shiftX").setValue(1)
    label = find(window, QLabel, "shiftSummary")
    qtbot.waitUntil(lambda: label.text().startswith("Shift (y 0, x 1)"), timeout=5000)
    assert "Pooling removed" in label.text()
    e = shift_effect(window.controller.doc, 0, 1)
    assert f"by {e.conv_change:.0%} of its typical size" in label.text()
    np.testing.assert_array_equal(shown(window.shift_panel.pool_view), e.pool_diff)


def test_a_shift_along_one_axis_keeps_the_other_whole():
    """Crops of the same scene, moved by (dy, dx): each axis gives up only its
    own shift (a shift along x cost the rows too)."""
    x = np.arange(4 * 6, dtype=float).reshape(1, 4, 6)
    a, b, shift = shifted_views(x, 0, 1)
    assert shift == (0, 1) and a.shape == b.shape == (1, 4, 4)
    np.testing.assert_array_equal(b[:, :, 1:], a[:, :, :-1])  # the scene moved right
    a, b, shift = shifted_views(x, -1, 0)
    assert a.shape == (1, 2, 6)
    np.testing.assert_array_equal(b[:, :-1], a[:, 1:])  # and up
