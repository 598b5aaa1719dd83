"""One decorator factory for every Numba kernel of the core."""

from __future__ import annotations

import threading
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


@contextmanager
def parallel_slot(work: int):
    """Yield True when the caller may run a parallel kernel now, else False."""
    if work < PARALLEL_WORK or not _PARALLEL_LOCK.acquire(blocking=False):
        yield False
        return
    try:
        yield True
    finally:
        _PARALLEL_LOCK.release()
