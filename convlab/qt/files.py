"""The files controller: sessions (save, open, autosave, recent), images, exports,
Copy as code and the file dialogs.

Its dependencies are explicit (the Controller, the QSettings, a callback that
stops learning, and the widget dialogs are parented to); it reports back only
through signals. Nothing here reaches into the main window.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from convlab.model import export, session
from convlab.model.codegen import GENERATORS
from convlab.model.history import UndoLabel
from convlab.model.session import Session, SessionError
from convlab.qt.colors import rgba_mapper
from convlab.qt.image_io import header_pixels, load_image, open_filter, prepare
from convlab.qt.messages import translate_message
from convlab.qt.worker import describe, run_in_thread

AUTOSAVE_MS = 2000
MAX_RECENT = 8
ASYNC_PIXELS = 4_000_000  # larger images are decoded on a thread
ASYNC_SAVE_VALUES = 1_000_000  # an input stored inline above this is autosaved on a thread
ASYNC_OPEN_BYTES = 8 * 2**20  # larger session files are read on a thread
AUTOSAVE = "autosave.convlab"


def config_dir() -> Path:
    """The settings folder (created if needed); OSError when it cannot be."""
    folder = os.environ.get("CONVLAB_CONFIG_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppConfigLocation)
    path = Path(folder or Path.home() / ".config" / "ConvLab")
    path.mkdir(parents=True, exist_ok=True)
    if not path.is_dir():
        raise NotADirectoryError(20, "not a folder", str(path))
    return path


def usable_config_dir() -> tuple[Path | None, str]:
    """The settings folder, or None and why it cannot be used (never raises)."""
    try:
        return config_dir(), ""
    except OSError as exc:
        where = exc.filename or os.environ.get("CONVLAB_CONFIG_DIR", "")
        return None, f"the settings folder {where} cannot be used ({describe(exc)})"


def set_aside(path: Path) -> Path:
    """Rename a damaged autosave to the first free autosave.bad, autosave.1.bad, …
    (an earlier one is never overwritten). OSError when it cannot be moved."""
    for i in range(1000):
        target = path.with_name("autosave.bad" if i == 0 else f"autosave.{i}.bad")
        if not (target.exists() or target.is_symlink()):
            os.rename(path, target)
            return target
    raise OSError(17, "too many damaged autosaves are already set aside")


def clean_stale_temporaries(folder: Path) -> int:
    """Remove autosave temporaries left by a killed process; returns how many."""
    removed = 0
    try:
        found = list(folder.glob(AUTOSAVE + ".*.tmp"))
    except OSError:
        return 0
    for tmp in found:
        try:
            if tmp.is_file() and not tmp.is_symlink():
                tmp.unlink()
                removed += 1
        except OSError:
            pass  # not ours to fight over; the next start tries again
    return removed


def render_png(a: np.ndarray) -> QImage:
    """The array as the views show it: the same levels and colour map."""
    rgba = np.ascontiguousarray(rgba_mapper(a)(a))
    img = QImage(rgba.data, a.shape[1], a.shape[0], 4 * a.shape[1], QImage.Format.Format_RGBA8888)
    return img.copy()


class FilesController(QObject):
    message = Signal(str, bool)  # text, is an error
    recentChanged = Signal()
    autosaveFailing = Signal(str)  # why autosave cannot write; "" once it works again
    loading = Signal(str)  # "opening x…" while an image decodes on a thread; "" when done
    pathChanged = Signal(str)  # the session file's name, once saved to or opened

    def __init__(self, controller, settings: QSettings, *,
                 stop_learning: Callable[[], None] = lambda: None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller, self.settings = controller, settings
        self._stop_learning = stop_learning
        self._dialog_parent = parent
        self.path: Path | None = None  # the session file being edited
        folder, self._config_problem = usable_config_dir()
        self.autosave_path: Path | None = folder / AUTOSAVE if folder else None
        self.autosave_error = ""
        self._dirty = False
        self._saving = None  # the thread writing a large autosave, if any
        self._timer = QTimer(self, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.autosave)
        self.controller.historyChanged.connect(self._on_edit)
        self._timer.start()

    # --- autosave -------------------------------------------------------------
    def snapshot(self) -> Session:
        return Session(self.controller.history.current)

    def _on_edit(self) -> None:
        self._dirty = True

    def autosave(self) -> None:
        if not self._dirty or self._saving is not None:
            return
        if self.autosave_path is None:
            self._autosave_status(self._config_problem)
            return
        snap = self.snapshot()
        self._dirty = False  # an edit during the write marks it again; a failure too
        if snap.doc.source or snap.doc.image.size < ASYNC_SAVE_VALUES:
            self._autosaved(self._save_now(snap))
            return
        self._saving = run_in_thread(session.save, self.autosave_path, snap, owner=self,
                                     name="convlab-autosave",
                                     done=lambda _: self._autosaved(""),
                                     failed=self._autosaved)

    def _save_now(self, snap: Session) -> str:
        try:
            session.save(self.autosave_path, snap)
        except (OSError, ValueError) as exc:
            return describe(exc)
        return ""

    def _autosaved(self, reason: str) -> None:
        self._saving = None
        self._dirty = self._dirty or bool(reason)
        self._autosave_status(reason)

    def _autosave_status(self, reason: str) -> None:
        if reason != self.autosave_error:
            self.autosave_error = reason
            self.autosaveFailing.emit(reason)

    def restore_last(self) -> None:
        """Bring back the autosaved session, if any. One that cannot be used is set
        aside under a new name (or, if even that fails, left alone and no longer
        written to) with a message; the app then starts on the default. Never raises."""
        if self.autosave_path is None:
            self.message.emit(self.tr("Autosave is off: {reason}.").format(
                reason=translate_message(self._config_problem)), True)
            return
        path = self.autosave_path
        try:
            clean_stale_temporaries(path.parent)
            if not (path.exists() or path.is_symlink()):
                return
            doc, said = self._resolve_input(session.load(path))
        except SessionError as exc:
            self._set_aside(path, str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a start must never fail on the autosave
            self._set_aside(path, describe(exc))
            return
        if not self.controller.apply(doc, UndoLabel.RESTORE_SESSION):
            self._set_aside(path, "it holds values outside ConvLab's limits")
            return
        if said:  # after the apply, as when a session is opened
            self.message.emit(said, False)
        self.controller.reset_history()  # nothing to undo before the restored state
        self._dirty = False

    def _set_aside(self, path: Path, why: str) -> None:
        try:
            moved = self.tr("it was set aside as {name}").format(name=set_aside(path).name)
        except OSError as exc:
            moved = self.tr("it could not be set aside ({reason}) and is left as it is; "
                            "autosave is off so that it is not overwritten").format(
                reason=translate_message(describe(exc)))
            self.autosave_path = None
            # English, like every reason kept: translated where it is shown.
            self._config_problem = f"{path.name} is damaged and could not be moved aside"
        self.message.emit(self.tr("Could not open {name}: {error}. {moved}; ConvLab starts "
                                  "afresh.").format(name=path.name, error=translate_message(why),
                                                    moved=moved), True)

    def shutdown(self) -> None:
        """Save what is unsaved (idempotent). Nothing changed, nothing written."""
        self._timer.stop()
        if self._saving is not None:
            self._saving.join(30)  # let a large autosave finish; never two writers
            self._saving = None
        if self._dirty and self.autosave_path is not None:
            self._dirty = False
            self._autosaved(self._save_now(self.snapshot()))

    # --- sessions -------------------------------------------------------------
    def _write(self, path: Path) -> bool:
        """Save what the window shows: a playing run's kernel, not the one
        recorded before it (the autosave keeps to the recorded document)."""
        try:
            session.save(path, Session(self.controller.doc))
        except (OSError, ValueError) as exc:
            self.message.emit(self.tr("Could not save to {path}: {error}. Nothing was lost; "
                                      "choose another place.").format(
                path=path, error=translate_message(describe(exc))), True)
            return False
        return True

    def save_as(self, path: str | Path) -> bool:
        path = Path(path)
        if path.suffix != ".convlab":
            path = path.with_suffix(".convlab")
        if not self._write(path):
            return False
        self._use_path(path)
        self.message.emit(self.tr("Saved the session to {name}.").format(name=path.name), False)
        return True

    def open_session(self, path: str | Path, label: str = UndoLabel.OPEN_SESSION) -> bool:
        """Open a session; on any problem say why and keep the current state.
        A large file is read on a thread; True then means "started"."""
        try:
            size = session.regular_file(path, "the session file").stat().st_size
            if size > ASYNC_OPEN_BYTES:
                self.loading.emit(self.tr("opening {name}…").format(name=_name(path)))
                run_in_thread(session.load, path, owner=self, name="convlab-session",
                              done=lambda s: self._on_session_read(path, label, s),
                              failed=lambda error: self._on_session_read(path, label, error))
                return True
            return self._use_session(path, label, session.load(path))
        except (SessionError, OSError) as exc:
            return self._session_failed(path, describe(exc))

    def _on_session_read(self, path, label: str, result) -> None:
        self.loading.emit("")
        if isinstance(result, str):
            self._session_failed(path, result)
        else:
            self._use_session(path, label, result)

    def _session_failed(self, path, error: str) -> bool:
        self.message.emit(self.tr("Could not open {name}: {error}. Your current work is "
                                  "unchanged.").format(name=_name(path),
                                                       error=translate_message(error)), True)
        return False

    def _use_session(self, path, label: str, s: Session) -> bool:
        doc, said = self._resolve_input(s)
        if not self.controller.acceptable(doc, label):
            return False  # checked first: a refused session leaves a run going
        self._stop_learning()
        self.controller.apply(doc, label, checked=True)
        if said:  # after the apply: a refused session stands in for nothing
            self.message.emit(said, False)
        if label == UndoLabel.OPEN_SESSION:
            self._use_path(Path(path))
            if not said:  # (the status bar kept "Saved the session to …" from before)
                self.message.emit(self.tr("Opened the session {name}.").format(
                    name=_name(path)), False)
        return True

    def _use_path(self, path: Path) -> None:
        """``path`` is now the session being edited: Save writes there."""
        self.add_recent(path)
        self.keep_path(path)

    def keep_path(self, path: Path) -> None:
        """Go on editing ``path`` (a window built in another language)."""
        self.path = path
        self.pathChanged.emit(path.name)

    def _resolve_input(self, s: Session):
        """Read the session's input file; if it is gone or changed, a blank input
        of the same size stands in, so the kernels and settings are not lost.
        The document, and a sentence saying so ("" when the file was read)."""
        if not s.image_path:
            return s.doc, ""
        name = _name(s.image_path)
        try:
            image, _ = load_image(s.image_path)
            if image.shape != s.doc.image.shape:
                raise ValueError(f"“{name}” has changed size")
        except (ValueError, OSError, MemoryError) as exc:
            said = self.tr("The session's input could not be read ({error}); a blank input "
                           "of the same size stands in. Open the image again to use "
                           "it.").format(error=translate_message(describe(exc)))
            name = s.doc.image_name
            name = name if name.endswith(" (missing)") else f"{name} (missing)"
            # The path is kept, so the session still names the user's file (and a
            # blank of any size is never written into the autosave).
            return replace(s.doc, image_name=name, source=s.image_path), said
        return replace(s.doc, image=image, source=s.image_path), ""

    # --- images ---------------------------------------------------------------
    def open_image(self, path: str) -> bool:
        """Load an image as the input, as File ▸ Open does; on failure say why and
        change nothing. A large file is decoded on a thread and arrives later;
        True then means "started"."""
        try:
            prepare(path)  # header checks (kind of file, size, memory) before any decoding
        except ValueError as exc:
            return self._image_failed(str(exc))
        if header_pixels(path) > ASYNC_PIXELS:
            self.loading.emit(self.tr("opening {name}…").format(name=_name(path)))
            run_in_thread(load_image, path, owner=self, name="convlab-image",
                          done=lambda result: self._on_decoded(path, result),
                          failed=self._on_decode_failed)
            return True
        try:
            image, note = load_image(path)
        except (ValueError, OSError, MemoryError) as exc:
            return self._image_failed(describe(exc))
        return self._use_image(path, image, note)

    def _on_decoded(self, path: str, result) -> None:
        self.loading.emit("")
        self._use_image(path, *result)

    def _on_decode_failed(self, error: str) -> None:
        self.loading.emit("")
        self._image_failed(error)

    def _image_failed(self, error: str) -> bool:
        self.message.emit(self.tr("Could not open the image: {error}. Your input is unchanged.")
                          .format(error=translate_message(error)), True)
        return False

    def _use_image(self, path: str, image, note: str) -> bool:
        new = lambda: self.controller.doc.with_image(  # noqa: E731
            image, Path(path).name, str(Path(path).resolve()))
        if not self.controller.acceptable(new(), UndoLabel.OPEN_IMAGE):
            return False  # checked first: a refused image leaves a run going
        # A run is recorded first, as for a session: Undo of "open image" went
        # past the learned kernel to the one before the run.
        self._stop_learning()
        self.controller.apply(new(), UndoLabel.OPEN_IMAGE, checked=True)
        self.settings.setValue("lastDir", str(Path(path).parent))
        if note:
            self.message.emit(translate_message(note + "."), False)
        return True

    def open_any(self, path: str) -> bool:
        if str(path).endswith(".convlab"):
            return self.open_session(path)
        ok = self.open_image(path)
        if ok:
            self.add_recent(Path(path))
        return ok

    # --- recent files -----------------------------------------------------------
    def recent(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [p for p in items if isinstance(p, str) and _exists(p)]

    def add_recent(self, path: Path) -> None:
        try:
            full = str(path.resolve())
        except OSError:
            return
        items = [full] + [p for p in self.recent() if p != full]
        self.settings.setValue("recentFiles", items[:MAX_RECENT])
        self.recentChanged.emit()

    # --- exports ------------------------------------------------------------------
    def _output(self) -> np.ndarray | None:
        frame = self.controller.frame
        if not frame.ok:
            self.message.emit(self.tr("There is no output to export: {error}").format(
                error=translate_message(frame.error)), True)
            return None
        return frame.output[self.controller.doc.out_channel(frame.output.shape[0])]

    def export(self, what: str, path: str) -> bool:
        """Write ``what`` (output-png, output-npy, kernel-npy, kernel-csv) to ``path``;
        the message names the file really written."""
        doc = self.controller.doc
        if what.endswith("npy") and not str(path).endswith(".npy"):
            path = str(path) + ".npy"  # what np.save writes; say so
        try:
            if Path(path).exists() and not Path(path).is_file():
                raise OSError(21, "it is not an ordinary file")
            if what == "output-png":
                out = self._output()
                if out is None:
                    return False
                if not render_png(out).save(path, "PNG"):
                    raise OSError("the image could not be written there")
            elif what == "output-npy":
                if self._output() is None:
                    return False
                export.save_npy(path, self.controller.frame.output)
            elif what == "kernel-npy":
                export.save_npy(path, doc.weight)
            else:
                export.save_kernel_csv(path, doc.kernel)
        except OSError as exc:
            self.message.emit(self.tr("Could not write {path}: {error}. Choose a folder you can "
                                      "write to.").format(path=path,
                                                          error=translate_message(describe(exc))),
                              True)
            return False
        self.message.emit(self.tr("Exported to {name}.").format(name=path), False)
        return True

    def copy_code(self, framework: str) -> str:
        code = GENERATORS[framework](self.controller.doc)
        QGuiApplication.clipboard().setText(code)
        self.message.emit(self.tr("Copied {framework} code for this convolution to the "
                                  "clipboard.").format(framework=framework), False)
        return code

    # --- dialogs ------------------------------------------------------------------
    def _start_dir(self) -> Path:
        return Path(str(self.settings.value("lastDir", str(Path.home()))))

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._dialog_parent,
                                              self.tr("Open image or session"),
                                              str(self._start_dir()), open_filter())
        if path:
            self.open_any(path)

    def save(self) -> None:
        if self.path is None:
            self.save_as_dialog()
        else:
            self.save_as(self.path)

    def save_as_dialog(self) -> None:
        start = str(self.path or self._start_dir() / (self.tr("untitled") + ".convlab"))
        path, _ = QFileDialog.getSaveFileName(self._dialog_parent, self.tr("Save session"),
                                              start, self.tr("ConvLab session (*.convlab)"))
        if path:
            self.save_as(path)

    def export_dialog(self, what: str, filt: str) -> None:
        suffix = filt.split("*")[1].split(")")[0]  # the pattern survives translation
        path, _ = QFileDialog.getSaveFileName(self._dialog_parent, self.tr("Export"),
                                              str(self._start_dir() / f"convlab{suffix}"), filt)
        if path:
            self.export(what, path)


def _name(path) -> str:
    name = Path(path).name
    return name if len(name) <= 80 else name[:77] + "…"


def _exists(path: str) -> bool:
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False
