"""The register-blocked micro-kernels: forward and weight-gradient tiles, the
phase split a column stride needs, ragged edges, the cost model's choice at
its boundaries, and that the tiles really run on 8-lane FMAs."""

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from llvmlite import binding as llvm

import naive
import numba
from convlab.core import _jit
from convlab.core import _kernels as K
from convlab.core import conv as C
from convlab.core import conv2d, conv2d_backward
from naive import MODES, tol

pytestmark = pytest.mark.usefixtures("fresh_plans")  # tests/core/conftest.py


@st.composite
def problems(draw, min_cout=K.MK_CO, min_taps=1, max_cout=13, modes=MODES, min_sw=1,
             max_ho=6):
    """Geometry the micro-kernels accept: an output at least one forward tile
    wide (and, by default, at least one tile of output channels)."""
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    cin, cout = draw(st.integers(1, 4)), draw(st.integers(min_cout, max_cout))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    if cin * kh * kw < min_taps:  # 2 rows and enough columns
        kh, kw = 2, -(-min_taps // (2 * cin))
    sh, sw = draw(st.integers(1, 3)), draw(st.integers(min_sw, 3))
    dh, dw = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    mode = draw(st.sampled_from(modes))
    sides = tuple(draw(st.integers(0, 2)) for _ in range(4))
    width = K.MK_VEC * K.lanes(dtype)
    wo = draw(st.integers(width, width * 3 + 5))  # ragged widths included
    ho = draw(st.integers(1, max_ho))
    h = max((ho - 1) * sh + dh * (kh - 1) + 1 - sides[0] - sides[1], max(sides[:2]) + 1)
    w = max((wo - 1) * sw + dw * (kw - 1) + 1 - sides[2] - sides[3], max(sides[2:]) + 1)
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal((cin, h, w)).astype(dtype)
    wt = rng.standard_normal((cout, cin, kh, kw)).astype(dtype)
    bias = rng.standard_normal(cout).astype(dtype) if draw(st.booleans()) else None
    geo = dict(stride=(sh, sw), padding=sides, dilation=(dh, dw), padding_mode=mode)
    return x, wt, bias, geo


def forward(x, w, bias, geo, path):
    xp, wc, plan = C._prepare(x, w, geo["stride"], geo["padding"], geo["dilation"],
                              geo["padding_mode"], False)
    out = np.empty(plan.out_shape, dtype=wc.dtype)
    b = C._bias(bias, wc.shape[0], wc.dtype)
    C._corr(plan, xp.reshape(-1), wc.reshape(plan.w2_shape), b, out, path=path)
    return out


def naive_forward(x, w, bias, geo):
    return naive.conv2d(x, w, bias, geo["stride"], geo["padding"], geo["dilation"],
                        geo["padding_mode"])


@settings(max_examples=120, deadline=None)
@given(problems())
def test_micro_forward_matches_naive_loops(p):
    x, w, bias, geo = p
    got = forward(x, w, bias, geo, "micro")
    assert got.dtype == x.dtype
    np.testing.assert_allclose(got, naive_forward(x, w, bias, geo), *tol(x.dtype))


@settings(max_examples=80, deadline=None)
@given(problems(min_cout=1, max_cout=K.MK_CO - 1))
def test_micro_forward_with_fewer_channels_than_a_tile_matches_naive(p):
    """1–3 output channels: zero channels fill the tile, only the real ones
    are written (the output keeps its shape)."""
    x, w, bias, geo = p
    got = forward(x, w, bias, geo, "micro")
    assert got.shape[0] == w.shape[0]
    np.testing.assert_allclose(got, naive_forward(x, w, bias, geo), *tol(x.dtype))


@settings(max_examples=80, deadline=None)
@given(problems())
def test_public_conv2d_on_micro_geometry_matches_naive(p):
    """The public call pads and splits phases in one pass (zero padding) or
    through the padded input (other modes); either way the naive answer."""
    x, w, bias, geo = p
    got = conv2d(x, w, bias, **geo)
    np.testing.assert_allclose(got, naive_forward(x, w, bias, geo), *tol(x.dtype))


@settings(max_examples=50, deadline=None)
@given(problems())
def test_micro_forward_matches_scipy(p):
    x, w, bias, geo = p
    x, w = x.astype(np.float64), w.astype(np.float64)
    got = forward(x, w, bias, geo, "micro")
    np.testing.assert_allclose(got, naive.scipy_conv(x, w, bias, geo), rtol=1e-9, atol=1e-9)


def naive_grad_weight(x, w, go, geo):
    """d sum(go · out) / d w[co, idx]: the response to a one-hot kernel."""
    want = np.zeros(w.shape)
    for idx in np.ndindex(w.shape[1:]):
        one = np.zeros((1, *w.shape[1:]))
        one[(0, *idx)] = 1.0
        resp = naive_forward(x, one, None, geo)[0]
        want[(slice(None), *idx)] = np.tensordot(go, resp, axes=([1, 2], [0, 1]))
    return want


@settings(max_examples=80, deadline=None)
@given(problems(min_cout=K.GW_CO, min_taps=K.GW_TAPS))
def test_micro_weight_gradient_matches_naive(p):
    x, w, _, geo = p
    out = naive_forward(x, w, None, geo)
    go = np.random.default_rng(3).standard_normal(out.shape).astype(x.dtype)
    want = naive_grad_weight(x, w, go, geo)
    xp, wc, plan = C._prepare(x, w, geo["stride"], geo["padding"], geo["dilation"],
                              geo["padding_mode"], False)
    got = C._grad_weight(plan, xp.reshape(-1), go, path="micro").reshape(w.shape)
    rtol, atol = tol(x.dtype)
    np.testing.assert_allclose(got, want, rtol=rtol * 5, atol=atol * 20)
    public = conv2d_backward(x, w, go, **geo, need_input=False)
    np.testing.assert_allclose(public.weight, want, rtol=rtol * 5, atol=atol * 20)
    assert public.weight.flags.c_contiguous and public.bias.dtype == x.dtype
    np.testing.assert_allclose(public.bias, go.astype(np.float64).sum(axis=(1, 2)),
                               rtol=rtol * 5, atol=atol * 20)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_ragged_edges_are_counted_once(dtype):
    """Channels, taps and columns that are not whole tiles: the last tiles
    overlap the ones before; nothing is written wrong or summed twice."""
    rng = np.random.default_rng(7)
    width = K.MK_VEC * K.lanes(dtype)
    x = rng.standard_normal((2, 5, width + 5)).astype(dtype)
    w = rng.standard_normal((K.MK_CO + 3, 2, 2, 2)).astype(dtype)  # 8 taps: 3+3+2 (AVX-512: 6+2)
    geo = dict(stride=(1, 1), padding=(0, 0, 0, 0), dilation=(1, 1), padding_mode="zeros")
    want = naive_forward(x, w, None, geo)
    np.testing.assert_allclose(forward(x, w, None, geo, "micro"), want, *tol(dtype))
    go = rng.standard_normal(want.shape).astype(dtype)
    xp, _, plan = C._prepare(x, w, 1, 0, 1, "zeros", False)
    got = C._grad_weight(plan, xp.reshape(-1), go, path="micro").reshape(w.shape)
    rtol, atol = tol(dtype)
    np.testing.assert_allclose(got, naive_grad_weight(x, w, go, geo), rtol * 5, atol * 20)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("sw", [1, 2, 3, 4])
def test_pad_phases_is_padding_then_phase_split(sw, dtype):
    """Widths below a vector of pairs, whole vectors and ragged ones (the
    stride-2 split takes pairs apart a vector at a time, the last vector
    overlapping the one before)."""
    rng = np.random.default_rng(sw)
    lanes = K.lanes(dtype)
    for left, right, top in ((0, 0, 0), (1, 3, 2), (5, 0, 1), (2, 7, 0)):
        for w in (1, 2, 9, 2 * lanes, 2 * lanes + 1, 4 * lanes + 6, 6 * lanes + 3):
            x = rng.standard_normal((2, 3, w)).astype(dtype)
            xp = np.pad(x, ((0, 0), (top, 1), (left, right)))
            want = np.concatenate([xp[:, :, p::sw] for p in range(sw)], axis=2)
            for nth in (0, 1, 2, 3):  # 0: the serial kernel
                got = np.full_like(xp, np.nan)  # every value must be written
                if nth:
                    K.pad_phases_parallel(x, top, left, sw, got, nth)
                else:
                    K.pad_phases(x, top, left, sw, got)
                np.testing.assert_array_equal(got, want)
            split = np.empty_like(xp)
            K.phase_split(xp, sw, split)
            np.testing.assert_array_equal(split, want)


def test_strided_layers_match_the_naive_loops_in_either_mode(monkeypatch):
    """The serial and the parallel padding + phase split (the kernel's mode)
    feed the micro-kernels the same input: forward and weight gradient."""
    rng = np.random.default_rng(7)
    cols = 2 * K.MK_VEC * K.lanes(np.float32) + 6  # an output one tile + 3 wide
    x = rng.standard_normal((3, 40, cols)).astype(np.float32)
    w = rng.standard_normal((8, 3, 3, 3)).astype(np.float32)
    geo = dict(stride=(2, 2), padding=(1, 1, 1, 1), dilation=(1, 1), padding_mode="zeros")
    plan = C.plan_for(x.shape, w.shape, 2, 1, 1, "zeros", np.dtype(np.float32))
    assert plan.micro and plan.micro_grad
    go = rng.standard_normal(plan.out_shape).astype(np.float32)
    want = naive_forward(x, w, None, geo)
    want_gw = naive_grad_weight(x, w, go, geo)
    for parallel in (False, True):
        monkeypatch.setattr(_jit.Pace, "prefer_parallel", lambda self, p=parallel: p)
        monkeypatch.setattr(_jit, "PARALLEL_WORK", 0)  # this small layer too
        np.testing.assert_allclose(conv2d(x, w, **geo), want, rtol=1e-4, atol=1e-4)
        gw = conv2d_backward(x, w, go, **geo, need_input=False).weight
        np.testing.assert_allclose(gw, want_gw, rtol=1e-4, atol=1e-3)


@pytest.mark.parametrize("cout", [3, 8])
def test_the_padding_runs_in_the_mode_of_the_kernel_after_it(monkeypatch, cout):
    """One serial/parallel choice, timed, covers padding and kernel: on a
    `Pace` of its own c4's padding went serial while the kernel ran parallel
    (each core then read the rows the other had written), and a padding that
    followed the forward kernel's choice ran parallel, stalling, under the
    weight gradient, which the forward kernel's timings never saw. With a
    whole tile of channels the strip kernels pad inside the kernel; with
    fewer the forward pads first."""
    rng = np.random.default_rng(5)
    cin = 8 if cout < K.MK_CO else 3  # enough work for the micro-kernel
    x = rng.standard_normal((cin, 40, 300)).astype(np.float32)
    w = rng.standard_normal((cout, cin, 3, 3)).astype(np.float32)
    plan = C.plan_for(x.shape, w.shape, 2, 1, 1, "zeros", np.dtype(np.float32))
    assert plan.micro and bool(plan.strip) == (cout >= K.MK_CO)
    go = rng.standard_normal(plan.out_shape).astype(np.float32)
    calls = []
    for name in ("pad_phases", "pad_phases_parallel", "micro_serial", "micro_parallel",
                 "micro_grad_weight_serial", "micro_grad_weight_parallel", "strips_serial",
                 "strips_parallel", "strips_grad_weight_serial",
                 "strips_grad_weight_parallel"):
        real = getattr(K, name)
        monkeypatch.setattr(K, name, lambda *a, n=name, f=real: (calls.append(n), f(*a))[1])
    monkeypatch.setattr(_jit, "PARALLEL_WORK", 0)
    monkeypatch.setattr(_jit, "_PACES", {})
    for parallel in (False, True):
        monkeypatch.setattr(_jit.Pace, "prefer_parallel", lambda self, p=parallel: p)
        calls.clear()
        conv2d(x, w, stride=2, padding=1)
        conv2d_backward(x, w, go, stride=2, padding=1, need_input=False)
        assert calls == _calls_in(parallel, cout)
    if cout >= K.MK_CO:
        assert {k for k, _ in _jit._PACES} == {"strips", "strips_grad_weight"}
    with _jit._PARALLEL_LOCK:  # another thread in a parallel kernel: all serial
        calls.clear()
        conv2d(x, w, stride=2, padding=1)
        conv2d_backward(x, w, go, stride=2, padding=1, need_input=False)
        assert calls == _calls_in(False, cout)


def _calls_in(parallel: bool, cout: int) -> list[str]:
    mode = "parallel" if parallel else "serial"
    if cout < K.MK_CO:  # then the gradient takes a path not watched here
        return ["pad_phases_parallel" if parallel else "pad_phases", f"micro_{mode}"]
    return [f"strips_{mode}", f"strips_grad_weight_{mode}"]


def test_zero_padded_strided_layers_take_the_strip_kernels():
    """Strips need zero padding (or none), a column stride and, forward, a
    whole tile of output channels; other layers pad the whole input first."""
    cols = 640

    def plan(cout=8, stride=2, mode="zeros"):
        return C.plan_for((3, 40, cols), (cout, 3, 3, 3), stride, 1, 1, mode,
                          np.dtype(np.float32))

    p = plan()
    assert p.micro and p.strip and p.micro_grad and p.grad_strip
    share = max(8, -(-p.out_hw[0] // _jit.num_threads()))  # a thread's rows, or 8
    assert 1 <= p.strip.rows <= share and 1 <= p.grad_strip.rows <= share
    assert p.strip.rows * p.out_hw[1] <= K.STRIP_PIXELS
    assert p.grad_strip.rows * p.out_hw[1] <= K.STRIP_GRAD_PIXELS
    assert p.strip.shape == (3, (p.strip.rows - 1) * 2 + 3, cols + 2)
    assert plan(stride=(2, 1)).micro and not plan(stride=(2, 1)).strip
    assert plan(stride=(1, 2)).strip
    assert plan(mode="reflect").micro and not plan(mode="reflect").strip
    no_pad = C.plan_for((3, 40, cols), (8, 3, 3, 3), 2, 0, 1, "reflect", np.dtype(np.float32))
    assert no_pad.strip and no_pad.grad_strip  # as the window calls it: padded already
    assert plan(cout=K.MK_CO - 1).micro and not plan(cout=K.MK_CO - 1).strip


@settings(max_examples=60, deadline=None)
@given(problems(min_cout=K.GW_CO, min_taps=K.GW_TAPS, modes=("zeros",), min_sw=2,
                max_ho=14), st.integers(1, 4), st.integers(1, 3))
def test_strip_kernels_over_many_strips_match_the_naive_loops(p, rows, nth):
    """Strips of 1-4 output rows, so that rows are shared between strips and
    threads; the strip buffers start as NaN, so a value the tiles read that
    the padding and phase split did not write shows."""
    x, w, bias, geo = p
    xc, wc, plan = C._operands(x, w, geo["stride"], geo["padding"], geo["dilation"],
                               "zeros", False)
    wo = plan.out_hw[1]
    strip = C._strip(plan.padded_shape, plan.kernel_hw, plan.stride, geo["dilation"],
                     rows * wo, (10**6, wo))  # no cap by the threads
    assert strip.rows == rows
    args = (xc, plan.sides[0], plan.sides[2], plan.stride[1], strip.starts, plan.row_step,
            rows)
    w2, b = wc.reshape(plan.w2_shape), C._bias(bias, w.shape[0], w.dtype)
    ser, par = (np.full(plan.out_shape, np.nan, x.dtype) for _ in range(2))
    K.strips_serial(*args, C.pack_micro_weights(w2), b, ser, np.full(strip.shape, np.nan,
                                                                    x.dtype))
    K.strips_parallel(*args, C.pack_micro_weights(w2), b, par,
                      np.full((nth, *strip.shape), np.nan, x.dtype))
    np.testing.assert_allclose(ser, naive_forward(x, w, bias, geo), *tol(x.dtype))
    np.testing.assert_array_equal(par, ser)
    go = np.random.default_rng(rows).standard_normal(ser.shape).astype(x.dtype)
    gs, gp = np.zeros((w.shape[0], w2.shape[1] + 1), x.dtype), np.zeros(
        (nth, w.shape[0], w2.shape[1] + 1), x.dtype)
    K.strips_grad_weight_serial(*args, go, gs, np.full(strip.shape, np.nan, x.dtype))
    K.strips_grad_weight_parallel(*args, go, gp, np.full((nth, *strip.shape), np.nan,
                                                         x.dtype))
    rtol, atol = tol(x.dtype)
    want = naive_grad_weight(x, w, go, geo).reshape(w.shape[0], -1)
    for got in (gs, gp.sum(axis=0)):
        np.testing.assert_allclose(got[:, :-1], want, rtol=rtol * 5, atol=atol * 20)
        np.testing.assert_allclose(got[:, -1], go.astype(np.float64).sum(axis=(1, 2)),
                                   rtol=rtol * 5, atol=atol * 20)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("nth", [1, 2, 3])
def test_parallel_micro_kernels_match_serial(dtype, nth):
    rng = np.random.default_rng(nth)
    cols = K.MK_VEC * K.lanes(dtype) + 25  # a ragged last tile (41 with AVX2, float32)
    x = rng.standard_normal((3, 23, cols)).astype(dtype)
    w = rng.standard_normal((9, 3, 3, 3)).astype(dtype)
    xp, wc, plan = C._prepare(x, w, 1, 1, 1, "zeros", False)
    wp = C.pack_micro_weights(wc.reshape(9, -1))
    b = rng.standard_normal(9).astype(dtype)
    args = (xp.reshape(-1), plan.phase_starts, plan.row_step, wp, b)
    ser, par = (np.empty(plan.out_shape, dtype) for _ in range(2))
    K.micro_serial(*args, ser)
    K.micro_parallel(*args, par, nth)
    np.testing.assert_array_equal(par, ser)
    go = rng.standard_normal(ser.shape).astype(dtype)
    gs, gp = np.zeros((9, 28), dtype), np.zeros((nth, 9, 28), dtype)  # + bias column
    gargs = (xp.reshape(-1), plan.phase_starts, plan.row_step, go)
    K.micro_grad_weight_serial(*gargs, gs)
    K.micro_grad_weight_parallel(*gargs, gp)
    np.testing.assert_allclose(gp.sum(axis=0), gs, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(gs[:, 27], go.sum(axis=(1, 2)), rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("cout", [2, 3])
# just over one whole tile, and wide enough for the 2- and 3-channel tiles (with
# AVX2: 17, the zero-filled 4-channel tile, and 40, the channels' own)
@pytest.mark.parametrize("wo", [K.MK_VEC * K.lanes(np.float32) + 1,
                                max(K.FEW3_VEC, K.FEW2_VEC) * K.lanes(np.float32) + 8])
def test_parallel_micro_kernels_with_few_channels_match_serial(cout, wo):
    rng = np.random.default_rng(cout * wo)
    x = rng.standard_normal((2, 13, wo + 2)).astype(np.float32)
    w = rng.standard_normal((cout, 2, 3, 3)).astype(np.float32)
    xp, wc, plan = C._prepare(x, w, 1, 0, 1, "zeros", False)
    w2 = np.zeros((K.MK_CO, 18), np.float32)
    w2[:cout] = wc.reshape(cout, -1)
    args = (xp.reshape(-1), plan.phase_starts, plan.row_step, C.pack_micro_weights(w2),
            np.zeros(K.MK_CO, np.float32))
    ser, par = (np.full(plan.out_shape, np.nan, np.float32) for _ in range(2))
    K.micro_serial(*args, ser)
    K.micro_parallel(*args, par, 3)
    np.testing.assert_array_equal(par, ser)
    want = naive.conv2d(x, w, None, (1, 1), (0, 0, 0, 0), (1, 1))
    np.testing.assert_allclose(ser, want, rtol=1e-4, atol=1e-4)


def test_two_threads_on_the_micro_path_at_once():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((8, 200, 200)).astype(np.float32)
    w = rng.standard_normal((16, 8, 3, 3)).astype(np.float32)
    assert C.plan_for(x.shape, w.shape, 2, 1, 1, "zeros", np.dtype(np.float32)).micro
    go = np.ones((16, 100, 100), np.float32)
    naive.same_on_two_threads(lambda: (conv2d(x, w, padding=1, stride=2), conv2d_backward(
        x, w, go, padding=1, stride=2, need_input=False).weight))


# --- the cost model -----------------------------------------------------------

def up(n, k):
    return -(-n // k) * k


def micro_model(cout, ntaps, ho, wo, strided, lanes, npad):
    """The documented forward estimate, restated (model ns)."""
    width = K.MK_VEC * lanes
    if cout < 2 or wo < width:
        return False
    tiles = -(-cout // 4) * -(-wo // width) * ho  # 2–3 channels: one whole tile
    micro = tiles * (4 * width * ntaps * 0.0045 + 0.6) + (npad * 0.07 if strided else 0)
    micro += 300
    direct = cout * ntaps * ho * wo * (0.013 if cout >= 4 else 0.012) * (1.6 if strided else 1)
    gemm = up(ntaps, 4) * ho * wo * (cout * 0.012 + (0.2 if strided else 0.05)) + 3000
    return micro < min(direct, gemm)


def micro_grad_model(cout, ntaps, ho, wo, strided, lanes, npad):
    if cout < 4 or ntaps < K.GW_TAPS or wo < lanes:
        return False
    tiles = -(-cout // 4) * -(-ntaps // K.GW_TAPS)
    chunks = -(-ho // max(1, K.GW_PIXELS // wo))
    micro = tiles * 4 * K.GW_TAPS * ho * up(wo, lanes) * 0.005 + tiles * chunks * 4.0
    micro += (npad * 0.07 if strided else 0) + 300
    direct = cout * ntaps * ho * wo * (0.06 if strided else 0.02)
    gemm = up(ntaps, 4) * ho * wo * (cout * 0.011 + (0.2 if strided else 0.05)) + 3000
    return micro < min(direct, gemm)


def test_micro_cost_models_are_the_documented_ones():
    for dtype in (np.float32, np.float64):
        lanes = K.lanes(dtype)
        for cout in (1, 3, 4, 5, 8, 16, 32, 64):
            for ntaps in (1, 2, 3, 9, 27, 144):
                for ho, wo in ((1, 4), (1, 16), (3, 17), (64, 64), (128, 128), (500, 40)):
                    for strided in (False, True):
                        npad = ntaps * (ho + 2) * (wo + 2)
                        args = (cout, ntaps, ho, wo, strided)
                        want = micro_model(*args, lanes, npad)
                        assert C.micro_wins(*args, dtype, npad) == want, args
                        want = micro_grad_model(*args, lanes, npad)
                        assert C.micro_grad_wins(*args, dtype, npad) == want, args


def test_the_micro_kernel_needs_a_whole_tile():
    for dtype in (np.float32, np.float64):
        width = K.MK_VEC * K.lanes(dtype)
        assert not C.micro_wins(1, 144, 1000, 1000, False, dtype)  # 1 channel: direct
        assert not C.micro_wins(1, 289, 500, 250, True, dtype)  # even strided
        assert C.micro_wins(3, 144, 1000, 1000, False, dtype)  # zero channels fill it
        assert not C.micro_wins(64, 144, 1000, width - 1, False, dtype)  # too narrow
        assert C.micro_wins(64, 144, 1000, width, False, dtype)
        assert not C.micro_grad_wins(3, 144, 1000, 1000, False, dtype)
        assert not C.micro_grad_wins(64, 2, 1000, 1000, False, dtype)  # < 3 taps
        assert not C.micro_grad_wins(64, 144, 1000, K.lanes(dtype) - 1, False, dtype)


def rows_boundary(wins, cout, ntaps, wo, strided, npad_per_row):
    """The fewest output rows for which ``wins`` picks the micro-kernel."""
    for ho in range(1, 4096):
        if wins(cout, ntaps, ho, wo, strided, np.dtype(np.float64), npad_per_row * ho):
            return ho
    raise AssertionError("never wins")


@pytest.mark.parametrize("cout,ntaps,tiles", [(4, 9, 1), (8, 4, 2), (6, 12, 2)])
def test_forward_takes_the_micro_kernel_exactly_at_its_boundary(monkeypatch, cout, ntaps,
                                                                tiles):
    """The fixed cost (weight packing) decides small problems: one row fewer
    stays on the direct kernels, at the boundary the micro-kernel runs."""
    wo = tiles * K.MK_VEC * K.lanes(np.float64)  # float64, as rows_boundary
    npad_per_row = ntaps * wo
    n = rows_boundary(C.micro_wins, cout, ntaps, wo, False, npad_per_row)
    used = []
    real = C._corr_micro
    monkeypatch.setattr(C, "_corr_micro", lambda *a: (used.append(1), real(*a))[1])
    rng = np.random.default_rng(n)
    for ho in (n - 1, n):
        if ho < 1:
            continue
        x = rng.standard_normal((ntaps, ho, wo))  # 1×1 kernel: taps = channels
        w = rng.standard_normal((cout, ntaps, 1, 1))
        used.clear()
        got = conv2d(x, w)
        assert bool(used) == (ho == n)
        want = np.einsum("oc,chw->ohw", w[:, :, 0, 0], x)
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("cout,ntaps,wo", [(4, 12, 8), (8, 6, 16), (5, 9, 8)])
def test_weight_gradient_takes_the_micro_kernel_exactly_at_its_boundary(monkeypatch, cout,
                                                                         ntaps, wo):
    n = rows_boundary(C.micro_grad_wins, cout, ntaps, wo, False, ntaps * wo)
    used = []
    real = C._grad_weight_micro
    monkeypatch.setattr(C, "_grad_weight_micro", lambda *a: (used.append(1), real(*a))[1])
    rng = np.random.default_rng(n)
    for ho in (n - 1, n):
        if ho < 1:
            continue
        x = rng.standard_normal((ntaps, ho, wo))
        w = rng.standard_normal((cout, ntaps, 1, 1))
        go = rng.standard_normal((cout, ho, wo))
        used.clear()
        got = conv2d_backward(x, w, go, need_input=False).weight
        assert bool(used) == (ho == n)
        want = np.einsum("ohw,chw->oc", go, x)[:, :, None, None]
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-9)


# --- the tiles really are vector code -------------------------------------------

def vector_fmas(py_func, *args):
    """FMAs on whole registers (ymm, or zmm with AVX-512) in a fresh, uncached
    compile (a kernel loaded from numba's cache has no assembly to show)."""
    fresh = numba.njit(fastmath=_jit.FASTMATH)(py_func)
    fresh(*args)
    (asm,) = fresh.inspect_asm().values()
    reg = "zmm" if K.REG_BYTES == 64 else "ymm"
    return len(re.findall(rf"vfmadd\w+p[sd]\s+[^\n]*%{reg}", asm))


@pytest.mark.skipif("+avx2" not in llvm.get_host_cpu_features().flatten(),
                    reason="the tiles are 256-bit; without AVX2 LLVM splits them")
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_tiles_compile_to_whole_register_fmas(dtype):
    """Forward: MK_CO·MK_VEC FMAs per tap; gradient: GW_CO·GW_TAPS per
    column vector in the loop over whole vectors (unrolled at least twice;
    the masked last vector multiplies and adds instead)."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 6, K.MK_VEC * K.lanes(dtype) + 8)).astype(dtype)
    w = rng.standard_normal((8, 2, 3, 3)).astype(dtype)
    xp, wc, plan = C._prepare(x, w, 1, 1, 1, "zeros", False)
    out = np.empty(plan.out_shape, dtype)
    wp = C.pack_micro_weights(wc.reshape(8, -1))
    n = vector_fmas(K._mk_rows.py_func, xp.reshape(-1), plan.phase_starts, plan.row_step, wp,
                 np.zeros(8, dtype), out, 0, out.shape[1])
    assert n >= K.MK_CO * K.MK_VEC
    np.testing.assert_allclose(out, naive_forward(x, w, None, dict(
        stride=(1, 1), padding=(1, 1, 1, 1), dilation=(1, 1), padding_mode="zeros")),
        *tol(dtype))
    gw = np.zeros((8, 19), dtype)  # 18 taps and the bias gradient
    n = vector_fmas(K._gw_micro_rows.py_func, xp.reshape(-1), plan.phase_starts, plan.row_step,
                 out, 0, out.shape[1], gw)
    assert n >= 2 * K.GW_CO * K.GW_TAPS


def test_packed_weights_are_channel_blocks_tap_major():
    w2 = np.arange(6 * 3, dtype=np.float64).reshape(6, 3)  # 6 channels: blocks 0-3, 2-5
    wp = C.pack_micro_weights(w2).reshape(2, 3, K.MK_CO)
    np.testing.assert_array_equal(wp[0], w2[0:4].T)
    np.testing.assert_array_equal(wp[1], w2[2:6].T)


def test_kernels_refuse_a_geometry_without_a_whole_tile():
    """Forcing the micro path on too narrow an output raises, never writes
    outside the arrays."""
    x, w = np.ones((1, 4, 6)), np.ones((4, 1, 2, 2))
    geo = dict(stride=(1, 1), padding=(0, 0, 0, 0), dilation=(1, 1), padding_mode="zeros")
    with pytest.raises(ValueError, match="whole tile"):
        forward(x, w, None, geo, "micro")
    xp, _, plan = C._prepare(np.ones((1, 4, 4)), w, 1, 0, 1, "zeros", False)
    with pytest.raises(ValueError, match="whole tile"):
        C._grad_weight(plan, xp.reshape(-1), np.ones((4, 3, 3)), path="micro")


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("ntaps", [K.GW_TAPS, K.GW_TAPS + 1, K.GW_TAPS + 2, K.GW_TAPS + 3,
                                   K.GW_TAPS + 4, 2 * K.GW_TAPS - 1, 2 * K.GW_TAPS + 1])
def test_every_leftover_block_of_taps_is_counted_once(dtype, ntaps):
    """A 1×n kernel on one input channel has n taps: whatever is left after the
    whole tap tiles (a 3-tap tile, or an overlapping whole one) is summed
    once."""
    rng = np.random.default_rng(ntaps)
    x = rng.standard_normal((1, 5, K.lanes(dtype) + ntaps + 3)).astype(dtype)
    w = rng.standard_normal((K.GW_CO + 1, 1, 1, ntaps)).astype(dtype)
    geo = dict(stride=(1, 1), padding=(0, 0, 0, 0), dilation=(1, 1), padding_mode="zeros")
    go = rng.standard_normal(naive_forward(x, w, None, geo).shape).astype(dtype)
    xp, _, plan = C._prepare(x, w, 1, 0, 1, "zeros", False)
    got = C._grad_weight(plan, xp.reshape(-1), go, path="micro").reshape(w.shape)
    rtol, atol = tol(dtype)
    np.testing.assert_allclose(got, naive_grad_weight(x, w, go, geo), rtol=rtol * 5,
                               atol=atol * 20)


@pytest.mark.parametrize("exact", [False, True])
@pytest.mark.parametrize("ntaps", range(K.GW_TAPS, 4 * K.GW_TAPS))
def test_tap_blocks_count_every_tap_once(ntaps, exact):
    """Winograd's gradient takes input channels as taps: 16 of them in 6-tap
    tiles computed 18 before a last block of 4 got a tile of its own
    (``exact``); then only a last 1 or 2 overlap the tile before."""
    n_tb = -(-ntaps // K.GW_TAPS)
    counted, computed = [], 0
    for b in range(n_tb):
        _, t0, nt, _, k_new = K._gw_block(b, n_tb, K.GW_CO, ntaps, exact)
        counted += range(t0 + k_new, t0 + nt)
        computed += nt
    assert sorted(counted) == list(range(ntaps))
    left = ntaps % K.GW_TAPS
    if exact:
        assert computed - ntaps == max(0, 3 - left) % 3
    else:  # a last 4 or 5 overlap a whole tile
        assert computed - ntaps == (K.GW_TAPS - left if left > 3 else (3 - left) % 3)


def test_float32_weight_gradient_over_many_chunks_keeps_its_precision():
    """A 1024 × 1000 output is hundreds of chunks: each tile's float32 lane
    sums are added into float64 after K.GW_FOLD_TERMS terms. Summed in one
    float32 run per lane, the errors measured 5-10× these bounds (median
    2.6e-9, max 1.3e-8 of Σ|go·x|; with the fold 4.6e-10 and 1.3e-9)."""
    rng = np.random.default_rng(0)
    h, w = 1024, 1000
    x = rng.standard_normal((1, h + 1, w + 2)).astype(np.float32)
    xp, _, plan = C._prepare(x, np.zeros((4, 1, 2, 3), np.float32), 1, 0, 1, "zeros", False)
    go = rng.standard_normal(plan.out_shape).astype(np.float32)
    gw = np.zeros((4, 7), np.float32)
    K.micro_grad_weight_serial(xp.reshape(-1), plan.phase_starts, plan.row_step, go, gw)
    x64, g64 = x[0].astype(np.float64), go.astype(np.float64)
    err = []
    for t, (a, b) in enumerate(np.ndindex(2, 3)):
        win = x64[a : a + h, b : b + w]
        want = np.einsum("chw,hw->c", g64, win)
        scale = np.einsum("chw,hw->c", np.abs(g64), np.abs(win))
        err.append(np.abs(gw[:, t] - want) / scale)
    assert np.median(err) < 1.2e-9 and np.max(err) < 5e-9


@pytest.mark.parametrize("cin,cout,k,stride", [(3, 8, 3, 1), (3, 3, 3, 1), (16, 16, 3, 1),
                                               (2, 8, 3, 2), (1, 1, 5, 1)])
def test_a_strided_bias_is_read_value_by_value(cin, cout, k, stride):
    """A bias that is a view of every other value: the tiles read the bias
    through its data pointer, so it must reach them contiguous (it did not:
    the micro-kernel added the skipped values)."""
    rng = np.random.default_rng(cout)
    x = rng.standard_normal((cin, 40, 2 * K.MK_VEC * K.lanes(np.float32) + 3))
    w = rng.standard_normal((cout, cin, k, k))
    bias = np.arange(2.0 * cout)[::2]
    for dt in (np.float32, np.float64):
        got = conv2d(x.astype(dt), w.astype(dt), bias, stride=stride, padding=1)
        want = naive.scipy_conv(x, w, bias, dict(stride=(stride, stride),
                                                 padding=(1, 1, 1, 1), dilation=(1, 1),
                                                 padding_mode="zeros"))
        np.testing.assert_allclose(got, want, *tol(dt))


def sliced_grad_weight(x, wshape, go, stride, sides):
    """The float64 weight gradient as sums of products over strided slices
    (an inf in ``x`` stays ±inf where ``go`` is not zero)."""
    (sh, sw), (t, b, l, r) = stride, sides
    xp = np.pad(x.astype(np.float64), ((0, 0), (t, b), (l, r)))
    ho, wo = go.shape[1:]
    gw = np.zeros(wshape)
    for a in range(wshape[2]):
        for c in range(wshape[3]):
            sl = xp[:, a : a + (ho - 1) * sh + 1 : sh, c : c + (wo - 1) * sw + 1 : sw]
            gw[:, :, a, c] = np.einsum("oij,cij->oc", go.astype(np.float64), sl)
    return gw


@pytest.mark.parametrize("stride", [(1, 1), (1, 2)])
@pytest.mark.parametrize("column", ["first masked", "last masked", "last"])
def test_an_inf_under_the_last_ragged_vector_gives_inf_not_nan(stride, column):
    """The gradient tile's last vector overlaps the one before it and masks
    the lanes counted already (output columns 3·lanes + 7 to 4·lanes - 1
    here): masked before the multiply, an inf under them became 0 · inf =
    NaN instead of ±inf (a review found it)."""
    lanes = K.lanes(np.float32)
    wo = 4 * lanes + 7  # a ragged last vector
    j = {"first masked": 3 * lanes + 7, "last masked": 4 * lanes - 1, "last": wo - 1}[column]
    rng = np.random.default_rng(j)
    x = rng.standard_normal((3, 12, (wo - 1) * stride[1] + 3)).astype(np.float32)
    x[1, 5, j * stride[1] + 1] = np.inf  # read by output column j (and its neighbours)
    w = np.ones((8, 3, 3, 3), np.float32)
    plan = C.plan_for(x.shape, w.shape, stride, 0, 1, "zeros", np.dtype(np.float32))
    assert plan.out_hw[1] == wo
    go = rng.uniform(0.5, 1.5, plan.out_shape).astype(np.float32)  # no zeros
    want = sliced_grad_weight(x, w.shape, go, stride, (0, 0, 0, 0))
    assert np.isinf(want).any() and not np.isnan(want).any()
    xp, _, plan = C._prepare(x, w, stride, 0, 1, "zeros", False)
    got = C._grad_weight(plan, xp.reshape(-1), go, path="micro").reshape(w.shape)
    public = conv2d_backward(x, w, go, stride=stride, need_input=False).weight
    for g in (got, public):
        np.testing.assert_array_equal(np.isinf(g), np.isinf(want))
        assert not np.isnan(g).any()
