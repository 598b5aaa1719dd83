"""Shared helpers for the benchmark scripts: medians and a printed table."""

from __future__ import annotations

import resource
import statistics
import time
from typing import NamedTuple


def fastest_of(fn, calls: int = 5) -> float:
    """The quickest of a few calls: how long one call takes once warm. (Timing a
    single call after the warm-up overestimated it ~100× for c1, whose first
    parallel runs start Numba's threads, so each sample was one cold call.)"""
    best = float("inf")
    for _ in range(calls):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return max(best, 1e-9)


def median_seconds(fn, *, repeat: int = 15, min_time: float = 0.02) -> float:
    """Median seconds per call; each sample loops long enough to be measurable."""
    fn()  # warm-up (and JIT)
    n = max(1, int(min_time / fastest_of(fn)))
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        samples.append((time.perf_counter() - t0) / n)
    return statistics.median(samples)


class Latency(NamedTuple):
    median: float  # seconds per single call
    p90: float
    cpu: float  # CPU seconds per call, all of the process's threads
    cores: float  # CPU seconds per second of wall time while sampling
    faults: float  # minor page faults per call (fresh pages touched), whole process


def per_call(fn, *, calls: int = 300, budget: float = 1.5) -> Latency:
    """Median and 90th percentile of single calls: the latency one edit waits
    for. (A sample that loops over many calls measures throughput, which on a
    shared machine is mostly the CPU share the scheduler grants the process.)
    Also the CPU time the calls used, and how many cores' worth they got."""
    t_end = time.perf_counter() + budget / 5
    for _ in range(20):  # warm-up: JIT, threads, the serial/parallel choice
        fn()
        if time.perf_counter() > t_end:
            break
    samples = []
    faults0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    cpu0, wall0 = time.process_time(), time.perf_counter()
    t_end = wall0 + budget
    while len(samples) < calls and (len(samples) < 10 or time.perf_counter() < t_end):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults0
    samples.sort()
    return Latency(samples[len(samples) // 2], samples[len(samples) * 9 // 10],
                   cpu / len(samples), cpu / wall, faults / len(samples))


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
