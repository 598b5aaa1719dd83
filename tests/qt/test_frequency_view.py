"""The Frequency response dock: what reaches the screen after a user's edits."""

import numpy as np
import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QTableView

from helpers import find, type_into_cell
from convlab.model.document import Document
from convlab.qt.frequency_view import FrequencyView


def want_log(k, n=64):
    mag = np.abs(np.fft.fftshift(np.fft.fft2(np.asarray(k, float), s=(n, n))))
    return np.log10(np.maximum(mag, 1e-6 * mag.max()))


def doc_with(kernel, image=None):
    k = np.asarray(kernel, float)
    img = np.random.default_rng(0).random((1, 20, 24)) if image is None else image
    return Document(image=img, weight=k[None, None], bias=np.zeros(1))


def test_view_shows_log_dft_with_dc_marked(qtbot):
    view = FrequencyView()
    qtbot.addWidget(view)
    k = [[1, 0, -1], [2, 0, -2], [1, 0, -1]]
    view.set_document(doc_with(k))
    np.testing.assert_allclose(view.kernel_plot.image.image, want_log(k), atol=1e-12)
    xs, ys = view.kernel_plot.dc.getData()
    assert (xs[0], ys[0]) == (0.0, 0.0)
    # the image's centre pixel (DC, row 32, column 32) sits on frequency (0, 0)
    r = view.kernel_plot.image.mapRectToParent(view.kernel_plot.image.boundingRect())
    assert r.left() + (32 + 0.5) / 64 == pytest.approx(0.0)
    assert r.top() + (32 + 0.5) / 64 == pytest.approx(0.0)
    text = view.caption.text()
    assert "kernel [0, 0] (3×3, zero-padded to 64×64)" in text and "gain 0" in text


def test_input_and_output_spectra_on_request(qtbot):
    from convlab.model.compute import Frame

    view = FrequencyView()
    qtbot.addWidget(view)
    view.show()
    doc = doc_with(np.ones((3, 3)) / 9)
    out = np.random.default_rng(1).random((1, 18, 22))
    view.set_document(doc)
    view.update_frame(doc, Frame(output=out))
    assert not view.input_plot.isVisible()
    view.show_images.click()
    assert view.input_plot.isVisible() and view.output_plot.isVisible()
    np.testing.assert_allclose(
        10 ** view.input_plot.image.image,
        np.maximum(np.abs(np.fft.fftshift(np.fft.fft2(doc.image[0]))), 0), rtol=1e-9,
        atol=1e-6 * np.abs(np.fft.fft2(doc.image[0])).max())
    np.testing.assert_allclose(10 ** view.output_plot.image.image,
                               np.abs(np.fft.fftshift(np.fft.fft2(out[0]))), rtol=1e-9)


def test_dock_follows_every_kernel_edit_in_the_window(qtbot, window):
    dock = window.frequency_dock
    dock.show()
    dock.raise_()
    plot = window.frequency.kernel_plot
    np.testing.assert_allclose(plot.image.image, want_log(window.controller.doc.kernel),
                               atol=1e-12)
    grid = find(window, QTableView, "kernelGrid")
    type_into_cell(qtbot, grid, 0, 0, "5")
    k = window.controller.doc.kernel
    assert k[0, 0] == 5
    # no wait for the compute thread: the view changed with the document itself
    np.testing.assert_allclose(plot.image.image, want_log(k), atol=1e-12)
    assert f"gain {abs(k.sum()):.4g}" in find(window, QLabel, "frequencyCaption").text()
    find(window, QCheckBox, "showSpectra").click()
    qtbot.waitUntil(lambda: window.frequency.output_plot.shown.size > 0, timeout=10_000)


def test_the_identity_is_drawn_flat_and_bright_not_as_no_data(qtbot):
    view = FrequencyView()
    qtbot.addWidget(view)
    view.set_document(doc_with([[1.0]]))
    item = view.kernel_plot.image
    np.testing.assert_allclose(item.image, 0.0, atol=1e-12)  # |DFT| = 1 everywhere
    lo, hi = item.getLevels()
    assert hi == pytest.approx(0.0) and lo < hi  # the flat value sits at the top


def test_axes_end_at_the_nyquist_frequency_with_few_labels(qtbot):
    """Small plots crowded pyqtgraph's ticks ("-0.4-0.2 0 0.2 0.4"), and a tall
    plot's locked aspect showed black past ±0.5 cycles/pixel: the labels are
    −0.5, 0, 0.5 and a dashed square marks where frequencies end."""
    from PySide6.QtWidgets import QGraphicsRectItem

    view = FrequencyView()
    qtbot.addWidget(view)
    for plot in (view.kernel_plot, view.input_plot, view.output_plot):
        for side in ("bottom", "left"):
            labels = [text for level in plot.getAxis(side)._tickLevels for _, text in level]
            assert [t for t in labels if t] == ["-0.5", "0", "0.5"]
        edges = [i for i in plot.getPlotItem().items if isinstance(i, QGraphicsRectItem)]
        assert [e.rect().getRect() for e in edges] == [(-0.5, -0.5, 1.0, 1.0)]
