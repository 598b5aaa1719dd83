"""The lesson check: exact for the chapter's worked examples, close enough
for the one a run of gradient descent produces."""

from types import SimpleNamespace

import numpy as np
import pytest

from convlab.model.lessons import AGREES, DIFFERS, LEARNED, LESSONS, UNLEARNED


def lesson(title):
    return next(l for l in LESSONS if l.title == title)


def frame(output):
    return SimpleNamespace(output=None if output is None else np.asarray(output, float),
                           pooled=None)


def edges(kernel):
    """The chapter's 6×8 edge image through a 1×2 kernel, by hand: ones in
    columns 0-1 and 6-7, zeros between."""
    x = np.ones((6, 8))
    x[:, 2:6] = 0
    a, b = kernel
    return (a * x[:, :-1] + b * x[:, 1:])[None]


@pytest.mark.parametrize("kernel, verdict", [
    ((1.0, -1.0), UNLEARNED),  # the kernel to learn itself: before Play
    ((1.006, -0.979), LEARNED),  # ten steps at the chapter's rate
    ((1.04, -0.97), LEARNED),  # 0.07 off where ones meet ones
    ((1.09, -0.92), DIFFERS),  # 0.17 off where ones meet ones
    ((np.nan, -1.0), DIFFERS),  # a run that diverged
])
def test_the_learning_lesson_accepts_a_learned_kernel_close_to_the_chapters(kernel, verdict):
    untouched = verdict == UNLEARNED  # the grid still holds the kernel the lesson put there
    ok, said = lesson("Learning the edge kernel").check(frame(edges(kernel)), untouched)
    ok_for = {LEARNED: True, DIFFERS: False, UNLEARNED: None}
    assert said == verdict and ok is ok_for[verdict]


def test_a_run_that_converges_passes():
    """A long run reaches [1, −1] to float precision: its output agrees; only
    the untouched grid has learned nothing yet."""
    learned = edges((1 + 1e-12, -1 + 1e-12))
    assert lesson("Learning the edge kernel").check(frame(learned)) == (True, AGREES)


def test_other_lessons_stay_exact():
    """The same small error fails a lesson that is not learned."""
    ok, said = lesson("Edge detection with [1, −1]").check(frame(edges((1.006, -0.979))))
    assert not ok and said == DIFFERS
    assert lesson("Edge detection with [1, −1]").check(frame(edges((1, -1)))) == (True, AGREES)


def test_a_wrong_shape_or_no_result_fails():
    learn = lesson("Learning the edge kernel")
    assert learn.check(frame(np.zeros((1, 6, 6))))[0] is False
    assert learn.check(frame(None))[0] is False
