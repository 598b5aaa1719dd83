"""What the command line opens at start, without ever losing the autosave.

``convlab`` restores the last session; ``convlab IMAGE`` restores it and opens
IMAGE into it as File ▸ Open does (a failed open changes nothing and writes
nothing); ``convlab SESSION`` restores it, then opens SESSION (one undo step
back to the restored state).
"""

from __future__ import annotations

from convlab.qt.files import FilesController


def start_session(files: FilesController, argument: str | None) -> str:
    """Restore the autosave, then open ``argument``; returns why the argument
    could not be opened ("" when it could, or when there was none). Never raises."""
    files.restore_last()
    if not argument:
        return ""
    errors: list[str] = []

    def keep(text: str, is_error: bool) -> None:
        if is_error:
            errors.append(text)

    files.message.connect(keep)
    try:
        ok = files.open_any(argument)
    finally:
        files.message.disconnect(keep)
    return "" if ok else (errors[-1] if errors else f"could not open {argument}")
