"""XᵀX and Xᵀy of im2col, accumulated by the core, against X built by naive loops."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import naive
from convlab.core import conv2d
from convlab.core.gram import gram, im2col
from naive import MODES


@st.composite
def geometries(draw):
    cin, cout = draw(st.integers(1, 3)), draw(st.integers(1, 2))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    sh, sw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    dh, dw = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    mode = draw(st.sampled_from(MODES))
    sides = tuple(draw(st.integers(0, 2)) for _ in range(4))
    min_h = max(dh * (kh - 1) + 1 - sides[0] - sides[1], 1)
    min_w = max(dw * (kw - 1) + 1 - sides[2] - sides[3], 1)
    if mode == "reflect":
        min_h, min_w = max(min_h, max(sides[:2]) + 1), max(min_w, max(sides[2:]) + 1)
    h, w = draw(st.integers(min_h, min_h + 8)), draw(st.integers(min_w, min_w + 8))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal((cin, h, w))
    geo = dict(stride=(sh, sw), sides=sides, dilation=(dh, dw), mode=mode)
    return x, cout, (kh, kw), geo, rng


def naive_x(x, kernel_hw, geo):
    """X column by column: the naive convolution with one tap set to 1."""
    cin, (kh, kw) = x.shape[0], kernel_hw
    cols = []
    for t in range(cin * kh * kw):
        e = np.zeros(cin * kh * kw)
        e[t] = 1.0
        out = naive.conv2d(x, e.reshape(1, cin, kh, kw), None, geo["stride"], geo["sides"],
                           geo["dilation"], geo["mode"])
        cols.append(out.ravel())
    return np.stack(cols, axis=1), out.shape[1:]


@settings(max_examples=60, deadline=None)
@given(geometries(), st.booleans())
def test_gram_matches_x_built_by_naive_loops(g, bias):
    x, cout, khw, geo, rng = g
    xm, out_hw = naive_x(x, khw, geo)
    y = rng.standard_normal((cout, *out_hw))
    got = gram(x, khw, y, stride=geo["stride"], padding=geo["sides"],
               dilation=geo["dilation"], padding_mode=geo["mode"], bias=bias)
    if bias:
        xm = np.hstack([xm, np.ones((xm.shape[0], 1))])
    np.testing.assert_allclose(got.xtx, xm.T @ xm, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(got.xty, xm.T @ y.reshape(cout, -1).T, rtol=1e-10, atol=1e-10)
    assert got.n == xm.shape[0] and got.out_hw == tuple(out_hw)
    np.testing.assert_array_equal(got.xtx, got.xtx.T)


@settings(max_examples=40, deadline=None)
@given(geometries())
def test_im2col_times_kernel_is_the_core_convolution(g):
    x, cout, (kh, kw), geo, rng = g
    w = rng.standard_normal((cout, x.shape[0], kh, kw))
    kw_ = dict(stride=geo["stride"], padding=geo["sides"], dilation=geo["dilation"],
               padding_mode=geo["mode"])
    xm = im2col(x, (kh, kw), **kw_)
    out = conv2d(x, w, **kw_)
    np.testing.assert_allclose(xm @ w.reshape(cout, -1).T, out.reshape(cout, -1).T,
                               rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("padding", ["same", 0, (2, 0, 1, 3)])
def test_parallel_path_on_a_large_input_matches_the_dense_product(padding):
    """Enough work for the parallel kernel (one partial sum per chunk of rows)."""
    rng = np.random.default_rng(1)
    x = rng.standard_normal((3, 150, 170))
    y_hw = conv2d(x, np.zeros((1, 3, 5, 5)), padding=padding).shape[1:]
    y = rng.standard_normal((2, *y_hw))
    got = gram(x, 5, y, padding=padding, padding_mode="replicate", bias=True)
    xm = im2col(x, 5, padding=padding, padding_mode="replicate")
    xm = np.hstack([xm, np.ones((xm.shape[0], 1))])
    np.testing.assert_allclose(got.xtx, xm.T @ xm, rtol=1e-10)
    np.testing.assert_allclose(got.xty, xm.T @ y.reshape(2, -1).T, rtol=1e-9, atol=1e-8)


def test_gram_refuses_a_target_of_the_wrong_size():
    with pytest.raises(ValueError, match="output of this geometry is 4×4"):
        gram(np.zeros((1, 6, 6)), 3, np.zeros((1, 5, 5)))


def test_gram_refuses_a_kernel_larger_than_the_padded_input():
    with pytest.raises(ValueError, match="output would be empty"):
        gram(np.zeros((1, 3, 3)), 5)


@settings(max_examples=60, deadline=None)
@given(geometries())
def test_stride_one_path_matches_naive_loops(g):
    """Stride 1 sums each entry as a rectangle of one product image (its own kernel),
    including inputs so narrow that the row windows share no core."""
    x, cout, khw, geo, rng = g
    geo = dict(geo, stride=(1, 1))
    xm, _ = naive_x(x, khw, geo)
    got = gram(x, khw, padding=geo["sides"], dilation=geo["dilation"],
               padding_mode=geo["mode"])
    np.testing.assert_allclose(got.xtx, xm.T @ xm, rtol=1e-10, atol=1e-10)
    assert got.xty is None


@settings(max_examples=40, deadline=None)
@given(c=st.integers(1, 3), h=st.integers(3, 12), w=st.integers(3, 12),
       kh=st.integers(1, 3), kw=st.integers(1, 3), s=st.integers(1, 3), d=st.integers(1, 2),
       mode=st.sampled_from(["zeros", "reflect", "replicate", "circular"]),
       bias=st.booleans(), block=st.sampled_from([1, 7, 4_000_000]))
def test_the_numpy_path_while_the_core_compiles_gives_the_same_sums(
        c, h, w, kh, kw, s, d, mode, bias, block):
    from convlab.core import _numpy_path
    import convlab.core.gram as G

    x = np.random.default_rng(h * w).normal(size=(c, h, w))
    pad = min(1, h - 1, w - 1)
    args = dict(stride=s, padding=pad, dilation=d, padding_mode=mode, bias=bias)
    try:
        want0 = gram(x, (kh, kw), **{k: v for k, v in args.items()}, target=None)
    except ValueError:
        return  # the kernel does not fit: nothing to compare
    y = np.random.default_rng(1).normal(size=(2, *want0.out_hw))
    want = gram(x, (kh, kw), y, **args)
    real = G._numpy_gram
    _numpy_path.serve(True)
    G._numpy_gram = lambda *a: real(*a, block_values=block)
    try:
        got = gram(x, (kh, kw), y, **args)
        got0 = gram(x, (kh, kw), **args)  # no target: the stability readout's call
    finally:
        _numpy_path.serve(False)
        G._numpy_gram = real
    np.testing.assert_allclose(got.xtx, want.xtx, rtol=1e-10, atol=1e-9)
    np.testing.assert_allclose(got.xty, want.xty, rtol=1e-10, atol=1e-9)
    np.testing.assert_allclose(got0.xtx, want0.xtx, rtol=1e-10, atol=1e-9)
