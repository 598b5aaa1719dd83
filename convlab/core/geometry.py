"""Argument checking and shape arithmetic, in the chapter's terms."""

from __future__ import annotations

import math
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


def _named_padding(padding, in_hw, kernel_hw, stride, dilation):
    if padding == "valid":
        return (0, 0, 0, 0)
    if padding == "same":
        (sh, sw), (dh, dw) = pair(stride, "stride"), pair(dilation, "dilation")
        return same_padding(in_hw[0], kernel_hw[0], sh, dh) + same_padding(
            in_hw[1], kernel_hw[1], sw, dw
        )
    raise ValueError(f"padding {padding!r} is not known; use 'valid', 'same' or numbers")


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
