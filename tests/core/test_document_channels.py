import numpy as np

from convlab.core import conv2d
from convlab.model.document import Document, adapted_weight, channel_adaptation, channel_note


def test_adapting_keeps_a_grey_image_s_output_and_goes_back_exactly():
    rng = np.random.default_rng(0)
    w1 = rng.normal(size=(2, 1, 3, 3))
    grey = rng.random((1, 9, 9))
    w3 = adapted_weight(w1, 3)
    np.testing.assert_allclose(conv2d(np.repeat(grey, 3, 0), w3), conv2d(grey, w1), atol=1e-12)
    np.testing.assert_allclose(adapted_weight(w3, 1), w1, atol=1e-12)


def test_with_image_noted_says_what_happened():
    doc = Document(image=np.ones((1, 4, 4)), weight=np.array([[[[0.0, 1], [2, 3]]]]),
                   bias=np.zeros(1))
    colour, note = doc.with_image_noted(np.ones((3, 4, 4)), "rgb")
    assert "3 channels" in note and "divided by 3" in note
    assert channel_adaptation(doc, colour) == note
    assert doc.with_image_noted(np.ones((1, 5, 5)), "grey")[1] == ""
    back, note = colour.with_image_noted(np.ones((1, 4, 4)), "grey")
    assert "added into one" in note
    np.testing.assert_allclose(back.weight, doc.weight)
    assert channel_note(3, 3) == ""
