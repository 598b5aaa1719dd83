import numpy as np
import pytest
import scipy.signal
from hypothesis import given, settings
from hypothesis import strategies as st

import naive
from convlab.core import conv2d, conv2d_backward, corr2d, output_shape, pad2d
from naive import MODES


@st.composite
def problems(draw):
    cin, cout = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    kh, kw = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    sh, sw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    dh, dw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    mode = draw(st.sampled_from(MODES))
    sides = tuple(draw(st.integers(0, 3)) for _ in range(4))
    min_h = max(dh * (kh - 1) + 1 - sides[0] - sides[1], 1)
    min_w = max(dw * (kw - 1) + 1 - sides[2] - sides[3], 1)
    if mode == "reflect":
        min_h, min_w = max(min_h, max(sides[:2]) + 1), max(min_w, max(sides[2:]) + 1)
    h, w = draw(st.integers(min_h, max(min_h, 32))), draw(st.integers(min_w, max(min_w, 32)))
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal((cin, h, w)).astype(dtype)
    wt = rng.standard_normal((cout, cin, kh, kw)).astype(dtype)
    bias = rng.standard_normal(cout).astype(dtype) if draw(st.booleans()) else None
    kw_ = dict(stride=(sh, sw), padding=sides, dilation=(dh, dw), padding_mode=mode,
               flip=draw(st.booleans()))
    return x, wt, bias, kw_


@settings(max_examples=150, deadline=None)
@given(problems())
def test_conv2d_matches_naive_loops(p):
    x, w, bias, kw = p
    got = conv2d(x, w, bias, **kw)
    want = naive.conv2d(x, w, bias, kw["stride"], kw["padding"], kw["dilation"],
                        kw["padding_mode"], kw["flip"])
    assert got.dtype == x.dtype
    tol = 1e-4 if x.dtype == np.float32 else 1e-10
    np.testing.assert_allclose(got, want, rtol=tol, atol=tol * 10)


@settings(max_examples=60, deadline=None)
@given(problems())
def test_conv2d_matches_scipy_per_channel_sum(p):
    x, w, bias, kw = p
    x, w = x.astype(np.float64), w.astype(np.float64)
    mode = {"zeros": "constant", "reflect": "reflect", "replicate": "edge",
            "circular": "wrap"}[kw["padding_mode"]]
    t, b, l, r = kw["padding"]
    xp = np.pad(x, ((0, 0), (t, b), (l, r)), mode=mode)
    (sh, sw), (dh, dw) = kw["stride"], kw["dilation"]
    got = conv2d(x, w, bias, **kw)
    for co in range(w.shape[0]):
        acc = 0
        for ci in range(w.shape[1]):
            k = w[co, ci, ::-1, ::-1] if kw["flip"] else w[co, ci]
            dil = np.zeros((dh * (k.shape[0] - 1) + 1, dw * (k.shape[1] - 1) + 1))
            dil[::dh, ::dw] = k
            acc = acc + scipy.signal.correlate2d(xp[ci], dil, mode="valid")
        want = acc[::sh, ::sw] + (0 if bias is None else bias[co])
        np.testing.assert_allclose(got[co], want, rtol=1e-9, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(problems())
def test_pad2d_matches_numpy_pad(p):
    x, _, _, kw = p
    mode = {"zeros": "constant", "reflect": "reflect", "replicate": "edge",
            "circular": "wrap"}[kw["padding_mode"]]
    t, b, l, r = kw["padding"]
    want = np.pad(x, ((0, 0), (t, b), (l, r)), mode=mode)
    np.testing.assert_array_equal(pad2d(x, kw["padding"], kw["padding_mode"]), want)


def _numeric_grad(f, a, eps=1e-6):
    g = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        old = a[idx]
        a[idx] = old + eps
        up = f()
        a[idx] = old - eps
        down = f()
        a[idx] = old
        g[idx] = (up - down) / (2 * eps)
    return g


@settings(max_examples=25, deadline=None)
@given(problems())
def test_backward_matches_finite_differences(p):
    x, w, bias, kw = p
    x, w = x[:, :9, :9].astype(np.float64), w.astype(np.float64)
    try:
        out = conv2d(x, w, None, **kw)
    except ValueError:
        return  # the crop made this geometry invalid
    go = np.random.default_rng(0).standard_normal(out.shape)
    grads = conv2d_backward(x, w, go, **kw)
    loss = lambda: float(np.sum(go * conv2d(x, w, None, **kw)))  # noqa: E731
    np.testing.assert_allclose(grads.weight, _numeric_grad(loss, w), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(grads.input, _numeric_grad(loss, x), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(grads.bias, go.sum(axis=(1, 2)))


@given(st.integers(1, 40), st.integers(1, 40), st.integers(1, 7), st.integers(1, 7),
       st.integers(1, 4), st.integers(1, 4), st.integers(1, 3), st.integers(1, 3))
def test_same_padding_gives_ceil_n_over_s(h, w, kh, kw, sh, sw, dh, dw):
    shape = output_shape((h, w), (kh, kw), stride=(sh, sw), padding="same",
                         dilation=(dh, dw))
    assert shape == (-(-h // sh), -(-w // sw))


def test_same_padding_puts_the_odd_row_after():
    x = np.zeros((1, 8, 8))
    x[0, 0, 0] = 1.0
    w = np.zeros((1, 1, 4, 4))
    w[0, 0, 1, 1] = 1.0  # picks the cell one row/column past the window's corner
    out = conv2d(x, w, padding="same")  # total 3: one before, two after
    assert out.shape == (1, 8, 8)
    assert out[0, 0, 0] == 1.0 and naive.keras_same(8, 4, 1) == (1, 2)


def test_integers_become_float64_and_float32_stays():
    assert conv2d(np.ones((1, 4, 4), int), np.ones((1, 1, 2, 2), int)).dtype == np.float64
    x32 = np.ones((1, 4, 4), np.float32)
    assert conv2d(x32, np.ones((1, 1, 2, 2), np.float32)).dtype == np.float32
    assert corr2d(np.ones((3, 3), np.float32), np.ones((2, 2), np.float32)).dtype == np.float32


def test_nan_and_inf_propagate():
    x = np.ones((1, 5, 5))
    x[0, 4, 4] = np.nan  # only output (2, 2) sees this corner
    x[0, 0, 0] = np.inf  # only output (0, 0) sees this one
    out = conv2d(x, np.ones((1, 1, 3, 3)))
    assert np.isnan(out[0, 2, 2]) and np.isnan(out).sum() == 1
    assert np.isposinf(out[0, 0, 0]) and np.isfinite(out).sum() == 7


@settings(max_examples=40, deadline=None)
@given(st.integers(4, 9), st.integers(1, 3), st.integers(1, 5), st.integers(1, 5),
       st.integers(1, 3), st.sampled_from([np.float32, np.float64]), st.integers(0, 10**6))
def test_many_output_channels_match_naive_loops(cout, cin, kh, kw, s, dtype, seed):
    """Blocks of four output channels, and the channels left over after them."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((cin, 11, 13)).astype(dtype)
    w = rng.standard_normal((cout, cin, kh, kw)).astype(dtype)
    b = rng.standard_normal(cout).astype(dtype)
    got = conv2d(x, w, b, stride=s, padding=1)
    want = naive.conv2d(x, w, b, (s, s), (1, 1, 1, 1), (1, 1))
    tol = 1e-4 if dtype == np.float32 else 1e-10
    np.testing.assert_allclose(got, want, rtol=tol, atol=tol * 10)


@pytest.mark.parametrize("sides", [(1, 1, 1, 1), (0, 2, 3, 0), (2, 0, 0, 1), (0, 0, 0, 0)])
def test_zero_padding_zeroes_the_whole_frame_whatever_the_memory_held(monkeypatch, sides):
    """The zero padding writes only the frame and the inside of a np.empty
    block: with that block full of NaN, every cell must still be written."""
    real_empty = np.empty
    monkeypatch.setattr(np, "empty", lambda shape, dtype=float: np.full(shape, np.nan, dtype))
    x = np.random.default_rng(3).standard_normal((2, 5, 4)).astype(np.float32)
    t, b, l, r = sides
    got = pad2d(x, sides)
    monkeypatch.setattr(np, "empty", real_empty)
    np.testing.assert_array_equal(got, np.pad(x, ((0, 0), (t, b), (l, r))))
