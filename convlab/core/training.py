"""Learning a kernel by gradient descent, as in the chapter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Optional, Union

import numpy as np

from convlab.core.conv import conv2d, conv2d_backward

LOSSES = ("sse", "mse")
OPTIMIZERS = ("sgd", "momentum", "adam")


@dataclass(frozen=True)
class Step:
    """One iteration: the loss of its forward pass and the values after its update."""

    index: int
    loss: float
    weight: np.ndarray
    bias: Optional[np.ndarray]
    grad_weight: np.ndarray


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


def descend(x, target, weight, bias=None, *, lr: Union[float, Callable[[], float]],
            steps: Optional[int] = None, optimizer: str = "sgd", loss: str = "sse",
            stride=1, padding=0, dilation=1, padding_mode: str = "zeros",
            momentum: float = 0.9, betas=(0.9, 0.999)) -> Iterator[Step]:
    """Yield one :class:`Step` per gradient-descent iteration.

    ``lr`` may be a number or a function returning the current rate, read every
    step (the window changes it while learning runs). ``bias=None`` learns no
    bias; ``steps=None`` runs until the caller stops iterating.
    """
    if loss not in LOSSES:
        raise ValueError(f"loss {loss!r} is not known; use 'sse' or 'mse'")
    geo = dict(stride=stride, padding=padding, dilation=dilation, padding_mode=padding_mode)
    opt = _Optimizer(optimizer, momentum, tuple(betas))
    w = np.array(weight, dtype=np.float64)
    b = None if bias is None else np.array(bias, dtype=np.float64).reshape(-1)
    target = np.asarray(target, dtype=np.float64)
    rate = lr if callable(lr) else (lambda: lr)
    scale = 1.0 if loss == "sse" else 1.0 / max(target.size, 1)
    index = 0
    while steps is None or index < steps:
        index += 1
        opt.t = index
        with np.errstate(over="ignore", invalid="ignore"):
            value, w, b, gw = _step(x, w, b, target, geo, scale, opt, float(rate()))
        yield Step(index, value, w.copy(), None if b is None else b.copy(), gw)


def _step(x, w, b, target, geo, scale, opt, lr):
    """One forward pass, loss, backward pass and update."""
    pred = conv2d(x, w, b, **geo)
    if pred.shape != target.shape:
        raise ValueError(
            f"the target has shape {target.shape} but the prediction {pred.shape}; "
            "the target must be the output of the same geometry"
        )
    diff = pred - target
    value = float(np.sum(diff * diff)) * scale
    grads = conv2d_backward(x, w, 2.0 * scale * diff, need_input=False, **geo)
    new_w = opt.update(0, w, grads.weight, lr)
    new_b = None if b is None else opt.update(1, b, grads.bias, lr)
    return value, new_w, new_b, grads.weight
