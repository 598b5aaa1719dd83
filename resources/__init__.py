"""Bundled images and icons, installed as ``convlab.resources``."""
