"""The NumPy path that serves frames during warm-up equals the compiled core."""

import threading

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import naive
from convlab.core import _kernels as K
from convlab.core import _numpy_path, conv2d, conv2d_backward, pad2d, pool2d
from naive import MODES


@pytest.fixture
def serving():
    """Route the public functions to the NumPy path, as the app does at start-up."""
    _numpy_path.serve(True)
    yield
    _numpy_path.serve(False)


def both(f, *args, **kwargs):
    """``f`` through the NumPy path and through the compiled kernels."""
    _numpy_path.serve(True)
    try:
        fallback = f(*args, **kwargs)
    finally:
        _numpy_path.serve(False)
    return fallback, f(*args, **kwargs)


@st.composite
def problems(draw):
    cin, cout = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    kh, kw = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    sh, sw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    dh, dw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    mode = draw(st.sampled_from(MODES))
    sides = tuple(draw(st.integers(0, 3)) for _ in range(4))
    min_h = max(dh * (kh - 1) + 1 - sides[0] - sides[1], 1)
    min_w = max(dw * (kw - 1) + 1 - sides[2] - sides[3], 1)
    if mode == "reflect":
        min_h, min_w = max(min_h, max(sides[:2]) + 1), max(min_w, max(sides[2:]) + 1)
    h = draw(st.integers(min_h, max(min_h, 24)))
    w = draw(st.integers(min_w, max(min_w, 24)))
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal((cin, h, w)).astype(dtype)
    wt = rng.standard_normal((cout, cin, kh, kw)).astype(dtype)
    bias = rng.standard_normal(cout).astype(dtype) if draw(st.booleans()) else None
    kw_ = dict(stride=(sh, sw), padding=sides, dilation=(dh, dw), padding_mode=mode,
               flip=draw(st.booleans()))
    return x, wt, bias, kw_


def tol(dtype):
    return dict(rtol=1e-4, atol=1e-4) if dtype == np.float32 else dict(rtol=1e-11, atol=1e-11)


@settings(max_examples=120, deadline=None)
@given(problems())
def test_forward_equals_the_compiled_core_and_the_naive_loops(p):
    x, w, bias, kw = p
    fallback, compiled = both(conv2d, x, w, bias, **kw)
    assert fallback.dtype == compiled.dtype == x.dtype
    assert fallback.shape == compiled.shape
    np.testing.assert_allclose(fallback, compiled, **tol(x.dtype))
    want = naive.conv2d(x, w, bias, kw["stride"], kw["padding"], kw["dilation"],
                        kw["padding_mode"], kw["flip"])
    np.testing.assert_allclose(fallback, want, **tol(x.dtype))


@settings(max_examples=80, deadline=None)
@given(problems(), st.booleans())
def test_gradients_equal_the_compiled_core(p, need_input):
    x, w, _, kw = p
    out = conv2d(x, w, **kw)
    go = np.random.default_rng(1).standard_normal(out.shape).astype(x.dtype)
    fallback, compiled = both(conv2d_backward, x, w, go, need_input=need_input, **kw)
    scale = max(1.0, float(np.abs(compiled.weight).max()))
    for got, want in zip(fallback, compiled):
        if want is None:
            assert got is None
            continue
        assert got.dtype == want.dtype and got.shape == want.shape
        np.testing.assert_allclose(got / scale, want / scale, **tol(x.dtype))


@settings(max_examples=60, deadline=None)
@given(problems())
def test_padding_is_identical(p):
    x, _, _, kw = p
    fallback, compiled = both(pad2d, x, kw["padding"], kw["padding_mode"])
    np.testing.assert_array_equal(fallback, compiled)
    assert fallback.dtype == compiled.dtype


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 3), st.integers(1, 20), st.integers(1, 20), st.integers(1, 4),
       st.integers(1, 4), st.integers(1, 3), st.integers(1, 3), st.booleans(),
       st.sampled_from(["max", "avg"]), st.booleans(),
       st.sampled_from([np.float32, np.float64]), st.integers(0, 2**32 - 1))
def test_pooling_equals_the_compiled_core_and_the_naive_loops(c, h, w, kh, kw, sh, sw,
                                                              padded, mode, incl, dt, seed):
    kh, kw = min(kh, h), min(kw, w)
    sides = (kh // 2, kh // 2, kw // 2, kw // 2) if padded else (0, 0, 0, 0)
    x = np.random.default_rng(seed).standard_normal((c, h, w)).astype(dt)
    kwargs = dict(stride=(sh, sw), padding=sides, mode=mode, count_include_pad=incl)
    fallback, compiled = both(pool2d, x, (kh, kw), **kwargs)
    assert fallback.dtype == compiled.dtype
    np.testing.assert_allclose(fallback, compiled, rtol=1e-6, atol=1e-6)
    want = naive.pool2d(x, (kh, kw), (sh, sw), sides, mode, incl)
    np.testing.assert_allclose(fallback, want, rtol=1e-5, atol=1e-5)


def test_nan_and_inf_stay_visible_as_in_the_compiled_core():
    x = np.arange(36.0).reshape(1, 6, 6)
    x[0, 1, 1], x[0, 4, 4] = np.nan, np.inf
    k = np.ones((1, 1, 3, 3))
    for f, args in ((conv2d, (x, k)), (pool2d, (x, 2))):
        fallback, compiled = both(f, *args)
        np.testing.assert_array_equal(np.isnan(fallback), np.isnan(compiled))
        np.testing.assert_array_equal(fallback, compiled)


def test_integers_become_float64_as_in_the_compiled_core():
    x, k = np.arange(25).reshape(1, 5, 5), np.ones((1, 1, 2, 2), dtype=np.int32)
    fallback, compiled = both(conv2d, x, k)
    assert fallback.dtype == compiled.dtype == np.float64
    np.testing.assert_array_equal(fallback, compiled)


@pytest.mark.parametrize("call, message", [
    (lambda: conv2d(np.ones((2, 5, 5)), np.ones((1, 1, 3, 3))), "input channel"),
    (lambda: conv2d(np.ones((1, 2, 2)), np.ones((1, 1, 3, 3))), ""),
    (lambda: conv2d(np.ones((1, 5, 5)), np.ones((2, 1, 3, 3)), np.ones(3)), "bias"),
    (lambda: pad2d(np.ones((1, 3, 3)), 3, "reflect"), ""),
    (lambda: conv2d(np.ones((5, 5)), np.ones((1, 1, 3, 3))), "channels, height, width"),
])
def test_the_same_errors_in_the_same_words(call, message):
    with pytest.raises(ValueError) as compiled:
        call()
    _numpy_path.serve(True)
    try:
        with pytest.raises(ValueError) as fallback:
            call()
    finally:
        _numpy_path.serve(False)
    assert str(fallback.value) == str(compiled.value)
    assert message in str(fallback.value)


def test_serving_never_touches_a_kernel(serving, monkeypatch):
    def boom(*args):
        raise AssertionError("a compiled kernel ran while the NumPy path serves")

    for name in ("corr_serial", "corr_parallel", "grad_weight_serial", "gather",
                 "grad_weight_parallel", "grad_padded_input", "fold", "pool"):
        monkeypatch.setattr(K, name, boom, raising=False)
    x, w = np.ones((1, 300, 300)), np.ones((1, 1, 5, 5))
    out = conv2d(x, w, padding=2, padding_mode="reflect")
    conv2d_backward(x, w, out, padding=2, padding_mode="circular")
    pad2d(x, 1, "replicate")
    pool2d(x, 2, mode="avg")


def test_warm_up_on_one_thread_uses_the_kernels_while_others_keep_the_fallback(serving):
    seen = {}

    def warm():
        with _numpy_path.compiled_kernels():
            seen["warm-up"] = _numpy_path.serving()

    t = threading.Thread(target=warm)
    t.start()
    t.join()
    assert seen == {"warm-up": False}
    assert _numpy_path.serving()


@settings(max_examples=40, deadline=None)
@given(problems(), st.integers(1, 2000))
def test_forward_in_row_blocks_equals_the_compiled_core(p, block_bytes):
    x, w, bias, kw = p
    saved = _numpy_path.BLOCK_BYTES
    _numpy_path.BLOCK_BYTES = block_bytes  # one to a few output rows per pass
    try:
        fallback, compiled = both(conv2d, x, w, bias, **kw)
    finally:
        _numpy_path.BLOCK_BYTES = saved
    np.testing.assert_allclose(fallback, compiled, **tol(x.dtype))
