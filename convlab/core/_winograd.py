"""Winograd F(2×2, 3×3): 3×3 correlations at stride and dilation 1 with
fewer multiplies. Private kernels, as in ``_kernels``; callers validate.

Each 2×2 block of output (a "tile", at output row 2t, column 2s) comes from
the 4×4 block d of padded input at (2t, 2s):

    y = Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A

      Bᵀ = [1  0 -1  0]     G = [ 1    0    0 ]     Aᵀ = [1  1  1  0]
           [0  1  1  0]         [ 1/2  1/2  1/2]          [0  1 -1 -1]
           [0 -1  1  0]         [ 1/2 -1/2  1/2]
           [0  1  0 -1]         [ 0    0    1 ]

Summed over input channels, the 16 products of each position p of the 4×4
are one 1×1 convolution: M[p][co][tile] = Σ_ci U[p][co][ci] · V[p][ci][tile]
(U = G g Gᵀ, V = Bᵀ d B): 16·C_in·C_out multiply-adds a tile, against the
direct 36·C_in·C_out, and they run through the forward micro-kernel's tile
(``_kernels._fwd_tile``). The transforms are additions only, vectorised over
the tiles of a row. A chunk of tile rows at a time keeps V and M in L2.

The weight gradient uses the same algorithm transposed (the gradient of y
with respect to g): ∂L/∂g = G ᵀ [(A e Aᵀ) ⊙ (Bᵀ d B)] G for the 2×2 output
gradient e of a tile, summed over tiles before the outer Gᵀ … G, so its sums
are a gradient micro-kernel over tiles (``_kernels._gw_tile``).
"""

from __future__ import annotations

import numpy as np
from llvmlite import ir as _ir
from numba import prange
from numba import types as _types
from numba.extending import intrinsic as _intrinsic

from convlab.core._jit import jit
from convlab.core._kernels import (_I32, _I64, _IR, GW_CO, GW_FOLD_TERMS, GW_TAPS, MK_CO,
                                   MK_VEC, REG_BYTES, _fwd_tile, _gw_block, _gw_fold,
                                   _gw_tile_n)

# Tiles per chunk (whole tile rows, at least this many). Forward, V and M of a
# chunk take 16·(C_in + C_out)·WG_TILES values: 384 KiB for c7 (16 → 32
# channels) in float32, within the 1 MiB L2 of the AMD host; c7 took 0.46 ms on
# two threads from 64 to 512 tiles (0.51 at 1024). The gradient's tiles add up
# their sums over a whole chunk between loading and storing their accumulators
# (24 with AVX-512), so longer chunks pay: c7w took 0.86 ms at 64 tiles, 0.70 at
# 128, 0.68 at 256, 0.66 at 512 and 0.68 at 1024 (serial 1.56, 1.28, 1.19,
# 1.15, 1.16).
WG_TILES, WG_GRAD_TILES = 128, 512


@jit()
def pack_weights(w, wp):
    """wp[p, b, ci, c] = U[p][co0_b + c][ci], U = G g Gᵀ for each 3×3 g =
    w[co, ci]: position p = 4·row + column of the 4×4, output channels in
    blocks of MK_CO as ``_kernels.pack_micro_weights`` lays them out."""
    cout, cin = w.shape[0], w.shape[1]
    gw = np.empty((4, 3), dtype=w.dtype)
    u = np.empty((4, 4), dtype=w.dtype)
    for b in range(wp.shape[1]):
        co0 = min(b * MK_CO, cout - MK_CO)
        for c in range(MK_CO):
            for ci in range(cin):
                g = w[co0 + c, ci]
                for k in range(3):  # G g: rows
                    gw[0, k] = g[0, k]
                    gw[1, k] = (g[0, k] + g[1, k] + g[2, k]) * 0.5
                    gw[2, k] = (g[0, k] - g[1, k] + g[2, k]) * 0.5
                    gw[3, k] = g[2, k]
                for r in range(4):  # (G g) Gᵀ: columns
                    u[r, 0] = gw[r, 0]
                    u[r, 1] = (gw[r, 0] + gw[r, 1] + gw[r, 2]) * 0.5
                    u[r, 2] = (gw[r, 0] - gw[r, 1] + gw[r, 2]) * 0.5
                    u[r, 3] = gw[r, 2]
                for p in range(16):
                    wp[p, b, ci, c] = u[p // 4, p % 4]


def _rows_bt(b, r):
    """Bᵀ applied to four rows: r0 - r2, r1 + r2, r2 - r1, r1 - r3."""
    return [b.fsub(r[0], r[2]), b.fadd(r[1], r[2]), b.fsub(r[2], r[1]), b.fsub(r[1], r[3])]


@_intrinsic
def _in_tiles(typingctx, x, row, wp, v, voff, step, tw):
    """v[voff + p·step + s] = (Bᵀ d B)[p // 4, p % 4] of tile s, for s < tw (at
    least a vector): d is columns 2s..2s+3 of the four padded input rows
    (wp values each) from x[row] on, each split into its even columns and,
    (wp + 1) // 2 further on, its odd ones (``pad_phases``)."""
    sig = _types.void(x, row, wp, v, voff, step, tw)

    def codegen(context, builder, signature, args):
        x_, row_, wp_, v_, voff_, step_, tw_ = args
        m = _IR(context, builder, context.get_value_type(x.dtype))
        xd, vd = m.data(x, x_), m.data(v, v_)
        base = [builder.add(row_, builder.mul(wp_, m.i(k))) for k in range(4)]
        no_ = builder.sdiv(m.add(wp_, 1), m.i(2))

        def body(j):
            ld = [[m.vload(xd, m.add(b, j, o)) for b in base]
                  for o in (0, 1, no_, m.add(no_, 1))]  # E[s], E[s+1], O[s], O[s+1]
            e, e1, o, o1 = (_rows_bt(builder, r) for r in ld)
            for i in range(4):  # ... then B on the columns
                cols = [builder.fsub(e[i], e1[i]), builder.fadd(o[i], e1[i]),
                        builder.fsub(e1[i], o[i]), builder.fsub(o[i], o1[i])]
                for q, val in enumerate(cols):
                    off = builder.add(voff_, builder.mul(step_, m.i(4 * i + q)))
                    m.vstore(val, vd, builder.add(off, j))

        m.vectors(tw_, body)
        return context.get_dummy_value()

    return sig, codegen


@_intrinsic
def _out_tiles(typingctx, mm, moff, step, bias, out, o0, o1, tw, chk):
    """out[o0 + 2s + j] and out[o1 + 2s + j] (j < 2) = bias + (Aᵀ M A)[0 or 1, j]
    of tile s < tw (at least a vector), M[p] at mm[moff + p·step + s]; lane
    k of the int64 chk[:lanes] turns 1 where an output in lane k is inf or NaN."""
    sig = _types.void(mm, moff, step, bias, out, o0, o1, tw, chk)

    def codegen(context, builder, signature, args):
        mm_, moff_, step_, bias_, out_, o0_, o1_, tw_, chk_ = args
        m = _IR(context, builder, context.get_value_type(mm.dtype))
        md, od, cd = m.data(mm, mm_), m.data(out, out_), m.data(chk, chk_)
        bv = m.splat(bias_)
        bits = REG_BYTES * 8 // m.w
        ity = _ir.VectorType(_ir.IntType(bits), m.w)
        inf = _ir.Constant(ity, [0x7F800000 if bits == 32 else 0x7FF0000000000000] * m.w)
        cty = _ir.VectorType(_I64, m.w)
        half = m.w // 2
        lo, hi = (_ir.Constant(_ir.VectorType(_I32, m.w),
                               [k // 2 + (k % 2) * m.w + h for k in range(m.w)])
                  for h in (0, half))  # interleave the first or second halves

        def body(j):
            p = [m.vload(md, m.add(builder.mul(step_, m.i(k)), moff_, j)) for k in range(16)]
            fadd, fsub = builder.fadd, builder.fsub
            a = [fadd(fadd(p[c], p[4 + c]), p[8 + c]) for c in range(4)]  # Aᵀ M, row 0
            c_ = [fsub(fsub(p[4 + c], p[8 + c]), p[12 + c]) for c in range(4)]  # row 1
            ys = []
            for r, o_ in ((a, o0_), (c_, o1_)):
                y0 = fadd(bv, fadd(fadd(r[0], r[1]), r[2]))
                y1 = fadd(bv, fsub(fsub(r[1], r[2]), r[3]))
                dst = builder.add(o_, builder.mul(j, m.i(2)))
                m.vstore(builder.shuffle_vector(y0, y1, lo), od, dst)
                m.vstore(builder.shuffle_vector(y0, y1, hi), od, m.add(dst, m.w))
                ys += [y0, y1]
            # (an exponent of all ones; in integers, which fast-math leaves alone)
            bad = [builder.icmp_unsigned("==", builder.and_(builder.bitcast(y, ity), inf), inf)
                   for y in ys]
            bad = builder.zext(builder.or_(builder.or_(bad[0], bad[1]),
                                           builder.or_(bad[2], bad[3])), cty)
            p_chk = builder.bitcast(cd, cty.as_pointer())
            builder.store(builder.or_(builder.load(p_chk, align=1), bad), p_chk, align=1)

        m.vectors(tw_, body)
        return context.get_dummy_value()

    return sig, codegen


@jit()
def _step(channels, n, a):
    """The distance between two positions' blocks of ``channels`` × n values:
    one vector more than they fill, so that the 16 positions' vectors of a
    tile are not a multiple of 4 KiB apart (c7's first chunks, 16 channels ×
    64 tiles, were: their 16 streams then shared one set of the 8-way L1)."""
    return channels * n + REG_BYTES // a.itemsize


@jit()
def input_transform(xph, cin, hp, wp, t0, nr, tw, v):
    """V = Bᵀ d B for tile rows t0..t0+nr: v[p·step + ci·n + r·tw + s]
    (n = nr·tw, step = ``_step(cin, n, v)``) for position p, input channel
    ci, tile (t0 + r, s), from the padded input split into column phases
    (``xph``, flat, rows of wp)."""
    n = nr * tw
    for ci in range(cin):
        for r in range(nr):
            row = ci * hp * wp + 2 * (t0 + r) * wp
            _in_tiles(xph, row, wp, v, ci * n + r * tw, _step(cin, n, v), tw)


@jit()
def output_transform(m, cout, t0, nr, tw, bias, out, chk):
    """out[co, 2t + i, 2s + j] = bias[co] + (Aᵀ M A)[i, j] of tile (t, s),
    for the tile rows t0..t0+nr whose products M are in ``m`` (laid out as
    ``input_transform``'s v, with cout channels); ``chk`` turns nonzero if
    an output is not finite (``_out_tiles``)."""
    n = nr * tw
    of = out.reshape(-1)
    ho, wo = out.shape[1], out.shape[2]
    for co in range(cout):
        for r in range(nr):
            o0 = co * ho * wo + 2 * (t0 + r) * wo
            _out_tiles(m, co * n + r * tw, _step(cout, n, m), bias[co], of, o0, o0 + wo, tw,
                       chk)


@jit()
def _products(v, wp, cin, cout, n, starts, zero, m):
    """m[p][co][:n] = Σ_ci U[p][co][ci] · v[p][ci][:n] for the 16 positions,
    by forward tiles (``n`` at least a tile's width; starts[ci] = ci·n)."""
    width = MK_VEC * (REG_BYTES // v.itemsize)
    nblk = wp.shape[1]
    vstep, mstep = _step(cin, n, v), _step(cout, n, m)
    wflat = wp.reshape(-1)
    for p in range(16):
        for b in range(nblk):
            co0 = min(b * MK_CO, cout - MK_CO)
            for j0 in range(0, n, width):
                j = min(j0, n - width)
                _fwd_tile(v, p * vstep + j, starts, wflat, (p * nblk + b) * cin * MK_CO,
                          zero, co0, m, p * mstep + co0 * n + j, n)


@jit()
def _chunks(xflat, cin, hp, wp, wpk, bias, out, c0, c1, nr):
    """Chunks c0..c1 of nr tile rows each (the last overlapping the one
    before); False if an output is not finite."""
    cout, th, tw = out.shape[0], out.shape[1] // 2, out.shape[2] // 2
    n = nr * tw
    v = np.empty(16 * _step(cin, n, out), dtype=out.dtype)
    m = np.empty(16 * _step(cout, n, out), dtype=out.dtype)
    zero = np.zeros(cout, dtype=out.dtype)
    starts = np.arange(cin) * n
    chk = np.zeros(REG_BYTES // out.itemsize, dtype=np.int64)
    for c in range(c0, c1):
        t0 = min(c * nr, th - nr)
        input_transform(xflat, cin, hp, wp, t0, nr, tw, v)
        _products(v, wpk, cin, cout, n, starts, zero, m)
        output_transform(m, cout, t0, nr, tw, bias, out, chk)
    return chk.sum() == 0


@jit()
def corr_serial(xph, cin, hp, wp, wpk, bias, out, nr):
    th = out.shape[1] // 2
    return _chunks(xph, cin, hp, wp, wpk, bias, out, 0, -(-th // nr), nr)


@jit(parallel=True)
def corr_parallel(xph, cin, hp, wp, wpk, bias, out, nr, finite):
    """Thread k takes its share of the chunks; finite[k] as ``_chunks`` returns."""
    nth = finite.shape[0]
    nc = -(-(out.shape[1] // 2) // nr)
    for k in prange(nth):
        finite[k] = _chunks(xph, cin, hp, wp, wpk, bias, out, k * nc // nth,
                            (k + 1) * nc // nth, nr)


# --- The weight gradient ----------------------------------------------------


@_intrinsic
def _go_tiles(typingctx, g, r0, r1, gt, goff, step, tw):
    """gt[goff + p·step + s] = (A e Aᵀ)[p // 4, p % 4] for tile s < tw (at
    least a vector): e is columns 2s, 2s + 1 of the two output-gradient rows
    that start at g[r0] and g[r1]. A's rows are (1, 0), (1, 1), (1, -1), (0, -1)."""
    sig = _types.void(g, r0, r1, gt, goff, step, tw)

    def codegen(context, builder, signature, args):
        g_, r0_, r1_, gt_, goff_, step_, tw_ = args
        m = _IR(context, builder, context.get_value_type(g.dtype))
        gd, td = m.data(g, g_), m.data(gt, gt_)
        zero = _ir.Constant(m.vty, None)
        fadd, fsub = builder.fadd, builder.fsub

        def a_of(x0, x1):
            return [x0, fadd(x0, x1), fsub(x0, x1), fsub(zero, x1)]

        def body(j):
            cols = []
            for r in (r0_, r1_):
                src = builder.add(r, builder.mul(j, m.i(2)))
                cols.append(m.evens_odds(m.vload(gd, src), m.vload(gd, m.add(src, m.w))))
            e = a_of(cols[0][0], cols[1][0])  # A on the rows: the even columns
            o = a_of(cols[0][1], cols[1][1])  # and the odd ones
            for i in range(4):  # then on the columns
                for q, val in enumerate(a_of(e[i], o[i])):
                    off = builder.add(goff_, builder.mul(step_, m.i(4 * i + q)))
                    m.vstore(val, td, builder.add(off, j))

        m.vectors(tw_, body)
        return context.get_dummy_value()

    return sig, codegen


@jit()
def _go_transform(go, t0, nr, tw, gt, gstep, gb):
    """GO = A e Aᵀ for tile rows t0..t0+nr (laid out as ``input_transform``'s
    v), and gb[co] += Σ go[co] over them: (A e Aᵀ)[1, 1] is the sum of e."""
    cout, ho, wo = go.shape
    n = nr * tw
    gf = go.reshape(-1)
    for co in range(cout):
        for r in range(nr):
            o0 = co * ho * wo + 2 * (t0 + r) * wo
            _go_tiles(gf, o0, o0 + wo, gt, co * n + r * tw, gstep, tw)
        # Summed from 0 over a slice: indices from an offset may be negative
        # to numba, whose wraparound made LLVM gather (vgatherqps) 16 floats
        # at a time, about 45 µs of c7w's 225 in this function.
        seg, acc = gt[5 * gstep + co * n : 5 * gstep + (co + 1) * n], gt[0] - gt[0]
        for q in range(n):
            acc += seg[q]
        gb[co] += acc


@jit()
def _grad_products(v, gt, cin, cout, n, vstep, gstep, starts, sums):
    """Each position's tiles: sums += the lane-wise Σ_n GO[p][co][n]·V[p][ci][n]."""
    n_cb, n_tb = -(-cout // GW_CO), -(-cin // GW_TAPS)
    size = GW_CO * GW_TAPS * (REG_BYTES // v.itemsize)
    for p in range(16):
        for i in range(cin):
            starts[i] = p * vstep + i * n
        for b in range(n_cb * n_tb):
            co0, t0, nt, _, _ = _gw_block(b, n_tb, cout, cin, True)
            _gw_tile_n(nt, v, starts, t0, 0, gt, p * gstep + co0 * n, n, n, 0, 1, sums,
                       (p * n_cb * n_tb + b) * size)


@jit()
def _grad_chunks(xph, cin, hp, wp, go, c0, c1, nr, s_out, gb):
    """s_out[p, co, ci] += Σ over the tiles of chunks c0..c1 (nr tile rows
    each, the last may be shorter) of GO[p][co]·V[p][ci]; gb += Σ go."""
    cout, th, tw = go.shape[0], go.shape[1] // 2, go.shape[2] // 2
    lanes = REG_BYTES // go.itemsize
    v = np.empty(16 * _step(cin, nr * tw, go), dtype=go.dtype)
    gt = np.empty(16 * _step(cout, nr * tw, go), dtype=go.dtype)
    starts = np.empty(cin, dtype=np.int64)
    n_cb, n_tb = -(-cout // GW_CO), -(-cin // GW_TAPS)
    size = GW_CO * GW_TAPS * lanes
    sums = np.zeros(16 * n_cb * n_tb * size, dtype=go.dtype)
    fold = max(1, GW_FOLD_TERMS * lanes // (nr * tw))  # chunks between folds
    for c in range(c0, c1):
        t0 = c * nr
        rows = min(nr, th - t0)
        n = rows * tw
        vstep, gstep = _step(cin, n, go), _step(cout, n, go)
        input_transform(xph, cin, hp, wp, t0, rows, tw, v)
        _go_transform(go, t0, rows, tw, gt, gstep, gb)
        _grad_products(v, gt, cin, cout, n, vstep, gstep, starts, sums)
        if (c - c0 + 1) % fold == 0 or c == c1 - 1:
            for p in range(16):
                q = p * n_cb * n_tb * size
                _gw_fold(sums[q : q + n_cb * n_tb * size], n_tb, lanes, size, s_out[p],
                         True, True)


@jit()
def grad_weight_serial(xph, cin, hp, wp, go, nr, s_out, gb):
    th = go.shape[1] // 2
    _grad_chunks(xph, cin, hp, wp, go, 0, -(-th // nr), nr, s_out, gb)


@jit(parallel=True)
def grad_weight_parallel(xph, cin, hp, wp, go, nr, s_part, gb_part):
    """Thread k sums its share of chunks into s_part[k] and gb_part[k]."""
    nth = s_part.shape[0]
    nc = -(-(go.shape[1] // 2) // nr)
    for k in prange(nth):
        _grad_chunks(xph, cin, hp, wp, go, k * nc // nth, (k + 1) * nc // nth, nr,
                     s_part[k], gb_part[k])


def tiles(ho: int, wo: int) -> tuple[int, int]:
    """Tile rows and columns covering an ho × wo output."""
    return -(-ho // 2), -(-wo // 2)


def applies(cout: int, ho: int, wo: int, dtype) -> bool:
    """Whether the kernels take this output: whole forward tiles of channels,
    a vector of tiles in a row and a forward tile's width in a chunk."""
    th, tw = tiles(ho, wo)
    lanes = REG_BYTES // np.dtype(dtype).itemsize
    return cout >= MK_CO and tw >= lanes and th * tw >= MK_VEC * lanes


def chunk_rows(ho: int, wo: int, per_chunk: int) -> int:
    """Tile rows of a chunk of about ``per_chunk`` tiles."""
    th, tw = tiles(ho, wo)
    return min(th, -(-per_chunk // tw))


def packed(w: np.ndarray) -> np.ndarray:
    """G g Gᵀ of the (C_out, C_in, 3, 3) weights, as the products read them."""
    wpk = np.empty((16, -(-w.shape[0] // MK_CO), w.shape[1], MK_CO), dtype=w.dtype)
    pack_weights(w, wpk)
    return wpk


def correlate(xph: np.ndarray, w: np.ndarray, bias, out: np.ndarray, par: bool,
              nth: int) -> bool:
    """out (C_out, 2·th, 2·tw) = the correlation of the padded input, split
    into column phases, ``xph`` (C_in, 2·th + 2, 2·tw + 2), with 3×3 ``w``.
    False when an output is not finite: the caller computes it directly then.
    (Where the direct sum meets inf or NaN, the transforms' differences turn
    inf into NaN and spread it over the whole 2×2 tile, and a large finite
    input can overflow in them.)"""
    cin, hp, wp = xph.shape
    nr = chunk_rows(out.shape[1], out.shape[2], WG_TILES)
    args = (xph.reshape(-1), cin, hp, wp, packed(w), bias, out, nr)
    if par:
        finite = np.zeros(nth, dtype=np.bool_)
        corr_parallel(*args, finite)
        return bool(finite.all())
    return bool(corr_serial(*args))


@jit()
def _finish(s, gb, gw, gbo):
    """gw[co, ci] = Gᵀ S G of the position sums S = Σ_k s[k, :, co, ci] (4×4,
    float64) and gbo = Σ_k gb[k], both cast to their arrays' type; False if
    a value is not finite. Gᵀ's rows are (1, ½, ½, 0), (0, ½, -½, 0) and
    (0, ½, ½, 1). (numpy's einsum took 49 µs for c7w's 512 channel pairs, and
    with the sum over threads and the checks 80-100 µs of a 0.86 ms call.
    Channel pairs run innermost: a pair's 16 positions are 4 KiB apart for
    c7w, and read pair by pair they took 43 µs.)"""
    n = s.shape[2] * s.shape[3]
    sf = s.reshape(s.shape[0], 16, n)
    a = sf[0].copy()
    for k in range(1, sf.shape[0]):
        a += sf[k]
    t = np.empty((3, 4, n))  # Gᵀ S
    for c in range(4):
        t[0, c] = a[c] + 0.5 * (a[4 + c] + a[8 + c])
        t[1, c] = 0.5 * (a[4 + c] - a[8 + c])
        t[2, c] = 0.5 * (a[4 + c] + a[8 + c]) + a[12 + c]
    gf = gw.reshape(n, 9)
    for u in range(3):
        for q in range(n):
            gf[q, 3 * u] = t[u, 0, q] + 0.5 * (t[u, 1, q] + t[u, 2, q])
            gf[q, 3 * u + 1] = 0.5 * (t[u, 1, q] - t[u, 2, q])
            gf[q, 3 * u + 2] = 0.5 * (t[u, 1, q] + t[u, 2, q]) + t[u, 3, q]
    for co in range(gb.shape[1]):
        gbo[co] = gb[:, co].sum()
    return np.isfinite(gf).all() and np.isfinite(gbo).all()


def grad_weight(xph: np.ndarray, go: np.ndarray, par: bool, nth: int):
    """The (C_out, C_in, 3, 3) weight gradient and the (C_out,) bias gradient
    of ``correlate(xph, …)`` for the output gradient ``go`` (C_out, 2·th,
    2·tw): Gᵀ S G of the position sums S (the tiles' lane sums in the input's
    type for up to GW_FOLD_TERMS terms, then float64); None, None when a
    value is not finite in ``go``'s type (``_finish``)."""
    cin, hp, wp = xph.shape
    cout = go.shape[0]
    nr = chunk_rows(go.shape[1], go.shape[2], WG_GRAD_TILES)
    nr = min(nr, -(-(go.shape[1] // 2) // nth)) if par else nr  # a chunk for each thread
    args = (xph.reshape(-1), cin, hp, wp, go, nr)
    parts = nth if par else 1  # the threads' sums, added by ``_finish``
    s, gb = np.zeros((parts, 16, cout, cin)), np.zeros((parts, cout))
    if par:
        grad_weight_parallel(*args, s, gb)
    else:
        grad_weight_serial(*args, s[0], gb[0])
    gw, gbo = np.empty((cout, cin, 3, 3), go.dtype), np.empty(cout, go.dtype)
    if not _finish(s, gb, gw, gbo):
        return None, None  # as ``correlate``: the caller computes it directly
    return gw, gbo
