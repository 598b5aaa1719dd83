"""Issue 17, phase 2: the panels and model texts wrapped so far, shown in Chinese.

Each test installs the zh_CN translators, builds or formats the thing as the window
does, and asserts that no English word is left (``i18n_check.english_words``) and
that English keys (padding modes, pooling modes, undo labels) survive translation.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QWidget

from convlab.model import history
from convlab.model.document import Document, Geometry, Pooling
from convlab.model.lessons import AGREES, DIFFERS, LEARNED, LESSONS, NO_RESULT, UNLEARNED
from convlab.model.pair import match_target
from convlab.model.stability import (Stability, divergence_reason, rate_limit, rate_warning,
                                     summary)
from convlab.qt.i18n import Translators
from convlab.qt.messages import translate_label, translate_message, translator
from i18n_check import english_words

compute = importlib.import_module("convlab.model.compute")


@pytest.fixture
def chinese(qapp):
    translators = Translators(QApplication.instance())
    assert translators.install("zh_CN"), "convlab_zh_CN.qm did not load"
    yield
    translators.install("en")


def _texts(panel: QWidget) -> list[str]:
    """Every text the panel shows: titles, labels, buttons, combo items, tooltips."""
    out = [panel.title()] if isinstance(panel, QGroupBox) else []
    for w in (panel, *panel.findChildren(QWidget)):
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
            out += [w.itemData(i, 3) or "" for i in range(w.count())]  # item tooltips
        out.append(w.toolTip())
    return [t for t in out if t]


def _english_left(texts) -> dict[str, list[str]]:
    return {t: english_words(t) for t in texts if english_words(t)}


def _doc(**geometry) -> Document:
    return Document(image=np.arange(64.0).reshape(1, 8, 8), weight=np.ones((1, 1, 3, 3)),
                    bias=np.zeros(1), geometry=Geometry(**geometry))


@pytest.mark.parametrize("name", ["GeometryPanel", "PoolPanel"])
def test_geometry_and_pool_panels_in_chinese(qtbot, chinese, name):
    from convlab.qt.geometry_panel import GeometryPanel
    from convlab.qt.pool_panel import PoolPanel

    panel = {"GeometryPanel": GeometryPanel, "PoolPanel": PoolPanel}[name]()
    qtbot.addWidget(panel)
    panel.set_document(_doc())
    texts = _texts(panel)
    assert len(texts) > 15
    assert not _english_left(texts)
    assert any("填充" in t for t in texts) and any("步幅" in t for t in texts)


def test_padding_mode_is_chosen_and_read_by_its_english_key(qtbot, chinese):
    from convlab.qt.geometry_panel import GeometryPanel

    panel = GeometryPanel()
    qtbot.addWidget(panel)
    panel.set_document(_doc(mode="reflect"))
    assert panel.mode.currentText() == "反射填充" and panel.mode.currentData() == "reflect"
    with qtbot.waitSignal(panel.edited) as edited:
        panel.mode.setCurrentIndex(panel.mode.findData("circular"))
    doc, label = edited.args
    assert doc.geometry.mode == "circular" and label == history.UndoLabel.PADDING_MODE
    assert translate_label(label) == "填充方式"


def test_pool_mode_is_chosen_and_read_by_its_english_key(qtbot, chinese):
    from convlab.qt.pool_panel import PoolPanel

    panel = PoolPanel()
    qtbot.addWidget(panel)
    doc = replace(_doc(), pooling=Pooling(enabled=True, mode="avg"))
    panel.set_document(doc)
    assert panel.mode.currentText() == "平均" and panel.mode.currentData() == "avg"
    with qtbot.waitSignal(panel.edited) as edited:
        panel.mode.setCurrentIndex(panel.mode.findData("max"))
    assert edited.args[0].pooling.mode == "max"


def test_undo_labels_in_chinese(chinese):
    for label in history.UndoLabel:
        shown = translate_label(label)
        assert shown != label and not english_words(shown), (label, shown)
    assert translate_label(history.padding_preset("same")) == "等大填充"
    assert translate_label(history.padding_preset("valid")) == "无填充"
    assert translate_label(history.lesson(LESSONS[0].title)) == "课程：3×3 矩阵的互相关运算"
    assert translate_label(history.sample_input("Chapter 6×8 edge image")) == \
        "输入 本章 6×8 边缘图像"
    assert translate_label("something new") == "something new"  # unknown: as it is


def test_undo_labels_unchanged_in_english(qapp):
    assert translate_label(history.UndoLabel.STRIDE_DILATION) == "stride/dilation"
    assert translate_label(history.kernel_preset("Sobel x")) == "preset Sobel x"


def test_every_lesson_in_chinese(chinese):
    def tr(text):
        return QCoreApplication.translate("Lessons", text)

    for lesson in LESSONS:
        for text in (lesson.title, lesson.text):
            assert tr(text) != text and not english_words(tr(text)), text
        name = QCoreApplication.translate("Samples", lesson.doc.image_name)
        assert name != lesson.doc.image_name or not english_words(name), name
    for text in (NO_RESULT, AGREES, DIFFERS, LEARNED, UNLEARNED):
        assert not english_words(tr(text)), text


SHAPE_DOCS = {
    "plain": _doc(pad=(1, 1, 1, 1)),
    "dilated": _doc(dilation=(2, 3)),
    "max pooled": replace(_doc(), pooling=Pooling(enabled=True, window=(2, 3), stride=(2, 3),
                                                  pad=(0, 0, 1, 1))),
    "avg pooled": replace(_doc(stride=(2, 2)), pooling=Pooling(enabled=True, mode="avg")),
}


@pytest.mark.parametrize("case", sorted(SHAPE_DOCS))
def test_shape_text_in_chinese_keeps_the_formulas(chinese, case):
    doc = SHAPE_DOCS[case]
    english = compute.shape_text(doc)
    chinese_text = compute.shape_text(doc, translator("Shape"))
    assert chinese_text.startswith("高：") and not english_words(chinese_text), chinese_text
    formulas = re.findall(r"⌊[^⌋]*⌋ = \d+", english)
    assert formulas and formulas == re.findall(r"⌊[^⌋]*⌋ = \d+", chinese_text)
    assert chinese_text.count("\n") == english.count("\n")


def test_stability_sentences_in_chinese(chinese):
    tr = translator("Stability")
    for s in (Stability(60.0, 0.5), Stability(3.0, 0.0)):
        text = summary(s, tr)
        assert not english_words(text), text
        assert f"{s.stable_rate:.4g}" in text
    warning = rate_warning(1.0, Stability(60.0, 0.5), "sgd", tr=tr)
    assert warning == "高于 0.0333：损失会增大"
    assert rate_warning(1.0, Stability(60.0, 0.5), "sgd") == "above 0.0333: the loss will grow"
    for kind in ("sgd", "momentum"):
        why = divergence_reason(1.0, Stability(60.0, 0.5), kind, tr=tr)
        assert why.startswith("原因：") and not english_words(why), why
        assert f"{rate_limit(Stability(60.0, 0.5), kind):.3g}" in why


def test_stability_view_in_chinese(qtbot, chinese):
    from convlab.qt.stability_view import StabilityView

    view = StabilityView()
    qtbot.addWidget(view)
    assert not _english_left(_texts(view))
    for s in (Stability(60.0, 0.5), Stability(3.0, 0.0)):
        view.set_stability(s)
        texts = _texts(view)
        assert not _english_left(texts) and any("条件数" in t for t in texts)


def test_frequency_view_in_chinese(qtbot, chinese):
    from convlab.qt.frequency_view import FrequencyView

    view = FrequencyView()
    qtbot.addWidget(view)
    view.set_document(_doc())
    texts = _texts(view)
    assert not _english_left(texts), texts
    assert "卷积核 [0, 0]" in view.caption.text() and "3×3" in view.caption.text()
    titles = [p.plotItem.titleLabel.text for p in (view.kernel_plot, view.input_plot)]
    assert titles == ["卷积核", "输入"]


PAIR_ERRORS = {
    "channels": lambda: match_target(np.zeros((1, 4, 4)), np.zeros((3, 4, 4))),
    "channels, many": lambda: match_target(np.zeros((1, 4, 4)), np.zeros((4, 4, 4)),
                                           "“b.png”"),
    "shape": lambda: match_target(np.zeros((1, 4, 4)), np.zeros((1, 4, 8))),
}


@pytest.mark.parametrize("case", sorted(PAIR_ERRORS))
def test_pair_messages_in_chinese(chinese, case):
    with pytest.raises(ValueError) as info:
        PAIR_ERRORS[case]()
    english = str(info.value)
    text = translate_message(english)
    assert text != english and not english_words(text), (english, text)


def test_pair_scaling_note_in_chinese(chinese):
    _, note = match_target(np.zeros((1, 4, 4)), np.zeros((1, 8, 8)))
    text = translate_message(note)
    assert text.startswith("目标为 8×8") and not english_words(text), text


def test_more_model_messages_in_chinese(chinese):
    from convlab.model.pair import check_size

    with pytest.raises(ValueError) as info:
        check_size(99)
    for english in (str(info.value), "“a.png” has changed size"):
        text = translate_message(english)
        assert text != english and not english_words(text), (english, text)
    assert "99" in translate_message(str(info.value))


# --- phase 2b: kernel, input, 1×1, shift, lesson and player panels; files and images ----


def _big_doc() -> Document:
    """Two input and two output channels, a bias and pooling: every label is shown."""
    return Document(image=np.arange(2 * 64.0).reshape(2, 8, 8), weight=np.ones((2, 2, 3, 3)),
                    bias=np.array([0.5, 0.0]), geometry=Geometry(),
                    pooling=Pooling(enabled=True))


@pytest.mark.parametrize("name", ["KernelPanel", "InputPanel", "OneByOnePanel", "ShiftPanel",
                                  "LessonPanel", "ChannelTiles"])
def test_phase_2b_panels_in_chinese(qtbot, chinese, name):
    from convlab.model.compute import compute
    from convlab.qt.explainers import LessonPanel, OneByOnePanel, ShiftPanel
    from convlab.qt.input_panel import InputPanel
    from convlab.qt.kernel_panel import KernelPanel
    from convlab.qt.tiles import ChannelTiles

    panel = {"KernelPanel": KernelPanel, "InputPanel": InputPanel, "OneByOnePanel": OneByOnePanel,
             "ShiftPanel": ShiftPanel, "LessonPanel": LessonPanel,
             "ChannelTiles": ChannelTiles}[name]()
    qtbot.addWidget(panel)
    doc = replace(_big_doc(), image_name="Chapter 2-channel input")
    frame = compute(doc)
    texts: list[str] = []
    if name in ("KernelPanel", "InputPanel"):
        panel.set_document(doc)
    elif name == "OneByOnePanel":
        panel.update_frame(doc, frame)
        texts.append(panel.readout.text())
        panel.update_frame(doc.with_kernel_size(1, 1), compute(doc.with_kernel_size(1, 1)))
        texts.append(panel.readout.text())
    elif name == "LessonPanel":
        texts.append(panel.toPlainText())  # the hint, before a lesson
        for lesson in LESSONS:
            panel.set_lesson(lesson)
            panel.update_frame(lesson.doc, compute(lesson.doc))
            texts.append(panel.toPlainText().replace(lesson.code, ""))  # code stays code
            panel.update_frame(doc, frame)  # "differs" / "no result"
            texts.append(panel.toPlainText().replace(lesson.code, ""))
    elif name == "ChannelTiles":
        panel.update_tiles(doc, frame)
        texts += [item.text for item in panel.ci.items if hasattr(item, "text")]
    texts += _texts(panel)
    assert len(texts) > 2
    assert not _english_left(texts), _english_left(texts)


def test_kernel_presets_are_chosen_by_their_english_key(qtbot, chinese):
    from convlab.qt.kernel_panel import KernelPanel

    panel = KernelPanel()
    qtbot.addWidget(panel)
    panel.set_document(_doc())
    panel.edited.connect(lambda doc, _: panel.set_document(doc))  # as the Controller does
    index = panel.presets.findData("Box blur")
    assert panel.presets.itemText(index) == "均值模糊"
    with qtbot.waitSignal(panel.edited) as edited:
        panel.presets.activated.emit(index)
    doc, label = edited.args
    assert label == history.kernel_preset("Box blur")
    assert translate_label(label) == "预设 均值模糊"
    np.testing.assert_allclose(doc.kernel, np.full((3, 3), 1 / 9))
    assert panel.presets.currentData() == "Box blur"  # stays named, found by its key
    two = replace(_big_doc(), bias=np.zeros(2))
    panel.set_document(two)
    panel.apply_to.setCurrentIndex(panel.apply_to.findData("this slice"))
    assert panel.apply_to.currentText() == "当前切片" and not panel.all_inputs


def test_samples_are_chosen_by_their_english_key(qtbot, chinese):
    from convlab.qt.input_panel import InputPanel

    panel = InputPanel()
    qtbot.addWidget(panel)
    panel.set_document(_doc())
    index = panel.samples.findData("Checkerboard")
    assert panel.samples.itemText(index) == "棋盘格"
    with qtbot.waitSignal(panel.edited) as edited:
        panel.samples.activated.emit(index)
    doc, label = edited.args
    assert doc.image_name == "Checkerboard" and label == history.sample_input("Checkerboard")
    panel.set_document(doc)
    assert panel.info.text().startswith("棋盘格：64×64，灰度")
    panel.set_document(replace(doc, image_name="cat.png (missing)"))
    assert panel.info.text().startswith("“cat.png”（缺失）")
    panel.set_document(replace(doc, image_name=LESSONS[0].doc.image_name))  # not a file
    assert "“" not in panel.info.text() and not english_words(panel.info.text())
    panel.set_document(replace(doc, image_name="camera.png"))
    assert panel.info.text() == "“camera.png”：64×64，灰度"
    assert not english_words(panel.info.text())


def test_shift_summary_in_both_languages(qapp):
    from convlab.model.explainers import shift_effect
    from convlab.qt.explainers import summary
    from convlab.qt.i18n import Translators

    doc = replace(_doc(), image=np.random.default_rng(0).random((1, 16, 16)))
    effect = shift_effect(doc, 0, 1)
    english = summary(effect, False)
    assert english.startswith("Shift (y 0, x 1): the output changed by ")
    assert "2×2 max pooling (pooling is off; this is what 2×2 max would do)" in english
    translators = Translators(QApplication.instance())
    assert translators.install("zh_CN")
    try:
        for e, on in ((effect, False), (effect, True), (shift_effect(doc, 0, 0), True)):
            text = summary(e, on)
            assert not english_words(text), text
        assert re.findall(r"\d+%", summary(effect, False)) == re.findall(r"\d+%", english)
    finally:
        translators.install("en")


def test_player_captions_in_chinese(chinese):
    from convlab.model.compute import compute
    from convlab.model.player import player_frame
    from convlab.qt.player_render import caption, layout

    doc = _big_doc()
    frame = compute(doc)
    for stage in ("convolution", "pooling"):
        pf = player_frame(doc, frame, 3, stage)
        text = caption(doc, pf)
        assert text.startswith("第 4 个位置") or "4" in text
        assert not english_words(text), text
        titles = [g.title for g in layout(doc, frame, pf)]
        assert not _english_left(titles), titles


def test_player_panel_in_chinese(qtbot, chinese):
    from convlab.qt.controller import Controller
    from convlab.qt.player_panel import PlayerPanel

    controller = Controller(_big_doc())
    panel = PlayerPanel(controller)
    qtbot.addWidget(panel)
    texts = _texts(panel)
    assert not _english_left(texts), _english_left(texts)
    assert panel.speed.currentData() == "5 positions/s"
    panel.speed.setCurrentIndex(panel.speed.findData("60 positions/s"))
    assert panel._timer.interval() == 1000 // 60
    panel.stage.setCurrentIndex(panel.stage.findData("pooling"))
    assert panel.stage.currentText() != "pooling"


IMAGE_PROBLEMS = {
    "missing": lambda tmp: tmp / "nothing.png",
    "folder": lambda tmp: tmp,
    "empty": lambda tmp: _written(tmp / "empty.png", b""),
    "not an image": lambda tmp: _written(tmp / "text.png", b"hello"),
}


def _written(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(IMAGE_PROBLEMS))
def test_image_errors_in_chinese(chinese, tmp_path, case):
    from convlab.qt.image_io import load_image

    with pytest.raises(ValueError) as info:
        load_image(IMAGE_PROBLEMS[case](tmp_path))
    english = str(info.value)
    text = translate_message(english)
    assert text != english and not english_words(text), (english, text)


def test_file_reasons_and_filters_in_chinese(chinese):
    from convlab.qt.image_io import open_filter

    for reason in ("the settings folder /x cannot be used (there was not enough memory)",
                   "a.convlab is damaged and could not be moved aside",
                   "These settings could not be computed (there was not enough memory).",
                   "“big.png” is 9000×6000 (height × width); it was scaled to 3072×2048 to "
                   "keep the window interactive."):
        text = translate_message(reason)
        assert text != reason and not english_words(text), (reason, text)
    patterns = re.findall(r"\(([^)]*)\)", open_filter())
    assert patterns == ["*.convlab *.png *.jpg *.jpeg *.bmp *.tif *.tiff *.gif *.webp",
                        "*.convlab", "*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.gif *.webp", "*"]
    assert "图像" in open_filter()


@pytest.mark.parametrize("old, new", [(1, 3), (3, 1), (3, 2), (1, 4)])
def test_channel_notes_in_chinese(chinese, old, new):
    from convlab.model.document import channel_note

    english = channel_note(old, new)
    text = translate_message(english)
    assert text != english and not english_words(text), (english, text)
    assert re.findall(r"\d+", text) == re.findall(r"\d+", english)
