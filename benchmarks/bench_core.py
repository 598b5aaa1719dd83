"""Median times of the ConvLab core beside torch, OpenCV and scipy, in one process.

Run: .venv/bin/python benchmarks/bench_core.py [--busy]
A ratio above 1× means ConvLab is faster. torch and OpenCV are optional: their
columns show "—" when they are not installed.

``--single`` runs everything on one thread (ConvLab's numba, torch and cv2):
the fair per-core comparison on a shared machine. ``--only c4,c7`` times just
the cases whose names start with those prefixes (weight gradients: c4w, c7w).

``--busy`` times every case twice, idle and then beside two other programs
(one spinning on a core, one bursty: 4 ms of numpy on one thread, then 8 ms of
sleep, like a GUI app: 1.34 cores asked; it prints what they got). It prints
the median of single calls (the latency an edit waits for) idle and busy, the
CPU time and minor page faults of an idle call, the busy p90, the cores'
worth of CPU ConvLab's calls got while busy (for calls of several ms, idle
CPU per call / cores got is about the least a busy call can take), and, for
comparison, the busy/idle ratio of medians over 20 ms loops, which measure
throughput: on two shared cores that is mostly the CPU share the scheduler
grants the benchmark.
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np
import scipy.ndimage
import scipy.signal

sys.path.insert(0, os.path.dirname(__file__))
from _timing import fastest_of, fmt, median_seconds, per_call, print_table  # noqa: E402

from convlab.core import conv2d, conv2d_backward  # noqa: E402

SINGLE = "--single" in sys.argv[1:]
try:
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(1 if SINGLE else 2)
except ImportError:
    torch = None
try:
    import cv2

    if SINGLE:
        cv2.setNumThreads(1)
except ImportError:
    cv2 = None
if SINGLE:
    import numba

    numba.set_num_threads(1)


def wanted(name: str) -> bool:
    """Whether ``--only`` (comma-separated name prefixes) selects this case."""
    if "--only" not in sys.argv[1:]:
        return True
    prefixes = sys.argv[sys.argv.index("--only") + 1].split(",")
    return name.split()[0] in prefixes

CASES = {  # name: (C_in, C_out, H, W, k, stride, padding)
    "c1 512² 1→1 3×3": (1, 1, 512, 512, 3, 1, 0),
    "c2 512² 1→1 11×11": (1, 1, 512, 512, 11, 1, 0),
    "c3 1024² 3→3 5×5": (3, 3, 1024, 1024, 5, 1, 0),
    "c4 256² 3→16 3×3 s2 p1": (3, 16, 256, 256, 3, 2, 1),
    "c5 chapter 6×8, 1×2": (1, 1, 6, 8, (1, 2), 1, 0),
    "c7 128² 16→32 3×3 p1": (16, 32, 128, 128, 3, 1, 1),
}
GRAD_CASES = {  # the weight gradient, as learning a multi-channel kernel uses it
    "c4w grad weight of c4": CASES["c4 256² 3→16 3×3 s2 p1"],
    "c7w grad weight of c7": CASES["c7 128² 16→32 3×3 p1"],
}


def paired_medians(fns, *, repeat: int = 21, min_time: float = 0.02) -> list[float]:
    """Median seconds per call of each function, their samples interleaved
    (a, b, a, b, ...) so a change in the machine's load hits all alike."""
    loops = []
    for fn in fns:
        fn()  # warm-up (and JIT)
        loops.append(max(1, int(min_time / fastest_of(fn))))
    samples = [[] for _ in fns]
    for _ in range(repeat):
        for fn, n, out in zip(fns, loops, samples):
            t0 = time.perf_counter()
            for _ in range(n):
                fn()
            out.append((time.perf_counter() - t0) / n)
    return [sorted(t)[len(t) // 2] for t in samples]


def timed(fns: dict) -> dict:
    """Median seconds per call of each library's function (None: not there);
    ConvLab's and torch's samples interleaved so load hits both alike."""
    ours, theirs = fns["convlab"], fns.get("torch")
    times = {"convlab": None, "torch": None, "cv2": None, "scipy": None}
    if theirs is None:
        times["convlab"] = median_seconds(ours)
    else:
        times["convlab"], times["torch"] = paired_medians([ours, theirs])
    if fns.get("cv2") is not None:
        times["cv2"] = median_seconds(fns["cv2"])
    if fns.get("scipy") is not None and "--no-scipy" not in sys.argv:
        times["scipy"] = median_seconds(fns["scipy"], repeat=5)
    return times


def make(cin, cout, h, w, k, seed=0):
    kh, kw = (k, k) if isinstance(k, int) else k
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((cin, h, w)).astype(np.float32)
    return x, rng.standard_normal((cout, cin, kh, kw)).astype(np.float32)


def scipy_conv(x, w, s, p):
    xp = np.pad(x, ((0, 0), (p, p), (p, p)))
    return np.stack([sum(scipy.signal.correlate(xp[ci], w[co, ci], mode="valid", method="direct")
                         for ci in range(x.shape[0]))[::s, ::s] for co in range(w.shape[0])])


def cv2_conv(x, w):
    return [[cv2.filter2D(x[ci], -1, w[co, ci], borderType=cv2.BORDER_CONSTANT)
             for ci in range(x.shape[0])] for co in range(w.shape[0])]


def case_fns(cin, cout, h, w, k, s, p) -> dict:
    """One forward case as each library computes it."""
    x, wt = make(cin, cout, h, w, k)
    fns = {"convlab": lambda: conv2d(x, wt, stride=s, padding=p),
           "scipy": lambda: scipy_conv(x, wt, s, p)}
    if torch is not None:
        tx, tw = torch.from_numpy(x[None]), torch.from_numpy(wt)

        def theirs():
            with torch.no_grad():
                return F.conv2d(tx, tw, stride=s, padding=p)

        fns["torch"] = theirs
    if cv2 is not None and s == 1:
        fns["cv2"] = lambda: cv2_conv(x, wt)
    return fns


def grad_weight_fns(cin, cout, h, w, k, s, p) -> dict:
    x, wt = make(cin, cout, h, w, k)
    go = np.random.default_rng(2).standard_normal(conv2d(x, wt, stride=s, padding=p).shape)
    go = go.astype(np.float32)
    fns = {"convlab": lambda: conv2d_backward(x, wt, go, stride=s, padding=p, need_input=False)}
    if torch is not None:
        tx, tw, tg = torch.from_numpy(x[None]), torch.from_numpy(wt), torch.from_numpy(go[None])
        fns["torch"] = lambda: torch.ops.aten.convolution_backward(
            tg, tx, tw, None, [s, s], [p, p], [1, 1], False, [0, 0], 1, [False, True, False])
    return fns


def learning_step_fns() -> dict:
    x, wt = make(1, 1, 256, 256, 5)
    target = conv2d(x, make(1, 1, 256, 256, 5, seed=1)[1])

    def ours():
        pred = conv2d(x, wt)
        diff = pred - target
        g = conv2d_backward(x, wt, 2 * diff / diff.size, need_input=False)
        return wt - 0.1 * g.weight, float(np.mean(diff * diff))

    fns = {"convlab": ours}
    if torch is not None:
        tx, tt = torch.from_numpy(x[None]), torch.from_numpy(target[None])
        tw = torch.from_numpy(wt.copy()).requires_grad_()

        def theirs():
            loss = ((F.conv2d(tx, tw) - tt) ** 2).mean()
            loss.backward()
            with torch.no_grad():
                tw.sub_(0.1 * tw.grad)
                tw.grad = None

        fns["torch"] = theirs
    return fns


def compile_times():
    """Cold compile and cached start, each in a fresh interpreter."""
    code = ("import time; t=time.perf_counter(); import numpy as np; "
            "from convlab.core import conv2d; conv2d(np.ones((1,8,8),np.float32), "
            "np.ones((1,1,3,3),np.float32)); print(time.perf_counter()-t)")
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, NUMBA_CACHE_DIR=cache)
        run = lambda: float(subprocess.check_output([sys.executable, "-c", code], env=env))  # noqa: E731
        return run(), run()


def all_cases() -> list[tuple[str, dict]]:
    """(name, {library: function}) for every case ``--only`` selects."""
    cases = [(name, case_fns(*args)) for name, args in CASES.items() if wanted(name)]
    cases += [(name, grad_weight_fns(*args)) for name, args in GRAD_CASES.items()
              if wanted(name)]
    if wanted("c6"):
        cases.append(("c6 learning step 256² 5×5 (vs autograd)", learning_step_fns()))
    return cases


def all_rows(cases):
    return [(name, timed(fns)) for name, fns in cases]


SPIN = "while True: pass"
BURSTY = ("import time, numpy as np\n"
          "a = np.random.rand(160, 160)\n"
          "while True:\n"
          "    t = time.perf_counter()\n"
          "    while time.perf_counter() - t < 0.004: a = np.tanh(a @ a.T / 160)\n"
          "    time.sleep(0.008)\n")
# One BLAS thread: with its default pool, numpy's OpenBLAS worker spins through
# the 8 ms sleep, and the "bursty" program took 1.34 cores, not a third of one.
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def latencies(cases) -> list[dict]:
    """Per case: each library's single-call ``Latency``, and ConvLab's median
    over 20 ms windows (throughput) as "window"."""
    rows = []
    for _, fns in cases:
        row = {lib: per_call(fn) for lib, fn in fns.items() if lib != "scipy"}
        row["window"] = median_seconds(fns["convlab"])
        rows.append(row)
    return rows


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def busy_rows(cases):
    """Latencies idle, then beside a spinning and a bursty process; also the
    cores' worth of CPU the two loads took meanwhile."""
    idle = latencies(cases)
    env = dict(os.environ, **ONE_THREAD)
    cpu0, wall0 = children_cpu(), time.perf_counter()
    loads = [subprocess.Popen([sys.executable, "-c", code], env=env) for code in (SPIN, BURSTY)]
    try:
        time.sleep(1.0)  # let both settle into their pattern
        busy = latencies(cases)
    finally:
        for proc in loads:
            proc.kill()
            proc.wait()
    load_cores = (children_cpu() - cpu0) / (time.perf_counter() - wall0)
    return [(name, a, b) for (name, _), a, b in zip(cases, idle, busy)], load_cores


def print_busy_table(rows):
    """Busy/idle of single calls. "idle CPU": CPU seconds per idle call, all
    threads (numba's workers spinning between calls count too); "faults": minor
    page faults per idle call (fresh memory touched; first suspected, then
    ruled out, for the slow phases in benchmarks/HISTORY.md); "cores": how
    much CPU ConvLab's calls got while busy (2.00 = both cores all the time)."""
    print("| case | convlab idle | idle CPU | faults | convlab busy | busy/idle | busy p90 "
          "| cores | window busy/idle | torch busy/idle | cv2 busy/idle |")
    print("|" + "---|" * 11)
    for name, idle, busy in rows:
        ratio = {lib: f"{busy[lib][0] / idle[lib][0]:.2f}×" if lib in idle else "—"
                 for lib in ("convlab", "torch", "cv2")}
        ours = busy["convlab"]
        print(f"| {name} | {fmt(idle['convlab'].median)} | {fmt(idle['convlab'].cpu)} "
              f"| {idle['convlab'].faults:.0f} | {fmt(ours.median)} | {ratio['convlab']} "
              f"| {fmt(ours.p90)} | {ours.cores:.2f} "
              f"| {busy['window'] / idle['window']:.2f}× | {ratio['torch']} | {ratio['cv2']} |")


def main():
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, numpy {np.__version__}, "
          f"torch {torch.__version__ if torch else 'not installed'}, "
          f"cv2 {cv2.__version__ if cv2 else 'not installed'}; float32, medians"
          f"{', one thread each' if SINGLE else ''}\n")
    cases = all_cases()
    rows = all_rows(cases)
    print_table(rows, "convlab")
    if "--busy" in sys.argv[1:]:
        print("\nsingle calls idle and beside a spinning and a bursty process "
              "(medians; window: 20 ms loops):\n")
        rows_busy, load_cores = busy_rows(cases)
        print_busy_table(rows_busy)
        print(f"\nthe two loads took {load_cores:.2f} cores meanwhile")
    c2 = dict(rows).get("c2 512² 1→1 11×11")
    if c2 is not None:
        print(f"\nc2 throughput: {2 * 502 * 502 * 121 / c2['convlab'] / 1e9:.1f} GFLOP/s")
    if "--only" in sys.argv[1:]:
        return
    cold, warm = compile_times()
    print(f"first call in a fresh process: cold cache {cold:.2f} s, cached {warm:.2f} s")


if __name__ == "__main__":
    main()
