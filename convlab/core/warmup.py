"""Compile (or load from cache) every kernel variant before the user needs it."""

from __future__ import annotations

import numpy as np

from convlab.core.conv import conv2d, conv2d_backward, pad2d
from convlab.core.geometry import PADDING_MODES
from convlab.core.pool import pool2d


def warmup() -> None:
    """Run each kernel once per dtype, serial and parallel, on tiny inputs."""
    for dt in (np.float32, np.float64):
        small, big = np.ones((1, 6, 6), dt), np.ones((1, 80, 80), dt)
        k_small, k_big = np.ones((1, 1, 3, 3), dt), np.ones((2, 1, 16, 16), dt)
        for x, k in ((small, k_small), (big, k_big)):  # the big one runs in parallel
            out = conv2d(x, k, stride=1)
            conv2d(x, k, stride=2)
            conv2d_backward(x, k, np.ones_like(out))
        for mode in PADDING_MODES:
            pad2d(small, 1, mode)
        pool2d(small, 2, mode="max")
