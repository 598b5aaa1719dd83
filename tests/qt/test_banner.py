"""The message banner above the views: at most three lines, cut with "…"."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from convlab.qt.main_window import ERROR_STYLE
from convlab.qt.widgets import Banner
from helpers import plain


def _lines_label(n: int, char: str, like: QLabel) -> QLabel:
    label = QLabel("\n".join([char] * n), wordWrap=True)
    label.setFont(like.font())
    label.setStyleSheet(like.styleSheet())
    label.setTextInteractionFlags(like.textInteractionFlags())
    return label


@pytest.mark.parametrize("selectable", [True, False])
@pytest.mark.parametrize("word", ["error", "误差"])  # Chinese: a taller fallback font
def test_a_long_message_shows_three_whole_lines(qtbot, word, selectable):
    """As the window styles it (padding, selectable text) and plain."""
    banner = Banner(3)
    qtbot.addWidget(banner)
    if selectable:
        banner.setStyleSheet(ERROR_STYLE)
        banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    banner.resize(300, 400)
    banner.show()
    text = " ".join(f"{word}{i}" for i in range(200))
    banner.setText(text)
    shown = QLabel.text(banner)  # what is drawn
    assert banner.text() == text and banner.toolTip() == text
    assert shown.endswith("…") and text.startswith(shown[:-1])
    height = banner.heightForWidth(300)
    assert height == _lines_label(3, word[0], banner).heightForWidth(300)
    banner.resize(600, 400)  # wider: more of the sentence fits
    assert len(QLabel.text(banner)) > len(shown)


def test_a_short_message_is_shown_whole(qtbot):
    banner = Banner(3)
    qtbot.addWidget(banner)
    banner.resize(300, 100)
    banner.show()
    banner.setText("Nothing was changed.")
    assert QLabel.text(banner) == banner.text() == "Nothing was changed."


def test_narrow_or_odd_messages(qtbot):
    banner = Banner(3)
    qtbot.addWidget(banner)
    banner.resize(4, 100)  # no room at all: still three short lines, not the whole text
    banner.show()
    banner.setText("word " * 100)
    assert len(QLabel.text(banner)) < 20
    banner.resize(300, 100)
    banner.setText("ends with a newline\n")
    assert QLabel.text(banner) == "ends with a newline"
    banner.setText("a <b>tag</b> is text")
    assert banner.textFormat() == Qt.TextFormat.PlainText


def test_formulas_are_glued_but_paths_and_the_text_are_not(qtbot):
    """What the banner draws keeps "2/λ_max = 0.0333" on one line; a path's
    "/" stays as typed (the text can be selected and copied), and ``text()``
    is the sentence as given."""
    banner = Banner(3)
    qtbot.addWidget(banner)
    banner.resize(600, 100)
    banner.show()
    reason = "Why: above 2/λ_max = 0.0333 (here |1 − rate·λ_max| = 3.2)."
    banner.setText(reason)
    drawn = QLabel.text(banner)
    assert banner.text() == reason and drawn != reason
    assert "2/\u2060λ_max\u00a0=\u00a00.0333" in drawn
    assert plain(drawn) == reason
    for path in ("could not read /home/me/photos/a.png: not an image (stride/dilation)",
                 "could not read /home/ann/(2024)/x.png", "/data/run|2024-01-01|x/y.png"):
        banner.setText(path)  # a joiner in a copied path made one that does not exist
        assert QLabel.text(banner) == path
