"""Writing arrays for other programs (Qt-free)."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def save_npy(path: str | Path, a: np.ndarray) -> None:
    np.save(Path(path), np.asarray(a))


def kernel_csv(k: np.ndarray) -> str:
    """One kernel slice as CSV rows, exact to the last digit."""
    return "\n".join(",".join(repr(float(v)) for v in row) for row in np.asarray(k)) + "\n"


def save_kernel_csv(path: str | Path, k: np.ndarray) -> None:
    Path(path).write_text(kernel_csv(k), encoding="utf-8")
