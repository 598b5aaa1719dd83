"""One decorator factory for every Numba kernel of the core."""

from __future__ import annotations

import threading
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


class parallel_slot:
    """``with parallel_slot(work) as par``: par is True when the caller may run
    a parallel kernel now (enough work, and no other thread inside one)."""

    __slots__ = ("held",)

    def __init__(self, work: int) -> None:
        self.held = work >= PARALLEL_WORK and _PARALLEL_LOCK.acquire(blocking=False)

    def __enter__(self) -> bool:
        return self.held

    def __exit__(self, *exc) -> None:
        if self.held:
            _PARALLEL_LOCK.release()
