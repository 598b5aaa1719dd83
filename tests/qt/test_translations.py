"""ConvLab in Chinese: every source text translated, switching at once, nothing left in English."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDockWidget, QGroupBox,
                               QLabel, QMainWindow, QMenu, QTabBar, QWidget)

from convlab.qt import i18n
from convlab.qt.i18n import LanguageMenu, LanguageSwitcher
from i18n_check import english_words

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("update_translations",
                                               ROOT / "tools" / "update_translations.py")
tools = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tools)


# --- the .ts is complete ------------------------------------------------------------
def test_every_source_text_has_a_translation(tmp_path):
    """lupdate over convlab/**/*.py, filled from zh_CN.json: nothing may stay unfinished."""
    ts = tmp_path / tools.TS.name
    shutil.copy(tools.TS, ts)
    tools.lupdate(ts)
    tools.fill(ts, json.loads(tools.JSON.read_text("utf-8")))
    missing = tools.unfinished(ts)
    assert not missing, (f"{len(missing)} source text(s) have no zh_CN translation; add them to "
                         f"{tools.JSON.relative_to(ROOT)} and run tools/update_translations.py:\n"
                         + "\n".join(f"  [{c}] {s!r}" for c, s in missing[:40]))


def test_committed_ts_and_qm_are_up_to_date(tmp_path):
    """The repository's .ts holds exactly what lupdate + the JSON produce, and its .qm loads."""
    ts = tmp_path / tools.TS.name
    shutil.copy(tools.TS, ts)
    tools.lupdate(ts)
    tools.fill(ts, json.loads(tools.JSON.read_text("utf-8")))
    assert _contents(ts) == _contents(tools.TS), \
        "run tools/update_translations.py and commit its output"
    from PySide6.QtCore import QTranslator

    qm = QTranslator()
    assert qm.load(str(tools.QM)), "the .qm is missing or unreadable"
    for ctx, src, text in _contents(tools.TS):
        assert qm.translate(ctx, src) == text, f"the .qm is older than the .ts: [{ctx}] {src!r}"


def _contents(ts) -> set[tuple[str, str, str]]:
    return {(c, s, t.text or "") for c, s, t in tools.messages(ts)}


def test_unfinished_is_detected(tmp_path):
    """The check can fail: a new tr() text without a translation is reported."""
    (tmp_path / "convlab").mkdir()
    (tmp_path / "convlab" / "new.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "QCoreApplication.translate('Ctx', 'A brand-new label')\n")
    ts = tmp_path / "t.ts"
    tools.lupdate(ts, root=tmp_path)
    tools.fill(ts, {"Ctx": {}})
    assert tools.unfinished(ts) == [("Ctx", "A brand-new label")]
    tools.fill(ts, {"Ctx": {"A brand-new label": "全新的标签"}})
    assert tools.unfinished(ts) == []
    table = {"Ctx": {"A brand-new label": "全新的标签", "Gone": "已删除"},
             "*": {"A brand-new label": "全新的标签", "Never wrapped": "从未包装"}}
    assert tools.unused(ts, table) == {"Ctx": ["Gone"], "*": ["Never wrapped"]}


# --- switching language at once: a demo window whose menus go through tr() ------------
class MainWindow(QMainWindow):
    """Stands in for the real window (same translation context, "MainWindow")."""

    def __init__(self, controller, settings) -> None:
        super().__init__()
        self.controller, self.settings = controller, settings
        self.setWindowTitle(self.tr("ConvLab"))
        for title in (self.tr("&File"), self.tr("&Edit"), self.tr("&Learn"),
                      self.tr("Lesso&ns"), self.tr("&View"), self.tr("&Help")):
            self.menuBar().addMenu(title)
        self.released = False

    def release(self) -> None:
        self.released = True

    def shutdown(self) -> None:
        pass

    def _on_frame(self, doc, frame) -> None:
        pass


class DemoController(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.doc, self.frame = object(), None


@pytest.fixture
def demo_translations(tmp_path, monkeypatch):
    """This file's and the language menu's tr() texts, extracted, filled from zh_CN.json and compiled into a .qm."""
    (tmp_path / "convlab").mkdir()
    shutil.copy(__file__, tmp_path / "convlab" / "demo.py")
    shutil.copy(ROOT / "convlab" / "qt" / "i18n.py", tmp_path / "convlab" / "i18n.py")
    ts = tmp_path / "convlab_zh_CN.ts"
    tools.lupdate(ts, root=tmp_path)
    tools.fill(ts, json.loads(tools.JSON.read_text("utf-8")))
    tools.lrelease(ts, tmp_path / "convlab_zh_CN.qm")
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    monkeypatch.delenv("CONVLAB_LANGUAGE", raising=False)
    return tmp_path


def _menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def _choose(window, code: str) -> None:
    window.findChild(LanguageMenu).findChild(QObject, f"language_{code}").trigger()


def test_switching_language_changes_the_window_at_once(qtbot, demo_translations, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", "en")
    controller = DemoController()
    switcher = LanguageSwitcher(QApplication.instance(), settings,
                                lambda: MainWindow(controller, settings))
    first = switcher.start()
    qtbot.addWidget(first)
    first.show()
    assert _menu_titles(first)[:2] == ["&File", "&Edit"]
    language = first.findChild(LanguageMenu)
    assert language.title() == "&Language" and language.parent() is first.menuBar().actions()[4].menu()

    _choose(first, "zh_CN")
    second = switcher.window
    qtbot.addWidget(second)
    assert second is not first and first.released and second.isVisible()
    assert _menu_titles(second)[:6] == ["文件(&F)", "编辑(&E)", "学习(&L)", "课程(&N)", "视图(&V)", "帮助(&H)"]
    assert second.findChild(LanguageMenu).title() == "语言(&L)"
    assert second.findChild(LanguageMenu).parent() is second.menuBar().actions()[4].menu(), \
        "the Language menu is not in the (translated) View menu"
    assert second.controller is controller and controller.parent() is second
    assert settings.value("language") == "zh_CN"
    qtbot.waitUntil(lambda: _deleted(first))

    _choose(second, "en")
    third = switcher.window
    qtbot.addWidget(third)
    assert _menu_titles(third)[0] == "&File" and third.findChild(LanguageMenu).title() == "&Language"
    switcher.translators.install("en")


def _deleted(widget) -> bool:
    from shiboken6 import isValid
    return not isValid(widget)


def test_the_choice_is_remembered_and_the_locale_is_followed(demo_translations, tmp_path):
    from PySide6.QtCore import QLocale

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.chosen_language(settings, QLocale("zh_CN")) == "zh_CN"
    assert i18n.chosen_language(settings, QLocale("zh_TW")) == "zh_CN"
    assert i18n.chosen_language(settings, QLocale("de_DE")) == "en"
    settings.setValue("language", "en")
    assert i18n.chosen_language(settings, QLocale("zh_CN")) == "en"


# --- the real window ---------------------------------------------------------------
@pytest.fixture
def real_window(qtbot, monkeypatch):
    """The real window built by create_window, in Chinese; closed (all of it) at the end."""
    import threading

    from convlab.app import create_window

    monkeypatch.setenv("CONVLAB_LANGUAGE", "zh_CN")
    before = {t.ident for t in threading.enumerate()}
    win = create_window([])
    switcher = win.language_switcher
    win.show()
    qtbot.waitUntil(lambda: win.controller.ready, timeout=300_000)  # cold Numba compile
    yield switcher
    switcher.window.close()
    switcher.translators.install("en")
    qtbot.waitUntil(lambda: not [t for t in threading.enumerate()
                                 if t.ident not in before and t.is_alive()
                                 and t.name.startswith("convlab")], timeout=5000)


def test_real_window_switches_without_losing_the_document(qtbot, real_window, monkeypatch):
    switcher = real_window
    old = switcher.window
    controller = old.controller
    assert old.findChild(LanguageMenu).title() == "语言(&L)"
    assert {"documentChanged", "frameComputed", "historyChanged"} <= set(
        i18n._public_signals(controller)), "the rebuild would leave the old window connected"
    doc = controller.doc
    controller.apply(doc.with_learn(lr=doc.learn.lr / 2) if hasattr(doc, "with_learn") else doc,
                     "learning settings")
    edited = controller.doc
    monkeypatch.delenv("CONVLAB_LANGUAGE")
    _choose(old, "en")
    new = switcher.window
    assert new is not old and new.isVisible()
    assert new.findChild(LanguageMenu).title() == "&Language"
    assert new.controller is controller and controller.doc is edited
    assert new.undo_action.isEnabled(), "the history was lost"
    qtbot.waitUntil(lambda: _deleted(old))
    controller.apply(edited, "again")  # the new window still follows the controller
    qtbot.waitUntil(lambda: new.frame_label.text() != "", timeout=10_000)


def test_a_language_switch_keeps_the_lesson_the_shift_and_the_tiles(qtbot, real_window,
                                                                     monkeypatch):
    """The panels' own state survives the rebuild: the lesson panel kept only
    its hint, the shift and the spectra were reset, and the channel tiles
    stayed empty until the next edit."""
    from convlab.model.lessons import LESSONS

    old = real_window.window
    lesson = next(l for l in LESSONS if l.title == "Multiple input channels")
    old.load_lesson(lesson)
    old.shift_panel.dx.setValue(2)
    old.frequency.show_images.setChecked(True)
    qtbot.waitUntil(lambda: old.tiles.isVisible())
    qtbot.waitUntil(lambda: old.controller.frame is not None and not old.controller.pending)
    old.inspector.pin(1, 0)  # its sum of products went back to the hint
    assert "= 104" in old.details.toPlainText()
    old.learning.pair_row.size.setValue(7)  # typed before a target: it went back to 5
    monkeypatch.delenv("CONVLAB_LANGUAGE")
    _choose(old, "en")
    new = real_window.window
    assert new is not old
    assert "Multiple input channels" in new.lesson_panel.toPlainText()
    assert new.shift_panel.dx.value() == 2 and new.frequency.show_images.isChecked()
    assert new.tiles.isVisible() and set(new.tiles.tiles) == {
        ("input", 0), ("input", 1), ("output", 0)}
    assert all(t.image is not None for t in new.tiles.tiles.values())
    assert new.inspector.pinned == (1, 0) and "= 104" in new.details.toPlainText()
    assert new.learning.pair_row.size.value() == 7
    assert new.controller.doc.kernel_hw == old.controller.doc.kernel_hw  # a value, not an edit


def test_a_language_switch_keeps_the_session_being_edited(qtbot, real_window, monkeypatch,
                                                          tmp_path):
    """The new window forgot the session's file: its title lost the name and
    Save asked where to save again."""
    old = real_window.window
    assert old.files.save_as(tmp_path / "s.convlab")
    monkeypatch.delenv("CONVLAB_LANGUAGE")
    _choose(old, "en")
    new = real_window.window
    assert new is not old and new.files.path == tmp_path / "s.convlab"
    assert new.windowTitle() == "s.convlab — ConvLab"
    new.controller.apply(new.controller.doc.with_image(
        new.controller.doc.image * 0 + 1, "ones"), "input")
    new.files.save()  # writes there, no dialog
    assert '"ones"' in (tmp_path / "s.convlab").read_text()


# --- nothing left in English -----------------------------------------------------------
def visible_texts(window: QMainWindow) -> list[tuple[str, str]]:
    """(where, text) for every text a user can see now, menus included."""
    out: list[tuple[str, str]] = [("window title", window.windowTitle())]
    for w in window.findChildren(QWidget):
        if not w.isVisible() and not isinstance(w, QDockWidget):
            continue
        where = f"{type(w).__name__} {w.objectName()}".strip()
        if isinstance(w, QLabel):
            out.append((where, w.text()))
        if isinstance(w, QAbstractButton):
            out.append((where, w.text()))
        if isinstance(w, QGroupBox):
            out.append((where, w.title()))
        if isinstance(w, QDockWidget):
            out.append((where, w.windowTitle()))
        if isinstance(w, QComboBox):
            out += [(where, w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabBar):
            out += [(where, w.tabText(i)) for i in range(w.count())]
        if w.toolTip():
            out.append((where + " tooltip", w.toolTip()))
    out += _menu_texts(window.menuBar().actions(), "menu")
    out += _graphics_texts(window)
    return [(where, text) for where, text in out if text]


def _graphics_texts(window) -> list[tuple[str, str]]:
    """Titles and axis labels that pyqtgraph draws in its scenes."""
    import pyqtgraph as pg

    out = []
    for view in window.findChildren(pg.GraphicsView):
        if not view.isVisible():
            continue
        where = f"{type(view).__name__} {view.objectName()}".strip()
        for item in view.scene().items():
            if not item.isVisible():
                continue
            if isinstance(item, pg.LabelItem):
                out.append((where + " title", item.text))
            elif isinstance(item, pg.AxisItem) and item.label.isVisible():
                out.append((where + " axis", item.labelText))
            elif isinstance(item, pg.TextItem):
                out.append((where + " text", item.toPlainText()))
    return out


def _menu_texts(actions, where) -> list[tuple[str, str]]:
    out = []
    for a in actions:
        if a.isSeparator():
            continue
        out.append((where, a.text()))
        if a.toolTip() and a.toolTip() != a.text().replace("&", ""):
            out.append((where + " tooltip", a.toolTip()))
        if a.menu() is not None:
            out += _menu_texts(a.menu().actions(), f"{where} ▸ {a.text()}")
    return out


def _walk_every_panel_and_lesson(window):
    """Yield after showing each dock and each lesson, so their texts can be read."""
    from convlab.model.lessons import LESSONS

    yield "start"
    for dock in window.findChildren(QDockWidget):
        dock.show()
        dock.raise_()
        yield dock.objectName()
    for lesson in LESSONS:
        window.load_lesson(lesson)
        yield lesson.title


def test_no_visible_text_left_in_english(qtbot, real_window):
    window = real_window.window
    offending: dict[str, set[str]] = {}
    for step in _walk_every_panel_and_lesson(window):
        qtbot.wait(50)
        QApplication.processEvents()
        for where, text in visible_texts(window):
            if english_words(text):
                offending.setdefault(text, set()).add(where)
    report = "\n".join(f"{text!r}    ← {', '.join(sorted(wheres))}"
                       for text, wheres in sorted(offending.items()))
    if os.environ.get("CONVLAB_I18N_TODO"):
        Path(os.environ["CONVLAB_I18N_TODO"]).write_text(
            f"# {len(offending)} visible text(s) still in English (test_no_visible_text_left_"
            f"in_english), text ← where\n{report}\n", "utf-8")
    assert not offending, f"{len(offending)} visible text(s) left in English:\n{report}"


def test_translators_install_ours_and_qts_and_remove_them(qapp):
    from PySide6.QtCore import QCoreApplication

    translators = i18n.Translators(QApplication.instance())
    try:
        assert translators.install("zh_CN"), "convlab_zh_CN.qm was not found in translations_dir()"
        assert QCoreApplication.translate("LanguageMenu", "&Language") == "语言(&L)"
        if len(translators._installed) == 2:  # Qt's own qtbase_zh_CN.qm ships with the wheel
            assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        translators.install("en")
    assert QCoreApplication.translate("LanguageMenu", "&Language") == "&Language"
    with pytest.raises(ValueError, match="not known"):
        translators.install("fr")


def test_language_menu_offers_each_language_in_its_own_name(qtbot):
    menu = LanguageMenu(current="zh_CN")
    qtbot.addWidget(menu)
    assert [a.text() for a in menu.actions()] == ["English", "简体中文"]
    assert [a.isChecked() for a in menu.actions()] == [False, True]
    with qtbot.waitSignal(menu.languageChosen) as chosen:
        menu.actions()[0].trigger()
    assert chosen.args == ["en"] and menu.actions()[0].isChecked()


# --- every translation keeps what the code fills in or needs --------------------------
def _placeholders(text: str) -> list[str]:
    import re

    return sorted(re.findall(r"\{(\w*)\}", text))


def test_translations_keep_placeholders_mnemonics_and_ellipses():
    """A translation that drops or renames a {placeholder} raises KeyError only in
    Chinese, at .format() time; a lost &-letter or … changes the menus' behaviour."""
    table = json.loads(tools.JSON.read_text("utf-8"))
    wrong = []
    for ctx, entries in table.items():
        for src, text in entries.items():
            if _placeholders(src) != _placeholders(text):
                wrong.append(f"[{ctx}] {src!r}: placeholders {_placeholders(text)}")
            if "&" in src.replace("&&", "") and not any(
                    f"(&{c})" in text or f"&{c}" in text for c in src.upper() if c.isalpha()):
                wrong.append(f"[{ctx}] {src!r}: no &-letter in {text!r}")
            if src.endswith("…") and not text.endswith("…"):
                wrong.append(f"[{ctx}] {src!r}: lost the … in {text!r}")
    assert not wrong, "\n".join(wrong)


def test_a_language_switch_during_a_run_lets_it_go_on(qtbot, real_window, monkeypatch):
    """A switch stopped the run without a word, and the grid kept the run's
    weights over a document holding the kernel before it: the run now goes
    on in the new window, which draws it, and records it when it stops."""
    old = real_window.window
    old.resize(1280, 720)
    p = old.learn_panel
    p.chapter.click()
    p.max_steps.setValue(40)
    p.speed.setCurrentIndex(p.speed.findData(15.0))
    p.play.click()
    run = old.learning.learner
    qtbot.waitUntil(lambda: run.steps_done >= 2, timeout=10_000)
    monkeypatch.delenv("CONVLAB_LANGUAGE")
    _choose(old, "en")
    new = real_window.window
    assert new is not old and new.learning.learner is run and not run.finished
    qtbot.waitUntil(new.learn_panel.problem.is_folded)  # as the old one was, at 1280×720
    at_switch = run.steps_done
    qtbot.waitUntil(lambda: new.learn_panel.loss_plot.count > at_switch + 1, timeout=10_000)
    assert new.learn_panel.play.text() == "Pause"
    assert new.learn_panel.status.text().startswith("step ")
    qtbot.waitUntil(lambda: run.finished, timeout=20_000)
    qtbot.waitUntil(lambda: new.learn_panel.status.text().startswith("Stopped after"))
    w, _ = run.weights()
    np.testing.assert_array_equal(new.controller.history.current.weight, w)  # recorded
    assert new.controller.history.undo_label() == "learning run"
    count = new.learn_panel.loss_plot.count
    _choose(new, "zh_CN")  # a finished run's curve and verdict come along too
    newer = real_window.window
    qtbot.waitUntil(lambda: newer.learn_panel.loss_plot.count == count)
    assert newer.learn_panel.learned_view.image_item.image is not None
    qtbot.waitUntil(lambda: newer.learn_panel.status.text().startswith("已达到最大步数"))
    assert newer.controller.history.undo_label() == "learning run"  # not recorded twice
