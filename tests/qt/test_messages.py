"""Core and model messages reach the window in Chinese, numbers carried over."""

import json
import time

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from convlab.core import conv2d
from convlab.core.conv import corr2d, pad2d
from convlab.core.geometry import check_mode, output_shape, pair
from convlab.core.pool import pool2d
from convlab.model import limits, session
from convlab.model.document import Document, Geometry, Pooling
from convlab.model.parse import parse_matrix, parse_number
from convlab.qt.i18n import Translators
from convlab.qt.messages import TEMPLATES, template_regex, translate_message
from i18n_check import english_words


def _raised(call) -> str:
    with pytest.raises(ValueError) as info:
        call()
    return str(info.value)


X = np.zeros((1, 4, 4))
CORE_ERRORS = {
    "pair": lambda: pair((1, 2, 3), "stride"),
    "stride < 1": lambda: conv2d(X, np.ones((1, 1, 2, 2)), stride=0),
    "dilation < 1": lambda: conv2d(X, np.ones((1, 1, 2, 2)), dilation=(1, 0)),
    "padding tuple": lambda: pad2d(X, (1, 2, 3)),
    "padding negative": lambda: pad2d(X, -1),
    "padding name": lambda: pad2d(X, "wide"),
    "padding mode": lambda: check_mode("mirror"),
    "pooling window too large": lambda: pool2d(np.ones((1, 2, 2)), 5),
    "reflect": lambda: pad2d(X, 4, "reflect"),
    "empty": lambda: conv2d(X, np.ones((1, 1, 5, 5))),
    "empty dilated": lambda: conv2d(X, np.ones((1, 1, 3, 3)), dilation=2),
    "empty dilated 2x1": lambda: output_shape((4, 4), (3, 3), dilation=(2, 1)),
    "input shape": lambda: conv2d(np.zeros((4, 4)), np.ones((1, 1, 2, 2))),
    "weight shape": lambda: conv2d(X, np.ones((2, 2))),
    "corr2d": lambda: corr2d(X, np.ones((2, 2))),
    "channels": lambda: conv2d(np.zeros((3, 4, 4)), np.ones((1, 1, 2, 2))),
    "bias": lambda: conv2d(X, np.ones((2, 1, 2, 2)), np.zeros(3)),
    "pool mode": lambda: pool2d(X, 2, mode="median"),
    "pool padding": lambda: pool2d(X, 2, padding=2),
    "not a number": lambda: parse_number("abc"),
    "not finite": lambda: parse_number("nan"),
    "nothing to paste": lambda: parse_matrix(""),
    "ragged": lambda: parse_matrix("1 2\n3"),
    "too large": lambda: parse_matrix("1 2 3", max_cols=2),
    "not json": lambda: session.loads("{"),
    "not a session": lambda: session.loads("[]"),
    "newer": lambda: session.loads(json.dumps({"format": session.FORMAT, "version": 999})),
    "damaged": lambda: session.loads(json.dumps({"format": session.FORMAT, "version": 1})),
}
BIG = Document(image=np.zeros((3, 2048, 2048)), weight=np.zeros((8, 3, 1, 1)),
               bias=np.zeros(8), geometry=Geometry(pad=(8, 8, 8, 8)))


def _session_with(part: str, **changes) -> str:
    """A valid session's JSON with one part's fields changed."""
    d = session.to_dict(session.Session(Document(image=np.zeros((1, 4, 4)),
                                                 weight=np.zeros((1, 1, 2, 2)),
                                                 bias=np.zeros(1))))
    d[part].update(changes)
    return json.dumps(d)


LIMIT_ERRORS = {  # model/limits.py: values typed, pasted or read from a session
    "session stride": lambda: session.loads(_session_with("geometry", stride=[100, 1])),
    "session pooling": lambda: session.loads(_session_with("pooling", window=[0, 2])),
    "session rate": lambda: session.loads(_session_with("learning", lr=5000.0)),
    "session loss": lambda: session.loads(_session_with("learning", loss="l1")),
    "session bias flag": lambda: session.loads(_session_with("learning", learn_bias=2)),
    "typed stride": lambda: limits.check_geometry(Geometry(stride=(100, 1))),
    "padding not whole": lambda: limits.check_int(1.5, limits.part("the padding", "top"), 0, 9),
    "two numbers": lambda: limits.check_ints((1, 2, 3), "the dilation", limits.AXES, 1, 8),
    "pool window": lambda: limits.check_pooling(Pooling(window=(2, 100))),
    "padding mode": lambda: limits.check_geometry(Geometry(mode="mirror")),
    "rate from": lambda: limits.check_learn_value("noise", -1.0),
    "rate above": lambda: limits.check_learn_value("lr", 0.0),
    "not a number": lambda: limits.check_learn_value("lr", "fast"),
    "typed too large": lambda: parse_number("1e31"),
    "typed too small": lambda: parse_number("1e-40"),
    "kernel shape": lambda: limits.check_weight_shape((1, 1, 20, 3)),
    "dimensions": lambda: limits.check_weight_shape((1, 3, 3)),
    "NaN": lambda: limits.check_values(np.array([np.nan]), "the kernel"),
    "huge value": lambda: limits.check_values(np.array([1e35]), "the bias"),
    "input values": lambda: limits.check_input_shape((4, 2048, 2048)),
    "output values": lambda: limits.check_output_size(BIG),
    "channels": lambda: limits.check_document(
        Document(image=np.zeros((3, 4, 4)), weight=np.zeros((1, 1, 2, 2)), bias=np.zeros(1))),
}


@pytest.fixture
def chinese(qapp):
    translators = Translators(QApplication.instance())
    assert translators.install("zh_CN"), "convlab_zh_CN.qm did not load"
    yield
    translators.install("en")


def test_every_template_recognises_itself():
    for template in TEMPLATES:
        assert template_regex(template).fullmatch(template), template


@pytest.mark.parametrize("case", sorted(CORE_ERRORS) + [f"limits: {k}" for k in LIMIT_ERRORS])
def test_core_message_in_chinese(chinese, case):
    english = _raised({**CORE_ERRORS, **{f"limits: {k}": f for k, f in LIMIT_ERRORS.items()}}[case])
    for shown in (english, english[:1].upper() + english[1:] + "."):  # raw and as a sentence
        text = translate_message(shown)
        assert text != shown, f"no template for: {english}"
        assert not english_words(text), f"{english!r} → {text!r}"
        for number in {n for n in "0123456789" if n in english}:
            assert number in text, f"{number} lost: {english!r} → {text!r}"


def test_numbers_carried_over(chinese):
    english = _raised(CORE_ERRORS["channels"])
    assert translate_message(english) == "卷积核需要 1 个输入通道，但输入有 3 个；请把卷积核的输入通道数设为 3"
    assert translate_message("The kernel is 5×5 but the padded input is 4×4, so the output "
                             "would be empty; add padding or shrink the kernel.") == (
        "卷积核为 5×5，但填充后的输入只有 4×4，输出将为空；请增加填充或缩小卷积核。")


def test_nested_and_word_placeholders(chinese):
    assert translate_message("the session is damaged (a field has the wrong type or value)") == \
        "会话已损坏（某个字段的类型或值不正确）"
    assert translate_message(_raised(CORE_ERRORS["stride < 1"])).startswith("步幅")


def test_learner_outcomes(chinese):
    assert translate_message("Converged: the loss 0.000123 fell below 0.001 at step 42.") == \
        "已收敛：损失 0.000123 在第 42 步降到 0.001 以下。"


def test_a_diverged_run_says_so_in_chinese(chinese):
    """The message a real diverging run ends with (its wording once drifted from
    the template, and the window showed it in English)."""
    from convlab.model.learn_problem import LearnSettings, make_problem
    from convlab.model.learn_run import Learner

    doc = Document(image=np.random.default_rng(0).random((10, 12)),
                   weight=np.zeros((1, 1, 3, 3)), bias=np.zeros(1))
    s = LearnSettings(lr=50.0, optimizer="sgd", loss="sse", max_steps=1000, threshold=0)
    learner = Learner(make_problem(doc, s), s)
    learner.play()
    end = time.monotonic() + 10
    while not learner.finished and time.monotonic() < end:
        time.sleep(0.005)
    assert learner.outcome is not None and learner.outcome.kind == "diverged"
    learner.stop()
    english = learner.outcome.message
    text = translate_message(english)
    assert text.startswith(f"损失在第 {learner.outcome.step} 步发散") and not english_words(text)
    assert f"已恢复第 {learner.best.index} 步的卷积核" in text


def test_the_typed_stride_names_its_axis_in_chinese(chinese):
    english = _raised(LIMIT_ERRORS["typed stride"])
    assert english == "the stride (rows) is 100; allowed: 1 to 64"
    assert translate_message(english) == "步幅（行）为 100；允许范围：1 到 64"


def test_unknown_messages_stay_english(chinese):
    assert translate_message("something new went wrong") == "something new went wrong"


def test_english_without_translator(qapp):
    english = _raised(CORE_ERRORS["empty dilated"])
    assert translate_message(english) == english
    sentence = english[:1].upper() + english[1:] + "."
    assert translate_message(sentence) == sentence
