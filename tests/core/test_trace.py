"""The bounded history of a run: exact envelope, bounded size."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from convlab.model.trace import LossCurve, PathTrace


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 5000), st.integers(2, 64), st.integers(0, 10**6))
def test_curve_bins_hold_the_min_and_max_of_their_steps(n, bins, seed):
    bins = bins // 2 * 2
    values = np.random.default_rng(seed).random(n)
    c = LossCurve(bins)
    for i, v in enumerate(values):
        c.append(i, v)
    first, lo, hi = c.arrays()
    assert len(first) <= bins and len(c) == n
    for k, start in enumerate(first):
        chunk = values[start:start + c.width]
        assert lo[k] == chunk.min() and hi[k] == chunk.max()
    assert first[-1] + c.width >= n > first[-1]


def test_path_keeps_a_bounded_even_sample_and_the_newest():
    p = PathTrace(8)
    for i in range(1000):
        p.append(i, np.array([i, -i]))
    pts = p.array()
    assert len(pts) <= 9 and pts[0, 0] == 0 and pts[-1, 0] == 999
    steps = np.diff(pts[:-1, 0])
    assert np.all(steps == steps[0])  # evenly spaced
