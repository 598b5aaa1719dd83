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
def _taps(src, starts, off, sw, wrow, orow):
    """orow[j] += sum_t wrow[t] * src[starts[t] + off + j*sw], four taps a pass."""
    n, ntaps = orow.shape[0], starts.shape[0]
    t = 0
    while t + 8 <= ntaps:  # eight taps per pass: fewer loads and stores of orow
        w0, w1, w2, w3 = wrow[t], wrow[t + 1], wrow[t + 2], wrow[t + 3]
        w4, w5, w6, w7 = wrow[t + 4], wrow[t + 5], wrow[t + 6], wrow[t + 7]
        s0, s1 = src[starts[t] + off :], src[starts[t + 1] + off :]
        s2, s3 = src[starts[t + 2] + off :], src[starts[t + 3] + off :]
        s4, s5 = src[starts[t + 4] + off :], src[starts[t + 5] + off :]
        s6, s7 = src[starts[t + 6] + off :], src[starts[t + 7] + off :]
        if sw == 1:
            for j in range(n):
                orow[j] += (w0 * s0[j] + w1 * s1[j] + w2 * s2[j] + w3 * s3[j]
                            + w4 * s4[j] + w5 * s5[j] + w6 * s6[j] + w7 * s7[j])
        else:
            for j in range(n):
                q = j * sw
                orow[j] += (w0 * s0[q] + w1 * s1[q] + w2 * s2[q] + w3 * s3[q]
                            + w4 * s4[q] + w5 * s5[q] + w6 * s6[q] + w7 * s7[q])
        t += 8
    while t + 4 <= ntaps:
        w0, w1, w2, w3 = wrow[t], wrow[t + 1], wrow[t + 2], wrow[t + 3]
        s0 = src[starts[t] + off :]
        s1 = src[starts[t + 1] + off :]
        s2 = src[starts[t + 2] + off :]
        s3 = src[starts[t + 3] + off :]
        if sw == 1:
            for j in range(n):
                orow[j] += w0 * s0[j] + w1 * s1[j] + w2 * s2[j] + w3 * s3[j]
        else:
            for j in range(n):
                q = j * sw
                orow[j] += w0 * s0[q] + w1 * s1[q] + w2 * s2[q] + w3 * s3[q]
        t += 4
    while t < ntaps:
        w0, s0 = wrow[t], src[starts[t] + off :]
        if sw == 1:
            for j in range(n):
                orow[j] += w0 * s0[j]
        else:
            for j in range(n):
                orow[j] += w0 * s0[j * sw]
        t += 1


@jit()
def _taps_4co(src, starts, off, sw, w, co, o0, o1, o2, o3):
    """Output rows of channels co..co+3 at once: each input value loaded feeds
    four channels (register blocking over output channels), four taps a pass."""
    n, ntaps = o0.shape[0], starts.shape[0]
    z = np.zeros(1, dtype=w.dtype)[0]  # not w * 0: int 0 would make it float64
    t = 0
    while t < ntaps:
        m = min(4, ntaps - t)
        # Missing taps of a last, short group repeat tap t with weight 0.
        ta = t
        tb = t + 1 if m > 1 else t
        tc = t + 2 if m > 2 else t
        td = t + 3 if m > 3 else t
        a0, b0 = w[co, ta], w[co, tb] if m > 1 else z
        c0, d0 = w[co, tc] if m > 2 else z, w[co, td] if m > 3 else z
        a1, b1 = w[co + 1, ta], w[co + 1, tb] if m > 1 else z
        c1, d1 = w[co + 1, tc] if m > 2 else z, w[co + 1, td] if m > 3 else z
        a2, b2 = w[co + 2, ta], w[co + 2, tb] if m > 1 else z
        c2, d2 = w[co + 2, tc] if m > 2 else z, w[co + 2, td] if m > 3 else z
        a3, b3 = w[co + 3, ta], w[co + 3, tb] if m > 1 else z
        c3, d3 = w[co + 3, tc] if m > 2 else z, w[co + 3, td] if m > 3 else z
        s0, s1 = src[starts[ta] + off :], src[starts[tb] + off :]
        s2, s3 = src[starts[tc] + off :], src[starts[td] + off :]
        if sw == 1:
            for j in range(n):
                v0, v1, v2, v3 = s0[j], s1[j], s2[j], s3[j]
                o0[j] += a0 * v0 + b0 * v1 + c0 * v2 + d0 * v3
                o1[j] += a1 * v0 + b1 * v1 + c1 * v2 + d1 * v3
                o2[j] += a2 * v0 + b2 * v1 + c2 * v2 + d2 * v3
                o3[j] += a3 * v0 + b3 * v1 + c3 * v2 + d3 * v3
        else:
            for j in range(n):
                q = j * sw
                v0, v1, v2, v3 = s0[q], s1[q], s2[q], s3[q]
                o0[j] += a0 * v0 + b0 * v1 + c0 * v2 + d0 * v3
                o1[j] += a1 * v0 + b1 * v1 + c1 * v2 + d1 * v3
                o2[j] += a2 * v0 + b2 * v1 + c2 * v2 + d2 * v3
                o3[j] += a3 * v0 + b3 * v1 + c3 * v2 + d3 * v3
        t += 4


@jit()
def _corr_row(xflat, starts, row_step, sw, w, bias, i, out):
    """Output row ``i`` of every output channel.

    ``starts[t]`` is where tap t = (ci, a, b) reads in the flattened padded
    input for output row 0; row i reads ``i * row_step`` further on. With a
    stride and several output channels the row's taps are gathered once into
    a contiguous buffer (one row of im2col) that every channel then reuses.
    """
    cout, ntaps, wo = out.shape[0], starts.shape[0], out.shape[2]
    off = i * row_step
    src, st, step, o = xflat, starts, sw, off
    if sw > 1 and cout > 1:
        src = np.empty(ntaps * wo, dtype=xflat.dtype)
        for t in range(ntaps):
            s = xflat[starts[t] + off :]
            for j in range(wo):
                src[t * wo + j] = s[j * sw]
        st, step, o = np.arange(ntaps) * wo, 1, 0
    for co in range(cout):
        out[co, i, :] = bias[co]
    co = 0
    while co + 4 <= cout:
        _taps_4co(src, st, o, step, w, co, out[co, i], out[co + 1, i], out[co + 2, i],
                  out[co + 3, i])
        co += 4
    while co < cout:
        _taps(src, st, o, step, w[co], out[co, i])
        co += 1


@jit()
def corr_serial(xflat, starts, row_step, sw, w, bias, out):
    for i in range(out.shape[1]):
        _corr_row(xflat, starts, row_step, sw, w, bias, i, out)


@jit(parallel=True)
def corr_parallel(xflat, starts, row_step, sw, w, bias, out):
    for i in prange(out.shape[1]):
        _corr_row(xflat, starts, row_step, sw, w, bias, i, out)


@jit()
def _grad_weight_rows(xflat, starts, row_step, sw, go, r0, r1, gw):
    """gw[co, t] += sum over rows r0..r1 of go[co, i, :] · x[tap t, row i].

    Four taps share each pass over the gradient row.
    """
    ntaps, wo = starts.shape[0], go.shape[2]
    zero = np.zeros(1, dtype=gw.dtype)[0]  # float32 sums stay float32
    for i in range(r0, r1):
        off = i * row_step
        for co in range(go.shape[0]):
            grow = go[co, i]
            t = 0
            while t + 4 <= ntaps:
                s0, s1 = xflat[starts[t] + off :], xflat[starts[t + 1] + off :]
                s2, s3 = xflat[starts[t + 2] + off :], xflat[starts[t + 3] + off :]
                a0 = a1 = a2 = a3 = zero
                if sw == 1:  # contiguous: vectorised
                    for j in range(wo):
                        g = grow[j]
                        a0 += g * s0[j]
                        a1 += g * s1[j]
                        a2 += g * s2[j]
                        a3 += g * s3[j]
                else:
                    for j in range(wo):
                        g, q = grow[j], j * sw
                        a0 += g * s0[q]
                        a1 += g * s1[q]
                        a2 += g * s2[q]
                        a3 += g * s3[q]
                gw[co, t] += a0
                gw[co, t + 1] += a1
                gw[co, t + 2] += a2
                gw[co, t + 3] += a3
                t += 4
            while t < ntaps:
                s = xflat[starts[t] + off :]
                acc = zero
                if sw == 1:
                    for j in range(wo):
                        acc += grow[j] * s[j]
                else:
                    for j in range(wo):
                        acc += grow[j] * s[j * sw]
                gw[co, t] += acc
                t += 1


@jit()
def grad_weight_serial(xflat, starts, row_step, sw, go, gw):
    _grad_weight_rows(xflat, starts, row_step, sw, go, 0, go.shape[1], gw)


@jit(parallel=True)
def grad_weight_parallel(xflat, starts, row_step, sw, go, partial):
    """Each chunk of output rows sums into its own ``partial[k]``."""
    chunks, ho = partial.shape[0], go.shape[1]
    for k in prange(chunks):
        r0, r1 = k * ho // chunks, (k + 1) * ho // chunks
        _grad_weight_rows(xflat, starts, row_step, sw, go, r0, r1, partial[k])


@jit()
def grad_padded_input(go, w, starts, row_step, sw, gflat):
    """gflat[starts[t] + i*row_step + j*sw] += go[co, i, j] * w[co, t]."""
    for co in range(go.shape[0]):
        for i in range(go.shape[1]):
            grow, off = go[co, i], i * row_step
            for t in range(starts.shape[0]):
                wv, dst = w[co, t], gflat[starts[t] + off :]
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



# The channel-heavy path: im2col + a GEMM-shaped kernel, all in Numba.
# Convolution with many output channels is the matrix product
# W (C_out × taps) · cols (taps × pixels). The pixels are cut into chunks of
# about CHUNK_PIXELS; a chunk's cols (taps × n, contiguous rows, built by
# `_im2col`) stays in L2, and eight of its rows (8 × n values) in L1 while
# every output channel's row makes one vectorised pass over them (`_taps`:
# eight FMAs per eight loads and one load/store of the output row). Taps are
# padded to a multiple of four (zero weights) so no pass runs on a single tap.
# numpy's matmul (OpenBLAS) was the first choice, but OpenBLAS parallelises
# each call with its own thread pool, which spins beside numba's and, with a
# busy second core, made c4 take 60 ms instead of 0.7 ms; here every thread is
# numba's, the chunks are the unit of parallel work, and `parallel_slot`
# chooses serial or parallel.


@jit()
def _im2col(xflat, starts, row_step, sw, wo, p0, n, cols, cstarts):
    """cols[t, q] = input of tap t at output pixel p0 + q (q < n)."""
    for t in range(starts.shape[0]):
        d = cols[cstarts[t] : cstarts[t] + n]
        q = 0
        while q < n:
            i, j = divmod(p0 + q, wo)
            m = min(wo - j, n - q)
            s = xflat[starts[t] + i * row_step + j * sw :]
            if sw == 1:
                d[q : q + m] = s[:m]
            else:
                for k in range(m):
                    d[q + k] = s[k * sw]
            q += m


@jit()
def _gemm_chunk(xflat, starts, row_step, sw, wo, w, bias, out2, p0, n, cols):
    ntaps = starts.shape[0]
    cstarts = np.arange(ntaps) * n
    _im2col(xflat, starts, row_step, sw, wo, p0, n, cols, cstarts)
    for co in range(out2.shape[0]):
        out2[co, p0 : p0 + n] = bias[co]
    for t in range(0, ntaps, 8):  # eight tap rows stay in L1 for every channel
        te = min(t + 8, ntaps)
        for co in range(out2.shape[0]):
            _taps(cols, cstarts[t:te], 0, 1, w[co, t:te], out2[co, p0 : p0 + n])


@jit()
def gemm_serial(xflat, starts, row_step, sw, wo, w, bias, out2, chunk):
    npix = out2.shape[1]
    cols = np.empty(starts.shape[0] * chunk, dtype=out2.dtype)
    for p0 in range(0, npix, chunk):
        n = min(chunk, npix - p0)
        _gemm_chunk(xflat, starts, row_step, sw, wo, w, bias, out2, p0, n, cols)


@jit(parallel=True)
def gemm_parallel(xflat, starts, row_step, sw, wo, w, bias, out2, chunk, nth):
    npix = out2.shape[1]
    nchunks = (npix + chunk - 1) // chunk
    for k in prange(nth):  # thread k takes chunks k, k + nth, ...: one buffer each
        cols = np.empty(starts.shape[0] * chunk, dtype=out2.dtype)
        for c in range(k, nchunks, nth):
            p0 = c * chunk
            n = min(chunk, npix - p0)
            _gemm_chunk(xflat, starts, row_step, sw, wo, w, bias, out2, p0, n, cols)


@jit()
def _gw_chunk(xflat, starts, row_step, sw, wo, go2, p0, n, cols, gw):
    """gw[co, t] += go2[co, p0:p0+n] · cols[t]; four taps share each pass."""
    ntaps = starts.shape[0]
    cstarts = np.arange(ntaps) * n
    _im2col(xflat, starts, row_step, sw, wo, p0, n, cols, cstarts)
    zero = np.zeros(1, dtype=gw.dtype)[0]  # float32 sums stay float32
    for t in range(0, ntaps, 4):  # taps are padded to a multiple of four
        s0, s1 = cols[cstarts[t] :], cols[cstarts[t + 1] :]  # these four rows stay
        s2, s3 = cols[cstarts[t + 2] :], cols[cstarts[t + 3] :]  # in L1 for every co
        for co in range(go2.shape[0]):
            g = go2[co, p0 : p0 + n]
            a0 = a1 = a2 = a3 = zero
            for j in range(n):
                v = g[j]
                a0 += v * s0[j]
                a1 += v * s1[j]
                a2 += v * s2[j]
                a3 += v * s3[j]
            gw[co, t] += a0
            gw[co, t + 1] += a1
            gw[co, t + 2] += a2
            gw[co, t + 3] += a3


@jit()
def gemm_grad_weight_serial(xflat, starts, row_step, sw, wo, go2, chunk, gw):
    npix = go2.shape[1]
    cols = np.empty(starts.shape[0] * chunk, dtype=go2.dtype)
    for p0 in range(0, npix, chunk):
        n = min(chunk, npix - p0)
        _gw_chunk(xflat, starts, row_step, sw, wo, go2, p0, n, cols, gw)


@jit(parallel=True)
def gemm_grad_weight_parallel(xflat, starts, row_step, sw, wo, go2, chunk, partial):
    """Thread k sums its chunks k, k + nth, ... into ``partial[k]``."""
    npix, nth = go2.shape[1], partial.shape[0]
    nchunks = (npix + chunk - 1) // chunk
    for k in prange(nth):
        cols = np.empty(starts.shape[0] * chunk, dtype=go2.dtype)
        for c in range(k, nchunks, nth):
            p0 = c * chunk
            _gw_chunk(xflat, starts, row_step, sw, wo, go2, p0, min(chunk, npix - p0),
                      cols, partial[k])
