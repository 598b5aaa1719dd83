"""The one validation boundary (model/limits.py) and the loader agree (issue 11)."""

import json
import re
import os
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convlab.model import limits
from convlab.model.document import Document, Geometry, Pooling
from convlab.model.limits import LimitError, check_document
from convlab.model.parse import parse_matrix, parse_number
from convlab.model.session import Session, SessionError, load, loads, save, to_dict


def doc(**changes):
    base = Document(image=np.ones((1, 6, 5)), weight=np.ones((1, 1, 3, 3)), bias=np.zeros(1))
    return replace(base, **changes)


def session_dict(**changes):
    return to_dict(Session(doc(**changes)))


@pytest.mark.parametrize("change,words", [
    (dict(geometry=Geometry(pad=(0, 0, 0, 4096))), "padding (right) is 4096; allowed: 0 to 128"),
    (dict(geometry=Geometry(stride=(2**63, 1))), "stride (rows)"),
    (dict(geometry=Geometry(dilation=(1, 9))), "dilation (columns) is 9; allowed: 1 to 8"),
    (dict(geometry=Geometry(flip="no")), "must be true or false"),
    (dict(pooling=Pooling(stride=(10**30, 1))), "pooling stride (rows)"),
    (dict(pooling=Pooling(window=(65, 2))), "pooling window (rows) is 65; allowed: 1 to 64"),
    (dict(weight=np.full((1, 1, 3, 3), np.inf)), "the kernel would hold NaN or infinity"),
    (dict(weight=np.full((1, 1, 3, 3), 1e31)), "allowed: numbers from −1e30 to 1e30"),
    (dict(bias=np.array([np.nan])), "the bias would hold NaN"),
    (dict(weight=np.ones((1, 1, 16, 3))), "the kernel's height is 16; allowed: 1 to 15"),
    (dict(selected=(0, 1)), "selected kernel slice"),
])
def test_documents_outside_the_limits_are_refused_naming_the_field(change, words):
    with pytest.raises(LimitError, match=re.escape(words)):
        check_document(doc(**change))


@pytest.mark.parametrize("name,value,words", [
    ("seed", 2**31, "random seed is 2147483648; allowed: 0 to 2147483647"),
    ("max_steps", 2**31, "maximum steps"),
    ("lr", 0.0, "learning rate is 0; allowed: more than 0 and at most 1000"),
    ("threshold", float("inf"), "stop threshold"),
    ("optimizer", "rmsprop", "rmsprop"),
])
def test_learning_settings_outside_the_limits_are_refused(name, value, words):
    with pytest.raises(LimitError, match=words):
        check_document(doc().with_learn(**{name: value}))


def test_the_chapter_defaults_and_the_extremes_inside_the_limits_pass():
    check_document(doc())
    check_document(doc(geometry=Geometry((128,) * 4, "reflect", (64, 64), (8, 8), True),
                       pooling=Pooling(True, "avg", (64, 64), (64, 64), (32,) * 4),
                       weight=np.full((8, 1, 15, 15), -1e30), bias=np.full(8, 1e30),
                       selected=(7, 0)).with_learn(seed=2**31 - 1, max_steps=10**7, lr=1000.0))


@pytest.mark.parametrize("mutate,words", [
    (lambda d: d["geometry"].update(flip="no"), "true or false"),
    (lambda d: d["geometry"].update(stride=[2**63, 1]), "stride (rows)"),
    (lambda d: d["geometry"].update(pad=[0, 0, 0, 4096]), "padding (right) is 4096"),
    (lambda d: d["pooling"].update(stride=[10**30, 1]), "pooling stride"),
    (lambda d: d["learning"].update(seed=2**31), "random seed"),
    (lambda d: d["learning"].update(max_steps=2**40), "maximum steps"),
    (lambda d: d["input"].update(shape=[1, 8000, 8000]), "height is 8000; allowed: 1 to 2048"),
    (lambda d: d["input"].update(path="x" * 5000), "file path"),
    (lambda d: d.update(weight=[[[[1e300]]]]), "1e+300"),
])
def test_the_loader_refuses_what_the_limits_refuse(mutate, words):
    d = session_dict()
    d["input"] = {"name": "x.png", "shape": [1, 6, 5], "path": "/x.png"}
    mutate(d)
    with pytest.raises(SessionError, match=re.escape(words)):
        loads(json.dumps(d))


def test_three_thousand_input_channels_are_refused_before_the_arrays_are_read():
    d = session_dict()
    d["weight"] = [[[[0.0]]] * 3000]
    d["input"] = {"name": "x", "shape": [3000, 4, 4], "path": "/x.png"}
    with pytest.raises(SessionError, match="input channels is 3000; allowed: 1 to 16"):
        loads(json.dumps(d))


def test_special_files_are_refused_before_they_are_read(tmp_path):
    fifo = tmp_path / "pipe.convlab"
    os.mkfifo(fifo)
    link = tmp_path / "zero.convlab"
    link.symlink_to("/dev/zero")
    for path in (fifo, link, tmp_path):
        with pytest.raises(SessionError, match="not an ordinary file|is a folder"):
            load(path)  # a FIFO would block here, /dev/zero would never end


def test_an_oversized_session_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "big.convlab"
    with open(path, "wb") as f:
        f.truncate(limits.MAX_SESSION_BYTES + 10)
    with pytest.raises(SessionError, match="larger than"):
        load(path)


@pytest.mark.parametrize("text,words", [("1e300", "too large"), ("-1e31", "too large"),
                                        ("1e-50", "too small"), ("nan", "not a finite")])
def test_typed_numbers_outside_float32_are_refused(text, words):
    with pytest.raises(ValueError, match=words):
        parse_number(text)
    assert parse_number("1e30") == 1e30 and parse_number("0") == 0.0


def test_a_huge_paste_is_refused_before_it_is_parsed():
    text = "1 " * 5_000_000  # 10 MB
    with pytest.raises(ValueError, match="characters long"):
        parse_matrix(text)


# --- the limits and the loader agree ------------------------------------------------
ints = st.integers(-3, 200)
geometries = st.builds(Geometry, st.tuples(ints, ints, ints, ints),
                       st.sampled_from(["zeros", "reflect", "replicate", "circular", "mirror"]),
                       st.tuples(ints, ints), st.tuples(st.integers(0, 10), st.integers(0, 10)),
                       st.booleans())
poolings = st.builds(Pooling, st.booleans(), st.sampled_from(["max", "avg", "median"]),
                     st.tuples(ints, ints), st.none() | st.tuples(ints, ints),
                     st.tuples(*[st.integers(-1, 40)] * 4))


@settings(max_examples=200, deadline=None)
@given(geometries, poolings, st.floats(-1e31, 1e31, allow_nan=False),
       st.integers(0, 2**32))
def test_a_document_saves_and_loads_exactly_when_the_limits_allow_it(tmp_path_factory, g, p,
                                                                     value, seed):
    d = doc(geometry=g, pooling=p, weight=np.full((1, 1, 2, 2), value)).with_learn(seed=seed)
    path = tmp_path_factory.mktemp("s") / "s.convlab"
    try:
        check_document(d)
    except LimitError:
        with pytest.raises(ValueError):  # save refuses what could not be read back
            save(path, Session(d))
        raw = json.dumps(to_dict(Session(d)))
        with pytest.raises(SessionError):
            loads(raw)
        return
    save(path, Session(d))
    assert load(path).doc == d


def test_the_model_stays_qt_free():
    code = ("import sys, convlab.model.limits, convlab.model.session, convlab.model.parse; "
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
