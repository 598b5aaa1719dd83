"""The padding/stride/dilation and pooling panels show exactly the Document."""

from dataclasses import replace

import numpy as np
from PySide6.QtWidgets import QPushButton, QSpinBox

from convlab.model import limits
from convlab.model.document import Document, Geometry, Pooling
from convlab.qt.geometry_panel import GeometryPanel
from convlab.qt.pool_panel import PoolPanel


def doc(**changes) -> Document:
    base = Document(image=np.zeros((9, 11)), weight=np.zeros((1, 1, 3, 2)), bias=np.zeros(1))
    return replace(base, **changes)


def test_the_largest_allowed_geometry_is_shown_unclamped(qtbot):
    panel = GeometryPanel()
    qtbot.addWidget(panel)
    g = Geometry(pad=(limits.MAX_PAD, 0, 3, limits.MAX_PAD - 1), stride=(limits.MAX_STRIDE, 2),
                 dilation=(1, limits.MAX_DILATION))
    panel.set_document(doc(geometry=g))
    assert [b.value() for b in panel.pads] == list(g.pad)
    assert [b.value() for b in panel.stride] == list(g.stride)
    assert [b.value() for b in panel.dilation] == list(g.dilation)
    assert panel.geometry_from_widgets() == g


def test_the_largest_allowed_pooling_is_shown_unclamped(qtbot):
    panel = PoolPanel()
    qtbot.addWidget(panel)
    p = Pooling(True, "avg", (limits.MAX_POOL_WINDOW, 3), (2, limits.MAX_POOL_STRIDE),
                (limits.MAX_POOL_PAD, limits.MAX_POOL_PAD, 1, 1))
    panel.set_document(doc(pooling=p))
    assert [b.value() for b in panel.window] == list(p.window)
    assert [b.value() for b in panel.stride] == list(p.stride)
    assert [b.value() for b in panel.pad] == [limits.MAX_POOL_PAD, 1]


def test_spin_box_ranges_are_the_limits_table(qtbot):
    geo, pool = GeometryPanel(), PoolPanel()
    qtbot.addWidget(geo)
    qtbot.addWidget(pool)
    ranges = {b.objectName(): (b.minimum(), b.maximum())
              for panel in (geo, pool) for b in panel.findChildren(QSpinBox)}
    assert ranges["padTop"] == (0, limits.MAX_PAD)
    assert ranges["strideX"] == (1, limits.MAX_STRIDE)
    assert ranges["dilationY"] == (1, limits.MAX_DILATION)
    assert ranges["poolWindowY"] == (1, limits.MAX_POOL_WINDOW)
    assert ranges["poolStrideX"] == (1, limits.MAX_POOL_STRIDE)
    assert ranges["poolPadY"] == (0, limits.MAX_POOL_PAD)


def test_tab_moves_through_stride_then_dilation_in_reading_order(qtbot):
    panel = GeometryPanel()
    qtbot.addWidget(panel)
    order, w = [], panel.pads[0]
    for _ in range(40):
        if isinstance(w, QSpinBox):
            order.append(w.objectName())
        w = w.nextInFocusChain()
        if w is panel.pads[0]:
            break
    assert order == ["padTop", "padBottom", "padLeft", "padRight",
                     "strideY", "strideX", "dilationY", "dilationX"]


def test_full_button_pads_by_the_dilated_span_minus_one(qtbot):
    panel = GeometryPanel()
    qtbot.addWidget(panel)
    panel.set_document(doc(geometry=Geometry(dilation=(2, 3))))
    full = next(b for b in panel.findChildren(QPushButton) if b.text() == "Full")
    with qtbot.waitSignal(panel.edited) as sent:
        full.click()
    new, label = sent.args
    assert new.geometry.pad == (4, 4, 3, 3)  # 3 rows at dilation 2, 2 columns at 3
    assert label == "full padding"
