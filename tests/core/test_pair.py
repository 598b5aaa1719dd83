"""Learning from a pair of images: matching the target, the problem, the answer."""

import numpy as np
import pytest

from convlab.core import conv2d
from convlab.core.descent import descend
from convlab.model import stability as S
from convlab.model.document import Document
from convlab.model.pair import (PAIR_KERNEL, best_kernel, match_target, pair_document,
                                pair_problem, resample, target_from_file)

rng = np.random.default_rng(7)


def test_same_size_target_is_kept_without_a_note():
    x, t = rng.random((1, 20, 30)), rng.random((1, 20, 30))
    got, note = match_target(x, t)
    np.testing.assert_array_equal(got, t)
    assert note == ""


def test_a_larger_target_of_the_same_shape_is_scaled_with_a_note():
    x = rng.random((3, 20, 30))
    t = np.broadcast_to(np.linspace(0, 1, 60), (3, 40, 60)).copy()
    got, note = match_target(x, t, "“big.png”")
    assert got.shape == x.shape
    assert "“big.png” is 60×40; it was scaled to the input's 30×20" in note
    # a linear ramp stays a linear ramp (interior), and the mean is kept
    np.testing.assert_allclose(np.diff(got[0, 0, 1:-1]), np.diff(got[0, 0, 1:-1]).mean())
    assert got.mean() == pytest.approx(t.mean(), abs=1e-2)


def test_resample_to_the_same_size_is_the_identity():
    a = rng.random((2, 5, 7))
    np.testing.assert_allclose(resample(a, 5, 7), a, atol=1e-15)


@pytest.mark.parametrize("target_shape, message", [
    ((1, 20, 20), "a different shape"),
    ((3, 20, 30), "the target is colour but the input is grey"),
])
def test_bad_pairs_are_refused_with_a_sentence(target_shape, message):
    with pytest.raises(ValueError, match=message):
        match_target(np.zeros((1, 20, 30)), np.zeros(target_shape))


def test_a_corrupt_file_reaches_the_user_as_the_loaders_message(tmp_path):
    def loader(path):
        raise ValueError("“bad.png” could not be decoded")

    with pytest.raises(ValueError, match="could not be decoded"):
        target_from_file(tmp_path / "bad.png", np.zeros((1, 4, 4)), loader)


def test_target_from_file_joins_the_loaders_note_and_the_scaling_note(tmp_path):
    t = rng.random((1, 8, 12))
    got, note = target_from_file(tmp_path / "t.npy", np.zeros((1, 4, 6)),
                                 lambda p: (t, "scaled while decoding"))
    assert got.shape == (1, 4, 6)
    assert note.startswith("scaled while decoding “t.npy” is 12×8")


@pytest.mark.parametrize("size", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("bias", [False, True])
def test_best_kernel_recovers_a_known_kernel_for_every_size(size, bias):
    """Colour: one kernel per output channel over every input channel."""
    x = rng.random((3, 24, 26))
    w = rng.standard_normal((3, 3, size, size))
    b = rng.standard_normal(3) if bias else np.zeros(3)
    p = pair_problem(x, np.zeros_like(x), size)  # for the geometry only
    y = conv2d(x, w, b, **p.descend_kwargs())
    assert y.shape == x.shape  # 'same' padding, also for even sizes
    gw, gb = best_kernel(x, y, size, bias=bias)
    np.testing.assert_allclose(gw, w, atol=1e-8)
    np.testing.assert_allclose(gb, b, atol=1e-8)


def test_the_problem_starts_from_zeros_and_its_answer_is_the_least_squares_kernel():
    x = rng.random((1, 30, 30))
    y = conv2d(x, PAIR_KERNEL[None, None], padding="same")
    p = pair_problem(x, y, 5, bias=True)
    assert p.weight.shape == (1, 1, 5, 5) and not p.weight.any()
    assert p.bias is not None and not p.bias.any()
    np.testing.assert_allclose(p.true_weight[0, 0], PAIR_KERNEL, atol=1e-9)
    assert p.true_bias == pytest.approx([0.0], abs=1e-9)


def test_momentum_at_the_rates_stability_suggests_learns_the_kernel():
    """The curvature gives heavy ball's best rate and momentum; descend then converges."""
    x = rng.random((1, 40, 40))
    y = conv2d(x, PAIR_KERNEL[None, None], padding="same")
    p = pair_problem(x, y, 5)
    s = S.of_problem(p, "sse")
    a, b = np.sqrt(s.lambda_max), np.sqrt(s.lambda_min)
    lr, beta = 4 / (a + b) ** 2, ((a - b) / (a + b)) ** 2
    for step in descend(p.x, p.target, p.weight, None, lr=lr, steps=1500,
                        optimizer="momentum", momentum=beta, **p.descend_kwargs()):
        pass
    np.testing.assert_allclose(step.weight[0, 0], PAIR_KERNEL, atol=1e-6)


@pytest.mark.parametrize("size", [0, 16])
def test_kernel_size_must_be_1_to_15(size):
    with pytest.raises(ValueError, match="1 to 15"):
        pair_problem(np.zeros((1, 20, 20)), np.zeros((1, 20, 20)), size)


def test_pair_document_sets_the_kernel_and_same_padding():
    doc = Document(image=np.zeros((3, 10, 12)), weight=np.ones((1, 3, 3, 3)),
                   bias=np.zeros(1))
    d = pair_document(doc, 4)
    assert d.weight.shape == (3, 3, 4, 4) and not d.weight.any()
    assert d.geometry.pad == (1, 2, 1, 2) and d.geometry.stride == (1, 1)
    assert conv2d(d.image, d.weight, d.bias, **d.geometry.conv_kwargs()).shape == (3, 10, 12)
