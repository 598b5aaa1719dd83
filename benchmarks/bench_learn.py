"""Learning steps per second: the core alone, through the window's worker, and torch;
and whether a long run keeps its speed and memory.

Run: .venv/bin/python benchmarks/bench_learn.py [--long N]
Speed: 256×256 input, 1→1 channel, 5×5 kernel, SGD on the MSE loss.
Long run: the chapter's example (6×8 edge image, 1×2 kernel) for N steps
(default 10⁶) through the worker, polled 60 times a second as the window does;
steps/s near step 10³ against near step N, and the growth of the resident
memory between them (targets: within 20 %, under 20 MB).
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from _timing import median_seconds  # noqa: E402

from convlab.core import conv2d  # noqa: E402
from convlab.core.descent import descend  # noqa: E402
from convlab.model.learn_run import Learner  # noqa: E402
from convlab.model.learn_problem import LearnSettings, Problem  # noqa: E402
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
    next(steps)  # the start
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
    n0, t0 = learner.steps_done, time.perf_counter()
    time.sleep(seconds)
    n1, t1 = learner.steps_done, time.perf_counter()
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


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def long_run(total: int = 10**6, window: int = 10_000) -> None:
    """Steps/s and memory early and late in one long run of the chapter example."""
    from dataclasses import replace

    from convlab.model.learn_problem import chapter_example, make_problem

    doc, s = chapter_example()
    s = replace(s, steps_per_second=0, max_steps=total, threshold=-1.0)
    learner = Learner(make_problem(doc, s), s)
    marks = {}  # step -> (time, rss)
    early, late = 1_000, total - window
    frame_cost = []
    checkpoints = sorted({early, early + window, late, total,
                          *(k * total // 10 for k in range(1, 10)),
                          *(k * total // 10 + total // 20 for k in range(1, 10))})
    learner.play()
    while not learner.finished:
        time.sleep(1 / 60)
        t0 = time.perf_counter()
        learner.progress()  # what the window does every frame
        frame_cost.append((learner.steps_done, time.perf_counter() - t0))
        n = learner.steps_done
        for m in checkpoints:
            if m not in marks and n >= m:
                marks[m] = (time.perf_counter(), time.process_time(), n, rss_mb())
    learner.stop()

    def rate(a, b, clock):
        return (marks[b][2] - marks[a][2]) / (marks[b][clock] - marks[a][clock])

    r0, r1 = rate(early, early + window, 0), rate(late, total, 0)
    c0, c1 = rate(early, early + window, 1), rate(late, total, 1)
    f0 = np.median([c for n, c in frame_cost if n < total // 10]) * 1e6
    f1 = np.median([c for n, c in frame_cost if n > total * 9 // 10]) * 1e6
    print(f"Long run, chapter example, {total:,} steps through the worker:")
    print(f"  steps/s near step {early:,}: {r0:8.0f}   near step {total:,}: {r1:8.0f}"
          f"   ratio {r1 / r0:.2f}  (wall clock)")
    print(f"  steps per CPU-second near step {early:,}: {c0:8.0f}   near step {total:,}: "
          f"{c1:8.0f}   ratio {c1 / c0:.2f}  (less sensitive to other processes)")
    print(f"  resident memory at step {early:,}: {marks[early][3]:.1f} MB, at step {total:,}: "
          f"{marks[total][3]:.1f} MB, growth {marks[total][3] - marks[early][3]:+.1f} MB")
    trend = [f"{rate(k * total // 10, k * total // 10 + total // 20, 0):.0f}"
             for k in range(1, 10)]
    print(f"  steps/s at each tenth of the run (noise vs trend): {', '.join(trend)}")
    print(f"  one frame's snapshot (progress()): {f0:.0f} µs early, {f1:.0f} µs late")


def main() -> None:
    if "--long" in sys.argv:
        i = sys.argv.index("--long")
        long_run(int(float(sys.argv[i + 1])) if len(sys.argv) > i + 1 else 10**6)
        return
    long_run()
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
