"""A learning run's history in bounded memory (Qt-free).

A run may take ten million steps; keeping every loss and every kernel would
grow without bound, and redrawing them all would slow every frame. The loss
curve keeps the lowest and highest loss of each bin of consecutive steps, and
the bins double in width when they are full, so the whole curve stays
visible (its envelope is exact) in at most ``bins`` bins. The path keeps
every ``stride``-th kernel, the stride doubling likewise, plus the newest.
"""

from __future__ import annotations

import numpy as np

CURVE_BINS = 1024
PATH_POINTS = 1024


class LossCurve:
    """Min and max of the loss over bins of ``width`` steps, from step 0."""

    def __init__(self, bins: int = CURVE_BINS) -> None:
        self.capacity = bins
        self.width = 1  # steps per bin, a power of two
        self.used = 0
        self.last_step = -1
        self._lo = np.empty(bins)
        self._hi = np.empty(bins)

    def append(self, step: int, value: float) -> None:
        """Record the loss of ``step``; steps arrive in order, starting at 0."""
        b = step // self.width
        while b >= self.capacity:
            self._halve()
            b = step // self.width
        if b >= self.used:
            self._lo[self.used:b + 1] = value
            self._hi[self.used:b + 1] = value
            self.used = b + 1
        else:
            self._lo[b] = min(self._lo[b], value)
            self._hi[b] = max(self._hi[b], value)
        self.last_step = step

    def _halve(self) -> None:
        n = self.used // 2 * 2
        lo, hi = self._lo[:n].reshape(-1, 2).min(1), self._hi[:n].reshape(-1, 2).max(1)
        if self.used % 2:
            lo, hi = np.append(lo, self._lo[n]), np.append(hi, self._hi[n])
        self.used = len(lo)
        self._lo[:self.used], self._hi[:self.used] = lo, hi
        self.width *= 2

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(first step of each bin, lowest loss, highest loss), as copies."""
        first = np.arange(self.used) * self.width
        return first, self._lo[:self.used].copy(), self._hi[:self.used].copy()

    def __len__(self) -> int:
        return self.last_step + 1


class PathTrace:
    """Two-weight kernels visited: every ``stride``-th one, plus the newest."""

    def __init__(self, points: int = PATH_POINTS) -> None:
        self.capacity = points
        self.stride = 1
        self.used = 0
        self._xy = np.empty((points, 2))
        self._newest: np.ndarray | None = None
        self._newest_step = -1

    def append(self, step: int, xy: np.ndarray) -> None:
        self._newest, self._newest_step = np.asarray(xy, dtype=float).copy(), step
        if step % self.stride:
            return
        if self.used == self.capacity:
            self._xy[:self.capacity // 2] = self._xy[:self.capacity:2]
            self.used = self.capacity // 2
            self.stride *= 2
            if step % self.stride:
                return
        self._xy[self.used] = self._newest
        self.used += 1

    def array(self) -> np.ndarray:
        pts = self._xy[:self.used]
        if self._newest is not None and self._newest_step % self.stride:
            pts = np.vstack([pts, self._newest[None]])
        return pts.copy()
