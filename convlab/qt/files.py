"""Sessions (save, open, autosave, recent), exports and Copy as code."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage

from convlab.model import export, session
from convlab.model.codegen import GENERATORS
from convlab.model.session import Session, SessionError
from convlab.qt.colors import rgba_mapper
from convlab.qt.image_io import load_image

AUTOSAVE_MS = 2000
MAX_RECENT = 8


def config_dir() -> Path:
    folder = os.environ.get("CONVLAB_CONFIG_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppConfigLocation)
    path = Path(folder or Path.home() / ".config" / "ConvLab")
    path.mkdir(parents=True, exist_ok=True)
    return path


def render_png(a: np.ndarray) -> QImage:
    """The array as the views show it: the same levels and colour map."""
    rgba = np.ascontiguousarray(rgba_mapper(a)(a))
    img = QImage(rgba.data, a.shape[1], a.shape[0], 4 * a.shape[1], QImage.Format.Format_RGBA8888)
    return img.copy()


class FileActions(QObject):
    message = Signal(str, bool)  # text, is an error
    recentChanged = Signal()

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.controller = window, window.controller
        self.path: Path | None = None  # the session file being edited
        self.autosave_path = config_dir() / "autosave.convlab"
        self._dirty = False
        self._timer = QTimer(self, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.autosave)
        self.controller.historyChanged.connect(self._on_edit)
        self._timer.start()

    # --- sessions -------------------------------------------------------------
    def snapshot(self) -> Session:
        return Session(self.controller.history.current)

    def _on_edit(self) -> None:
        self._dirty = True

    def autosave(self) -> None:
        if self._dirty:
            self._dirty = not self._write(self.autosave_path, quiet=True)

    def _write(self, path: Path, quiet: bool = False) -> bool:
        try:
            session.save(path, self.snapshot())
        except (OSError, ValueError) as exc:
            if not quiet:
                self.message.emit(f"Could not save to {path}: {exc}. Nothing was lost; "
                                  "choose another place.", True)
            return False
        return True

    def save_as(self, path: str | Path) -> bool:
        path = Path(path)
        if path.suffix != ".convlab":
            path = path.with_suffix(".convlab")
        if not self._write(path):
            return False
        self.path = path
        self.add_recent(path)
        self.message.emit(f"Saved the session to {path.name}.", False)
        return True

    def open_session(self, path: str | Path, label: str = "open session") -> bool:
        """Open a session; on any problem say why and keep the current state."""
        try:
            s = session.load(path)
            doc = self._resolve_input(s)
        except SessionError as exc:
            self.message.emit(f"Could not open {Path(path).name}: {exc}. "
                              "Your current work is unchanged.", True)
            return False
        self.window.learning.discard()
        self.controller.apply(doc, label)
        if label == "open session":
            self.path = Path(path)
            self.add_recent(Path(path))
        return True

    def _resolve_input(self, s: Session):
        """Read the session's input file; if it is gone or changed, a blank input
        of the same size stands in, so the kernels and settings are not lost."""
        if not s.image_path:
            return s.doc
        name = Path(s.image_path).name
        try:
            image, _ = load_image(s.image_path)
            if image.shape != s.doc.image.shape:
                raise ValueError(f"“{name}” has changed size")
        except ValueError as exc:
            self.message.emit(f"The session's input could not be read ({exc}); a blank "
                              "input of the same size stands in. Open the image again "
                              "to use it.", False)
            return replace(s.doc, image_name=f"{s.doc.image_name} (missing)", source="")
        return replace(s.doc, image=image, source=s.image_path)

    def restore_last(self) -> None:
        """Bring back the autosaved session, if any; a broken one is set aside."""
        if not self.autosave_path.exists():
            return
        if self.open_session(self.autosave_path, "restore last session"):
            self.controller.reset_history()  # nothing to undo before the restored state
            self._dirty = False
        else:
            self.autosave_path.replace(self.autosave_path.with_suffix(".bad"))

    def shutdown(self) -> None:
        self._timer.stop()
        self._dirty = True
        self.autosave()

    # --- recent files -----------------------------------------------------------
    def recent(self) -> list[str]:
        value = self.window.settings.value("recentFiles", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [p for p in items if Path(p).exists()]

    def add_recent(self, path: Path) -> None:
        items = [str(path.resolve())] + [p for p in self.recent() if p != str(path.resolve())]
        self.window.settings.setValue("recentFiles", items[:MAX_RECENT])
        self.recentChanged.emit()

    def open_any(self, path: str) -> bool:
        if path.endswith(".convlab"):
            return self.open_session(path)
        ok = self.window.open_path(path)
        if ok:
            self.add_recent(Path(path))
        return ok

    # --- exports ------------------------------------------------------------------
    def _output(self) -> np.ndarray | None:
        frame = self.controller.frame
        if not frame.ok:
            self.message.emit("There is no output to export: " + frame.error, True)
            return None
        return frame.output[min(self.controller.doc.selected[0], frame.output.shape[0] - 1)]

    def export(self, what: str, path: str) -> bool:
        """Write ``what`` (output-png, output-npy, kernel-npy, kernel-csv) to ``path``."""
        doc = self.controller.doc
        try:
            if what == "output-png":
                out = self._output()
                if out is None:
                    return False
                if not render_png(out).save(path, "PNG"):
                    raise OSError("the image could not be written there")
            elif what == "output-npy":
                out = self._output()
                if out is None:
                    return False
                export.save_npy(path, self.controller.frame.output)
            elif what == "kernel-npy":
                export.save_npy(path, doc.weight)
            else:
                export.save_kernel_csv(path, doc.kernel)
        except OSError as exc:
            self.message.emit(f"Could not write {path}: {exc.strerror or exc}. "
                              "Choose a folder you can write to.", True)
            return False
        self.message.emit(f"Exported to {Path(path).name}.", False)
        return True

    def copy_code(self, framework: str) -> str:
        code = GENERATORS[framework](self.controller.doc)
        QGuiApplication.clipboard().setText(code)
        self.message.emit(f"Copied {framework} code for this convolution to the clipboard.",
                          False)
        return code
