"""Plain-loop references, written for the tests, sharing nothing with the core."""

import math

import numpy as np

MODES = ("zeros", "reflect", "replicate", "circular")  # every padding mode


def tol(dtype):
    """(rtol, atol) for comparing a kernel's float32 or float64 result."""
    return (2e-4, 2e-3) if dtype == np.float32 else (1e-10, 1e-9)


def source_index(p, n, mode):
    """Which input index padded position ``p`` (already shifted) reads, or None."""
    if 0 <= p < n:
        return p
    if mode == "zeros":
        return None
    if mode == "replicate":
        return min(max(p, 0), n - 1)
    if mode == "circular":
        return p % n
    return -p if p < 0 else 2 * (n - 1) - p  # reflect


def conv2d(x, w, bias, stride, sides, dilation, mode="zeros", flip=False):
    (sh, sw), (dh, dw), (t, b, l, r) = stride, dilation, sides
    cin, h, wd = x.shape
    cout, _, kh, kw = w.shape
    if flip:
        w = w[:, :, ::-1, ::-1]
    ho = (h + t + b - dh * (kh - 1) - 1) // sh + 1
    wo = (wd + l + r - dw * (kw - 1) - 1) // sw + 1
    out = np.zeros((cout, ho, wo))
    for co in range(cout):
        for i in range(ho):
            for j in range(wo):
                acc = 0.0 if bias is None else float(bias[co])
                for ci in range(cin):
                    for a in range(kh):
                        for c in range(kw):
                            row = source_index(i * sh + a * dh - t, h, mode)
                            col = source_index(j * sw + c * dw - l, wd, mode)
                            if row is not None and col is not None:
                                acc += float(x[ci, row, col]) * float(w[co, ci, a, c])
                out[co, i, j] = acc
    return out


def pool2d(x, window, stride, sides, mode, include_pad=True):
    (kh, kw), (sh, sw), (t, b, l, r) = window, stride, sides
    c, h, w = x.shape
    ho, wo = (h + t + b - kh) // sh + 1, (w + l + r - kw) // sw + 1
    out = np.zeros((c, ho, wo))
    for k in range(c):
        for i in range(ho):
            for j in range(wo):
                vals = [
                    x[k, a, q]
                    for a in range(i * sh - t, i * sh - t + kh)
                    for q in range(j * sw - l, j * sw - l + kw)
                    if 0 <= a < h and 0 <= q < w
                ]
                if mode == "max":
                    out[k, i, j] = max(vals)
                else:
                    out[k, i, j] = sum(vals) / (kh * kw if include_pad else len(vals))
    return out


def keras_same(n, k, s, d=1):
    total = max((math.ceil(n / s) - 1) * s + d * (k - 1) + 1 - n, 0)
    return total // 2, total - total // 2


NUMPY_PAD = {"zeros": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}


def scipy_conv(x, w, bias, geo):
    """A second, independent reference: numpy.pad, then scipy.signal.correlate2d
    with the kernel spread out by the dilation, then every stride-th output."""
    import scipy.signal

    t, b, l, r = geo["padding"]
    xp = np.pad(x, ((0, 0), (t, b), (l, r)), mode=NUMPY_PAD[geo["padding_mode"]])
    (sh, sw), (dh, dw) = geo["stride"], geo["dilation"]
    out = []
    for co in range(w.shape[0]):
        acc = 0
        for ci in range(w.shape[1]):
            k = w[co, ci]
            dil = np.zeros((dh * (k.shape[0] - 1) + 1, dw * (k.shape[1] - 1) + 1))
            dil[::dh, ::dw] = k
            acc = acc + scipy.signal.correlate2d(xp[ci], dil, mode="valid")
        out.append(acc[::sh, ::sw] + (0 if bias is None else bias[co]))
    return np.array(out)


def on_two_threads(call, repeats: int) -> list:
    """``call()`` ``repeats`` times on each of two threads at once; every result,
    or the first exception raised on either thread."""
    import threading

    results, errors = [], []

    def run():
        try:
            for _ in range(repeats):
                results.append(call())
        except Exception as exc:  # noqa: BLE001 - re-raised on the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    assert len(results) == 2 * repeats
    return results


def same_on_two_threads(call, repeats: int = 4) -> None:
    """``call()``, returning an output and a weight gradient, gives on two
    threads at once what it gives on one."""
    want_out, want_g = call()
    for out, g in on_two_threads(call, repeats):
        np.testing.assert_allclose(out, want_out, rtol=1e-5, atol=1e-4)
        np.testing.assert_allclose(g, want_g, rtol=1e-4, atol=1e-2)
