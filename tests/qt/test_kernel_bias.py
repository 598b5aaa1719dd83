"""The kernel panel's bias box holds any value a Document may hold (model/limits.py)."""

from __future__ import annotations

import numpy as np

from convlab.model.document import Document
from convlab.model.history import UndoLabel
from convlab.model.limits import MAX_VALUE


def test_bias_box_never_clamps_a_document_value(qtbot):
    from convlab.qt.kernel_panel import KernelPanel

    panel = KernelPanel()
    qtbot.addWidget(panel)
    doc = Document(image=np.zeros((1, 4, 4)), weight=np.ones((2, 1, 3, 3)),
                   bias=np.array([5e6, -MAX_VALUE]))
    panel.set_document(doc)
    assert panel.bias.value() == 5e6  # the old ±1e6 range showed 1e6
    assert panel.bias.minimum() == -MAX_VALUE and panel.bias.maximum() == MAX_VALUE
    with qtbot.waitSignal(panel.edited) as edited:
        panel.bias.setValue(7e6)
    new, label = edited.args
    assert label == UndoLabel.BIAS
    np.testing.assert_array_equal(new.bias, [7e6, -MAX_VALUE])  # the other channel untouched
