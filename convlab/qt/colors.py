"""Colours shared by the grid and the image views."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

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


def warning_red(background: QColor) -> str:
    """A red for warning text that keeps 4.5:1 contrast on ``background``
    (WCAG's bar for body text): dark on a light window, light on a dark one.
    (#ff8080 on the default light grey was 2.1:1, gone on a projector.)"""
    return "#b71c1c" if background.lightness() > 127 else "#ff8a80"


DIVERGING_MAP = pg.ColorMap([0.0, 0.5, 1.0], [NEG, MID, POS])
SELECTION = (255, 170, 0)  # outlines of selected cells and tiles: never a value colour


def padding_brush() -> QBrush:
    """Grey hatching over padded cells. (A light blue tint read as "slightly
    negative" on the blue-white-red map: padded zeros looked like values.)"""
    return QBrush(QColor(90, 90, 90, 170), Qt.BrushStyle.BDiagPattern)


SAMPLE = 65_536  # levels of larger arrays come from an even sample of them


def rgba_mapper(a: np.ndarray):
    """values → RGBA bytes with the views' levels and colour map (a 256-step
    table). NaN maps to white; callers paint such cells over."""
    lo, hi = value_levels(a)
    table = DIVERGING_MAP.getLookupTable(0.0, 1.0, 256, alpha=True)

    def to_rgba(v):
        t = np.clip((np.asarray(v, float) - lo) / (hi - lo), 0, 1)
        return table[(np.nan_to_num(t, nan=0.5) * 255).astype(np.uint8)]

    return to_rgba


def value_levels(a: np.ndarray) -> tuple[float, float]:
    """Symmetric display limits (-m, m), so zero is always white, negative blue
    and positive red, in every view, tile and grid.

    Small arrays use their exact largest magnitude (the chapter's matrices);
    large ones the 99.5th percentile of a sample's magnitudes, so a few extreme
    pixels do not wash the rest out.
    """
    if a.size > SAMPLE:  # an even sample; reshaping a strided view would copy it all
        step = int(np.ceil((a.size / SAMPLE) ** (1 / max(a.ndim, 1))))
        a = a[(slice(None, None, step),) * a.ndim]
    mag = np.abs(np.ravel(a))
    mag = mag[np.isfinite(mag)]
    if mag.size == 0:
        return -1.0, 1.0
    m = float(np.percentile(mag, 99.5)) if mag.size > SAMPLE // 4 else float(mag.max())
    m = m if m > 1e-12 else (float(mag.max()) or 1.0)
    return -m, m


def colour_levels(a: np.ndarray) -> tuple[float, float]:
    """Display limits of a colour image: 0 to its top value, so that 0 is
    black. (The symmetric limits of ``value_levels`` made 0 mid-grey and
    every photograph look washed out.) Negative values, which no photograph
    has, keep the symmetric limits."""
    lo, hi = value_levels(a)
    return (lo, hi) if (a < 0).any() else (0.0, hi)
