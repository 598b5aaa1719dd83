"""Why a learning rate diverges: the curvature of the kernel's loss (Qt-free).

Convolution is linear in the kernel, so the squared error is a quadratic whose
Hessian is ``H = 2·XᵀX`` (divided by the number of target values for the mean),
X being the im2col matrix of the padded input. Every output channel has the
same block, so one block's eigenvalues are all of them. Plain gradient descent
multiplies the error along an eigenvector of eigenvalue λ by ``1 − lr·λ`` per
step: it shrinks only while ``lr < 2/λ_max``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from convlab.core.gram import gram
from convlab.model.translatable import QT_TRANSLATE_NOOP

FLAT = 1e-12  # an eigenvalue below FLAT·λ_max is a flat direction of the loss


@dataclass(frozen=True)
class Stability:
    lambda_max: float
    lambda_min: float

    @property
    def stable_rate(self) -> float:
        """The largest SGD rate whose loss does not grow: 2/λ_max."""
        return 2.0 / self.lambda_max if self.lambda_max > 0 else math.inf

    @property
    def best_rate(self) -> float:
        """2/(λ_max + λ_min): the fastest worst-case SGD rate."""
        total = self.lambda_max + max(self.lambda_min, 0.0)
        return 2.0 / total if total > 0 else math.inf

    @property
    def condition(self) -> float:
        """κ = λ_max/λ_min (inf when the loss has a flat direction)."""
        if self.lambda_max <= 0 or self.lambda_min <= FLAT * self.lambda_max:
            return math.inf
        return self.lambda_max / self.lambda_min

    @property
    def contraction(self) -> float:
        """(κ−1)/(κ+1): SGD's error shrinks at best by this factor a step."""
        k = self.condition
        return 1.0 if math.isinf(k) else (k - 1) / (k + 1)

    def momentum_rate(self, beta: float = 0.9) -> float:
        """Heavy-ball momentum (v ← βv + g, w ← w − lr·v) is stable below 2(1+β)/λ_max."""
        return 2.0 * (1.0 + beta) / self.lambda_max if self.lambda_max > 0 else math.inf

    def steps_to_shrink(self, factor: float = 1e-6) -> float:
        """Steps SGD needs at the best rate to multiply the error by ``factor``."""
        c = self.contraction
        return math.inf if c >= 1 else (0.0 if c <= 0 else math.log(factor) / math.log(c))


def hessian(x, kernel_shape, *, loss: str = "sse", bias: bool = False, stride=1,
            padding=0, dilation=1, padding_mode: str = "zeros") -> np.ndarray:
    """One output channel's block of the Hessian, float64 (P×P, P = C_in·kh·kw [+1])."""
    cout, cin, kh, kw = kernel_shape
    g = gram(x, (kh, kw), stride=stride, padding=padding, dilation=dilation,
             padding_mode=padding_mode, bias=bias)
    scale = 1.0 if loss == "sse" else 1.0 / max(cout * g.n, 1)  # as descend's mean
    return 2.0 * scale * g.xtx


def of_hessian(h: np.ndarray) -> Stability:
    """The Hessian is 2·XᵀX, positive semi-definite: a λ_min of either sign
    below FLAT·λ_max is round-off, and is 0 (the window printed "λ_min =
    -2.132e-14" for the multiple-output lesson, which read as a bug)."""
    lam = np.linalg.eigvalsh(np.asarray(h, dtype=np.float64))
    high, low = float(lam[-1]), float(lam[0])
    return Stability(high, 0.0 if low <= FLAT * high else low)


def analyse(x, kernel_shape, **kwargs) -> Stability:
    """λ_max and λ_min of the loss's Hessian; arguments as :func:`hessian`."""
    return of_hessian(hessian(x, kernel_shape, **kwargs))


def of_problem(problem, loss: str) -> Stability:
    """For a :class:`convlab.model.learn_problem.Problem` and the loss ('sse' or 'mse')."""
    return analyse(problem.x, problem.weight.shape, loss=loss,
                   bias=problem.bias is not None, **problem.gram_kwargs())


def of_document(doc, loss: str, bias: bool = False) -> Stability:
    """For what the window shows: the document's input, kernel shape and geometry
    (the flip changes no eigenvalue: it only reorders the taps)."""
    g = doc.geometry
    return analyse(doc.image, doc.weight.shape, loss=loss, bias=bias, stride=g.stride,
                   padding=g.pad, dilation=g.dilation, padding_mode=g.mode)


class Memo:
    """The last readout, recomputed only when the input array, kernel shape,
    geometry, loss or bias change (a kernel edit or a learning step does not)."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._image = None
        self.value: Stability | None = None

    def of_document(self, doc, loss: str, bias: bool = False) -> Stability:
        k = key(doc, loss, bias)
        if self.value is None or k != self._key or doc.image is not self._image:
            self.value = of_document(doc, loss, bias)
            self._key, self._image = k, doc.image
        return self.value


# The sentences the window shows (context "Stability"); a ``tr`` argument translates
# them before the numbers are filled in (``convlab.qt.messages.translator("Stability")``).
SUMMARY_RATE = QT_TRANSLATE_NOOP("Stability", "Largest stable SGD rate: 2/λ_max = {rate} "
                                              "(λ_max = {high}, λ_min = {low}).")
SUMMARY_KAPPA = QT_TRANSLATE_NOOP("Stability", "Condition number κ = λ_max/λ_min = {kappa}.")
KAPPA_FLAT = QT_TRANSLATE_NOOP("Stability", "∞ (a flat direction: some kernels fit "
                                            "equally well)")
NOTE_SGD = QT_TRANSLATE_NOOP("Stability", "At best SGD shrinks the error by (κ−1)/(κ+1) = "
                                          "{contraction} a step (at rate {rate}), so about "
                                          "{steps} steps shrink it a millionfold.")
NOTE_MOMENTUM = QT_TRANSLATE_NOOP("Stability", "Momentum 0.9 is stable below 2(1+β)/λ_max = "
                                               "{rate} and needs about √κ times fewer steps.")
NOTE_MOMENTUM_FLAT = QT_TRANSLATE_NOOP("Stability", "Momentum 0.9 is stable below "
                                                    "2(1+β)/λ_max = {rate}.")  # no √κ to quote
NOTE_ADAM = QT_TRANSLATE_NOOP("Stability", "Adam divides each step by the gradient's running "
                                           "size, so no λ bounds it: its rate is roughly the "
                                           "distance a weight moves per step, and near the "
                                           "minimum it jitters by about that much.")
WARNING = QT_TRANSLATE_NOOP("Stability", "above {limit}: the loss will grow")
# The limit first: the banner above the views shows three lines of the message.
REASON_SGD = QT_TRANSLATE_NOOP("Stability", "Why: above 2/λ_max = {limit} each step multiplies "
                                            "the error along the loss's steepest direction by "
                                            "more than 1 (here |1 − rate·λ_max| = {factor}), so "
                                            "it grows. Try 1/λ_max = {safe}.")
REASON_MOMENTUM = QT_TRANSLATE_NOOP("Stability", "Why: with momentum 0.9 the error along the "
                                                 "loss's steepest direction grows for rates "
                                                 "above 2(1+β)/λ_max = {limit}; try {best}.")


def _same(text: str) -> str:
    return text


def factor_text(c: float) -> str:
    """A per-step factor a person can read: 0.6667, or 1 − 7e-05 when it is
    so close to 1 that four digits would round it to 1."""
    return f"{c:.4g}" if c < 0.9995 else f"(1 − {1 - c:.2g})"


def summary(s: Stability, tr: Callable[[str], str] = _same) -> str:
    """The sentences the Learn panel shows."""
    return "\n".join([tr(SUMMARY_RATE).format(rate=f"{s.stable_rate:.4g}",
                                              high=f"{s.lambda_max:.4g}",
                                              low=f"{s.lambda_min:.4g}"),
                      kappa_sentence(s, tr), notes(s, tr)])


def kappa_sentence(s: Stability, tr: Callable[[str], str] = _same) -> str:
    """"Condition number κ = λ_max/λ_min = …", ∞ explained as a flat direction."""
    k = s.condition
    return tr(SUMMARY_KAPPA).format(kappa=tr(KAPPA_FLAT) if math.isinf(k) else f"{k:.4g}")


def notes(s: Stability, tr: Callable[[str], str] = _same) -> str:
    """What κ means for the number of steps; what governs momentum and Adam."""
    lines = []
    if not math.isinf(s.condition):
        lines.append(tr(NOTE_SGD).format(contraction=factor_text(s.contraction),
                                         rate=f"{s.best_rate:.4g}",
                                         steps=f"{s.steps_to_shrink():.3g}"))
    momentum = NOTE_MOMENTUM_FLAT if math.isinf(s.condition) else NOTE_MOMENTUM
    lines.append(tr(momentum).format(rate=f"{s.momentum_rate(0.9):.4g}"))
    lines.append(tr(NOTE_ADAM))
    return "\n".join(lines)


def rate_limit(s: Stability, optimizer: str, momentum: float = 0.9) -> float:
    """The rate above which the loss grows (inf for Adam, which no λ bounds)."""
    if optimizer == "sgd":
        return s.stable_rate
    if optimizer == "momentum":
        return s.momentum_rate(momentum)
    return math.inf


def rate_warning(lr: float, s: Stability, optimizer: str = "sgd",
                 momentum: float = 0.9, tr: Callable[[str], str] = _same) -> str:
    """"above 0.19: the loss will grow" when ``lr`` exceeds the limit, else ""."""
    limit = rate_limit(s, optimizer, momentum)
    if lr > limit:
        return tr(WARNING).format(limit=f"{limit:.3g}")
    return ""


def divergence_reason(lr: float, s: Stability, optimizer: str = "sgd",
                      momentum: float = 0.9, tr: Callable[[str], str] = _same) -> str:
    """Why ``lr`` made the loss grow, with the rates that do not; "" when the
    curvature does not explain it (Adam, or a rate below the limit)."""
    limit = rate_limit(s, optimizer, momentum)
    if math.isinf(limit) or lr <= limit:
        return ""
    if optimizer == "momentum":
        return tr(REASON_MOMENTUM).format(limit=f"{limit:.3g}", best=f"{limit / 2:.3g}")
    # 1/λ_max, not the fastest rate 2/(λ_max + λ_min): with a large κ that
    # rounds to the limit itself, where the steepest direction barely shrinks.
    return tr(REASON_SGD).format(factor=_above_one(abs(1 - lr * s.lambda_max)),
                                 limit=f"{limit:.3g}", safe=f"{limit / 2:.3g}")


def _above_one(f: float) -> str:
    """``f`` (> 1) with the digits it takes not to read as 1: 1.008, not 1."""
    digits = 3
    while float(f"{f:.{digits}g}") <= 1 and digits < 12:
        digits += 1
    return f"{f:.{digits}g}"


def principal_axes(h2: np.ndarray, center, level: float):
    """The axes of the 2-weight loss ellipse ``½·dᵀH d = level`` around ``center``.

    Returns ``[(λ, (start, end)), ...]``, largest λ first; each segment is a pair
    of (w0, w1) points. The axis along eigenvalue λ has half-length √(2·level/λ):
    the steep axis is the short one.
    """
    lam, vec = np.linalg.eigh(np.asarray(h2, dtype=np.float64))
    c = np.asarray(center, dtype=np.float64).reshape(2)
    out = []
    for i in (1, 0):
        half = math.sqrt(2.0 * level / lam[i]) if lam[i] > 0 else math.inf
        d = vec[:, i] * half
        out.append((float(lam[i]), (c - d, c + d)))
    return out


def landscape_axes(problem, loss: str, span: float):
    """Axes for the Learn panel's landscape: centred on the best kernel, the long
    axis reaching ``span`` (the view's half-width) from the centre."""
    h = hessian(problem.x, problem.weight.shape, loss=loss, **problem.gram_kwargs())
    if h.shape != (2, 2):
        raise ValueError("the landscape has axes only for a kernel of exactly two weights")
    g = gram(problem.x, problem.weight.shape[2:], problem.target[:1],
             **problem.gram_kwargs())
    best = np.linalg.lstsq(g.xtx, g.xty[:, 0], rcond=None)[0]
    if problem.geometry.flip:  # the landscape's axes are the stored weights: reversed
        h, best = h[::-1, ::-1], best[::-1]
    lam_min = max(float(np.linalg.eigvalsh(h)[0]), 1e-300)
    return principal_axes(h, best, 0.5 * lam_min * span * span)


def key(doc, loss: str, bias: bool) -> tuple:
    """What the readout depends on (besides the input array itself, compared by
    identity): a kernel edit or a learning step changes none of it."""
    g = doc.geometry
    return (doc.weight.shape, g.pad, g.mode, g.stride, g.dilation, loss, bias)


def cost(doc) -> float:
    """Roughly the multiply-adds XᵀX takes: (C_in·kh·kw)²/2 per input pixel."""
    c, h, w = doc.image.shape
    p = c * doc.weight.shape[2] * doc.weight.shape[3]
    return 0.5 * p * p * h * w
