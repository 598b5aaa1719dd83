"""Copy as code: the generated NumPy, PyTorch and Keras code gives the app's numbers.

NumPy code runs always; PyTorch code when torch is installed; Keras code when
TensorFlow is installed (``pip install -e ".[frameworks]"``).
"""

import ast

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import naive
from convlab.model.codegen import keras_code, numpy_code, pytorch_code
from convlab.model.compute import compute
from convlab.model.document import Document, Geometry, Pooling
from naive import MODES


@st.composite
def docs(draw):
    ci, co = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    mode = draw(st.sampled_from(MODES))
    thin = draw(st.booleans())  # inputs one to three cells across, padding wider still
    h = draw(st.integers(1, 3) if thin else st.integers(kh, 12))
    w = draw(st.integers(1, 3) if thin else st.integers(kw, 12))
    pad = tuple(draw(st.integers(0, 5 if mode == "circular" else 2)) for _ in range(4))
    rng = np.random.default_rng(draw(st.integers(0, 10**6)))
    g = Geometry(pad, mode, (draw(st.integers(1, 3)), draw(st.integers(1, 3))),
                 (draw(st.integers(1, 3)), draw(st.integers(1, 3))), draw(st.booleans()))
    pw = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    pooling = Pooling(draw(st.booleans()), draw(st.sampled_from(("max", "avg"))), pw,
                      draw(st.sampled_from([None, (1, 2), (2, 1), (3, 3)])),
                      tuple(draw(st.integers(0, pw[i // 2] // 2)) for i in range(4)))
    return Document(image=rng.random((ci, h, w)), weight=rng.normal(size=(co, ci, kh, kw)),
                    bias=rng.normal(size=co), geometry=g, pooling=pooling)


def run(code):
    ns = {}
    exec(compile(code, "<generated>", "exec"), ns)
    return ns


def check(generate, doc):
    """The generated code's output equals the app's and the tests' own loops."""
    frame = compute(doc)
    if not frame.ok:
        return
    g = doc.geometry
    want = naive.conv2d(np.asarray(doc.image, float), doc.weight, doc.bias, g.stride, g.pad,
                        g.dilation, g.mode, g.flip)
    np.testing.assert_allclose(frame.output, want, rtol=1e-5, atol=1e-5)  # float32 app
    ns = run(generate(doc))
    np.testing.assert_allclose(ns["convolve"](doc.image), want, rtol=1e-9, atol=1e-9)
    assert ("forward" in ns) == doc.pooling.enabled
    if frame.pooled is not None:
        p = doc.pooling
        pooled = naive.pool2d(want, p.window, p.stride or p.window, p.pad, p.mode)
        np.testing.assert_allclose(ns["forward"](doc.image), pooled, rtol=1e-9, atol=1e-9)


@settings(max_examples=80, deadline=None)
@given(docs())
def test_generated_numpy_reproduces_the_output(doc):
    check(numpy_code, doc)


@settings(max_examples=40, deadline=None)
@given(docs())
def test_generated_pytorch_reproduces_the_output(doc):
    pytest.importorskip("torch")
    check(pytorch_code, doc)


@settings(max_examples=25, deadline=None)
@given(docs())
def test_generated_keras_reproduces_the_output(doc):
    pytest.importorskip("tensorflow")
    check(keras_code, doc)


ISSUE_CASES = [
    # Keras: zero padding equal to 'same' at stride 1, with stride and dilation (app [7, 3]).
    Document(image=np.array([[[1.0, 2, 3, 4]]]), weight=np.array([[[[1.0, 2]]]]),
             bias=np.zeros(1), geometry=Geometry((0, 0, 0, 1), "zeros", (1, 2), (1, 2))),
    # PyTorch: circular padding wider than the input wraps again and again.
    Document(image=np.array([[[5.0]]]), weight=np.ones((1, 1, 1, 1)), bias=np.zeros(1),
             geometry=Geometry((2, 2, 0, 0), "circular")),
]


@pytest.mark.parametrize("generate,module", [(numpy_code, "numpy"), (pytorch_code, "torch"),
                                             (keras_code, "tensorflow")])
@pytest.mark.parametrize("doc", ISSUE_CASES)
def test_the_two_wrong_classes_from_the_issue(generate, module, doc):
    pytest.importorskip(module)
    check(generate, doc)


def test_keras_code_says_what_keras_lacks_and_uses_same_only_where_it_fits():
    doc = Document(image=np.ones((1, 8, 8)), weight=np.ones((1, 1, 3, 3)), bias=np.zeros(1),
                   geometry=Geometry((1, 1, 1, 1), "circular", (2, 2), (2, 2)))
    code = keras_code(doc)
    ast.parse(code)
    assert "no circular padding" in code and 'mode="wrap"' in code
    assert "cannot combine strides > 1 with dilation > 1" in code and "[:, ::2, ::2]" in code
    same = Document(image=np.ones((1, 8, 8)), weight=np.ones((1, 1, 3, 3)), bias=np.zeros(1),
                    geometry=Geometry((0, 1, 0, 1), "zeros", (2, 2)))
    assert 'padding="same"' in keras_code(same)  # the chapter's Keras 'same'
    assert 'padding="same"' not in keras_code(ISSUE_CASES[0])
    assert 'padding="valid"' in keras_code(Document(image=np.ones((1, 8, 8)),
                                                    weight=np.ones((1, 1, 3, 5)),
                                                    bias=np.zeros(1),
                                                    geometry=Geometry(stride=(3, 4))))


def test_pooling_is_in_every_snippet():
    doc = Document(image=np.ones((1, 8, 8)), weight=np.ones((1, 1, 3, 3)), bias=np.zeros(1),
                   pooling=Pooling(True, "avg", (2, 2), None, (1, 0, 0, 1)))
    for generate in (numpy_code, pytorch_code, keras_code):
        code = generate(doc)
        ast.parse(code)
        assert "def pool(y)" in code and "def forward(x)" in code and "avg over 2×2" in code
