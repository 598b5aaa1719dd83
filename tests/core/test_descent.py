import numpy as np
import pytest

import naive
from convlab.core import conv2d, corr2d
from convlab.core.descent import descend


def chapter_loop(x, y, k, lr, steps):
    """The chapter's loop, rewritten with plain numpy: loss = sum |Ŷ − Y|²."""
    k = k.copy()
    losses = []
    h, w = y.shape
    for _ in range(steps):
        yhat = np.array([[np.sum(x[i:i + 1, j:j + 2] * k) for j in range(w)]
                         for i in range(h)])
        losses.append(float(np.sum(np.abs(yhat - y) ** 2)))
        grad = np.zeros_like(k)
        for i in range(h):
            for j in range(w):
                grad += 2 * (yhat[i, j] - y[i, j]) * x[i:i + 1, j:j + 2]
        k = k - lr * grad
        yield losses[-1], k


@pytest.mark.parametrize("lr", [3e-2, 3.21e-2])  # the rate, the chapter's
def test_chapter_run_matches_its_loop_every_step(lr):
    x = np.ones((6, 8))
    x[:, 2:6] = 0
    y = corr2d(x, np.array([[1.0, -1.0]]))
    k0 = np.random.default_rng(0).normal(0, 0.05, (1, 2))
    steps = list(descend(x[None], y[None], k0[None, None], lr=lr, steps=10))
    ref = list(chapter_loop(x, y, k0, lr, 11))
    assert [s.index for s in steps] == list(range(0, 11))  # the start, then ten updates
    np.testing.assert_array_equal(steps[0].weight[0, 0], k0)
    # Step i is the kernel after i updates and its own loss: the loop's loss of round i + 1.
    for s, (loss, _) in zip(steps, ref):
        assert s.loss == pytest.approx(loss, rel=1e-12)
    for s, (_, k) in zip(steps[1:], ref):
        np.testing.assert_allclose(s.weight[0, 0], k, rtol=1e-12)
    assert steps[-1].loss < steps[0].loss / 10
    np.testing.assert_allclose(steps[-1].weight[0, 0], [[1, -1]], atol=0.2)


@pytest.mark.parametrize("opt,lr", [("sgd", 0.003), ("momentum", 0.0005), ("adam", 0.05)])
def test_every_optimizer_learns_a_3x3_kernel_with_bias(opt, lr):
    rng = np.random.default_rng(3)
    x = rng.standard_normal((1, 12, 12))
    true_w, true_b = rng.standard_normal((1, 1, 3, 3)), np.array([0.5])
    y = conv2d(x, true_w, true_b, padding=1)
    run = descend(x, y, np.zeros((1, 1, 3, 3)), np.zeros(1), lr=lr, steps=800,
                  optimizer=opt, loss="sse" if opt != "adam" else "mse", padding=1)
    last = list(run)[-1]
    np.testing.assert_allclose(last.weight, true_w, atol=1e-2)
    np.testing.assert_allclose(last.bias, true_b, atol=1e-2)


def test_mse_is_sse_over_the_count_and_lr_is_read_each_step():
    x = np.random.default_rng(1).standard_normal((1, 5, 5))
    y = conv2d(x, np.ones((1, 1, 2, 2)))
    sse = next(descend(x, y, np.zeros((1, 1, 2, 2)), lr=0.1, loss="sse"))
    mse = next(descend(x, y, np.zeros((1, 1, 2, 2)), lr=0.1, loss="mse"))
    assert mse.loss == pytest.approx(sse.loss / y.size)
    rates = iter([0.0, 0.1])
    start, a, b = list(descend(x, y, np.zeros((1, 1, 2, 2)), lr=lambda: next(rates), steps=2))
    np.testing.assert_array_equal(a.weight, 0)  # a rate of 0 leaves the kernel alone
    assert a.loss == start.loss and np.any(b.weight != 0)


def test_unknown_optimizer_and_loss_are_explained():
    with pytest.raises(ValueError, match="optimizer 'rmsprop'"):
        next(descend(np.ones((1, 3, 3)), np.ones((1, 2, 2)), np.ones((1, 1, 2, 2)),
                     lr=0.1, optimizer="rmsprop"))
    with pytest.raises(ValueError, match="loss 'l1'"):
        next(descend(np.ones((1, 3, 3)), np.ones((1, 2, 2)), np.ones((1, 1, 2, 2)),
                     lr=0.1, loss="l1"))


def reference_steps(x, y, w, b, lr, steps, stride, sides, dilation, mode, flip):
    """SGD on the sum of squared errors with naive.conv2d: the gradient of each
    weight is the output of its unit kernel (the convolution is linear in w)
    against 2·(Ŷ − Y)."""
    out = []
    for _ in range(steps):
        diff = naive.conv2d(x, w, b, stride, sides, dilation, mode, flip) - y
        grad = np.zeros_like(w)
        for e in np.ndindex(w.shape):
            unit = np.zeros_like(w)
            unit[e] = 1.0
            grad[e] = np.sum(2 * diff * naive.conv2d(x, unit, None, stride, sides, dilation,
                                                     mode, flip))
        w, b = w - lr * grad, b - lr * 2 * diff.sum(axis=(1, 2))
        out.append((w, b))
    return out


@pytest.mark.parametrize("mode", naive.MODES)
@pytest.mark.parametrize("stride,padding,dilation,flip", [
    ((1, 1), (1, 1, 1, 1), (1, 1), False),
    ((2, 1), "same", (1, 2), True),
    ((1, 2), (2, 0, 1, 2), (2, 1), False),
])
def test_padded_learning_matches_plain_loops(mode, stride, padding, dilation, flip):
    """Learning pads the input once and then reads it unpadded; every step must
    still be the one the caller's geometry gives, in each padding mode."""
    rng = np.random.default_rng(7)
    x = rng.standard_normal((2, 7, 6)).astype(np.float32)
    w0, b0 = rng.standard_normal((2, 2, 3, 2)) * 0.1, np.zeros(2)
    if padding == "same":
        (t, bo), (le, r) = (naive.keras_same(n, k, s, d) for n, k, s, d in
                            zip(x.shape[1:], (3, 2), stride, dilation))
        sides = (t, bo, le, r)
    else:
        sides = padding
    if mode == "reflect" and max(sides) >= 6:
        pytest.skip("reflect needs padding narrower than the input")
    y = naive.conv2d(x, rng.standard_normal(w0.shape), None, stride, sides, dilation, mode,
                     flip) + 0.5
    got = list(descend(x, y, w0, b0, lr=0.002, steps=3, stride=stride, padding=padding,
                       dilation=dilation, padding_mode=mode, flip=flip))[1:]
    want = reference_steps(x.astype(np.float64), y, w0, b0, 0.002, 3, stride, sides,
                           dilation, mode, flip)
    for step, (w, b) in zip(got, want):
        np.testing.assert_allclose(step.weight, w, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(step.bias, b, rtol=1e-9, atol=1e-12)
