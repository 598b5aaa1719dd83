"""Private Numba kernels. Callers validate; these only compute.

Layouts: images ``(C, H, W)``, weights ``(C_out, C_in, kh, kw)``. The output
row is the contiguous inner loop; the input is padded once up front so no hot
loop tests bounds; kernel taps are fused four at a time per pass over a row.
"""

from __future__ import annotations

import numpy as np
from numba import prange

from convlab.core._jit import jit


@jit()
def _row_taps(xrow, wrow, dw, sw, orow):
    """orow[j] += sum_b wrow[b] * xrow[j*sw + b*dw], four taps per pass."""
    n = orow.shape[0]
    kw = wrow.shape[0]
    b = 0
    while b + 4 <= kw:
        w0, w1, w2, w3 = wrow[b], wrow[b + 1], wrow[b + 2], wrow[b + 3]
        s0 = xrow[b * dw :]
        s1 = xrow[(b + 1) * dw :]
        s2 = xrow[(b + 2) * dw :]
        s3 = xrow[(b + 3) * dw :]
        if sw == 1:
            for j in range(n):
                orow[j] += w0 * s0[j] + w1 * s1[j] + w2 * s2[j] + w3 * s3[j]
        else:
            for j in range(n):
                q = j * sw
                orow[j] += w0 * s0[q] + w1 * s1[q] + w2 * s2[q] + w3 * s3[q]
        b += 4
    while b < kw:
        w0 = wrow[b]
        s0 = xrow[b * dw :]
        if sw == 1:
            for j in range(n):
                orow[j] += w0 * s0[j]
        else:
            for j in range(n):
                orow[j] += w0 * s0[j * sw]
        b += 1


@jit()
def _corr_one_row(xp, w, bias, k, sh, sw, dh, dw, out):
    ho = out.shape[1]
    co, i = k // ho, k % ho
    orow = out[co, i]
    orow[:] = bias[co]
    for ci in range(w.shape[1]):
        for a in range(w.shape[2]):
            _row_taps(xp[ci, i * sh + a * dh], w[co, ci, a], dw, sw, orow)


@jit()
def corr_serial(xp, w, bias, sh, sw, dh, dw, out):
    for k in range(out.shape[0] * out.shape[1]):
        _corr_one_row(xp, w, bias, k, sh, sw, dh, dw, out)


@jit(parallel=True)
def corr_parallel(xp, w, bias, sh, sw, dh, dw, out):
    for k in prange(out.shape[0] * out.shape[1]):
        _corr_one_row(xp, w, bias, k, sh, sw, dh, dw, out)


@jit()
def _grad_weight_one(xp, go, sh, sw, dh, dw, k, gw):
    cin, kh, kw = gw.shape[1], gw.shape[2], gw.shape[3]
    co, rest = k // (cin * kh), k % (cin * kh)
    ci, a = rest // kh, rest % kh
    for b in range(kw):
        acc = gw[co, ci, a, b]  # zero-initialised by the caller
        for i in range(go.shape[1]):
            src = xp[ci, i * sh + a * dh, b * dw :]
            grow = go[co, i]
            for j in range(go.shape[2]):
                acc += grow[j] * src[j * sw]
        gw[co, ci, a, b] = acc


@jit()
def grad_weight_serial(xp, go, sh, sw, dh, dw, gw):
    for k in range(gw.shape[0] * gw.shape[1] * gw.shape[2]):
        _grad_weight_one(xp, go, sh, sw, dh, dw, k, gw)


@jit(parallel=True)
def grad_weight_parallel(xp, go, sh, sw, dh, dw, gw):
    for k in prange(gw.shape[0] * gw.shape[1] * gw.shape[2]):
        _grad_weight_one(xp, go, sh, sw, dh, dw, k, gw)


@jit()
def grad_padded_input(go, w, sh, sw, dh, dw, gxp):
    """gxp[ci, i*sh + a*dh, j*sw + b*dw] += go[co, i, j] * w[co, ci, a, b]."""
    for ci in range(w.shape[1]):
        for co in range(w.shape[0]):
            for i in range(go.shape[1]):
                grow = go[co, i]
                for a in range(w.shape[2]):
                    drow = gxp[ci, i * sh + a * dh]
                    for b in range(w.shape[3]):
                        wv = w[co, ci, a, b]
                        dst = drow[b * dw :]
                        for j in range(grow.shape[0]):
                            dst[j * sw] += wv * grow[j]


@jit()
def gather(x, rows, cols, out):
    """out[c, r, q] = x[c, rows[r], cols[q]], or 0 where an index is -1."""
    for c in range(out.shape[0]):
        for r in range(out.shape[1]):
            s = rows[r]
            orow = out[c, r]
            if s < 0:
                orow[:] = 0
                continue
            xrow = x[c, s]
            for q in range(out.shape[2]):
                t = cols[q]
                orow[q] = xrow[t] if t >= 0 else 0


@jit()
def fold(gxp, rows, cols, gx):
    """The adjoint of ``gather``: gx[c, rows[r], cols[q]] += gxp[c, r, q]."""
    for c in range(gxp.shape[0]):
        for r in range(gxp.shape[1]):
            s = rows[r]
            if s < 0:
                continue
            for q in range(gxp.shape[2]):
                t = cols[q]
                if t >= 0:
                    gx[c, s, t] += gxp[c, r, q]


@jit()
def pool(x, kh, kw, sh, sw, top, left, is_max, include_pad, out):
    """Max or average pooling; padded cells never win a max."""
    h, w = x.shape[1], x.shape[2]
    for c in range(out.shape[0]):
        for i in range(out.shape[1]):
            r0 = i * sh - top
            for j in range(out.shape[2]):
                q0 = j * sw - left
                acc = -np.inf if is_max else 0.0
                seen = 0
                for a in range(max(r0, 0), min(r0 + kh, h)):
                    for b in range(max(q0, 0), min(q0 + kw, w)):
                        v = x[c, a, b]
                        seen += 1
                        if not is_max:
                            acc += v
                        elif v > acc or v != v:
                            acc = v
                if is_max:
                    out[c, i, j] = acc
                else:
                    out[c, i, j] = acc / (kh * kw if include_pad else max(seen, 1))
