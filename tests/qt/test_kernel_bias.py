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


def test_a_typed_bias_is_kept_exactly_and_an_unchanged_one_stays(qtbot):
    """A box of four decimals turned a typed 0.00001 into 0 without a word;
    a learned bias shown rounded would change when Enter is pressed."""
    from convlab.qt.kernel_panel import KernelPanel
    from helpers import type_into_spin

    panel = KernelPanel()
    qtbot.addWidget(panel)
    doc = Document(image=np.zeros((1, 4, 4)), weight=np.ones((1, 1, 3, 3)),
                   bias=np.array([0.123456789012]))
    panel.set_document(doc)
    assert panel.bias.text() == "0.123456789012"
    edits = []
    panel.edited.connect(lambda d, label: edits.append(d))
    type_into_spin(qtbot, panel.bias, panel.bias.text())  # Enter on the same number
    assert edits == []
    type_into_spin(qtbot, panel.bias, "0.00001")
    assert edits and edits[-1].bias[0] == 1e-5
