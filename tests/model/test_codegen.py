import ast

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import naive
from convlab.model.codegen import keras_code, numpy_code, pytorch_code
from convlab.model.document import Document, Geometry

MODES = ("zeros", "reflect", "replicate", "circular")


@st.composite
def docs(draw):
    ci, co = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    pad = tuple(draw(st.integers(0, 2)) for _ in range(4))
    mode = draw(st.sampled_from(MODES))
    rng = np.random.default_rng(draw(st.integers(0, 10**6)))
    h, w = draw(st.integers(kh + 2, 12)), draw(st.integers(kw + 2, 12))
    g = Geometry(pad, mode, (draw(st.integers(1, 3)), draw(st.integers(1, 3))),
                 (draw(st.integers(1, 2)), draw(st.integers(1, 2))), draw(st.booleans()))
    return Document(image=rng.random((ci, h, w)), weight=rng.normal(size=(co, ci, kh, kw)),
                    bias=rng.normal(size=co), geometry=g)


def run(code, x):
    ns = {}
    exec(compile(code, "<generated>", "exec"), ns)
    return ns["convolve"](x)


def want(doc):
    g = doc.geometry
    return naive.conv2d(np.asarray(doc.image, float), doc.weight, doc.bias, g.stride, g.pad,
                        g.dilation, g.mode, g.flip)


def check(generate, doc):
    """The generated code's output equals the tests' own loops, where defined."""
    try:
        expected = want(doc)
    except (ValueError, IndexError):
        return
    if expected.size == 0 or min(expected.shape) < 1:
        return
    np.testing.assert_allclose(run(generate(doc), doc.image), expected, rtol=1e-9, atol=1e-9)


@settings(max_examples=60, deadline=None)
@given(docs())
def test_generated_numpy_reproduces_the_output(doc):
    check(numpy_code, doc)


@settings(max_examples=30, deadline=None)
@given(docs())
def test_generated_pytorch_reproduces_the_output(doc):
    pytest.importorskip("torch")
    check(pytorch_code, doc)


def test_keras_code_is_valid_python_and_explains_what_keras_lacks():
    doc = Document(image=np.ones((1, 8, 8)), weight=np.ones((1, 1, 3, 3)), bias=np.zeros(1),
                   geometry=Geometry((1, 1, 1, 1), "circular", (2, 2), (2, 2)))
    code = keras_code(doc)
    ast.parse(code)
    assert "no circular padding" in code and 'mode="wrap"' in code
    assert "cannot combine strides > 1 with dilation > 1" in code and "[:, ::2, ::2]" in code
    same = Document(image=np.ones((1, 8, 8)), weight=np.ones((1, 1, 3, 3)), bias=np.zeros(1),
                    geometry=Geometry((0, 1, 0, 1), "zeros", (2, 2)))
    assert 'padding="same"' in keras_code(same)  # the chapter's Keras 'same'
    assert 'padding="valid"' in keras_code(Document(image=np.ones((1, 8, 8)),
                                                    weight=np.ones((1, 1, 3, 5)),
                                                    bias=np.zeros(1),
                                                    geometry=Geometry(stride=(3, 4))))
