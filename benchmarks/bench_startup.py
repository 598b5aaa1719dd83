"""Start-up time of the real window, as medians of fresh processes.

Run: .venv/bin/python benchmarks/bench_startup.py [--cold-runs 3] [--warm-runs 5]

For each run a new interpreter starts the app (offscreen, a fresh settings
folder) and reports, measured from just before the process was launched:

- window: the window is shown and the event loop is running;
- first frame: the first output is on screen (``firstFrameShown``);
- ready: the compiled core is loaded (the NumPy path served until then);
- stall: the longest gap seen by a 5 ms timer on the GUI thread between the
  first frame (once painted) and "ready", i.e. while the core compiles and
  loads (and the p99 of those gaps).

"cold" gives every run an empty ``NUMBA_CACHE_DIR``; "warm" one filled by a
previous run. The floor is ``python -c "import PySide6.QtWidgets, pyqtgraph"``.
Timings on a shared machine are noisy: compare medians, rerun when in doubt.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs in the child: the same steps as convlab.app.main, timed.
CHILD = r"""
import json, sys, time
T = {}
from convlab.startup import ensure_numba_cache
ensure_numba_cache()
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from convlab.app import create_window
win = create_window([])
app.aboutToQuit.connect(win.shutdown)
gaps, last = [], [None]
def tick():
    now = time.perf_counter()
    if last[0] is not None and "ready" not in T:
        gaps.append(now - last[0])
    last[0] = now
ticker = QTimer(interval=5, timerType=Qt.TimerType.PreciseTimer)
ticker.timeout.connect(tick)
def shown():
    T["window"] = time.time()
def first_frame():
    T.setdefault("frame", time.time())
    QTimer.singleShot(0, ticker.start)  # after the first frame's paint
def done():
    T.setdefault("ready", time.time())
    QTimer.singleShot(300, app.quit)  # let a frame from the compiled core land
win.firstFrameShown.connect(first_frame)
win.controller.coreReady.connect(done)
win.controller.warmupFailed.connect(lambda text: (T.update(error=text), done()))
win.show()
QTimer.singleShot(0, shown)
QTimer.singleShot(300_000, app.quit)
app.exec()
gaps.sort()
T["stall"] = gaps[-1] if gaps else None
T["p99"] = gaps[int(0.99 * (len(gaps) - 1))] if gaps else None
print("RESULT " + json.dumps(T))
"""


def run_app(cache: str) -> dict:
    with tempfile.TemporaryDirectory() as config:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   NUMBA_CACHE_DIR=cache, CONVLAB_CONFIG_DIR=config,
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT),
                                                            os.environ.get("PYTHONPATH")])))
        t0 = time.time()
        out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True,
                             text=True, timeout=600, cwd=tempfile.gettempdir())
    line = next((l for l in out.stdout.splitlines() if l.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"the app did not report:\n{out.stderr[-2000:]}")
    t = json.loads(line[7:])
    if t.get("error"):
        print(f"  warm-up failed: {t['error']}", file=sys.stderr)
    res = {k: t[k] - t0 for k in ("window", "frame", "ready") if k in t}
    res.update(stall=t["stall"], p99=t["p99"])
    return res


def floor() -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets, pyqtgraph"], check=True)
    return time.perf_counter() - t0


def summarize(name: str, runs: list[dict], base: float) -> None:
    def med(key):
        vals = [r[key] for r in runs if r.get(key) is not None]
        return statistics.median(vals) if vals else float("nan")

    print(f"| {name} ({len(runs)} runs) | {med('window'):.2f} s | "
          f"{med('window') - base:+.2f} s | {med('frame'):.2f} s | {med('ready'):.2f} s | "
          f"{med('stall') * 1e3:.0f} ms | {med('p99') * 1e3:.0f} ms |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--warm-runs", type=int, default=5)
    args = ap.parse_args()
    floors = []

    def timed(cache: str) -> dict:  # a floor sample beside every run: same load
        floors.append(floor())
        return run_app(cache)

    with tempfile.TemporaryDirectory() as warm_cache:
        run_app(warm_cache)  # fill it
        warm = [timed(warm_cache) for _ in range(args.warm_runs)]
    cold = []
    for _ in range(args.cold_runs):
        with tempfile.TemporaryDirectory() as empty:
            cold.append(timed(empty))
    base = statistics.median(floors)
    print(f"floor: python -c 'import PySide6.QtWidgets, pyqtgraph' median {base:.2f} s "
          f"({len(floors)} runs, one before each app run)")
    print("| NUMBA_CACHE_DIR | window | window − floor | first frame | core ready "
          "| longest stall | p99 gap |")
    print("|---|---|---|---|---|---|---|")
    summarize("warm", warm, base)
    summarize("cold (empty)", cold, base)
    print("Times from process launch; stalls between the first frame and 'core ready'. "
          "Medians of fresh processes; a shared machine makes them noisy.")


if __name__ == "__main__":
    main()
