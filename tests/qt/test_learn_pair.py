"""Learning from a pair of images in the window: the sample pair, bad pairs, sessions."""

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from convlab.model import session
from convlab.model.learn_problem import PAIR_SOURCE
from convlab.model.pair import PAIR_KERNEL, SAMPLE_TARGET
from helpers import find, plain, shown


def wait_finished(qtbot, win, timeout=120_000):
    def done():
        lr = win.learning.learner
        return lr is not None and lr.finished and \
            plain(find(win, QLabel, "learnStatus").text()).startswith(lr.outcome.message)
    qtbot.waitUntil(done, timeout=timeout)


def test_sample_pair_learns_the_shipped_kernel(qtbot, window):
    p, c = window.learn_panel, window.controller
    find(window, object, "pairSample").click()
    doc = c.doc
    assert doc.image.shape == (1, 128, 128) and doc.weight.shape == (1, 1, 5, 5)
    assert doc.learn.true_source == PAIR_SOURCE and doc.learn.target_path == str(SAMPLE_TARGET)
    assert p.true_source.currentText() == PAIR_SOURCE
    assert c.history.undo_label() == "sample pair"
    p.play.click()
    wait_finished(qtbot, window)
    assert window.learning.learner.outcome.kind == "max steps"
    np.testing.assert_allclose(c.doc.kernel, PAIR_KERNEL, atol=1e-3)
    # the tiles: the least-squares kernel beside the learned one
    assert p.true_view.title_text() == "least squares"
    p.true_view.resize(80, p.true_view.height())  # a tile's width: the short title, whole
    qtbot.waitUntil(lambda: p.true_view.shown_title() == "best fit")
    np.testing.assert_allclose(shown(p.true_view), PAIR_KERNEL, atol=1e-6)
    np.testing.assert_allclose(shown(p.learned_view), c.doc.kernel)


def save(path, w, h, fill=0x808080):
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(fill)
    assert img.save(str(path))
    return str(path)


def test_bad_pairs_say_why_and_change_nothing(qtbot, window, tmp_path):
    c = window.controller
    find(window, object, "pairSample").click()
    before, depth = c.doc, len(c.history._items)
    label = find(window, QLabel, "messageLabel")
    corrupt = tmp_path / "corrupt.png"
    corrupt.write_bytes(SAMPLE_TARGET.read_bytes()[:200])
    cases = [(str(corrupt), "corrupt"),
             (save(tmp_path / "wide.png", 200, 100), "a different shape"),
             (save(tmp_path / "red.png", 128, 128, 0xFF2040), "colour but the input is grey")]
    for path, words in cases:
        assert not window.learning.pair.use_target(path)
        assert label.isVisible() and words in label.text() and "Nothing was changed" in label.text()
        assert c.doc == before and len(c.history._items) == depth


def test_a_chosen_target_and_kernel_size(qtbot, window, tmp_path):
    c = window.controller
    find(window, object, "pairSample").click()
    size = find(window, object, "pairKernelSize")
    size.setValue(3)
    assert c.doc.weight.shape == (1, 1, 3, 3) and c.doc.geometry.pad == (1, 1, 1, 1)
    big = save(tmp_path / "big.png", 256, 256)
    assert window.learning.pair.use_target(big)
    assert c.doc.learn.target_path.endswith("big.png") and c.doc.weight.shape == (1, 1, 3, 3)
    assert "scaled to the input's 128×128" in find(window, QLabel, "messageLabel").text()


def test_the_pair_target_survives_a_session(qtbot, window, tmp_path):
    c = window.controller
    find(window, object, "pairSample").click()
    path = tmp_path / "pair.convlab"
    session.save(path, session.Session(c.doc))
    back = session.load(path)
    assert back.doc.learn == c.doc.learn
    assert back.doc.learn.target_path == str(SAMPLE_TARGET)
    c.apply(c.doc.with_learn(true_source="Sobel x", target_path=""), "other")
    assert window.files.open_session(path)
    assert c.doc.learn.target_path == str(SAMPLE_TARGET) and c.doc.weight.shape[2:] == (5, 5)
    window.learning.step()  # the target is read again from its file
    qtbot.waitUntil(lambda: window.learning.learner.steps_done == 1)
    np.testing.assert_allclose(window.learning.learner.problem.true_weight[0, 0], PAIR_KERNEL,
                               atol=1e-6)


def test_a_missing_target_file_is_said_at_play(qtbot, window, tmp_path):
    c = window.controller
    find(window, object, "pairSample").click()
    c.apply(c.doc.with_learn(target_path=str(tmp_path / "gone.png")), "edit")
    window.learning.play()
    assert window.learning.learner is None
    text = find(window, QLabel, "messageLabel").text()
    assert text.startswith("Cannot learn with these settings") and "gone.png" in text
