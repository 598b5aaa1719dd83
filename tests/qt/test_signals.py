"""PySide6 6.12.0 on CPython 3.11 dropped a reference to None on every signal
emission and event-loop pass, and aborted after a few thousand ("none_dealloc").
The dependency pins exclude it; this test would catch such a release again."""

import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal


class Emitter(QObject):
    fired = Signal(int)


def test_signals_and_event_loop_passes_keep_none_alive(qtbot):
    e = Emitter()
    seen = []
    e.fired.connect(lambda v: seen.append(v) if v == 0 else None)
    before = sys.getrefcount(None)
    n = 30_000
    for i in range(n):
        e.fired.emit(i)
        QCoreApplication.processEvents()
    drop = before - sys.getrefcount(None)
    assert seen == [0]
    assert drop < n // 10, f"None lost {drop} references over {n} emissions"
