"""The Frequency response view: log |DFT| of the selected kernel, DC marked."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from convlab.model.document import Document
from convlab.model.spectrum import Spectrum, image_spectrum, kernel_spectrum

MAP = pg.colormap.get("inferno")


class SpectrumPlot(pg.PlotWidget):
    """One centred log-magnitude spectrum; axes in cycles per pixel, DC at 0."""

    def __init__(self, name: str, title: str) -> None:
        super().__init__(objectName=name, title=title)
        self.setAspectLocked(True)
        self.setLabel("bottom", "horizontal frequency (cycles/pixel)")
        self.setLabel("left", "vertical frequency")
        self.getViewBox().invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(MAP)
        self.addItem(self.image)
        self.dc = pg.ScatterPlotItem(symbol="+", size=16, pen=pg.mkPen(0, 255, 160, width=2),
                                     brush=None)
        self.addItem(self.dc)
        self.shown: np.ndarray = np.zeros((0, 0))

    def set_spectrum(self, s: Spectrum) -> None:
        log = np.nan_to_num(s.log, nan=0.0, posinf=0.0, neginf=0.0)
        lo, hi = float(log.min()), float(log.max())
        self.shown = log
        self.image.setImage(log, autoLevels=False, levels=(lo, hi if hi > lo else lo + 1))
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
        self.kernel_plot = SpectrumPlot("kernelSpectrum", "kernel")
        self.show_images = QCheckBox("input and output spectra", objectName="showSpectra")
        self.show_images.setToolTip("The selected input channel's and output channel's "
                                    "spectra beside the kernel's (costs an FFT per frame)")
        self.input_plot = SpectrumPlot("inputSpectrum", "input")
        self.output_plot = SpectrumPlot("outputSpectrum", "output")
        self.spectrum: Spectrum | None = None
        self._last: tuple[Document, object] | None = None
        row = QHBoxLayout()
        for plot in (self.kernel_plot, self.input_plot, self.output_plot):
            plot.setMinimumSize(220, 220)
            row.addWidget(plot, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.caption)
        box.addWidget(self.show_images)
        box.addLayout(row, 1)
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
        return f"Kernel [{co}, {ci}] has a value that is not a number; no response to show."
    peak = float(s.magnitude.max())
    return (f"|DFT| of kernel [{co}, {ci}] ({k.shape[0]}×{k.shape[1]}, zero-padded to "
            f"{n}×{m}), log scale, centred; + marks DC (gain {s.dc_gain:.4g}, "
            f"peak {peak:.4g}). A blur is bright only near +; an edge filter is dark at +.")
