"""Max and average pooling, as in the chapter (stride defaults to the window)."""

from __future__ import annotations

import numpy as np

from convlab.core import _kernels as K
from convlab.core import _numpy_path
from convlab.core.conv import _contiguous, as_image, float_dtype
from convlab.core.geometry import Padding, output_shape, pair, resolve_padding


def pool2d(x, window, *, stride=None, padding: Padding = 0, mode: str = "max",
           count_include_pad: bool = True) -> np.ndarray:
    """Pool ``(C, H, W)`` to ``(C, Ho, Wo)``; padded cells never win a max."""
    x = as_image(x)
    kh, kw = pair(window, "pooling window")
    sh, sw = pair((kh, kw) if stride is None else stride, "pooling stride")
    if mode not in ("max", "avg", "average", "mean"):
        raise ValueError(f"pooling mode {mode!r} is not known; use 'max' or 'avg'")
    t, b, l, r = resolve_padding(padding, x.shape[1:], (kh, kw), (sh, sw))
    if max(t, b) > kh // 2 or max(l, r) > kw // 2:
        sides = (t, l) if (t, l) == (b, r) else (t, b, l, r)  # as it was given
        raise ValueError(
            f"pooling padding {sides} is more than half the {kh}×{kw} window, so a "
            f"window could hold only padding; use at most ({kh // 2}, {kw // 2})"
        )
    ph, pw = x.shape[1] + t + b, x.shape[2] + l + r
    if kh > ph or kw > pw:
        raise ValueError(
            f"the {kh}×{kw} pooling window is larger than what it pools "
            f"({ph}×{pw}, the convolution's output with the pooling padding), so "
            "nothing would be pooled; shrink the pooling window or the convolution's "
            "stride, or enlarge the input"
        )
    ho, wo = output_shape(x.shape[1:], (kh, kw), stride=(sh, sw), padding=(t, b, l, r))
    dt = float_dtype(x)
    out = np.empty((x.shape[0], ho, wo), dtype=dt)
    xc = _contiguous(x, dt)
    kernel = _numpy_path.pool if _numpy_path.serving() else K.pool
    kernel(xc, kh, kw, sh, sw, t, l, mode == "max", count_include_pad, out)
    return out
