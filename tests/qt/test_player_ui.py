import numpy as np
from helpers import find
from PySide6.QtCore import Qt
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QLabel

from convlab.model import receptive_field
from convlab.model.lessons import LESSONS


def chapter(window, title="Cross-correlation of a 3×3 matrix"):
    window.load_lesson(next(l for l in LESSONS if l.title == title))
    window.player_dock.raise_()


def settled(qtbot, window):
    qtbot.waitUntil(lambda: window.player.isVisible() and not window.controller.pending
                    and not window.player.pending)


def test_step_back_and_scrub_follow_the_window(qtbot, window):
    chapter(window)
    settled(qtbot, window)
    step, back = find(window, object, "playerStep"), find(window, object, "playerBack")
    scrubber = find(window, object, "playerScrubber")
    assert scrubber.maximum() == 3  # 2×2 output positions
    qtbot.mouseClick(step, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(step, Qt.MouseButton.LeftButton)
    assert scrubber.value() == 2
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert scrubber.value() == 1
    # The main views follow: output (0, 1)'s window is outlined in the padded input.
    padded = find(window, object, "paddedView")
    cells = sorted((round(p.boundingRect().y()), round(p.boundingRect().x()))
                   for p in padded.pinned.path().toFillPolygons())
    assert cells == sorted(receptive_field.tap_cells(window.controller.doc, 0, 1))
    assert "= 25" in find(window, object, "detailsPanel").toPlainText()  # the chapter's 25
    assert not find(window, QLabel, "playerCanvas").pixmap().isNull()


def test_play_runs_to_the_end_and_stops(qtbot, window):
    chapter(window)
    settled(qtbot, window)
    window.player.speed.setCurrentText("60 positions/s")
    play = find(window, object, "playerPlay")
    play.click()
    qtbot.waitUntil(lambda: not play.isChecked(), timeout=5000)
    assert find(window, object, "playerScrubber").value() == 3


def test_jump_to_the_pinned_pixel(qtbot, window):
    chapter(window)
    settled(qtbot, window)
    window.inspector.pin(1, 0)
    find(window, object, "playerPinned").click()
    assert find(window, object, "playerScrubber").value() == 2


def test_gif_export_has_one_frame_per_position(qtbot, window, tmp_path):
    chapter(window, "Edge detection with [1, −1]")
    settled(qtbot, window)
    exporter = window.player.exporter
    exporter.cell.setValue(10)
    path = tmp_path / "slide.gif"
    exporter.start(str(path))
    assert exporter.busy  # returns at once; the window stays usable
    qtbot.waitUntil(lambda: not exporter.busy, timeout=30_000)
    reader = QImageReader(str(path))
    assert reader.imageCount() == 6 * 7  # one frame per output position
    first = reader.read()
    assert first.width() >= (8 + 2 + 2 + 2 + 7) * 10 and first.height() > 6 * 10
    assert "Exported 42 frames" in find(window, QLabel, "messageLabel").text()


def test_apng_export_every_second_position(qtbot, window, tmp_path):
    chapter(window, "Edge detection with [1, −1]")
    settled(qtbot, window)
    exporter = window.player.exporter
    exporter.format.setCurrentText("APNG")
    exporter.every.setValue(2)
    exporter.cell.setValue(8)
    exporter.start(str(tmp_path / "slide.png"))
    qtbot.waitUntil(lambda: not exporter.busy, timeout=30_000)
    assert (tmp_path / "slide.png").read_bytes().count(b"fcTL") == 21


def test_cancel_writes_nothing(qtbot, window, tmp_path):
    chapter(window, "Edge detection with [1, −1]")
    settled(qtbot, window)
    exporter = window.player.exporter
    exporter.start(str(tmp_path / "never.gif"))
    find(window, object, "exportCancel").click()
    qtbot.waitUntil(lambda: not exporter.busy, timeout=30_000)
    assert not (tmp_path / "never.gif").exists()
    assert "cancelled" in find(window, QLabel, "messageLabel").text()


def test_too_many_frames_is_refused_with_advice(qtbot, window, tmp_path):
    window.player_dock.raise_()
    settled(qtbot, window)  # the default photograph: 512×512 positions
    window.player.exporter.start(str(tmp_path / "huge.gif"))
    assert not window.player.exporter.busy
    assert "Set “every” to 132 or more" in find(window, QLabel, "messageLabel").text()


def test_the_players_sum_follows_edits_and_never_goes_stale(qtbot, window):
    chapter(window)
    settled(qtbot, window)
    step = find(window, object, "playerStep")
    qtbot.mouseClick(step, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(step, Qt.MouseButton.LeftButton)  # output (1, 0): the chapter's 37
    details = find(window, object, "detailsPanel")
    assert "= 37" in details.toPlainText()
    c = window.controller
    c.apply(c.doc.with_kernel(np.ones((2, 2))), "ones")  # the window 3, 4, 6, 7 sums to 20
    qtbot.waitUntil(lambda: not c.pending and "= 20" in details.toPlainText())
    assert "= 37" not in details.toPlainText()
    c.apply(c.doc.with_image(np.arange(16.0).reshape(1, 4, 4), "4×4"), "bigger")
    qtbot.waitUntil(lambda: not c.pending and c.frame.output.shape == (1, 3, 3))
    qtbot.waitUntil(lambda: "= 20" not in details.toPlainText())
    assert "=" not in details.toPlainText()  # the hint: the old sum's shape is gone


def test_the_pooling_window_box_shows_the_values_it_pools(qtbot):
    """The "max window" box was always empty: orange outlines, no values."""
    from convlab.model.compute import compute
    from convlab.model.document import Document, Pooling
    from convlab.model.player import player_frame
    from convlab.qt.player_render import layout

    x = np.arange(16.0).reshape(1, 4, 4)
    doc = Document(image=x, weight=np.ones((1, 1, 1, 1)), bias=np.zeros(1),
                   pooling=Pooling(True, "max", (3, 3), (2, 2), (1, 1, 1, 1)))
    frame = compute(doc)
    _, mid, _ = layout(doc, frame, player_frame(doc, frame, 3, "pooling"))
    np.testing.assert_array_equal(mid.full, [[5, 6, 7], [9, 10, 11], [13, 14, 15]])
    _, mid, _ = layout(doc, frame, player_frame(doc, frame, 0, "pooling"))  # top-left: padding
    assert np.isnan(mid.full[0]).all() and np.isnan(mid.full[:, 0]).all()
    np.testing.assert_array_equal(mid.full[1:, 1:], [[0, 1], [4, 5]])


def test_why_there_is_no_output_wraps_in_the_canvas(qtbot, window):
    """The canvas said why on one line cut at both ends (a first-use review)."""
    from dataclasses import replace

    window.player_dock.raise_()
    c = window.controller
    c.apply(replace(c.doc, geometry=replace(c.doc.geometry, dilation=(8, 8), pad=(0, 0, 0, 0))),
            "dilate")
    c.apply(c.doc.with_image(np.ones((1, 8, 8)), "ones"), "small input")
    canvas = find(window, QLabel, "playerCanvas")
    qtbot.waitUntil(lambda: "output would be empty" in canvas.text())
    lines = canvas.heightForWidth(canvas.width()) // canvas.fontMetrics().lineSpacing()
    assert canvas.wordWrap() and lines >= 2


def test_the_main_views_and_the_sum_follow_the_pooling_stage(qtbot, window):
    """In the pooling stage the views kept the convolution's last window and
    the sum panel its sum (a first-time-user helper's find)."""
    from dataclasses import replace

    chapter(window)
    c = window.controller
    c.apply(replace(c.doc, pooling=replace(c.doc.pooling, enabled=True, pad=(1, 1, 1, 1))),
            "pool")  # output [[19, 25], [37, 43]], padded by 1: pooled 2×2
    settled(qtbot, window)
    qtbot.waitUntil(lambda: c.frame.pooled is not None and c.frame.pooled.shape == (1, 2, 2))
    stage = find(window, object, "playerStage")
    stage.setCurrentIndex(stage.findData("pooling"))
    scrubber = find(window, object, "playerScrubber")
    scrubber.setValue(3)  # pooled (1, 1): its window holds output (1, 1) and padding
    qtbot.waitUntil(lambda: "43" in find(window, object, "detailsPanel").toPlainText())
    text = find(window, object, "detailsPanel").toPlainText()
    assert "pooled (max), channel 0, row 1, column 1" in text and "max(43) = 43" in text
    out = find(window, object, "outputView")
    cells = sorted((round(p.boundingRect().y()), round(p.boundingRect().x()))
                   for p in out.pinned.path().toFillPolygons())
    assert cells == [(1, 1), (1, 2), (2, 1), (2, 2)]  # the window, its padding outlined too
    c.apply(replace(c.doc, pooling=replace(c.doc.pooling, mode="avg")), "avg")
    qtbot.waitUntil(lambda: "(43 + 0 + 0 + 0) / 4 = 10.75"
                    in find(window, object, "detailsPanel").toPlainText())
    stage.setCurrentIndex(stage.findData("convolution"))
    qtbot.waitUntil(lambda: "output channel 0" in find(window, object, "detailsPanel")
                    .toPlainText())
    c.apply(replace(c.doc, pooling=replace(c.doc.pooling, window=(8, 8), stride=(1, 1),
                                           pad=(4, 4, 4, 4))), "big window")
    stage.setCurrentIndex(stage.findData("pooling"))  # 64 values: named, not written out
    qtbot.waitUntil(lambda: "the average of its 64 values, the padding as 0"
                    in find(window, object, "detailsPanel").toPlainText())
