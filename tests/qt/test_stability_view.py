"""The stability readout and the learning-rate marker on the Learn panel's own boxes."""

import re

import pytest
from PySide6.QtGui import QColor, QFontMetrics, QPalette, QTextDocument
from PySide6.QtWidgets import QLabel

from helpers import plain, type_into_spin
from convlab.model import stability as S
from convlab.model.learn_problem import chapter_example, make_problem
from convlab.qt.learn_panel import LearnPanel
from convlab.qt.i18n import Translators
from convlab.qt.messages import translator
from convlab.qt.stability_view import RateMarker, StabilityView


def chapter_stability():
    doc, s = chapter_example()
    return S.of_problem(make_problem(doc, s), "sse")


def test_readout_shows_the_chapters_numbers(qtbot):
    view = StabilityView()
    qtbot.addWidget(view)
    assert view.rate_label.text().endswith("—")
    view.set_stability(chapter_stability())
    assert plain(view.rate_label.text()) == ("Largest stable SGD rate 2/λ_max = 0.03333 "
                                             "(λ_max = 60, λ_min = 12)")
    assert "about 34.1 steps shrink it a millionfold" in plain(view.notes.text())
    assert plain(view.condition_label.text()) == "Condition number κ = λ_max/λ_min = 5."
    assert plain(view.notes.text()).count("0.6667") == 1  # the shrink factor, said once
    assert "Momentum 0.9 is stable below 2(1+β)/λ_max = 0.06333" in plain(view.notes.text())
    view.set_stability(None)
    assert view.notes.text() == ""


def test_a_flat_direction_reads_as_one_not_as_a_negative_curvature(qtbot):
    """Two identical input channels: w and w' fit equally well whenever w + w'
    is the same, so XᵀX is singular and eigvalsh returns λ_min of about
    ±1e-14·λ_max (-2.1e-14 was shown for the multiple-output lesson)."""
    import numpy as np

    x = np.random.default_rng(0).random((1, 6, 6))
    s = S.analyse(np.concatenate([x, x]), (1, 2, 2, 2))
    assert s.lambda_min == 0.0 and s.lambda_max > 1
    view = StabilityView()
    qtbot.addWidget(view)
    view.set_stability(s)
    assert "λ_min = 0)" in plain(view.rate_label.text())
    assert plain(view.condition_label.text()) == (
        "Condition number κ = λ_max/λ_min = ∞ (a flat direction: some kernels fit "
        "equally well).")


def wrapped_lines(label: QLabel, width: int) -> list[str]:
    """The lines ``label``'s text breaks into at ``width`` pixels, as Qt lays it out."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    doc.setPlainText(label.text())
    doc.setTextWidth(width)
    doc.size()  # lays the text out
    lines, block = [], doc.firstBlock()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(plain(text[line.textStart(): line.textStart() + line.textLength()]))
        block = block.next()
    return [line.strip() for line in lines]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_wrapped_reasons_keep_their_formulas_on_one_line(qtbot, qapp, language):
    """Qt broke the divergence reason after "2/" and "(here |", could before
    " = ", and in Chinese between "学习率" and "·λ_max": no line may end or
    start inside a formula, at any width the longest formula fits."""
    translators = Translators(qapp)
    assert translators.install(language)
    try:
        panel, view = LearnPanel(), StabilityView()
        qtbot.addWidget(panel)
        qtbot.addWidget(view)
        s = chapter_stability()
        panel.set_status(S.divergence_reason(0.07, s, tr=translator("Stability")))
        view.set_stability(s)
        assert "λ_max| = 3.2" in plain(panel.status.text())
        for label in (panel.status, view.rate_label, view.notes):
            assert max(len(wrapped_lines(label, w)) for w in range(100, 480, 3)) > 3
            for a, b in formula_breaks(label):
                assert not a.endswith(("/", "|", "=", "−", "·")), (a, b)
                assert not b.startswith(("=", "−", "λ_max", "·")), (a, b)
    finally:
        translators.install("en")


def formula_breaks(label: QLabel):
    """Each pair of lines that follow each other at some width from the
    widest unbreakable piece (below it Qt must cut anywhere) up to 480 px."""
    metrics = QFontMetrics(label.font())
    pieces = re.split(r"[ \n]|(?<=[\u3000-\u9fff])(?=[\u3000-\u9fff])", label.text())
    widest = max(metrics.horizontalAdvance(p) for p in pieces)
    for width in range(widest + 2, 480, 3):
        lines = wrapped_lines(label, width)
        yield from zip(lines, lines[1:])


def test_marker_warns_above_the_limit_before_play(qtbot):
    panel = LearnPanel()
    qtbot.addWidget(panel)
    panel.show()
    label = QLabel()
    panel.layout().insertWidget(2, label)  # below the rate box, as the panel will
    marker = RateMarker(panel.rate, panel.optimizer, label)
    panel.optimizer.setCurrentText("SGD")
    marker.set_stability(chapter_stability())
    type_into_spin(qtbot, panel.rate, "0.034")
    assert label.text() == "above 0.0333: the loss will grow" and label.isVisible()
    assert "#5c1d1d" in panel.rate.styleSheet()
    assert "the loss will grow" in panel.rate.toolTip()
    type_into_spin(qtbot, panel.rate, "0.0321")  # the chapter's rate: stable
    assert label.text() == "" and not label.isVisible()
    assert panel.rate.styleSheet() == ""
    assert "the loss will grow" not in panel.rate.toolTip()
    type_into_spin(qtbot, panel.rate, "0.05")
    assert marker.warning
    panel.optimizer.setCurrentText("Momentum")  # limit 2·1.9/60 ≈ 0.0633
    assert marker.warning == ""
    panel.optimizer.setCurrentText("Adam")  # no curvature limit
    type_into_spin(qtbot, panel.rate, "5")
    assert marker.warning == ""
    marker.set_stability(None)
    panel.optimizer.setCurrentText("SGD")
    assert marker.warning == ""


def test_landscape_axes_are_drawn_on_the_landscape(qtbot):
    import numpy as np

    from convlab.model.learn_problem import landscape
    from convlab.qt.learn_panel import Landscape
    from convlab.qt.stability_view import add_axes

    doc, s = chapter_example()
    p = make_problem(doc, s)
    plot = Landscape()
    qtbot.addWidget(plot)
    grid = landscape(p, np.array([1.0, -1.0]), 1.0)
    plot.set_landscape(grid[0], grid[1], grid[2], p.true_weight.ravel())
    items = add_axes(plot, S.landscape_axes(p, "sse", 0.9))
    assert len(items) == 2
    xs, ys = items[1].getData()  # the shallow axis, along [1, −1] through the answer
    assert (xs[0] + xs[1]) / 2 == (ys[0] + ys[1]) / -2 == pytest.approx(1.0)
    assert np.hypot(xs[1] - xs[0], ys[1] - ys[0]) == pytest.approx(1.8)
    again = add_axes(plot, S.landscape_axes(p, "sse", 0.5), items)
    assert all(i.scene() is None for i in items) and len(again) == 2


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (4.5 is the bar for body text)."""
    def luminance(c: QColor) -> float:
        lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
               for v in (c.redF(), c.greenF(), c.blueF())]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_notes_and_warning_are_readable_on_the_panel(qtbot):
    """A first-use run measured the notes at 1.7:1 and the warning at 2.1:1
    against the panel: gone on a projector."""
    panel, view = LearnPanel(), StabilityView()
    qtbot.addWidget(panel)
    qtbot.addWidget(view)
    view.set_stability(chapter_stability())
    label = QLabel()
    panel.layout().insertWidget(2, label)
    marker = RateMarker(panel.rate, panel.optimizer, label)
    panel.optimizer.setCurrentText("SGD")
    marker.set_stability(chapter_stability())
    panel.rate.setValue(0.05)
    for shown in (view.notes, label):
        shown.ensurePolished()
        fg = shown.palette().color(QPalette.ColorRole.WindowText)
        bg = shown.palette().color(QPalette.ColorRole.Window)
        assert contrast(fg, bg) >= 4.5, (shown.objectName(), fg.name(), bg.name())
    assert label.text().startswith("above 0.0333")
