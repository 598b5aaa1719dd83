"""Application state, Qt-free: an immutable Document and what it computes."""

from convlab.model.compute import Frame, compute
from convlab.model.document import Document, Geometry, Pooling

__all__ = ["Document", "Frame", "Geometry", "Pooling", "compute"]
