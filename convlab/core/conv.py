"""Public convolution API: validate in the user's terms, then call a kernel."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numba
import numpy as np

from convlab.core import _kernels as K
from convlab.core import _numpy_path
from convlab.core._jit import parallel_slot
from convlab.core.geometry import (
    Padding,
    check_mode,
    check_reflect,
    checked_output_hw,
    pair,
    resolve_padding,
)


class Gradients(NamedTuple):
    weight: np.ndarray
    bias: np.ndarray
    input: np.ndarray


def float_dtype(*arrays: np.ndarray) -> np.dtype:
    """float32 stays float32, float64 stays float64, integers become float64."""
    dt = np.result_type(*arrays)
    if dt.kind != "f":
        return np.dtype(np.float64)
    return np.dtype(np.float32) if dt.itemsize <= 4 else np.dtype(np.float64)


def as_image(x, name: str = "the input") -> np.ndarray:
    x = np.asarray(x)
    if x.ndim != 3 or min(x.shape) < 1:
        raise ValueError(
            f"{name} must be (channels, height, width) with every size at least 1; "
            f"got an array of shape {x.shape}"
        )
    return x


def as_weight(w) -> np.ndarray:
    w = np.asarray(w)
    if w.ndim != 4 or min(w.shape) < 1:
        raise ValueError(
            "the weight must be (out channels, in channels, kernel height, kernel "
            f"width) with every size at least 1; got shape {w.shape}"
        )
    return w


def pad_index(n: int, before: int, after: int, mode: str) -> np.ndarray:
    """For each padded position, the input index it copies, or -1 for a zero."""
    idx = np.arange(-before, n + after, dtype=np.int64)
    outside = (idx < 0) | (idx >= n)
    if mode == "zeros":
        idx[outside] = -1
    elif mode == "replicate":
        idx = np.clip(idx, 0, n - 1)
    elif mode == "circular":
        idx = idx % n
    else:  # reflect, checked narrower than the input
        idx = np.where(idx < 0, -idx, idx)
        idx = np.where(idx >= n, 2 * (n - 1) - idx, idx)
    return idx


def pad2d(x, padding: Padding = 0, mode: str = "zeros", *, kernel_hw=(1, 1),
          stride=1, dilation=1) -> np.ndarray:
    """The padded ``(C, H', W')`` array: what the convolution slides over.

    ``kernel_hw``, ``stride`` and ``dilation`` matter only for ``"same"``.
    """
    if _numpy_path.serving():  # the compiled kernels are not loaded yet
        return _numpy_path.pad2d(x, padding, mode, kernel_hw=kernel_hw, stride=stride,
                                 dilation=dilation)
    x = as_image(x)
    sides = _sides(x, padding, mode, kernel_hw, stride, dilation)
    return _pad(np.ascontiguousarray(x, dtype=float_dtype(x)), sides, mode)


def _sides(x, padding, mode, kernel_hw, stride, dilation):
    check_mode(mode)
    sides = resolve_padding(padding, x.shape[1:], kernel_hw, stride, dilation)
    if mode == "reflect":
        check_reflect(x.shape[1:], sides)
    return sides


def _pad(x: np.ndarray, sides, mode: str) -> np.ndarray:
    t, b, l, r = sides
    c, h, w = x.shape
    if mode == "zeros":
        out = np.zeros((c, h + t + b, w + l + r), dtype=x.dtype)
        out[:, t : t + h, l : l + w] = x
        return out
    out = np.empty((c, h + t + b, w + l + r), dtype=x.dtype)
    K.gather(x, pad_index(h, t, b, mode), pad_index(w, l, r, mode), out)
    return out


def corr2d(x, k) -> np.ndarray:
    """The chapter's 2-D cross-correlation of a 2-D array with a 2-D kernel."""
    x, k = np.asarray(x), np.asarray(k)
    if x.ndim != 2 or k.ndim != 2:
        raise ValueError(
            f"corr2d takes a 2-D input and a 2-D kernel; got {x.ndim}-D and {k.ndim}-D"
        )
    return conv2d(x[None], k[None, None])[0]


def _prepare(x, weight, stride, padding, dilation, padding_mode, flip):
    x, weight = as_image(x), as_weight(weight)
    if weight.shape[1] != x.shape[0]:
        raise ValueError(
            f"the kernel expects {weight.shape[1]} input channel(s) but the input "
            f"has {x.shape[0]}; set the kernel's input channels to {x.shape[0]}"
        )
    s, d = pair(stride, "stride"), pair(dilation, "dilation")
    kh, kw = weight.shape[2:]
    sides = _sides(x, padding, padding_mode, (kh, kw), s, d)
    out_hw = checked_output_hw(x.shape[1:], (kh, kw), s, d, sides)
    dt = float_dtype(x, weight)
    w = weight[:, :, ::-1, ::-1] if flip else weight
    xc = np.ascontiguousarray(x, dtype=dt)
    xp = _pad(xc, sides, padding_mode) if any(sides) else xc
    return xp, np.ascontiguousarray(w, dtype=dt), s, d, sides, out_hw


@lru_cache(maxsize=64)
def tap_starts(padded_shape, kernel_hw, dilation) -> np.ndarray:
    """Flat offset of each tap (ci, a, b) in the padded input, for output (0, 0)."""
    c, hp, wp = padded_shape
    (kh, kw), (dh, dw) = kernel_hw, dilation
    ci, a, b = np.indices((c, kh, kw)).reshape(3, -1)
    starts = (ci * hp * wp + a * dh * wp + b * dw).astype(np.int64)
    starts.flags.writeable = False
    return starts


def conv2d(x, weight, bias=None, *, stride=1, padding: Padding = 0, dilation=1,
           padding_mode: str = "zeros", flip: bool = False) -> np.ndarray:
    """Multi-channel 2-D cross-correlation (true convolution with ``flip``).

    ``x`` is ``(C_in, H, W)``, ``weight`` ``(C_out, C_in, kh, kw)``, ``bias``
    ``(C_out,)`` or None. Returns ``(C_out, Ho, Wo)``.
    """
    if _numpy_path.serving():  # the compiled kernels are not loaded yet
        return _numpy_path.conv2d(x, weight, bias, stride=stride, padding=padding,
                                  dilation=dilation, padding_mode=padding_mode, flip=flip)
    xp, w, (sh, sw), (dh, dw), _, (ho, wo) = _prepare(
        x, weight, stride, padding, dilation, padding_mode, flip
    )
    b = _bias(bias, w.shape[0], w.dtype)
    out = np.empty((w.shape[0], ho, wo), dtype=w.dtype)
    starts = tap_starts(xp.shape, w.shape[2:], (dh, dw))
    args = (xp.reshape(-1), starts, sh * xp.shape[2], sw, w.reshape(w.shape[0], -1), b, out)
    with parallel_slot(out.size * w[0].size) as par:
        (K.corr_parallel if par else K.corr_serial)(*args)
    return out


def _bias(bias, c_out: int, dtype) -> np.ndarray:
    if bias is None:
        return np.zeros(c_out, dtype=dtype)
    b = np.asarray(bias, dtype=dtype).reshape(-1)
    if b.shape[0] != c_out:
        raise ValueError(
            f"there are {c_out} output channel(s) but {b.shape[0]} bias value(s); "
            "give one bias per output channel"
        )
    return b


def conv2d_backward(x, weight, grad_output, *, stride=1, padding: Padding = 0,
                    dilation=1, padding_mode: str = "zeros", flip: bool = False,
                    need_input: bool = True) -> Gradients:
    """Gradients of ``sum(grad_output * conv2d(x, weight, bias, ...))``.

    ``need_input=False`` skips the input gradient (``input`` is then None),
    which learning a kernel does not use.
    """
    if _numpy_path.serving():  # the compiled kernels are not loaded yet
        return _numpy_path.conv2d_backward(
            x, weight, grad_output, stride=stride, padding=padding, dilation=dilation,
            padding_mode=padding_mode, flip=flip, need_input=need_input)
    xp, w, (sh, sw), (dh, dw), sides, out_hw = _prepare(
        x, weight, stride, padding, dilation, padding_mode, flip
    )
    go = np.ascontiguousarray(grad_output, dtype=w.dtype)
    if go.shape != (w.shape[0], *out_hw):
        raise ValueError(
            f"grad_output has shape {go.shape} but the output is "
            f"{(w.shape[0], *out_hw)}"
        )
    starts = tap_starts(xp.shape, w.shape[2:], (dh, dw))
    flat = (xp.reshape(-1), starts, sh * xp.shape[2], sw, go)
    gw = _grad_weight(flat, go.size * w[0].size, w.shape[0], starts.size, w.dtype)
    gw = gw.reshape(w.shape)
    gx = None
    if need_input:
        gxp = np.zeros_like(xp)
        K.grad_padded_input(go, w.reshape(w.shape[0], -1), starts, sh * xp.shape[2], sw,
                            gxp.reshape(-1))
        gx = _unpad(gxp, np.shape(x), sides, padding_mode)
    if flip:
        gw = np.ascontiguousarray(gw[:, :, ::-1, ::-1])
    return Gradients(gw, go.sum(axis=(1, 2)), gx)


def _grad_weight(flat, work: int, cout: int, ntaps: int, dtype) -> np.ndarray:
    with parallel_slot(work) as par:
        if not par:
            gw = np.zeros((cout, ntaps), dtype=dtype)
            K.grad_weight_serial(*flat, gw)
            return gw
        partial = np.zeros((numba.get_num_threads(), cout, ntaps), dtype=dtype)
        K.grad_weight_parallel(*flat, partial)
        return partial.sum(axis=0)


def _unpad(gxp, shape, sides, mode) -> np.ndarray:
    t, b, l, r = sides
    gx = np.zeros(shape, dtype=gxp.dtype)
    rows, cols = pad_index(shape[1], t, b, mode), pad_index(shape[2], l, r, mode)
    K.fold(gxp, rows, cols, gx)
    return gx
