"""Colours shared by the grid and the image views."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

NEG, MID, POS = (33, 102, 172), (247, 247, 247), (178, 24, 43)  # ColorBrewer RdBu


def diverging(value: float, scale: float) -> QColor:
    """Blue for negative, white for zero, red for positive; ``scale`` maps to full."""
    t = 0.0 if scale <= 0 or value != value else max(-1.0, min(1.0, value / scale))
    end = POS if t > 0 else NEG
    a = abs(t)
    return QColor(*(round(m + (e - m) * a) for m, e in zip(MID, end)))


def readable_on(color: QColor) -> QColor:
    """Black or white text, whichever reads better on ``color``."""
    lum = 0.299 * color.red() + 0.587 * color.green() + 0.114 * color.blue()
    return QColor(0, 0, 0) if lum > 140 else QColor(255, 255, 255)


DIVERGING_MAP = pg.ColorMap([0.0, 0.5, 1.0], [NEG, MID, POS])
GRAY_MAP = pg.ColorMap([0.0, 1.0], [(0, 0, 0), (255, 255, 255)])


SAMPLE = 65_536  # levels of larger arrays come from an even sample of them


def rgba_mapper(a: np.ndarray):
    """values → RGBA bytes with the views' levels and colour map (a 256-step
    table). NaN maps like the low end; callers paint such cells over."""
    (lo, hi), div = levels_for(a)
    table = (DIVERGING_MAP if div else GRAY_MAP).getLookupTable(0.0, 1.0, 256, alpha=True)

    def to_rgba(v):
        t = np.clip((np.asarray(v, float) - lo) / ((hi - lo) or 1.0), 0, 1)
        return table[(np.nan_to_num(t) * 255).astype(np.uint8)]

    return to_rgba


def levels_for(a: np.ndarray) -> tuple[tuple[float, float], bool]:
    """Display levels and whether the diverging map fits (values of both signs).

    Small arrays use their exact range (the chapter's matrices); large ones
    the 0.5–99.5 percentiles of a sample, so a few extreme pixels do not wash
    the rest out.
    """
    if a.size > SAMPLE:  # an even sample; reshaping a strided view would copy it all
        step = int(np.ceil((a.size / SAMPLE) ** (1 / max(a.ndim, 1))))
        a_sample = a[(slice(None, None, step),) * a.ndim]
    else:
        a_sample = a
    flat = np.ravel(a_sample)
    finite = flat[np.isfinite(flat)]
    if finite.size == 0:
        return (0.0, 1.0), False
    if a.size > SAMPLE:
        lo, hi = (float(v) for v in np.percentile(finite, (0.5, 99.5)))
    else:
        lo, hi = float(finite.min()), float(finite.max())
    if lo < 0 < hi:
        m = max(-lo, hi)
        return (-m, m), True
    if hi - lo < 1e-12:
        return ((lo - 1, lo + 1) if lo != 0 else (0.0, 1.0)), False
    return (lo, hi), False
