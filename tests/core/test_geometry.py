"""The core's one home for geometry, against plain loops that share nothing with it."""

import numpy as np
import pytest
import scipy.signal
from hypothesis import given, settings
from hypothesis import strategies as st

from convlab.core import conv2d, output_shape
from convlab.core.geometry import (axis_readers, axis_size, axis_taps, output_size,
                                   resolve_padding, tap_cells)

sizes = st.integers(1, 12)
small = st.integers(1, 4)


def naive_axis_size(n, k, s, d, p):
    """Count window positions, one at a time, whose last tap is still inside."""
    count, start = 0, 0
    while start + (k - 1) * d < n + p:
        count, start = count + 1, start + s
    return count


@settings(max_examples=300, deadline=None)
@given(sizes, st.integers(1, 6), small, small, st.integers(0, 8))
def test_axis_size_counts_window_positions(n, k, s, d, p):
    assert axis_size(n, k, s, d, p) == naive_axis_size(n, k, s, d, p)


@settings(max_examples=200, deadline=None)
@given(sizes, sizes, st.integers(1, 5), st.integers(1, 5), small, small, small, small,
       st.tuples(*[st.integers(0, 4)] * 4))
def test_output_size_agrees_with_output_shape_and_never_raises(h, w, kh, kw, sh, sw, dh,
                                                               dw, sides):
    kw_ = dict(stride=(sh, sw), padding=sides, dilation=(dh, dw))
    got = output_size((h, w), (kh, kw), **kw_)
    t, b, l, r = sides
    assert got.hw == (naive_axis_size(h, kh, sh, dh, t + b),
                      naive_axis_size(w, kw, sw, dw, l + r))
    if got.ok:
        assert output_shape((h, w), (kh, kw), **kw_) == got.hw
    else:
        with pytest.raises(ValueError) as err:
            output_shape((h, w), (kh, kw), **kw_)
        assert str(err.value) == got.reason
        assert 0 in got.hw


@pytest.mark.parametrize("bad, words", [
    (dict(stride=0), "stride must be at least 1"),
    (dict(dilation=(1, 0)), "dilation must be at least 1"),
    (dict(padding=-1), "padding cannot be negative"),
    (dict(padding="huge"), "padding 'huge' is not known"),
])
def test_output_size_returns_the_reason_instead_of_raising(bad, words):
    got = output_size((5, 5), (3, 3), **bad)
    assert not got.ok and words in got.reason and got.hw == (0, 0)


@settings(max_examples=100, deadline=None)
@given(sizes, sizes, st.integers(1, 5), st.integers(1, 5), small, small)
def test_full_padding_is_scipys_full_convolution(h, w, kh, kw, dh, dw):
    """'full' pads span − 1 on every side: every overlap of kernel and input."""
    sides = resolve_padding("full", (h, w), (kh, kw), dilation=(dh, dw))
    assert sides == ((kh - 1) * dh,) * 2 + ((kw - 1) * dw,) * 2
    rng = np.random.default_rng(h * 100 + w)
    x, k = rng.standard_normal((h, w)), rng.standard_normal((kh, kw))
    dilated = np.zeros(((kh - 1) * dh + 1, (kw - 1) * dw + 1))
    dilated[::dh, ::dw] = k
    got = conv2d(x[None], k[None, None], padding="full", dilation=(dh, dw), flip=True)[0]
    np.testing.assert_allclose(got, scipy.signal.convolve2d(x, dilated, mode="full"),
                               atol=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10), st.integers(0, 10), st.integers(1, 5), st.integers(1, 5),
       small, small, small, small)
def test_tap_cells_are_the_cells_the_convolution_multiplies(i, j, kh, kw, sh, sw, dh, dw):
    """Put a one-hot input under each tap in turn: output (i, j) picks up
    exactly that tap's kernel weight."""
    cells = tap_cells(i, j, (kh, kw), (sh, sw), (dh, dw))
    want = [(i * sh + a * dh, j * sw + b * dw) for a in range(kh) for b in range(kw)]
    assert cells == want
    h, w = i * sh + (kh - 1) * dh + 1, j * sw + (kw - 1) * dw + 1
    k = np.arange(1.0, kh * kw + 1).reshape(kh, kw)
    for n, (r, c) in enumerate(cells):
        x = np.zeros((1, h, w))
        x[0, r, c] = 1.0
        out = conv2d(x, k[None, None], stride=(sh, sw), dilation=(dh, dw))[0]
        assert out[i, j] == k.flat[n]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 30), st.integers(1, 6), small, small, st.integers(0, 10))
def test_axis_readers_invert_axis_taps(p, k, s, d, n_out):
    want = [i for i in range(n_out) if p in axis_taps(i, k, s, d)]
    assert axis_readers(p, k, s, d, n_out) == want
