"""The Frequency response view: log |DFT| of the selected kernel, DC marked."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtWidgets import (QCheckBox, QGraphicsRectItem, QGridLayout, QLabel, QVBoxLayout,
                               QWidget)

from convlab.model.document import Document
from convlab.model.spectrum import Spectrum, image_spectrum, kernel_spectrum

translate = QCoreApplication.translate  # the name lupdate recognises
MAP = pg.colormap.get("inferno")
DECADES = 3.0  # the colours span the top 3 decades (60 dB) below the peak
IMAGE_DECADES = 5.0  # a photo's DC term towers over the rest
TICKS = [[(v, f"{v:g}") for v in (-0.5, 0.0, 0.5)], [(v, "") for v in (-0.25, 0.25)]]


class SpectrumPlot(pg.PlotWidget):
    """One centred log-magnitude spectrum; axes in cycles per pixel, DC at 0."""

    def __init__(self, name: str, title: str, decades: float = DECADES) -> None:
        super().__init__(objectName=name, title=title)
        self.decades = decades
        self.setAspectLocked(True)
        self.setLabel("bottom", self.tr("fx (cycles/pixel)"))
        self.setLabel("left", "fy")
        self.getViewBox().invertY(True)
        self.setRange(xRange=(-0.5, 0.5), yRange=(-0.5, 0.5), padding=0.02)
        self.setMouseEnabled(False, False)
        for side in ("bottom", "left"):
            axis = self.getAxis(side)
            axis.setSIPrefixEnableRanges(())  # ticks in cycles/pixel
            axis.enableAutoSIPrefix(False)
            axis.setTicks(TICKS)  # pyqtgraph's own crowded small plots: "-0.4-0.2 0 0.2"
            axis.setStyle(hideOverlappingLabels=False)  # ±0.5 sit at the axis' ends
        self.getPlotItem().layout.setContentsMargins(0, 0, 14, 0)  # room for the last "0.5"
        # Frequencies end at ±0.5 cycles/pixel; the locked aspect fills the rest
        # of a tall or wide plot with black, which read as data: outline the edge.
        edge = QGraphicsRectItem(QRectF(-0.5, -0.5, 1.0, 1.0))
        edge.setPen(pg.mkPen(150, 150, 150, width=1, style=Qt.PenStyle.DashLine))
        edge.setZValue(5)
        self.addItem(edge)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(MAP)
        self.addItem(self.image)
        self.dc = pg.ScatterPlotItem(symbol="+", size=16, pen=pg.mkPen(0, 255, 160, width=2),
                                     brush=None)
        self.addItem(self.dc)
        self.shown: np.ndarray = np.zeros((0, 0))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # pyqtgraph asks for 600×480; inside the dock's scroll area (whose height
        # follows the caption's height-for-width) that forced a scroll bar.
        return self.minimumSize().expandedTo(QSize(150, 150))

    def set_spectrum(self, s: Spectrum) -> None:
        log = np.nan_to_num(s.log, nan=0.0, posinf=0.0, neginf=0.0)
        hi = float(log.max())
        lo = max(float(log.min()), hi - self.decades)
        self.shown = log
        # A flat response (the identity) passes every frequency: draw it bright,
        # not at the bottom of the map, where it would look like no data.
        levels = (lo, hi) if hi > lo else (hi - self.decades, hi)
        self.image.setImage(log, autoLevels=False, levels=levels)
        n, m = log.shape
        # pixel (r, c) is frequency ((r − dc_r)/n, (c − dc_c)/m); cells centred on it
        self.image.setRect(QRectF(-(s.dc[1] + 0.5) / m, -(s.dc[0] + 0.5) / n, 1.0, 1.0))
        self.dc.setData([0.0], [0.0])


class FrequencyView(QWidget):
    """Shown as a dock. ``set_document`` on every document change; ``update_frame``
    for the optional input and output spectra."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.caption = QLabel(objectName="frequencyCaption", wordWrap=True)
        self.kernel_plot = SpectrumPlot("kernelSpectrum", self.tr("kernel"))
        self.show_images = QCheckBox(self.tr("input and output spectra"),
                                     objectName="showSpectra")
        self.show_images.setToolTip(self.tr("The selected input channel's and output "
                                            "channel's spectra beside the kernel's (costs "
                                            "an FFT per frame)"))
        self.input_plot = SpectrumPlot("inputSpectrum", self.tr("input"), IMAGE_DECADES)
        self.output_plot = SpectrumPlot("outputSpectrum", self.tr("output"), IMAGE_DECADES)
        self.spectrum: Spectrum | None = None
        self._last: tuple[Document, object] | None = None
        grid = QGridLayout()  # the kernel large; the image spectra in a row below
        grid.addWidget(self.kernel_plot, 0, 0, 1, 2)
        grid.addWidget(self.input_plot, 1, 0)
        grid.addWidget(self.output_plot, 1, 1)
        self.kernel_plot.setMinimumSize(240, 240)
        for plot in (self.input_plot, self.output_plot):
            plot.setMinimumSize(150, 150)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.caption)
        box.addWidget(self.show_images)
        box.addLayout(grid, 1)
        self._set_images_visible(False)
        self.show_images.toggled.connect(self._on_show_images_toggled)

    def set_document(self, doc: Document) -> None:
        co, ci = doc.selected
        k = np.asarray(doc.kernel, dtype=np.float64)
        self.spectrum = kernel_spectrum(k)
        self.kernel_plot.set_spectrum(self.spectrum)
        self.caption.setText(caption(k, self.spectrum, co, ci))

    def update_frame(self, doc: Document, frame) -> None:
        self._last = (doc, frame)
        if not self.show_images.isChecked():
            return
        co, ci = doc.selected
        self.input_plot.set_spectrum(image_spectrum(doc.image[ci]))
        if frame.ok and co < frame.output.shape[0]:
            self.output_plot.set_spectrum(image_spectrum(frame.output[co]))

    def _on_show_images_toggled(self, on: bool) -> None:
        self._set_images_visible(on)
        if on and self._last is not None:
            self.update_frame(*self._last)

    def _set_images_visible(self, on: bool) -> None:
        self.input_plot.setVisible(on)
        self.output_plot.setVisible(on)


def caption(k: np.ndarray, s: Spectrum, co: int, ci: int) -> str:
    n, m = s.magnitude.shape
    if not np.all(np.isfinite(k)):
        return translate("FrequencyView", "Kernel [{co}, {ci}] has a value that is not a "
                                          "number; no response to show.").format(co=co, ci=ci)
    peak = float(s.magnitude.max())
    return translate(
        "FrequencyView",
        "|DFT| of kernel [{co}, {ci}] ({kh}×{kw}, zero-padded to {n}×{m}), log scale over "
        "3 decades, centred; + marks DC (gain {gain}, peak {peak}). A blur is bright only "
        "near +; an edge filter is dark at +.").format(
            co=co, ci=ci, kh=k.shape[0], kw=k.shape[1], n=n, m=m, gain=f"{s.dc_gain:.4g}",
            peak=f"{peak:.4g}")
