"""Compile (or load from cache) every kernel variant before the user needs it.

Compiling holds the interpreter lock for long stretches, so the app compiles in
a child process (``python -m convlab.core.warmup``) that fills Numba's on-disk
cache, while the NumPy path serves every frame. Then this process loads the
cached kernels one variant at a time, which is quick, and switches over.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

from convlab.core import _kernels as K
from convlab.core import _numpy_path
from convlab.core._jit import forced
from convlab.core.conv import conv2d, conv2d_backward, pad2d
from convlab.core.geometry import PADDING_MODES
from convlab.core.gram import gram
from convlab.core.pool import pool2d


def variants():
    """One call per kernel variant: each dtype, serial and parallel, each mode."""
    for dt in (np.float32, np.float64):
        small, big = np.ones((1, 6, 6), dt), np.ones((1, 80, 80), dt)
        k_small, k_big = np.ones((1, 1, 3, 3), dt), np.ones((2, 1, 16, 16), dt)
        for x, k in ((small, k_small), (big, k_big)):  # the big one runs in parallel
            yield lambda x=x, k=k: conv2d(x, k, stride=1)
            yield lambda x=x, k=k: conv2d(x, k, stride=2)
            yield lambda x=x, k=k: conv2d_backward(x, k, np.ones_like(conv2d(x, k)))
        # Channel-heavy layers take the register-blocked micro-kernels (≥ 4 output
        # channels, an output a whole tile wide even at stride 2: 16-64 columns
        # by the vector width), the big one in parallel; at stride 1 the
        # square one takes Winograd, forward and gradient (≥ 2,048 tiles with
        # either vector width).
        cols = 2 * K.MK_VEC * K.lanes(dt) + 8
        for x, k in ((np.ones((3, 24, cols), dt), np.ones((4, 3, 3, 3), dt)),
                     (np.ones((16, 64, cols), dt), np.ones((32, 16, 3, 3), dt)),
                     (np.ones((16, 96, 96), dt), np.ones((16, 16, 3, 3), dt))):
            for s in (1, 2):
                yield lambda x=x, k=k, s=s: conv2d(x, k, stride=s, padding=1)
                yield lambda x=x, k=k, s=s: conv2d_backward(
                    x, k, np.ones_like(conv2d(x, k, stride=s, padding=1)), stride=s,
                    padding=1, need_input=False)
        # One output channel with a kernel of ≥ 4 rows (or 3×3) takes the row tiles;
        # the big one in parallel.
        for n in (40, 300):
            yield lambda x=np.ones((1, n, n), dt), k=np.ones((1, 1, 5, 5), dt): conv2d(x, k)
        for mode in PADDING_MODES:
            yield lambda x=small, mode=mode: pad2d(x, 1, mode)
        yield lambda x=small: pool2d(x, 2, mode="max")
    # XᵀX for the Learn panel's stability readout (float64 only), serial and parallel.
    for x in (np.ones((1, 6, 6)), np.ones((3, 120, 120))):
        for s in (1, 2):
            y = np.ones((1, *gram(x, 3, stride=s).out_hw))
            yield lambda x=x, s=s, y=y: gram(x, 3, y, stride=s, bias=True)


def warmup() -> None:
    """Run each kernel variant in this process, serial and parallel (compiling
    any not cached)."""
    with _numpy_path.compiled_kernels():
        for call in both_modes(variants()):
            call()


def both_modes(calls):
    """Each call twice: its parallel-size kernels forced parallel, then serial."""
    for call in calls:
        for parallel in (True, False):
            yield lambda call=call, parallel=parallel: _run_forced(call, parallel)


def _run_forced(call, parallel: bool) -> None:
    with forced(parallel):
        call()


def _child_env() -> dict:
    """The child must import this very convlab (and so fill the cache we read):
    from a source tree that is on sys.path only here, put it on PYTHONPATH."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    if Path(root).name not in ("site-packages", "dist-packages"):
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


class Warmup:
    """Compile in a child process, then load the cache here; Qt-free.

    ``done(error)`` is called on the warm-up thread with None on success or a
    sentence saying what failed. Until then (and for good after a failure)
    ``_numpy_path`` serves every frame.
    """

    def __init__(self, done) -> None:
        self._done = done
        self._child: subprocess.Popen | None = None
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="convlab-warmup",
                                        daemon=True)

    def start(self) -> None:
        _numpy_path.serve(True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._compile_in_child()
            gc.freeze()  # fewer long full collections while numba's modules load
            with _numpy_path.compiled_kernels():
                for call in both_modes(variants()):  # now cache loads, a few ms each
                    if self._stopped.is_set():
                        return
                    call()
                    time.sleep(0.002)  # the GUI thread may take the lock between
        except Exception as exc:  # noqa: BLE001 - any failure: keep the fallback
            if not self._stopped.is_set():
                self._done(f"The compiled core could not be prepared ({exc}); "
                           "frames keep being computed by the slower NumPy path.")
            return
        _numpy_path.serve(False)
        self._done(None)

    def _compile_in_child(self) -> None:
        self._child = subprocess.Popen(
            [sys.executable, "-m", "convlab.core.warmup"], env=_child_env(),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True)
        if self._stopped.is_set():
            self._child.kill()
        _, err = self._child.communicate()
        if self._child.returncode != 0 and not self._stopped.is_set():
            last = (err.strip().splitlines() or ["no message"])[-1]
            raise RuntimeError(f"the compiler process failed: {last}")

    def stop(self, timeout: float = 2.0) -> None:
        """End the child and the thread (the window is closing); the core
        functions call the compiled kernels again, as for any library user."""
        self._stopped.set()
        _numpy_path.serve(False)
        child = self._child
        if child is not None and child.poll() is None:
            child.kill()
        if self._thread.is_alive():
            self._thread.join(timeout)


if __name__ == "__main__":
    if hasattr(os, "nice"):
        os.nice(10)  # on two cores the window's process must win the CPU
    warmup()
