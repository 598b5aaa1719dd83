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

import numpy as np
from numba import prange

from convlab.core import _numpy_path
from convlab.core._jit import jit, num_threads, parallel_slot
from convlab.core.conv import _contiguous, _pad, _sides, as_image, readonly, tap_starts
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
def _row_block(xflat, starts, row_step, sw, y, i0, i1, g, xty, colsum, buf, want_g):
    """Add output rows i0..i1-1 to the upper triangle of g (when want_g), to xty
    and colsum."""
    ntaps, wo = starts.shape[0], buf.shape[1]
    for i in range(i0, i1):
        off = i * row_step
        for t in range(ntaps):  # one row of im2col, contiguous per tap
            s = xflat[starts[t] + off :]
            for j in range(wo):
                buf[t, j] = s[j * sw]
        for t in range(ntaps):
            bt = buf[t]
            u = t if want_g else ntaps
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
def _gram_serial(xflat, starts, row_step, sw, y, g, xty, colsum, want_g):
    buf = np.empty((starts.shape[0], y.shape[2]), dtype=xflat.dtype)
    _row_block(xflat, starts, row_step, sw, y, 0, y.shape[1], g, xty, colsum, buf, want_g)


@jit(parallel=True)
def _gram_parallel(xflat, starts, row_step, sw, y, g, xty, colsum, want_g):
    """g, xty, colsum carry a leading axis: one partial sum per chunk of rows."""
    chunks, ho = g.shape[0], y.shape[1]
    for c in prange(chunks):
        buf = np.empty((starts.shape[0], y.shape[2]), dtype=xflat.dtype)
        i0, i1 = c * ho // chunks, (c + 1) * ho // chunks
        _row_block(xflat, starts, row_step, sw, y, i0, i1, g[c], xty[c], colsum[c], buf,
                   want_g)


@jit()
def _dot(r1, r2, lo, hi, off):
    """Σ_{q in [lo, hi)} r1[q]·r2[q + off], on slices so the loop vectorises."""
    a, b = r1[lo:hi], r2[lo + off : hi + off]
    acc = 0.0
    for j in range(hi - lo):
        acc += a[j] * b[j]
    return acc


@jit()
def _window_sums(r1, r2, off, b0, nb, dw, wo, out):
    """out[k] = Σ_{q in [(b0+k)·dw, (b0+k)·dw + wo)} r1[q]·r2[q + off], k < nb.

    The windows share a core, summed once; only the short edges differ."""
    core_lo, core_hi = (b0 + nb - 1) * dw, b0 * dw + wo
    if core_lo > core_hi:  # windows barely overlap (tiny input): sum each directly
        for k in range(nb):
            out[k] = _dot(r1, r2, (b0 + k) * dw, (b0 + k) * dw + wo, off)
        return
    core = _dot(r1, r2, core_lo, core_hi, off)
    left = 0.0  # [start, core_lo): grows as the window starts further left
    for k in range(nb - 1, -1, -1):
        if k < nb - 1:
            left += _dot(r1, r2, (b0 + k) * dw, (b0 + k + 1) * dw, off)
        out[k] = core + left
    right = 0.0  # [core_hi, end): grows as the window starts further right
    for k in range(1, nb):
        right += _dot(r1, r2, core_hi + (k - 1) * dw, core_hi + k * dw, off)
        out[k] += right


@jit()
def _offset_block(xp, kh, kw, dh, dw, ho, wo, idx, g):
    """Every entry of g whose taps differ by one offset (c, c2, Δa ≥ 0, Δb).

    Entry ((c, a, b), (c2, a+Δa, b+Δb)) sums the product image
    xp[c, r, s]·xp[c2, r + Δa·dh, s + Δb·dw] over an Ho×Wo rectangle at
    (a·dh, b·dw): window sums along each row, then differences of their
    running sums down the rows.
    """
    nc = xp.shape[0]
    nbs = 2 * kw - 1
    db = idx % nbs - (kw - 1)
    rest = idx // nbs
    da = rest % kh
    rest //= kh
    c2, c = rest % nc, rest // nc
    b0, b1 = max(0, -db), min(kw, kw - db)
    nb = b1 - b0
    nrows = (kh - 1 - da) * dh + ho
    run = np.zeros((nrows + 1, nb))
    win = np.empty(nb)
    for r in range(nrows):
        _window_sums(xp[c, r], xp[c2, r + da * dh], db * dw, b0, nb, dw, wo, win)
        for k in range(nb):
            run[r + 1, k] = run[r, k] + win[k]
    for a in range(kh - da):
        for k in range(nb):
            b = b0 + k
            v = run[a * dh + ho, k] - run[a * dh, k]
            t, u = (c * kh + a) * kw + b, (c2 * kh + a + da) * kw + b + db
            g[t, u] = v
            if da > 0:
                g[u, t] = v


@jit()
def _gram_s1_serial(xp, kh, kw, dh, dw, ho, wo, g):
    for idx in range(xp.shape[0] ** 2 * kh * (2 * kw - 1)):
        _offset_block(xp, kh, kw, dh, dw, ho, wo, idx, g)


@jit(parallel=True)
def _gram_s1_parallel(xp, kh, kw, dh, dw, ho, wo, g):
    """Each offset writes its own entries of g, so the offsets run in parallel."""
    for idx in prange(xp.shape[0] ** 2 * kh * (2 * kw - 1)):
        _offset_block(xp, kh, kw, dh, dw, ho, wo, idx, g)


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
    y = _target(target, ho, wo)
    if _numpy_path.serving():  # the compiled kernels are not loaded yet
        xp = _numpy_path.pad(np.ascontiguousarray(x, dtype=np.float64), sides, padding_mode)
        starts = tap_starts(xp.shape, (kh, kw), d)
        g, xty, colsum = _numpy_gram(xp, starts, s, (ho, wo), y)
    else:
        xp = _pad(_contiguous(x, np.float64), sides, padding_mode)
        starts = tap_starts(xp.shape, (kh, kw), d)
        g, xty, colsum = _compiled_gram(xp, starts, (kh, kw), s, d, (ho, wo), y,
                                        target is not None or bias)
    if bias:
        g = np.block([[g, colsum[:, None]], [colsum[None, :], np.array([[float(ho * wo)]])]])
        xty = np.vstack([xty, y.sum(axis=(1, 2))[None, :]])
    return Gram(g, xty if target is not None else None, ho * wo, (ho, wo))


def _compiled_gram(xp, starts, kernel_hw, s, d, out_hw, y, need_xty: bool):
    (ho, wo), p = out_hw, starts.size
    args = (xp.reshape(-1), starts, s[0] * xp.shape[2], s[1], y)
    if s == (1, 1):  # each entry a rectangle sum of one product image: far less work
        g = _gram_stride1(xp, kernel_hw, d, out_hw)
        xty, colsum = np.zeros((p, y.shape[0])), np.zeros(p)
        if need_xty:
            _, xty, colsum = _accumulate(args, p, y.shape[0], ho,
                                         ho * wo * p * max(y.shape[0], 1), want_g=False)
        return g, xty, colsum
    g, xty, colsum = _accumulate(args, p, y.shape[0], ho, ho * wo * p * p // 2)
    return np.triu(g) + np.triu(g, 1).T, xty, colsum


def _numpy_gram(xp, starts, s, out_hw, y, block_values: int = 4_000_000):
    """The same sums with NumPy while the kernels compile: X is formed a block
    of output rows at a time (at most ``block_values`` entries), so memory stays
    bounded for any image."""
    (ho, wo), p = out_hw, starts.size
    g, xty, colsum = np.zeros((p, p)), np.zeros((p, y.shape[0])), np.zeros(p)
    flat, cols = xp.reshape(-1), np.arange(wo) * s[1]
    step = max(1, block_values // max(wo * p, 1))
    for i0 in range(0, ho, step):
        rows = np.arange(i0, min(i0 + step, ho)) * s[0] * xp.shape[2]
        xb = flat[(rows[:, None] + cols[None, :]).reshape(-1, 1) + starts[None, :]]
        g += xb.T @ xb
        xty += xb.T @ y[:, i0:i0 + len(rows)].reshape(y.shape[0], len(rows) * wo).T
        colsum += xb.sum(axis=0)
    return g, xty, colsum


def _target(target, ho: int, wo: int) -> np.ndarray:
    if target is None:
        return readonly(np.zeros((0, ho, wo)))  # read-only, like a target
    y = np.asarray(target, dtype=np.float64)
    if y.ndim == 2:
        y = y[None]
    if y.ndim != 3 or y.shape[1:] != (ho, wo):
        raise ValueError(f"the target has shape {np.shape(target)} but the output of this "
                         f"geometry is {ho}×{wo}; give (out channels, {ho}, {wo})")
    return _contiguous(y, np.float64)


def _gram_stride1(xp: np.ndarray, kernel_hw, dilation, out_hw) -> np.ndarray:
    (kh, kw), (dh, dw), (ho, wo) = kernel_hw, dilation, out_hw
    p = xp.shape[0] * kh * kw
    g = np.zeros((p, p))
    work = xp.shape[0] ** 2 * kh * (2 * kw - 1) * xp.shape[1] * xp.shape[2]
    with parallel_slot(work) as par:
        (_gram_s1_parallel if par else _gram_s1_serial)(xp, kh, kw, dh, dw, ho, wo, g)
    return g


def _accumulate(args, p: int, cout: int, ho: int, work: int, want_g: bool = True):
    with parallel_slot(work) as par:
        if not par:
            g, xty, colsum = np.zeros((p, p)), np.zeros((p, cout)), np.zeros(p)
            _gram_serial(*args, g, xty, colsum, want_g)
            return g, xty, colsum
        chunks = min(ho, 4 * num_threads())
        g = np.zeros((chunks, p, p) if want_g else (chunks, 1, 1))
        xty, colsum = np.zeros((chunks, p, cout)), np.zeros((chunks, p))
        _gram_parallel(*args, g, xty, colsum, want_g)
        return g.sum(axis=0), xty.sum(axis=0), colsum.sum(axis=0)


def im2col(x, kernel_hw, *, stride=1, padding: Padding = 0, dilation=1,
           padding_mode: str = "zeros") -> np.ndarray:
    """X itself, ``(Ho·Wo, C_in·kh·kw)`` — for small inputs, tests and benchmarks."""
    x = as_image(x)
    kh, kw = pair(kernel_hw, "kernel size")
    s, d = pair(stride, "stride"), pair(dilation, "dilation")
    sides = _sides(x, padding, padding_mode, (kh, kw), s, d)
    ho, wo = checked_output_hw(x.shape[1:], (kh, kw), s, d, sides)
    xp = _pad(_contiguous(x, np.float64), sides, padding_mode)
    starts = tap_starts(xp.shape, (kh, kw), d)
    rows = (np.arange(ho)[:, None] * s[0] * xp.shape[2] + np.arange(wo)[None, :] * s[1])
    return xp.reshape(-1)[rows.reshape(-1, 1) + starts[None, :]]
