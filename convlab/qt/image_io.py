"""Reading images through Qt, refusing bad files with a sentence, never a traceback."""

from __future__ import annotations

import errno
import stat
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from convlab.model.limits import DECODE_BUDGET_MB, MAX_SIDE

_IMAGES = "*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.gif *.webp"
IMAGE_FILTER = f"Images ({_IMAGES});;All files (*)"
OPEN_FILTER = (f"Images and sessions (*.convlab {_IMAGES});;ConvLab sessions (*.convlab);;"
               + IMAGE_FILTER)


def open_filter() -> str:
    """``OPEN_FILTER`` in the window's language (the patterns are never translated)."""
    translate = QCoreApplication.translate  # the name lupdate looks for
    return ";;".join((
        translate("ImageIO", "Images and sessions ({patterns})").format(
            patterns=f"*.convlab {_IMAGES}"),
        translate("ImageIO", "ConvLab sessions ({patterns})").format(patterns="*.convlab"),
        translate("ImageIO", "Images ({patterns})").format(patterns=_IMAGES),
        translate("ImageIO", "All files ({patterns})").format(patterns="*")))


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


def regular_file(path: str | Path) -> Path:
    """``path`` if it is an ordinary, non-empty file; anything else (missing, a
    folder, a FIFO or a device, a name too long) is refused before it is read."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise ValueError(f"“{_name(path)}” does not exist or is not a file") from None
        raise ValueError(f"“{_name(path)}” cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ValueError(f"“{_name(path)}” is a folder, not an image")
    if not stat.S_ISREG(info.st_mode):
        raise ValueError(f"“{_name(path)}” is not an ordinary file (a FIFO or a device?)")
    if info.st_size == 0:
        raise ValueError(f"“{_name(path)}” is empty (0 bytes)")
    return path


def header_pixels(path: str | Path) -> int:
    """Pixels the file says it has (0 when unknown or not an ordinary file),
    without decoding it."""
    try:
        regular_file(path)
    except ValueError:
        return 0
    size = QImageReader(str(path)).size()
    return size.width() * size.height() if size.isValid() else 0


def scaled_size(w: int, h: int, side: int = MAX_SIDE) -> tuple[int, int]:
    """(w, h) shrunk to fit ``side``×``side``, keeping the aspect ratio; a side is
    never below 1 px (a 5000×1 image becomes 2048×1, not 2048×0)."""
    f = min(1.0, side / max(w, h))
    return max(1, min(side, round(w * f))), max(1, min(side, round(h * f)))


def decode_bytes(reader: QImageReader, size: QSize, target: tuple[int, int]) -> int:
    """Bytes the decoder will allocate: the target size when the format can
    decode scaled (JPEG), otherwise the full size, scaled afterwards (PNG)."""
    if reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize):
        return 4 * target[0] * target[1]
    return 4 * size.width() * size.height()


def prepare(path: str | Path) -> tuple[QImageReader, str]:
    """A reader set up to decode ``path`` within the budget, and the note to show.

    Everything is checked from the file's header, before anything is decoded:
    the file is ordinary, Qt can read it, and the memory the decoder will take
    (DECODE_BUDGET_MB at most). Raises ValueError with a sentence otherwise.
    """
    path = regular_file(path)
    QImageReader.setAllocationLimit(DECODE_BUDGET_MB)  # Qt's own guard, for lying headers
    reader = QImageReader(str(path))
    size = reader.size()  # from the header: nothing is decoded yet
    if not reader.canRead():
        kind = bytes(QImageReader.imageFormat(str(path))).decode().upper()
        if kind:  # an image's signature, then a header Qt's decoder refused
            raise ValueError(f"“{_name(path)}” starts like a {kind} image but its header "
                             "could not be read (a corrupt or truncated file?)")
        raise ValueError(f"“{_name(path)}” is not an image Qt can read ({reader.errorString()})")
    if not (size.isValid() and size.width() > 0 and size.height() > 0):
        return reader, ""
    w, h = size.width(), size.height()
    target = scaled_size(w, h)
    need = decode_bytes(reader, size, target)
    if need > DECODE_BUDGET_MB * 2**20:
        raise ValueError(
            f"“{_name(path)}” is {w}×{h}, too large to open: decoding it would take "
            f"{need / 2**20:,.0f} MB, more than the {DECODE_BUDGET_MB} MB ConvLab allows for "
            f"one image (save it at most {MAX_SIDE}×{MAX_SIDE}, or as JPEG, and open it again)")
    if target == (w, h):
        return reader, ""
    reader.setScaledSize(QSize(*target))
    # Height × width, as the views and the status bar give sizes (it said
    # 2048×1365 where the views said 1365×2048).
    return reader, (f"“{_name(path)}” is {h}×{w} (height × width); it was scaled to "
                    f"{target[1]}×{target[0]} to keep the window interactive")


def load_image(path: str | Path) -> tuple[np.ndarray, str]:
    """The image as (C, H, W) and a note for the user (empty, or why it was scaled).

    Memory stays within DECODE_BUDGET_MB (see ``prepare``).
    """
    reader, note = prepare(path)
    img = reader.read()
    if img.isNull():
        raise ValueError(f"“{_name(Path(path))}” could not be decoded: {reader.errorString()} "
                         "(a corrupt or truncated file?)")
    if max(img.width(), img.height()) > MAX_SIDE:  # no size in the header: scale now
        img = img.scaled(*scaled_size(img.width(), img.height()),
                         Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    return qimage_to_array(img), note


def _name(path: Path) -> str:
    name = path.name
    return name if len(name) <= 80 else name[:77] + "…"
