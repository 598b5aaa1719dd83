"""What the window shows for a Document: padded input, output, pooled output."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Callable

import numpy as np

from convlab.core import conv2d, pad2d, pool2d
from convlab.core.geometry import axis_size, output_size, span
from convlab.model.document import Document
from convlab.model.translatable import QT_TRANSLATE_NOOP

NO_PADDING = (0, 0, 0, 0)


@dataclass(frozen=True)
class Frame:
    """Everything computed for one Document: what the three views show.

    "Frame" means this in ConvLab. Two other things share the word: a
    ``player.PlayerFrame`` is one position of the sliding window, and an
    animation frame (``model/animation.py``) is one picture of an exported GIF
    or APNG. A Frame may lag the Document by one edit (it is computed off the
    GUI thread), so read its channels with ``Document.out_channel(count)``.
    """

    padded: np.ndarray | None = None
    output: np.ndarray | None = None
    pooled: np.ndarray | None = None
    error: str = ""  # why the current settings cannot be computed
    pool_error: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """There is an output to show (no error, and computed at all)."""
        return not self.error and self.output is not None


SMALL = 65_536  # inputs up to this many values are computed in float64


def compute(doc: Document) -> Frame:
    """Pad, convolve and pool; invalid settings give a Frame with ``error`` set.

    The padded array the view shows is the one convolved (with no further
    padding: ``NO_PADDING``), so the two can never disagree.
    """
    t0 = time.perf_counter()
    g = doc.geometry
    dtype = np.float64 if doc.image.size <= SMALL else np.float32
    x = doc.image.astype(dtype, copy=False)
    try:
        padded = _padded(doc.image, x, g)
        with np.errstate(all="ignore"):
            out = conv2d(padded, doc.weight.astype(dtype), doc.bias.astype(dtype),
                         **replace(g, pad=NO_PADDING).conv_kwargs())
    except ValueError as exc:
        return Frame(error=_sentence(exc), seconds=time.perf_counter() - t0)
    pooled, pool_error = _pool(out, doc)
    return Frame(padded, out, pooled, "", pool_error, time.perf_counter() - t0)


# (image, settings, padded): kernel edits reuse the padded input. Holding the
# image itself (not its id) means a new array can never be mistaken for it; the
# entry is one tuple, read and replaced whole, because the GUI and the compute
# thread both call compute().
_last_pad: list = [(None, None, None)]


def _padded(image: np.ndarray, x: np.ndarray, g) -> np.ndarray:
    key = (x.dtype, g.pad, g.mode)
    cached_image, cached_key, cached = _last_pad[0]
    if cached_image is image and cached_key == key:
        return cached
    padded = pad2d(x, g.pad, g.mode)
    padded.flags.writeable = False
    _last_pad[0] = (image, key, padded)
    return padded


def work(doc: Document) -> int:
    """Multiply-adds the convolution needs (0 when the settings are invalid)."""
    co, ci, kh, kw = doc.weight.shape
    ho, wo = _out_hw(doc)
    return ho * wo * co * ci * kh * kw


def _pool(out: np.ndarray, doc: Document) -> tuple[np.ndarray | None, str]:
    p = doc.pooling
    if not p.enabled:
        return None, ""
    try:
        return pool2d(out, p.window, stride=p.stride, padding=p.pad, mode=p.mode), ""
    except ValueError as exc:
        return None, _sentence(exc)


def _sentence(exc: Exception) -> str:
    text = str(exc)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def axis_formula(n: int, p: int, k: int, d: int, s: int) -> str:
    """The chapter's ``⌊(n + p − k + s) / s⌋`` with this axis's numbers."""
    eff = span(k, d)
    return f"⌊({n} + {p} − {eff} + {s}) / {s}⌋ = {axis_size(n, k, s, d, p)}"


# The shape label's templates (context "Shape"): the window passes a ``tr`` that
# translates them (``convlab.qt.messages.translator("Shape")``); numbers and formulas
# are filled in after translation.
SHAPE_LINE = QT_TRANSLATE_NOOP("Shape", "height: {rows}    width: {cols}")
SHAPE_LINE_NOTE = QT_TRANSLATE_NOOP("Shape", "height: {rows}    width: {cols}  ({note})")
DILATION_NOTE = QT_TRANSLATE_NOOP("Shape", "a {kh}×{kw} kernel with dilation {dy}×{dx} "
                                           "spans {eh}×{ew}")
POOL_LINES = {"max": QT_TRANSLATE_NOOP("Shape", "pooling max {wh}×{ww}:  height: {rows}    "
                                                "width: {cols}"),
              "avg": QT_TRANSLATE_NOOP("Shape", "pooling avg {wh}×{ww}:  height: {rows}    "
                                                "width: {cols}")}


def _same(text: str) -> str:
    return text


def shape_text(doc: Document, tr: Callable[[str], str] = _same) -> str:
    """Two lines, rows then columns, each with the formula and the result (and a
    third for the pooling stage); ``tr`` translates the templates above."""
    g, (_, h, w) = doc.geometry, doc.image.shape
    kh, kw = doc.kernel_hw
    t, b, l, r = g.pad
    rows = axis_formula(h, t + b, kh, g.dilation[0], g.stride[0])
    cols = axis_formula(w, l + r, kw, g.dilation[1], g.stride[1])
    if g.dilation != (1, 1):
        note = tr(DILATION_NOTE).format(kh=kh, kw=kw, dy=g.dilation[0], dx=g.dilation[1],
                                        eh=span(kh, g.dilation[0]), ew=span(kw, g.dilation[1]))
        text = tr(SHAPE_LINE_NOTE).format(rows=rows, cols=cols, note=note)
    else:
        text = tr(SHAPE_LINE).format(rows=rows, cols=cols)
    p = doc.pooling
    if p.enabled:
        out_h, out_w = _out_hw(doc)
        (sh, sw), (pt, pb, pl, pr) = p.stride or p.window, p.pad
        line = POOL_LINES.get(p.mode, POOL_LINES["max"].replace("max", p.mode, 1))
        text += "\n" + tr(line).format(
            wh=p.window[0], ww=p.window[1],
            rows=axis_formula(out_h, pt + pb, p.window[0], 1, sh),
            cols=axis_formula(out_w, pl + pr, p.window[1], 1, sw))
    return text


def _out_hw(doc: Document) -> tuple[int, int]:
    """The convolution's output size; 0 along an axis the kernel does not fit."""
    g = doc.geometry
    return output_size(doc.image.shape[1:], doc.kernel_hw, stride=g.stride, padding=g.pad,
                       dilation=g.dilation).hw
