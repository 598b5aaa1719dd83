"""The player's highlighted cells are exactly the cells the core reads."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from convlab.core import conv2d, pad2d
from convlab.model.compute import compute
from convlab.model.document import Document, Geometry, Pooling
from convlab.model.player import player_frame
from naive import MODES


@st.composite
def docs(draw):
    kh, kw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    g = Geometry(tuple(draw(st.integers(0, 2)) for _ in range(4)), draw(st.sampled_from(MODES)),
                 (draw(st.integers(1, 3)), draw(st.integers(1, 3))),
                 (draw(st.integers(1, 2)), draw(st.integers(1, 2))))
    rng = np.random.default_rng(draw(st.integers(0, 10**6)))
    h, w = draw(st.integers(7, 9)), draw(st.integers(7, 9))
    weight = rng.normal(size=(1, 1, kh, kw)) + 3.0  # no zero taps: every tap matters
    return Document(image=rng.random((1, h, w)), weight=weight, bias=np.zeros(1), geometry=g)


def core_padded_dependencies(doc, padded, i, j):
    """Padded cells whose perturbation moves output (i, j), by the core itself."""
    g = doc.geometry
    base = conv2d(padded, doc.weight, stride=g.stride, dilation=g.dilation)[0, i, j]
    found = set()
    for r, c in np.ndindex(padded.shape[1:]):
        moved = padded.copy()
        moved[0, r, c] += 1.0
        if conv2d(moved, doc.weight, stride=g.stride, dilation=g.dilation)[0, i, j] != base:
            found.add((r, c))
    return found


def core_input_dependencies(doc, i, j):
    """Input cells whose perturbation moves output (i, j), through the padding too."""
    x = np.asarray(doc.image, float)
    kw = doc.geometry.conv_kwargs()
    base = conv2d(x, doc.weight, **kw)[0, i, j]
    found = set()
    for r, c in np.ndindex(x.shape[1:]):
        moved = x.copy()
        moved[0, r, c] += 1.0
        if abs(conv2d(moved, doc.weight, **kw)[0, i, j] - base) > 1e-9:
            found.add((r, c))
    return found


@settings(max_examples=40, deadline=None)
@given(docs(), st.data())
def test_each_frame_highlights_what_the_core_reads(doc, data):
    frame = compute(doc)
    if not frame.ok:
        return
    ho, wo = frame.output.shape[1:]
    index = data.draw(st.integers(0, ho * wo - 1))
    pf = player_frame(doc, frame, index)
    i, j = pf.position
    assert (i, j) == divmod(index, wo)  # row-major: right by the stride, then down
    padded = pad2d(np.asarray(doc.image, float), doc.geometry.pad, doc.geometry.mode)
    assert set(pf.taps) == core_padded_dependencies(doc, padded, i, j)
    assert set(pf.sources) == core_input_dependencies(doc, i, j)
    written = ~np.isnan(pf.partial)
    assert written.sum() == index + 1 and written.reshape(-1)[index]
    np.testing.assert_allclose(pf.partial[written], frame.output[0][written])


def test_pooling_frames_cover_the_pooling_window():
    x = np.arange(16.0).reshape(1, 4, 4)
    doc = Document(image=x, weight=np.ones((1, 1, 1, 1)), bias=np.zeros(1),
                   pooling=Pooling(True, "max", (3, 3), (2, 2), (1, 1, 1, 1)))
    frame = compute(doc)
    pf = player_frame(doc, frame, 3, "pooling")  # pooled (1, 1) of [[5, 7], [13, 15]]
    assert pf.position == (1, 1) and pf.value == 15 and pf.count == 4
    assert set(pf.taps) == {(r, c) for r in (1, 2, 3) for c in (1, 2, 3)}
