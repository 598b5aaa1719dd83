"""The sliding window, position by position, as the chapter describes it (Qt-free).

The window starts at the top-left, moves right by the stride, then down. For
each output position a ``PlayerFrame`` (one position of the window, not a
``compute.Frame``) says which padded cells the kernel's taps read, which input
cells those come from, and the output so far.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from convlab.core.geometry import tap_cells
from convlab.model import receptive_field
from convlab.model.compute import Frame
from convlab.model.document import Document


@dataclass(frozen=True)
class PlayerFrame:
    index: int  # 0-based, row-major over the output
    count: int
    position: tuple[int, int]  # (i, j) in the output (or the pooled output)
    stage: str  # "convolution" or "pooling"
    taps: list  # cells of the stage's input that the window reads, in kernel order
    sources: list  # input cells behind the taps (through padding), convolution only
    partial: np.ndarray  # the stage's output so far; cells still to come are NaN
    value: float
    window: np.ndarray | None  # values under the window (channel 0 of the selection)


def stage_shape(frame: Frame, stage: str) -> tuple[int, int]:
    a = frame.pooled if stage == "pooling" else frame.output
    return a.shape[1:] if a is not None else (0, 0)


def pool_cells(doc: Document, i: int, j: int) -> list[tuple[int, int]]:
    """Output cells of pooling window (i, j), its padding's included (those
    lie outside the output: negative or past its last row or column)."""
    p = doc.pooling
    top, left = p.pad[0], p.pad[2]
    return [(r - top, c - left) for r, c in tap_cells(i, j, p.window, p.stride or p.window)]


def player_frame(doc: Document, frame: Frame, index: int, stage: str = "convolution"
                 ) -> PlayerFrame:
    """What the player shows at output position ``index`` (clipped to the range)."""
    h, w = stage_shape(frame, stage)
    count = h * w
    index = int(np.clip(index, 0, max(count - 1, 0)))
    i, j = divmod(index, w) if w else (0, 0)
    co = doc.out_channel(frame.output.shape[0])
    full = (frame.pooled if stage == "pooling" else frame.output)[co].astype(float)
    partial = np.full_like(full, np.nan)
    partial.reshape(-1)[: index + 1] = full.reshape(-1)[: index + 1]
    if stage == "pooling":
        oh, ow = frame.output.shape[1:]
        taps = [(r, c) for r, c in pool_cells(doc, i, j) if 0 <= r < oh and 0 <= c < ow]
        window = np.array([frame.output[co, r, c] for r, c in taps])
        sources: list = []
    else:
        taps = receptive_field.tap_cells(doc, i, j)
        sources = receptive_field.source_cells(doc, i, j)
        ci = doc.in_channel(frame.padded.shape[0])
        window = np.array([frame.padded[ci, r, c] for r, c in taps]).reshape(doc.kernel_hw)
    return PlayerFrame(index, count, (i, j), stage, taps, sources, partial,
                       float(full[i, j]) if count else float("nan"), window)
