"""The window's own parts in Chinese: menus, dock titles, status bar, colour legend,
view titles, the details panel and the Learn panel (with its stability readout,
pair row, loss plot and landscape) show no English once zh_CN is loaded.

The whole-window test (test_translations.test_no_visible_text_left_in_english)
covers every panel; this one names the main window's and the Learn panel's texts
one by one, so a regression there says where it is."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDockWidget, QGroupBox, QLabel, QWidget

from i18n_check import english_words
from test_translations import _menu_texts, real_window  # noqa: F401 - a fixture

from convlab.model.document import Pooling


def _texts_under(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for the labels, buttons, group titles, combo items, tooltips and
    pyqtgraph titles/axes under ``root`` (hidden widgets included: a tooltip or a
    combo item is seen later)."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__} {w.objectName()}".strip()
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((where, w.text()))
        if isinstance(w, QGroupBox):
            out.append((where, w.title()))
        if isinstance(w, QComboBox):
            out += [(where, w.itemText(i)) for i in range(w.count())]
        if w.toolTip():
            out.append((where + " tooltip", w.toolTip()))
        if isinstance(w, pg.GraphicsView):
            for item in w.scene().items():
                if isinstance(item, pg.LabelItem):
                    out.append((where + " title", item.text))
                elif isinstance(item, pg.AxisItem) and item.label.isVisible():
                    out.append((where + " axis", item.labelText))
    return [(where, text) for where, text in out if text]


def _presets_wrapped() -> bool:
    """Preset names are translated in the "Presets" context (kernel panel's work,
    phase 2b); until that is merged the Learn panel's "target from" shows them in
    English, and only then."""
    from PySide6.QtCore import QCoreApplication

    from convlab.model.presets import PRESETS

    return any(QCoreApplication.translate("Presets", k) != k for k in PRESETS)


def _english(texts) -> list[str]:
    from convlab.model.presets import PRESETS

    skip = set() if _presets_wrapped() else set(PRESETS)
    return [f"{text!r} ← {where}" for where, text in texts
            if english_words(text) and text not in skip]


def _wait_frame(qtbot, win):
    qtbot.waitUntil(lambda: win.frame_label.text() != "", timeout=60_000)


def test_menus_docks_status_bar_and_legend_are_chinese(qtbot, real_window):  # noqa: F811
    win = real_window.window
    _wait_frame(qtbot, win)
    texts = [("window title", win.windowTitle())]
    texts += _menu_texts(win.menuBar().actions(), "menu")
    texts += [(d.objectName(), d.windowTitle()) for d in win.findChildren(QDockWidget)]
    for label in (win.frame_label, win.compiling, win.shape_label, win.colour_legend):
        texts += [(label.objectName(), label.text()), (label.objectName() + " tooltip",
                                                         label.toolTip())]
    texts.append(("loading tooltip", win.loading.toolTip()))
    assert not _english(texts), "\n".join(_english(texts))
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles[:3] == ["文件(&F)", "编辑(&E)", "学习(&L)"], titles
    assert "输入" in win.frame_label.text() and "ms" in win.frame_label.text()
    assert win.findChild(QDockWidget, "frequencyDock").windowTitle() == "频率响应"
    # The Language menu is in View, and the undo entry names the edit in Chinese.
    view = next(a.menu() for a in win.menuBar().actions() if a.text() == "视图(&V)")
    assert any(a.menu() is not None and a.text() == "语言(&L)" for a in view.actions())
    win.controller.apply(replace(win.controller.doc, pooling=Pooling(enabled=True)),
                         "pooling")
    assert win.undo_action.text().startswith("撤销"), win.undo_action.text()
    assert not english_words(win.undo_action.text()), win.undo_action.text()


def test_view_titles_and_details_are_chinese(qtbot, real_window):  # noqa: F811
    win = real_window.window
    c = win.controller
    _wait_frame(qtbot, win)
    image = np.arange(2 * 6 * 6, dtype=np.float32).reshape(2, 6, 6)
    doc = c.doc.with_image(image, "x")
    doc = replace(doc, weight=np.ones((3, 2, 3, 3), np.float32),
                  bias=np.full(3, 0.5, np.float32), pooling=Pooling(enabled=True, mode="avg"))
    c.apply(doc, "test")
    qtbot.waitUntil(lambda: "平均" in win.views.pool_view.title_text(), timeout=60_000)
    titles = [(v.objectName(), v.title_text()) for v in win.views.views()]
    assert not _english(titles), "\n".join(_english(titles))
    assert win.views.pool_view.title_text() == "汇聚结果（平均） — 3×3 × 3 个通道"
    hint = win.details.toPlainText()
    assert not english_words(hint), hint
    win.inspector.pin(1, 1)
    qtbot.waitUntil(lambda: "输出通道" in win.details.toPlainText(), timeout=10_000)
    shown = win.details.toPlainText()
    assert not english_words(shown), shown
    assert "偏置" in shown and "输入通道" in shown


def test_learn_panel_with_readout_pair_row_and_plots_is_chinese(qtbot, real_window):  # noqa: F811
    win = real_window.window
    panel = win.learn_panel
    _wait_frame(qtbot, win)
    win.learning.load_chapter()  # two weights: the landscape is shown too
    win.learning.step()
    qtbot.waitUntil(lambda: panel.status.text().startswith("第"), timeout=60_000)
    qtbot.waitUntil(lambda: win.learning.stability.value is not None, timeout=60_000)
    texts = _texts_under(win.learn_dock)
    assert not _english(texts), "\n".join(_english(texts))
    # The combo boxes show Chinese and keep the English keys as data.
    assert panel.loss.currentData() in ("sse", "mse")
    assert panel.settings() == win.controller.history.current.learn
    i = panel.optimizer.findData("adam")
    panel.optimizer.setCurrentIndex(i)
    qtbot.waitUntil(lambda: win.controller.history.current.learn.optimizer == "adam")
    panel.init.setCurrentIndex(panel.init.findData("zeros"))
    assert panel.init.currentText() == "全零"


def test_help_dialogs_are_chinese(qtbot, real_window, monkeypatch):  # noqa: F811
    """Keyboard shortcuts (the key names stay), the lesson list and About."""
    import html
    import re

    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text: shown.append((title, text))))
    monkeypatch.setattr(QMessageBox, "about",
                        staticmethod(lambda parent, title, text: shown.append((title, text))))
    win = real_window.window
    win._shortcuts()
    win._lessons()
    win._about()
    assert [t for t, _ in shown] == ["键盘快捷键", "课程", "关于 ConvLab"], shown
    keys = re.compile(r"\b(Ctrl|Shift|Tab|Delete|F\d)\b")  # key names are no words
    texts = [(title, keys.sub("", html.unescape(text))) for title, text in shown]
    bad = [f"{text!r} ← {title}" for title, text in texts if english_words(text)]
    assert not bad, "\n".join(bad)
