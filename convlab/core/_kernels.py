"""Private Numba kernels. Callers validate; these only compute.

Layouts: images ``(C, H, W)``, weights ``(C_out, C_in, kh, kw)``. The output
row is the contiguous inner loop; the input is padded once up front so no hot
loop tests bounds; kernel taps are fused four at a time per pass over a row.
"""

from __future__ import annotations

import numpy as np
from numba import prange

from convlab.core._jit import jit, wide_vectors


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


# --- Register-blocked micro-kernels (issue 14) ----------------------------------
# The passes above load and store an output row every four to eight FMAs, so
# they run at the speed of L1 traffic, not of the FMA units (about 33 GFLOP/s
# of a core's 2 × 8-lane FMA peak). A micro-kernel instead keeps a tile of
# accumulators in registers across *all* taps and writes it once:
#
#   forward:  C output channels × V vectors of output columns (4 × 2 ymm = 16
#             float32 columns; 4 × 4 zmm = 64 with AVX-512): per tap, V vector
#             loads of the input row and C broadcasts of packed weights feed
#             C·V FMAs (6 loads : 8 FMAs; 8 : 16).
#   gradient: C output channels × T taps (4 × 3; 4 × 6 with AVX-512), each a
#             vector over output columns: per column vector, C loads of the
#             gradient and T of the input feed C·T FMAs (7 loads : 12 FMAs;
#             10 : 24); the accumulators are loaded from and stored back
#             to memory once per chunk of rows, and summed across lanes once.
#
# Numba's LLVM pipeline cannot be made to produce this from Python loops: the
# loop vectoriser only vectorises innermost loops (here the tap loop, which it
# turns into a reassociated gather-reduction), and the SLP vectoriser, which
# could pack scalar lanes, is off (NUMBA_SLP_VECTORIZE=0). So the tiles are
# written as LLVM IR with explicit <8 x float> (<4 x double>) vectors, or
# <16 x float> with AVX-512, through ``numba.extending.intrinsic``; the
# accumulators are allocas that LLVM's mem2reg turns into registers (checked
# with ``inspect_asm``: the hot loop is vbroadcastss/vmovups + vfmadd231ps,
# no spills). Columns must be
# contiguous, so a column stride is first split into phases
# (``phase_columns`` in conv.py): tap (ci, a, b) then reads phase (b·dw) mod sw
# at offset (b·dw) div sw, one contiguous run per output row. Ragged edges
# reuse full tiles that overlap the previous one: the forward simply rewrites
# the same values; the gradient masks the overlapping lanes of its last
# vector and adds only the channel/tap rows it has not counted yet.

from llvmlite import ir as _ir  # noqa: E402
from numba import types as _types  # noqa: E402
from numba.core import cgutils as _cg  # noqa: E402
from numba.extending import intrinsic as _intrinsic  # noqa: E402

_I32, _I64 = _ir.IntType(32), _ir.IntType(64)
# Vector width and tile sizes follow the instruction set numba compiles for.
# With AVX-512 there are 32 registers of 64 bytes (16 float32 lanes), not 16 of
# 32: the forward tile doubles its column vectors (4 channels × 4 vectors, 16
# accumulators) and the gradient tile its taps (4 × 6, 24 accumulators), so
# each vector loaded feeds more FMAs. On the Ice Lake build machine one core
# ran 105 GFLOP/s of FMAs in ymm registers and 155-160 in zmm (a C loop of 12
# independent chains), and torch's oneDNN uses zmm there: with the AVX2 tiles
# c7 ran at 0.80-0.84× torch's speed and c7w at 0.74-0.82×. Serial c7 went from
# 2.0-3.6 to 1.3-1.6 ms, c7w from 3.3-4.3 to 2.1-2.8 ms (README, Speed).
REG_BYTES = 64 if wide_vectors() else 32  # one zmm or ymm register
MK_CO, MK_VEC = 4, (4 if REG_BYTES == 64 else 2)  # forward tile: channels × column vectors
GW_CO, GW_TAPS = 4, (6 if REG_BYTES == 64 else 3)  # gradient tile: channels × taps
# Output pixels per gradient chunk. AVX2 (AMD EPYC): 512 → 4096 cut c7w by ~15%
# (then with lane sums after every chunk). AVX-512 (Ice Lake): 1024 kept each
# tile's rows in L1: c4w's tiles took 109-149 µs against 126-160 at 4096
# (paired, 41 runs each, twice); c7w moved either way (1.02-1.10 ms against
# 0.93-1.18). 256 and 512 were no faster, nor was taking the tiles taps first.
GW_PIXELS = 1024 if REG_BYTES == 64 else 4096
# The gradient tiles keep their sums lane by lane from chunk to chunk: each tile
# starts by loading its accumulators from memory and ends by storing them, 24
# vector loads and stores in place of a tree of shuffles across lanes and 24
# scalar adds into gw after every chunk. Paired against the per-chunk lane sums
# (seventh session, Ice Lake): parallel c4w and c7w 0.89-0.94× the time, serial
# 0.95-0.99×. (An earlier try stored the lanes to a scratch vector and added it
# into the sums with numpy slices after every tile, which was 15-20% slower.)
# Terms a lane sums in the input's type before its sum is added into float64
# (after whole chunks). One float32 run over a whole 1024 × 1000 image (about
# 64,000 terms a lane; 6 taps, 4 channels, normal data) put the worst weight's
# error at 1.0e-4 of its value and the median at 2.6e-9 of Σ|go·x|; runs of
# 1,024 terms at 1.6e-5 and 4.6e-10, near the per-chunk lane sums' 5e-6 and
# 3.1e-10 (those measured by a review on the code before).
GW_FOLD_TERMS = 1024


def lanes(dtype) -> int:
    return REG_BYTES // np.dtype(dtype).itemsize


class _IR:
    """Small helpers around an IRBuilder for one vector type."""

    def __init__(self, context, builder, fty):
        self.b, self.ctx = builder, context
        bits = 32 if isinstance(fty, _ir.FloatType) else 64
        self.w = REG_BYTES * 8 // bits
        self.vty = _ir.VectorType(fty, self.w)
        name = f"llvm.fma.v{self.w}f{bits}"
        self.fma = _cg.get_or_insert_function(
            builder.module, _ir.FunctionType(self.vty, [self.vty] * 3), name)

    def data(self, aty, a):
        return self.ctx.make_array(aty)(self.ctx, self.b, a).data

    def length(self, aty, a):
        return self.b.extract_value(self.ctx.make_array(aty)(self.ctx, self.b, a).shape, 0)

    def i(self, n):
        return _ir.Constant(_I64, n)

    def add(self, *vals):
        r = vals[0]
        for v in vals[1:]:
            r = self.b.add(r, v if isinstance(v, _ir.Value) else self.i(v))
        return r

    def vload(self, data, idx):
        p = self.b.bitcast(self.b.gep(data, [idx]), self.vty.as_pointer())
        return self.b.load(p, align=1)

    def vstore(self, val, data, idx):
        p = self.b.bitcast(self.b.gep(data, [idx]), self.vty.as_pointer())
        self.b.store(val, p, align=1)

    def splat(self, s, vty=None):
        undef = _ir.Constant(vty or self.vty, _ir.Undefined)
        v = self.b.insert_element(undef, s, _ir.Constant(_I32, 0))
        mask = _ir.Constant(_ir.VectorType(_I32, self.w), [0] * self.w)
        return self.b.shuffle_vector(v, undef, mask)

    def accumulators(self, n, init):
        accs = [_cg.alloca_once(self.b, self.vty) for _ in range(n)]
        for a, v in zip(accs, init):
            self.b.store(v, a)
        return accs

    def fma_into(self, acc, a, b):
        self.b.store(self.b.call(self.fma, [a, b, self.b.load(acc)]), acc)

    def evens_odds(self, a, b):
        """The even and the odd lanes of the vectors a, b read as one run."""
        return [self.b.shuffle_vector(a, b, _ir.Constant(_ir.VectorType(_I32, self.w),
                                                         list(range(p, 2 * self.w, 2))))
                for p in (0, 1)]

    def vectors(self, n, body):
        """body(j) for j = 0, w, 2w, ... while a whole vector fits in n, then
        once for j = n - w when n is not a whole number of vectors (the last
        vector overlaps the one before: its stores repeat values already
        stored); n must be at least a vector."""
        nvec = self.b.udiv(n, self.i(self.w))
        with _cg.for_range(self.b, nvec) as loop:
            body(self.b.mul(loop.index, self.i(self.w)))
        with self.b.if_then(self.b.icmp_signed("!=", self.b.mul(nvec, self.i(self.w)), n)):
            body(self.b.sub(n, self.i(self.w)))

    def store_tile(self, acc, rows, nvec, data, off, stride):
        """Accumulator r·nvec + v to data[off + r·stride + v·lanes]."""
        for r in range(rows):
            row = self.b.add(off, self.b.mul(stride, self.i(r)))
            for v in range(nvec):
                self.vstore(self.b.load(acc[r * nvec + v]), data, self.add(row, v * self.w))


def _fwd_tile_of(n_co: int, n_vec: int):
    """The forward tile intrinsic for ``n_co`` output channels × ``n_vec``
    column vectors (the packed weights keep MK_CO per tap whatever n_co)."""

    @_intrinsic
    def tile(typingctx, x, xoff, starts, wp, woff, bias, co0, out, ooff, ostride):
        sig = _types.void(x, xoff, starts, wp, woff, bias, co0, out, ooff, ostride)

        def codegen(context, builder, signature, args):
            x_, xoff_, st_, wp_, woff_, b_, co0_, out_, ooff_, os_ = args
            m = _IR(context, builder, context.get_value_type(x.dtype))
            xd, sd, wd = m.data(x, x_), m.data(starts, st_), m.data(wp, wp_)
            bd, od = m.data(bias, b_), m.data(out, out_)
            init = [m.splat(builder.load(builder.gep(bd, [m.add(co0_, c)])))
                    for c in range(n_co) for _ in range(n_vec)]
            acc = m.accumulators(n_co * n_vec, init)
            with _cg.for_range(builder, m.length(starts, st_)) as loop:
                base = m.add(builder.load(builder.gep(sd, [loop.index])), xoff_)
                xv = [m.vload(xd, m.add(base, v * m.w)) for v in range(n_vec)]
                wbase = m.add(woff_, builder.mul(loop.index, m.i(MK_CO)))
                for c in range(n_co):
                    wv = m.splat(builder.load(builder.gep(wd, [m.add(wbase, c)])))
                    for v in range(n_vec):
                        m.fma_into(acc[c * n_vec + v], wv, xv[v])
            m.store_tile(acc, n_co, n_vec, od, ooff_, os_)
            return context.get_dummy_value()

        return sig, codegen

    return tile


# out[co0 + c, j0 + q] = bias + sum_t wp[woff + t·MK_CO + c] · x[starts[t] + xoff + q]
# for c < MK_CO, q < MK_VEC·lanes; ``ooff`` is where out[co0, j0] lives in the
# flat output and ``ostride`` the distance between two channels.
_fwd_tile = _fwd_tile_of(MK_CO, MK_VEC)
# Three and two output channels get tiles of their own, as many accumulators
# (9 and 8 ymm) with no zero channel: 3 loads + 3 broadcasts feed 9 FMAs, and
# 4 loads + 2 broadcasts feed 8. With AVX-512 three channels take 4 vectors
# (12 zmm accumulators, the forward tile's 64 columns): paired in one process
# against 3 vectors (21 alternating blocks, twice, Ice Lake, tenth session),
# two threads took 0.91× the time for 3→3 5×5 at 1024² (c3), 0.89× for 3×3
# at 512², 0.78-0.81× at 256²; 8 vectors (24 accumulators) took 1.07× and
# 2 channels × 6 vectors 1.01-1.52×, so two channels keep 4.
FEW3_VEC, FEW2_VEC = (4 if REG_BYTES == 64 else 3), 4
_fwd_tile_3 = _fwd_tile_of(3, FEW3_VEC)
_fwd_tile_2 = _fwd_tile_of(2, FEW2_VEC)


def _gw_tile_of(n_taps: int):
    """The gradient tile intrinsic for GW_CO output channels × ``n_taps`` taps."""

    @_intrinsic
    def tile(typingctx, x, starts, t0, row_step, go, goff, ostride, wo, i0, i1, sums,
             soff):
        """The vector sums[soff + (c·T + k)·lanes :][:lanes] += lane-wise sums
        over rows i0..i1 and columns j of
        go[goff + c·ostride + i·wo + j] · x[starts[t0 + k] + i·row_step + j]
        for c < GW_CO, k < n_taps (wo ≥ lanes: the last vector overlaps the one
        before it and its already-counted lanes are masked to zero)."""
        sig = _types.void(x, starts, t0, row_step, go, goff, ostride, wo, i0, i1, sums,
                          soff)

        def codegen(context, builder, signature, args):
            x_, st_, t0_, rs_, go_, goff_, os_, wo_, i0_, i1_, sums_, soff_ = args
            m = _IR(context, builder, context.get_value_type(x.dtype))
            xd, sd, gd = m.data(x, x_), m.data(starts, st_), m.data(go, go_)
            sumd = m.data(sums, sums_)
            zero = _ir.Constant(m.vty, None)
            acc = m.accumulators(GW_CO * n_taps, [m.vload(sumd, m.add(soff_, n * m.w))
                                                  for n in range(GW_CO * n_taps)])
            tap = [builder.load(builder.gep(sd, [m.add(t0_, k)])) for k in range(n_taps)]
            gch = [m.add(goff_, builder.mul(os_, m.i(c))) for c in range(GW_CO)]
            nvec = builder.udiv(wo_, m.i(m.w))
            tail = builder.sub(wo_, m.i(m.w))  # the overlapping last vector's column
            # lanes q < (nvec + 1)·w - wo of the last vector were counted already
            seen = builder.sub(builder.mul(builder.add(nvec, m.i(1)), m.i(m.w)), wo_)
            ity = _ir.VectorType(_I64, m.w)
            lane = _ir.Constant(ity, list(range(m.w)))
            keep = builder.icmp_signed(">=", lane, m.splat(seen, ity))
            has_tail = builder.icmp_signed("!=", builder.mul(nvec, m.i(m.w)), wo_)

            def step(xrow, grow, j, mask):
                xv = [m.vload(xd, builder.add(r, j)) for r in xrow]
                for c in range(GW_CO):
                    gv = m.vload(gd, builder.add(grow[c], j))
                    for k in range(n_taps):
                        a = acc[c * n_taps + k]
                        if mask is None:
                            m.fma_into(a, gv, xv[k])
                        else:  # the product masked, not a factor: 0 · inf is NaN
                            p = builder.select(mask, builder.fmul(gv, xv[k]), zero)
                            builder.store(builder.fadd(builder.load(a), p), a)

            with _cg.for_range_slice(builder, i0_, i1_, m.i(1)) as (i, _):
                xrow = [builder.add(s, builder.mul(i, rs_)) for s in tap]
                grow = [builder.add(g, builder.mul(i, wo_)) for g in gch]
                with _cg.for_range(builder, nvec) as jl:
                    step(xrow, grow, builder.mul(jl.index, m.i(m.w)), None)
                with builder.if_then(has_tail):
                    step(xrow, grow, tail, keep)
            for n, a in enumerate(acc):
                m.vstore(builder.load(a), sumd, m.add(soff_, n * m.w))
            return context.get_dummy_value()

        return sig, codegen

    return tile


# The last block of taps, when only 1-3 are left, takes a 3-tap tile rather
# than overlapping a whole one: a 3×3 kernel has 9·C_in taps, and with 6-tap
# tiles c4w's 27 would compute 30. Winograd's gradient takes the input
# channels as taps, and a last 4 or 5 of them take tiles of as many (``exact``
# in ``_gw_block``): c7w's 16 computed 18 before, 12.5% more products. The
# micro-kernels, whose taps are 9·C_in for a 3×3 kernel, do without those
# two tiles: compiled into every gradient kernel, the two together added
# about 15 s to the one-time compile (one run each).
_gw_tile = _gw_tile_of(GW_TAPS)
_gw_tile_3 = _gw_tile if GW_TAPS == 3 else _gw_tile_of(3)
_gw_tile_4 = _gw_tile_3 if GW_TAPS == 3 else _gw_tile_of(4)  # (AVX2 never uses them)
_gw_tile_5 = _gw_tile_3 if GW_TAPS == 3 else _gw_tile_of(5)


@jit()
def _gw_tile_n(nt, x, starts, t0, row_step, go, goff, ostride, wo, i0, i1, sums, soff):
    """The gradient tile of ``nt`` taps (``_gw_block`` with ``exact``)."""
    args = (x, starts, t0, row_step, go, goff, ostride, wo, i0, i1, sums, soff)
    if nt == GW_TAPS:
        _gw_tile(*args)
    elif nt == 5:
        _gw_tile_5(*args)
    elif nt == 4:
        _gw_tile_4(*args)
    else:
        _gw_tile_3(*args)


@jit()
def _mk_rows(xflat, starts, row_step, wp, bias, out, i0, i1):
    """Output rows i0..i1 of every channel by forward tiles; ``wp`` holds the
    weights of channel block b as [b][tap][c] (the last block ends at C_out)."""
    cout, ho, wo = out.shape
    of, ostride, ntaps = out.reshape(-1), ho * wo, starts.shape[0]
    width = MK_VEC * (REG_BYTES // of.itemsize)
    if wo < width:  # a tile would write outside ``out``
        raise ValueError("the forward micro-kernel needs a whole tile")
    if cout < MK_CO:
        _mk_rows_few(xflat, starts, row_step, wp, bias, out, i0, i1, width)
        return
    for i in range(i0, i1):
        _mk_row(xflat, i * row_step, starts, wp, bias, out, i)


@jit()
def _mk_row(xflat, xrow, starts, wp, bias, out, i):
    """Output row i of every channel (C_out ≥ MK_CO), its input at
    xflat[xrow + starts[t] + j]."""
    cout, ho, wo = out.shape
    of, ostride, ntaps = out.reshape(-1), ho * wo, starts.shape[0]
    width = MK_VEC * (REG_BYTES // of.itemsize)
    for b in range((cout + MK_CO - 1) // MK_CO):
        co0 = min(b * MK_CO, cout - MK_CO)
        for j0 in range(0, wo, width):
            j = min(j0, wo - width)  # a ragged last tile overlaps the one before
            _fwd_tile(xflat, xrow + j, starts, wp, b * ntaps * MK_CO, bias, co0, of,
                      co0 * ostride + i * wo + j, ostride)


@jit()
def _mk_rows_few(xflat, starts, row_step, wp, bias, out, i0, i1, width):
    """``_mk_rows`` for fewer than MK_CO output channels; ``wp`` and ``bias``
    are padded with zero channels to one block. Three or two channels use
    their own tiles when the rows are wide enough for them; otherwise (and
    for one channel) a whole MK_CO tile is computed into a small buffer (in
    L1) and its real channels copied out. ``out`` keeps its size either way."""
    cout, ho, wo = out.shape
    of, ostride = out.reshape(-1), ho * wo
    lanes = REG_BYTES // of.itemsize
    wf = (FEW3_VEC if cout == 3 else FEW2_VEC) * lanes  # the channels' own tile
    if cout >= 2 and wo >= wf:
        for i in range(i0, i1):
            for j0 in range(0, wo, wf):
                j = min(j0, wo - wf)
                o = i * wo + j
                if cout == 3:
                    _fwd_tile_3(xflat, i * row_step + j, starts, wp, 0, bias, 0, of, o, ostride)
                else:
                    _fwd_tile_2(xflat, i * row_step + j, starts, wp, 0, bias, 0, of, o, ostride)
        return
    tile = np.empty(MK_CO * width, dtype=out.dtype)
    for i in range(i0, i1):
        for j0 in range(0, wo, width):
            j = min(j0, wo - width)
            _fwd_tile(xflat, i * row_step + j, starts, wp, 0, bias, 0, tile, 0, width)
            for c in range(cout):
                o, t = out[c, i, j : j + width], tile[c * width : (c + 1) * width]
                for q in range(width):
                    o[q] = t[q]


@jit()
def pack_micro_weights(w2, wp):
    """wp[b, t, c] = w2[co0_b + c, t]: block b of MK_CO output channels (the
    last block ends at C_out, overlapping the one before), one tap's MK_CO
    weights adjacent, as the forward tile reads them."""
    cout = w2.shape[0]
    for b in range(wp.shape[0]):
        co0 = min(b * MK_CO, cout - MK_CO)
        for t in range(w2.shape[1]):
            for c in range(MK_CO):
                wp[b, t, c] = w2[co0 + c, t]


@jit()
def micro_serial(xflat, starts, row_step, wp, bias, out):
    _mk_rows(xflat, starts, row_step, wp, bias, out, 0, out.shape[1])


@jit(parallel=True)
def micro_parallel(xflat, starts, row_step, wp, bias, out, nth):
    ho = out.shape[1]
    for k in prange(nth):
        _mk_rows(xflat, starts, row_step, wp, bias, out, k * ho // nth, (k + 1) * ho // nth)


@jit()
def _gw_micro_rows(xflat, starts, row_step, go, i0, i1, gw):
    """``_gw_rows`` on the padded (and, with a column stride, phase-split)
    input ``xflat``, in chunks of about GW_PIXELS output pixels."""
    none = np.empty((0, 0, 0), dtype=go.dtype)
    rows = max(1, GW_PIXELS // go.shape[2])
    _gw_rows(xflat, starts, row_step, go, i0, i1, gw, rows, none, 0, 0, 0, none)


@jit()
def _gw_rows(xflat, starts, row_step, go, i0, i1, gw, rows, x, top, left, sw, buf):
    """gw[co, t] += the gradient over output rows i0..i1, a chunk of
    ``rows`` rows at a time (so each tile's gradient and input rows stay in
    cache); the column gw[co, taps] after the taps gets the bias gradient,
    the sum of go[co], taken while those rows are in cache (numpy's sum would
    read go once more). Each tile keeps its sums lane by lane in ``sums``
    between chunks; after about GW_FOLD_TERMS terms a lane, and at the end,
    they are summed across lanes into float64 (``_gw_fold``).

    With sw = 0 (no strips) the input is ``xflat``, padded and, with a
    column stride, phase-split (``x`` and ``buf`` are then unused); with
    sw > 0 (strips, the column stride) it is the unpadded ``x``: each
    chunk is first padded and split into the strip ``buf`` (``_fill_strip``),
    ``xflat`` is ``buf`` flattened and ``starts`` is for its layout."""
    cout, ho, wo = go.shape
    gof, ostride, ntaps = go.reshape(-1), ho * wo, starts.shape[0]
    lanes = REG_BYTES // gof.itemsize
    if cout < GW_CO or ntaps < GW_TAPS or wo < lanes:
        raise ValueError("the gradient micro-kernel needs a whole tile")
    n_cb, n_tb = -(-cout // GW_CO), -(-ntaps // GW_TAPS)
    size = GW_CO * GW_TAPS * lanes  # one tile's vectors (AVX-512's 3-tap tile: half)
    sums = np.zeros(n_cb * n_tb * size, dtype=gof.dtype)
    wsum = np.zeros((cout, ntaps), dtype=np.float64)
    fold = max(1, GW_FOLD_TERMS // max(1, rows * wo // lanes))  # chunks
    base = 0  # the output row whose first input row xflat starts with
    for chunk, r0 in enumerate(range(i0, i1, rows)):
        r1 = min(r0 + rows, i1)
        if sw > 0:
            base = r0
            _fill_strip(x, top, left, sw, r0 * (row_step // buf.shape[2]), buf)
        for co in range(cout):
            g = gof[co * ostride + r0 * wo : co * ostride + r1 * wo]
            acc = gw[co, ntaps] - gw[co, ntaps]  # zero of gw's dtype
            for q in range(g.shape[0]):
                acc += g[q]
            gw[co, ntaps] += acc
        for b in range(n_cb * n_tb):
            co0, t0, nt, _, _ = _gw_block(b, n_tb, cout, ntaps, False)
            args = (xflat, starts, t0, row_step, gof, co0 * ostride + base * wo, ostride,
                    wo, r0 - base, r1 - base, sums, b * size)
            if nt == GW_TAPS:
                _gw_tile(*args)
            else:
                _gw_tile_3(*args)
        if (chunk + 1) % fold == 0 or r1 == i1:
            _gw_fold(sums, n_tb, lanes, size, wsum, r1 != i1, False)
    for co in range(cout):
        for t in range(ntaps):
            gw[co, t] += wsum[co, t]


@jit()
def _gw_fold(sums, n_tb, lanes, size, wsum, clear, exact):
    """wsum[co, t] += the lane sums of each tile's vectors in ``sums``, each
    weight counted once where ragged tiles overlap; then ``sums`` = 0 if
    ``clear``."""
    cout, ntaps = wsum.shape
    for b in range(sums.shape[0] // size):
        co0, t0, nt, c_new, k_new = _gw_block(b, n_tb, cout, ntaps, exact)
        for c in range(c_new, GW_CO):
            for k in range(k_new, nt):
                v = b * size + (c * nt + k) * lanes
                wsum[co0 + c, t0 + k] += sums[v : v + lanes].sum()
    if clear:
        sums[:] = 0


@jit()
def _gw_block(b, n_tb, cout, ntaps, exact):
    """Tile b's first channel and tap, its number of taps (a last block of 1-3
    taps takes a 3-tap tile, and with ``exact`` one of 4-5 a tile of as
    many), and the first of its channels and of its taps the tile before has
    not counted (ragged edges overlap the tile before)."""
    cb, tb = b // n_tb * GW_CO, b % n_tb * GW_TAPS
    left = ntaps - tb
    nt = min(GW_TAPS, max(3, left)) if exact else (3 if left <= 3 else GW_TAPS)
    co0, t0 = min(cb, cout - GW_CO), min(tb, ntaps - nt)
    return co0, t0, nt, cb - co0, tb - t0


@jit()
def micro_grad_weight_serial(xflat, starts, row_step, go, gw):
    _gw_micro_rows(xflat, starts, row_step, go, 0, go.shape[1], gw)


@jit(parallel=True)
def micro_grad_weight_parallel(xflat, starts, row_step, go, partial):
    """Thread k sums its share of output rows into ``partial[k]``."""
    nth, ho = partial.shape[0], go.shape[1]
    for k in prange(nth):
        _gw_micro_rows(xflat, starts, row_step, go, k * ho // nth, (k + 1) * ho // nth,
                       partial[k])


# --- Strips: padding and phases fused into the micro-kernels ------------------
# With a column stride and zero padding the micro-kernels first made the whole
# padded, phase-split input (``pad_phases``), a pass of its own over memory and,
# on two threads, a parallel region of its own. The strip kernels instead pad
# and split a few rows at a time into a small buffer of each thread's, just
# before the tiles read them from cache: one region, no copy of the whole
# input. Two strips in a row share (kh - 1)·dh + 1 - sh input rows, which
# each pads and splits. c4 (3 → 16, 256², stride 2) on two threads took 79-92
# µs against 100-111, c4w 94 against 120 (same process, alternating,
# seventeenth session); serially 152 against 153 and 175 against 183.
STRIP_PIXELS = 2048  # output pixels in a forward strip (conv.py sizes them)
# Output pixels in a chunk of the weight gradient's strips. Chunks of 1,024
# pixels were chosen on the Ice Lake host; on this one (Zen 4) c4w took
# 0.93-0.95× the time with 4,096 (173 µs serial against 185,
# 91 on two threads against 97), and 3 → 16 at 512² 0.92-0.93×; but 8 → 16
# at 128², whose two threads have 32 rows each, took 1.17× on two threads,
# so a strip is at most a thread's share of the rows (conv.py).
STRIP_GRAD_PIXELS = 4096


@jit()
def _fill_strip(x, top, left, sw, r0, buf):
    """buf[c, r] = row r0 + r of the zero-padded input, split into column
    phases: ``pad_phases`` on rows r0.. (zeros past the padded input)."""
    _pad_phase_rows(x, top - r0, left, sw, buf, 0, buf.shape[0] * buf.shape[1])


@jit()
def _mk_strips(x, top, left, sw, starts, row_step, rows, wp, bias, out, i0, i1, buf):
    """``_mk_rows`` (C_out ≥ MK_CO) on the unpadded ``x``, a strip of ``rows``
    output rows at a time padded and split into ``buf`` (C_in, input rows
    the strip reads, padded width), whose layout ``starts`` is for."""
    if out.shape[0] < MK_CO or out.shape[2] < MK_VEC * (REG_BYTES // out.itemsize):
        raise ValueError("the forward strip kernel needs a whole tile")
    bf, sh = buf.reshape(-1), row_step // buf.shape[2]
    for s0 in range(i0, i1, rows):
        _fill_strip(x, top, left, sw, s0 * sh, buf)
        for i in range(s0, min(s0 + rows, i1)):
            _mk_row(bf, (i - s0) * row_step, starts, wp, bias, out, i)


@jit()
def strips_serial(x, top, left, sw, starts, row_step, rows, wp, bias, out, buf):
    _mk_strips(x, top, left, sw, starts, row_step, rows, wp, bias, out, 0, out.shape[1],
               buf)


@jit(parallel=True)
def strips_parallel(x, top, left, sw, starts, row_step, rows, wp, bias, out, bufs):
    """Thread k takes rows k·Ho/nth.. with the strip bufs[k] (nth = bufs' length)."""
    nth, ho = bufs.shape[0], out.shape[1]
    for k in prange(nth):
        _mk_strips(x, top, left, sw, starts, row_step, rows, wp, bias, out, k * ho // nth,
                   (k + 1) * ho // nth, bufs[k])


@jit()
def strips_grad_weight_serial(x, top, left, sw, starts, row_step, rows, go, gw, buf):
    """``micro_grad_weight_serial`` on the unpadded ``x`` by strips (``_gw_rows``)."""
    _gw_rows(buf.reshape(-1), starts, row_step, go, 0, go.shape[1], gw, rows, x, top, left,
             sw, buf)


@jit(parallel=True)
def strips_grad_weight_parallel(x, top, left, sw, starts, row_step, rows, go, partial,
                                bufs):
    """Thread k sums its share of output rows into ``partial[k]``, by strips
    in ``bufs[k]``."""
    nth, ho = partial.shape[0], go.shape[1]
    for k in prange(nth):
        _gw_rows(bufs[k].reshape(-1), starts, row_step, go, k * ho // nth,
                 (k + 1) * ho // nth, partial[k], rows, x, top, left, sw, bufs[k])


# --- Row tiles: one output channel, stride and dilation 1 ----------------------
# With a single output channel there are no channels to block over, and the
# direct passes load an input vector for every tap (plus the output row every
# eight taps), about 1.25 loads per FMA, half of them split across cache
# lines: c2 ran at 46% of the FMA peak. A row tile keeps RT_ROWS output rows
# × RT_VEC column vectors in registers and walks the input rows instead: the
# vector loaded from input row i + rho, column j + b, feeds every output row
# i + r of the tile that it reaches (kernel row a = rho - r), so the loads per
# FMA fall to about 0.8 for an 11×11 kernel. Input rows in the middle reach
# all the tile's rows; the first and last rows - 1 reach only some, and each
# of them has a loop with just those rows (``_row_tile_rows``).

# With AVX-512's 32 registers the tile takes 4 column vectors (16 accumulators,
# 64 float32 columns): on the Ice Lake host, in three alternating runs, c2 on
# two threads took 0.36-0.57 ms against 0.62-0.66 with 2 vectors (up to 171
# GFLOP/s) and a 5×5 filter at 512² 0.14-0.15 ms against 0.23. The 3×3 strips
# do not use it (c1 unchanged) but need the same whole tile of columns.
#
# Tall tiles: with AVX-512, kernels of RT_TALL - 1 or more rows and the 3×3
# strips take RT_TALL = 6 output rows (24 accumulators in the row tile), so
# each input vector loaded feeds 6 rows' FMAs instead of 4. Paired against
# 4 rows in one process on two threads (Ice Lake, 41 alternating blocks, median
# of the ratios): 11×11 at 512² 0.89× the time, 7×7 0.95×, 3×3 0.83×; single
# runs of 21 blocks ranged 0.78-1.03× for 11×11 as the shared host's speed
# moved. 5×5 kept 4 rows while every edge row had a loop of its own (with 6,
# more of its input rows were edge rows); since the edge rows are paired
# (``_row_tile_rows``) it takes 6 as well: 0.92× the time on two threads
# (31 alternating blocks, tenth session). AVX2's 16 registers keep 4 rows.
RT_ROWS, RT_VEC = 4, (4 if REG_BYTES == 64 else 2)
RT_TALL = 6 if REG_BYTES == 64 else RT_ROWS


def _row_tile_of(rows: int):
    """The row tile intrinsic for ``rows`` output rows × RT_VEC vectors."""

    @_intrinsic
    def tile(typingctx, x, xoff, plane, cin, row_step, kh, kw, w, bias, out, ooff, orow):
        """out[ooff + r·orow + q] = bias + Σ_ci Σ_a Σ_b w[(ci·kh + a)·kw + b] ·
        x[xoff + ci·plane + (r + a)·row_step + b + q] for r < rows,
        q < RT_VEC·lanes."""
        sig = _types.void(x, xoff, plane, cin, row_step, kh, kw, w, bias, out, ooff, orow)

        def codegen(context, builder, signature, args):
            x_, xoff_, plane_, cin_, rs_, kh_, kw_, w_, b_, out_, ooff_, orow_ = args
            m = _IR(context, builder, context.get_value_type(x.dtype))
            xd, wd, od = m.data(x, x_), m.data(w, w_), m.data(out, out_)
            acc = m.accumulators(rows * RT_VEC, [m.splat(b_)] * (rows * RT_VEC))
            with _cg.for_range(builder, cin_) as cl:
                xc = builder.add(xoff_, builder.mul(cl.index, plane_))
                wc = builder.mul(cl.index, builder.mul(kh_, kw_))
                _row_tile_rows(m, builder, (xd, wd, xc, wc, rs_, kh_, kw_), acc, rows)
            m.store_tile(acc, rows, RT_VEC, od, ooff_, orow_)
            return context.get_dummy_value()

        return sig, codegen

    return tile


def _row_tile_rows(m, builder, operands, acc, rows):
    """The input rows of one channel (kh ≥ rows - 1). Input row rho feeds
    tile row r through tap row rho - r: the middle rows feed every tile row,
    the first and the last rows - 1 only some. First row e feeds tile rows
    0..e and last row kh + e rows e + 1..rows - 1, so each such pair shares
    one loop that feeds every tile row once, like a middle row. (A test per
    tile row in one shared loop was if-converted by LLVM: every row's FMAs
    computed, some kept. A loop per edge row was correct but short: on data
    in L1, 11×11 ran its edge loops at 1.25 FMAs a cycle against 1.74 for the
    middle rows, their few accumulators waiting on FMA latency.)"""
    xd, wd, xc, wc, rs_, kh_, kw_ = operands

    def rho_body(sources):
        """One loop over the kernel's columns; ``sources`` are (input row,
        the tile rows it feeds) pairs."""
        rows_in = []
        for rho, reach in sources:
            xrow = builder.add(xc, builder.mul(rho, rs_))
            wrow = [builder.add(wc, builder.mul(builder.sub(rho, m.i(r)), kw_)) for r in reach]
            rows_in.append((xrow, reach, wrow))
        with _cg.for_range(builder, kw_) as bl:
            for xrow, reach, wrow in rows_in:
                xv = [m.vload(xd, m.add(xrow, bl.index, v * m.w)) for v in range(RT_VEC)]
                for r, wr in zip(reach, wrow):
                    wv = m.splat(builder.load(builder.gep(wd, [builder.add(wr, bl.index)])))
                    for v in range(RT_VEC):
                        m.fma_into(acc[r * RT_VEC + v], wv, xv[v])

    for e in range(rows - 1):  # input rows e and kh + e: tile rows 0..e and e + 1..
        rho_body([(m.i(e), range(e + 1)), (builder.add(kh_, m.i(e)), range(e + 1, rows))])
    with _cg.for_range_slice(builder, m.i(rows - 1), kh_, m.i(1)) as (rho, _):
        rho_body([(rho, range(rows))])


# 3×3 strips. At 3×3 no input row reaches all RT_ROWS rows of a row tile,
# so every one took the tested path, with the weights loaded again for every
# tap: slower than the direct passes. Knowing the shape, a strip holds all
# nine weights in registers (splatted once per channel), walks R output rows
# (4, or RT_TALL = 6) × one vector of columns along the whole row, and unrolls
# its R + 2 input rows × 3 columns: 18 loads and 4 stores for 36 FMAs (24 and
# 6 for 54 with 6 rows), no branches. Channels after the first add to the
# stored rows (in L1).


def _k3_columns(m, xd, xoff, rs, wv, od, ooff, orow, j, init, nrows, keep=None):
    """One vector of columns j: nrows accumulators from ``init`` (the bias
    splat, or None to add to the rows the channels before stored), the input
    rows' taps added, stored back. With a lane mask ``keep`` (a ragged last
    vector of a later channel) only the kept lanes are added: the others
    already hold this channel's sum from the vector before."""
    b = m.b
    rows = [m.add(ooff, b.mul(m.i(r), orow), j) for r in range(nrows)]
    zero = _ir.Constant(m.vty, [0.0] * m.w)
    if init is not None:
        acc = [init] * nrows
    else:
        acc = [zero if keep is not None else m.vload(od, row) for row in rows]
    for rho in range(nrows + 2):
        xrow = m.add(xoff, b.mul(m.i(rho), rs), j)
        for col in range(3):
            xv = m.vload(xd, m.add(xrow, col))
            for r in range(max(0, rho - 2), min(nrows, rho + 1)):
                acc[r] = b.call(m.fma, [wv[(rho - r) * 3 + col], xv, acc[r]])
    for r, row in enumerate(rows):
        if keep is not None:
            old = m.vload(od, row)
            acc[r] = b.select(keep, b.fadd(old, acc[r]), old)
        m.vstore(acc[r], od, row)


def _k3_channel(m, operands, xoff, wv, init):
    """Every vector of columns of the strip for one input channel; a ragged
    last vector overlaps the one before it."""
    xd, od, rs, ooff, orow, wo, nrows = operands
    b = m.b
    nvec = b.sdiv(wo, m.i(m.w))
    with _cg.for_range(b, nvec) as jl:
        _k3_columns(m, xd, xoff, rs, wv, od, ooff, orow, b.mul(jl.index, m.i(m.w)), init,
                    nrows)
    with b.if_then(b.icmp_signed("!=", b.mul(nvec, m.i(m.w)), wo)):
        tail = b.sub(wo, m.i(m.w))
        keep = None
        if init is None:  # lanes below nvec·w - tail were added by the vector before
            ity = _ir.VectorType(_I64, m.w)
            seen = b.sub(b.mul(nvec, m.i(m.w)), tail)
            keep = b.icmp_signed(">=", _ir.Constant(ity, list(range(m.w))), m.splat(seen, ity))
        _k3_columns(m, xd, xoff, rs, wv, od, ooff, orow, tail, init, nrows, keep)


def _k3_strip_of(rows: int):
    """The 3×3 strip intrinsic for ``rows`` output rows."""

    @_intrinsic
    def strip(typingctx, x, xoff, plane, cin, row_step, w, bias, out, ooff, orow, wo):
        """out[ooff + r·orow + q] = bias + Σ_ci Σ_a,b<3 w[ci·9 + a·3 + b] ·
        x[xoff + ci·plane + (r + a)·row_step + b + q] for r < rows, q < wo
        (wo ≥ one vector of lanes)."""
        sig = _types.void(x, xoff, plane, cin, row_step, w, bias, out, ooff, orow, wo)

        def codegen(context, builder, signature, args):
            x_, xoff_, plane_, cin_, rs_, w_, b_, out_, ooff_, orow_, wo_ = args
            m = _IR(context, builder, context.get_value_type(x.dtype))
            xd, wd, od = m.data(x, x_), m.data(w, w_), m.data(out, out_)
            operands = (xd, od, rs_, ooff_, orow_, wo_, rows)
            with _cg.for_range(builder, cin_) as cl:
                w0 = builder.mul(cl.index, m.i(9))
                wv = [m.splat(builder.load(builder.gep(wd, [m.add(w0, t)]))) for t in range(9)]
                xc = builder.add(xoff_, builder.mul(cl.index, plane_))
                with builder.if_else(builder.icmp_signed("==", cl.index, m.i(0))) as (
                        first, rest):
                    with first:
                        _k3_channel(m, operands, xc, wv, m.splat(b_))
                    with rest:
                        _k3_channel(m, operands, xc, wv, None)
            return context.get_dummy_value()

        return sig, codegen

    return strip


_row_tile, _k3_strip = _row_tile_of(RT_ROWS), _k3_strip_of(RT_ROWS)
_row_tile_tall = _row_tile if RT_TALL == RT_ROWS else _row_tile_of(RT_TALL)
_k3_strip_tall = _k3_strip if RT_TALL == RT_ROWS else _k3_strip_of(RT_TALL)


@jit()
def rt_height(kh, kw, ho):
    """Output rows per row tile or strip: RT_TALL for 3×3 and for kernels of
    RT_TALL - 1 rows or more, when the output has that many rows; else RT_ROWS."""
    tall = kh >= RT_TALL - 1 or (kh == 3 and kw == 3)
    return RT_TALL if tall and ho >= RT_TALL else RT_ROWS


@jit()
def _rt_check(kh, kw, out):
    """Raise unless row tiles can compute ``out``: at least RT_ROWS rows and
    one tile of columns, and a kernel of at least rt_height - 1 rows (3×3
    takes the strips). Called before a parallel loop: raised inside one, the
    error came out as a SystemError, or not at all."""
    ho, wo = out.shape[1], out.shape[2]
    width = RT_VEC * (REG_BYTES // out.itemsize)
    short = kh < rt_height(kh, kw, ho) - 1 and not (kh == 3 and kw == 3)
    if ho < RT_ROWS or wo < width or short:
        raise ValueError("the row tile needs RT_ROWS rows, a tile of columns and "
                         "a kernel of at least rt_height - 1 rows")


@jit()
def _rt_rows(xflat, plane, cin, row_step, kh, kw, w2, bias, out, i0, i1):
    """Output rows i0..i1 of each channel by row tiles, or 3×3 strips, of
    ``rt_height`` rows (``_rt_check`` says which outputs and kernels they
    take); a ragged last block or column tile overlaps the one before it and
    rewrites the same values."""
    cout, ho, wo = out.shape
    of = out.reshape(-1)
    width = RT_VEC * (REG_BYTES // of.itemsize)
    rows, strips = rt_height(kh, kw, ho), kh == 3 and kw == 3
    for co in range(cout):
        i = i0
        while i < i1:
            ib = min(i, ho - rows)
            if strips:  # one strip covers the whole row
                args = (xflat, ib * row_step, plane, cin, row_step, w2[co], bias[co], of,
                        (co * ho + ib) * wo, wo, wo)
                if rows == RT_TALL:
                    _k3_strip_tall(*args)
                else:
                    _k3_strip(*args)
            else:
                for j0 in range(0, wo, width):
                    j = min(j0, wo - width)
                    args = (xflat, ib * row_step + j, plane, cin, row_step, kh, kw, w2[co],
                            bias[co], of, (co * ho + ib) * wo + j, wo)
                    if rows == RT_TALL:
                        _row_tile_tall(*args)
                    else:
                        _row_tile(*args)
            i += rows


@jit()
def row_tile_serial(xflat, plane, cin, row_step, kh, kw, w2, bias, out):
    _rt_check(kh, kw, out)
    _rt_rows(xflat, plane, cin, row_step, kh, kw, w2, bias, out, 0, out.shape[1])


@jit(parallel=True)
def row_tile_parallel(xflat, plane, cin, row_step, kh, kw, w2, bias, out, nth):
    """Thread k takes a run of blocks of ``rt_height`` rows, a ragged last
    block counted as one (its tile overlaps the block before). With fewer than
    two blocks a thread, the runs are of whole blocks and the thread whose run
    ends at the last one also takes the ragged rows, so no thread's tile
    overlaps another's rows. (Counting the ragged block evens the work: c2's
    502 rows are 83 blocks of 6 and 4 rows, split 42 + 42, not 41 + 43.)"""
    _rt_check(kh, kw, out)
    ho = out.shape[1]
    rows = rt_height(kh, kw, ho)
    full = ho // rows
    blocks = full + (ho % rows != 0) if full + 1 >= 2 * nth else full
    for k in prange(nth):
        b0, b1 = k * blocks // nth, (k + 1) * blocks // nth
        if b0 < b1:
            _rt_rows(xflat, plane, cin, row_step, kh, kw, w2, bias, out, b0 * rows,
                     ho if b1 >= full else b1 * rows)


@jit()
def phase_split(xp, sw, out):
    """out[c, r, off_p + q] = xp[c, r, p + q·sw] for each phase p < sw, phases
    side by side (off_p = columns of the phases before p): a column stride
    becomes contiguous runs for the micro-kernels: ``pad_phases`` with no
    padding (``xp`` C-contiguous)."""
    _pad_phase_rows(xp, 0, 0, sw, out, 0, out.shape[0] * out.shape[1])


@jit()
def _split_row(src, left, w, sw, dst):
    """dst = the phases of the row ``src`` padded with ``left`` zeros before
    it and zeros after it up to ``dst``'s length."""
    wp, o = dst.shape[0], 0
    for p in range(sw):
        n = (wp - p + sw - 1) // sw
        qa = min(n, max(0, -((p - left) // sw)))  # first q reading inside src
        qb = max(qa, min(n, (w - 1 + left - p) // sw + 1))  # one past the last
        dst[o : o + qa] = 0
        s, d = src[p - left + qa * sw :], dst[o + qa : o + qb]  # indices ≥ 0 from here
        for q in range(qb - qa):
            d[q] = s[q * sw]
        dst[o + qb : o + n] = 0
        o += n


@_intrinsic
def _deinterleave(typingctx, src, s0, dst, d0, d1, n):
    """dst[d0 + q] = src[s0 + 2q] and dst[d1 + q] = src[s0 + 2q + 1] for
    q < n when n is at least a vector (the last vector overlaps the one
    before it), which it returns, else 0: two vector loads and two shuffles
    per vector of each phase."""
    sig = _types.int64(src, s0, dst, d0, d1, n)

    def codegen(context, builder, signature, args):
        src_, s0_, dst_, d0_, d1_, n_ = args
        m = _IR(context, builder, context.get_value_type(src.dtype))
        sd, dd = m.data(src, src_), m.data(dst, dst_)

        def step(q):
            s = m.add(s0_, builder.mul(q, m.i(2)))
            even, odd = m.evens_odds(m.vload(sd, s), m.vload(sd, m.add(s, m.w)))
            m.vstore(even, dd, m.add(d0_, q))
            m.vstore(odd, dd, m.add(d1_, q))

        whole = builder.icmp_signed(">=", n_, m.i(m.w))
        with builder.if_then(whole):
            m.vectors(n_, step)
        return builder.select(whole, n_, m.i(0))

    return sig, codegen


@jit()
def _pad_phase_row(x, top, left, sw, out, q):
    """Row q of ``out`` flattened over (channel, row)."""
    c, r = q // out.shape[1], q % out.shape[1]
    if 0 <= r - top < x.shape[1]:
        _split_row(x[c, r - top], left, x.shape[2], sw, out[c, r])
    else:
        out[c, r, :] = 0


@jit()
def pad_phases(x, top, left, sw, out):
    """Zero padding and ``phase_split`` in one pass over the input (``x``
    C-contiguous, ``out`` of its dtype)."""
    _pad_phase_rows(x, top, left, sw, out, 0, out.shape[0] * out.shape[1])


@jit(parallel=True)
def pad_phases_parallel(x, top, left, sw, out, nth):
    """``pad_phases`` with the rows shared between ``nth`` threads: at c4's
    size the copy is a quarter of the serial forward pass."""
    rows = out.shape[0] * out.shape[1]
    for k in prange(nth):
        _pad_phase_rows(x, top, left, sw, out, k * rows // nth, (k + 1) * rows // nth)


@jit()
def _pad_phase_rows(x, top, left, sw, out, q0, q1):
    """Rows q0..q1 of ``out`` flattened over (channel, row)."""
    if sw == 2:
        _pad_phases2(x, top, left, out, q0, q1)
        return
    for q in range(q0, q1):
        _pad_phase_row(x, top, left, sw, out, q)


# The stride-2 split of c4 and c4w took 115-190 µs for c4's 3 × 258 padded
# rows, 2.5× a plain copy of the input (45-52 µs): each row went through three
# nested calls, and LLVM's own deinterleave left a scalar remainder a row.
# ``_pad_phases2`` does the rows in one function, the pairs taken apart by
# ``_deinterleave``: paired in one process (Ice Lake), 69-76 µs against
# 138-190 serial, 28-34 against 47-57 on two threads; c4 took 0.84-0.88× its
# time, c4w 0.88-0.89×.
@jit()
def _pad_phases2(x, top, left, out, q0, q1):
    """``_pad_phase_rows`` for a stride of 2."""
    cin, h, w = x.shape
    hp, wp = out.shape[1], out.shape[2]
    n0 = (wp + 1) // 2
    n1 = wp - n0
    qlo = min((left + 1) // 2, n1)  # from here 2q - left ≥ 0
    qhi = max(qlo, min(n1, (w - 2 + left) // 2 + 1))  # 2q + 1 - left < w
    xf, of = x.reshape(-1), out.reshape(-1)
    for row in range(q0, q1):
        c, r = row // hp, row % hp
        o, s = row * wp, (c * h + r - top) * w  # the rows' starts
        if not 0 <= r - top < h:
            of[o : o + wp] = 0
            continue
        for q in range(qlo):
            k = 2 * q - left
            of[o + q] = xf[s + k] if 0 <= k < w else 0
            of[o + n0 + q] = xf[s + k + 1] if 0 <= k + 1 < w else 0
        done = qlo + _deinterleave(xf, s + 2 * qlo - left, of, o + qlo, o + n0 + qlo,
                                   qhi - qlo)
        for q in range(done, qhi):
            of[o + q] = xf[s + 2 * q - left]
            of[o + n0 + q] = xf[s + 2 * q + 1 - left]
        for q in range(qhi, n0):
            k = 2 * q - left
            of[o + q] = xf[s + k] if 0 <= k < w else 0
        for q in range(qhi, n1):
            k = 2 * q + 1 - left
            of[o + n0 + q] = xf[s + k] if 0 <= k < w else 0
