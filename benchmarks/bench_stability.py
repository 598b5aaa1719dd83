"""Cost of the loss's curvature (XᵀX and its eigenvalues) at 1024² RGB, 7×7.

Run: .venv/bin/python benchmarks/bench_stability.py

Compares the core's accumulation (convlab.core.gram, X never formed) with
forming X (im2col, 1024²×147 float64 = 1.2 GB) and numpy's X.T @ X, and
reports the whole readout (gram + eigvalsh). Timings on a shared machine
are noisy; read the ratios.
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from _timing import fmt  # noqa: E402

from convlab.core.gram import gram, im2col  # noqa: E402
from convlab.model.stability import analyse  # noqa: E402


def median(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return float(np.median(times))


def main() -> None:
    x = np.random.default_rng(0).random((3, 1024, 1024))
    geo = dict(padding="same")
    rows = []
    ours = median(lambda: gram(x, 7, **geo), 5)
    rows.append(("XᵀX, core (stride 1: rectangle sums)", ours))
    rows.append(("XᵀX, core, stride 2 (row-by-row path)",
                 median(lambda: gram(x, 7, stride=2, **geo), 3)))
    rows.append(("readout: XᵀX + eigvalsh (stability.analyse)",
                 median(lambda: analyse(x, (3, 3, 7, 7), **geo), 5)))
    xm_holder = {}

    def form():
        xm_holder["x"] = im2col(x, 7, **geo)

    rows.append(("form X (im2col, 1.2 GB)", median(form, 3)))
    xm = xm_holder["x"]
    dense = median(lambda: xm.T @ xm, 3)
    rows.append(("numpy X.T @ X (X formed)", dense))
    err = np.abs(gram(x, 7, **geo).xtx - xm.T @ xm).max() / np.abs(xm.T @ xm).max()
    print("| step | median |")
    print("|---|---|")
    for name, t in rows:
        print(f"| {name} | {fmt(t)} |")
    total = rows[3][1] + dense
    print(f"\nforming X + matmul / core: {total / ours:.2f}×; "
          f"max relative difference {err:.1e}")


if __name__ == "__main__":
    main()
