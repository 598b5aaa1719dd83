"""Turning what people type or paste into numbers, with a clear error otherwise."""

from __future__ import annotations

import math
import re

import numpy as np

from convlab.model.limits import MAX_PASTE_CHARS, LimitError, check_number

_SPLIT = re.compile(r"[,\t; ]+")


def parse_number(text: str) -> float:
    """A finite number from a cell's text; ``ValueError`` says why not."""
    t = str(text).strip().replace("−", "-")
    if not t:
        return 0.0
    try:
        v = float(t)
    except ValueError:
        raise ValueError(f"“{_short(t)}” is not a number; type a number such as 0.5 or -1") from None
    if not math.isfinite(v):
        raise ValueError(
            f"“{_short(t)}” is not a finite number; cells hold ordinary numbers "
            "(not NaN or infinity)"
        )
    try:
        return check_number(v, f"“{_short(t)}”")
    except LimitError as exc:
        raise ValueError(str(exc)) from None


def parse_matrix(text: str, max_rows: int = 64, max_cols: int = 64) -> np.ndarray:
    """A 2-D block of numbers separated by spaces, commas, semicolons or tabs.

    Brackets are ignored, so ``[[1, 2], [3, 4]]`` works too. Text longer than
    MAX_PASTE_CHARS is refused before it is read, so a huge paste never blocks.
    """
    if len(text) > MAX_PASTE_CHARS:
        raise ValueError(f"the pasted text is {len(text):,} characters long; ConvLab reads "
                         f"up to {MAX_PASTE_CHARS:,} (a block of at most {max_rows}×{max_cols} "
                         "numbers)")
    text = str(text).replace("],", "]\n")
    lines = [ln for ln in (re.sub(r"[\[\]()]", " ", x).strip() for x in text.splitlines()) if ln]
    if not lines:
        raise ValueError("there are no numbers to paste")
    rows = [[parse_number(c) for c in _SPLIT.split(ln) if c] for ln in lines]
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        raise ValueError(f"the pasted rows have different lengths ({sorted(widths)}); "
                         "paste a rectangular block of numbers")
    if len(rows) > max_rows or len(rows[0]) > max_cols:
        raise ValueError(f"the pasted block is {len(rows)}×{len(rows[0])}, larger than "
                         f"{max_rows}×{max_cols}")
    return np.array(rows, dtype=float)


def format_number(v: float) -> str:
    """Short, exact where it can be: 1, -0.5, 0.1111."""
    if v != v or math.isinf(v):
        return str(v)
    if v == int(v) and abs(v) < 1e6:
        return str(int(v))
    if abs(v) < 1e-3:  # 0.000996, -8e-05, 1.23e-05 (was "1e-03" for 0.000996)
        text = f"{v:.3g}"  # ``number_forms`` has shorter ones for a narrow cell
        return text if float(text) == v else f"{v:#.3g}"  # 0.00099951: 0.00100, not 0.001
    digits = 3 if abs(v) < 1 else 4
    text = f"{v:.{digits}g}"
    # never a false whole number: a learned 0.99996 read "1", 1234.5 "1234",
    # 99999.5 "1e+05", 9999999 "1e+07"
    while _reads_whole(text) and float(text) != v and digits < 17:
        digits += 1
        text = f"{v:.{digits}g}"
    return text


def _reads_whole(text: str) -> bool:
    """Whether ``text`` reads as a whole number: "1", "-12", "1e+05" (not
    "1.235e+05", whose digits say it is rounded)."""
    return re.fullmatch(r"-?\d+(e[+-]?\d+)?", text) is not None


def number_forms(v: float) -> list[str]:
    """``format_number(v)``, then shorter forms of it for a narrow cell, each
    shorter than the one before: exponents without "+" and leading zeros,
    then 3 and 2 significant digits (123456.789: 1.235e+05, 1.235e5, 1.23e5, 1.2e5;
    under 0.001 also two digits as an exponent: 0.00046, 4.6e-4).
    A form that would read as a whole number is left out (10.5 never becomes
    "10", nor 1.006 "1": that is 1.0)."""
    first = format_number(v)
    forms = [first]
    if v != v or math.isinf(v) or (v == int(v) and abs(v) < 1e6):
        return forms
    small = [f"{v:.1e}"] if abs(v) < 1e-3 else []  # -4.6e-4 for -0.00046 (7 → 6 chars)
    for text in (first, f"{v:#.3g}", f"{v:#.2g}", *small):
        text = re.sub(r"e([+-])0*(\d)", lambda m: "e" + m[1].replace("+", "") + m[2], text)
        if not text.endswith(".") and len(text) < len(forms[-1]):
            forms.append(text)
    return forms


def format_factor(v: float) -> str:
    """A number as a factor of a product: a negative one in parentheses, so
    0×(-1) never reads 0×-1 (the details panel and the player alike)."""
    text = format_number(v)
    return f"({text})" if text.startswith("-") else text


def _short(t: str) -> str:
    return t if len(t) <= 24 else t[:21] + "…"
