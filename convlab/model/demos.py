"""Numbers behind the explainer panels: location sensitivity and 1×1 convolution."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from convlab.model.compute import Frame, compute
from convlab.model.document import Document, Pooling

CHANGED = 1e-9  # a cell whose value moved by more than this has changed


def shift_image(x: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """Translate (C, H, W) by dy rows and dx columns; what comes in is 0."""
    out = np.zeros_like(x)
    h, w = x.shape[1:]
    src = x[:, max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    out[:, max(dy, 0):max(dy, 0) + src.shape[1], max(dx, 0):max(dx, 0) + src.shape[2]] = src
    return out


@dataclass(frozen=True)
class ShiftEffect:
    conv_diff: np.ndarray  # |out(shifted) − out| for the selected output channel
    pool_diff: np.ndarray
    conv_changed: float  # fraction of cells that changed
    pool_changed: float
    pooling: Pooling  # the pooling compared (the document's, or 2×2 max)


def shift_effect(doc: Document, dy: int, dx: int) -> ShiftEffect | None:
    """How much a shift of the input changes the output, with and without pooling."""
    pooling = doc.pooling if doc.pooling.enabled else Pooling(enabled=True)
    base = replace(doc, pooling=pooling)
    moved = replace(base, image=shift_image(np.asarray(doc.image), dy, dx))
    a, b = compute(base), compute(moved)
    if not (a.ok and b.ok) or a.pooled is None or b.pooled is None:
        return None
    co = min(doc.selected[0], a.output.shape[0] - 1)
    cd = np.abs(b.output[co].astype(float) - a.output[co])
    pd = np.abs(b.pooled[co].astype(float) - a.pooled[co])
    return ShiftEffect(cd, pd, float(np.mean(cd > CHANGED)), float(np.mean(pd > CHANGED)),
                       pooling)


def one_by_one_gap(doc: Document, frame: Frame) -> float | None:
    """max |conv − matmul|: the 1×1 convolution against a matrix product per pixel.

    None when the kernel is not 1×1 or the frame has no output.
    """
    if doc.kernel_hw != (1, 1) or not frame.ok:
        return None
    sh, sw = doc.geometry.stride
    ho, wo = frame.output.shape[1:]
    x = np.asarray(frame.padded, dtype=float)[:, ::sh, ::sw][:, :ho, :wo]
    w = doc.weight[:, :, 0, 0]
    matmul = (w @ x.reshape(x.shape[0], -1) + doc.bias[:, None]).reshape(-1, ho, wo)
    return float(np.max(np.abs(matmul - frame.output))) if matmul.size else 0.0
