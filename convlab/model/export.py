"""Writing arrays for other programs (Qt-free)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from convlab.model.parse import format_number


def save_npy(path: str | Path, a: np.ndarray) -> None:
    np.save(Path(path), np.asarray(a))


def kernel_csv(k: np.ndarray) -> str:
    """One kernel slice as CSV rows, exact to the last digit."""
    return "\n".join(",".join(repr(float(v)) for v in row) for row in np.asarray(k)) + "\n"


def save_kernel_csv(path: str | Path, k: np.ndarray) -> None:
    Path(path).write_text(kernel_csv(k), encoding="utf-8")


def describe(a: np.ndarray) -> str:
    lo, hi = float(np.nanmin(a)), float(np.nanmax(a))
    return f"{'×'.join(map(str, a.shape))}, values {format_number(lo)} to {format_number(hi)}"
