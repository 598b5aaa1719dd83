"""Receptive fields: which cells an output reads, which outputs an input feeds."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from convlab.core import pad_index
from convlab.model.document import Document


def tap_cells(doc: Document, i: int, j: int) -> list[tuple[int, int]]:
    """Padded-input cells (row, col) that output (i, j) multiplies, in kernel order."""
    g = doc.geometry
    kh, kw = doc.kernel_hw
    return [(i * g.stride[0] + a * g.dilation[0], j * g.stride[1] + b * g.dilation[1])
            for a in range(kh) for b in range(kw)]


def index_maps(doc: Document) -> tuple[np.ndarray, np.ndarray]:
    """For each padded row and column, the input index it copies (-1: a zero)."""
    g, (_, h, w) = doc.geometry, doc.image.shape
    t, b, l, r = g.pad
    return pad_index(h, t, b, g.mode), pad_index(w, l, r, g.mode)


def source_cells(doc: Document, i: int, j: int) -> list[tuple[int, int]]:
    """Input cells whose values output (i, j) reads (through the padding, too)."""
    rows, cols = index_maps(doc)
    cells = {(int(rows[r]), int(cols[c])) for r, c in tap_cells(doc, i, j)}
    return sorted((r, c) for r, c in cells if r >= 0 and c >= 0)


def outputs_fed_by(doc: Document, r: int, c: int, out_hw) -> list[tuple[int, int]]:
    """Output cells that read input cell (r, c), directly or through padding."""
    rows, cols = index_maps(doc)
    out_rows = _axis_outputs(np.flatnonzero(rows == r), doc.kernel_hw[0],
                             doc.geometry.stride[0], doc.geometry.dilation[0], out_hw[0])
    out_cols = _axis_outputs(np.flatnonzero(cols == c), doc.kernel_hw[1],
                             doc.geometry.stride[1], doc.geometry.dilation[1], out_hw[1])
    return [(i, j) for i in out_rows for j in out_cols]


def _axis_outputs(positions, k, s, d, n_out) -> list[int]:
    found = set()
    for p in positions:
        for a in range(k):
            q = int(p) - a * d
            if q >= 0 and q % s == 0 and q // s < n_out:
                found.add(q // s)
    return sorted(found)


@dataclass(frozen=True)
class ChannelSum:
    channel: int
    window: np.ndarray  # the padded input's values under the kernel taps
    kernel: np.ndarray  # as applied (flipped when true convolution is on)
    partial: float


def breakdown(doc: Document, padded: np.ndarray, co: int, i: int, j: int):
    """Per input channel, the numbers whose products sum to output (co, i, j)."""
    kh, kw = doc.kernel_hw
    cells = tap_cells(doc, i, j)
    rr = np.array([r for r, _ in cells]).reshape(kh, kw)
    cc = np.array([c for _, c in cells]).reshape(kh, kw)
    parts = []
    for ci in range(doc.image.shape[0]):
        k = doc.applied_weight[co, ci]
        win = padded[ci][rr, cc].astype(float)
        parts.append(ChannelSum(ci, win, k, float(np.sum(win * k))))
    return parts, float(doc.bias[co])
