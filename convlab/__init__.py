"""ConvLab: a desktop playground for 2-D convolution."""

__version__ = "0.1.0"
