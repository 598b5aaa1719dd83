"""What a kernel edit redraws, and when the busy bar shows: the edit → screen path."""

import time
from dataclasses import replace

import numpy as np
import pytest
from helpers import expected_output, find, shown, type_into_cell
from PySide6.QtCore import QPointF, Qt

from convlab.model.document import Geometry
from convlab.qt import controller as controller_module
from convlab.qt.colors import diverging, rgba_mapper
from convlab.qt.player_render import plan, render_frame


def rgb_doc(doc, size: int, k: int, seed: int = 0):
    img = np.random.default_rng(seed).random((3, size, size))
    return doc.with_image(img, "noise").with_kernel_size(k, k)


def heavy_doc(doc, seed=0):
    """A frame the controller computes on its thread."""
    heavy = rgb_doc(doc, 512, 9, seed)
    assert controller_module.safe_work(heavy) >= controller_module.ASYNC_WORK
    return heavy


def numbers_on(view) -> list[str]:
    return sorted(t.textItem.toPlainText() for t in view._labels if t.isVisible())


def test_the_chapters_output_shows_its_numbers(qtbot, window):
    c, out = window.controller, find(window, object, "outputView")
    doc = replace(c.doc.with_image(np.arange(9.0).reshape(1, 3, 3), "X"), geometry=Geometry())
    c.apply(doc.with_kernel_size(2, 2).with_kernel([[0, 1], [2, 3]]), "chapter")
    qtbot.waitUntil(lambda: numbers_on(out) == ["19", "25", "37", "43"])


def test_numbers_appear_only_when_zoomed_in_far_enough(qtbot, window):
    c, out = window.controller, find(window, object, "outputView")
    img = np.arange(200 * 200.0).reshape(1, 200, 200) % 7
    c.apply(replace(c.doc.with_image(img, "big"), geometry=Geometry()), "big")
    qtbot.waitUntil(lambda: not c.pending and shown(out).shape == (198, 198))
    assert numbers_on(out) == []  # a whole 198² output: cells of a pixel or two
    out.vb.setRange(xRange=(10, 14), yRange=(10, 14), padding=0)
    qtbot.waitUntil(lambda: len(numbers_on(out)) >= 16)
    assert set(numbers_on(out)) <= {f"{v:g}" for v in np.unique(shown(out))}


def test_a_kernel_edit_redraws_the_output_tiles_not_the_input_tiles(qtbot, window):
    c = window.controller
    c.apply(rgb_doc(c.doc, 256, 5).with_out_channels(2), "rgb")
    qtbot.waitUntil(lambda: not c.pending and window.tiles.isVisible())
    tiles = window.tiles.tiles
    before = {key: tile.image for key, tile in tiles.items()}
    grid = window.kernel_panel.grid
    type_into_cell(qtbot, grid, 2, 2, "7")
    qtbot.waitUntil(lambda: not c.pending and c.frame_doc is c.doc)
    qtbot.waitUntil(lambda: tiles[("output", 0)].image is not before[("output", 0)])
    for ci in range(3):
        assert tiles[("input", ci)].image is before[("input", ci)]
    want = expected_output(c.doc)[0]
    step = max(want.shape) // 128  # a tile shows about 128 pixels a side
    np.testing.assert_allclose(tiles[("output", 0)].image, want[::step, ::step], atol=1e-4)



def test_kernel_cells_rescale_their_colours_when_the_largest_value_changes(qtbot, window):
    c, grid = window.controller, window.kernel_panel.grid
    k = np.zeros((3, 3))
    k[1, 1] = 7
    c.apply(c.doc.with_kernel(k), "seven")
    qtbot.waitUntil(lambda: grid.model().matrix()[1, 1] == 7)
    type_into_cell(qtbot, grid, 0, 0, "14")
    qtbot.waitUntil(lambda: grid.model().matrix()[0, 0] == 14)
    model = grid.model()
    assert model.data(model.index(1, 1), Qt.ItemDataRole.BackgroundRole) == diverging(7, 14)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) == diverging(14, 14)


def test_the_player_colours_each_cell_by_its_value(qtbot, window):
    c = window.controller
    doc = replace(c.doc.with_image(np.arange(9.0).reshape(1, 3, 3), "X"), geometry=Geometry())
    c.apply(doc.with_kernel_size(2, 2).with_kernel([[0, 1], [2, 3]]), "chapter")
    qtbot.waitUntil(lambda: not c.pending and c.frame.output.shape == (1, 2, 2))
    pf = window.player.frame_at(3)  # the last window: every output written
    pl = plan(c.doc, c.frame, pf, cell=24)
    img = render_frame(c.doc, c.frame, pf, cell=24)
    tinted = ({tuple(t) for t in pf.taps}, set(), {tuple(pf.position)})  # outlined cells
    checked = 0
    for g, skip in zip(pl.grids, tinted):
        to_rgba = rgba_mapper(g.levels_from if g.levels_from is not None else g.full)
        for r, col in np.ndindex(g.a.shape):
            if np.isnan(g.a[r, col]) or (r, col) in skip:
                continue
            checked += 1
            got = img.pixelColor(int(g.x + col * 24 + 4), int(g.y + r * 24 + 4))
            assert got.getRgb()[:3] == tuple(to_rgba(g.a[r, col])[:3]), (g.title, r, col)
    assert checked == 5 + 4 + 3


def test_a_heavy_edit_starts_computing_before_the_window_repaints(qtbot, window):
    c = window.controller
    c.apply(heavy_doc(c.doc), "heavy")  # no event loop pass in between
    assert c.computing and not c._timer.isActive()
    qtbot.waitUntil(lambda: not c.pending, timeout=60_000)
    np.testing.assert_allclose(c.frame.output, expected_output(c.doc), rtol=1e-4, atol=1e-4)


@pytest.fixture
def slow_frames(monkeypatch):
    """Frames computed on the thread take half a second."""
    real = controller_module.safe_compute

    def slow(doc):
        time.sleep(0.5)
        return real(doc)

    monkeypatch.setattr(controller_module, "safe_compute", slow)


def test_the_busy_bar_waits_before_it_shows(qtbot, window, slow_frames):
    c, bar = window.controller, find(window, object, "loading")
    c.apply(heavy_doc(c.doc, seed=1), "slow")
    qtbot.wait(50)  # well inside the delay: a quick frame never flashes the bar
    assert c.computing and not bar.isVisible()
    qtbot.waitUntil(bar.isVisible, timeout=2_000)
    assert window.statusBar().currentMessage() == "computing…"
    qtbot.waitUntil(lambda: not c.pending, timeout=60_000)
    assert not bar.isVisible() and window.statusBar().currentMessage() == ""



def test_a_light_edit_right_after_a_heavy_one_never_shows_the_heavy_frame(qtbot, window):
    c = window.controller
    img = np.random.default_rng(0).random((3, 512, 512))
    heavy, light = heavy_doc(c.doc), c.doc.with_image(img[:, :64, :64], "small")
    published = []
    c.frameComputed.connect(lambda doc, frame: published.append(doc))
    for i in range(3):
        c.apply(heavy.with_kernel(np.full((9, 9), i + 1.0)), "heavy")
        c.apply(light.with_kernel(np.full((3, 3), i + 1.0)), "light")  # in the same pass
        want = c.doc
        qtbot.waitUntil(lambda: not c.pending, timeout=60_000)
        qtbot.wait(300)  # the heavy frame has arrived by now, and must be dropped
        assert [d for d in published if d is not want] == [] and c.frame_doc is want
        published.clear()
    np.testing.assert_allclose(shown(window.views.output_view), expected_output(want)[0],
                               atol=1e-4)


def test_the_users_zoom_survives_a_heavy_edit_undone_at_once(qtbot, window):
    c, out = window.controller, window.views.output_view
    light = c.doc.with_image(np.random.default_rng(0).random((3, 512, 512)), "noise")
    c.apply(light, "light")
    qtbot.waitUntil(lambda: not c.pending, timeout=60_000)
    out.vb.setRange(xRange=(100, 110), yRange=(100, 110), padding=0)  # the user zooms in
    qtbot.wait(50)
    before = out.vb.viewRange()
    c.apply(light.with_kernel_size(9, 9), "kernel size")  # heavy: a new output shape...
    c.undo()  # ...undone by a second key press handled in the same pass
    qtbot.waitUntil(lambda: not c.pending, timeout=60_000)
    qtbot.wait(500)
    assert c.frame_doc == c.doc == light
    np.testing.assert_allclose(out.vb.viewRange(), before, atol=0.5)


def test_the_busy_bar_shows_during_a_stream_of_slow_edits(qtbot, window, slow_frames):
    c, bar = window.controller, find(window, object, "loading")
    c.apply(heavy_doc(c.doc, seed=3), "heavy")
    seen = False
    for i in range(10):  # an edit every 0.1 s, each frame 0.5 s: nothing new arrives
        k = np.zeros((9, 9))
        k[4, 4] = i + 1
        c.apply(c.doc.with_kernel(k), "edit")
        qtbot.wait(100)
        seen |= bar.isVisible()
    assert seen
    qtbot.waitUntil(lambda: not c.pending, timeout=60_000)
    assert not bar.isVisible()


def test_the_busy_bar_hides_when_a_light_edit_overtakes_a_slow_heavy_one(qtbot, window,
                                                                         slow_frames):
    c, bar = window.controller, find(window, object, "loading")
    c.apply(heavy_doc(c.doc, seed=4), "heavy")
    qtbot.waitUntil(bar.isVisible, timeout=2_000)
    c.undo()  # back to a light document, computed on the GUI thread
    qtbot.waitUntil(lambda: not c.pending, timeout=5_000)
    qtbot.wait(700)  # the stale heavy frame has arrived by now
    assert c.frame_doc is c.doc and not bar.isVisible()
    assert window.statusBar().currentMessage() != "computing…"


def test_a_colour_image_shows_black_as_black(qtbot, window):
    c, view = window.controller, find(window, object, "inputView")
    img = np.zeros((3, 8, 8))
    img[0, :, 4:] = 1.0  # left half black, right half red
    c.apply(c.doc.with_image(img, "black and red"), "image")
    qtbot.waitUntil(lambda: not c.pending and shown(view).shape == (8, 8, 3))
    qtbot.wait(50)
    frame = view.grab().toImage()
    left = view.mapFromScene(view.vb.mapViewToScene(QPointF(1.5, 4.5)))
    right = view.mapFromScene(view.vb.mapViewToScene(QPointF(6.5, 4.5)))
    assert frame.pixelColor(left).getRgb()[:3] == (0, 0, 0)
    assert frame.pixelColor(right).getRgb()[:3] == (255, 0, 0)
