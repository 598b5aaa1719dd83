"""What counts as "left in English" on screen, for the translation tests.

A visible text fails when it holds an ASCII word that is not allowed: single
letters (formula symbols such as n, p, k, s, h, w), subscripted symbols (k_h),
symbols with digits (c4, x2), proper names and units in ``ALLOWED``, and
anything quoted (“camera.png”, 'valid'), which is a file name or code.
"""

from __future__ import annotations

import re

ALLOWED = frozenset("""
    ConvLab NumPy numpy PyTorch torch Keras TensorFlow tf Python Numba Qt PySide6 pyqtgraph
    PNG JPEG JPG BMP TIFF GIF MP4 CSV JSON npy npz convlab
    SGD Adam MSE SSE sse mse ReLU NaN inf Sobel Prewitt Laplacian Gaussian
    corr2d conv2d pool2d Conv2d Conv2D nn F lr
    ms px MB KB GB fps dpi Hz
    zh_CN en English RGB APNG dx dy
    DFT FFT fx fy conv matmul arange
    Ctrl Delete FIFO
""".split())

_QUOTED = re.compile(r"“[^”]*”|'[^']*'|\"[^\"]*\"|`[^`]*`")
_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")
_TAGS = re.compile(r"<[^>]+>|&\w+;")
# A word starts after no letter, digit or "_" (so λ_max's subscript is no word).
_WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9_]*")
_SYMBOL = re.compile(r"[A-Za-z]$|[A-Za-z]_[A-Za-z0-9]+$|[A-Za-z]\d+$")


def english_words(text: str) -> list[str]:
    """The ASCII words of ``text`` a Chinese reader should not have to read."""
    # Tags and entities (&nbsp;) first, or the mnemonic rule would leave "nbsp;".
    text = _MNEMONIC.sub("", _TAGS.sub(" ", _QUOTED.sub(" ", text or "")))
    return [w for w in _WORD.findall(text) if w not in ALLOWED and not _SYMBOL.match(w)]


def untranslated(text: str) -> bool:
    return bool(english_words(text))
