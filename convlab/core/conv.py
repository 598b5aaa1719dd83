"""Public convolution API: validate in the user's terms, then call a kernel."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np

from convlab.core import _kernels as K
from convlab.core import _winograd as W
from convlab.core import _numpy_path
from convlab.core._jit import PARALLEL_WORK, num_threads, parallel_slot
from convlab.core.geometry import (
    Padding,
    check_mode,
    check_reflect,
    checked_output_hw,
    pair,
    resolve_padding,
)


class Gradients(NamedTuple):
    weight: np.ndarray
    bias: np.ndarray
    input: np.ndarray


def float_dtype(*arrays: np.ndarray) -> np.dtype:
    """float32 stays float32, float64 stays float64, integers become float64."""
    dt = np.result_type(*arrays)
    if dt.kind != "f":
        return np.dtype(np.float64)
    return np.dtype(np.float32) if dt.itemsize <= 4 else np.dtype(np.float64)


def as_image(x, name: str = "the input") -> np.ndarray:
    x = np.asarray(x)
    if x.ndim != 3 or min(x.shape) < 1:
        raise ValueError(
            f"{name} must be (channels, height, width) with every size at least 1; "
            f"got an array of shape {x.shape}"
        )
    return x


def as_weight(w) -> np.ndarray:
    w = np.asarray(w)
    if w.ndim != 4 or min(w.shape) < 1:
        raise ValueError(
            "the weight must be (out channels, in channels, kernel height, kernel "
            f"width) with every size at least 1; got shape {w.shape}"
        )
    return w


def pad_index(n: int, before: int, after: int, mode: str) -> np.ndarray:
    """For each padded position, the input index it copies, or -1 for a zero."""
    idx = np.arange(-before, n + after, dtype=np.int64)
    outside = (idx < 0) | (idx >= n)
    if mode == "zeros":
        idx[outside] = -1
    elif mode == "replicate":
        idx = np.clip(idx, 0, n - 1)
    elif mode == "circular":
        idx = idx % n
    else:  # reflect, checked narrower than the input
        idx = np.where(idx < 0, -idx, idx)
        idx = np.where(idx >= n, 2 * (n - 1) - idx, idx)
    return idx


def pad2d(x, padding: Padding = 0, mode: str = "zeros", *, kernel_hw=(1, 1),
          stride=1, dilation=1) -> np.ndarray:
    """The padded ``(C, H', W')`` array: what the convolution slides over.

    ``kernel_hw``, ``stride`` and ``dilation`` matter only for ``"same"``.
    """
    if _numpy_path.serving():  # the compiled kernels are not loaded yet
        return _numpy_path.pad2d(x, padding, mode, kernel_hw=kernel_hw, stride=stride,
                                 dilation=dilation)
    x = as_image(x)
    sides = _sides(x, padding, mode, kernel_hw, stride, dilation)
    return _pad(_contiguous(x, float_dtype(x)), sides, mode)


def _sides(x, padding, mode, kernel_hw, stride, dilation):
    check_mode(mode)
    sides = resolve_padding(padding, x.shape[1:], kernel_hw, stride, dilation)
    if mode == "reflect":
        check_reflect(x.shape[1:], sides)
    return sides


def _pad(x: np.ndarray, sides, mode: str) -> np.ndarray:
    t, b, l, r = sides
    c, h, w = x.shape
    out = np.empty((c, h + t + b, w + l + r), dtype=x.dtype)
    if mode == "zeros":  # only the frame is zeroed: np.zeros and then the copy
        out[:, :t] = 0  # wrote the inside twice (and a fresh calloc'd block
        out[:, t + h :] = 0  # faults its pages in): 75 → 57 µs at 512², 1.7 →
        out[:, t : t + h, :l] = 0  # 1.1 ms at 3×1024²
        out[:, t : t + h, l + w :] = 0
        out[:, t : t + h, l : l + w] = x
        return out
    K.gather(x, pad_index(h, t, b, mode), pad_index(w, l, r, mode), out)
    return out


def corr2d(x, k) -> np.ndarray:
    """The chapter's 2-D cross-correlation of a 2-D array with a 2-D kernel."""
    x, k = np.asarray(x), np.asarray(k)
    if x.ndim != 2 or k.ndim != 2:
        raise ValueError(
            f"corr2d takes a 2-D input and a 2-D kernel; got {x.ndim}-D and {k.ndim}-D"
        )
    return conv2d(x[None], k[None, None])[0]


class Plan(NamedTuple):
    """Everything a call derives from its geometry alone, computed once per
    geometry (``_plan`` is cached) so a repeated call skips the parsing."""

    sides: tuple
    stride: tuple
    out_hw: tuple
    padded_shape: tuple
    starts: np.ndarray  # flat offset of each tap (ci, a, b) for output (0, 0)
    row_step: int  # flat distance between two output rows' first taps
    work: int  # multiply-adds of the forward pass
    gemm: bool  # forward through im2col + GEMM instead of the direct kernels
    gemm_grad: bool  # the weight gradient through im2col + GEMM
    starts4: np.ndarray  # starts padded to a multiple of four taps (GEMM path)
    out_shape: tuple  # (C_out, Ho, Wo)
    w2_shape: tuple  # (C_out, taps): the weight as the kernels take it
    zero_bias: np.ndarray  # read-only zeros for bias=None
    padded: bool  # any padding at all
    micro: bool  # forward through the register-blocked micro-kernel
    micro_grad: bool  # the weight gradient through its micro-kernel
    phase_starts: np.ndarray  # tap offsets in the phase-split input (micro paths)
    row_tile: bool  # forward through row tiles (one output channel, stride 1)
    kernel_hw: tuple  # (kh, kw)
    winograd: bool  # forward through Winograd F(2×2, 3×3) (_winograd.py)
    winograd_grad: bool  # the weight gradient through Winograd
    strip: Strip | None  # the forward micro-kernel by strips (K.strips_serial)
    grad_strip: Strip | None  # the weight gradient's micro-kernel by strips


class Strip(NamedTuple):
    """A thread's strip of the zero-padded, phase-split input (``K._mk_strips``,
    ``K._gw_rows``)."""

    rows: int  # output rows a strip computes
    shape: tuple  # (C_in, input rows those read, padded width)
    starts: np.ndarray  # tap offsets in the strip


def _strip(padded_shape, kernel_hw, stride, dilation, pixels: int, out_hw) -> Strip:
    """The strip of about ``pixels`` output pixels, at most a thread's share
    of the output rows unless that is under 8 (many threads: short strips
    would pad the rows they share again and again)."""
    share = max(8, -(-out_hw[0] // num_threads()))
    rows = max(1, min(pixels // out_hw[1], share))
    shape = (padded_shape[0], (rows - 1) * stride[0] + (kernel_hw[0] - 1) * dilation[0] + 1,
             padded_shape[2])
    return Strip(rows, shape, phase_starts(shape, kernel_hw, dilation, stride[1]))


# Which path (design; the kernels are described in _kernels.py):
# The direct kernels make an output row the vectorised inner loop and fuse
# taps per pass, reading the padded input in place; with four or more output
# channels each loaded input value feeds four channels' rows. The GEMM path
# copies the taps into a chunk of im2col first, then runs one vectorised
# eight-tap pass per channel over it (forward), or four-tap dot products with
# the chunk's rows held in L1 across channels (weight gradient). The cost
# models estimate both in nanoseconds from per-MAC rates measured serially on
# the 2-core build machine (ratios between the paths, which held under load):
# forward, the direct kernels win for every channel count below about 50
# (the copy costs more than it saves); the weight gradient's GEMM path wins
# from 8 channels (2–5× at c4w and c7w), where direct rows run four taps
# against one gradient row re-read from L2, and whenever there is a stride.
DIRECT_NS_PER_MAC = (0.012, 0.013)  # 1–3 output channels, ≥ 4 (four-row blocks)
DIRECT_STRIDED_FACTOR = 1.6  # a column stride gathers each input row first
GEMM_NS_PER_MAC = 0.012  # the same vectorised pass as 1–3 channels
GEMM_NS_PER_COPY = (0.05, 0.2)  # one im2col element: contiguous, column stride
GEMM_NS_FIXED = 3_000  # padded taps, weight packing, the extra dispatch
GRAD_DIRECT_NS_PER_MAC = (0.02, 0.06)  # contiguous, column stride (gathers)
GRAD_GEMM_NS_PER_MAC = 0.011
CHUNK_PIXELS = 512  # eight tap rows of a chunk, 16 KiB in float32, stay in L1


def gemm_wins(cout: int, ntaps: int, npix: int, strided: bool) -> bool:
    """True when im2col + GEMM is estimated cheaper than the direct forward."""
    direct = cout * ntaps * npix * DIRECT_NS_PER_MAC[cout >= 4]
    direct *= DIRECT_STRIDED_FACTOR if strided else 1.0
    taps4 = -(-ntaps // 4) * 4  # taps padded to a multiple of four
    gemm = taps4 * npix * (cout * GEMM_NS_PER_MAC + GEMM_NS_PER_COPY[strided])
    return gemm + GEMM_NS_FIXED < direct


def gemm_grad_wins(cout: int, ntaps: int, npix: int, strided: bool) -> bool:
    """The same choice for the weight gradient."""
    direct = cout * ntaps * npix * GRAD_DIRECT_NS_PER_MAC[strided]
    taps4 = -(-ntaps // 4) * 4
    gemm = taps4 * npix * (cout * GRAD_GEMM_NS_PER_MAC + GEMM_NS_PER_COPY[strided])
    return gemm + GEMM_NS_FIXED < direct


# The micro-kernels (register-blocked tiles, _kernels.py) against the paths
# above, in the same units: measured single-threaded in one process beside
# torch (c7, c4 and their weight gradients, float32), the forward tile runs
# 2.3–3.3× faster per MAC than the direct four-channel rows and the gradient
# tile 2.3–3× faster than the GEMM path. Their waste is modelled: channels
# rounded up to whole tiles (ragged edges overlap), each tile's set-up and
# store (forward) or accumulator loads and stores (gradient, once per chunk of
# K.GW_PIXELS), the copy that splits a column stride into phases, and a small
# fixed cost. On small multi-channel layers (64² 1→4, 28² 1→8, 20² 8→8) the
# micro-kernels measured 2–3× faster than direct, so they win from about 4
# channels up; a stride on a small image (32² 3→4 stride 2) stays direct
# (measured equal).
# With 2 or 3 output channels the micro-kernel still runs: on rows wide
# enough, with tiles of their own (3 × 3 and 2 × 4 vectors, K._mk_rows_few),
# otherwise with a full tile whose missing channels are zero. The model counts
# the zero channels in every case, so it errs towards the direct kernels:
# 1024² 3→3 5×5 took 3.1–4.4 ms against 5.7–7.1 ms direct (4.6–5.3 ms with a
# zero channel), 512² 1→2 5×5 0.31 against 0.55; one channel stays direct
# (512² 1→1 11×11: 1.8 against 1.1 ms with a zero-filled tile).
MICRO_NS_PER_MAC = 0.0045
MICRO_NS_PER_TILE = 0.6  # eight vector stores and the weight-block switch
GRAD_MICRO_NS_PER_MAC = 0.005
# per tile and chunk: measured with the lane sums the tiles took after every
# chunk; the accumulator loads and stores that replaced them cost less, so
# the model errs towards the other paths
GRAD_MICRO_NS_PER_TILE = 4.0
MICRO_NS_PER_PHASE_COPY = 0.07  # one input value into its phase (column stride)
MICRO_NS_FIXED = 300  # packing the weights (one numba call), the phase array or strips


def _up(n: int, k: int) -> int:
    return -(-n // k) * k


def micro_wins(cout: int, ntaps: int, ho: int, wo: int, strided: bool, dtype,
               cin_pixels: int = 0) -> bool:
    """True when the forward micro-kernel is estimated cheaper than both the
    direct and the GEMM forward (``cin_pixels``: padded input values)."""
    width = K.MK_VEC * K.lanes(dtype)
    if cout < 2 or wo < width:  # one channel: row tiles or the direct passes
        return False
    tiles = -(-cout // K.MK_CO) * -(-wo // width) * ho  # fewer channels: one tile
    micro = tiles * (K.MK_CO * width * ntaps * MICRO_NS_PER_MAC + MICRO_NS_PER_TILE)
    micro += (cin_pixels * MICRO_NS_PER_PHASE_COPY if strided else 0.0) + MICRO_NS_FIXED
    direct = cout * ntaps * ho * wo * DIRECT_NS_PER_MAC[cout >= 4]
    direct *= DIRECT_STRIDED_FACTOR if strided else 1.0
    taps4 = _up(ntaps, 4)
    gemm = taps4 * ho * wo * (cout * GEMM_NS_PER_MAC + GEMM_NS_PER_COPY[strided])
    return micro < min(direct, gemm + GEMM_NS_FIXED)


def row_tile_wins(cout: int, kh: int, kw: int, ho: int, wo: int, stride, dilation,
                  dtype) -> bool:
    """Row tiles (K._row_tile) for one output channel at stride and dilation
    1, when the output holds a whole tile and the kernel has at least RT_ROWS
    rows, so that the middle input rows reach every row of the tile without
    a test; and 3×3 strips (K._k3_strip), which know their shape. Measured
    side by side (medians, 2 threads): 11×11 at 512² 0.58–0.74 ms against
    0.99–1.22 direct, 5×5 at 512² 0.17 against 0.21 and at 256² 0.05 against
    0.08. 3×3 at 512² took 0.15 ms by row tiles against 0.12 direct (every
    input row there is a tested one); strips take 0.041 ms against 0.090
    direct (1024²: 0.15–0.16 against 0.30–0.38; 3 input channels at 512²:
    0.10–0.11 against 0.21; serial 256²: 0.018–0.027 against 0.063–0.100).
    For 2–4 output channels at 3×3, strips took 0.80–1.12× the channel
    tiles' time, no clear win, so those keep the channel tiles."""
    shape_ok = (kh >= K.RT_ROWS and kw >= 3) or (kh, kw) == (3, 3)
    return (cout == 1 and shape_ok and tuple(stride) == (1, 1)
            and tuple(dilation) == (1, 1) and ho >= K.RT_ROWS
            and wo >= K.RT_VEC * K.lanes(dtype))


def micro_grad_wins(cout: int, ntaps: int, ho: int, wo: int, strided: bool, dtype,
                    cin_pixels: int = 0) -> bool:
    """The same for the weight gradient."""
    lanes = K.lanes(dtype)
    if cout < K.GW_CO or ntaps < K.GW_TAPS or wo < lanes:
        return False
    chunks = -(-ho // max(1, K.GW_PIXELS // wo))
    tiles = -(-cout // K.GW_CO) * -(-ntaps // K.GW_TAPS)
    macs = tiles * K.GW_CO * K.GW_TAPS * ho * _up(wo, lanes)
    micro = macs * GRAD_MICRO_NS_PER_MAC + tiles * chunks * GRAD_MICRO_NS_PER_TILE
    micro += (cin_pixels * MICRO_NS_PER_PHASE_COPY if strided else 0.0) + MICRO_NS_FIXED
    direct = cout * ntaps * ho * wo * GRAD_DIRECT_NS_PER_MAC[strided]
    taps4 = _up(ntaps, 4)
    gemm = taps4 * ho * wo * (cout * GRAD_GEMM_NS_PER_MAC + GEMM_NS_PER_COPY[strided])
    return micro < min(direct, gemm + GEMM_NS_FIXED)


# Winograd F(2×2, 3×3) against the micro-kernel, in the micro-kernel's
# multiply-adds: a 2×2 block of output takes 16·C_in·C_out of them (C_out
# rounded up to whole tiles) where the micro-kernel takes 36·C_in·C_out,
# plus the transforms, measured serially for c7 (AMD EPYC, sixteenth
# session, 0.018 ns per micro-kernel multiply-add): 2.1 ns per tile and input
# channel for Bᵀ d B, 1.1 ns per tile and output channel for Aᵀ M A.
# Why: serially the micro-kernel ran c7 at about 95% of one core's FMA peak,
# so fewer multiplies were the way past it. Measured in one process (two
# threads, medians): c7 0.46 ms against 0.76, c7w 0.66-0.72 against 0.84.
# Square layers take it from 11 → 11 channels; 16 → 8 and 8 → 16 take it,
# 8 → 8 and 4 → 16 do not (HISTORY.md, sixteenth session, has the boundary's
# measurements).
WINO_MACS_PER_IN = 114
WINO_MACS_PER_OUT = 61


def winograd_wins(cin: int, cout: int, kernel_hw, stride, dilation, ho: int, wo: int,
                  dtype) -> bool:
    """True for a 3×3 kernel at stride and dilation 1 when Winograd is
    estimated cheaper than the micro-kernel (and its kernels take the shape)."""
    if (tuple(kernel_hw), tuple(stride), tuple(dilation)) != ((3, 3), (1, 1), (1, 1)):
        return False
    return W.applies(cout, ho, wo, dtype) and _wino_cheaper(cin, cout, cin, _up(cout, K.MK_CO))


def _wino_cheaper(cin: int, cout: int, cin_tiled: int, cout_tiled: int) -> bool:
    """Winograd's products (channels rounded up to whole tiles) and transforms
    against the micro-kernel's 36 multiply-adds per 2×2 block and channel pair."""
    wino = 16 * cin_tiled * cout_tiled + WINO_MACS_PER_IN * cin + WINO_MACS_PER_OUT * cout
    return wino < 36 * cin * cout


# The weight gradient's tiles keep lane sums for every position and channel
# pair from chunk to chunk, zeroed and summed across lanes once a call (1.2 MB
# for 32 → 32 channels with AVX-512): on small images that outweighs the
# saving. Measured on two threads against the micro-kernel: 0.45-0.60× the
# speed at 32² (256 tiles), 0.68-0.83× at 48², 0.86-1.03× at 64², 0.94× at
# 80² (1,600 tiles), 1.02-1.14× at 96² (2,304) and 1.05-1.70× at 128² (4,096).
WINO_GRAD_MIN_TILES = 2048


def winograd_grad_wins(cin: int, cout: int, kernel_hw, stride, dilation, ho: int,
                       wo: int, dtype) -> bool:
    """The same for the weight gradient, whose tiles take GW_CO output
    channels × GW_TAPS input channels at a time, on images of at least
    WINO_GRAD_MIN_TILES tiles."""
    th, tw = W.tiles(ho, wo)
    if cin < K.GW_TAPS or cout < K.GW_CO or th * tw < WINO_GRAD_MIN_TILES:
        return False
    return (winograd_wins(cin, cout, kernel_hw, stride, dilation, ho, wo, dtype)
            and _wino_cheaper(cin, cout, _gw_taps(cin), _up(cout, K.GW_CO)))


def _gw_taps(cin: int) -> int:
    """Input channels the Winograd gradient's tiles compute (``K._gw_block``
    with ``exact``): GW_TAPS at a time, then a last 4 or 5 as they are and a
    last 1-3 as a 3-tap tile. (Rounded up to GW_TAPS, as before the exact
    tiles, the model turned down 16 → 8, the window's largest layer, which
    Winograd computes 1.01-1.36× as fast; of the 123 channel pairs up to 64
    that the exact count lets in, seven measured at 128², paired: 0.96-1.20×
    serially, 1.00-1.32× on two threads, the least 7 → 32.)"""
    full, rest = divmod(cin, K.GW_TAPS)
    return full * K.GW_TAPS + (min(K.GW_TAPS, max(3, rest)) if rest else 0)


@lru_cache(maxsize=256)
def _plan(x_shape, w_shape, stride, padding, dilation, padding_mode, dtype) -> Plan:
    if w_shape[1] != x_shape[0]:
        raise ValueError(
            f"the kernel expects {w_shape[1]} input channel(s) but the input "
            f"has {x_shape[0]}; set the kernel's input channels to {x_shape[0]}"
        )
    s, d = pair(stride, "stride"), pair(dilation, "dilation")
    kh, kw = w_shape[2:]
    check_mode(padding_mode)
    sides = resolve_padding(padding, x_shape[1:], (kh, kw), s, d)
    if padding_mode == "reflect":
        check_reflect(x_shape[1:], sides)
    ho, wo = checked_output_hw(x_shape[1:], (kh, kw), s, d, sides)
    t, b, l, r = sides
    padded = (x_shape[0], x_shape[1] + t + b, x_shape[2] + l + r)
    starts = tap_starts(padded, (kh, kw), d)
    cout, ntaps = w_shape[0], starts.size
    gemm = gemm_wins(cout, ntaps, ho * wo, s[1] > 1)
    gemm_grad = gemm_grad_wins(cout, ntaps, ho * wo, s[1] > 1)
    starts4 = np.concatenate([starts, np.repeat(starts[:1], -ntaps % 4)])
    starts4.flags.writeable = False
    npad = padded[0] * padded[1] * padded[2]
    micro = micro_wins(cout, ntaps, ho, wo, s[1] > 1, dtype, npad)
    micro_grad = micro_grad_wins(cout, ntaps, ho, wo, s[1] > 1, dtype, npad)
    # the strips pad with zeros: other modes pad the input first (unless no padding)
    by_strips = s[1] > 1 and (padding_mode == "zeros" or not any(sides))
    return Plan(sides, s, (ho, wo), padded, starts, s[0] * padded[2],
                cout * ntaps * ho * wo, gemm, gemm_grad, starts4, (cout, ho, wo),
                (cout, ntaps), _zeros(cout, dtype), any(sides), micro, micro_grad,
                phase_starts(padded, (kh, kw), d, s[1]),
                row_tile_wins(cout, kh, kw, ho, wo, s, d, dtype), (kh, kw),
                winograd_wins(x_shape[0], cout, (kh, kw), s, d, ho, wo, dtype),
                winograd_grad_wins(x_shape[0], cout, (kh, kw), s, d, ho, wo, dtype),
                _strip(padded, (kh, kw), s, d, K.STRIP_PIXELS, (ho, wo))
                if by_strips and micro and cout >= K.MK_CO else None,
                _strip(padded, (kh, kw), s, d, K.STRIP_GRAD_PIXELS, (ho, wo))
                if by_strips and micro_grad else None)


def _frozen(v):
    """Lists and arrays of numbers as tuples, so the plan cache can key on them."""
    if isinstance(v, str) or not hasattr(v, "__iter__"):
        return v
    return tuple(int(e) for e in v)


def plan_for(x_shape, w_shape, stride, padding, dilation, padding_mode, dtype) -> Plan:
    """The cached plan; unhashable geometry arguments are frozen first."""
    try:
        return _plan(x_shape, w_shape, stride, padding, dilation, padding_mode, dtype)
    except TypeError:
        return _plan(x_shape, w_shape, _frozen(stride), _frozen(padding),
                     _frozen(dilation), padding_mode, dtype)


def _prepare(x, weight, stride, padding, dilation, padding_mode, flip):
    """Validated, contiguous, padded operands and the geometry's plan."""
    xc, w, plan = _operands(x, weight, stride, padding, dilation, padding_mode, flip)
    return _padded(plan, xc, padding_mode), w, plan


def _operands(x, weight, stride, padding, dilation, padding_mode, flip):
    """Validated, contiguous (not yet padded) operands and the plan."""
    x, weight = as_image(x), as_weight(weight)
    dt = x.dtype
    if dt != weight.dtype or dt.kind != "f":
        dt = float_dtype(x, weight)
    plan = plan_for(x.shape, weight.shape, stride, padding, dilation, padding_mode, dt)
    if flip:
        weight = weight[:, :, ::-1, ::-1]
    return _contiguous(x, dt), _contiguous(weight, dt), plan


def _padded(plan: Plan, xc, mode: str) -> np.ndarray:
    """The padded input, read-only like the caller's (one kernel type either way)."""
    return readonly(_pad(xc, plan.sides, mode)) if plan.padded else xc


def _micro_input(plan: Plan, xc, mode: str, par: bool) -> np.ndarray:
    """The flat input the micro-kernels read: padded and, with a column
    stride, split into phases, in one pass for zero padding; on both cores
    when the kernel after it runs on both (``par``), so that each core reads
    the rows it wrote. (On a `Pace` of its own the padding of c4 chose serial
    once parallel had to win by PARALLEL_COST, and the kernel then read each
    half from the other core: 0.163 ms a call idle against 0.111.)"""
    sw = plan.stride[1]
    if sw > 1 and mode == "zeros":
        out = np.empty(plan.padded_shape, dtype=xc.dtype)
        args = (xc, plan.sides[0], plan.sides[2], sw, out)
        if par:
            K.pad_phases_parallel(*args, num_threads())
        else:
            K.pad_phases(*args)
        return readonly(out.reshape(-1))
    return _phased(plan, _padded(plan, xc, mode).reshape(-1))


def _contiguous(a: np.ndarray, dt) -> np.ndarray:
    """``a`` as C-contiguous ``dt`` (itself when it already is one), read-only."""
    return readonly(a if a.dtype == dt and a.flags.c_contiguous
                    else np.ascontiguousarray(a, dt))


# Numba compiles one specialisation per argument type, and a read-only array is
# a different type from a writeable one. The window hands the core read-only
# arrays (a Document's image, the cached padded input) while the warm-up passed
# writeable ones, so on a cold cache the window's first 3×3 frame compiled the
# row-tile kernels again on the GUI thread: 1.6 s, 4.1 s for 7×7, 1.8-5.2 s on
# the other paths. Every array a caller hands in therefore reaches the kernels
# as a read-only view (no copy), whatever the caller's flag.
def readonly(a: np.ndarray) -> np.ndarray:
    """``a``, or a read-only view of it."""
    if not a.flags.writeable:
        return a
    v = a.view()
    v.setflags(write=False)  # faster than the flags attribute
    return v


@lru_cache(maxsize=64)
def phase_starts(padded_shape, kernel_hw, dilation, sw) -> np.ndarray:
    """Tap offsets in the input after ``K.phase_split``: tap (ci, a, b) reads
    phase (b·dw) mod sw, starting (b·dw) div sw columns into it."""
    c, hp, wp = padded_shape
    (kh, kw), (dh, dw) = kernel_hw, dilation
    widths = [(wp - p + sw - 1) // sw for p in range(sw)]
    offsets = np.concatenate([[0], np.cumsum(widths)[:-1]]).astype(np.int64)
    ci, a, b = np.indices((c, kh, kw)).reshape(3, -1)
    col = offsets[(b * dw) % sw] + (b * dw) // sw
    starts = (ci * hp * wp + a * dh * wp + col).astype(np.int64)
    starts.flags.writeable = False
    return starts


@lru_cache(maxsize=64)
def tap_starts(padded_shape, kernel_hw, dilation) -> np.ndarray:
    """Flat offset of each tap (ci, a, b) in the padded input, for output (0, 0)."""
    c, hp, wp = padded_shape
    (kh, kw), (dh, dw) = kernel_hw, dilation
    ci, a, b = np.indices((c, kh, kw)).reshape(3, -1)
    starts = (ci * hp * wp + a * dh * wp + b * dw).astype(np.int64)
    starts.flags.writeable = False
    return starts


def conv2d(x, weight, bias=None, *, stride=1, padding: Padding = 0, dilation=1,
           padding_mode: str = "zeros", flip: bool = False) -> np.ndarray:
    """Multi-channel 2-D cross-correlation (true convolution with ``flip``).

    ``x`` is ``(C_in, H, W)``, ``weight`` ``(C_out, C_in, kh, kw)``, ``bias``
    ``(C_out,)`` or None. Returns ``(C_out, Ho, Wo)``.
    """
    if _numpy_path.serving():  # the compiled kernels are not loaded yet
        return _numpy_path.conv2d(x, weight, bias, stride=stride, padding=padding,
                                  dilation=dilation, padding_mode=padding_mode, flip=flip)
    xc, w, plan = _operands(x, weight, stride, padding, dilation, padding_mode, flip)
    out = np.empty(plan.out_shape, dtype=w.dtype)
    b = plan.zero_bias if bias is None else _bias(bias, w.shape[0], w.dtype)
    w2 = w.reshape(plan.w2_shape)
    if plan.winograd:
        _corr_winograd(plan, xc, padding_mode, w, b, out)
    elif plan.strip:
        _corr_strips(plan, xc, w2, b, out)
    elif plan.micro:
        _corr_micro(plan, lambda par: _micro_input(plan, xc, padding_mode, par), w2, b, out)
    else:
        _corr(plan, _padded(plan, xc, padding_mode).reshape(-1), w2, b, out)
    return out


def _corr(plan: Plan, xflat, w2, b, out, path: str | None = None) -> None:
    """out = the correlation of the padded, flattened input with ``w2``;
    ``path`` ("direct", "gemm", "micro", "rows") overrides the cost model (tests)."""
    path = path or ("micro" if plan.micro else "rows" if plan.row_tile
                    else "gemm" if plan.gemm else "direct")
    if path == "rows":
        _corr_row_tiles(plan, xflat, w2, b, out)
        return
    if path == "micro":
        _corr_micro(plan, lambda par: _phased(plan, xflat), w2, b, out)
        return
    if path == "gemm":
        _corr_gemm(plan, xflat, w2, b, out)
        return
    args = (xflat, plan.starts, plan.row_step, plan.stride[1], w2, b, out)
    if plan.work < PARALLEL_WORK:
        K.corr_serial(*args)
        return
    with parallel_slot(plan.work, "corr") as par:
        (K.corr_parallel if par else K.corr_serial)(*args)


def _corr_row_tiles(plan: Plan, xflat, w2, b, out) -> None:
    cin, hp, wp = plan.padded_shape
    args = (xflat, hp * wp, cin, wp, *plan.kernel_hw, w2, b, out)
    if plan.work < PARALLEL_WORK:
        K.row_tile_serial(*args)
        return
    with parallel_slot(plan.work, "rows") as par:
        if par:
            K.row_tile_parallel(*args, num_threads())
        else:
            K.row_tile_serial(*args)


def _corr_gemm(plan: Plan, xflat, w2, b, out) -> None:
    w4 = np.zeros((w2.shape[0], plan.starts4.size), dtype=w2.dtype)  # packed, padded
    w4[:, : w2.shape[1]] = w2
    args = (xflat, plan.starts4, plan.row_step, plan.stride[1], plan.out_hw[1], w4, b,
            out.reshape(out.shape[0], -1), CHUNK_PIXELS)
    with parallel_slot(plan.work, "gemm") as par:
        if par:
            K.gemm_parallel(*args, num_threads())
        else:
            K.gemm_serial(*args)


def _phased(plan: Plan, xflat) -> np.ndarray:
    """The padded input with a column stride split into phases (``K.phase_split``)."""
    if plan.stride[1] == 1:
        return xflat
    out = np.empty(plan.padded_shape, dtype=xflat.dtype)
    K.phase_split(xflat.reshape(plan.padded_shape), plan.stride[1], out)
    return readonly(out.reshape(-1))


def pack_micro_weights(w2: np.ndarray) -> np.ndarray:
    """The flat weights as the forward tile reads them (``K.pack_micro_weights``)."""
    wp = np.empty((-(-w2.shape[0] // K.MK_CO), w2.shape[1], K.MK_CO), dtype=w2.dtype)
    K.pack_micro_weights(w2, wp)
    return wp.reshape(-1)


def _corr_micro(plan: Plan, phased, w2, b, out) -> None:
    """The forward micro-kernel on the padded, phase-split input that
    ``phased(par)`` makes, inside the same serial/parallel choice."""
    if w2.shape[0] < K.MK_CO:  # zero channels fill the tile (_mk_rows_few)
        w2 = readonly(np.concatenate([w2, np.zeros((K.MK_CO - w2.shape[0], w2.shape[1]),
                                                   w2.dtype)]))
        b = readonly(np.concatenate([b, np.zeros(K.MK_CO - b.shape[0], b.dtype)]))
    args = (plan.phase_starts, plan.row_step, pack_micro_weights(w2), b, out)
    with parallel_slot(plan.work, "micro") as par:
        if par:
            K.micro_parallel(phased(par), *args, num_threads())
        else:
            K.micro_serial(phased(par), *args)


def _corr_strips(plan: Plan, xc, w2, b, out) -> None:
    """The forward micro-kernel on the unpadded input by strips (``plan.strip``)."""
    st, (top, _, left, _) = plan.strip, plan.sides
    args = (xc, top, left, plan.stride[1], st.starts, plan.row_step, st.rows,
            pack_micro_weights(w2), b, out)
    with parallel_slot(plan.work, "strips") as par:
        if par:
            K.strips_parallel(*args, np.empty((num_threads(), *st.shape), xc.dtype))
        else:
            K.strips_serial(*args, np.empty(st.shape, xc.dtype))


def _winograd_input(plan: Plan, xc, mode: str, par: bool) -> np.ndarray:
    """The padded input split into column phases, with a zero row and column
    more where the output has an odd number of them (whole 2×2 tiles)."""
    th, tw = W.tiles(*plan.out_hw)
    out = np.empty((xc.shape[0], 2 * th + 2, 2 * tw + 2), dtype=xc.dtype)
    top, left = plan.sides[0], plan.sides[2]
    if mode != "zeros":  # the padding first, then zeros beyond it
        xc, top, left = readonly(_pad(xc, plan.sides, mode)), 0, 0
    if par:
        K.pad_phases_parallel(xc, top, left, 2, out, num_threads())
    else:
        K.pad_phases(xc, top, left, 2, out)
    return out


def _corr_winograd(plan: Plan, xc, mode: str, w, b, out) -> None:
    """out = the 3×3 correlation by Winograd F(2×2, 3×3); an output with an
    odd number of rows or columns is computed whole tiles wide, then cut.
    An output that is not finite is computed again by the other paths."""
    th, tw = W.tiles(*plan.out_hw)
    ho, wo = plan.out_hw
    whole = out if (2 * th, 2 * tw) == (ho, wo) else np.empty(
        (out.shape[0], 2 * th, 2 * tw), dtype=out.dtype)
    with parallel_slot(plan.work, "winograd") as par:
        finite = W.correlate(_winograd_input(plan, xc, mode, par), w, b, whole, par,
                             num_threads())
    if not finite:  # inf or NaN: where the direct sums put them
        _corr(plan, _padded(plan, xc, mode).reshape(-1), w.reshape(plan.w2_shape), b, out)
    elif whole is not out:
        out[:] = whole[:, :ho, :wo]


@lru_cache(maxsize=32)
def _zeros(n: int, dtype) -> np.ndarray:
    z = np.zeros(n, dtype=dtype)
    z.flags.writeable = False
    return z


def _bias(bias, c_out: int, dtype) -> np.ndarray:
    if bias is None:
        return _zeros(c_out, dtype)
    # contiguous: the micro-kernel's tiles read it through its data pointer
    b = readonly(np.ascontiguousarray(np.asarray(bias, dtype=dtype).reshape(-1)))
    if b.shape[0] != c_out:
        raise ValueError(
            f"there are {c_out} output channel(s) but {b.shape[0]} bias value(s); "
            "give one bias per output channel"
        )
    return b


def conv2d_backward(x, weight, grad_output, *, stride=1, padding: Padding = 0,
                    dilation=1, padding_mode: str = "zeros", flip: bool = False,
                    need_input: bool = True) -> Gradients:
    """Gradients of ``sum(grad_output * conv2d(x, weight, bias, ...))``.

    ``need_input=False`` skips the input gradient (``input`` is then None),
    which learning a kernel does not use.
    """
    if _numpy_path.serving():  # the compiled kernels are not loaded yet
        return _numpy_path.conv2d_backward(
            x, weight, grad_output, stride=stride, padding=padding, dilation=dilation,
            padding_mode=padding_mode, flip=flip, need_input=need_input)
    xc, w, plan = _operands(x, weight, stride, padding, dilation, padding_mode, flip)
    go = _contiguous(np.asarray(grad_output), w.dtype)
    if go.shape != (w.shape[0], *plan.out_hw):
        raise ValueError(
            f"grad_output has shape {go.shape} but the output is "
            f"{(w.shape[0], *plan.out_hw)}"
        )
    xp = _padded(plan, xc, padding_mode) if need_input else None
    gw = gb = None
    if plan.winograd_grad:  # None if not finite: then as the other paths have them
        gw, gb = _grad_weight_winograd(plan, xc, padding_mode, go)
    if gw is None:
        gw, gb = _weight_and_bias_gradients(plan, xc, xp, padding_mode, go)
    gx = None
    if need_input:
        gxp = np.zeros_like(xp)
        K.grad_padded_input(go, w.reshape(w.shape[0], -1), plan.starts, plan.row_step,
                            plan.stride[1], gxp.reshape(-1))
        gx = _unpad(gxp, np.shape(x), plan.sides, padding_mode)
    if flip:
        gw = np.ascontiguousarray(gw[:, :, ::-1, ::-1])
    return Gradients(gw, gb, gx)


def _weight_and_bias_gradients(plan: Plan, xc, xp, mode: str, go):
    """(C_out, C_in, kh, kw) and (C_out,) gradients by the micro-kernel or the
    paths of ``_grad_weight`` (``xp``: the padded input, or None if not made)."""
    wshape = (go.shape[0], plan.padded_shape[0], *plan.kernel_hw)
    if plan.grad_strip or plan.micro_grad:
        reuse = xp is not None and plan.stride[1] == 1  # no phases: the padded input
        gwb = _grad_weight_strips(plan, xc, go) if plan.grad_strip else _grad_weight_micro(
            plan, lambda par: xp.reshape(-1) if reuse else _micro_input(plan, xc, mode, par),
            go)
        return np.ascontiguousarray(gwb[:, :-1]).reshape(wshape), gwb[:, -1].copy()
    xp = _padded(plan, xc, mode) if xp is None else xp
    return _grad_weight(plan, xp.reshape(-1), go).reshape(wshape), go.sum(axis=(1, 2))


def _grad_weight(plan: Plan, xflat, go, path: str | None = None) -> np.ndarray:
    """``(C_out, taps)`` weight gradient; ``path`` overrides the cost model."""
    path = path or ("micro" if plan.micro_grad else "gemm" if plan.gemm_grad else "direct")
    if path == "micro":
        return _grad_weight_micro(plan, lambda par: _phased(plan, xflat), go)[:, :-1]
    if path == "gemm":
        return _grad_weight_gemm(plan, xflat, go)
    flat = (xflat, plan.starts, plan.row_step, plan.stride[1], go)
    return _summed(plan, "grad_weight", (go.shape[0], plan.starts.size), go.dtype,
                   lambda gw: K.grad_weight_serial(*flat, gw),
                   lambda partial: K.grad_weight_parallel(*flat, partial))


def _summed(plan: Plan, key: str, shape, dtype, serial, parallel) -> np.ndarray:
    """A gradient of ``shape`` summed into zeros by ``serial(gw)`` or, when
    the choice of ``key`` runs parallel, by ``parallel(partial)`` into zeros
    a thread, then added."""
    with parallel_slot(plan.work, key) as par:
        if not par:
            gw = np.zeros(shape, dtype=dtype)
            serial(gw)
            return gw
        partial = np.zeros((num_threads(), *shape), dtype=dtype)
        parallel(partial)
        return partial.sum(axis=0)


def _grad_weight_winograd(plan: Plan, xc, mode: str, go):
    """The weight and bias gradients by Winograd (``_winograd.grad_weight``);
    an output with an odd number of rows or columns has its gradient padded
    with zeros to whole tiles."""
    th, tw = W.tiles(*plan.out_hw)
    if go.shape[1:] != (2 * th, 2 * tw):
        whole = np.zeros((go.shape[0], 2 * th, 2 * tw), dtype=go.dtype)
        whole[:, : go.shape[1], : go.shape[2]] = go
        go = readonly(whole)
    with parallel_slot(plan.work, "winograd_grad") as par:
        return W.grad_weight(_winograd_input(plan, xc, mode, par), go, par, num_threads())


def _grad_weight_micro(plan: Plan, phased, go) -> np.ndarray:
    """``(C_out, taps + 1)``: the weight gradient, then the bias gradient, on
    the input ``phased(par)`` makes (as ``_corr_micro``)."""
    args = (plan.phase_starts, plan.row_step, go)
    return _summed(plan, "micro_grad_weight", (go.shape[0], plan.starts.size + 1), go.dtype,
                   lambda gw: K.micro_grad_weight_serial(phased(False), *args, gw),
                   lambda partial: K.micro_grad_weight_parallel(phased(True), *args, partial))


def _grad_weight_strips(plan: Plan, xc, go) -> np.ndarray:
    """``_grad_weight_micro`` on the unpadded input by strips (``plan.grad_strip``)."""
    st, (top, _, left, _) = plan.grad_strip, plan.sides
    args = (xc, top, left, plan.stride[1], st.starts, plan.row_step, st.rows, go)
    return _summed(
        plan, "strips_grad_weight", (go.shape[0], st.starts.size + 1), go.dtype,
        lambda gw: K.strips_grad_weight_serial(*args, gw, np.empty(st.shape, xc.dtype)),
        lambda partial: K.strips_grad_weight_parallel(
            *args, partial, np.empty((len(partial), *st.shape), xc.dtype)))


def _grad_weight_gemm(plan: Plan, xflat, go) -> np.ndarray:
    """gw = go (C_out × pixels) · colsᵀ (pixels × taps), a chunk at a time."""
    cout, ntaps4 = go.shape[0], plan.starts4.size
    args = (xflat, plan.starts4, plan.row_step, plan.stride[1], plan.out_hw[1],
            go.reshape(cout, -1), CHUNK_PIXELS)
    gw = _summed(plan, "gemm_grad_weight", (cout, ntaps4), go.dtype,
                 lambda gw: K.gemm_grad_weight_serial(*args, gw),
                 lambda partial: K.gemm_grad_weight_parallel(*args, partial))
    return gw[:, : plan.starts.size]


def _unpad(gxp, shape, sides, mode) -> np.ndarray:
    t, b, l, r = sides
    gx = np.zeros(shape, dtype=gxp.dtype)
    rows, cols = pad_index(shape[1], t, b, mode), pad_index(shape[2], l, r, mode)
    K.fold(gxp, rows, cols, gx)
    return gx
