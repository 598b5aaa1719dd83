"""The Qt-free compute core: convolution, padding, pooling and gradients."""

from convlab.core.conv import Gradients, conv2d, conv2d_backward, corr2d, pad2d, pad_index
from convlab.core.geometry import PADDING_MODES, output_shape, resolve_padding
from convlab.core.pool import pool2d

__all__ = [
    "PADDING_MODES",
    "Gradients",
    "conv2d",
    "conv2d_backward",
    "corr2d",
    "output_shape",
    "pad2d",
    "pad_index",
    "pool2d",
    "resolve_padding",
]
