"""What the app settles before it imports Numba: where compiled kernels are cached."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import convlab


def _writable(folder: Path) -> bool:
    """Numba's own test: the folder can be made and a file written in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=folder).close()
        return True
    except OSError:
        return False


def _user_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(base) / "numba"


def ensure_numba_cache() -> str | None:
    """Give Numba a cache folder it can write, or it refuses to import the core.

    Numba caches beside the source (``convlab/core/__pycache__``), else in
    ``~/.cache/numba``. A wheel in a root-owned environment run by a user with
    no writable home has neither; then use a per-user temporary folder.
    Returns the folder set in ``NUMBA_CACHE_DIR``, or None when Numba's own
    choice works (or the user already chose one).
    """
    if os.environ.get("NUMBA_CACHE_DIR"):
        return None
    in_tree = Path(convlab.__file__).parent / "core" / "__pycache__"
    if _writable(in_tree) or _writable(_user_cache()):
        return None
    folder = Path(tempfile.gettempdir()) / f"convlab-numba-cache-{os.getuid()}"
    os.environ["NUMBA_CACHE_DIR"] = str(folder)
    return str(folder)
