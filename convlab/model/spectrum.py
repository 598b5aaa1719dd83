"""What a kernel does to frequencies: |DFT| of the kernel, centred (Qt-free).

Cross-correlation with k multiplies the input's spectrum by conj(K), so the
magnitude response is |K| whether or not the kernel is flipped; where the
kernel sits in the zero-padded grid only changes the phase.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_SIZE = 64
FLOOR = 1e-6  # |K| below this (relative to the peak) shows as the floor


@dataclass(frozen=True, eq=False)
class Spectrum:
    magnitude: np.ndarray  # |DFT|, centred (fftshift), shape (n, m)
    log: np.ndarray  # log10(|DFT|), floored at FLOOR·peak (or FLOOR when all zero)
    dc: tuple[int, int]  # (row, column) of the zero frequency in the centred arrays

    @property
    def dc_gain(self) -> float:
        return float(self.magnitude[self.dc])


def grid_size(k: int, minimum: int = MIN_SIZE) -> int:
    """The smallest power of two that holds the kernel and is at least ``minimum``."""
    n = max(int(minimum), int(k), 1)
    return 1 << (n - 1).bit_length()


def kernel_spectrum(kernel, minimum: int = MIN_SIZE) -> Spectrum:
    """|DFT| of a 2-D kernel zero-padded to at least ``minimum``×``minimum``."""
    k = np.asarray(kernel, dtype=np.float64)
    if k.ndim != 2 or min(k.shape) < 1:
        raise ValueError(f"the frequency response takes one 2-D kernel slice; got shape "
                         f"{k.shape}")
    shape = (grid_size(k.shape[0], minimum), grid_size(k.shape[1], minimum))
    return _centred(np.fft.fft2(k, s=shape))


def image_spectrum(image) -> Spectrum:
    """|DFT| of a 2-D image (one channel) at its own size, centred."""
    a = np.asarray(image, dtype=np.float64)
    if a.ndim != 2:
        raise ValueError(f"the spectrum takes one 2-D channel; got shape {a.shape}")
    return _centred(np.fft.fft2(a))


def _centred(f: np.ndarray) -> Spectrum:
    mag = np.fft.fftshift(np.abs(f))
    peak = float(np.max(mag)) if mag.size else 0.0
    floor = FLOOR * peak if peak > 0 else FLOOR
    with np.errstate(invalid="ignore"):
        log = np.log10(np.maximum(mag, floor))  # NaN and inf stay visible
    log[~np.isfinite(mag)] = np.nan
    dc = (mag.shape[0] // 2, mag.shape[1] // 2)  # where fftshift puts frequency 0
    return Spectrum(mag, log, dc)
