"""The same results as the compiled core, in plain NumPy, while Numba compiles.

A cold start spends many seconds compiling the kernels. Until they are loaded
the app turns this path on (``serve(True)``) and every public function routes
here: one pass per kernel tap over a shifted, strided slice of the padded
input, so nothing waits for a compiler. It computes the same function as the
kernels (only the order of the float additions differs) and is tested against
them and against the naive loops in ``tests/naive.py``.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

import numpy as np

from convlab.core import conv as _conv
from convlab.core.geometry import checked_output_hw, pair

_serving = False
_local = threading.local()


def serve(on: bool) -> None:
    """Route the public functions here (True) or to the compiled kernels."""
    global _serving
    _serving = bool(on)


def serving() -> bool:
    """True while this path serves the calling thread."""
    return _serving and not getattr(_local, "compiled", False)


@contextmanager
def compiled_kernels():
    """Within this block the calling thread uses the compiled kernels (warm-up)."""
    before = getattr(_local, "compiled", False)
    _local.compiled = True
    try:
        yield
    finally:
        _local.compiled = before


# --- padding --------------------------------------------------------------

def pad(x: np.ndarray, sides, mode: str, fill=0.0) -> np.ndarray:
    """``x`` padded by ``sides`` (top, bottom, left, right) in ``mode``."""
    t, b, l, r = sides
    c, h, w = x.shape
    if mode == "zeros":
        out = np.full((c, h + t + b, w + l + r), fill, dtype=x.dtype)
        out[:, t : t + h, l : l + w] = x
        return out
    rows, cols = _conv.pad_index(h, t, b, mode), _conv.pad_index(w, l, r, mode)
    return np.ascontiguousarray(x[:, rows][:, :, cols])


def pad2d(x, padding=0, mode: str = "zeros", *, kernel_hw=(1, 1), stride=1,
          dilation=1) -> np.ndarray:
    x = _conv.as_image(x)
    sides = _conv._sides(x, padding, mode, kernel_hw, stride, dilation)
    return pad(np.ascontiguousarray(x, dtype=_conv.float_dtype(x)), sides, mode)


# --- convolution ----------------------------------------------------------

def _prepare(x, weight, stride, padding, dilation, padding_mode, flip):
    """conv.py's checks and padding, with NumPy padding instead of a kernel."""
    x, weight = _conv.as_image(x), _conv.as_weight(weight)
    if weight.shape[1] != x.shape[0]:
        raise ValueError(
            f"the kernel expects {weight.shape[1]} input channel(s) but the input "
            f"has {x.shape[0]}; set the kernel's input channels to {x.shape[0]}"
        )
    s, d = pair(stride, "stride"), pair(dilation, "dilation")
    kh, kw = weight.shape[2:]
    sides = _conv._sides(x, padding, padding_mode, (kh, kw), s, d)
    out_hw = checked_output_hw(x.shape[1:], (kh, kw), s, d, sides)
    dt = _conv.float_dtype(x, weight)
    w = weight[:, :, ::-1, ::-1] if flip else weight
    xp = pad(np.ascontiguousarray(x, dtype=dt), sides, padding_mode)
    return xp, np.ascontiguousarray(w, dtype=dt), s, d, sides, out_hw


def _taps(kh: int, kw: int, stride, dilation, out_hw, first_row: int = 0):
    """For each tap (a, b): the rows and columns of the padded input it reads
    for output rows ``first_row`` onwards (``out_hw[0]`` of them)."""
    (sh, sw), (dh, dw), (ho, wo) = stride, dilation, out_hw
    for a in range(kh):
        for b in range(kw):
            r0, c0 = a * dh + sh * first_row, b * dw
            yield a, b, slice(r0, r0 + sh * (ho - 1) + 1, sh), slice(c0, c0 + sw * (wo - 1) + 1, sw)


BLOCK_BYTES = 1 << 19  # output rows per pass sized so the block stays in cache


def conv2d(x, weight, bias=None, *, stride=1, padding=0, dilation=1,
           padding_mode: str = "zeros", flip: bool = False) -> np.ndarray:
    xp, w, s, d, _, out_hw = _prepare(x, weight, stride, padding, dilation,
                                      padding_mode, flip)
    cout, cin, kh, kw = w.shape
    out = np.empty((cout, *out_hw), dtype=w.dtype)
    out[:] = _conv._bias(bias, cout, w.dtype)[:, None, None]
    ho, wo = out_hw
    step = max(1, BLOCK_BYTES // (wo * w.itemsize * (cout + 1)))
    tmp = np.empty((min(step, ho), wo), dtype=w.dtype)
    for r in range(0, ho, step):
        block = out[:, r : r + step]
        t = tmp[: block.shape[1]]
        for a, b, rows, cols in _taps(kh, kw, s, d, block.shape[1:], first_row=r):
            window = xp[:, rows, cols]  # (cin, rows, wo): what this tap multiplies
            for co in range(cout):
                for ci in range(cin):
                    np.multiply(window[ci], w[co, ci, a, b], out=t)
                    block[co] += t
    return out


def conv2d_backward(x, weight, grad_output, *, stride=1, padding=0, dilation=1,
                    padding_mode: str = "zeros", flip: bool = False,
                    need_input: bool = True):
    xp, w, s, d, sides, out_hw = _prepare(x, weight, stride, padding, dilation,
                                          padding_mode, flip)
    go = np.ascontiguousarray(grad_output, dtype=w.dtype)
    if go.shape != (w.shape[0], *out_hw):
        raise ValueError(
            f"grad_output has shape {go.shape} but the output is "
            f"{(w.shape[0], *out_hw)}"
        )
    kh, kw = w.shape[2:]
    gw = np.empty_like(w)
    gxp = np.zeros_like(xp) if need_input else None
    for a, b, rows, cols in _taps(kh, kw, s, d, out_hw):
        window = xp[:, rows, cols]
        gw[:, :, a, b] = np.tensordot(go, window, axes=([1, 2], [1, 2]))
        if need_input:
            gxp[:, rows, cols] += np.tensordot(w[:, :, a, b], go, axes=(0, 0))
    gx = _fold(gxp, np.shape(x), sides, padding_mode) if need_input else None
    if flip:
        gw = np.ascontiguousarray(gw[:, :, ::-1, ::-1])
    return _conv.Gradients(gw, go.sum(axis=(1, 2)), gx)


def _fold(gxp: np.ndarray, shape, sides, mode: str) -> np.ndarray:
    """Add each padded cell's gradient onto the input cell it copied."""
    t, b, l, r = sides
    h, w = shape[1], shape[2]
    rows = _conv.pad_index(h, t, b, mode)
    cols = _conv.pad_index(w, l, r, mode)
    g = gxp[:, t : t + h].copy()
    for p in (*range(t), *range(t + h, t + h + b)):
        if rows[p] >= 0:
            g[:, rows[p]] += gxp[:, p]
    gx = g[:, :, l : l + w].copy()
    for q in (*range(l), *range(l + w, l + w + r)):
        if cols[q] >= 0:
            gx[:, :, cols[q]] += g[:, :, q]
    return gx


# --- pooling (the kernel's signature: pool.py validates, then calls this) ---

def pool(x, kh, kw, sh, sw, top, left, is_max, include_pad, out) -> None:
    """Max or average pooling into ``out``; padded cells never win a max."""
    c, ho, wo = out.shape
    h, w = x.shape[1:]
    sides = (top, max(sh * (ho - 1) + kh - top - h, 0),
             left, max(sw * (wo - 1) + kw - left - w, 0))
    fill = -np.inf if is_max else 0.0
    xp = pad(x.astype(np.float64), sides, "zeros", fill=fill)
    taps = list(_taps(kh, kw, (sh, sw), (1, 1), (ho, wo)))
    acc = np.full((c, ho, wo), fill)
    for _, _, rows, cols in taps:  # np.maximum lets a NaN win, as the kernel does
        (np.maximum if is_max else np.add)(acc, xp[:, rows, cols], out=acc)
    if not is_max and include_pad:
        acc /= kh * kw
    elif not is_max:
        seen = pad(np.ones((1, h, w)), sides, "zeros")
        count = sum(seen[:, rows, cols] for _, _, rows, cols in taps)
        acc /= np.maximum(count, 1)
    out[:] = acc
