"""Row tiles and 3×3 strips (one output channel, stride and dilation 1):
every kernel shape against the naive loops and scipy, serial and parallel
alike, and the rule that chooses them."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import naive
from convlab.core import _jit
from convlab.core import _kernels as K
from convlab.core import conv as C
from convlab.core import conv2d
from naive import MODES, tol

pytestmark = pytest.mark.usefixtures("fresh_plans")  # tests/core/conftest.py


@st.composite
def problems(draw):
    """One output channel, any kernel row tiles take (kh ≥ RT_ROWS - 1,
    though the rule picks them only from RT_ROWS rows; half the draws are 3×3,
    which takes the strips), an output of at least one tile: RT_ROWS rows and
    RT_VEC vectors of columns, ragged edges included."""
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    cin = draw(st.integers(1, 3))
    tiles = st.tuples(st.integers(K.RT_ROWS - 1, 7), st.integers(1, 7))
    kh, kw = draw(st.one_of(st.just((3, 3)), tiles))
    sides = tuple(draw(st.integers(0, 3)) for _ in range(4))
    width = K.RT_VEC * K.lanes(dtype)
    ho = draw(st.integers(K.RT_ROWS, 3 * K.RT_ROWS + 3))
    wo = draw(st.integers(width, 3 * width + 5))
    h = max(ho + kh - 1 - sides[0] - sides[1], max(sides[:2]) + 1)
    w = max(wo + kw - 1 - sides[2] - sides[3], max(sides[2:]) + 1)
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal((cin, h, w)).astype(dtype)
    wt = rng.standard_normal((1, cin, kh, kw)).astype(dtype)
    bias = rng.standard_normal(1).astype(dtype)
    return x, wt, bias, sides, draw(st.sampled_from(MODES))


def rows(x, w, bias, sides, mode):
    xp, wc, plan = C._prepare(x, w, 1, sides, 1, mode, False)
    out = np.empty(plan.out_shape, dtype=wc.dtype)
    C._corr(plan, xp.reshape(-1), wc.reshape(plan.w2_shape), bias, out, path="rows")
    return out, plan


@settings(max_examples=120, deadline=None)
@given(problems())
def test_row_tiles_match_the_naive_loops(p):
    x, w, bias, sides, mode = p
    got, plan = rows(x, w, bias, sides, mode)
    want = naive.conv2d(x, w, bias, (1, 1), plan.sides, (1, 1), mode)
    np.testing.assert_allclose(got, want, *tol(x.dtype))


def test_row_tiles_refuse_kernels_too_short_for_their_edge_loops():
    """The first and last rt_height - 1 input rows have loops of their own,
    which assume the kernel reaches across them."""
    x = np.ones((1, 20, 80), np.float32)
    w = np.ones((1, 1, K.RT_ROWS - 2, 3), np.float32)
    with pytest.raises(ValueError, match="rt_height - 1 rows"):
        rows(x, w, np.zeros(1, np.float32), (0, 0, 0, 0), "zeros")


@pytest.mark.parametrize("nth", [1, 2, 3])
def test_the_parallel_driver_refuses_before_its_threads_start(nth):
    """Raised inside the parallel loop, the refusal came out as a SystemError,
    or (when the first thread had no rows) not at all, the output unwritten."""
    kw, ho, width = 5, K.RT_ROWS, K.RT_VEC * K.lanes(np.float32)

    def call(kh, wo):
        h, w = ho + kh - 1, wo + kw - 1
        K.row_tile_parallel(np.ones(h * w, np.float32), h * w, 1, w, kh, kw,
                            np.ones((1, kh * kw), np.float32), np.ones(1, np.float32),
                            np.full((1, ho, wo), np.nan, np.float32), nth)

    with pytest.raises(ValueError, match="rt_height - 1 rows"):
        call(K.RT_ROWS - 2, width)
    with pytest.raises(ValueError, match="a tile of columns"):
        call(K.RT_ROWS, width - 1)  # a kernel tall enough, one column short


@settings(max_examples=40, deadline=None)
@given(problems())
def test_row_tiles_match_scipy(p):
    x, w, bias, sides, mode = p
    x, w, bias = x.astype(np.float64), w.astype(np.float64), bias.astype(np.float64)
    got, plan = rows(x, w, bias, sides, mode)
    geo = dict(stride=(1, 1), padding=plan.sides, dilation=(1, 1), padding_mode=mode)
    np.testing.assert_allclose(got, naive.scipy_conv(x, w, bias, geo), rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("kernel", [(7, 5), (5, 4), (3, 3)])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("nth,rows", [(1, 31), (2, 31), (3, 31), (2, 5), (3, 9), (5, 6)])
def test_parallel_row_tiles_match_serial(dtype, nth, rows, kernel):
    """Thread ranges are whole blocks (4 rows, or RT_TALL for 7×5 and 3×3
    when the output has that many rows); the ragged rows go to the
    thread with the last whole block (also when there are more threads than
    blocks). Two input channels and ragged columns (3×3 with AVX2, float32:
    59 = 7·8 + 3): a strip's later channel must not add twice where its last
    vector overlaps the one before."""
    kh, kw = kernel
    rng = np.random.default_rng(nth)
    h, cols = rows + kh - 1, 3 * K.RT_VEC * K.lanes(dtype) + 13
    x = rng.standard_normal((2, h, cols)).astype(dtype)
    w = rng.standard_normal((1, 2, kh, kw)).astype(dtype)
    xp, wc, plan = C._prepare(x, w, 1, 0, 1, "zeros", False)
    args = (xp.reshape(-1), h * cols, 2, cols, kh, kw, wc.reshape(1, -1), np.ones(1, dtype))
    ser, par = (np.full(plan.out_shape, np.nan, dtype) for _ in range(2))
    K.row_tile_serial(*args, ser)
    K.row_tile_parallel(*args, par, nth)
    np.testing.assert_array_equal(par, ser)
    want = naive.conv2d(x, w, np.ones(1), (1, 1), (0, 0, 0, 0), (1, 1))
    np.testing.assert_allclose(ser, want, *tol(dtype))


@pytest.mark.parametrize("k", [6, 3])
def test_public_conv2d_takes_row_tiles_serial_or_parallel(monkeypatch, k):
    rng = np.random.default_rng(5)
    x = rng.standard_normal((1, 60, 70)).astype(np.float32)
    w = rng.standard_normal((1, 1, k, k)).astype(np.float32)
    want = naive.conv2d(x, w, None, (1, 1), (2, 2, 2, 2), (1, 1), "replicate")
    used = []
    real = C._corr_row_tiles
    monkeypatch.setattr(C, "_corr_row_tiles", lambda *a: (used.append(1), real(*a))[1])
    monkeypatch.setattr(C, "PARALLEL_WORK", 0)  # this small layer may go parallel
    monkeypatch.setattr(_jit, "PARALLEL_WORK", 0)
    for parallel in (False, True):
        monkeypatch.setattr(_jit.Pace, "prefer_parallel", lambda self, p=parallel: p)
        got = conv2d(x, w, padding=2, padding_mode="replicate")
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)
    assert len(used) == 2


def test_the_rule_for_row_tiles():
    f32, width = np.dtype(np.float32), K.RT_VEC * K.lanes(np.float32)
    wins = lambda cout=1, kh=5, kw=5, ho=100, wo=100, s=(1, 1), d=(1, 1): (  # noqa: E731
        C.row_tile_wins(cout, kh, kw, ho, wo, s, d, f32))
    assert wins()
    assert wins(kh=K.RT_ROWS) and not wins(kh=K.RT_ROWS - 1, kw=4)
    assert wins(kh=3, kw=3)  # the 3×3 strips
    assert not wins(kh=3, kw=4) and not wins(kh=2, kw=3) and not wins(kh=3, kw=2)
    assert not wins(kw=2)
    assert not wins(cout=2)  # several channels: the channel tiles
    assert not wins(s=(1, 2)) and not wins(s=(2, 1)) and not wins(d=(2, 1))
    assert wins(ho=K.RT_ROWS) and not wins(ho=K.RT_ROWS - 1)
    assert wins(wo=width) and not wins(wo=width - 1)
    c2 = C.plan_for((1, 512, 512), (1, 1, 11, 11), 1, 0, 1, "zeros", f32)
    c1 = C.plan_for((1, 512, 512), (1, 1, 3, 3), 1, 0, 1, "zeros", f32)
    assert c2.row_tile and c1.row_tile


def test_tall_tiles_where_the_kernel_feeds_every_tile_row():
    """RT_TALL rows for 3×3 and for kernels of at least RT_TALL - 1 rows (the
    edge loops then pair up into full ones), when the output has that many
    rows; 4 otherwise (AVX2 keeps 4 everywhere)."""
    tall, short = K.RT_TALL, K.RT_ROWS
    assert K.rt_height(11, 11, 500) == tall and K.rt_height(tall, 3, 500) == tall
    assert K.rt_height(3, 3, 500) == tall and K.rt_height(3, 3, tall) == tall
    assert K.rt_height(tall - 1, 5, 500) == tall
    assert K.rt_height(4, 4, 500) == short
    assert K.rt_height(3, 3, tall - 1) == short and K.rt_height(11, 11, tall - 1) == short
