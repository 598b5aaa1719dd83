from dataclasses import replace

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QSpinBox, QTableView

from convlab.model.document import Document, Geometry
from convlab.model.samples import edge_image
from helpers import click_cell, click_grid_cell, expected_output, find, shown, type_into_cell, type_into_spin


def use_sample(qtbot, win, name):
    combo = find(win, QComboBox, "sampleChooser")
    combo.setCurrentIndex(combo.findText(name))
    combo.activated.emit(combo.findText(name))
    qtbot.waitUntil(lambda: win.controller.doc.image_name == name)


def wait_frame(qtbot, win):
    qtbot.waitUntil(lambda: win.controller.frame is not None
                    and win.controller.frame is win.controller.last_good
                    or not win.controller.frame.ok, timeout=5000)
    qtbot.wait(10)


def test_default_window_shows_core_output(qtbot, window):
    wait_frame(qtbot, window)
    doc = window.controller.doc
    out = shown(find(window, object, "outputView"))
    np.testing.assert_allclose(out, expected_output(doc)[0], rtol=1e-4, atol=1e-4)
    assert "⌊(512 + 2 − 3 + 1) / 1⌋ = 512" in find(window, QLabel, "shapeLabel").text()


def test_typed_kernel_padding_stride_dilation_reach_the_output(qtbot, window):
    use_sample(qtbot, window, "Chapter 6×8 edge image")
    grid = find(window, QTableView, "kernelGrid")
    type_into_spin(qtbot, find(window, QSpinBox, "kernelHeight"), 2)
    type_into_spin(qtbot, find(window, QSpinBox, "kernelWidth"), 2)
    for (r, c), v in zip([(0, 0), (0, 1), (1, 0), (1, 1)], ["1", "-1", "0.5", "2"]):
        type_into_cell(qtbot, grid, r, c, v)
    type_into_spin(qtbot, find(window, QSpinBox, "padLeft"), 2)
    type_into_spin(qtbot, find(window, QSpinBox, "strideX"), 2)
    type_into_spin(qtbot, find(window, QSpinBox, "dilationY"), 2)
    find(window, QComboBox, "paddingMode").setCurrentText("replicate")
    qtbot.wait(20)
    doc = window.controller.doc
    np.testing.assert_array_equal(doc.kernel, [[1, -1], [0.5, 2]])
    assert doc.geometry.pad == (1, 1, 2, 1) and doc.geometry.mode == "replicate"
    want = expected_output(doc)[0]
    assert want.shape == (6, 5)  # ⌊(6+2−3)/1⌋+1 rows (span 3), ⌊(8+3−2)/2⌋+1 columns
    np.testing.assert_array_equal(shown(find(window, object, "outputView")), want)
    assert "⌊(8 + 3 − 2 + 2) / 2⌋ = 5" in find(window, QLabel, "shapeLabel").text()


def test_flip_computes_true_convolution(qtbot, window):
    use_sample(qtbot, window, "Chapter 3×3 arange")
    find(window, QCheckBox, "flipKernel").click()
    qtbot.wait(20)
    doc = window.controller.doc
    x, k = doc.image[0].astype(float), doc.kernel
    flipped = k[::-1, ::-1]
    want = np.array([[np.sum(np.pad(x, 1)[i:i + 3, j:j + 3] * flipped) for j in range(3)]
                     for i in range(3)])
    np.testing.assert_allclose(shown(find(window, object, "outputView")), want)


def test_invalid_geometry_is_explained_and_last_output_kept(qtbot, window):
    use_sample(qtbot, window, "Chapter 3×3 arange")
    qtbot.waitUntil(lambda: not window.controller.pending)  # the 3×3's own output
    before = shown(find(window, object, "outputView")).copy()
    assert before.shape == (3, 3)
    type_into_spin(qtbot, find(window, QSpinBox, "dilationX"), 4)
    qtbot.wait(20)
    msg = find(window, QLabel, "messageLabel")
    assert msg.isVisible()
    assert "spans 3×9" in msg.text() and "add padding or shrink the kernel" in msg.text()
    out_view = find(window, object, "outputView")
    np.testing.assert_array_equal(shown(out_view), before)
    assert out_view.image_item.opacity() < 1
    type_into_spin(qtbot, find(window, QSpinBox, "dilationX"), 1)  # still usable
    qtbot.waitUntil(lambda: not msg.isVisible())
    assert out_view.image_item.opacity() == 1


def test_a_new_input_with_invalid_settings_keeps_no_output_of_the_old_one(qtbot, window):
    c = window.controller
    qtbot.waitUntil(lambda: c.frame.ok and not c.pending)
    out_view, in_view = find(window, object, "outputView"), find(window, object, "inputView")
    c.apply(c.doc.with_kernel_size(15, 3), "tall kernel")  # fine on the 512² photo
    qtbot.waitUntil(lambda: not c.pending and c.frame.ok)
    c.apply(c.doc.with_image(np.arange(16.0).reshape(1, 4, 4), "4×4"), "small input")
    qtbot.waitUntil(lambda: not c.pending and not c.frame.ok)  # 15 rows > 4 + padding
    msg = find(window, QLabel, "messageLabel")
    assert msg.isVisible() and "so the output would be empty" in msg.text()
    assert "last valid output" not in msg.text()  # none is shown
    assert shown(out_view) is None and out_view.title_text() == "output"
    assert find(window, object, "paddedView").region.path().isEmpty()  # not the photo's
    assert shown(find(window, object, "paddedView")) is None
    np.testing.assert_array_equal(shown(in_view), np.arange(16.0).reshape(4, 4))
    (x0, x1), _ = in_view.vb.viewRange()
    assert x1 - x0 < 20  # the 4×4 input fills its view, not a dot at the photo's scale
    c.undo()  # the photo again: the old output comes back
    qtbot.waitUntil(lambda: not c.pending and c.frame.ok and shown(out_view) is not None)


def test_reflect_padding_too_wide_is_explained(qtbot, window):
    use_sample(qtbot, window, "Chapter 3×3 arange")
    find(window, QComboBox, "paddingMode").setCurrentText("reflect")
    type_into_spin(qtbot, find(window, QSpinBox, "padTop"), 3)
    qtbot.wait(20)
    assert "Reflect padding of 3 on the top" in find(window, QLabel, "messageLabel").text()


def test_bad_cell_text_is_refused_with_a_message(qtbot, window):
    grid = find(window, QTableView, "kernelGrid")
    before = window.controller.doc.kernel.copy()
    for text in ("abc", "nan", "1e400", "inf"):
        type_into_cell(qtbot, grid, 0, 0, text)
        msg = find(window, QLabel, "messageLabel")
        assert msg.isVisible() and "the cell keeps its value" in msg.text()
        np.testing.assert_array_equal(window.controller.doc.kernel, before)


def test_tab_leaves_the_kernel_grid_and_arrows_move_inside_it(qtbot, window):
    grid = find(window, QTableView, "kernelGrid")
    click_grid_cell(qtbot, grid, 0, 0)
    assert grid.hasFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, 1)
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    after = QApplication.focusWidget()
    assert after is not grid and not grid.isAncestorOf(after)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    before = QApplication.focusWidget()
    assert before is not grid and not grid.isAncestorOf(before) and before is not after


def test_copy_paste_delete_and_garbage_paste(qtbot, window):
    grid = find(window, QTableView, "kernelGrid")
    click_grid_cell(qtbot, grid, 0, 0)
    QGuiApplication.clipboard().setText("1, 2\n3\t4")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(window.controller.doc.kernel[:2, :2], [[1, 2], [3, 4]])
    click_grid_cell(qtbot, grid, 1, 1)
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert window.controller.doc.kernel[1, 1] == 0
    QGuiApplication.clipboard().setText("1 2\nfoo bar")
    before = window.controller.doc.kernel.copy()
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(window.controller.doc.kernel, before)
    assert "“foo” is not a number" in find(window, QLabel, "messageLabel").text()
    grid.selectAll()
    qtbot.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().splitlines()[0].split("\t")[:2] == ["1", "2"]


def test_undo_and_redo_return_to_earlier_states(qtbot, window):
    c = window.controller
    start = c.doc
    type_into_spin(qtbot, find(window, QSpinBox, "strideX"), 2)
    after_stride = c.doc
    type_into_cell(qtbot, find(window, QTableView, "kernelGrid"), 0, 0, "7")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert c.doc == after_stride
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert c.doc == start and find(window, QSpinBox, "strideX").value() == 1
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert c.doc == after_stride


def test_pinning_an_output_pixel_shows_its_window_and_sum(qtbot, window):
    use_sample(qtbot, window, "Chapter 3×3 arange")
    type_into_spin(qtbot, find(window, QSpinBox, "kernelHeight"), 2)
    type_into_spin(qtbot, find(window, QSpinBox, "kernelWidth"), 2)
    grid = find(window, QTableView, "kernelGrid")
    for (r, c), v in zip([(0, 0), (0, 1), (1, 0), (1, 1)], "0123"):
        type_into_cell(qtbot, grid, r, c, v)
    for name in ("padTop", "padBottom", "padLeft", "padRight"):
        type_into_spin(qtbot, find(window, QSpinBox, name), 0)
    qtbot.wait(20)
    out_view = find(window, object, "outputView")
    np.testing.assert_array_equal(shown(out_view), [[19, 25], [37, 43]])  # the chapter's
    click_cell(qtbot, out_view, 1, 0)
    text = find(window, object, "detailsPanel").toPlainText()
    assert "row 1, column 0" in text and "= 37" in text
    padded = find(window, object, "paddedView")
    rects = padded.pinned.path().toFillPolygons()
    cells = sorted((round(p.boundingRect().y()), round(p.boundingRect().x())) for p in rects)
    assert cells == [(1, 0), (1, 1), (2, 0), (2, 1)]


def test_hovering_an_input_pixel_outlines_the_outputs_it_feeds(qtbot, window):
    use_sample(qtbot, window, "Chapter 4×4 arange")
    qtbot.wait(20)  # 3×3 kernel, padding 1: input (0, 0) feeds outputs (0..1, 0..1)
    click_cell(qtbot, find(window, object, "inputView"), 0, 0, move_only=True)
    out_view = find(window, object, "outputView")
    rects = out_view.highlight.path().toFillPolygons()
    cells = sorted((round(p.boundingRect().y()), round(p.boundingRect().x())) for p in rects)
    assert cells == [(0, 0), (0, 1), (1, 0), (1, 1)]
    padded = find(window, object, "paddedView")  # the cell in the padded input too
    assert padded.origin == (-1.0, -1.0)  # drawn where the input's own cells are
    assert sorted((round(p.boundingRect().y()), round(p.boundingRect().x()))
                  for p in padded.highlight.path().toFillPolygons()) == [(0, 0)]


def test_an_input_pixel_is_outlined_with_its_copies_in_the_padding():
    """Reflect padding copies an edge pixel; the hover outlined it only in
    the input view (a first-time-user helper's find)."""
    from convlab.model.receptive_field import padded_copies

    doc = Document(image=np.arange(16.0).reshape(1, 4, 4), weight=np.ones((1, 1, 3, 3)),
                   bias=np.zeros(1), geometry=Geometry(pad=(1, 1, 1, 1), mode="reflect"))
    # reflect: padded row 0 copies input row 1, padded row 5 copies input row 2
    rows = {a for a, _ in padded_copies(doc, 1, 2)}
    cols = {b for _, b in padded_copies(doc, 1, 2)}
    assert rows == {0, 2} and cols == {3, 5}
    assert padded_copies(replace(doc, geometry=Geometry(pad=(1, 1, 1, 1))), 1, 2) == [(2, 3)]


def test_small_input_is_editable_cell_by_cell(qtbot, window):
    use_sample(qtbot, window, "Chapter 6×8 edge image")
    grid = find(window, QTableView, "inputGrid")
    assert grid.isVisible()
    type_into_cell(qtbot, grid, 0, 0, "5")
    assert window.controller.doc.image[0, 0, 0] == 5
    np.testing.assert_array_equal(window.controller.doc.image[0, 1:], edge_image()[1:])
    qtbot.wait(20)
    np.testing.assert_allclose(shown(find(window, object, "outputView")),
                               expected_output(window.controller.doc)[0])


def test_output_channels_overview_and_bias(qtbot, window):
    use_sample(qtbot, window, "Chapter 3×3 arange")
    type_into_spin(qtbot, find(window, QSpinBox, "outChannels"), 3)
    overview = find(window, object, "sliceOverview")
    assert overview.isVisible()
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton,
                     pos=overview.rect().topLeft() + type(overview.rect().topLeft())(5, 2 * 30 + 5))
    assert window.controller.doc.selected == (2, 0)
    bias = find(window, object, "biasValue")
    type_into_spin(qtbot, bias, 1.5)
    doc = window.controller.doc
    assert list(doc.bias) == [0, 0, 1.5]
    qtbot.wait(20)
    np.testing.assert_allclose(shown(find(window, object, "outputView")), expected_output(doc)[2])


def test_sixteen_input_channels_fit_the_kernel_panel(qtbot, window):
    """At 1280 × 720 the overview of 8 × 16 kernel slices shrinks its tiles to
    the panel: nothing of the left dock is cut off (before, its 480-pixel
    row of tiles widened the whole panel past the dock), and a click still
    lands on the slice under it."""
    window.resize(1280, 720)
    ctl = window.controller
    image = np.stack([edge_image()] * 16)
    assert ctl.apply(ctl.doc.with_image(image, "16 channels").with_out_channels(8), "channels")
    overview = find(window, object, "sliceOverview")
    qtbot.waitUntil(lambda: overview.isVisible() and overview.height() >= 8 * overview.step())
    scroll = find(window, object, "leftScroll")
    assert overview.isVisible()
    assert scroll.widget().width() <= scroll.viewport().width()
    right = overview.mapTo(scroll.viewport(), overview.rect().topRight()).x()
    assert right <= scroll.viewport().width()
    step = overview.step()
    assert overview.MIN_STEP <= step < overview.TILE + overview.GAP
    assert 16 * step <= overview.width() + 1e-9
    where = type(overview.rect().topLeft())(int(15 * step + step / 3), int(7 * step + step / 3))
    before = overview.geometry()
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=where)
    assert ctl.doc.selected == (7, 15)
    qtbot.wait(50)  # "editing output 7, input 15" is wider than "… input 0": nothing moves
    assert overview.geometry() == before


def tiles_inside(strip) -> list:
    """The channel tiles whose boxes lie within the strip and are not specks."""
    inside = []
    for key, tile in strip.tiles.items():
        box = tile.getViewBox().sceneBoundingRect()
        if box.left() >= -1 and box.right() <= strip.width() + 1 and box.width() >= 10:
            inside.append(key)
    return inside


def test_the_channel_tiles_take_two_rows_rather_than_cut_some_off(qtbot, window):
    """16 inputs and 8 outputs: at 1280 × 720 two rows, every tile within
    the strip (one row cut off "in 12" onwards); on a wide window one row,
    and two again after it shrinks (the rows had kept the one row's width)."""
    ctl = window.controller
    image = np.stack([edge_image()] * 16)
    assert ctl.apply(ctl.doc.with_image(image, "16 channels").with_out_channels(8), "channels")
    for size, rows in (((1280, 720), 2), ((2400, 1000), 1), ((1280, 720), 2)):
        window.resize(*size)
        qtbot.waitUntil(lambda r=rows: window.tiles._layout_key[2:] == (r,))
        qtbot.wait(50)
        assert len(tiles_inside(window.tiles)) == 24, size
    qtbot.mouseClick(window.tiles.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.tiles.mapFromScene(
                         window.tiles.tiles[("output", 7)].getViewBox().sceneBoundingRect()
                         .center()))
    assert ctl.doc.selected[0] == 7


def test_open_corrupt_and_non_image_files_keeps_state(qtbot, window, tmp_path):
    before = window.controller.doc
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)
    text = tmp_path / "notes.png"
    text.write_text("hello")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    for f in (bad, text, empty, tmp_path / "missing.png"):
        assert not window.open_path(str(f))
        assert "Your input is unchanged" in find(window, QLabel, "messageLabel").text()
        assert window.controller.doc is before


def test_a_png_with_a_broken_header_is_called_corrupt(qtbot, window, tmp_path):
    """A bad checksum in the header: Qt says only "Unknown error"."""
    from convlab.model.samples import PHOTOS

    png = PHOTOS["Photo: cat (colour)"].read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    broken = bytearray(png)
    broken[29] ^= 0xFF  # the IHDR chunk's CRC
    path = tmp_path / "crc.png"
    path.write_bytes(bytes(broken))
    before = window.controller.doc
    assert not window.open_path(str(path))
    text = find(window, QLabel, "messageLabel").text()
    assert "starts like a PNG image but its header could not be read" in text
    assert "Unknown error" not in text and window.controller.doc is before


def test_open_a_real_colour_image_makes_three_channels(qtbot, window):
    from convlab.model.samples import PHOTOS

    assert window.open_path(str(PHOTOS["Photo: cat (colour)"]))
    doc = window.controller.doc
    assert doc.image.shape == (3, 300, 451) and doc.weight.shape[1] == 3
    qtbot.wait(20)
    np.testing.assert_allclose(shown(find(window, object, "outputView")),
                               expected_output(doc)[0], rtol=1e-4, atol=1e-4)


def test_many_signal_emissions_do_not_crash(qtbot, window):
    """Thirty thousand real edits through the window's own signals."""
    box = find(window, QSpinBox, "strideY")
    for i in range(30_000):
        box.valueChanged.emit(1 + i % 2)
    qtbot.wait(10)
    assert window.controller.doc.geometry.stride[0] in (1, 2)


def test_an_enormous_image_is_refused_from_its_header(qtbot, window, tmp_path):
    import struct
    import zlib

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)  # 10¹⁰ grey pixels
    path = tmp_path / "huge.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))
    before = window.controller.doc
    assert not window.open_path(str(path))
    assert "too large to open" in find(window, QLabel, "messageLabel").text()
    assert window.controller.doc is before


def test_a_large_image_loads_in_the_background(qtbot, window, tmp_path):
    from PySide6.QtGui import QImage

    path = tmp_path / "big.png"
    img = QImage(3000, 2000, QImage.Format.Format_RGB888)
    img.fill(0x808080)
    assert img.save(str(path))
    assert window.open_path(str(path))  # returns at once; the decode runs on a thread
    qtbot.waitUntil(lambda: window.controller.doc.image_name == "big.png", timeout=20_000)
    assert window.controller.doc.image.shape == (1, 1365, 2048)
    assert not find(window, object, "loading").isVisible()


def test_padded_view_marks_the_kernels_footprint(qtbot, window):
    use_sample(qtbot, window, "Chapter 4×4 arange")
    qtbot.waitUntil(lambda: not window.controller.pending)
    padded = find(window, object, "paddedView")
    rects = padded.footprint.path().toFillPolygons()
    cells = sorted((round(p.boundingRect().y()), round(p.boundingRect().x())) for p in rects)
    # A 3×3 kernel at its first position covers padded rows and columns 0–2,
    # drawn one cell up and left of the input (the padding is 1).
    assert cells == [(r - 1, c - 1) for r in range(3) for c in range(3)]


def test_heavy_settings_compute_off_the_gui_thread(qtbot, window):
    c = window.controller
    rng = np.random.default_rng(5)
    heavy = c.doc.with_image(rng.random((3, 600, 600)), "big").with_kernel_size(15, 15)
    heavy = heavy.with_out_channels(4)
    c.apply(heavy, "heavy")  # it must return before the result
    assert c.computing  # (the busy bar shows if it takes a while: test_redraws)
    qtbot.waitUntil(lambda: not c.pending, timeout=60_000)
    np.testing.assert_allclose(shown(find(window, object, "outputView")),
                               expected_output(c.doc)[0], rtol=1e-3, atol=1e-3)
    assert not find(window, object, "loading").isVisible()


def test_a_stale_heavy_result_is_dropped(qtbot, window):
    c = window.controller
    rng = np.random.default_rng(6)
    heavy = c.doc.with_image(rng.random((3, 600, 600)), "big").with_kernel_size(15, 15)
    c.apply(heavy.with_out_channels(3), "heavy")
    c.recompute()
    light = c.doc.with_image(rng.random((1, 20, 20)), "small").with_kernel_size(3, 3)
    light = light.with_out_channels(1)
    c.apply(light, "light")  # before the heavy frame arrives
    qtbot.waitUntil(lambda: not c.pending, timeout=60_000)
    qtbot.wait(50)
    want = expected_output(light)
    assert c.frame.output.shape == want.shape == (1, 20, 20)  # padding 1 keeps 20×20
    np.testing.assert_allclose(shown(find(window, object, "outputView")), want[0], atol=1e-6)


def test_a_fixed_error_leaves_the_status_bar_too(qtbot, window):
    window.resize(1280, 720)  # the error's echo there is shortened to fit
    c = window.controller
    c.apply(replace(c.doc.with_image(np.arange(9.0).reshape(1, 3, 3), "3×3"),
                    geometry=Geometry(pad=(6, 6, 6, 6), mode="reflect")), "reflect 6")
    msg = find(window, QLabel, "messageLabel")
    qtbot.waitUntil(lambda: not c.pending and not c.frame.ok and msg.isVisible())
    echo = window.statusBar().currentMessage()
    assert echo.startswith("Reflect") and echo != ""
    c.apply(replace(c.doc, geometry=Geometry()), "no padding")  # the frame label changes width
    qtbot.waitUntil(lambda: not c.pending and c.frame.ok and not msg.isVisible())
    assert window.statusBar().currentMessage() == ""


def test_large_numbers_in_narrow_columns_keep_their_sign(qtbot, window, monkeypatch):
    """At 3×7 a column is about 51 px: -12345.5 drew as ".235e+0", cut on
    both sides, and read as positive. The cell now draws the most precise
    form that fits (here -1.23e4), and the value is whole in its tooltip."""
    import convlab.qt.matrix_grid as mg

    type_into_spin(qtbot, find(window, QSpinBox, "kernelWidth"), 7)
    grid = find(window, QTableView, "kernelGrid")
    type_into_cell(qtbot, grid, 0, 0, "123456.789")
    type_into_cell(qtbot, grid, 0, 1, "-12345.5")
    drawn = {}
    real = mg.fitted_number

    def spy(v, metrics, width):
        drawn[v] = text = real(v, metrics, width)
        assert metrics.horizontalAdvance(text) <= width or text.endswith("…")
        return text

    monkeypatch.setattr(mg, "fitted_number", spy)
    grid.grab()
    assert grid.columnWidth(0) < grid.fontMetrics().horizontalAdvance("-1.235e+04")
    assert drawn[123456.789].startswith("1.2") and drawn[123456.789].endswith("e5")
    assert drawn[-12345.5].startswith("-1.2") and drawn[-12345.5].endswith("e4")
    assert "-12345.5" in grid.model().index(0, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_a_refusal_goes_with_the_next_edit_however_soon(qtbot, window):
    """"abc" typed in a cell, then a number within a second: the refusal stayed
    up beside the number it no longer described (notes stay a second, as one
    can be said just before the edit it comes with)."""
    grid = find(window, object, "kernelGrid")
    banner = find(window, QLabel, "messageLabel")
    type_into_cell(qtbot, grid, 0, 0, "abc")
    assert banner.isVisible() and "not a number" in banner.text()
    type_into_cell(qtbot, grid, 0, 0, "5")
    assert window.controller.doc.kernel[0, 0] == 5
    assert not banner.isVisible()
