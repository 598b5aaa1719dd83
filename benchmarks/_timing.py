"""Shared helpers for the benchmark scripts: medians and a printed table."""

from __future__ import annotations

import statistics
import time


def median_seconds(fn, *, repeat: int = 15, min_time: float = 0.02) -> float:
    """Median seconds per call; each sample loops long enough to be measurable."""
    fn()  # warm-up (and JIT)
    n, t0 = 1, time.perf_counter()
    fn()
    one = time.perf_counter() - t0
    n = max(1, int(min_time / max(one, 1e-9)))
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        samples.append((time.perf_counter() - t0) / n)
    return statistics.median(samples)


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1e3:9.3f} ms" if seconds >= 1e-4 else f"{seconds * 1e6:9.1f} µs"


def print_table(rows: list[tuple[str, dict[str, float | None]]], ours: str) -> None:
    libs = list(rows[0][1])
    print(f"| case | {' | '.join(libs)} | " + " | ".join(f"{ours} vs {lib}" for lib in libs if lib != ours) + " |")
    print("|" + "---|" * (1 + 2 * len(libs) - 1))
    for name, times in rows:
        cells = [fmt(times[lib]) for lib in libs]
        ratios = [
            "—" if times[lib] is None or times[ours] is None else f"{times[lib] / times[ours]:.2f}×"
            for lib in libs if lib != ours
        ]
        print(f"| {name} | " + " | ".join(cells + ratios) + " |")
