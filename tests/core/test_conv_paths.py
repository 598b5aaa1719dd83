"""The channel-heavy GEMM path, the cost model that picks it, the per-geometry
plan cache and the measured choice between serial and parallel kernels."""


import numba
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import naive
from convlab.core import _jit
from convlab.core import _kernels as K
from convlab.core import conv as C
from convlab.core import conv2d, conv2d_backward
from naive import MODES, tol


@st.composite
def problems(draw):
    cin, cout = draw(st.integers(1, 5)), draw(st.integers(1, 12))
    kh, kw = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    sh, sw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    dh, dw = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    mode = draw(st.sampled_from(MODES))
    sides = tuple(draw(st.integers(0, 2)) for _ in range(4))
    min_h = max(dh * (kh - 1) + 1 - sides[0] - sides[1], 1, max(sides[:2]) + 1)
    min_w = max(dw * (kw - 1) + 1 - sides[2] - sides[3], 1, max(sides[2:]) + 1)
    h, w = draw(st.integers(min_h, min_h + 30)), draw(st.integers(min_w, min_w + 40))
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal((cin, h, w)).astype(dtype)
    wt = rng.standard_normal((cout, cin, kh, kw)).astype(dtype)
    bias = rng.standard_normal(cout).astype(dtype) if draw(st.booleans()) else None
    geo = dict(stride=(sh, sw), padding=sides, dilation=(dh, dw), padding_mode=mode)
    return x, wt, bias, geo


def run_path(x, w, bias, geo, path):
    """conv2d with the path forced; the public call shares everything else."""
    xp, wc, plan = C._prepare(x, w, geo["stride"], geo["padding"], geo["dilation"],
                              geo["padding_mode"], False)
    out = np.empty((wc.shape[0], *plan.out_hw), dtype=wc.dtype)
    b = C._bias(bias, wc.shape[0], wc.dtype)
    C._corr(plan, xp.reshape(-1), wc.reshape(wc.shape[0], -1), b, out, path=path)
    return out


def grad_weight_path(x, w, go, geo, path):
    xp, wc, plan = C._prepare(x, w, geo["stride"], geo["padding"], geo["dilation"],
                              geo["padding_mode"], False)
    go = np.ascontiguousarray(go, dtype=wc.dtype)
    return C._grad_weight(plan, xp.reshape(-1), go, path=path).reshape(w.shape)


@settings(max_examples=120, deadline=None)
@given(problems())
def test_gemm_path_matches_naive_loops(p):
    x, w, bias, geo = p
    got = run_path(x, w, bias, geo, "gemm")
    want = naive.conv2d(x, w, bias, geo["stride"], geo["padding"], geo["dilation"],
                        geo["padding_mode"])
    assert got.dtype == x.dtype
    rtol, atol = tol(x.dtype)
    np.testing.assert_allclose(got, want, rtol=rtol, atol=atol)


@settings(max_examples=60, deadline=None)
@given(problems())
def test_gemm_path_matches_scipy(p):
    x, w, bias, geo = p
    x, w = x.astype(np.float64), w.astype(np.float64)
    got = run_path(x, w, bias, geo, "gemm")
    np.testing.assert_allclose(got, naive.scipy_conv(x, w, bias, geo), rtol=1e-9, atol=1e-9)


@settings(max_examples=80, deadline=None)
@given(problems())
def test_gemm_weight_gradient_matches_direct_and_naive(p):
    """Both paths against the naive gradient: sum over pixels of go · input."""
    x, w, _, geo = p
    out = naive.conv2d(x, w, None, geo["stride"], geo["padding"], geo["dilation"],
                       geo["padding_mode"])
    go = np.random.default_rng(3).standard_normal(out.shape).astype(x.dtype)
    want = np.zeros(w.shape)
    for idx in np.ndindex(w.shape[1:]):  # d out / d w[co, idx] is conv with a one-hot kernel
        one = np.zeros((1, *w.shape[1:]))
        one[(0, *idx)] = 1.0
        resp = naive.conv2d(x, one, None, geo["stride"], geo["padding"], geo["dilation"],
                            geo["padding_mode"])[0]
        want[(slice(None), *idx)] = np.tensordot(go, resp, axes=([1, 2], [0, 1]))
    rtol, atol = tol(x.dtype)
    for path in ("gemm", "direct"):
        got = grad_weight_path(x, w, go, geo, path)
        np.testing.assert_allclose(got, want, rtol=rtol * 5, atol=atol * 20)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("nth", [1, 2, 3])
def test_parallel_gemm_kernels_match_serial(dtype, nth):
    """Chunks split over threads (some threads with no chunk) sum the same."""
    rng = np.random.default_rng(nth)
    x = rng.standard_normal((3, 23, 37)).astype(dtype)
    w = rng.standard_normal((9, 3, 3, 3)).astype(dtype)
    xp, wc, plan = C._prepare(x, w, 2, 1, 1, "zeros", False)
    w4 = np.zeros((9, plan.starts4.size), dtype)
    w4[:, :27] = wc.reshape(9, -1)
    b = rng.standard_normal(9).astype(dtype)
    args = (xp.reshape(-1), plan.starts4, plan.row_step, 2, plan.out_hw[1], w4, b)
    ser, par = (np.empty((9, plan.out_hw[0] * plan.out_hw[1]), dtype) for _ in range(2))
    K.gemm_serial(*args, ser, 40)
    K.gemm_parallel(*args, par, 40, nth)
    np.testing.assert_allclose(par, ser, rtol=1e-6)
    go = rng.standard_normal(ser.shape).astype(dtype)
    gs, gp = np.zeros((9, 28), dtype), np.zeros((nth, 9, 28), dtype)
    gargs = (xp.reshape(-1), plan.starts4, plan.row_step, 2, plan.out_hw[1], go, 40)
    K.gemm_grad_weight_serial(*gargs, gs)
    K.gemm_grad_weight_parallel(*gargs, gp)
    np.testing.assert_allclose(gp.sum(axis=0), gs, rtol=1e-4, atol=1e-4)


def test_chunks_cut_across_output_rows():
    """A chunk that starts mid-row and spans rows reads the right pixels."""
    x = np.arange(2 * 9 * 11, dtype=np.float64).reshape(2, 9, 11)
    w = np.random.default_rng(0).standard_normal((5, 2, 2, 3))
    want = naive.conv2d(x, w, None, (1, 2), (1, 0, 2, 1), (2, 1))
    xp, wc, plan = C._prepare(x, w, (1, 2), (1, 0, 2, 1), (2, 1), "zeros", False)
    w4 = np.zeros((5, plan.starts4.size))
    w4[:, :12] = wc.reshape(5, -1)
    out = np.empty((5, want.shape[1] * want.shape[2]))
    for chunk in (1, 3, 7, 64):
        K.gemm_serial(xp.reshape(-1), plan.starts4, plan.row_step, 2, plan.out_hw[1],
                      w4, np.zeros(5), out, chunk)
        np.testing.assert_allclose(out.reshape(want.shape), want, rtol=1e-12)


# --- the cost model -----------------------------------------------------------

def model(cout, ntaps, npix, strided):
    """The documented forward estimate, restated: direct vs padded-tap GEMM (ns)."""
    direct = cout * ntaps * npix * (0.012 if cout < 4 else 0.013) * (1.6 if strided else 1)
    taps4 = -(-ntaps // 4) * 4
    gemm = taps4 * npix * (cout * 0.012 + (0.2 if strided else 0.05)) + 3000
    return gemm < direct


def grad_model(cout, ntaps, npix, strided):
    direct = cout * ntaps * npix * (0.06 if strided else 0.02)
    taps4 = -(-ntaps // 4) * 4
    gemm = taps4 * npix * (cout * 0.011 + (0.2 if strided else 0.05)) + 3000
    return gemm < direct


def boundary(wins, cout, ntaps, strided):
    """The smallest pixel count for which ``wins`` picks GEMM."""
    lo, hi = 1, 1 << 30
    assert wins(cout, ntaps, hi, strided)
    while lo < hi:
        mid = (lo + hi) // 2
        if wins(cout, ntaps, mid, strided):
            hi = mid
        else:
            lo = mid + 1
    return lo


def test_cost_models_are_the_documented_ones():
    for cout in (1, 3, 4, 8, 32, 64, 128):
        for ntaps in (1, 4, 9, 27, 144):
            for npix in (1, 100, 10_000, 10**6):
                for strided in (False, True):
                    args = (cout, ntaps, npix, strided)
                    assert C.gemm_wins(*args) == model(*args)
                    assert C.gemm_grad_wins(*args) == grad_model(*args)


def test_few_output_channels_never_take_the_gemm_path():
    """With one to three channels the direct kernels read the input in place."""
    for cout in (1, 2, 3):
        for ntaps in (1, 9, 25, 121, 363):
            for strided in (False, True):
                assert not C.gemm_wins(cout, ntaps, 10**8, strided)
    for ntaps in (1, 9, 25, 121):  # learning one kernel: the direct gradient
        assert not C.gemm_grad_wins(1, ntaps, 10**8, strided=False)


def one_row_problem(rng, cout, cin, k, stride, npix):
    x = rng.standard_normal((cin, k, (npix - 1) * stride + k))  # one output row
    return x, rng.standard_normal((cout, cin, k, k))


def cols_reference(x, k, stride):
    """im2col by numpy's sliding windows: (taps, pixels) for a one-row output."""
    v = np.lib.stride_tricks.sliding_window_view(x, (k, k), axis=(1, 2))[:, :, ::stride]
    return v[:, 0].transpose(0, 2, 3, 1).reshape(-1, v.shape[2])


@pytest.mark.parametrize("cout,cin,k,stride", [(64, 4, 1, 1), (64, 2, 2, 2), (128, 4, 1, 1)])
def test_forward_switches_path_exactly_at_the_boundary(monkeypatch, cout, cin, k, stride):
    """One pixel below the boundary runs direct, at it GEMM; both give W · cols
    (with the micro-kernel ruled out: its own boundary is in test_conv_micro)."""
    without_micro(monkeypatch)
    n = boundary(C.gemm_wins, cout, cin * k * k, stride > 1)
    used = []
    monkeypatch.setattr(C, "_corr_gemm", lambda *a: (used.append("gemm"), real_gemm(*a)))
    rng = np.random.default_rng(n)
    for npix in (n - 1, n):
        x, w = one_row_problem(rng, cout, cin, k, stride, npix)
        used.clear()
        got = conv2d(x, w, stride=stride)
        assert got.shape == (cout, 1, npix)
        assert (used == ["gemm"]) == (npix == n)
        want = w.reshape(cout, -1) @ cols_reference(x, k, stride)
        np.testing.assert_allclose(got[:, 0], want, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("cout,cin,k,stride", [(8, 3, 3, 1), (8, 3, 3, 2), (32, 16, 3, 1)])
def test_weight_gradient_switches_path_exactly_at_the_boundary(monkeypatch, cout, cin, k,
                                                                stride):
    without_micro(monkeypatch)
    n = boundary(C.gemm_grad_wins, cout, cin * k * k, stride > 1)
    used = []
    monkeypatch.setattr(C, "_grad_weight_gemm",
                        lambda *a: (used.append("gemm"), real_grad_gemm(*a))[1])
    rng = np.random.default_rng(n)
    for npix in (n - 1, n):
        x, w = one_row_problem(rng, cout, cin, k, stride, npix)
        go = rng.standard_normal((cout, 1, npix))
        used.clear()
        got = conv2d_backward(x, w, go, stride=stride, need_input=False).weight
        assert (used == ["gemm"]) == (npix == n)
        want = (go[:, 0] @ cols_reference(x, k, stride).T).reshape(w.shape)
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-9)


def without_micro(monkeypatch):
    """Plans made inside the test never choose a micro-kernel (nor Winograd)."""
    for rule in ("micro_wins", "micro_grad_wins", "winograd_wins", "winograd_grad_wins"):
        monkeypatch.setattr(C, rule, lambda *a: False)
    C._plan.cache_clear()


@pytest.fixture(autouse=True)
def _plans_made_here_do_not_outlive_the_test():
    yield
    C._plan.cache_clear()


real_gemm = C._corr_gemm
real_grad_gemm = C._grad_weight_gemm


def test_benchmark_shapes_take_the_expected_paths():
    f32 = np.dtype(np.float32)
    c7 = C.plan_for((16, 128, 128), (32, 16, 3, 3), 1, 1, 1, "zeros", f32)
    c4 = C.plan_for((3, 256, 256), (16, 3, 3, 3), 2, 1, 1, "zeros", f32)
    assert c7.micro and c4.micro and c7.micro_grad and c4.micro_grad
    c3 = C.plan_for((3, 1024, 1024), (3, 3, 5, 5), 1, 0, 1, "zeros", f32)
    assert c3.micro and not c3.micro_grad  # three channels fill a forward tile
    for x_shape, w_shape in (((1, 512, 512), (1, 1, 3, 3)), ((1, 512, 512), (1, 1, 11, 11)),
                             ((1, 6, 8), (1, 1, 1, 2)), ((1, 256, 256), (1, 1, 5, 5))):
        plan = C.plan_for(x_shape, w_shape, 1, 0, 1, "zeros", f32)
        assert not plan.gemm and not plan.gemm_grad
        assert not plan.micro and not plan.micro_grad


# --- the plan cache (per-call overhead) ----------------------------------------

def test_plan_cache_accepts_lists_and_arrays_and_repeats_its_answer():
    x, w = np.ones((2, 7, 9)), np.ones((3, 2, 3, 3))
    a = conv2d(x, w, padding=[1, 2], stride=np.array([1, 2]), dilation=(1, 1))
    b = conv2d(x, w, padding=(1, 2), stride=(1, 2))
    np.testing.assert_array_equal(a, b)
    assert a.shape == (3, 7, 6)  # rows (7 + 2 - 3) + 1, columns (9 + 4 - 3) // 2 + 1


def test_errors_are_not_cached_away():
    x, w = np.ones((2, 4, 4)), np.ones((1, 3, 3, 3))
    for _ in range(2):
        with pytest.raises(ValueError, match="expects 3 input channel"):
            conv2d(x, w)
    with pytest.raises(ValueError, match="padding mode"):
        conv2d(x, np.ones((1, 2, 3, 3)), padding_mode="mirror")
    with pytest.raises(ValueError, match="reflect padding of 4"):
        conv2d(x, np.ones((1, 2, 3, 3)), padding=4, padding_mode="reflect")


def test_cached_zero_bias_is_never_written():
    x, w = np.ones((1, 5, 5)), np.ones((6, 1, 2, 2))
    conv2d(x, w)
    out = conv2d(x, w)
    assert not C._zeros(6, np.dtype(np.float64)).any()
    np.testing.assert_array_equal(out, 4.0)


# --- serial or parallel, by measured pace ---------------------------------------

@pytest.fixture
def bare_times(monkeypatch):
    """Parallel's times as recorded, without PARALLEL_COST: the exploring
    rules below are stated in the ratio of the two modes' recorded means."""
    monkeypatch.setattr(_jit, "PARALLEL_COST", 1.0)


def _timed(pace: _jit.Pace, parallel: bool, ns: float, runs: int = 1) -> None:
    """Record runs of one mode as if after its first (untimed) run."""
    pace.started[parallel] = True
    for _ in range(runs):
        pace.record(parallel, ns)


def test_pace_prefers_the_faster_mode_and_keeps_exploring(bare_times):
    pace = _jit.Pace()
    picks = [pace.prefer_parallel() for _ in range(_jit.EXPLORE * 2)]
    assert picks.count(False) == 2  # no timings yet: parallel, but try serial
    _timed(pace, True, 2.0, _jit.EXPLORE)  # parallel twice as slow (a busy core)
    _timed(pace, False, 1.0, _jit.EXPLORE)
    pace.since = 0
    picks = [pace.prefer_parallel() for _ in range(_jit.EXPLORE * 2 * 4)]
    assert picks.count(True) == 4  # serial now, parallel tried once in 2·EXPLORE
    _timed(pace, True, 0.5, _jit._SAMPLES)  # the other core is free again
    pace.since = 0
    picks = [pace.prefer_parallel() for _ in range(_jit.EXPLORE_SERIAL * 2 * 3)]
    assert picks.count(False) == 3  # parallel now, serial tried once in 2·EXPLORE_SERIAL


def test_serial_is_tried_less_often_than_parallel(bare_times):
    """With the two modes 2× apart either way round, the slower one is tried
    every 2·EXPLORE calls when it is parallel and every 2·EXPLORE_SERIAL when
    it is serial: a serial try while parallel runs well only costs time."""
    assert _jit.EXPLORE_SERIAL > _jit.EXPLORE
    n = 2 * _jit.EXPLORE_SERIAL * 4
    for par_ns, ser_ns, slower, every in ((1.0, 2.0, False, _jit.EXPLORE_SERIAL),
                                          (2.0, 1.0, True, _jit.EXPLORE)):
        pace = _jit.Pace()
        _timed(pace, True, par_ns, _jit._SAMPLES)
        _timed(pace, False, ser_ns, _jit._SAMPLES)
        pace.since = 0
        picks = [pace.prefer_parallel() for _ in range(n)]
        assert picks.count(slower) == n // (2 * every)


def test_an_untimed_mode_is_tried_next():
    """Serial timed, parallel not (its first calls found another thread in a
    parallel kernel): parallel is tried at the next call, and the other way
    round. (Parallel was never tried: its missing mean made it the 'best'
    mode, and exploring then always picked serial.)"""
    pace = _jit.Pace()
    _timed(pace, False, 1.0, _jit._SAMPLES)
    assert pace.prefer_parallel()
    pace = _jit.Pace()
    _timed(pace, True, 1.0, _jit._SAMPLES)
    assert not pace.prefer_parallel()


def test_a_stalled_mode_is_retried_rarely():
    """8 ms parallel stalls beside 0.1 ms serial runs: exploring costs ≈ 1/EXPLORE."""
    pace = _jit.Pace()
    _timed(pace, True, 80.0, _jit.EXPLORE)
    _timed(pace, False, 1.0, _jit.EXPLORE)
    pace.since = 0
    picks = [pace.prefer_parallel() for _ in range(_jit.EXPLORE * 80 * 2)]
    assert picks.count(True) == 2


def test_occasional_stalls_count_against_a_mode():
    """Parallel at 0.5 but stalling at 50 one run in five costs 10.4 on
    average: serial at 1.0 is faster, though the median run says otherwise."""
    pace = _jit.Pace()
    _timed(pace, False, 1.0, 3)
    for t in (0.5, 0.5, 0.5, 50.0, 0.5):
        _timed(pace, True, t)
    pace.since = 0
    assert not pace.prefer_parallel()


def _calls(pace: _jit.Pace, n: int, parallel_ns: float, serial_ns: float) -> list[bool]:
    """n calls through ``pace``, each mode taking its given time: the picks."""
    picks = []
    for _ in range(n):
        par = pace.prefer_parallel()
        picks.append(par)
        pace.record(par, parallel_ns if par else serial_ns)
    return picks


def test_one_slow_run_does_not_keep_a_mode_out():
    """Parallel at 0.5 with one run at 5 (mean 1.4) loses to serial at 1.0;
    once an explored parallel run wins again, the next call explores again, so
    the stale slow run is flushed in _SAMPLES calls, not _SAMPLES·EXPLORE."""
    pace = _jit.Pace()
    _timed(pace, False, 1.0, _jit._SAMPLES)
    for t in (0.5, 0.5, 5.0, 0.5, 0.5):
        _timed(pace, True, t)
    pace.since = 0
    picks = _calls(pace, 3 * _jit.EXPLORE, 0.5, 1.0)
    first = picks.index(True)
    assert first > 0  # serial first: the slow run counts
    assert all(picks[first:first + _jit._SAMPLES])  # then parallel at every call
    assert all(picks[first + _jit._SAMPLES:])  # and it stays


def test_a_losing_exploration_is_not_repeated(bare_times):
    """An explored run that loses to the other mode's mean (a stall) waits for
    the next regular exploration."""
    pace = _jit.Pace()
    _timed(pace, False, 1.0, _jit._SAMPLES)
    _timed(pace, True, 2.0, _jit._SAMPLES)
    pace.since = 0
    picks = _calls(pace, 4 * _jit.EXPLORE, 2.0, 1.0)
    assert picks.count(True) == 2  # every 2·EXPLORE calls, never twice in a row


def test_parallel_must_win_by_a_margin():
    """Parallel holds both cores, and beside another program its times are
    bimodal: 10% faster than serial is not enough to choose it, 30% is."""
    assert _jit.PARALLEL_COST == 1.25
    for par_ns, chosen in ((0.9, False), (0.7, True)):
        pace = _jit.Pace()
        _timed(pace, False, 1.0, _jit._SAMPLES)
        _timed(pace, True, par_ns, _jit._SAMPLES)
        pace.since = 0
        assert pace.prefer_parallel() is chosen


def test_a_serial_run_just_after_a_parallel_one_is_an_upper_bound():
    """It shares the cores with OpenMP's still-spinning workers (serial c3
    beside two programs: 4.9 ms in a row, ~9 ms after a parallel try): counted
    only when it lowers serial's mean, or serial has no time yet; the first
    unspun time then replaces the spun ones."""
    pace = _jit.Pace()
    _timed(pace, False, 1.0)
    pace.record(False, 9.0, spun=True)
    assert pace.times[False] == [1.0]
    pace.record(False, 0.5, spun=True)
    assert pace.times[False] == [1.0, 0.5]
    pace = _jit.Pace()
    pace.started[False] = True
    pace.record(False, 9.0, spun=True)
    pace.record(False, 8.0, spun=True)
    assert pace.times[False] == [9.0, 8.0]
    pace.record(False, 5.0)
    pace.record(False, 5.5, spun=True)
    assert pace.times[False] == [5.0] and pace.means[False] == 5.0
    pace = _jit.Pace()  # below the mean, but it would push out a lower time
    _timed(pace, False, 5.0, _jit._SAMPLES - 1)
    pace.times[False].insert(0, 1.0)
    pace.means[False] = sum(pace.times[False]) / _jit._SAMPLES
    pace.record(False, 4.0, spun=True)
    assert pace.times[False] == [1.0] + [5.0] * (_jit._SAMPLES - 1)


def _slots(monkeypatch, modes, clock):
    """Run parallel_slot once per mode in ``modes`` with the given clock
    readings; the (parallel, spun) each recorded."""
    clock = iter(clock)
    monkeypatch.setattr(_jit, "_clock", lambda: next(clock))
    monkeypatch.setattr(_jit, "_parallel_end", -(1 << 62))
    monkeypatch.setattr(_jit, "_PACES", {})
    recorded = []
    monkeypatch.setattr(_jit.Pace, "record",
                        lambda self, par, ns, spun=False: recorded.append((par, spun)))
    for parallel in modes:
        monkeypatch.setattr(_jit.Pace, "prefer_parallel", lambda self, p=parallel: p)
        with _jit.parallel_slot(_jit.PARALLEL_WORK, "probe"):
            pass
    return recorded


def test_parallel_slot_knows_a_run_right_after_a_parallel_one(monkeypatch):
    spun = _jit.SPUN_NS
    clock = [0, 1_000, 1_000 + spun - 1, 2_000 + spun - 1, 10 * spun, 10 * spun + 1_000]
    assert _slots(monkeypatch, (True, False, False), clock) == [
        (True, False), (False, True), (False, False)]


def test_a_run_beside_another_threads_parallel_run_is_spun(monkeypatch):
    """Wanting parallel while another thread held it ran serial beside that
    thread's workers: not a clean serial time; nor is one that ends while
    another thread's parallel run goes on."""
    far = 10 * _jit.SPUN_NS
    with _jit._PARALLEL_LOCK:  # another thread's parallel run
        assert _slots(monkeypatch, (True, False), [far, far + 1, far + 2, far + 3]) == [
            (False, True), (False, True)]


def test_a_first_run_is_not_counted():
    """The first run of a mode pays for loading the kernel and starting
    numba's threads (c1: 20× its later time); it must not decide."""
    pace = _jit.Pace()
    pace.record(True, 20.0)  # the first parallel run: not recorded
    assert pace.times[True] == []
    _timed(pace, False, 1.0, 3)
    pace.record(True, 0.5)
    pace.since = 0
    assert pace.prefer_parallel()


def test_parallel_slot_records_the_mode_it_ran(monkeypatch):
    monkeypatch.setattr(_jit, "_PACES", {})
    pace = _jit.pace_for("probe", _jit.PARALLEL_WORK)
    pace.started = [True, True]  # past the first, uncounted runs
    with _jit.parallel_slot(_jit.PARALLEL_WORK, "probe") as par:
        pass
    assert len(pace.times[par]) == 1 and not pace.times[not par]
    with _jit.parallel_slot(10, "probe") as small:
        assert not small  # below the work threshold: always serial, not timed


def test_two_threads_on_the_direct_and_gemm_paths_at_once(monkeypatch):
    without_micro(monkeypatch)  # (the micro-kernels and Winograd would take it)
    x = np.random.default_rng(1).standard_normal((8, 200, 200)).astype(np.float32)
    w = np.random.default_rng(2).standard_normal((16, 8, 3, 3)).astype(np.float32)
    plan = C.plan_for(x.shape, w.shape, 1, 1, 1, "zeros", np.dtype(np.float32))
    assert not plan.gemm and plan.gemm_grad  # forward direct, gradient by GEMM
    go = np.ones((16, 200, 200), np.float32)
    naive.same_on_two_threads(lambda: (conv2d(x, w, padding=1), conv2d_backward(
        x, w, go, padding=1, need_input=False).weight))


@pytest.mark.parametrize("features,wide", [
    ("+avx2,+fma,+avx512f,+avx512vl", True),
    ("+avx2,+fma,-avx512f", False),
    ("+avx2,+avx512fp16", False),  # another avx512 feature is not avx512f
])
def test_vector_width_follows_the_features_numba_compiles_for(monkeypatch, features, wide):
    """The tiles use zmm registers only when the code numba generates may."""
    monkeypatch.setattr(numba.config, "CPU_FEATURES", features)
    assert _jit.wide_vectors() is wide


def test_no_avx_means_narrow_vectors(monkeypatch):
    """NUMBA_ENABLE_AVX=0 (which numba also sets itself on some CPUs whose
    AVX is slow) takes every AVX feature away from the code, AVX-512 too."""
    monkeypatch.setattr(numba.config, "CPU_FEATURES", None)
    monkeypatch.setattr(numba.config, "ENABLE_AVX", 0)
    assert _jit.wide_vectors() is False


def test_tile_width_is_the_one_numba_compiles_for():
    """REG_BYTES against the features numba's own code generator uses."""
    from numba.core.registry import cpu_target

    features = cpu_target.target_context.codegen()._get_host_cpu_features()
    assert K.REG_BYTES == (64 if "+avx512f" in features.split(",") else 32)
