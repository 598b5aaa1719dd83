"""Qt widgets of ConvLab. Only this package (and convlab.app) imports Qt."""
