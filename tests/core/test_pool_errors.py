import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import naive
from convlab.core import conv2d, pad2d, pool2d


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 3), st.integers(1, 4), st.integers(1, 4), st.integers(1, 3),
       st.integers(1, 3), st.sampled_from(["max", "avg"]), st.booleans(), st.data())
def test_pool2d_matches_naive(c, kh, kw, sh, sw, mode, include_pad, data):
    t, b = data.draw(st.integers(0, kh // 2)), data.draw(st.integers(0, kh // 2))
    l, r = data.draw(st.integers(0, kw // 2)), data.draw(st.integers(0, kw // 2))
    h = data.draw(st.integers(max(kh - t - b, 1), 20))
    w = data.draw(st.integers(max(kw - l - r, 1), 20))
    x = np.random.default_rng(h * w).standard_normal((c, h, w))
    got = pool2d(x, (kh, kw), stride=(sh, sw), padding=(t, b, l, r), mode=mode,
                 count_include_pad=include_pad)
    want = naive.pool2d(x, (kh, kw), (sh, sw), (t, b, l, r), mode, include_pad)
    # an average near zero (terms cancelling) has no relative precision: atol
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-14)


def test_max_pool_never_picks_padding():
    x = -np.ones((1, 2, 2))
    assert pool2d(x, 3, stride=1, padding=1).max() == -1


@pytest.mark.parametrize(
    "call,words",
    [
        (lambda: conv2d(np.ones((1, 8, 8)), np.ones((1, 1, 5, 5)), dilation=2),
         "the kernel spans 9×9 with dilation 2 but the padded input is 8×8"),
        (lambda: conv2d(np.ones((3, 8, 8)), np.ones((1, 2, 3, 3))),
         "expects 2 input channel(s) but the input has 3"),
        (lambda: conv2d(np.ones((1, 8, 8)), np.ones((1, 1, 3, 3)), stride=0),
         "stride must be at least 1"),
        (lambda: conv2d(np.ones((1, 8, 8)), np.ones((1, 1, 3, 3)), padding=-1),
         "padding cannot be negative"),
        (lambda: pad2d(np.ones((1, 3, 3)), 3, "reflect"),
         "reflect padding of 3 on the top needs more than 3 rows"),
        (lambda: conv2d(np.ones((8, 8)), np.ones((1, 1, 3, 3))),
         "(channels, height, width)"),
        (lambda: conv2d(np.ones((1, 8, 8)), np.ones((3, 3))), "the weight must be"),
        (lambda: conv2d(np.ones((1, 8, 8)), np.ones((2, 1, 3, 3)), np.ones(3)),
         "give one bias per output channel"),
        (lambda: pad2d(np.ones((1, 3, 3)), 1, "mirror"), "padding mode 'mirror'"),
        (lambda: pool2d(np.ones((1, 4, 4)), 2, padding=2), "more than half"),
    ],
)
def test_invalid_arguments_say_what_to_change(call, words):
    with pytest.raises(ValueError) as info:
        call()
    assert words in str(info.value)


def test_core_imports_no_qt():
    code = ("import sys, convlab.core, convlab.core.descent; "
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'pyqtgraph', 'shiboken6')]; assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_two_threads_in_parallel_kernels_at_once():
    x = np.random.default_rng(1).standard_normal((3, 400, 400)).astype(np.float32)
    w = np.ones((4, 3, 5, 5), np.float32)
    want = conv2d(x, w)
    results = naive.on_two_threads(lambda: conv2d(x, w), repeats=5)
    for r in results:
        np.testing.assert_allclose(r, want, rtol=1e-5)


def test_a_window_larger_than_what_it_pools_names_the_pooling_window():
    with pytest.raises(ValueError) as err:
        pool2d(np.ones((1, 2, 2)), 5, padding=0)
    text = str(err.value)
    assert "5×5 pooling window" in text and "(2×2" in text and "kernel" not in text
