"""Makes the sample pair for “Target from image…”: pair_input.png and pair_target.png.

Run from the repository root: ``python resources/make_sample_pair.py``.

The target is the input convolved (cross-correlated, 'same' zero padding) by
``PAIR_KERNEL`` with ConvLab's own ``conv2d``. PNG stores 8 bits, so the pair is
built to be exact in 8 bits: the input's grey levels are multiples of 16 (16
levels, 0…240) and the kernel's weights are sixteenths that sum to 1, so every
target pixel is a whole number 0…240 and the PNG holds it without rounding.
A learner that reads both files recovers the kernel to rounding error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from convlab.model.pair import PAIR_KERNEL  # noqa: E402

SIDE = 128


def main() -> None:
    from PySide6.QtGui import QImage

    from convlab.core import conv2d
    from convlab.qt.image_io import load_image

    cam, _ = load_image(ROOT / "resources" / "camera.png")  # (1, 512, 512) in [0, 1]
    f = cam.shape[1] // SIDE
    small = cam[0].reshape(SIDE, f, SIDE, f).mean(axis=(1, 3))
    levels = np.clip(np.round(small * 255 / 16), 0, 15).astype(np.int64) * 16
    out = conv2d(levels[None].astype(np.float64), PAIR_KERNEL[None, None], padding="same")[0]
    target = np.round(out).astype(np.int64)
    assert np.abs(out - target).max() < 1e-9 and target.min() >= 0 and target.max() <= 255
    for name, a in (("pair_input.png", levels), ("pair_target.png", target)):
        data = np.ascontiguousarray(a.astype(np.uint8))
        img = QImage(data.data, SIDE, SIDE, SIDE, QImage.Format.Format_Grayscale8)
        assert img.save(str(ROOT / "resources" / name)), name


if __name__ == "__main__":
    main()
