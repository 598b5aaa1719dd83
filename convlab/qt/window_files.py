"""The window's side of the files controller: menu slots, the recent-files menu,
the opening progress and the persistent autosave warning.

Everything file-related is done by ``FilesController`` (qt/files.py); this mixin
only forwards to it. Its dependencies are the attributes declared below, set by
the window before ``_wire_files`` is called.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMenu, QProgressBar

from convlab.qt.files import FilesController
from convlab.qt.messages import translate_message

WARNING_STYLE = "background:#5c1d1d; color:#ffe0e0; padding:2px 6px; border-radius:3px;"


class AutosaveWarning(QLabel):
    """Shown for as long as autosave cannot write; hidden once it can."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, objectName="autosaveWarning", wordWrap=True)
        self.setStyleSheet(WARNING_STYLE)
        # At most two lines: a long path must not grow the status bar into the views.
        self.setMaximumHeight(2 * self.fontMetrics().lineSpacing() + 12)
        self.hide()

    def set_reason(self, reason: str) -> None:
        text = self.tr("Autosave is failing: {reason}; use File ▸ Save As…").format(
            reason=translate_message(reason)) if reason else ""
        self.setText(text)
        self.setToolTip(text + "\n\n" + self.tr(
            "Your edits are not being saved automatically. Save the session "
            "somewhere you can write to.") if reason else "")
        self.setVisible(bool(reason))


class WindowFilesMixin:
    files: FilesController
    recent_menu: QMenu
    loading: QProgressBar

    def _wire_files(self) -> None:
        """Connect the files controller (and the controller's refusals) to the window."""
        self.autosave_warning = AutosaveWarning()
        self.statusBar().addPermanentWidget(self.autosave_warning, 1)
        self.files.autosaveFailing.connect(self.autosave_warning.set_reason)
        self.files.message.connect(lambda text, err: self.show_message(text, error=err))
        self.files.loading.connect(self._on_files_loading)
        self.files.pathChanged.connect(self.show_session_name)
        self.controller.refused.connect(lambda text: self.show_message(text, error=True,
                                                                       refusal=True))

    def _on_files_loading(self, text: str) -> None:
        self.loading.setFormat(text)
        self.loading.setVisible(bool(text))

    def open_dialog(self) -> None:
        self.files.open_dialog()

    def save(self) -> None:
        self.files.save()

    def save_as(self) -> None:
        self.files.save_as_dialog()

    def _export(self, what: str, filt: str) -> None:
        self.files.export_dialog(what, filt)

    def open_path(self, path: str) -> bool:
        """Open an image as the input (see FilesController.open_image)."""
        return self.files.open_image(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.files.recent():
            self._action(self.recent_menu, Path(path).name, None,
                         lambda _=False, p=path: self.files.open_any(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))
