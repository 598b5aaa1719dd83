"""Numbers in a view's cells: the most precise form that fits every cell."""

import numpy as np
from PySide6.QtGui import QFontMetrics

from convlab.model.parse import format_number
from convlab.qt.array_view import ArrayView


def view_with(qtbot, a, cell_px):
    """A view showing ``a`` zoomed to ``cell_px`` screen pixels a cell."""
    view = ArrayView("t")
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    view.set_array(a)

    def zoomed():  # again until the layout has settled
        view.vb.setRange(xRange=(0, view.vb.width() / cell_px),
                         yRange=(0, view.vb.height() / cell_px), padding=0)
        return view.vb.width() > 100 and abs(1.0 / view.vb.viewPixelSize()[0] - cell_px) < 0.5

    qtbot.waitUntil(zoomed)
    return view


def test_one_long_value_shortens_the_numbers_not_hides_them(qtbot):
    """A cell 1 px too narrow for 0.00274 hid every number of the view; now
    all are drawn to 2 significant digits, and whole where there is room."""
    a = np.array([[0.00274, 0.5, -0.25], [1.0, 2.0, 0.75]])
    fm = QFontMetrics(ArrayView("x")._label_font)
    full = fm.horizontalAdvance(format_number(0.00274)) + 6
    short = fm.horizontalAdvance("0.0027") + 6
    assert short < full
    wide = view_with(qtbot, a, full + 20)
    qtbot.waitUntil(lambda: len(wide.labels_shown()) == 6)
    assert "0.00274" in wide.labels_shown() and "-0.25" in wide.labels_shown()
    narrow = view_with(qtbot, a, (short + full) / 2)
    px = 1.0 / narrow.vb.viewPixelSize()[0]
    assert short <= px < full, px
    qtbot.waitUntil(lambda: len(narrow.labels_shown()) == 6)
    assert "0.0027" in narrow.labels_shown() and "0.00274" not in narrow.labels_shown()
    assert "-0.25" in narrow.labels_shown()  # already short: unchanged
    tiny = view_with(qtbot, a, short - 6)
    qtbot.wait(20)
    assert tiny.labels_shown() == []  # too narrow for any form: none, not clipped ones


def test_numbers_grow_with_their_cells_up_to_a_limit(qtbot):
    """A projected 3×3 input had 150-px cells with numbers of the UI's size in
    their middle; they now fill about half a cell, at most LABEL_GROWTH times
    the UI font, and a cell that only just holds them keeps that font."""
    from convlab.qt.array_view import LABEL_GROWTH

    a = np.arange(9.0).reshape(3, 3) - 4
    base = ArrayView("x")._label_font.pointSizeF()

    def points(view):
        qtbot.waitUntil(lambda: len(view.labels_shown()) == 9)
        sizes = {t.textItem.font().pointSizeF() for t in view._labels if t.isVisible()}
        assert len(sizes) == 1
        return sizes.pop()

    fm = QFontMetrics(ArrayView("x")._label_font)
    snug = fm.horizontalAdvance("-4") + 10
    assert points(view_with(qtbot, a, snug)) == base
    mid = points(view_with(qtbot, a, 60))
    view = view_with(qtbot, a, 95)
    big = points(view)
    assert base < mid < big <= LABEL_GROWTH * base
    view.vb.setRange(xRange=(0, view.vb.width() / snug), yRange=(0, view.vb.height() / snug),
                     padding=0)  # the same view zoomed out: the font goes back
    qtbot.waitUntil(lambda: {t.textItem.font().pointSizeF() for t in view._labels
                             if t.isVisible()} == {base})
