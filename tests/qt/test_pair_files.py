"""The shipped sample pair and bad files, read through the window's image loader."""

import numpy as np
import pytest
from PySide6.QtGui import QImage

from convlab.core.descent import descend
from convlab.model import stability as S
from convlab.model.pair import (PAIR_KERNEL, SAMPLE_INPUT, SAMPLE_TARGET, pair_problem,
                                target_from_file)
from convlab.qt.image_io import load_image


@pytest.fixture(scope="module")
def sample():
    x, _ = load_image(SAMPLE_INPUT)
    t, note = target_from_file(SAMPLE_TARGET, x, load_image)
    assert note == ""
    return x, t


def test_the_sample_pair_is_exact_in_8_bits(sample):
    x, t = sample
    assert x.shape == t.shape == (1, 128, 128)
    levels = x * 255
    np.testing.assert_allclose(levels, np.round(levels / 16) * 16, atol=1e-9)


def test_least_squares_recovers_the_shipped_kernel(sample):
    p = pair_problem(*sample, 5)
    np.testing.assert_allclose(p.true_weight[0, 0], PAIR_KERNEL, atol=1e-9)


def test_gradient_descent_learns_the_shipped_kernel_within_1e_3(sample):
    """κ ≈ 1.4e4: plain SGD would need ~1e5 steps; heavy-ball momentum at the rate and
    momentum the curvature gives needs about √κ times fewer."""
    p = pair_problem(*sample, 5)
    s = S.of_problem(p, "sse")
    a, b = np.sqrt(s.lambda_max), np.sqrt(s.lambda_min)
    lr, beta = 4 / (a + b) ** 2, ((a - b) / (a + b)) ** 2
    for step in descend(p.x, p.target, p.weight, None, lr=lr, steps=1500,
                        optimizer="momentum", momentum=beta, **p.descend_kwargs()):
        pass
    assert np.abs(step.weight[0, 0] - PAIR_KERNEL).max() < 1e-3


def save(path, w, h, colour=False, fill=0x808080):
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(fill if colour else 0x808080)
    assert img.save(str(path))
    return path


def test_bad_files_are_refused_with_a_sentence(tmp_path, sample):
    x, _ = sample
    corrupt = tmp_path / "corrupt.png"
    corrupt.write_bytes(SAMPLE_TARGET.read_bytes()[:200])
    with pytest.raises(ValueError, match="corrupt|could not|not an image"):
        target_from_file(corrupt, x, load_image)
    with pytest.raises(ValueError, match="a different shape"):
        target_from_file(save(tmp_path / "wide.png", 200, 100), x, load_image)
    with pytest.raises(ValueError, match="colour but the input is grey"):
        target_from_file(save(tmp_path / "red.png", 128, 128, True, 0xFF2040), x, load_image)


def test_a_larger_target_is_scaled_with_a_note(tmp_path, sample):
    x, _ = sample
    t, note = target_from_file(save(tmp_path / "big.png", 256, 256), x, load_image)
    assert t.shape == x.shape
    assert "“big.png” is 256×256; it was scaled to the input's 128×128" in note
