"""Numbers behind the explainer panels: location sensitivity and 1×1 convolution."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from convlab.core import conv2d, pool2d
from convlab.model.compute import Frame
from convlab.model.document import Document, Pooling

MAX_SHIFT = 8  # the panel's sliders go from −8 to 8 pixels
REGION = 160  # the demo looks at the centre of the input, at most this many pixels a side
NOTICEABLE = 0.1  # a cell changed noticeably: by more than this fraction of the largest |value|


def shift_image(x: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """Translate (C, H, W) by dy rows and dx columns; what comes in is 0."""
    out = np.zeros_like(x)
    h, w = x.shape[1:]
    src = x[:, max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    out[:, max(dy, 0):max(dy, 0) + src.shape[1], max(dx, 0):max(dx, 0) + src.shape[2]] = src
    return out


def shifted_views(x: np.ndarray, dy: int, dx: int, size: int = REGION):
    """Two crops of the same size from the centre of ``x``, the second one moved
    by (dy, dx): the scene shifted, with real content at every border (no band of
    zeros coming in, which would itself count as a change)."""
    c, h, w = x.shape
    dy = int(np.clip(dy, -((h - 1) // 2), (h - 1) // 2))
    dx = int(np.clip(dx, -((w - 1) // 2), (w - 1) // 2))
    # each axis gives up only its own shift (a shift along x cost the rows too:
    # a 4×4 input shifted by x 1 left 2×2 crops, too small for 2×2 pooling)
    ch, cw = min(size, h - 2 * abs(dy)), min(size, w - 2 * abs(dx))
    top, left = (h - ch) // 2, (w - cw) // 2
    a = x[:, top:top + ch, left:left + cw]
    b = x[:, top - dy:top - dy + ch, left - dx:left - dx + cw]
    return np.ascontiguousarray(a), np.ascontiguousarray(b), (dy, dx)


@dataclass(frozen=True)
class ShiftEffect:
    """How much a shift of the input changes the output, before and after pooling."""

    conv_diff: np.ndarray  # |out(shifted) − out| for the selected output channel
    pool_diff: np.ndarray
    conv_change: float  # mean |Δ| / mean |value|: the change relative to the response
    pool_change: float
    conv_changed: float  # fraction of cells that changed noticeably
    pool_changed: float
    pooling: Pooling  # the pooling compared (the document's, or 2×2 max)
    shift: tuple[int, int]  # (dy, dx) actually applied

    @property
    def reduction(self) -> float:
        """The pooled change as a fraction of the change before pooling."""
        return self.pool_change / self.conv_change if self.conv_change > 0 else 1.0


def shift_effect(doc: Document, dy: int, dx: int) -> ShiftEffect | None:
    """Shift the input by (dy, dx) and measure how much the output and the pooled
    output change, relative to their size. Computed on the centre of the input
    (at most REGION pixels a side), so it is cheap enough for the GUI thread.

    None when these settings give no output (or no pooled output) to compare.
    """
    pooling = doc.pooling if doc.pooling.enabled else Pooling(enabled=True)
    a, b, shift = shifted_views(np.asarray(doc.image, dtype=np.float64), dy, dx)
    co = doc.selected[0]
    w, bias = doc.weight[co:co + 1], doc.bias[co:co + 1]
    kw = doc.geometry.conv_kwargs()
    pkw = dict(stride=pooling.stride, padding=pooling.pad, mode=pooling.mode)
    try:
        ya, yb = conv2d(a, w, bias, **kw), conv2d(b, w, bias, **kw)
        pa, pb = pool2d(ya, pooling.window, **pkw), pool2d(yb, pooling.window, **pkw)
    except ValueError:
        return None
    if min(ya.size, pa.size) == 0:
        return None
    cd, pd = np.abs(yb[0] - ya[0]), np.abs(pb[0] - pa[0])
    return ShiftEffect(cd, pd, _relative(cd, ya[0]), _relative(pd, pa[0]),
                       _noticeable(cd, ya[0]), _noticeable(pd, pa[0]), pooling, shift)


def _relative(diff: np.ndarray, base: np.ndarray) -> float:
    scale = float(np.mean(np.abs(base)))
    return float(np.mean(diff)) / scale if scale > 0 else 0.0


def _noticeable(diff: np.ndarray, base: np.ndarray) -> float:
    top = float(np.max(np.abs(base)))
    return float(np.mean(diff > NOTICEABLE * top)) if top > 0 else 0.0


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
