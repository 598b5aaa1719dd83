"""Undo labels keep their texts; the channel rule; Geometry as keyword arguments."""

import numpy as np
import pytest

from convlab.core import conv2d
from convlab.core.descent import descend
from convlab.model import history
from convlab.model.document import Document, Geometry, inside
from convlab.model.history import MERGEABLE, NOT_UNDOABLE, History, UndoLabel


def test_undo_labels_keep_the_texts_the_menu_shows():
    assert {str(m) for m in MERGEABLE} == {
        "padding", "stride/dilation", "bias", "pooling", "kernel size", "output channels",
        "learning run", "padding mode", "learning settings"}
    assert NOT_UNDOABLE == {"select slice"}
    assert f"&Undo {UndoLabel.STRIDE_DILATION}" == "&Undo stride/dilation"
    assert history.padding_preset("same") == "same padding"
    assert history.kernel_preset("Sobel x") == "preset Sobel x"


def test_a_plain_string_label_merges_like_its_constant():
    doc = Document(image=np.zeros((3, 3)), weight=np.zeros((1, 1, 1, 1)), bias=np.zeros(1))
    h = History(doc)
    h.push(doc, UndoLabel.PADDING)
    h.push(doc, "padding")
    assert h.undo_label() == "padding" and len(h._items) == 2


@pytest.mark.parametrize("index, count, want", [(0, 1, 0), (2, 3, 2), (5, 3, 2), (1, 1, 0)])
def test_inside_keeps_an_index_inside_the_channel_count(index, count, want):
    assert inside(index, count) == want


def test_document_channels_follow_a_smaller_frame():
    doc = Document(image=np.zeros((2, 3, 3)), weight=np.zeros((4, 2, 1, 1)), bias=np.zeros(4),
                   selected=(3, 1))
    assert (doc.out_channel(4), doc.in_channel(2)) == (3, 1)
    assert (doc.out_channel(2), doc.in_channel(1)) == (1, 0)


def test_conv_kwargs_drive_conv2d_and_descend():
    g = Geometry((1, 0, 2, 1), "replicate", (2, 1), (1, 2), flip=True)
    assert g.conv_kwargs()["flip"] is True
    assert "flip" not in g.conv_kwargs(with_flip=False)
    x = np.arange(30.0).reshape(1, 5, 6)
    w = np.arange(4.0).reshape(1, 1, 2, 2)
    flipped = conv2d(x, w[:, :, ::-1, ::-1], **g.conv_kwargs(with_flip=False))
    np.testing.assert_allclose(conv2d(x, w, **g.conv_kwargs()), flipped)
    steps = list(descend(x, flipped, np.zeros((1, 1, 2, 2)), lr=1e-6, steps=3,
                         **g.conv_kwargs(with_flip=False)))
    assert steps[-1].loss < steps[0].loss
