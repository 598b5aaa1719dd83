"""Learning with live settings and with true convolution, against finite differences."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convlab.core import conv2d
from convlab.core.descent import descend
from naive import MODES


def sse(x, w, b, y, **geo):
    return float(np.sum((conv2d(x, w, b, **geo) - y) ** 2))


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.booleans(), st.sampled_from(MODES),
       st.integers(1, 2), st.integers(1, 2))
def test_every_step_holds_the_gradient_at_its_kernel(seed, flip, mode, s, d):
    """Finite differences of the loss, no autograd: flipped like the kernel when
    true convolution is on."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((2, 7, 8))
    geo = dict(stride=(s, 1), padding=(1, 1, 1, 0), dilation=(1, d), padding_mode=mode,
               flip=flip)
    y = conv2d(x, rng.standard_normal((2, 2, 2, 3)), **geo)
    run = descend(x, y, rng.standard_normal((2, 2, 2, 3)), lr=1e-3, steps=2, **geo)
    for step in run:
        assert step.loss == pytest.approx(sse(x, step.weight, None, y, **geo), rel=1e-12)
        eps, num = 1e-6, np.zeros_like(step.weight)
        for i in np.ndindex(step.weight.shape):
            dw = np.zeros_like(step.weight)
            dw[i] = eps
            num[i] = (sse(x, step.weight + dw, None, y, **geo)
                      - sse(x, step.weight - dw, None, y, **geo)) / (2 * eps)
        np.testing.assert_allclose(step.grad_weight, num, rtol=1e-5, atol=1e-6)


def test_true_convolution_learns_the_stored_kernel():
    rng = np.random.default_rng(4)
    x = rng.standard_normal((1, 12, 12))
    true_w = rng.standard_normal((1, 1, 3, 3))
    y = conv2d(x, true_w, flip=True, padding=1)
    last = list(descend(x, y, np.zeros((1, 1, 3, 3)), lr=0.003, steps=600, padding=1,
                        flip=True))[-1]
    np.testing.assert_allclose(last.weight, true_w, atol=1e-4)


def test_optimizer_and_loss_are_read_before_every_step():
    x = np.random.default_rng(1).standard_normal((1, 6, 6))
    y = conv2d(x, np.ones((1, 1, 2, 2)))
    kinds = iter(["sse", "sse", "mse", "mse"])
    run = list(descend(x, y, np.zeros((1, 1, 2, 2)), lr=0.01, steps=3,
                       loss=lambda: next(kinds)))
    assert run[1].loss == pytest.approx(run[1].sse)
    assert run[2].loss == pytest.approx(run[2].sse / y.size)  # changed at step 2
    opts = iter(["sgd", "sgd", "adam", "adam"])  # the start, then one read per update
    a = list(descend(x, y, np.zeros((1, 1, 2, 2)), lr=0.5, steps=3,
                     optimizer=lambda: next(opts)))
    # Adam's first step moves every weight by the rate, whatever the gradient's size.
    np.testing.assert_allclose(np.abs(a[2].weight - a[1].weight), 0.5, rtol=1e-6)
