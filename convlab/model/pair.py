"""Which kernel turns this image into that one? Learning from a pair (Qt-free).

The target is a second image of the same scene: the same size as the input, or
the same shape scaled (it is then resampled to the input's size, with a note).
The learning problem uses 'same' zero padding, stride 1 and dilation 1, so the
output has the input's size, and a kernel per output channel over every input
channel (``weight`` is ``(C, C, k, k)``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

import numpy as np

from convlab.core.geometry import resolve_padding
from convlab.core.gram import gram
from convlab.model.document import Document, Geometry
from convlab.model.learn_problem import LearnSettings, Problem, initial_kernel

MAX_KERNEL = 15
ASPECT_TOLERANCE = 0.01  # relative; rounding when the other program scaled the image

# The sample pair's kernel (resources/make_sample_pair.py): sixteenths summing to 1,
# a diagonal motion blur heavier towards the top right; not symmetric, so a flipped
# kernel would be told apart.
PAIR_KERNEL = np.array([[0, 0, 0, 1, 2],
                        [0, 0, 1, 2, 1],
                        [0, 1, 3, 1, 0],
                        [1, 1, 1, 0, 0],
                        [1, 0, 0, 0, 0]], dtype=np.float64) / 16
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
SAMPLE_INPUT, SAMPLE_TARGET = RESOURCES / "pair_input.png", RESOURCES / "pair_target.png"


def match_target(x, target, target_name: str = "the target") -> tuple[np.ndarray, str]:
    """The target at the input's size, and a note ("" unless it was scaled).

    Both are ``(C, H, W)``. Raises ValueError, in the user's words, when the
    channel counts or the aspect ratios differ.
    """
    x, t = np.asarray(x), np.asarray(target, dtype=np.float64)
    (c, h, w), (tc, th, tw) = x.shape, t.shape
    if tc != c:
        kinds = {1: "grey", 3: "colour"}
        raise ValueError(f"{target_name} is {kinds.get(tc, f'{tc}-channel')} but the input is "
                         f"{kinds.get(c, f'{c}-channel')}; both images need the same "
                         "channels")
    if (th, tw) == (h, w):
        return t, ""
    if abs((th / tw) / (h / w) - 1) > ASPECT_TOLERANCE:
        raise ValueError(f"{target_name} is {tw}×{th} but the input is {w}×{h}: a different "
                         "shape, so it cannot be the same picture; crop or scale it to "
                         "the input's shape")
    note = (f"{target_name} is {tw}×{th}; it was scaled to the input's {w}×{h}, which "
            "blurs it a little (the learned kernel includes that blur)")
    return resample(t, h, w), note


def resample(a: np.ndarray, h: int, w: int) -> np.ndarray:
    """Linear interpolation of every channel to h×w, pixel centres aligned."""
    def axis_weights(n_in: int, n_out: int) -> np.ndarray:
        pos = (np.arange(n_out) + 0.5) * n_in / n_out - 0.5
        return np.stack([np.interp(pos, np.arange(n_in), np.eye(n_in)[i])
                         for i in range(n_in)], axis=1)

    rows, cols = axis_weights(a.shape[1], h), axis_weights(a.shape[2], w)
    return np.einsum("hi,cij,wj->chw", rows, a, cols)


def target_from_file(path, x, loader: Callable) -> tuple[np.ndarray, str]:
    """Load ``path`` with ``loader`` (path → (array, note), raising ValueError for a
    corrupt file; the window passes ``convlab.qt.image_io.load_image``) and match it."""
    t, load_note = loader(path)
    target, note = match_target(x, t, f"“{Path(path).name}”")
    return target, " ".join(n for n in (load_note, note) if n)


def check_size(size: int) -> int:
    if not 1 <= int(size) <= MAX_KERNEL:
        raise ValueError(f"the kernel size must be 1 to {MAX_KERNEL}; got {size}")
    return int(size)


def pair_geometry(x, size: int, padding_mode: str = "zeros") -> Geometry:
    """'same' padding: the output keeps the input's size (the extra row of an even
    kernel goes after)."""
    pad = resolve_padding("same", np.shape(x)[1:], (size, size))
    return Geometry(pad=pad, mode=padding_mode)


def best_kernel(x, target, size: int, *, bias: bool = False,
                padding_mode: str = "zeros") -> tuple[np.ndarray, np.ndarray]:
    """The least-squares kernel (and bias, zeros when not learned), from XᵀX w = Xᵀy.

    Gradient descent heads for this kernel; the minimum-norm one when several fit.
    """
    x, size = np.asarray(x, dtype=np.float64), check_size(size)
    g = pair_geometry(x, size, padding_mode)
    gm = gram(x, size, target, padding=g.pad, padding_mode=g.mode, bias=bias)
    sol = np.linalg.lstsq(gm.xtx, gm.xty, rcond=None)[0]  # (P, C_out)
    c = np.shape(target)[0]
    w = sol[: x.shape[0] * size * size].T.reshape(c, x.shape[0], size, size)
    b = sol[-1] if bias else np.zeros(c)
    return w, b


def pair_problem(x, target, size: int, *, bias: bool = False,
                 padding_mode: str = "zeros") -> Problem:
    """The learning problem: start from zeros; ``true_weight`` is the least-squares
    kernel (the pair's answer, as the learner shows it beside the learned one)."""
    x = np.asarray(x, dtype=np.float64)
    target = np.asarray(target, dtype=np.float64)
    if target.shape != x.shape:
        raise ValueError(f"the target has shape {target.shape} but the input {x.shape}; "
                         "match it with match_target first")
    size = check_size(size)
    tw, tb = best_kernel(x, target, size, bias=bias, padding_mode=padding_mode)
    c = target.shape[0]
    w0 = np.zeros((c, x.shape[0], size, size))
    return Problem(x, target, w0, np.zeros(c) if bias else None, tw, tb,
                   pair_geometry(x, size, padding_mode))


def pair_document(doc: Document, size: int) -> Document:
    """The document set up to show the pair's learning: a zero k×k kernel per output
    channel, 'same' zero padding, stride 1, no dilation, no flip."""
    size = check_size(size)
    c = doc.image.shape[0]
    geo = replace(doc.geometry, pad=pair_geometry(doc.image, size).pad, mode="zeros",
                  stride=(1, 1), dilation=(1, 1), flip=False)
    return replace(doc, weight=np.zeros((c, c, size, size)), bias=np.zeros(c),
                   geometry=geo, selected=(0, 0))


def document_problem(doc: Document, s: LearnSettings, target) -> Problem:
    """The pair's learning problem as the window sets it up: the document's input,
    kernel size and geometry; ``target`` matched to the input (``target_from_file``).
    The true kernel is the least-squares one (flipped back for true convolution,
    so it is shown as stored)."""
    x = np.asarray(doc.image, dtype=np.float64)
    t = np.asarray(target, dtype=np.float64)
    co = doc.weight.shape[0]
    if t.shape[0] != co:
        raise ValueError(f"the target image has {t.shape[0]} channel(s) but the kernel has "
                         f"{co} output channel(s); Target from image… sets the kernel up")
    g = doc.geometry
    try:
        gm = gram(x, doc.kernel_hw, t, bias=s.learn_bias, **g.conv_kwargs(with_flip=False))
    except ValueError:
        raise ValueError("this geometry's output is not the target image's size; 'same' "
                         "zero padding and stride 1 keep it (Target from image… sets "
                         "them)") from None
    sol = np.linalg.lstsq(gm.xtx, gm.xty, rcond=None)[0]
    kh, kw = doc.kernel_hw
    tw = sol[: x.shape[0] * kh * kw].T.reshape(co, x.shape[0], kh, kw)
    if g.flip:
        tw = tw[:, :, ::-1, ::-1].copy()
    tb = sol[-1] if s.learn_bias else np.zeros(co)
    if s.noise > 0:
        t = t + np.random.default_rng(s.seed + 2).normal(0, s.noise, t.shape)
    w0 = initial_kernel(doc, s, tw.shape)
    return Problem(x, t, w0, np.zeros(co) if s.learn_bias else None, tw, tb, g)


def sample_settings(s: LearnSettings) -> LearnSettings:
    """Settings that learn the sample pair to 1e-3 in a few thousand steps: the mean
    loss (rates near 0.1), momentum, no early stop."""
    return replace(s, true_source="target image", target_path=str(SAMPLE_TARGET), init="zeros",
                   noise=0.0, learn_bias=False, optimizer="momentum", loss="mse", lr=0.2,
                   threshold=0.0, max_steps=3000, steps_per_second=0.0)
