"""Sample inputs: the chapter's matrices, synthetic images and a photograph."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np

from convlab.model.translatable import QT_TRANSLATE_NOOP


def resource_dir() -> Path:
    """The bundled images and icons: the installed ``convlab.resources`` package,
    or the repository's ``resources/`` folder when run from a source tree."""
    try:
        return Path(str(resources.files("convlab.resources")))
    except ModuleNotFoundError:  # a source checkout on sys.path, not installed
        return Path(__file__).resolve().parents[2] / "resources"


RESOURCES = resource_dir()
# Keys are English (undo labels, image names); the window shows them translated, context "Samples".
PHOTOS = {QT_TRANSLATE_NOOP("Samples", "Photo: cat (colour)"): RESOURCES / "cat.png",
          QT_TRANSLATE_NOOP("Samples", "Photo: camera (grey)"): RESOURCES / "camera.png"}


def edge_image() -> np.ndarray:
    """The chapter's 6×8 image: white, with a black band in columns 2–5."""
    x = np.ones((6, 8))
    x[:, 2:6] = 0
    return x


def checkerboard(n: int = 64, cell: int = 8) -> np.ndarray:
    i, j = np.indices((n, n)) // cell
    return ((i + j) % 2).astype(float)


def shapes(n: int = 128) -> np.ndarray:
    y, x = np.indices((n, n)) / n
    img = np.zeros((n, n))
    img[(x - 0.3) ** 2 + (y - 0.35) ** 2 < 0.04] = 1.0  # disc
    img[(x > 0.55) & (x < 0.9) & (y > 0.15) & (y < 0.5)] = 0.6  # square
    tri = (y > 0.6) & (y < 0.92) & (np.abs(x - 0.5) < (y - 0.6) * 0.9)
    img[tri] = 0.8
    return img


def noise(n: int = 64, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).random((n, n))


def synthetic_channels(n: int = 64) -> np.ndarray:
    """Four unlike channels: shapes, a checkerboard, a ramp and noise."""
    ramp = np.tile(np.linspace(0, 1, n), (n, 1))
    return np.stack([shapes(n), checkerboard(n, 8), ramp, noise(n)])


SAMPLES = {
    QT_TRANSLATE_NOOP("Samples", "Chapter 3×3 arange"): lambda: np.arange(9.0).reshape(3, 3),
    QT_TRANSLATE_NOOP("Samples", "Chapter 6×8 edge image"): edge_image,
    QT_TRANSLATE_NOOP("Samples", "Chapter 4×4 arange"): lambda: np.arange(16.0).reshape(4, 4),
    QT_TRANSLATE_NOOP("Samples", "Checkerboard"): checkerboard,
    QT_TRANSLATE_NOOP("Samples", "Shapes"): shapes,
    QT_TRANSLATE_NOOP("Samples", "Noise"): noise,
    QT_TRANSLATE_NOOP("Samples", "Chapter 2-channel input"):
        lambda: np.stack([np.arange(9.0).reshape(3, 3), np.arange(1.0, 10.0).reshape(3, 3)]),
    QT_TRANSLATE_NOOP("Samples", "Synthetic 4 channels"): synthetic_channels,
}
