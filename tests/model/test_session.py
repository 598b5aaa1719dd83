import json
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convlab.model.document import Document, Geometry, Pooling
from convlab.model.learn_problem import LearnSettings
from convlab.model.parse import parse_matrix
from convlab.model.session import Session, SessionError, load, loads, save, to_dict


def sample_session(path=""):
    rng = np.random.default_rng(4)
    doc = Document(image=rng.random((2, 9, 7)), weight=rng.normal(size=(3, 2, 2, 3)),
                   bias=np.array([0.5, -1.0, 2.0]), image_name="two channels",
                   geometry=Geometry((1, 2, 0, 3), "reflect", (2, 1), (1, 2), True),
                   pooling=Pooling(True, "avg", (2, 3), None, (1, 1, 0, 0)), selected=(2, 1))
    learn = LearnSettings(lr=0.123, optimizer="momentum", max_steps=77)
    return Session(replace(doc, learn=learn), path)


def test_round_trip_gives_an_identical_state(tmp_path):
    s = sample_session()
    save(tmp_path / "a.convlab", s)
    back = load(tmp_path / "a.convlab")
    assert back.doc == s.doc and back.learn == s.learn and back.image_path == ""


def test_image_from_a_file_is_stored_as_its_path(tmp_path):
    s = sample_session(path="/photos/cat.png")
    text = json.dumps(to_dict(s))
    assert "float32" not in text and "/photos/cat.png" in text
    assert loads(text).image_path == "/photos/cat.png"


def test_atomic_save_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "a.convlab"
    save(path, sample_session())
    before = path.read_bytes()
    import convlab.model.session as session

    def broken(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(session.os, "replace", broken)
    with pytest.raises(OSError):
        s = sample_session()
        save(path, replace(s, doc=replace(s.doc, learn=LearnSettings(lr=9.0))))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.convlab"]  # no temporary left


@pytest.mark.parametrize("mutate,words", [
    (lambda d: d.update(version=99), "newer ConvLab"),
    (lambda d: d.update(format="other"), "not a ConvLab session"),
    (lambda d: d.update(weight=[[[[float("nan")]]]]), None),
    (lambda d: d.update(weight=[1, 2, 3]), "wrong shape"),
    (lambda d: d.update(bias=[1.0]), "bias count"),
    (lambda d: d["input"].update(shape=[1, 9, 7]), "channel count"),
    (lambda d: d["input"]["array"].update(float32="AAAA"), "truncated"),
    (lambda d: d["geometry"].update(mode="mirror"), "mirror"),
    (lambda d: d["geometry"].update(stride=[0, 1]), "padding, stride or dilation"),
    (lambda d: d["pooling"].update(mode="median"), "pooling"),
    (lambda d: d.pop("geometry"), "missing 'geometry'"),
])
def test_malformed_sessions_say_what_is_wrong(mutate, words):
    d = to_dict(sample_session())
    mutate(d)
    with pytest.raises(SessionError) as info:
        loads(json.dumps(d).replace("NaN", "NaN"))
    if words:
        assert words in str(info.value)


def test_truncated_file_is_a_clean_error():
    text = json.dumps(to_dict(sample_session()))
    for cut in (0, 1, len(text) // 2, len(text) - 1):
        with pytest.raises(SessionError, match="not valid JSON"):
            loads(text[:cut])


def test_missing_learning_settings_take_defaults_bad_ones_are_refused():
    # Issue 11: a value outside its range is refused with its name, never replaced.
    d = to_dict(sample_session())
    d["learning"] = {"seed": 3}
    s = loads(json.dumps(d)).learn
    assert (s.lr, s.optimizer, s.max_steps, s.seed) == (LearnSettings().lr, "adam", 2000, 3)
    for bad, words in (({"lr": "fast"}, "learning rate"), ({"optimizer": "rmsprop"}, "rmsprop"),
                       ({"max_steps": -4}, "maximum steps"), ({"seed": 2**31}, "random seed")):
        d["learning"] = bad
        with pytest.raises(SessionError, match=words):
            loads(json.dumps(d))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400))
def test_session_loader_fuzz_random_bytes(raw):
    try:
        loads(raw)
    except SessionError as exc:
        assert str(exc)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["weight", "bias", "input", "geometry", "pooling", "selected",
                        "learning", "version"]), json_values)
def test_session_loader_fuzz_corrupted_fields(key, value):
    d = to_dict(sample_session())
    d[key] = value
    try:
        s = loads(json.dumps(d))
    except SessionError as exc:
        assert str(exc)
    else:
        assert isinstance(s, Session)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_paste_parser_fuzz(text):
    try:
        m = parse_matrix(text)
    except ValueError as exc:
        assert str(exc)
    else:
        assert m.ndim == 2 and np.all(np.isfinite(m))
