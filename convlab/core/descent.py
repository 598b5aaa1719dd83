"""Learning a kernel by gradient descent, as in the chapter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Optional, TypeVar, Union

import numpy as np

from convlab.core.conv import conv2d, conv2d_backward, pad2d

LOSSES = ("sse", "mse")
OPTIMIZERS = ("sgd", "momentum", "adam")

T = TypeVar("T")
Live = Union[T, Callable[[], T]]  # a value, or a function read before every step


@dataclass(frozen=True)
class Step:
    """The kernel after ``index`` updates, with its loss and the gradient there.

    Everything in one Step describes the same kernel: ``loss`` is the loss of
    ``weight`` and ``grad_weight`` the gradient at ``weight`` (the direction
    the next update will take, for SGD). Step 0 is the starting kernel.
    """

    index: int
    loss: float  # in the loss chosen for this step (sse or mse)
    weight: np.ndarray
    bias: Optional[np.ndarray]
    grad_weight: np.ndarray
    sse: float = 0.0  # the sum of squared errors, comparable across a change of loss


class _Optimizer:
    def __init__(self, kind: str, momentum: float, betas: tuple[float, float]):
        if kind not in OPTIMIZERS:
            raise ValueError(f"optimizer {kind!r} is not known; use {', '.join(OPTIMIZERS)}")
        self.kind, self.momentum, self.betas = kind, momentum, betas
        self.state: dict[int, tuple] = {}
        self.t = 0

    def update(self, key: int, p: np.ndarray, g: np.ndarray, lr: float) -> np.ndarray:
        if self.kind == "sgd":
            return p - lr * g
        if self.kind == "momentum":
            v = self.momentum * self.state.get(key, (0.0,))[0] + g
            self.state[key] = (v,)
            return p - lr * v
        b1, b2 = self.betas
        m, v = self.state.get(key, (0.0, 0.0))
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
        self.state[key] = (m, v)
        mhat, vhat = m / (1 - b1**self.t), v / (1 - b2**self.t)
        return p - lr * mhat / (np.sqrt(vhat) + 1e-8)


def _reader(value: Live[T]) -> Callable[[], T]:
    return value if callable(value) else (lambda: value)


def _check_loss(loss: str) -> str:
    if loss not in LOSSES:
        raise ValueError(f"loss {loss!r} is not known; use 'sse' or 'mse'")
    return loss


def descend(x, target, weight, bias=None, *, lr: Live[float], steps: Optional[int] = None,
            optimizer: Live[str] = "sgd", loss: Live[str] = "sse", stride=1, padding=0,
            dilation=1, padding_mode: str = "zeros", flip: bool = False,
            momentum: float = 0.9, betas=(0.9, 0.999)) -> Iterator[Step]:
    """Yield the start (``Step`` 0), then one :class:`Step` per update.

    ``lr``, ``optimizer`` and ``loss`` may each be a value or a function
    returning the current one, read before every update (the window changes
    them while learning runs; a new optimizer starts with fresh state).
    ``bias=None`` learns no bias; ``steps`` counts updates (``None``: until the
    caller stops iterating). ``flip=True`` learns a kernel for true
    convolution: the gradient is flipped like the kernel.
    """
    rate, opt_kind, loss_kind = _reader(lr), _reader(optimizer), _reader(loss)
    geo = dict(stride=stride, padding=padding, dilation=dilation, padding_mode=padding_mode,
               flip=flip)
    w = np.array(weight, dtype=np.float64)
    b = None if bias is None else np.array(bias, dtype=np.float64).reshape(-1)
    target = np.asarray(target, dtype=np.float64)
    kind = _check_loss(loss_kind())
    opt = _Optimizer(opt_kind(), momentum, tuple(betas))
    sse, gw, gb = _evaluate(x, w, b, target, geo)  # the caller's geometry: conv2d's words
    yield _make_step(0, sse, w, b, gw, kind, target.size)  # for anything wrong with it
    x, geo = _padded_once(x, w.shape[2:], geo)
    index = 0
    while steps is None or index < steps:
        index += 1
        kind = _check_loss(loss_kind())
        kind_now = opt_kind()
        if kind_now != opt.kind:
            opt = _Optimizer(kind_now, momentum, tuple(betas))
        opt.t += 1
        s = _scale(kind, target.size)
        with np.errstate(over="ignore", invalid="ignore"):
            lr_now = float(rate())
            w = opt.update(0, w, s * gw, lr_now)
            b = None if b is None else opt.update(1, b, s * gb, lr_now)
            sse, gw, gb = _evaluate(x, w, b, target, geo)
        yield _make_step(index, sse, w, b, gw, kind, target.size)


def _padded_once(x, kernel_hw, geo) -> tuple[np.ndarray, dict]:
    """``x`` as float64 (the weights' type), padded once, and the geometry that
    reads it as it is. Every step used to convert and pad ``x`` twice (the
    forward pass and the weight gradient) and fault in fresh image-sized
    arrays: a step at 512² with a 5×5 kernel and "same" padding took 6.1 ms,
    now 3.3–3.8 ms (README, Speed). The kernels and their results are the
    same: the padded input is what they read either way."""
    xp = pad2d(np.asarray(x, dtype=np.float64), geo["padding"], geo["padding_mode"],
               kernel_hw=kernel_hw, stride=geo["stride"], dilation=geo["dilation"])
    xp.flags.writeable = False
    return xp, {**geo, "padding": 0, "padding_mode": "zeros"}


def _scale(kind: str, n: int) -> float:
    return 1.0 if kind == "sse" else 1.0 / max(n, 1)


def _make_step(index, sse, w, b, gw, kind, n) -> Step:
    s = _scale(kind, n)
    return Step(index, sse * s, w.copy(), None if b is None else b.copy(), s * gw, sse)


def _evaluate(x, w, b, target, geo):
    """The sum of squared errors at (w, b) and its gradients."""
    with np.errstate(over="ignore", invalid="ignore"):
        pred = conv2d(x, w, b, **geo)
        if pred.shape != target.shape:
            raise ValueError(
                f"the target has shape {target.shape} but the prediction {pred.shape}; "
                "the target must be the output of the same geometry"
            )
        # In place: at 512² each image-sized temporary is 2 MB that the
        # allocator could hand back to the system and fault in again next step.
        diff = np.subtract(pred, target, out=pred)
        sse = float(np.vdot(diff, diff))
        grads = conv2d_backward(x, w, np.multiply(diff, 2.0, out=diff), need_input=False,
                                **geo)
    return sse, grads.weight, grads.bias
