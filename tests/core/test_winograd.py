"""Winograd F(2×2, 3×3): forward and weight gradient against references that
share nothing with it (naive loops, scipy, numpy sums over the padded input),
odd and ragged shapes, every padding mode, inf and NaN, both modes, and the
cost model's choice."""

from contextlib import contextmanager

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import naive
from convlab.core import _jit
from convlab.core import _kernels as K
from convlab.core import _winograd as W
from convlab.core import conv as C
from convlab.core import conv2d, conv2d_backward
from naive import MODES, NUMPY_PAD, tol

pytestmark = pytest.mark.usefixtures("fresh_plans")  # tests/core/conftest.py


@contextmanager
def winograd_everywhere():
    """Winograd wherever its kernels take the shape; yields the calls it ran."""
    C._plan.cache_clear()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(C, "WINO_MACS_PER_IN", -10**9)
        mp.setattr(C, "WINO_GRAD_MIN_TILES", 0)
        ran = []
        for name in ("correlate", "grad_weight"):
            real = getattr(W, name)
            mp.setattr(W, name, lambda *a, n=name, f=real: (ran.append(n), f(*a))[1])
        yield ran
    C._plan.cache_clear()


@pytest.fixture
def winograd_ran():
    with winograd_everywhere() as ran:
        yield ran


@st.composite
def problems(draw, min_cin=1, max_cin=6, max_cout=9):
    """3×3 layers at stride 1 whose output Winograd's kernels take: a vector
    of tiles in a row, a forward tile's width of tiles in all (odd sizes too)."""
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    lanes = K.lanes(dtype)
    cin, cout = draw(st.integers(min_cin, max_cin)), draw(st.integers(K.MK_CO, max_cout))
    wo = draw(st.integers(2 * lanes - 1, 2 * lanes + 40))
    tw = -(-wo // 2)
    th_min = -(-K.MK_VEC * lanes // tw)
    ho = draw(st.integers(max(3, 2 * th_min - 1), 2 * th_min + 4))
    sides = tuple(draw(st.integers(0, 2)) for _ in range(4))
    mode = draw(st.sampled_from(MODES))
    h, w = ho + 2 - sides[0] - sides[1], wo + 2 - sides[2] - sides[3]
    if h < max(sides[:2]) + 1 or w < max(sides[2:]) + 1:  # reflect needs more input
        sides, h, w = (1, 1, 1, 1), ho, wo  # (ho ≥ 3 rows: enough for a padding of 1)
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal((cin, h, w)).astype(dtype)
    wt = rng.standard_normal((cout, cin, 3, 3)).astype(dtype)
    bias = rng.standard_normal(cout).astype(dtype) if draw(st.booleans()) else None
    geo = dict(stride=(1, 1), padding=sides, dilation=(1, 1), padding_mode=mode)
    return x, wt, bias, geo


def gradient_reference(x, go, geo):
    """Σ over output pixels of go[co] · padded x[ci] shifted by each tap."""
    t, b, l, r = geo["padding"]
    xp = np.pad(x.astype(np.float64), ((0, 0), (t, b), (l, r)),
                mode=NUMPY_PAD[geo["padding_mode"]])
    ho, wo = go.shape[1:]
    gw = np.zeros((go.shape[0], x.shape[0], 3, 3))
    for u in range(3):
        for v in range(3):
            gw[:, :, u, v] = np.einsum("ohw,ihw->oi", go.astype(np.float64),
                                       xp[:, u : u + ho, v : v + wo])
    return gw


@settings(max_examples=100, deadline=None)
@given(problems())
def test_forward_matches_scipy(p):
    x, w, bias, geo = p
    with winograd_everywhere() as ran:
        got = conv2d(x, w, bias, **geo)
    assert ran == ["correlate"] and got.dtype == x.dtype
    want = naive.scipy_conv(x.astype(np.float64), w.astype(np.float64), bias, geo)
    np.testing.assert_allclose(got, want, *tol(x.dtype))


@settings(max_examples=100, deadline=None)
@given(problems(min_cin=K.GW_TAPS, max_cin=K.GW_TAPS + 5))
def test_weight_gradient_matches_the_sums_over_the_padded_input(p):
    x, w, _, geo = p
    go = np.random.default_rng(4).standard_normal(
        (w.shape[0], *naive.scipy_conv(x, w, None, geo).shape[1:])).astype(x.dtype)
    with winograd_everywhere() as ran:
        got = conv2d_backward(x, w, go, **geo, need_input=False)
    assert ran == ["grad_weight"]
    rtol, atol = tol(x.dtype)
    np.testing.assert_allclose(got.weight, gradient_reference(x, go, geo), rtol * 5, atol * 20)
    np.testing.assert_allclose(got.bias, go.astype(np.float64).sum(axis=(1, 2)),
                               rtol * 5, atol * 20)
    assert got.weight.dtype == got.bias.dtype == x.dtype and got.weight.flags.c_contiguous


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("flip", [False, True])
def test_odd_sizes_match_the_naive_loops(winograd_ran, dtype, flip):
    """An odd number of output rows and columns (the last tile half outside),
    a ragged last vector of tiles, the true convolution (``flip``)."""
    lanes = K.lanes(dtype)
    rng = np.random.default_rng(lanes)
    x = rng.standard_normal((K.GW_TAPS, 9, 2 * lanes + 5)).astype(dtype)
    w = rng.standard_normal((K.MK_CO + 1, K.GW_TAPS, 3, 3)).astype(dtype)
    b = rng.standard_normal(K.MK_CO + 1).astype(dtype)
    got = conv2d(x, w, b, padding=1, flip=flip)
    want = naive.conv2d(x, w, b, (1, 1), (1, 1, 1, 1), (1, 1), flip=flip)
    np.testing.assert_allclose(got, want, *tol(dtype))
    go = rng.standard_normal(want.shape).astype(dtype)
    g = conv2d_backward(x, w, go, padding=1, flip=flip)
    assert winograd_ran == ["correlate", "grad_weight"]
    want_gw = np.zeros(w.shape)  # d Σ go·out / d w, one weight at a time
    for idx in np.ndindex(w.shape):
        one = np.zeros(w.shape)
        one[idx] = 1.0
        resp = naive.conv2d(x, one, None, (1, 1), (1, 1, 1, 1), (1, 1), flip=flip)
        want_gw[idx] = (go * resp).sum()
    rtol, atol = tol(dtype)
    np.testing.assert_allclose(g.weight, want_gw, rtol * 5, atol * 20)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("nth", [1, 2, 3])
def test_both_kernels_match_the_references_with_a_ragged_last_chunk(dtype, nth):
    """21 tile rows in chunks of 4 (float32, AVX-512; other widths: others),
    so the last forward chunk overlaps the one before and the gradient's is
    shorter; every output is written (the buffers start at a finite value)."""
    rng = np.random.default_rng(nth)
    x = rng.standard_normal((7, 41, 70)).astype(dtype)
    w = rng.standard_normal((9, 7, 3, 3)).astype(dtype)
    b = rng.standard_normal(9).astype(dtype)
    xph = np.empty((7, 44, 72), dtype)  # 21 × 35 tiles: 42 × 70 outputs
    K.pad_phases(x, 1, 1, 2, xph)
    geo = dict(stride=(1, 1), padding=(1, 2, 1, 1), dilation=(1, 1), padding_mode="zeros")
    want = naive.scipy_conv(x.astype(np.float64), w.astype(np.float64), b, geo)
    assert want.shape == (9, 42, 70) and 21 % W.chunk_rows(42, 70, W.WG_TILES)
    go = rng.standard_normal(want.shape).astype(dtype)
    want_gw = gradient_reference(x, go, geo)
    rtol, atol = tol(dtype)
    for par in (False, True):
        out = np.full((9, 42, 70), 1234.5, dtype)
        assert W.correlate(xph, w, b, out, par, nth)
        np.testing.assert_allclose(out, want, rtol, atol)
        gw, gb = W.grad_weight(xph, go, par, nth)
        np.testing.assert_allclose(gw, want_gw, rtol * 5, atol * 20)
        np.testing.assert_allclose(gb, go.astype(np.float64).sum(axis=(1, 2)), rtol * 5,
                                   atol * 20)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("nth", [1, 2, 3])
def test_the_last_step_of_the_gradient_is_g_transposed_s_g(nth, dtype):
    """``_finish`` sums the threads' position sums and applies Gᵀ · G, as a
    matrix product written out here with G from the algorithm's paper: the
    gradient of G g Gᵀ is Gᵀ S G. It says whether every value is finite in
    the output's type (a sum that overflows float32 counts as not finite)."""
    g = np.array([[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]])
    rng = np.random.default_rng(nth)
    s, gb = rng.standard_normal((nth, 16, 5, 7)), rng.standard_normal((nth, 5))
    gw, gbo = np.empty((5, 7, 3, 3), dtype), np.empty(5, dtype)
    assert W._finish(s, gb, gw, gbo)
    total = s.sum(axis=0).reshape(4, 4, 5, 7)
    for co in range(5):
        for ci in range(7):
            np.testing.assert_allclose(gw[co, ci], g.T @ total[:, :, co, ci] @ g, 1e-6, 1e-6)
    np.testing.assert_allclose(gbo, gb.sum(axis=0), 1e-6)
    for bad in (np.inf, np.nan, 1e39 if dtype == np.float32 else 1e309):
        s2 = s.copy()
        s2[nth - 1, 0, 4, 6] = bad  # position (0, 0) reaches gw[4, 6, 0, 0] alone
        assert not W._finish(s2, gb, gw, gbo)
    gb2 = gb.copy()
    gb2[0, 3] = np.nan
    assert not W._finish(s, gb2, gw, gbo)


@pytest.mark.parametrize("cin", [7, 10, 11, 16])
def test_a_last_block_of_input_channels_is_counted_once(cin):
    """The gradient's tiles take the input channels GW_TAPS at a time; a last
    4 or 5 (AVX-512) take tiles of their own, a last 1 or 2 a 3-tap tile
    overlapping the one before."""
    rng = np.random.default_rng(cin)
    x = rng.standard_normal((cin, 41, 70)).astype(np.float32)
    xph = np.empty((cin, 44, 72), np.float32)
    K.pad_phases(x, 1, 1, 2, xph)
    geo = dict(stride=(1, 1), padding=(1, 2, 1, 1), dilation=(1, 1), padding_mode="zeros")
    go = rng.standard_normal((6, 42, 70)).astype(np.float32)
    want = gradient_reference(x, go, geo)
    rtol, atol = tol(np.float32)
    for par in (False, True):
        gw, _ = W.grad_weight(xph, go, par, 2)
        np.testing.assert_allclose(gw, want, rtol * 5, atol * 20)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("parallel", [False, True])
def test_a_tall_odd_layer_matches_the_references(dtype, parallel):
    """3,281 × 41 outputs: an odd number of rows and columns, 1,641 tile rows,
    so the gradient's lane sums are folded into float64 partway down the
    image (every GW_FOLD_TERMS terms a lane), on either mode."""
    rng = np.random.default_rng(5)
    x = rng.standard_normal((6, 3281, 41)).astype(dtype)
    w = rng.standard_normal((4, 6, 3, 3)).astype(dtype)
    b = rng.standard_normal(4).astype(dtype)
    geo = dict(stride=(1, 1), padding=(1, 1, 1, 1), dilation=(1, 1), padding_mode="zeros")
    want = naive.scipy_conv(x.astype(np.float64), w.astype(np.float64), b, geo)
    go = rng.standard_normal(want.shape).astype(dtype)
    chunk = W.chunk_rows(*want.shape[1:], W.WG_GRAD_TILES) * 21  # tiles a chunk
    assert 1641 * 21 // chunk > 2 * K.GW_FOLD_TERMS * K.lanes(dtype) // chunk
    with winograd_everywhere() as ran, _jit.forced(parallel):
        got = conv2d(x, w, b, padding=1)
        g = conv2d_backward(x, w, go, padding=1, need_input=False)
    assert ran == ["correlate", "grad_weight"]
    rtol, atol = tol(dtype)
    np.testing.assert_allclose(got, want, rtol, atol)
    np.testing.assert_allclose(g.weight, gradient_reference(x, go, geo), rtol * 5, atol * 50)
    np.testing.assert_allclose(g.bias, go.astype(np.float64).sum(axis=(1, 2)), rtol * 5,
                               atol * 50)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf, 3e38])
def test_inf_and_nan_land_where_the_direct_sums_put_them(winograd_ran, bad):
    """The transforms' differences would turn inf into NaN and spread it over
    a whole tile (and 3e38 overflows in them): such an output is computed
    again by the other paths, the same values as without Winograd."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((8, 40, 64)).astype(np.float32)
    x[3, 10, 21] = bad
    w = rng.standard_normal((8, 8, 3, 3)).astype(np.float32)
    with _jit.forced(False):  # one mode: the gradient's sums depend on it
        got = conv2d(x, w, padding=1)
        go = np.ones_like(got)
        g = conv2d_backward(x, w, go, padding=1, need_input=False)
        assert winograd_ran == ["correlate", "grad_weight"]
        C._plan.cache_clear()
        C.WINO_MACS_PER_IN = 10**9  # no Winograd (the fixture restores the rule)
        want = conv2d(x, w, padding=1)
        want_g = conv2d_backward(x, w, go, padding=1, need_input=False)
    assert winograd_ran == ["correlate", "grad_weight"]
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(g.weight, want_g.weight)
    assert not np.isfinite(got).all()


def test_two_threads_on_the_winograd_path_at_once():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((16, 96, 96)).astype(np.float32)
    w = rng.standard_normal((32, 16, 3, 3)).astype(np.float32)
    plan = C.plan_for(x.shape, w.shape, 1, 1, 1, "zeros", np.dtype(np.float32))
    assert plan.winograd and plan.winograd_grad
    go = np.ones((32, 96, 96), np.float32)
    naive.same_on_two_threads(lambda: (conv2d(x, w, padding=1), conv2d_backward(
        x, w, go, padding=1, need_input=False).weight))


def test_both_modes_run_through_pace(monkeypatch):
    rng = np.random.default_rng(2)
    x = rng.standard_normal((16, 96, 96)).astype(np.float32)  # enough tiles for both
    w = rng.standard_normal((32, 16, 3, 3)).astype(np.float32)
    geo = dict(stride=(1, 1), padding=(1, 1, 1, 1), dilation=(1, 1), padding_mode="zeros")
    want = naive.scipy_conv(x.astype(np.float64), w.astype(np.float64), None, geo)
    go = rng.standard_normal(want.shape).astype(np.float32)
    want_gw = gradient_reference(x, go, geo)
    monkeypatch.setattr(_jit, "_PACES", {})
    for parallel in (False, True):
        monkeypatch.setattr(_jit.Pace, "prefer_parallel", lambda self, p=parallel: p)
        np.testing.assert_allclose(conv2d(x, w, padding=1), want, *tol(np.float32))
        g = conv2d_backward(x, w, go, padding=1, need_input=False)
        np.testing.assert_allclose(g.weight, want_gw, rtol=1e-3, atol=1e-2)
    assert {k for k, _ in _jit._PACES} == {"winograd", "winograd_grad"}


# --- the cost model -----------------------------------------------------------

def up(n, k):
    return -(-n // k) * k


def wino_model(cin, cout, lanes):
    """The documented rule, restated: per 2×2 block of output, 16 multiply-adds
    per channel pair (output channels in whole tiles) and the transforms (114
    and 61 per input and output channel) against the direct 36."""
    if cout < 4:
        return False
    return 16 * cin * up(cout, 4) + 114 * cin + 61 * cout < 36 * cin * cout


def gradient_taps(cin):
    """Input channels the gradient computes: whole tiles of GW_TAPS, then a
    tile of the 4 or 5 left, or of 3 for 1-3 left (the tile overlapping)."""
    tiles = [K.GW_TAPS] * (cin // K.GW_TAPS)
    left = cin - sum(tiles)
    if left:
        tiles.append(3 if left <= 3 else left)
    return sum(tiles)


def test_the_gradient_counts_the_channels_its_tiles_compute():
    """The window's largest layer, 16 → 8, takes Winograd's gradient (with the
    channels rounded up to whole 6-tap tiles it did not); 10 → 8 does not."""
    want = {6: 6, 7: 9, 8: 9, 9: 9, 10: 10, 11: 11, 12: 12, 16: 16, 17: 17, 19: 21}
    if K.GW_TAPS == 6:
        assert {c: gradient_taps(c) for c in want} == want
        args = ((3, 3), (1, 1), (1, 1), 160, 160, np.float32)
        assert C.winograd_grad_wins(16, 8, *args) and C.winograd_grad_wins(11, 8, *args)
        assert not C.winograd_grad_wins(10, 8, *args)
    for cin in range(K.GW_TAPS, 40):  # and as the kernel's blocks take them
        n_tb = -(-cin // K.GW_TAPS)
        blocks = sum(K._gw_block(b, n_tb, K.GW_CO, cin, True)[2] for b in range(n_tb))
        assert C._gw_taps(cin) == gradient_taps(cin) == blocks, cin


def test_cost_model_is_the_documented_one():
    for dtype in (np.float32, np.float64):
        lanes = K.lanes(dtype)
        for cin in (1, 2, 3, 4, 6, 7, 8, 10, 11, 16, 19, 64):
            for cout in (1, 3, 4, 5, 8, 16, 32):
                want = wino_model(cin, cout, lanes)
                assert C.winograd_wins(cin, cout, (3, 3), (1, 1), (1, 1), 128, 128,
                                       dtype) == want, (cin, cout)
                grad = want and cin >= K.GW_TAPS and (
                    16 * gradient_taps(cin) * up(cout, 4) + 114 * cin + 61 * cout
                    < 36 * cin * cout)
                assert C.winograd_grad_wins(cin, cout, (3, 3), (1, 1), (1, 1), 128, 128,
                                            dtype) == grad, (cin, cout)


def test_only_3x3_kernels_at_stride_and_dilation_1_whose_output_fits():
    for dtype in (np.float32, np.float64):
        lanes = K.lanes(dtype)
        ok = (16, 32, (3, 3), (1, 1), (1, 1), 128, 128, dtype)
        assert C.winograd_wins(*ok) and C.winograd_grad_wins(*ok)
        for i, other in ((2, (3, 5)), (2, (2, 2)), (3, (1, 2)), (3, (2, 2)), (4, (2, 1))):
            args = list(ok)
            args[i] = other
            assert not C.winograd_wins(*args) and not C.winograd_grad_wins(*args)
        # a vector of tiles in a row: 2·lanes - 1 columns and more
        assert C.winograd_wins(16, 32, (3, 3), (1, 1), (1, 1), 128, 2 * lanes - 1, dtype)
        assert not C.winograd_wins(16, 32, (3, 3), (1, 1), (1, 1), 128, 2 * lanes - 2,
                                   dtype)
        # a forward tile's width of tiles in all
        width = K.MK_VEC * lanes
        tw = lanes
        ho = 2 * (-(-width // tw))
        assert C.winograd_wins(16, 32, (3, 3), (1, 1), (1, 1), ho - 1, 2 * tw, dtype)
        assert not C.winograd_wins(16, 32, (3, 3), (1, 1), (1, 1), ho - 2, 2 * tw, dtype)


def test_the_gradient_takes_winograd_from_its_minimum_of_tiles():
    for ho, wo in ((64, 64), (32, 128), (90, 90), (91, 91), (128, 128)):
        tiles = ((ho + 1) // 2) * ((wo + 1) // 2)
        want = tiles >= C.WINO_GRAD_MIN_TILES
        assert C.winograd_grad_wins(16, 32, (3, 3), (1, 1), (1, 1), ho, wo,
                                    np.float32) == want, (ho, wo)
        assert C.winograd_wins(16, 32, (3, 3), (1, 1), (1, 1), ho, wo, np.float32)


def test_the_benchmark_layers_take_winograd_and_the_chapter_does_not():
    f32 = np.dtype(np.float32)
    c7 = C.plan_for((16, 128, 128), (32, 16, 3, 3), 1, 1, 1, "zeros", f32)
    assert c7.winograd and c7.winograd_grad
    c4 = C.plan_for((3, 256, 256), (16, 3, 3, 3), 2, 1, 1, "zeros", f32)  # stride 2
    assert not c4.winograd and not c4.winograd_grad
    chapter = C.plan_for((2, 3, 3), (2, 2, 2, 2), 1, 0, 1, "zeros", np.dtype(np.float64))
    assert not chapter.winograd and not chapter.winograd_grad
