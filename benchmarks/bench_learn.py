"""Learning steps per second: the core alone, through the window's worker, and torch.

Run: .venv/bin/python benchmarks/bench_learn.py
Problem: 256×256 input, 1→1 channel, 5×5 kernel, SGD on the MSE loss.
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from _timing import median_seconds  # noqa: E402

from convlab.core import conv2d  # noqa: E402
from convlab.core.training import descend  # noqa: E402
from convlab.model.learner import Learner  # noqa: E402
from convlab.model.learning import LearnSettings, Problem  # noqa: E402
from convlab.model.document import Geometry  # noqa: E402

try:
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(2)
except ImportError:
    torch = None


def problem():
    rng = np.random.default_rng(0)
    x = rng.random((1, 256, 256))
    true_w = rng.normal(size=(1, 1, 5, 5))
    return x, conv2d(x, true_w), np.zeros((1, 1, 5, 5))


def core_rate(n=300) -> float:
    x, y, w = problem()
    steps = descend(x, y, w, lr=0.1, loss="mse")
    next(steps)
    t0 = time.perf_counter()
    for _ in range(n):
        next(steps)
    return n / (time.perf_counter() - t0)


def worker_rate(seconds=2.0) -> float:
    x, y, w = problem()
    s = LearnSettings(lr=0.1, optimizer="sgd", loss="mse", threshold=0, max_steps=10**9)
    p = Problem(x, y, w, None, w, np.zeros(1), Geometry())
    learner = Learner(p, s)
    learner.play()
    time.sleep(0.3)
    n0, t0 = len(learner.losses), time.perf_counter()
    time.sleep(seconds)
    n1, t1 = len(learner.losses), time.perf_counter()
    learner.stop()
    return (n1 - n0) / (t1 - t0)


def torch_rate() -> float | None:
    if torch is None:
        return None
    x, y, w = problem()
    tx, ty = torch.from_numpy(x[None]), torch.from_numpy(y[None])
    tw = torch.zeros((1, 1, 5, 5), dtype=torch.float64, requires_grad=True)

    def step():
        loss = ((F.conv2d(tx, tw) - ty) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            tw.sub_(0.1 * tw.grad)
            tw.grad = None

    return 1.0 / median_seconds(step)


def main() -> None:
    core, worker, ref = core_rate(), worker_rate(), torch_rate()
    print("256×256, 1→1, 5×5, SGD on MSE, float64; steps per second (higher is better)")
    print(f"  convlab core (descend):        {core:8.0f}")
    print(f"  convlab through the worker:    {worker:8.0f}  (with the GUI's bookkeeping)")
    if ref is None:
        print("  torch autograd:                not installed")
    else:
        print(f"  torch autograd:                {ref:8.0f}   core / torch = {core / ref:.2f}×")


if __name__ == "__main__":
    main()
