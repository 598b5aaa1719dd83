"""One decorator factory for every Numba kernel of the core."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

import numba

# fastmath without nnan/ninf: NaN and inf in the data must stay visible.
FASTMATH = {"nsz", "arcp", "contract", "afn", "reassoc"}

# Above this many multiply-adds a kernel is worth spreading over the cores.
PARALLEL_WORK = 1_000_000

# Two threads inside a parallel=True kernel can abort the process under
# numba's workqueue threading layer; only one thread may run one at a time.
_PARALLEL_LOCK = threading.Lock()


def jit(*, parallel: bool = False):
    """``numba.njit`` with the options every core kernel shares."""
    return numba.njit(cache=True, nogil=True, fastmath=FASTMATH, parallel=parallel)


def wide_vectors() -> bool:
    """True when numba compiles for AVX-512: the features it hands LLVM are
    ``NUMBA_CPU_FEATURES`` if set, else this machine's, less every AVX feature
    when ``NUMBA_ENABLE_AVX`` is off (numba turns it off itself on some CPUs).
    Numba keys its cache by those features, so kernels built with one width
    are never loaded where the other applies."""
    features = numba.config.CPU_FEATURES
    if features is None:
        from numba.core.codegen import get_host_cpu_features

        features = get_host_cpu_features()
    return "+avx512f" in features.split(",")


def num_threads() -> int:
    """How many shares a parallel kernel splits its work into: the threads
    numba started. (``numba.get_num_threads()`` costs 1-2 µs a call, for two
    locks; inside a kernel it is quick but makes the kernel uncachable. Fewer
    threads set by ``numba.set_num_threads`` run the shares in turn: the
    result is the same.)"""
    return numba.config.NUMBA_NUM_THREADS


# Why parallel kernels sometimes took 8.0 ms (issue 14):
# numba's parallel loops split the rows statically, one share per thread,
# and the caller returns only when every share is done. When another program
# holds the second core, the worker thread that owns the second share is
# runnable but not running; the region then waits for the scheduler to give
# it a turn, counted in ticks of 4 ms (CONFIG_HZ=250): stalls of 8 ms (and
# 12, 16) whatever the kernel's size, reproduced on the loaded build machine.
# cv2 hands out its stripes dynamically, so its caller does the work a
# sleeping worker never started. numba offers no such work stealing. (Handing
# out stripes from an atomic counter inside the parallel region did not help
# either: c3 beside two loads took 10.8 ms with static shares and 11.1-15.3 ms
# with claimed stripes, because the region still ends only once the worker has
# been scheduled and found nothing left.) So each call site measures instead:
# `Pace` keeps the recent time per multiply-add of the serial and the
# parallel kernel for each size class and runs the faster one.
# Now and then it tries the slower one, to notice when the machine frees up:
# after EXPLORE calls when the two are close, after proportionally more when
# the slower one is much slower, so exploring costs at most about 1/EXPLORE of
# the time, 1/EXPLORE_SERIAL while parallel is the faster, as long as the
# slower is under EXPLORE_MAX/EXPLORE = 64× slower. Beyond that it is tried
# every EXPLORE_MAX calls (a stalled 8 ms parallel run beside 0.1 ms serial
# ones: 8 ms in every 59 ms, not in every 8.8). A mode not timed yet is tried
# at the next call.
#
# "Recent" is the mean of the last _SAMPLES runs, not a median: on the busy
# build machine the parallel c1 kernel took either 0.09 ms or 8 ms, depending
# on where the scheduler put numba's worker, and a median that ignored the
# stalls kept choosing it (c1 busy: 0.45 ms, against 0.27 ms serial). The
# mean counts the time actually spent. The first run of each mode is not
# recorded: it pays once for loading the kernel and starting numba's threads
# (c1: 0.77 ns/MAC, then 0.04), and counting it kept c1 serial, twice as slow,
# for hundreds of calls.
#
# A mean of five lets one slow run push a mode out for long: on the idle
# machine one parallel c4 run 3× slower than the rest (0.0135 against 0.0047
# ns per multiply-add) made serial (0.0095) the better mean, and the stale
# sample then left only after five explorations, EXPLORE calls or more
# apart: runs of 8-27 serial calls, in one run 43% of all calls. So an
# explored run that beats the other mode's mean is explored again at once,
# until its mean wins or a run of it loses.
#
# Serial is tried EXPLORE_SERIAL/EXPLORE = 4 times less often than parallel.
# While parallel is the faster, trying serial only pays if parallel has
# slowed, and parallel's own runs show that at once (the switch then follows
# from the means); trying parallel while serial runs is how a freed core is
# noticed, and how one stalled run leaves parallel's mean, so it stays
# frequent. Tried every 8·r calls, serial had cost c1 (r = 2.3) about 6.6%
# of its time. Paired in one process against that (30 alternating loops of
# 200 calls, three runs, eleventh session, idle): c1 took 0.95-0.96× the
# time, c4 0.95-0.97×, c7 0.95-0.96×, c2 0.93-0.95×.
# (The seventh session tried EXPLORE = 32 for both modes: c1 1.24× slower, a
# stalled parallel run then kept it on serial 4× longer.)
EXPLORE = 8
EXPLORE_SERIAL = 32
EXPLORE_MAX = 512
_SAMPLES = 5
# A parallel run's time counts PARALLEL_COST times, so parallel must be 20%
# faster to be chosen. It holds both cores, taking the second from whatever
# else runs, and beside another program its times are bimodal (the worker
# that shares a core with it starts at once or a scheduler tick later).
# There the two means came within a few percent of each other and `Pace`
# went back and forth: c3 beside the --busy loads (AMD EPYC host, fifteenth
# session) took a median of 6.7-7.0 ms through `Pace`, against 4.9 ms serial
# and 6.6 ms parallel, each forced. Idle, parallel is 1.5-2× faster at every
# parallel size, well past the margin.
PARALLEL_COST = 1.25
# After a parallel run GNU OpenMP's workers spin for a while before they sleep
# (10.8 ms of CPU in the 50 ms after a c3 call on the AMD host). A serial run
# that starts within SPUN_NS of the end of a parallel one shares the cores
# with them (as does one beside another thread's parallel run), so its time
# is only an upper bound on serial's: beside the --busy loads, serial c3 runs
# took 4.8-5.0 ms in a row but 8.6-9.2 ms after a parallel try, and the
# polluted mean kept parallel in the running. Such a "spun" time is recorded
# only when it lowers serial's mean, or when serial has no time at all; the
# first unspun time then replaces the spun ones.
SPUN_NS = 20_000_000
_clock = time.perf_counter_ns  # (tests replace it)


class Pace:
    """Recent nanoseconds per multiply-add of the serial and parallel runs
    (parallel's times PARALLEL_COST)."""

    __slots__ = ("means", "since", "spun_only", "started", "times")

    def __init__(self) -> None:
        self.since = 0  # calls since the slower mode was last tried
        self.started = [False, False]  # serial, parallel: run once already
        self.times: list[list[float]] = [[], []]  # serial, parallel
        self.means: list[float | None] = [None, None]  # of times, kept by record
        self.spun_only = False  # serial's times are all spun ones

    def prefer_parallel(self) -> bool:
        ser, par = self.means
        if ser is not None and par is not None:
            best = par <= ser
            every = EXPLORE_SERIAL if best else EXPLORE  # calls per try of the other
            wait = min(every * max(ser, par) / max(min(ser, par), 1e-12), EXPLORE_MAX)
        else:  # best: the timed mode, so that the untimed one is tried next
            best = ser is None  # (neither timed: parallel, with serial tried)
            wait = EXPLORE if ser is None and par is None else 1
        self.since += 1
        if self.since < wait:
            return best
        self.since = 0
        return not best

    def record(self, parallel: bool, ns_per_work: float, spun: bool = False) -> None:
        """``spun``: a serial run beside OpenMP's workers (SPUN_NS)."""
        if not self.started[parallel]:  # a first run's one-time costs
            self.started[parallel] = True
            return
        mine, theirs = self.means[parallel], self.means[not parallel]
        ns_per_work *= PARALLEL_COST if parallel else 1.0
        fresh = not parallel and self.spun_only and not spun  # replaces the spun times
        # A new list, assigned whole: two threads may record into one Pace.
        t = ([] if fresh else self.times[parallel][1 - _SAMPLES:]) + [ns_per_work]
        if spun and mine is not None and sum(t) / len(t) >= mine:
            return  # an upper bound that would not lower the mean says nothing new
        if not parallel:
            self.spun_only = spun and (mine is None or self.spun_only)
        explored = mine is not None and theirs is not None and mine > theirs
        self.times[parallel] = t
        mine = self.means[parallel] = sum(t) / len(t)
        if explored and ns_per_work < theirs:  # an explored run that won:
            # explore again at the next call, unless its mean now wins anyway
            self.since = EXPLORE_MAX if mine > theirs else 0


_PACES: dict[tuple, Pace] = {}


def pace_for(key, work: int) -> Pace:
    """The ``Pace`` of a call site and size class (work within a factor 2)."""
    k = (key, work.bit_length())
    pace = _PACES.get(k)
    if pace is None:
        pace = _PACES[k] = Pace()
    return pace


class _Forced(threading.local):
    mode: bool | None = None  # True/False while ``forced`` runs on this thread
    # (a class default: getattr(local, "mode", None) raised and caught an
    # AttributeError on every call, 1.2 µs of a 3×3 frame's ~55)


_FORCED = _Forced()
_parallel_end = -(1 << 62)  # perf_counter_ns() at the end of the last parallel run


@contextmanager
def forced(parallel: bool):
    """``with forced(parallel)``: this thread's parallel-size calls run that
    mode and are not timed. The warm-up runs every variant in both modes, so
    no kernel is left to compile when ``Pace`` first picks the other one."""
    before = _FORCED.mode
    _FORCED.mode = parallel
    try:
        yield
    finally:
        _FORCED.mode = before


class parallel_slot:
    """``with parallel_slot(work, key) as par``: par is True when the caller
    should run the parallel kernel now: enough work, no other thread inside
    one, and (per ``key``'s recent timings) parallel is currently faster."""

    __slots__ = ("held", "pace", "work", "t0")

    def __init__(self, work: int, key=None) -> None:
        self.pace = pace_for(key, work) if work >= PARALLEL_WORK else None
        self.work = work
        mode = _FORCED.mode
        if mode is not None and self.pace is not None:
            self.pace = None  # a forced run is not timed
            self.held = mode and _PARALLEL_LOCK.acquire(blocking=False)
            return
        self.held = (self.pace is not None and self.pace.prefer_parallel()
                     and _PARALLEL_LOCK.acquire(blocking=False))

    def __enter__(self) -> bool:
        self.t0 = _clock()
        return self.held

    def __exit__(self, exc_type, *exc) -> None:
        global _parallel_end
        end = _clock()
        try:
            if self.pace is not None and exc_type is None:
                # Serial beside OpenMP's workers: spinning after a parallel run
                # (this thread's or another's), or in another thread's run.
                spun = not self.held and (_PARALLEL_LOCK.locked()
                                          or self.t0 - _parallel_end < SPUN_NS)
                self.pace.record(self.held, (end - self.t0) / self.work, spun)
        finally:
            if self.held:
                _parallel_end = end
                _PARALLEL_LOCK.release()
