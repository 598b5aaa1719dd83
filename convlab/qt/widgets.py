"""Small helpers for building panels."""

from __future__ import annotations

import functools
import sys
import traceback
from contextlib import contextmanager

from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget


def spin(name: str, lo: int, hi: int, tip: str, value: int = 0) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(lo, hi)
    box.setValue(value)
    box.setToolTip(tip)
    box.setKeyboardTracking(False)
    return box


def dspin(name: str, tip: str, lo=-1e6, hi=1e6, decimals=4, step=0.1) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(lo, hi)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setToolTip(tip)
    box.setKeyboardTracking(False)
    return box


@contextmanager
def blocked(*widgets: QWidget):
    """Set widgets from the model without them reporting it as a user edit."""
    old = [w.blockSignals(True) for w in widgets]
    try:
        yield
    finally:
        for w, b in zip(widgets, old):
            w.blockSignals(b)


def guarded(method):
    """For Qt virtual overrides: an exception escaping into C++ during the event
    loop corrupted the interpreter (a crash, seen with PySide6 6.11). Print it
    and carry on instead."""

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except Exception:  # noqa: BLE001 - nothing may escape into C++
            traceback.print_exc(file=sys.stderr)
            return None

    return wrapper
