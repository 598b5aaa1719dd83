"""One lesson per example of the chapter: settings, an explanation, the expected result.

The expected numbers are the chapter's own (worked by hand in the comments),
never computed by the code under test.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from convlab.model.document import Document, Geometry, Pooling
from convlab.model.samples import edge_image
from convlab.model.translatable import QT_TRANSLATE_NOOP

# The lesson check's sentences. Titles, texts and these are English here; the window
# shows them through QCoreApplication.translate("Lessons", ...). The documents'
# image names are sample names (context "Samples").
# Sample names (the Input panel's list shows them translated, context "Samples").
ARANGE3_NAME = QT_TRANSLATE_NOOP("Samples", "Chapter 3×3 arange")
EDGE_NAME = QT_TRANSLATE_NOOP("Samples", "Chapter 6×8 edge image")
TRANSPOSED_NAME = QT_TRANSLATE_NOOP("Samples", "Transposed edge image")
RANDOM8_NAME = QT_TRANSLATE_NOOP("Samples", "random 8×8")
TWO_CHANNELS_NAME = QT_TRANSLATE_NOOP("Samples", "Chapter 2-channel input")
RANDOM3_NAME = QT_TRANSLATE_NOOP("Samples", "random 3×3×3")
ARANGE4_NAME = QT_TRANSLATE_NOOP("Samples", "Chapter 4×4 arange")
X_AND_X1_NAME = QT_TRANSLATE_NOOP("Samples", "X and X + 1")

NO_RESULT = QT_TRANSLATE_NOOP("Lessons", "The app has no result for these settings.")
AGREES = QT_TRANSLATE_NOOP("Lessons", "✓ The app's result equals the chapter's.")
DIFFERS = QT_TRANSLATE_NOOP("Lessons", "✗ The app's result differs from the chapter's "
                                       "(settings were changed?).")
OTHER_INPUT = QT_TRANSLATE_NOOP("Lessons", "The window shows another input now, so this "
                                           "lesson is not checked: choose it again from the "
                                           "Lessons menu to go back to its example.")
LEARNED = QT_TRANSLATE_NOOP("Lessons", "✓ The learned kernel's result is within 0.1 of the "
                                       "chapter's, as learning promises: close, not exact.")
UNLEARNED = QT_TRANSLATE_NOOP("Lessons", "Nothing learned yet: the grid holds the kernel to "
                                         "learn, and its output is the target. Press Play: "
                                         "gradient descent starts from another kernel and "
                                         "should come within 0.1 of this one.")
# How far a learned kernel's output may be from the chapter's and still pass
# (the text above says 0.1). Ten steps at the chapter's rate end near
# [1.006, −0.979]: 0.027 at most; the chapter's own run prints a kernel about
# as close.
LEARNED_WITHIN = 0.1

ARANGE3 = np.arange(9.0).reshape(3, 3)
ARANGE4 = np.arange(16.0).reshape(4, 4)
K2 = np.array([[0.0, 1.0], [2.0, 3.0]])
TWO_CHANNELS = np.stack([ARANGE3, ARANGE3 + 1])
K_TWO = np.stack([K2, K2 + 1])


@dataclass(frozen=True, eq=False)
class Lesson:
    title: str
    text: str
    doc: Document
    expected: np.ndarray | None = None  # the stage's values, (C, H, W)
    expected_shape: tuple[int, int] | None = None  # when only the shape is printed
    stage: str = "output"  # "output" or "pooled"
    learn: bool = False
    code: str = ""

    def check(self, frame, untouched: bool = False,
              other_input: bool = False) -> tuple[bool | None, str]:
        """Does the app's result equal the chapter's? And a sentence saying so.
        None for a learning lesson whose kernel is ``untouched``, still the one
        the lesson put in the grid to learn: nothing has been learned to pass
        or fail (it said "✓ equals the chapter's" before Play); None too with
        ``other_input``, the lesson's input replaced (a photo opened): a red
        "✗ differs" stayed on a lesson the user had left."""
        if other_input:
            return None, OTHER_INPUT
        got = frame.pooled if self.stage == "pooled" else frame.output
        if got is None:
            return False, NO_RESULT
        if self.expected is None:
            ok = got.shape[1:] == tuple(self.expected_shape)
            return ok, (AGREES if ok else DIFFERS)
        if got.shape != self.expected.shape:
            return False, DIFFERS
        if np.allclose(got, self.expected):
            return (None, UNLEARNED) if self.learn and untouched else (True, AGREES)
        if self.learn and np.abs(got - self.expected).max() <= LEARNED_WITHIN:
            return True, LEARNED  # a run of the Learn panel got this close
        return False, DIFFERS


def _doc(image, weight, name, geometry=Geometry(), pooling=Pooling(), bias=None):
    weight = np.asarray(weight, float)
    while weight.ndim < 4:
        weight = weight[None]
    bias = np.zeros(weight.shape[0]) if bias is None else bias
    return Document(image=image, weight=weight, bias=bias, image_name=name,
                    geometry=geometry, pooling=pooling)


def _identity_then_pool(image, name, **pool) -> Document:
    """A 1×1 kernel of 1 passes the input through, so the pooling stage sees it."""
    c = np.asarray(image).shape[0] if np.ndim(image) == 3 else 1
    weight = np.eye(c)[:, :, None, None]
    return _doc(image, weight, name, pooling=Pooling(enabled=True, **pool))


def _edges_expected(transposed: bool) -> np.ndarray:
    if transposed:
        return np.zeros((1, 8, 5))
    y = np.zeros((1, 6, 7))
    y[0, :, 1], y[0, :, 5] = 1, -1
    return y


def _lessons() -> list[Lesson]:
    rng = np.random.default_rng(0)
    eight = rng.random((8, 8))
    return [
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Cross-correlation of a 3×3 matrix"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "The 2×2 kernel slides over the 3×3 input from the top-left, one "
                   "cell at a time. Each output is the sum of the products under the "
                   "window: 0·0 + 1·1 + 3·2 + 4·3 = 19."),
               _doc(ARANGE3, K2, ARANGE3_NAME), np.array([[[19, 25], [37, 43]]]),
               code="corr2d(X, K)"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Edge detection with [1, −1]"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "A 6×8 image of ones with a band of zeros in the middle (the "
                   "chapter's white and black, drawn here in red and white like every "
                   "positive value and 0). The kernel [1, −1] gives 1 where ones turn to "
                   "zeros, −1 where zeros turn to ones, and 0 where nothing changes."),
               _doc(edge_image(), [[1, -1]], EDGE_NAME), _edges_expected(False),
               code="corr2d(X, K)"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "The same kernel on the transposed image"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "Transposed, the edges run horizontally; the kernel [1, −1] only "
                   "sees horizontal change, so the output is all zeros."),
               _doc(edge_image().T, [[1, -1]], TRANSPOSED_NAME), _edges_expected(True),
               code="corr2d(X.T, K)"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Learning the edge kernel"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "Given the edge image and its edges, gradient descent finds the "
                   "kernel. Press Play in the Learn panel: in 10 steps of learning "
                   "rate 3.21e-2 the kernel approaches [1, −1] and the squared error "
                   "falls."),
               _doc(edge_image(), [[1, -1]], EDGE_NAME), _edges_expected(False),
               learn=True, code="learning_a_kernel(X, Y, (1, 2))"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Padding: a 3×3 kernel keeps 8×8"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "Without padding a 3×3 kernel shrinks 8×8 to 6×6. One row and "
                   "column of zeros on every side (p = k − 1 = 2 in total) keeps the "
                   "output 8×8."),
               _doc(eight, np.full((3, 3), 1 / 9), RANDOM8_NAME, Geometry(pad=(1, 1, 1, 1))),
               expected_shape=(8, 8), code="Conv2D(1, kernel_size=3, padding='same')"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Padding: a 5×3 kernel keeps 8×8"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "With a 5×3 kernel, pad 2 rows above and below and 1 column left "
                   "and right: (8 + 4 − 5 + 1) × (8 + 2 − 3 + 1) = 8×8."),
               _doc(eight, np.full((5, 3), 1 / 15), RANDOM8_NAME, Geometry(pad=(2, 2, 1, 1))),
               expected_shape=(8, 8), code="Conv2D(1, kernel_size=(5, 3), padding='same')"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Stride 2 with 'same' padding"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "Moving the window two cells at a time halves each side: with "
                   "Keras 'same' padding the output is ⌈8 / 2⌉ = 4 on each side."),
               _doc(eight, np.full((3, 3), 1 / 9), RANDOM8_NAME,
                    Geometry(pad=(0, 1, 0, 1), stride=(2, 2))),
               expected_shape=(4, 4), code="Conv2D(1, kernel_size=3, padding='same', strides=2)"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Stride (3, 4) with 'valid' padding"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "A 3×5 kernel moving 3 down and 4 across, no padding: ⌊(8 − 3 + 3) "
                   "/ 3⌋ = 2 rows and ⌊(8 − 5 + 4) / 4⌋ = 1 column."),
               _doc(eight, np.full((3, 5), 1 / 15), RANDOM8_NAME, Geometry(stride=(3, 4))),
               expected_shape=(2, 1),
               code="Conv2D(1, kernel_size=(3, 5), padding='valid', strides=(3, 4))"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Multiple input channels"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "Two input channels, a 2×2 kernel for each: correlate each channel "
                   "with its kernel and add the results. 19 + 37 = 56 at the top-left."),
               _doc(TWO_CHANNELS, K_TWO[None], TWO_CHANNELS_NAME),
               np.array([[[56, 72], [104, 120]]]), code="corr2d_multi_in(X, K)"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Multiple output channels"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "Stack the kernels K, K + 1 and K + 2: three output channels, each "
                   "the sum over the two input channels."),
               _doc(TWO_CHANNELS, np.stack([K_TWO, K_TWO + 1, K_TWO + 2]),
                    TWO_CHANNELS_NAME),
               np.array([[[56, 72], [104, 120]], [[76, 100], [148, 172]],
                         [[96, 128], [192, 224]]]), code="corr2d_multi_in_out(X, K)"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "1×1 convolution"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "A 1×1 kernel sees no neighbours: at every pixel it mixes the "
                   "channels with the same C_out × C_in matrix, a fully connected "
                   "layer applied pixel by pixel. The 1×1 panel compares it with the "
                   "matrix product."),
               _doc(rng.random((3, 3, 3)), rng.normal(size=(2, 3, 1, 1)), RANDOM3_NAME),
               expected_shape=(3, 3), code="corr2d_multi_in_out_1x1(X, K)"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Max pooling of the 3×3 matrix"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "A 2×2 window, stride 1: each output is the largest value under "
                   "the window."),
               _identity_then_pool(ARANGE3, ARANGE3_NAME, window=(2, 2), stride=(1, 1)),
               np.array([[[4, 5], [7, 8]]]), stage="pooled", code="pool2d(X, (2, 2))"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Average pooling of the 3×3 matrix"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "The same windows, averaged: (0 + 1 + 3 + 4) / 4 = 2 at the "
                   "top-left."),
               _identity_then_pool(ARANGE3, ARANGE3_NAME, mode="avg", window=(2, 2),
                                   stride=(1, 1)),
               np.array([[[2, 3], [5, 6]]]), stage="pooled", code="pool2d(X, (2, 2), 'avg')"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Pooling the 4×4 matrix, default stride"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "A 3×3 window whose stride defaults to the window: only one "
                   "position fits."),
               _identity_then_pool(ARANGE4, ARANGE4_NAME, window=(3, 3)),
               np.array([[[10]]]), stage="pooled", code="MaxPool2D(3)"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Pooling with padding and stride"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "A 3×3 window, padding 1, stride 2. Padded cells never win a "
                   "maximum."),
               _identity_then_pool(ARANGE4, ARANGE4_NAME, window=(3, 3), stride=(2, 2),
                                   pad=(1, 1, 1, 1)),
               np.array([[[5, 7], [13, 15]]]), stage="pooled",
               code="MaxPool2D(3, padding=1, stride=2)"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Pooling with a (2, 3) window"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "A 2×3 window, padding (0, 1), stride (2, 3)."),
               _identity_then_pool(ARANGE4, ARANGE4_NAME, window=(2, 3), stride=(2, 3),
                                   pad=(0, 0, 1, 1)),
               np.array([[[5, 7], [13, 15]]]), stage="pooled",
               code="MaxPool2D((2, 3), padding=(0, 1), stride=(2, 3))"),
        Lesson(QT_TRANSLATE_NOOP("Lessons", "Pooling two channels"),
               QT_TRANSLATE_NOOP(
                   "Lessons",
                   "Pooling works on each channel separately: two channels in, two "
                   "out."),
               _identity_then_pool(np.stack([ARANGE4, ARANGE4 + 1]), X_AND_X1_NAME,
                                   window=(3, 3), stride=(2, 2), pad=(1, 1, 1, 1)),
               np.array([[[5, 7], [13, 15]], [[6, 8], [14, 16]]]), stage="pooled",
               code="MaxPool2D(3, padding=1, stride=2)(cat(X, X + 1))"),
    ]


LESSONS: list[Lesson] = _lessons()
