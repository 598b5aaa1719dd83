"""The window's language: which one, loading its translators, switching at once.

The language follows ``QLocale.system()`` unless ``$CONVLAB_LANGUAGE`` names one
(``en`` or ``zh_CN``; for tests and screenshots) or the user picked one in
*View ▸ Language*, which is remembered in QSettings (key ``language``).
Translations live in ``convlab.resources`` (top-level ``resources/`` in a
checkout) as ``translations/convlab_<code>.qm``; Qt's own ``qtbase_<code>.qm``
(standard dialogs, "OK"/"Cancel") is loaded too when PySide6 ships it.

Switching rebuilds the main window around the same Controller: the Controller
holds the Document and its history, so nothing the user made is lost, and no
widget needs a ``retranslateUi`` method — a string is translated once, when the
widget is built with ``self.tr(...)``.
"""

from __future__ import annotations

import os
import warnings
from importlib import resources
from pathlib import Path
from typing import Callable

from PySide6.QtCore import (QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject,
                            QSettings, QTranslator, Signal)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from convlab.qt.widgets import guarded

#: code → the language's own name (never translated: a reader must find their own).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
DEFAULT = "en"
SETTINGS_KEY = "language"


def translations_dir() -> Path:
    """The folder holding ``convlab_<code>.qm``, installed or in a checkout."""
    try:
        return Path(str(resources.files("convlab.resources") / "translations"))
    except ModuleNotFoundError:  # running from a checkout without the package mapping
        return Path(__file__).resolve().parents[2] / "resources" / "translations"


def match_language(locale: QLocale) -> str:
    """The supported language closest to a locale (Chinese script → zh_CN)."""
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"  # the only Chinese we ship; better than English for zh_TW
    return DEFAULT


def chosen_language(settings: QSettings, locale: QLocale | None = None) -> str:
    """$CONVLAB_LANGUAGE (tests, screenshots), else the remembered choice, else
    the system locale's language."""
    forced = os.environ.get("CONVLAB_LANGUAGE")
    if forced in LANGUAGES:
        return forced
    value = settings.value(SETTINGS_KEY)
    if isinstance(value, str) and value in LANGUAGES:
        return value
    return match_language(locale if locale is not None else QLocale.system())


def load_translators(code: str) -> list[QTranslator]:
    """ConvLab's and Qt's translators for a language; empty for English."""
    if code == DEFAULT:
        return []
    found = []
    ours = QTranslator()
    if ours.load(f"convlab_{code}", str(translations_dir())):
        found.append(ours)
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{code}", qt_dir):
        found.append(qt)
    return found


class Translators:
    """The translators installed in the application, swapped as one."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.code = DEFAULT
        self._installed: list[QTranslator] = []

    def install(self, code: str) -> bool:
        """Install a language's translators (removing the previous ones).

        Returns False if ConvLab's own translation file is missing (the app then
        stays readable, in English)."""
        if code not in LANGUAGES:
            raise ValueError(f"language {code!r} is not known; use one of {list(LANGUAGES)}")
        for t in self._installed:
            self.app.removeTranslator(t)
        self._installed = load_translators(code)
        for t in self._installed:
            self.app.installTranslator(t)  # Qt posts LanguageChange to every widget
        self.code = code  # QLocale.setDefault is left alone: number formats stay the system's
        return code == DEFAULT or any(t.filePath().endswith(f"convlab_{code}.qm")
                                      for t in self._installed)


class LanguageMenu(QMenu):
    """*Language*: one checkable item per language, named in that language."""

    languageChosen = Signal(str)

    def __init__(self, parent=None, current: str = DEFAULT) -> None:
        super().__init__(parent)
        self.setObjectName("languageMenu")
        self._group = QActionGroup(self, exclusive=True)
        self._actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            act = QAction(name, self, checkable=True, objectName=f"language_{code}")
            act.triggered.connect(lambda _=False, c=code: self._on_action_triggered(c))
            self._group.addAction(act)
            self.addAction(act)
            self._actions[code] = act
        self.set_current(current)
        self._retranslate()

    def set_current(self, code: str) -> None:
        self._actions.get(code, self._actions[DEFAULT]).setChecked(True)

    def _on_action_triggered(self, code: str) -> None:
        self.languageChosen.emit(code)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))

    @guarded
    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def add_language_menu(window: QMainWindow, current: str) -> LanguageMenu:
    """The window's LanguageMenu, added to its View menu if it has none yet."""
    menu = window.findChild(LanguageMenu)
    if menu is None:
        host = window.findChild(QMenu, "viewMenu") or _menu_titled(window, "&View")
        menu = LanguageMenu(host or window.menuBar(), current)
        if host is not None:
            host.addSeparator()
        (host or window.menuBar()).addMenu(menu)
    menu.set_current(current)
    return menu


def _menu_titled(window: QMainWindow, english: str) -> QMenu | None:
    """A menu-bar menu by its English title, as written or as translated."""
    wanted = {english, QCoreApplication.translate("MainWindow", english)}
    for act in window.menuBar().actions():
        if act.menu() is not None and act.text() in wanted:
            return act.menu()
    return None


def release_window(window) -> None:
    """Stop what belongs to the window but not the Controller it shows."""
    if hasattr(window, "release"):  # MainWindow.release(), once the lead adds it
        window.release()
        return
    window.learning.shutdown()
    window.player.exporter.stop()
    window.files.shutdown()  # one last autosave; the new window's FileActions takes over


def rebuild_window(old: QMainWindow, make: Callable[[], QMainWindow]) -> QMainWindow:
    """A new main window, built in the current language, in place of ``old``.

    ``make()`` builds a window around the same Controller. Every connection to
    the Controller's public signals is cut first (only the old window listens to
    them; a lambda connected by one of its panels would otherwise outlive it),
    then the Controller's state is replayed to the new window's listeners. The
    layout (docks, splitters, size) is carried over, and what the panels show
    beyond the document (``view_state``: the lesson, the shift, the spectra;
    and a learning run, which goes on in the new window)."""
    controller = old.controller
    views = old.view_state() if hasattr(old, "view_state") else None
    run = old.learning.hand_over() if hasattr(old, "learning") else None  # it goes on
    _save_layout(old)
    release_window(old)
    disconnect_public_signals(controller)
    controller.setParent(None)  # else it dies with the old window
    new = make()
    controller.setParent(new)
    new.setGeometry(old.geometry())
    new.restoreState(old.saveState())
    replay(controller)
    if views is not None:
        new.restore_view_state(views)
    if run is not None:
        new.learning.adopt(run)
    app = QCoreApplication.instance()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            app.aboutToQuit.disconnect(old.shutdown)
        except (RuntimeError, TypeError):
            pass  # it was not connected (tests, or a window built by hand)
    app.aboutToQuit.connect(new.shutdown)
    if old.isVisible():
        new.show()
    old.hide()
    old.deleteLater()
    return new


def _public_signals(obj: QObject) -> list[str]:
    meta = obj.metaObject()
    names = []
    # Not methodOffset(): PySide lists a Python class's signals before it.
    for i in range(QObject.staticMetaObject.methodCount(), meta.methodCount()):
        method = meta.method(i)
        name = bytes(method.name()).decode()
        if method.methodType() == method.MethodType.Signal and not name.startswith("_"):
            names.append(name)
    return names


def disconnect_public_signals(obj: QObject) -> None:
    """Cut every connection to ``obj``'s own signals whose names have no leading ``_``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for name in _public_signals(obj):
            try:
                getattr(obj, name).disconnect()
            except (RuntimeError, TypeError):
                pass  # nothing was connected


def replay(controller) -> None:
    """Tell a freshly built window what the Controller already told the old one."""
    for name, args in (("documentChanged", lambda: (controller.doc,)),
                       ("historyChanged", tuple),
                       ("coreReady", tuple)):
        if hasattr(controller, name) and (name != "coreReady" or getattr(controller, "ready", 0)):
            getattr(controller, name).emit(*args())
    frame = getattr(controller, "frame", None)
    if hasattr(controller, "frameComputed") and (getattr(frame, "ok", False)
                                                 or getattr(frame, "error", "")):
        controller.frameComputed.emit(controller.doc, frame)


def _save_layout(window) -> None:
    s = window.settings
    s.setValue("state", window.saveState())
    s.setValue("geometry", window.saveGeometry())
    for key, split in getattr(window, "_splitters", lambda: ())():
        s.setValue(key, split.saveState())


class LanguageSwitcher(QObject):
    """Owns the translators and the current main window; switches both at once.

    ``make`` builds a main window around the (one) Controller. Usage in app.py::

        switcher = LanguageSwitcher(app, settings(), lambda: MainWindow(controller, settings()))
        window = switcher.start()
    """

    windowReplaced = Signal(object)  # the new main window

    def __init__(self, app, settings: QSettings, make: Callable[[], QMainWindow]) -> None:
        # No parent: the current window holds it (``window.language_switcher``), so a
        # closed window is not kept alive by the application through its switcher.
        super().__init__()
        self.settings, self.make = settings, make
        self.translators = Translators(app)
        self.window: QMainWindow | None = None

    def start(self) -> QMainWindow:
        self.translators.install(chosen_language(self.settings))
        self.window = self.make()
        self._attach(self.window)
        return self.window

    def switch(self, code: str) -> QMainWindow:
        """Install ``code``, remember it, rebuild the window; a no-op if unchanged."""
        self.settings.setValue(SETTINGS_KEY, code)
        if code == self.translators.code and self.window is not None:
            return self.window
        self.translators.install(code)
        self.window = rebuild_window(self.window, self.make)
        self._attach(self.window)
        self.windowReplaced.emit(self.window)
        return self.window

    def _attach(self, window: QMainWindow) -> None:
        window.language_switcher = self
        menu = add_language_menu(window, self.translators.code)
        menu.languageChosen.connect(self.switch)
