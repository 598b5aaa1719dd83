"""The kernel's frequency response against numpy.fft and by what it must mean."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convlab.model.spectrum import grid_size, image_spectrum, kernel_spectrum


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 15), st.integers(1, 80), st.integers(0, 2**32 - 1))
def test_kernel_spectrum_is_the_centred_magnitude_of_numpy_fft(kh, kw, seed):
    k = np.random.default_rng(seed).standard_normal((kh, kw))
    s = kernel_spectrum(k)
    n, m = s.magnitude.shape
    assert n >= 64 and m >= 64 and n >= kh and m >= kw
    padded = np.zeros((n, m))
    padded[:kh, :kw] = k
    want = np.abs(np.fft.fftshift(np.fft.fft2(padded)))
    np.testing.assert_allclose(s.magnitude, want, rtol=1e-12, atol=1e-12)
    assert s.dc_gain == pytest.approx(abs(k.sum()), rel=1e-12, abs=1e-12)
    peak = want.max()
    np.testing.assert_allclose(s.log, np.log10(np.maximum(want, 1e-6 * peak)), atol=1e-12)


def test_dc_is_where_fftshift_puts_frequency_zero():
    s = kernel_spectrum(np.ones((3, 3)))
    assert s.dc == (32, 32)
    assert np.fft.fftshift(np.fft.fftfreq(64))[32] == 0.0
    assert s.magnitude[s.dc] == pytest.approx(9.0)


def test_blur_is_low_pass_identity_flat_sobel_high_pass_along_x():
    blur = kernel_spectrum(np.ones((3, 3)) / 9)
    assert blur.magnitude.max() == pytest.approx(blur.dc_gain) == pytest.approx(1.0)
    assert blur.magnitude[0, 0] < 0.2  # the highest frequency is damped
    ident = kernel_spectrum([[0, 0, 0], [0, 1, 0], [0, 0, 0]])
    np.testing.assert_allclose(ident.magnitude, 1.0, rtol=1e-12)
    sobel = kernel_spectrum([[1, 0, -1], [2, 0, -2], [1, 0, -1]])
    assert sobel.dc_gain == pytest.approx(0.0, abs=1e-12)
    assert sobel.magnitude[32, 48] == pytest.approx(8.0)  # along x: passes
    assert sobel.magnitude[48, 32] == pytest.approx(0.0, abs=1e-12)  # along y: blocked


def test_image_spectrum_matches_numpy_fft():
    a = np.random.default_rng(3).standard_normal((17, 30))
    np.testing.assert_allclose(image_spectrum(a).magnitude,
                               np.abs(np.fft.fftshift(np.fft.fft2(a))), rtol=1e-12)


def test_zero_kernel_and_bad_shapes():
    z = kernel_spectrum(np.zeros((2, 2)))
    assert np.all(z.magnitude == 0) and np.all(np.isfinite(z.log))
    with pytest.raises(ValueError, match="2-D kernel"):
        kernel_spectrum(np.zeros((1, 2, 2)))
    assert grid_size(100) == 128 and grid_size(3) == 64 and grid_size(64) == 64
