"""One-shot background work with an error path, delivered on the GUI thread.

``run_in_thread(fn, *args, done=..., failed=..., owner=...)`` runs ``fn(*args)``
on a daemon thread and calls ``done(result)`` or ``failed(message)`` on the
GUI thread, through a queued signal. Whatever ``fn`` needs from widgets must be
read *before* the call and passed in ``args``: ``fn`` never touches Qt.

If ``owner`` (the QObject that asked for the work) is deleted before the work
ends, the result is dropped quietly: no "Signal source has been deleted".
(superqt's ``thread_worker`` does much more; this is the part ConvLab uses.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


_live: set = set()  # relays without an owner, kept alive until they deliver


class _Relay(QObject):
    """Carries the outcome from the worker thread to the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(str)


def describe(exc: BaseException) -> str:
    """An exception as a short sentence fragment for the user."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, MemoryError):
        return "there was not enough memory"
    return str(exc) or type(exc).__name__


def run_in_thread(fn: Callable, *args, done: Callable | None = None,
                  failed: Callable[[str], None] | None = None, owner: QObject | None = None,
                  name: str = "convlab-worker") -> threading.Thread:
    """Start ``fn(*args)`` on a thread; returns the (started) thread."""
    relay = _Relay(owner)  # lives in the GUI thread; deleted with its owner
    if done is not None:
        relay.succeeded.connect(done)
    if failed is not None:
        relay.failed.connect(failed)
    if owner is None:
        _live.add(relay)
    for signal in (relay.succeeded, relay.failed):
        signal.connect(lambda _=None: _live.discard(relay))
        signal.connect(relay.deleteLater)

    def run() -> None:
        try:
            result = fn(*args)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            emit_safely(relay.failed, describe(exc))
        else:
            emit_safely(relay.succeeded, result)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread


def emit_safely(signal, value) -> None:
    """Emit from any thread; a receiver deleted meanwhile is no error."""
    try:
        signal.emit(value)
    except RuntimeError:  # the owner (and the relay) were deleted: nobody is waiting
        pass
