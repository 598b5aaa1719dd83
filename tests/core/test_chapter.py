"""Every printed example of the chapter, with the expected values worked by hand."""

import numpy as np
import pytest

from convlab.core import conv2d, corr2d, output_shape, pool2d


def edge_image():
    x = np.ones((6, 8))
    x[:, 2:6] = 0
    return x


def test_cross_correlation_of_the_3x3_matrix():
    x = np.arange(9.0).reshape(3, 3)
    k = np.array([[0.0, 1.0], [2.0, 3.0]])
    # 0*0 + 1*1 + 3*2 + 4*3 = 19, and so on.
    np.testing.assert_array_equal(corr2d(x, k), [[19, 25], [37, 43]])


def test_edge_detection_and_its_transpose():
    y = corr2d(edge_image(), np.array([[1.0, -1.0]]))
    want = np.zeros((6, 7))
    want[:, 1], want[:, 5] = 1, -1  # white→black and black→white edges
    np.testing.assert_array_equal(y, want)
    np.testing.assert_array_equal(corr2d(edge_image().T, np.array([[1.0, -1.0]])),
                                  np.zeros((8, 5)))


def multi_input():
    x = np.array([[[0, 1, 2], [3, 4, 5], [6, 7, 8]],
                  [[1, 2, 3], [4, 5, 6], [7, 8, 9]]], float)
    k = np.array([[[0, 1], [2, 3]], [[1, 2], [3, 4]]], float)
    return x, k


def test_multiple_input_channels_sum_over_channels():
    x, k = multi_input()
    np.testing.assert_array_equal(conv2d(x, k[None])[0], [[56, 72], [104, 120]])


def test_multiple_output_channels():
    x, k = multi_input()
    out = conv2d(x, np.stack([k, k + 1, k + 2]))
    want = [[[56, 72], [104, 120]], [[76, 100], [148, 172]], [[96, 128], [192, 224]]]
    np.testing.assert_array_equal(out, want)


def test_1x1_convolution_is_a_matrix_product_over_channels():
    rng = np.random.default_rng(0)
    x, k = rng.normal(size=(3, 3, 3)), rng.normal(size=(2, 3, 1, 1))
    want = (k[:, :, 0, 0] @ x.reshape(3, -1)).reshape(2, 3, 3)
    np.testing.assert_allclose(conv2d(x, k), want, rtol=1e-12)


@pytest.mark.parametrize("mode,want", [("max", [[4, 5], [7, 8]]),
                                       ("avg", [[2, 3], [5, 6]])])
def test_pooling_the_3x3_matrix(mode, want):
    x = np.arange(9.0).reshape(1, 3, 3)
    np.testing.assert_array_equal(pool2d(x, 2, stride=1, mode=mode)[0], want)


def test_pooling_the_4x4_matrix():
    x = np.arange(16.0).reshape(1, 4, 4)
    np.testing.assert_array_equal(pool2d(x, 3), [[[10]]])  # stride = window
    np.testing.assert_array_equal(pool2d(x, 3, padding=1, stride=2),
                                  [[[5, 7], [13, 15]]])
    np.testing.assert_array_equal(pool2d(x, (2, 3), padding=(0, 1), stride=(2, 3)),
                                  [[[5, 7], [13, 15]]])


def test_pooling_two_channels():
    x = np.arange(16.0).reshape(1, 4, 4)
    x2 = np.concatenate([x, x + 1])
    np.testing.assert_array_equal(pool2d(x2, 3, padding=1, stride=2),
                                  [[[5, 7], [13, 15]], [[6, 8], [14, 16]]])


def test_padding_examples_keep_8x8():
    assert output_shape((8, 8), (3, 3), padding=1) == (8, 8)
    assert output_shape((8, 8), (5, 3), padding=(2, 1)) == (8, 8)
    assert output_shape((8, 8), (3, 3), padding="same") == (8, 8)  # Keras 'same'


def test_stride_examples():
    assert output_shape((8, 8), (3, 3), padding="same", stride=2) == (4, 4)
    assert output_shape((8, 8), (3, 3), padding=1, stride=2) == (4, 4)
    # Keras Conv2D(kernel_size=(3, 5), padding="valid", strides=(3, 4)):
    # rows ⌊(8 − 3) / 3⌋ + 1 = 2, columns ⌊(8 − 5) / 4⌋ + 1 = 1.
    assert output_shape((8, 8), (3, 5), padding="valid", stride=(3, 4)) == (2, 1)
    # d2l's PyTorch variant pads (0, 1): columns ⌊(8 + 2 − 5) / 4⌋ + 1 = 2.
    assert output_shape((8, 8), (3, 5), padding=(0, 1), stride=(3, 4)) == (2, 2)
