"""Setting up a kernel-learning problem from what the window shows (Qt-free)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from convlab.core import conv2d
from convlab.model.document import Document, Geometry, LearnSettings  # noqa: F401
from convlab.model.presets import PRESETS
from convlab.model.samples import edge_image

PAIR_SOURCE = "target image"  # the target is a second image (model/pair.py)
TRUE_SOURCES = ("current kernel (frozen)", "random (seed)", PAIR_SOURCE, *PRESETS)
INITS = ("zeros", "random (seed)", "current kernel")
CHAPTER_LR = 3.21e-2  # the chapter's learning rate (d2l's original uses 3e-2)


@dataclass(frozen=True, eq=False)
class Problem:
    x: np.ndarray
    target: np.ndarray
    weight: np.ndarray  # the starting kernel
    bias: np.ndarray | None
    true_weight: np.ndarray
    true_bias: np.ndarray
    geometry: Geometry

    def descend_kwargs(self) -> dict:
        """For ``conv2d`` and ``descend``, which both apply the flip."""
        return self.geometry.conv_kwargs()

    def gram_kwargs(self) -> dict:
        """For ``gram`` and the Hessian, which see the kernel as applied (no flip)."""
        return self.geometry.conv_kwargs(with_flip=False)


def true_kernel(doc: Document, s: LearnSettings) -> np.ndarray:
    shape = doc.weight.shape
    if s.true_source == "current kernel (frozen)":
        return np.array(doc.weight, dtype=float)
    if s.true_source == "random (seed)":
        return np.random.default_rng(s.seed).normal(0, 1, shape)
    k = PRESETS[s.true_source]
    return np.broadcast_to(k / shape[1], (shape[0], shape[1], *k.shape)).copy()


def learned_shape(doc: Document, s: LearnSettings) -> tuple[int, ...]:
    """The kernel shape a run learns: the document's, except that a preset true
    kernel brings its own size (with the document's channels)."""
    shape, k = doc.weight.shape, PRESETS.get(s.true_source)
    return shape if k is None else (*shape[:2], *k.shape)


def for_learning(doc: Document) -> Document:
    """``doc`` with its kernel at the size a run learns: the run's starting kernel
    in place of one of another size (``doc`` itself when the sizes agree). Play
    records it; the stability readout describes it before Play."""
    shape = learned_shape(doc, doc.learn)
    if shape == doc.weight.shape:
        return doc
    return replace(doc, weight=initial_kernel(doc, doc.learn, shape))


def initial_kernel(doc: Document, s: LearnSettings, shape) -> np.ndarray:
    if s.init == "zeros":
        return np.zeros(shape)
    if s.init == "random (seed)":
        return np.random.default_rng(s.seed + 1).normal(0, 0.05, shape)
    return centred(doc.weight, shape)


def centred(weight: np.ndarray, shape) -> np.ndarray:
    """``weight`` cut or zero-padded to ``shape`` about its centre: a 5×5
    kernel started a 3×3 run from its middle, not its top-left corner."""
    w = np.zeros(shape)
    src, dst = [], []
    for have, want in zip(weight.shape[2:], shape[2:]):
        n = min(have, want)
        src.append(slice((have - n) // 2, (have - n) // 2 + n))
        dst.append(slice((want - n) // 2, (want - n) // 2 + n))
    w[(..., *dst)] = weight[(..., *src)]
    return w


def make_problem(doc: Document, s: LearnSettings, target=None) -> Problem:
    """Input: the current input. Target: the true kernel's output, plus noise; for
    the ``PAIR_SOURCE`` the ``target`` image (read by the caller from
    ``s.target_path``), whose true kernel is the least-squares one.

    Raises ValueError (in the user's words) when the geometry is invalid.
    """
    if s.true_source == PAIR_SOURCE:
        from convlab.model.pair import document_problem

        if target is None:
            raise ValueError("choose the target image first (Target from image… or "
                             "Sample pair)")
        return document_problem(doc, s, target)
    g = doc.geometry  # with true convolution the kernel is learned as stored, flipped in use
    x = np.asarray(doc.image, dtype=np.float64)
    tw = true_kernel(doc, s)
    tb = np.array(doc.bias, dtype=float) if s.true_source == "current kernel (frozen)" \
        else np.zeros(tw.shape[0])
    target = conv2d(x, tw, tb, **g.conv_kwargs())
    if s.noise > 0:
        target = target + np.random.default_rng(s.seed + 2).normal(0, s.noise, target.shape)
    w0 = initial_kernel(doc, s, tw.shape)
    b0 = np.zeros(tw.shape[0]) if s.learn_bias else None
    return Problem(x, target, w0, b0, tw, tb, g)


def chapter_example() -> tuple[Document, LearnSettings]:
    """The chapter: learn [1, −1] from the 6×8 edge image, SGD, SSE, 10 steps."""
    doc = Document(image=edge_image(), weight=np.array([[[[1.0, -1.0]]]]), bias=np.zeros(1),
                   image_name="Chapter 6×8 edge image")
    s = LearnSettings(true_source="current kernel (frozen)", init="random (seed)", seed=0,
                      lr=CHAPTER_LR, optimizer="sgd", loss="sse", max_steps=10,
                      steps_per_second=4.0, threshold=0.0)
    return replace(doc, learn=s), s


def diverged(loss: float, first: float, best: float | None = None,
             optimizer: str = "sgd") -> bool:
    """The learning rate is too large: the loss is not finite or has grown a
    million-fold since the start; or, for plain gradient descent, it is above
    the start and a hundred times the lowest loss seen. Plain SGD on this
    quadratic loss never rises like that below its stable rate, and above it
    grows geometrically, so a short run is caught too. Momentum and Adam may
    rise for a while and still converge, so only the first rule holds them."""
    if not math.isfinite(loss) or loss > max(first, 1e-12) * 1e6:
        return True
    return (optimizer == "sgd" and best is not None and loss > first
            and loss > max(best, 1e-300) * 100)


def landscape(problem: Problem, center: np.ndarray, span: float, n: int = 64):
    """For a kernel of exactly two weights: the loss on an n×n grid around ``center``.

    Returns (w0 values, w1 values, loss grid [i over w1, j over w0]). The loss is
    quadratic in the weights, so three probe convolutions give it exactly.
    """
    kw = problem.descend_kwargs()
    shape = problem.weight.shape
    basis = [np.eye(2)[i].reshape(shape) for i in range(2)]
    cols = [conv2d(problem.x, b, **kw).ravel() for b in basis]
    a = np.stack(cols, axis=1)
    y = problem.target.ravel()
    w0 = np.linspace(center[0] - span, center[0] + span, n)
    w1 = np.linspace(center[1] - span, center[1] + span, n)
    g0, g1 = np.meshgrid(w0, w1)
    ata, aty, yy = a.T @ a, a.T @ y, y @ y
    loss = (ata[0, 0] * g0 * g0 + 2 * ata[0, 1] * g0 * g1 + ata[1, 1] * g1 * g1
            - 2 * (aty[0] * g0 + aty[1] * g1) + yy)
    return w0, w1, loss
