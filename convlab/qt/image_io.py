"""Reading images through Qt, refusing bad files with a sentence, never a traceback."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

MAX_SIDE = 2048  # larger images are scaled down while decoding
MAX_PIXELS = 400_000_000  # beyond this the file is refused outright

_IMAGES = "*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.gif *.webp"
IMAGE_FILTER = f"Images ({_IMAGES});;All files (*)"
OPEN_FILTER = (f"Images and sessions (*.convlab {_IMAGES});;ConvLab sessions (*.convlab);;"
               + IMAGE_FILTER)


def qimage_rgb(img: QImage) -> np.ndarray:
    """The image's pixels as an (H, W, 3) uint8 array (a copy)."""
    img = img.convertToFormat(QImage.Format.Format_RGB888)
    h, w, bpl = img.height(), img.width(), img.bytesPerLine()
    raw = np.frombuffer(img.constBits(), np.uint8, count=bpl * h).reshape(h, bpl)
    return raw[:, : w * 3].reshape(h, w, 3).copy()


def qimage_to_array(img: QImage) -> np.ndarray:
    """(C, H, W) floats in [0, 1]; C is 1 for grey images, 3 for colour."""
    rgb = qimage_rgb(img).astype(np.float64) / 255.0
    if np.array_equal(rgb[..., 0], rgb[..., 1]) and np.array_equal(rgb[..., 1], rgb[..., 2]):
        return rgb[None, :, :, 0].copy()
    return np.ascontiguousarray(np.moveaxis(rgb, -1, 0))


def header_pixels(path: str | Path) -> int:
    """Pixels the file says it has (0 when unknown), without decoding it."""
    size = QImageReader(str(path)).size()
    return size.width() * size.height() if size.isValid() else 0


def load_image(path: str | Path) -> tuple[np.ndarray, str]:
    """The image as (C, H, W) and a note for the user (empty, or why it was scaled)."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"“{path.name}” does not exist or is not a file")
    if path.stat().st_size == 0:
        raise ValueError(f"“{path.name}” is empty (0 bytes)")
    # Qt refuses to decode above 256 MB even when scaling down while decoding;
    # MAX_PIXELS below is the guard that matters.
    QImageReader.setAllocationLimit(2048)
    reader = QImageReader(str(path))
    size = reader.size()  # from the header: nothing is decoded yet
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise ValueError(f"“{path.name}” is {size.width()}×{size.height()}, too large to open")
    if not reader.canRead():
        raise ValueError(f"“{path.name}” is not an image Qt can read ({reader.errorString()})")
    note = ""
    if size.isValid() and max(size.width(), size.height()) > MAX_SIDE:
        scaled = size.scaled(QSize(MAX_SIDE, MAX_SIDE), Qt.AspectRatioMode.KeepAspectRatio)
        reader.setScaledSize(scaled)
        note = (f"“{path.name}” is {size.width()}×{size.height()}; it was scaled to "
                f"{scaled.width()}×{scaled.height()} to keep the window interactive")
    img = reader.read()
    if img.isNull():
        raise ValueError(f"“{path.name}” could not be decoded: {reader.errorString()} "
                         "(a corrupt or truncated file?)")
    return qimage_to_array(img), note

