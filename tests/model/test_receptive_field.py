"""Receptive fields through padding, against brute force over every output."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from convlab.model.compute import compute
from convlab.model.document import Document, Geometry
from convlab.model.receptive_field import block_cells, outputs_fed_by, source_cells, tap_cells
from naive import MODES


@st.composite
def documents(draw):
    h, w = draw(st.integers(2, 7)), draw(st.integers(2, 7))
    kh, kw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    mode = draw(st.sampled_from(MODES))
    most = 1 if mode == "reflect" else 3
    pad = tuple(draw(st.integers(0, most)) for _ in range(4))
    g = Geometry(pad, mode, (draw(st.integers(1, 3)), draw(st.integers(1, 3))),
                 (draw(st.integers(1, 2)), draw(st.integers(1, 2))))
    return Document(image=np.zeros((h, w)), weight=np.ones((1, 1, kh, kw)), bias=np.zeros(1),
                    geometry=g)


@settings(max_examples=80, deadline=None)
@given(documents(), st.data())
def test_outputs_fed_by_is_the_inverse_of_source_cells(doc, data):
    frame = compute(doc)
    if not frame.ok:
        return
    out_hw = frame.output.shape[1:]
    r = data.draw(st.integers(0, doc.image.shape[1] - 1))
    c = data.draw(st.integers(0, doc.image.shape[2] - 1))
    want = [(i, j) for i in range(out_hw[0]) for j in range(out_hw[1])
            if (r, c) in source_cells(doc, i, j)]
    assert outputs_fed_by(doc, r, c, out_hw) == want


@settings(max_examples=60, deadline=None)
@given(documents(), st.data())
def test_source_cells_are_the_inputs_the_output_depends_on(doc, data):
    """Change one input cell: exactly the outputs that list it as a source move
    (the kernel is all ones, so no tap can cancel another)."""
    frame = compute(doc)
    if not frame.ok:
        return
    r = data.draw(st.integers(0, doc.image.shape[1] - 1))
    c = data.draw(st.integers(0, doc.image.shape[2] - 1))
    image = np.zeros(doc.image.shape)
    image[0, r, c] = 1.0
    moved = compute(doc.with_image(image, "one-hot")).output[0]
    out_hw = moved.shape
    changed = [(i, j) for i in range(out_hw[0]) for j in range(out_hw[1]) if moved[i, j]]
    assert changed == outputs_fed_by(doc, r, c, out_hw)


@settings(max_examples=80, deadline=None)
@given(documents(), st.data())
def test_a_block_of_outputs_reads_the_union_of_their_cells(doc, data):
    """``block_cells`` (a pooled pixel's hover, an axis at a time) against the
    cells of every output of the block, one by one."""
    frame = compute(doc)
    if not frame.ok:
        return
    oh, ow = frame.output.shape[1:]
    r0, c0 = data.draw(st.integers(0, oh - 1)), data.draw(st.integers(0, ow - 1))
    rows = list(range(r0, data.draw(st.integers(r0 + 1, oh))))
    cols = list(range(c0, data.draw(st.integers(c0 + 1, ow))))
    taps, sources = block_cells(doc, rows, cols)
    assert sorted(taps) == sorted({t for r in rows for c in cols for t in tap_cells(doc, r, c)})
    assert sorted(sources) == sorted({s for r in rows for c in cols
                                      for s in source_cells(doc, r, c)})
