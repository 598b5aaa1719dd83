"""XᵀX and Xᵀy of the im2col matrix X, accumulated without forming X.

Row r of X holds the taps one output position reads (in the order of
``weight.reshape(C_out, -1)``: input channel, kernel row, kernel column), so
``conv2d(x, w) == (X @ w.reshape(C_out, -1).T)`` column by column. The squared
error of a kernel is quadratic with Hessian ``2 XᵀX``; XᵀX is only
``(C_in·kh·kw)²`` however large the image, and the kernel below builds it one
output row at a time from the padded input.
"""

from __future__ import annotations

from typing import NamedTuple

import numba
import numpy as np
from numba import prange

from convlab.core._jit import jit, parallel_slot
from convlab.core.conv import _pad, _sides, as_image, tap_starts
from convlab.core.geometry import Padding, checked_output_hw, pair


class Gram(NamedTuple):
    """``xtx`` (P, P), ``xty`` (P, C_out) or None, ``n`` rows of X (Ho·Wo).

    With ``bias=True`` X has a last column of ones, so P = C_in·kh·kw + 1.
    """

    xtx: np.ndarray
    xty: np.ndarray | None
    n: int
    out_hw: tuple[int, int]


@jit()
def _row_block(xflat, starts, row_step, sw, y, i0, i1, g, xty, colsum, buf):
    """Add output rows i0..i1-1 to the upper triangle of g, to xty and colsum."""
    ntaps, wo = starts.shape[0], buf.shape[1]
    for i in range(i0, i1):
        off = i * row_step
        for t in range(ntaps):  # one row of im2col, contiguous per tap
            s = xflat[starts[t] + off :]
            for j in range(wo):
                buf[t, j] = s[j * sw]
        for t in range(ntaps):
            bt = buf[t]
            u = t
            while u + 4 <= ntaps:  # four columns per pass: each load of bt feeds four
                b0, b1, b2, b3 = buf[u], buf[u + 1], buf[u + 2], buf[u + 3]
                a0 = a1 = a2 = a3 = 0.0
                for j in range(wo):
                    v = bt[j]
                    a0 += v * b0[j]
                    a1 += v * b1[j]
                    a2 += v * b2[j]
                    a3 += v * b3[j]
                g[t, u] += a0
                g[t, u + 1] += a1
                g[t, u + 2] += a2
                g[t, u + 3] += a3
                u += 4
            while u < ntaps:
                b0 = buf[u]
                a0 = 0.0
                for j in range(wo):
                    a0 += bt[j] * b0[j]
                g[t, u] += a0
                u += 1
            a0 = 0.0
            for j in range(wo):
                a0 += bt[j]
            colsum[t] += a0
            for co in range(y.shape[0]):
                yr = y[co, i]
                a0 = 0.0
                for j in range(wo):
                    a0 += bt[j] * yr[j]
                xty[t, co] += a0


@jit()
def _gram_serial(xflat, starts, row_step, sw, y, g, xty, colsum):
    buf = np.empty((starts.shape[0], y.shape[2]), dtype=xflat.dtype)
    _row_block(xflat, starts, row_step, sw, y, 0, y.shape[1], g, xty, colsum, buf)


@jit(parallel=True)
def _gram_parallel(xflat, starts, row_step, sw, y, g, xty, colsum):
    """g, xty, colsum carry a leading axis: one partial sum per chunk of rows."""
    chunks, ho = g.shape[0], y.shape[1]
    for c in prange(chunks):
        buf = np.empty((starts.shape[0], y.shape[2]), dtype=xflat.dtype)
        i0, i1 = c * ho // chunks, (c + 1) * ho // chunks
        _row_block(xflat, starts, row_step, sw, y, i0, i1, g[c], xty[c], colsum[c], buf)


def gram(x, kernel_hw, target=None, *, stride=1, padding: Padding = 0, dilation=1,
         padding_mode: str = "zeros", bias: bool = False) -> Gram:
    """XᵀX (and Xᵀy for a ``(C_out, Ho, Wo)`` target) in float64.

    ``x`` is ``(C_in, H, W)``; the geometry arguments mean what they mean in
    :func:`convlab.core.conv2d`.
    """
    x = as_image(x)
    kh, kw = pair(kernel_hw, "kernel size")
    s, d = pair(stride, "stride"), pair(dilation, "dilation")
    sides = _sides(x, padding, padding_mode, (kh, kw), s, d)
    ho, wo = checked_output_hw(x.shape[1:], (kh, kw), s, d, sides)
    xp = _pad(np.ascontiguousarray(x, dtype=np.float64), sides, padding_mode)
    y = _target(target, ho, wo)
    starts = tap_starts(xp.shape, (kh, kw), d)
    p = starts.size
    args = (xp.reshape(-1), starts, s[0] * xp.shape[2], s[1], y)
    g, xty, colsum = _accumulate(args, p, y.shape[0], ho, ho * wo * p * p // 2)
    g = np.triu(g) + np.triu(g, 1).T
    if bias:
        g = np.block([[g, colsum[:, None]], [colsum[None, :], np.array([[float(ho * wo)]])]])
        xty = np.vstack([xty, y.sum(axis=(1, 2))[None, :]])
    return Gram(g, xty if target is not None else None, ho * wo, (ho, wo))


def _target(target, ho: int, wo: int) -> np.ndarray:
    if target is None:
        return np.zeros((0, ho, wo))
    y = np.asarray(target, dtype=np.float64)
    if y.ndim == 2:
        y = y[None]
    if y.ndim != 3 or y.shape[1:] != (ho, wo):
        raise ValueError(f"the target has shape {np.shape(target)} but the output of this "
                         f"geometry is {ho}×{wo}; give (out channels, {ho}, {wo})")
    return np.ascontiguousarray(y)


def _accumulate(args, p: int, cout: int, ho: int, work: int):
    with parallel_slot(work) as par:
        if not par:
            g, xty, colsum = np.zeros((p, p)), np.zeros((p, cout)), np.zeros(p)
            _gram_serial(*args, g, xty, colsum)
            return g, xty, colsum
        chunks = min(ho, 4 * numba.get_num_threads())
        g, xty = np.zeros((chunks, p, p)), np.zeros((chunks, p, cout))
        colsum = np.zeros((chunks, p))
        _gram_parallel(*args, g, xty, colsum)
        return g.sum(axis=0), xty.sum(axis=0), colsum.sum(axis=0)


def im2col(x, kernel_hw, *, stride=1, padding: Padding = 0, dilation=1,
           padding_mode: str = "zeros") -> np.ndarray:
    """X itself, ``(Ho·Wo, C_in·kh·kw)`` — for small inputs, tests and benchmarks."""
    x = as_image(x)
    kh, kw = pair(kernel_hw, "kernel size")
    s, d = pair(stride, "stride"), pair(dilation, "dilation")
    sides = _sides(x, padding, padding_mode, (kh, kw), s, d)
    ho, wo = checked_output_hw(x.shape[1:], (kh, kw), s, d, sides)
    xp = _pad(np.ascontiguousarray(x, dtype=np.float64), sides, padding_mode)
    starts = tap_starts(xp.shape, (kh, kw), d)
    rows = (np.arange(ho)[:, None] * s[0] * xp.shape[2] + np.arange(wo)[None, :] * s[1])
    return xp.reshape(-1)[rows.reshape(-1, 1) + starts[None, :]]
