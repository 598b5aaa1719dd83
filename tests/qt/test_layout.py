"""The window's layout at the two sizes people use most, for the scenes the
issue names: views filled at one scale, the kernel seen whole, no clipped
text, a steady window size, and colours that mean one thing each."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetrics, QWheelEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QTabBar

from convlab.model.document import Pooling
from convlab.model.lessons import LESSONS
from convlab.model.samples import PHOTOS
from convlab.qt.colors import diverging
from convlab.qt.image_io import load_image
from convlab.qt.widgets import ElidedLabel
from helpers import click_grid_cell, find

SIZES = [(1280, 720), (1920, 1080)]


def settle(qtbot, win):
    qtbot.waitUntil(lambda: not win.controller.pending and win.controller.frame.ok
                    and not win.player.pending, timeout=60_000)
    qtbot.wait(60)  # the resize/fit timers


def photo_doc(win, name, **changes):
    image, _ = load_image(PHOTOS[name])
    doc = win.controller.doc.with_image(image, PHOTOS[name].name)
    return replace(doc, **changes) if changes else doc


def scenes(win):
    """(name, action) for every scene the issue's Proof lists."""
    c = win.controller
    yield "default start", lambda: None
    for lesson in LESSONS:
        yield f"lesson {lesson.title}", lambda l=lesson: win.load_lesson(l)
    yield "512² photo", lambda: c.apply(photo_doc(win, "Photo: camera (grey)"), "photo")
    yield "15×15 kernel, 8 output channels", lambda: c.apply(
        photo_doc(win, "Photo: camera (grey)").with_kernel_size(15, 15).with_out_channels(8),
        "big kernel")
    yield "colour photo with pooling", lambda: c.apply(
        photo_doc(win, "Photo: cat (colour)", pooling=Pooling(enabled=True)), "pool")


def view_problems(win) -> list[str]:
    views = [v for v in win.views.views() if v.isVisible()]
    problems = [f"{v.objectName()} is {v.width()}×{v.height()}" for v in views
                if v.width() < 200 or v.height() < 150]
    scales = {round(v.vb.viewPixelSize()[0], 6) for v in views}
    if len(scales) != 1:
        problems.append(f"views at different scales {scales}")
    filled = 0.0
    for v in views:
        if v.extent().isEmpty():
            continue
        px = v.vb.viewPixelSize()[0]
        e = v.extent()
        filled = max(filled, e.width() / px / v.vb.width(), e.height() / px / v.vb.height())
    if filled < 0.8:
        problems.append(f"best-filled view covers only {filled:.0%}")
    return problems


def _shown(widget) -> bool:
    """Visible and not on a dock tab that is behind another."""
    dock = widget
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    return widget.isVisible() and (dock is None or not dock.visibleRegion().isEmpty())


def clipped_text(win) -> list[str]:
    out = []
    for label in win.findChildren(QLabel):
        if not _shown(label) or label.wordWrap() or not label.text() or label.pixmap() \
                and not label.pixmap().isNull() or "<" in label.text():
            continue
        need = max(label.fontMetrics().horizontalAdvance(line)
                   for line in label.text().split("\n"))
        have = label.contentsRect().width()
        if isinstance(label, ElidedLabel) and label.is_elided():
            if label.full_text() not in label.toolTip():
                out.append(f"{label.objectName()}: cut without a tooltip")
        elif need > have + 1:
            out.append(f"label {label.text()!r} needs {need} px, has {have}")
    for v in win.views.views():
        if not v.isVisible():
            continue
        shown = v.shown_title()
        if shown != v.title_text() and v.toolTip() != v.title_text():
            out.append(f"title {v.title_text()!r} cut without a tooltip")
        if QFontMetrics(v.title_font()).horizontalAdvance(shown) > v.width():
            out.append(f"title {shown!r} wider than its view")
    return out


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_scene_fills_the_views_and_clips_no_text(qtbot, window, size):
    window.resize(*size)
    settle(qtbot, window)
    assert window.size().width() == size[0]
    problems = []
    for name, action in scenes(window):
        action()
        settle(qtbot, window)
        problems += [f"{name}: {p}" for p in view_problems(window) + clipped_text(window)]
        if window.size().width() != size[0] or window.size().height() != size[1]:
            problems.append(f"{name}: the window became {window.size().toTuple()}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_7x7_kernel_is_seen_whole_with_room_for_its_numbers(qtbot, window, size):
    """Also with the input editor (a small sample) and channel tiles showing."""
    from convlab.model.samples import SAMPLES

    window.resize(*size)
    c = window.controller
    doc = c.doc.with_image(SAMPLES["Chapter 6×8 edge image"](), "Chapter 6×8 edge image")
    doc = doc.with_kernel_size(7, 7).with_out_channels(4)
    c.apply(doc.with_kernel(np.full((7, 7), -1 / 3)), "7×7")
    settle(qtbot, window)
    assert find(window, object, "inputGrid").isVisible() and window.tiles.isVisible()
    grid = find(window, object, "kernelGrid")
    inside = grid.viewport().rect()
    for r in range(7):
        for col in range(7):
            rect = grid.visualRect(grid.model().index(r, col))
            assert inside.contains(rect), (r, col, rect, inside)
            assert rect.width() >= grid.fontMetrics().horizontalAdvance("-0.333") + 4


def test_the_window_keeps_its_size_when_the_formula_grows(qtbot, window):
    window.resize(1280, 720)
    settle(qtbot, window)
    before = window.size()
    c = window.controller
    g = c.doc.geometry
    c.apply(replace(c.doc, geometry=replace(g, dilation=(3, 5), stride=(2, 3))), "long formula")
    settle(qtbot, window)
    label = find(window, QLabel, "shapeLabel")
    assert "dilation" in label.full_text() or len(label.full_text()) > 40
    assert window.size() == before
    assert label.width() <= window.width()


def test_a_selected_cell_keeps_its_value_colour(qtbot, window):
    c = window.controller
    k = np.zeros((3, 3))
    k[1, 1], k[0, 0] = 7, -7
    c.apply(c.doc.with_kernel(k), "seven")
    settle(qtbot, window)
    grid = find(window, object, "kernelGrid")
    click_grid_cell(qtbot, grid, 1, 1)
    assert grid.selectionModel().isSelected(grid.model().index(1, 1))
    rect = grid.visualRect(grid.model().index(1, 1))
    img = grid.viewport().grab().toImage()
    got = img.pixelColor(QPoint(rect.left() + 6, rect.center().y()))
    want = diverging(7, 7)
    assert abs(got.red() - want.red()) + abs(got.green() - want.green()) \
        + abs(got.blue() - want.blue()) < 12, (got.getRgb(), want.getRgb())


def test_views_say_the_core_is_compiling_until_the_first_frame(qtbot):
    from convlab.app import create_window

    win = create_window([])  # warming up on a thread; no events processed yet
    qtbot.addWidget(win)
    win.show()
    assert not win.controller.frame.ok
    for view in (win.views.padded_view, win.views.output_view):
        assert view.placeholder.isVisible()
        assert view.placeholder.text() == "compiling the compute core (first run only)…"
        assert view.placeholder.width() >= view.placeholder.fontMetrics().horizontalAdvance(
            "compiling the compute")  # readable, not squeezed to a column of letters
    placeholder = win.views.output_view.placeholder
    qtbot.waitUntil(lambda: win.controller.frame.ok, timeout=60_000)
    qtbot.wait(20)
    assert not placeholder.isVisible()
    win.close()


def test_user_zoom_is_kept_while_shapes_stay_and_reset_when_they_change(qtbot, window):
    window.resize(1280, 720)
    settle(qtbot, window)
    view = window.views.output_view
    fitted = view.vb.viewPixelSize()[0]
    centre = view.viewport().rect().center()
    wheel = QWheelEvent(QPointF(centre), QPointF(view.viewport().mapToGlobal(centre)),
                        QPoint(0, 0), QPoint(0, 360), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)  # the user zooms in
    qtbot.wait(20)
    zoomed = view.vb.viewPixelSize()[0]
    assert zoomed < fitted * 0.9
    assert window.views.input_view.vb.viewPixelSize()[0] == pytest.approx(zoomed)
    c = window.controller
    k = c.doc.kernel.copy()
    k[0, 0] = 5  # same shapes
    c.apply(c.doc.with_kernel(k), "edit")
    settle(qtbot, window)
    assert view.vb.viewPixelSize()[0] == pytest.approx(zoomed)
    c.apply(replace(c.doc, geometry=replace(c.doc.geometry, stride=(2, 2))), "stride")
    settle(qtbot, window)
    assert not view_problems(window)


def test_the_player_shows_a_readable_neighbourhood_of_a_photo(qtbot, window):
    window.resize(1280, 720)
    window.player_dock.raise_()
    settle(qtbot, window)
    from convlab.qt.player_render import plan, render_frame

    p = window.player
    doc, frame = window.controller.doc, window.controller.frame
    pf = p.frame_at(300 * frame.output.shape[2] + 200)  # mid-photo
    size = p.canvas.contentsRect().size()
    fit = (size.width(), size.height())
    pl = plan(doc, frame, pf, fit=fit)
    left, _, right = pl.grids
    assert pl.cell >= 24
    assert left.cropped and all(left.inside(r, c) for r, c in pf.taps)
    assert right.inside(*pf.position)
    assert pl.font.pointSizeF() >= window.font().pointSizeF()
    img = render_frame(doc, frame, pf, fit=fit)
    assert img.width() <= size.width() and img.height() <= size.height()
    pix = p.canvas.pixmap()
    assert not pix.isNull() and pix.width() <= size.width()
    c = window.controller
    for d in (2, 4):  # a dilated window is seen whole (rows 0–3 of 0, 2, 4 were shown)
        c.apply(replace(c.doc, geometry=replace(c.doc.geometry, dilation=(d, d))), "dilate")
        settle(qtbot, window)
        doc, frame = c.doc, c.frame
        pf = p.frame_at(300 * frame.output.shape[2] + 200)
        left = plan(doc, frame, pf, fit=fit).grids[0]
        assert left.cropped and all(left.inside(r, c_) for r, c_ in pf.taps), d


def test_help_menu_has_shortcuts_lessons_and_about(qtbot, window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    texts = [a.text().replace("&", "") for a in menu.actions() if a.text()]
    assert texts[:2] == ["Keyboard shortcuts", "Lessons"] and "About ConvLab" in texts


def test_tab_goes_through_the_panels_in_reading_order(qtbot, window):
    panels = [window.kernel_panel, window.geometry_panel, window.pool_panel,
              window.input_panel]
    order, w = [], find(window, object, "kernelHeight")
    for _ in range(200):
        owner = next((i for i, p in enumerate(panels) if p.isAncestorOf(w)), None)
        if owner is not None and (not order or order[-1] != owner):
            order.append(owner)
        w = w.nextInFocusChain()
    assert order[:4] == [0, 1, 2, 3], order


def test_the_details_show_the_sum_at_their_default_height(qtbot, window):
    from convlab.model.samples import SAMPLES

    window.resize(1280, 720)
    c = window.controller
    c.apply(c.doc.with_image(SAMPLES["Chapter 4×4 arange"](), "Chapter 4×4 arange"), "4×4")
    settle(qtbot, window)
    window.inspector.pin(1, 2)
    details = find(window, object, "detailsPanel")
    first = details.document().firstBlock()
    assert "row 1, column 2" in first.text() and "= 8" in first.text()
    bottom = details.document().documentLayout().blockBoundingRect(first).bottom()
    assert bottom <= details.viewport().height()
    assert details.horizontalScrollBar().maximum() == 0  # no wrapped or cut table
    from convlab.model.lessons import LESSONS  # two channels: a row each, and their names

    window.load_lesson(next(l for l in LESSONS if l.title == "Multiple input channels"))
    settle(qtbot, window)
    window.inspector.pin(0, 0)
    assert "input channel 1" in details.toPlainText()
    assert details.horizontalScrollBar().maximum() == 0, details.width()  # was cut at 1280
    from convlab.model.samples import PHOTOS  # three channels of 0.xyz beside Sobel x

    assert window.open_path(str(PHOTOS["Photo: cat (colour)"]))
    weight = np.round(np.random.default_rng(0).normal(0, 0.1, (1, 3, 3, 3)), 4)  # -0.0164
    c.apply(replace(c.doc, weight=weight), "learned-like")
    settle(qtbot, window)
    calls, set_html = [], details.setHtml
    details.setHtml = lambda text: (calls.append(text), set_html(text))
    window.inspector.pin(113, 223)
    qtbot.wait(50)
    assert len(calls) == 1  # laid out once (the scroll bar's coming and going: ten times)
    del details.setHtml
    assert details.width() < 300  # the grid's fourth cell
    text = details.toPlainText()
    assert "input channel 2 = " in text and "sum of products" not in text  # sums by the names
    assert "× kernel" in text  # stacked: the kernel under its window
    assert details.horizontalScrollBar().maximum() == 0, details.width()  # was cut at 1280
    for view in (window.views.input_view, window.views.padded_view):  # the channels shown:
        assert view.shown_title().endswith(("×3", "× 3 channels")), view.shown_title()
    assert window.views.padded_view.shown_title() == "padded input — 300×451×3"  # was "× …"
    assert window.views.padded_view.toolTip() == "padded input — 300×451 × 3 channels"
    window.resize(1920, 1080)  # wide enough again: window and kernel side by side
    settle(qtbot, window)
    text = details.toPlainText()
    assert "kernel" in text and "× kernel" not in text  # side by side, headed
    assert details.horizontalScrollBar().maximum() == 0
    assert window.views.padded_view.shown_title() == "padded input — 300×451 × 3 channels"


def test_one_message_at_a_time_in_the_status_bar(qtbot, window):
    settle(qtbot, window)
    bar = window.statusBar()
    frame_label = find(window, QLabel, "frameLabel")
    assert "computed in" in frame_label.text()
    window.show_message("Something to say.", error=False)
    assert bar.currentMessage() == "Something to say."
    normal = [w for w in bar.findChildren(QLabel) if w.isVisible() and w is not frame_label
              and w.text()]
    assert not normal, [w.text() for w in normal]  # the message is the only other text


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_messages_tiles_and_details_never_squeeze_the_views(qtbot, window, size):
    """The worst case at once: a long refusal above, channel tiles and pooling
    (four views, so the details sit below them). The views keep their minimum,
    and the message and the sum of products stay on screen."""
    window.resize(*size)
    c = window.controller
    c.apply(photo_doc(window, "Photo: cat (colour)", pooling=Pooling(enabled=True))
            .with_out_channels(8), "pool")
    settle(qtbot, window)
    window.inspector.pin(3, 4)
    window.show_message("This is a long refusal that goes on and on. " * 12)
    qtbot.wait(60)
    assert window.tiles.isVisible()
    small = [f"{v.objectName()} {v.width()}×{v.height()}" for v in window.views.views()
             if v.isVisible() and (v.width() < 200 or v.height() < 150)]
    assert not small
    message, details = window.message_label, window.details
    assert message.isVisible() and message.height() >= message.fontMetrics().lineSpacing()
    assert message.toolTip().startswith("This is a long refusal")
    first = details.document().firstBlock()
    assert details.isVisible() and "row 3, column 4" in first.text()
    bottom = details.document().documentLayout().blockBoundingRect(first).bottom()
    assert bottom <= details.viewport().height()  # the heading carries the sum
    assert window.size().toTuple() == size
    legend = find(window, QLabel, "colourLegend")  # says what white and red mean
    assert legend.isVisible() and "white is 0, red positive, blue negative" in legend.toolTip()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_details_fill_the_empty_cell_of_a_2x2_grid(qtbot, window, size):
    window.resize(*size)
    c = window.controller
    c.apply(photo_doc(window, "Photo: camera (grey)"), "photo")
    settle(qtbot, window)
    rows, cols, n = window.views._arrangement
    assert (rows, cols, n) == (2, 2, 3)
    assert window.views.companion_in_grid() and not window.details_slot.isVisible()
    out = window.views.output_view
    assert window.details.isVisible() and window.details.width() >= out.width() - 2
    window.inspector.pin(2, 3)  # in a narrow cell the numbers stay whole (it scrolls instead)
    qtbot.wait(60)
    doc = window.details.document()
    block, broken = doc.begin(), []
    while block.isValid():
        text = block.text().strip()
        if text and text.lstrip("-").replace(".", "").isdigit() and block.layout().lineCount() > 1:
            broken.append(text)
        block = block.next()
    assert not broken  # a number is never broken over lines
    c.apply(replace(c.doc, pooling=Pooling(enabled=True)), "pool")
    settle(qtbot, window)
    assert window.details.isVisible() and window.details.height() >= 80
    if size == (1280, 720):  # four views fill 2×2: the details go below them
        assert not window.views.companion_in_grid() and window.details_slot.isVisible()
    else:  # 2×3: the details span the two cells the pooled view leaves
        assert window.views._arrangement == (2, 3, 4), (window.views.size(), window.views._extent)
        assert window.views.companion_in_grid() and not window.details_slot.isVisible()
        assert window.details.width() >= 2 * window.views.pool_view.width()
    c.apply(replace(c.doc, pooling=Pooling(enabled=False)), "no pool")
    settle(qtbot, window)
    assert window.views._arrangement == (2, 2, 3) and window.views.companion_in_grid()
    split = window.centre_split  # no gap is left where the details were
    assert window.views.height() >= split.height() - window.tiles.height() * \
        window.tiles.isVisible() - 2 * split.handleWidth()


def test_a_message_leaves_the_status_bar_with_its_banner_and_never_runs_under_it(
        qtbot, window):
    settle(qtbot, window)
    bar = window.statusBar()
    long = "A very long sentence about what went wrong. " * 12
    window.show_message(long, error=True)
    shown = bar.currentMessage()
    assert shown.endswith("…") and len(shown) < len(long.strip())
    assert bar.fontMetrics().horizontalAdvance(shown) < bar.width() - find(
        window, QLabel, "frameLabel").width()
    window.resize(1100, window.height())  # narrower: cut again, not run under
    qtbot.waitUntil(lambda: bar.width() <= 1100)
    narrower = bar.currentMessage()
    assert len(narrower) < len(shown) and narrower.endswith("…")
    assert bar.fontMetrics().horizontalAdvance(narrower) < bar.width() - find(
        window, QLabel, "frameLabel").width()
    window.learning.messageRetracted.emit(window.message_label.text())  # as Reset does
    assert not window.message_label.isVisible() and bar.currentMessage() == ""


def test_panel_tabs_keep_whole_titles_after_a_layout_restore(qtbot, window):
    """A live language switch and the saved layout both restore the docks'
    state, which builds new tab bars: their titles must stay whole."""
    window.restoreState(window.saveState())
    bars = window.findChildren(QTabBar)
    assert bars and all(b.elideMode() == Qt.TextElideMode.ElideNone for b in bars)
    assert "Frequency response" in [bars[0].tabText(i) for i in range(bars[0].count())]


@pytest.mark.parametrize("size", SIZES)
def test_the_docks_are_never_narrower_than_their_panels(qtbot, window, size):
    """Dragged as narrow as it goes, every panel on the right is seen whole: a
    first-use run dragged the Learn panel to 300 px and lost its right edge."""
    window.resize(*size)
    window.resizeDocks([window.learn_dock], [100], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.learn_dock.width() < 500)
    qtbot.wait(20)
    for dock in window.panel_docks():  # the Sliding window was cut in Chinese
        window.show_panel(dock)
        qtbot.waitUntil(lambda d=dock: not d.visibleRegion().isEmpty())
        scroll = dock.widget()
        assert scroll.viewport().width() >= scroll.widget().minimumSizeHint().width()
        assert not scroll.horizontalScrollBar().isVisible()


def test_view_menu_brings_each_panel_to_the_front(qtbot, window):
    """Only three of the six tabs fit at 1280 px; View ▸ <panel> (Ctrl+1 … 6)
    brings any of them to the front, even one that was closed."""
    from PySide6.QtGui import QAction, QKeySequence

    window.resize(1280, 720)
    docks = window.panel_docks()
    window.frequency_dock.close()
    for i, dock in enumerate(docks, start=1):
        act = window.findChild(QAction, "show" + dock.objectName()[0].upper()
                               + dock.objectName()[1:])
        assert act.shortcut() == QKeySequence(f"Ctrl+{i}") and act.text() == dock.windowTitle()
        act.trigger()
        qtbot.waitUntil(lambda d=dock: not d.visibleRegion().isEmpty())
        others = [d for d in docks if d is not dock]
        assert all(d.visibleRegion().isEmpty() for d in others)


def test_a_wrapped_heading_keeps_its_own_line(qtbot):
    """The shape label's pooling line, wrapped: in Chinese the heading and
    the height fitted on one line and the width went alone on the next; the
    heading now keeps its line, as in English."""
    label = ElidedLabel(wrap_at=r" {2,}")
    qtbot.addWidget(label)
    line = "最大汇聚 2×2：  高：⌊(4 + 2 − 3 + 2) / 2⌋ = 2    宽：⌊(4 + 2 − 3 + 2) / 2⌋ = 2"
    fm = label.fontMetrics()
    first_two = fm.horizontalAdvance("最大汇聚 2×2：    高：⌊(4 + 2 − 3 + 2) / 2⌋ = 2")
    label.setFixedWidth(first_two + 10)  # the heading and the height would fit
    label.show()
    label.setText("高：x    宽：y\n" + line)
    shown = label.text().split("\n")
    assert shown[1] == "最大汇聚 2×2：" and shown[2].startswith("高：") and "…" not in label.text()
    assert shown[-1].startswith("宽：")


def test_resizing_a_step_at_a_time_never_swings_the_grid(qtbot, window):
    """16 input channels, 8 outputs, widened 20 pixels at a time: near a
    threshold the grid used to swing between 2 × 2 with the details in its
    free cell and a column with them below, without end (the window hung at
    1180 × 720). After the 20th change in a step the companion stays put,
    which ends such a swing, and the test fails."""
    from convlab.model.samples import edge_image

    c = window.controller
    image = np.stack([edge_image()] * 16)
    assert c.apply(c.doc.with_image(image, "16 channels").with_out_channels(8), "channels")
    window.resize(1100, 720)
    settle(qtbot, window)
    views, place = window.views, window.views._place_companion
    moves = []

    def counted(*args):
        moves.append(args)
        if len(moves) <= 20:
            place(*args)

    views._place_companion = counted
    worst = 0
    for width in range(1100, 1320, 20):
        moves.clear()
        window.resize(width, 720)
        qtbot.wait(80)
        worst = max(worst, len(moves))
    assert worst <= 2, worst
