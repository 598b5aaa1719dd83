"""Argument checking and shape arithmetic, in the chapter's terms.

The one home of the geometry of a sliding window: padding resolution
(numbers, "valid", "same", "full"), the output size (raising, for the
convolution, or not, for the shape label), and the taps (which padded cells an
output reads; which outputs read a padded cell). Everything else asks here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence, Union

Padding = Union[int, str, Sequence[int]]
PADDING_MODES = ("zeros", "reflect", "replicate", "circular")


def pair(value: int | Sequence[int], name: str) -> tuple[int, int]:
    """``value`` as ``(h, w)``; ``name`` is used in the error message."""
    if isinstance(value, (int,)) or hasattr(value, "__index__"):
        h = w = int(value)
    else:
        vals = tuple(int(v) for v in value)
        if len(vals) != 2:
            raise ValueError(f"{name} takes one number or a pair (h, w); got {value!r}")
        h, w = vals
    if h < 1 or w < 1:
        raise ValueError(
            f"{name} must be at least 1 in each direction (got {h}×{w}); "
            f"{name} 1 means the window moves one pixel at a time"
        )
    return h, w


def same_padding(n: int, k: int, s: int, d: int) -> tuple[int, int]:
    """Keras 'same': output ceil(n / s); an odd extra row goes after."""
    total = max((math.ceil(n / s) - 1) * s + d * (k - 1) + 1 - n, 0)
    return total // 2, total - total // 2


def resolve_padding(
    padding: Padding,
    in_hw: Sequence[int],
    kernel_hw: Sequence[int],
    stride: int | Sequence[int] = 1,
    dilation: int | Sequence[int] = 1,
) -> tuple[int, int, int, int]:
    """Any accepted padding form as ``(top, bottom, left, right)``."""
    if isinstance(padding, str):
        return _named_padding(padding, in_hw, kernel_hw, stride, dilation)
    if isinstance(padding, int) or hasattr(padding, "__index__"):
        sides = (int(padding),) * 4
    else:
        vals = tuple(int(p) for p in padding)
        if len(vals) == 2:
            sides = (vals[0], vals[0], vals[1], vals[1])
        elif len(vals) == 4:
            sides = vals
        else:
            raise ValueError(
                "padding takes one number, (rows, columns) or "
                f"(top, bottom, left, right); got {padding!r}"
            )
    if min(sides) < 0:
        raise ValueError(
            f"padding cannot be negative (got {sides}); use 0 for no padding"
        )
    return sides  # type: ignore[return-value]


def full_padding(k: int, d: int) -> tuple[int, int]:
    """'full': every overlap of kernel and input, ``span − 1`` on both sides."""
    return span(k, d) - 1, span(k, d) - 1


def _named_padding(padding, in_hw, kernel_hw, stride, dilation):
    if padding == "valid":
        return (0, 0, 0, 0)
    if padding == "same":
        (sh, sw), (dh, dw) = pair(stride, "stride"), pair(dilation, "dilation")
        return same_padding(in_hw[0], kernel_hw[0], sh, dh) + same_padding(
            in_hw[1], kernel_hw[1], sw, dw
        )
    if padding == "full":
        dh, dw = pair(dilation, "dilation")
        return full_padding(kernel_hw[0], dh) + full_padding(kernel_hw[1], dw)
    raise ValueError(
        f"padding {padding!r} is not known; use 'valid', 'same', 'full' or numbers"
    )


def check_mode(mode: str) -> str:
    if mode not in PADDING_MODES:
        raise ValueError(
            f"padding mode {mode!r} is not known; choose one of {', '.join(PADDING_MODES)}"
        )
    return mode


def check_reflect(in_hw: Sequence[int], sides: Sequence[int]) -> None:
    """Reflect padding mirrors the input without its edge, so it must be narrower."""
    names = ("top", "bottom", "left", "right")
    for name, p, n in zip(names, sides, (in_hw[0], in_hw[0], in_hw[1], in_hw[1])):
        if p >= n:
            axis = "rows" if name in ("top", "bottom") else "columns"
            raise ValueError(
                f"reflect padding of {p} on the {name} needs more than {p} {axis} "
                f"of input, but there are {n}; use at most {n - 1} or choose "
                "replicate or zeros padding"
            )


def span(k: int, d: int) -> int:
    """How many input cells a kernel of size ``k`` covers with dilation ``d``."""
    return d * (k - 1) + 1


def axis_size(n: int, k: int, s: int = 1, d: int = 1, p: int = 0) -> int:
    """Outputs along one axis: ``⌊(n + p − d(k−1) − 1) / s⌋ + 1``, or 0 when the
    kernel's span is wider than the padded input (never raises).

    ``n`` input cells, ``p`` padding on both sides together, kernel size ``k``,
    stride ``s``, dilation ``d``.
    """
    return max((n + p - span(k, d)) // s + 1, 0)


@dataclass(frozen=True)
class OutputSize:
    """What ``output_size`` found: rows and columns (each 0 along an axis the
    kernel does not fit), and ``reason``, the sentence ``output_shape`` would
    raise, when there is no output."""

    rows: int
    cols: int
    reason: str = ""

    @property
    def ok(self) -> bool:
        return not self.reason

    @property
    def hw(self) -> tuple[int, int]:
        return self.rows, self.cols


def output_size(
    in_hw: Sequence[int],
    kernel_hw: Sequence[int],
    *,
    stride: int | Sequence[int] = 1,
    padding: Padding = 0,
    dilation: int | Sequence[int] = 1,
) -> OutputSize:
    """``output_shape`` that never raises: invalid settings come back as
    ``OutputSize`` with the reason (and 0 along every axis it cannot size)."""
    try:
        s, d = pair(stride, "stride"), pair(dilation, "dilation")
        k = pair(kernel_hw, "kernel size")
        t, b, l, r = resolve_padding(padding, in_hw, k, s, d)
    except ValueError as exc:
        return OutputSize(0, 0, str(exc))
    rows = axis_size(in_hw[0], k[0], s[0], d[0], t + b)
    cols = axis_size(in_hw[1], k[1], s[1], d[1], l + r)
    if rows and cols:
        return OutputSize(rows, cols)
    eh, ew = span(k[0], d[0]), span(k[1], d[1])
    ph, pw = in_hw[0] + t + b, in_hw[1] + l + r
    return OutputSize(rows, cols, _empty_message(*k, *d, eh, ew, ph, pw))


def output_shape(
    in_hw: Sequence[int],
    kernel_hw: Sequence[int],
    *,
    stride: int | Sequence[int] = 1,
    padding: Padding = 0,
    dilation: int | Sequence[int] = 1,
) -> tuple[int, int]:
    """``(Ho, Wo)`` by the chapter's formula ``⌊(n + p − d(k−1) − 1) / s⌋ + 1``."""
    s, d = pair(stride, "stride"), pair(dilation, "dilation")
    k = pair(kernel_hw, "kernel size")
    return checked_output_hw(in_hw, k, s, d, resolve_padding(padding, in_hw, k, s, d))


def checked_output_hw(in_hw, kernel_hw, stride, dilation, sides) -> tuple[int, int]:
    """``output_shape`` for arguments already parsed (the hot path of conv2d)."""
    (kh, kw), (sh, sw), (dh, dw) = kernel_hw, stride, dilation
    ph, pw = in_hw[0] + sides[0] + sides[1], in_hw[1] + sides[2] + sides[3]
    eh, ew = dh * (kh - 1) + 1, dw * (kw - 1) + 1
    if eh > ph or ew > pw:
        raise ValueError(_empty_message(kh, kw, dh, dw, eh, ew, ph, pw))
    return (ph - eh) // sh + 1, (pw - ew) // sw + 1


def _empty_message(kh, kw, dh, dw, eh, ew, ph, pw) -> str:
    dil = f" with dilation {dh}×{dw}" if (dh, dw) != (1, 1) else ""
    dil = f" with dilation {dh}" if dh == dw and dh != 1 else dil
    spans = f"spans {eh}×{ew}{dil}" if dil else f"is {kh}×{kw}"
    return (
        f"the kernel {spans} but the padded input is {ph}×{pw}, so the output "
        "would be empty; add padding or shrink the kernel"
        + (" or its dilation" if dil else "")
    )


def axis_taps(i: int, k: int, s: int = 1, d: int = 1) -> list[int]:
    """Padded-input positions along one axis that output ``i`` reads, in kernel order."""
    return [i * s + a * d for a in range(k)]


def tap_cells(
    i: int, j: int, kernel_hw: Sequence[int], stride: Sequence[int] = (1, 1),
    dilation: Sequence[int] = (1, 1),
) -> list[tuple[int, int]]:
    """Padded-input cells ``(row, col)`` that output ``(i, j)`` reads, in
    kernel (row-major) order: ``(i·s + a·d, j·s + b·d)``."""
    rows = axis_taps(i, kernel_hw[0], stride[0], dilation[0])
    cols = axis_taps(j, kernel_hw[1], stride[1], dilation[1])
    return [(r, c) for r in rows for c in cols]


def axis_readers(p: int, k: int, s: int, d: int, n_out: int) -> list[int]:
    """Outputs along one axis (of ``n_out``) whose window reads padded position
    ``p``, in increasing order: the inverse of ``axis_taps``."""
    found = set()
    for a in range(k):
        q = p - a * d
        if q >= 0 and q % s == 0 and q // s < n_out:
            found.add(q // s)
    return sorted(found)
