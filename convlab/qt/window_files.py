"""The window's file dialogs and image opening (a mixin of MainWindow)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from convlab.qt.image_io import MAX_PIXELS, OPEN_FILTER, header_pixels, load_image

ASYNC_PIXELS = 4_000_000  # larger files are decoded on a thread


class WindowFilesMixin:
    """Needs ``settings``, ``files``, ``controller``, ``loading``, ``recent_menu``,
    ``imageLoaded``, ``show_message`` and ``_action`` from the window."""

    def open_dialog(self) -> None:
        start = self.settings.value("lastDir", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, "Open image or session", start, OPEN_FILTER)
        if path:
            self.files.open_any(path)

    def save(self) -> None:
        if self.files.path is None:
            self.save_as()
        else:
            self.files.save_as(self.files.path)

    def save_as(self) -> None:
        start = str(self.files.path or Path(self.settings.value("lastDir", str(Path.home())))
                    / "untitled.convlab")
        path, _ = QFileDialog.getSaveFileName(self, "Save session", start,
                                              "ConvLab session (*.convlab)")
        if path:
            self.files.save_as(path)

    def _export(self, what: str, filt: str) -> None:
        suffix = filt.split("*")[1].rstrip(")")
        start = str(Path(self.settings.value("lastDir", str(Path.home()))) / f"convlab{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, "Export", start, filt)
        if path:
            self.files.export(what, path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.files.recent():
            self._action(self.recent_menu, Path(path).name, None,
                         lambda _=False, p=path: self.files.open_any(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def open_path(self, path: str) -> bool:
        """Load an image as the input; on failure say why and keep everything.

        A large file is decoded on a thread (the window stays responsive) and
        arrives later; True then means "started".
        """
        if ASYNC_PIXELS < header_pixels(path) <= MAX_PIXELS:
            self._load_in_background(path)
            return True
        try:
            image, note = load_image(path)
        except (ValueError, OSError, MemoryError) as exc:
            self.show_message(f"Could not open the image: {exc}. Your input is unchanged.")
            return False
        return self._use_image(path, image, note)

    def _load_in_background(self, path: str) -> None:
        self.loading.setFormat(f"opening {Path(path).name}…")
        self.loading.show()

        def run() -> None:
            try:
                self.imageLoaded.emit(path, *load_image(path), "")
            except (ValueError, OSError, MemoryError) as exc:
                self.imageLoaded.emit(path, None, "", str(exc))

        threading.Thread(target=run, name="convlab-image", daemon=True).start()

    def _on_image_loaded(self, path: str, image, note: str, error: str) -> None:
        self.loading.hide()
        if error:
            self.show_message(f"Could not open the image: {error}. Your input is unchanged.")
        else:
            self._use_image(path, image, note)

    def _use_image(self, path: str, image, note: str) -> bool:
        self.settings.setValue("lastDir", str(Path(path).parent))
        doc = self.controller.doc.with_image(image, Path(path).name, str(Path(path).resolve()))
        self.controller.apply(doc, "open image")
        if note:
            self.show_message(note + ".", error=False)
        return True

