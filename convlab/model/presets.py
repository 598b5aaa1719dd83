"""Named kernels, and the kernel edits offered beside the grid."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from convlab.model.document import Document
from convlab.model.translatable import QT_TRANSLATE_NOOP


def _gaussian(n: int = 5, sigma: float = 1.0) -> np.ndarray:
    ax = np.arange(n) - (n - 1) / 2
    g = np.exp(-(ax[:, None] ** 2 + ax[None] ** 2) / (2 * sigma**2))
    return g / g.sum()


# Keys are English (undo labels, sessions); the window shows them translated, context "Presets".
PRESETS: dict[str, np.ndarray] = {
    QT_TRANSLATE_NOOP("Presets", "Identity"): np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], float),
    QT_TRANSLATE_NOOP("Presets", "Box blur"): np.full((3, 3), 1 / 9),
    QT_TRANSLATE_NOOP("Presets", "Gaussian blur 5×5"): _gaussian(),
    QT_TRANSLATE_NOOP("Presets", "Sharpen"):
        np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], float),
    QT_TRANSLATE_NOOP("Presets", "Edge [1, −1] (chapter)"): np.array([[1, -1]], float),
    QT_TRANSLATE_NOOP("Presets", "Sobel x"): np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], float),
    QT_TRANSLATE_NOOP("Presets", "Sobel y"): np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], float),
    QT_TRANSLATE_NOOP("Presets", "Prewitt x"):
        np.array([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]], float),
    QT_TRANSLATE_NOOP("Presets", "Prewitt y"):
        np.array([[-1, -1, -1], [0, 0, 0], [1, 1, 1]], float),
    QT_TRANSLATE_NOOP("Presets", "Laplacian"): np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], float),
    QT_TRANSLATE_NOOP("Presets", "Emboss"): np.array([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]], float),
    QT_TRANSLATE_NOOP("Presets", "Outline"):
        np.array([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]], float),
    QT_TRANSLATE_NOOP("Presets", "Motion blur"): np.eye(5) / 5,
    QT_TRANSLATE_NOOP("Presets", "Chapter 2×2 [[0, 1], [2, 3]]"):
        np.array([[0, 1], [2, 3]], float),
}


def normalized(k: np.ndarray) -> np.ndarray:
    """Divide by the sum, so brightness is kept; a zero-sum kernel is left alone."""
    s = float(np.sum(k))
    return k / s if abs(s) > 1e-12 else k.copy()


def randomized(shape: tuple[int, ...], seed: int | None = None) -> np.ndarray:
    return np.round(np.random.default_rng(seed).normal(0, 1, shape), 2)


# The "apply to" choices: English keys, shown translated (context "KernelPanel").
ALL_INPUTS = QT_TRANSLATE_NOOP("KernelPanel", "all input channels")
THIS_SLICE = QT_TRANSLATE_NOOP("KernelPanel", "this slice")
APPLY_TO = (ALL_INPUTS, THIS_SLICE)


def with_slices(doc: Document, make, all_inputs: bool) -> Document:
    """Replace the selected output channel's kernel on every input channel (or only
    the selected slice). ``make(slices)`` gets the current (n, kh, kw) slices and
    returns new ones, all of one shape; every slice is resized to that shape."""
    co, ci = doc.selected
    current = doc.weight[co] if all_inputs else doc.weight[co, ci][None]
    new = np.asarray(make(np.array(current)), dtype=float)
    out = doc.with_kernel_size(*new.shape[1:])
    w = out.weight.copy()
    if all_inputs:
        w[co] = new
    else:
        w[co, ci] = new[0]
    return replace(out, weight=w)


def preset_slices(k: np.ndarray):
    return lambda cur: np.repeat(k[None], len(cur), axis=0)


def normalized_slices(cur: np.ndarray) -> np.ndarray:
    """Divide by the sum over every slice given: a flat image keeps its brightness."""
    return normalized(cur)


def randomized_slices(shape: tuple[int, int], seed: int | None = None):
    return lambda cur: randomized((len(cur), *shape), seed)


def transposed_slices(cur: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(cur.transpose(0, 2, 1))
