"""The Qt-free compute core: convolution, padding, pooling and gradients."""

# ``jit``: the decorator every Numba kernel of ConvLab shares (cache, nogil, the
# NaN-safe fastmath set), public for kernels outside the core (model/animation.py).
from convlab.core._jit import jit
from convlab.core.conv import Gradients, conv2d, conv2d_backward, corr2d, pad2d, pad_index
from convlab.core.geometry import PADDING_MODES, output_shape, output_size, resolve_padding
from convlab.core.pool import pool2d

__all__ = [
    "PADDING_MODES",
    "Gradients",
    "conv2d",
    "conv2d_backward",
    "corr2d",
    "jit",
    "output_shape",
    "output_size",
    "pad2d",
    "pad_index",
    "pool2d",
    "resolve_padding",
]
