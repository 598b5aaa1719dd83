"""The live stability readout, the rate marker and the landscape's axes in the window."""

import math

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel

from convlab.model.learn_problem import PAIR_SOURCE
from helpers import find, plain, type_into_spin


def test_chapter_numbers_and_marker_before_play(qtbot, window):
    p, st = window.learn_panel, window.learning.stability
    p.chapter.click()
    assert st.value.lambda_max == pytest.approx(60) and st.value.lambda_min == pytest.approx(12)
    assert st.value.stable_rate == pytest.approx(1 / 30) and st.value.condition == \
        pytest.approx(5)
    assert plain(find(window, QLabel, "stableRate").text()) == (
        "Largest stable SGD rate 2/λ_max = 0.03333 (λ_max = 60, λ_min = 12)")
    assert "κ = λ_max/λ_min = 5." in plain(find(window, QLabel, "conditionNumber").text())
    notes = plain(find(window, QLabel, "stabilityNotes").text())
    assert "(κ−1)/(κ+1) = 0.6667" in notes and "Momentum" in notes and "Adam" in notes
    warning = find(window, QLabel, "rateWarning")
    assert not warning.isVisible()  # the chapter's rate 0.0321 is stable
    type_into_spin(qtbot, p.rate, "0.034")
    assert warning.isVisible() and warning.text() == "above 0.0333: the loss will grow"
    assert window.learning.learner is None  # before Play
    type_into_spin(qtbot, p.rate, "0.033")
    assert not warning.isVisible()


def test_the_marker_matches_observed_divergence(qtbot, window):
    """Just above the limit the chapter's run diverges; just below it does not."""
    from convlab.core.descent import descend
    from convlab.model.learn_problem import chapter_example, make_problem

    window.learn_panel.chapter.click()
    limit = window.learning.stability.value.stable_rate
    doc, s = chapter_example()
    p = make_problem(doc, s)
    last = {}
    for lr in (limit * 1.01, limit * 0.99):
        for step in descend(p.x, p.target, p.weight, None, lr=lr, steps=2000, optimizer="sgd",
                            loss="sse", **p.descend_kwargs()):
            pass
        last[lr] = step.sse
    above, below = last[limit * 1.01], last[limit * 0.99]
    assert above > 1e3 or not math.isfinite(above)
    assert below < 1e-6


def test_readout_follows_kernel_size_loss_and_bias_only(qtbot, window):
    c, st = window.controller, window.learning.stability
    window.learn_panel.chapter.click()
    first = st.value
    c.apply(c.doc.with_kernel(np.array([[3.0, 4.0]])), "kernel edit")
    assert st.value is first  # a kernel edit changes no curvature: not recomputed
    window.learn_panel.loss.setCurrentText("mean squared error (mse)")
    assert st.value.lambda_max == pytest.approx(60 / 42)  # 6×7 outputs
    window.learn_panel.learn_bias.setChecked(True)
    assert st.value.lambda_max > 60 / 42


def test_large_input_is_computed_off_the_gui_thread(qtbot, window):
    c, st = window.controller, window.learning.stability
    big = np.random.default_rng(0).random((3, 512, 512))
    doc = c.doc.with_image(big, "big")
    c.apply(doc.with_kernel_size(5, 5), "big")
    assert st.computing
    assert "computing…" in find(window, QLabel, "stableRate").text()
    c.apply(c.doc.with_kernel_size(3, 3), "smaller")  # the newest request wins
    qtbot.waitUntil(lambda: not st.computing, timeout=60_000)
    from convlab.model.stability import of_document

    want = of_document(c.doc, c.doc.learn.loss)
    assert st.value.lambda_max == pytest.approx(want.lambda_max)
    assert "computing" not in find(window, QLabel, "stableRate").text()


def test_landscape_shows_principal_axes(qtbot, window):
    p = window.learn_panel
    p.chapter.click()
    window.learning.step()
    qtbot.waitUntil(lambda: window.learning.learner.steps_done == 1)
    assert len(p.landscape.axes) == 2
    xs, ys = p.landscape.axes[1].getData()  # the shallow axis, along [1, −1]
    assert (xs[1] - xs[0]) == pytest.approx(-(ys[1] - ys[0]))


def test_spin_boxes_hold_every_document_value(qtbot, window):
    from convlab.model import limits

    c, p = window.controller, window.learn_panel
    values = dict(lr=1e-9, threshold=limits.MAX_THRESHOLD, noise=limits.MAX_NOISE,
                  seed=limits.MAX_SEED, max_steps=limits.MAX_STEPS, steps_per_second=7.0)
    assert c.apply(c.doc.with_learn(**values), "extremes")
    assert p.settings() == c.doc.learn  # shown without rounding or clamping
    assert p.rate.text() == "1e-09"
    c.apply(c.doc.with_learn(threshold=1e-20, lr=limits.MAX_LR), "tiny")
    assert p.settings() == c.doc.learn
    assert PAIR_SOURCE in [p.true_source.itemText(i) for i in range(p.true_source.count())]
