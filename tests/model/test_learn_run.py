import time
from dataclasses import replace

import numpy as np

from convlab.model.document import Document, Geometry
from convlab.model.learn_run import Learner
from convlab.model.learn_problem import LearnSettings, chapter_example, landscape, make_problem


def wait(pred, timeout=10.0):
    end = time.monotonic() + timeout
    while not pred():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.005)


def small_doc():
    x = np.random.default_rng(0).random((10, 12))
    return Document(image=x, weight=np.zeros((1, 1, 3, 3)), bias=np.zeros(1),
                    geometry=Geometry(pad=(1, 1, 1, 1)))


def test_learner_converges_to_the_true_kernel():
    doc = small_doc()
    s = LearnSettings(true_source="Sobel x", lr=0.05, optimizer="adam", threshold=1e-10,
                      max_steps=5000)
    learner = Learner(make_problem(doc, s), s)
    learner.play()
    wait(lambda: learner.finished, 30)
    assert learner.outcome.kind == "converged"
    np.testing.assert_allclose(learner.weights()[0][0, 0], [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
                               atol=1e-3)
    assert learner.stop()


def test_step_pause_and_settings_change():
    doc = small_doc()
    s = LearnSettings(lr=0.001, optimizer="sgd", loss="mse", max_steps=10_000, threshold=0)
    learner = Learner(make_problem(doc, s), s)
    learner.step_once()
    learner.step_once()
    wait(lambda: learner.steps_done == 2 and learner.idle)
    time.sleep(0.05)
    assert learner.steps_done == 2 and not learner.running  # single steps, no run
    learner.update_settings(replace(s, lr=0.0))  # a rate of 0 freezes the kernel
    learner.step_once()
    wait(lambda: learner.steps_done == 3)
    frozen = learner.latest.weight.copy()
    learner.step_once()
    wait(lambda: learner.steps_done == 4)
    np.testing.assert_array_equal(learner.latest.weight, frozen)
    learner.update_settings(replace(s, max_steps=6))  # live: the run stops at 6
    learner.play()
    wait(lambda: learner.finished)
    assert learner.outcome.kind == "max steps" and learner.steps_done == 6
    assert learner.stop()


def test_divergence_restores_the_kernel_with_the_lowest_loss():
    doc = small_doc()
    s = LearnSettings(lr=50.0, optimizer="sgd", loss="sse", max_steps=10_000, threshold=0)
    learner = Learner(make_problem(doc, s), s)
    learner.play()
    wait(lambda: learner.finished)
    o, best = learner.outcome, learner.best
    assert o.kind == "diverged" and f"diverged at step {o.step}" in o.message
    assert f"Restored the kernel of step {best.index}, loss {best.loss:.4g}" in o.message
    w, _ = learner.weights()
    np.testing.assert_array_equal(w, best.weight)
    first, lo, _ = learner.curve.arrays()
    assert best.sse == lo[np.isfinite(lo)].min()  # the lowest loss seen
    assert learner.stop()


def test_stop_ends_a_running_thread_within_a_second():
    doc = small_doc()
    s = LearnSettings(lr=1e-4, optimizer="sgd", max_steps=10**7, threshold=0)
    learner = Learner(make_problem(doc, s), s)
    learner.play()
    wait(lambda: learner.steps_done > 5)
    t0 = time.monotonic()
    assert learner.stop(timeout=1.0)
    assert time.monotonic() - t0 < 1.0


def test_chapter_example_learns_one_minus_one_in_ten_steps():
    doc, s = chapter_example()
    p = make_problem(doc, replace_speed(s))
    learner = Learner(p, replace_speed(s))
    learner.play()
    wait(lambda: learner.finished)
    assert learner.outcome.kind == "max steps" and learner.steps_done == 10
    assert len(learner.curve) == 11 and len(learner.path.array()) == 11
    np.testing.assert_allclose(learner.weights()[0][0, 0], [[1, -1]], atol=0.1)


def replace_speed(s):
    return replace(s, steps_per_second=0)


def test_landscape_is_the_loss_at_each_grid_point():
    doc, s = chapter_example()
    p = make_problem(doc, s)
    w0, w1, loss = landscape(p, np.array([0.0, 0.0]), 2.0, n=5)
    for i in (0, 2, 4):
        for j in (1, 3):
            k = np.array([[[[w0[j], w1[i]]]]])
            from convlab.core import conv2d

            want = float(np.sum((conv2d(p.x, k) - p.target) ** 2))
            assert abs(loss[i, j] - want) < 1e-9 * max(1, want)


def test_shift_image_moves_content_and_fills_zeros():
    from convlab.model.explainers import shift_image

    x = np.arange(12.0).reshape(1, 3, 4)
    s = shift_image(x, 1, -1)
    np.testing.assert_array_equal(s[0], [[0, 0, 0, 0], [1, 2, 3, 0], [5, 6, 7, 0]])
    np.testing.assert_array_equal(shift_image(x, 0, 0), x)


def test_pooling_is_less_sensitive_to_a_one_pixel_shift():
    from convlab.model.explainers import shift_effect
    from convlab.model.document import Pooling

    x = np.zeros((16, 16))
    x[4:12, 6:12] = 1  # in the compared crop (columns 1..14) the edges fall at 4 and 10
    doc = Document(image=x, weight=np.array([[[[1.0, -1.0]]]]), bias=np.zeros(1),
                   pooling=Pooling(enabled=True, window=(4, 4)))
    e = shift_effect(doc, 0, 1)  # the edges move to 5 and 11: the same 4-wide windows
    assert e.shift == (0, 1) and e.conv_change > 0.5
    assert e.pool_change == 0 and e.reduction == 0  # the point the chapter makes
    from convlab.core import conv2d

    a = conv2d(x[None, :, 1:15], doc.weight)[0]  # a shift along x keeps every row
    b = conv2d(x[None, :, 0:14], doc.weight)[0]  # the scene moved one pixel right
    np.testing.assert_array_equal(e.conv_diff, np.abs(b - a))
    assert e.conv_change == np.mean(np.abs(b - a)) / np.mean(np.abs(a))


def test_one_by_one_gap_is_zero_and_none_for_larger_kernels():
    from convlab.model.compute import compute
    from convlab.model.explainers import one_by_one_gap

    rng = np.random.default_rng(2)
    doc = Document(image=rng.random((3, 5, 6)), weight=rng.normal(size=(2, 3, 1, 1)),
                   bias=np.array([0.5, -1.0]), geometry=Geometry(pad=(1, 1, 1, 1), stride=(2, 2)))
    gap = one_by_one_gap(doc, compute(doc))
    assert gap is not None and gap < 1e-9
    bigger = doc.with_kernel_size(3, 3)
    assert one_by_one_gap(bigger, compute(bigger)) is None


def test_history_keeps_typed_cells_apart_and_merges_held_spin_boxes():
    from convlab.model.history import History

    d0 = small_doc()
    h = History(d0)
    d1 = d0.with_kernel(np.ones((3, 3)))
    d2 = d1.with_kernel(np.full((3, 3), 2.0))
    h.push(d1, "edit kernel")
    h.push(d2, "edit kernel")
    assert h.undo() == d1 and h.undo() == d0  # two steps
    h = History(d0)
    g1 = replace_geometry(d0, 1)
    g2 = replace_geometry(d0, 2)
    h.push(g1, "padding")
    h.push(g2, "padding")
    assert h.undo() == d0  # one step for a held spin box
    assert h.redo() == g2 and not h.can_redo()


def replace_geometry(doc, p):
    from dataclasses import replace

    return replace(doc, geometry=Geometry(pad=(p, p, p, p)))


def test_a_short_run_above_the_stable_rate_is_caught_and_rolled_back():
    """The chapter example at 0.05, above its stable SGD rate 1/30: the loss grows
    about four-fold a step, never a million-fold within the 10 steps."""
    doc, s = chapter_example()
    s = replace(s, lr=0.05, steps_per_second=0.0)
    learner = Learner(make_problem(doc, s), s)
    learner.play()
    wait(lambda: learner.finished)
    o, best = learner.outcome, learner.best
    assert o.kind == "diverged" and o.step <= s.max_steps
    assert f"Restored the kernel of step {best.index}" in o.message
    first, lo, _ = learner.curve.arrays()
    assert best.sse == lo.min() and lo[0] >= best.sse
    assert learner.stop()


def test_a_stable_run_is_never_called_diverged():
    doc, s = chapter_example()  # the chapter's 3.21e-2, just inside 1/30
    s = replace(s, steps_per_second=0.0)
    learner = Learner(make_problem(doc, s), s)
    learner.play()
    wait(lambda: learner.finished)
    assert learner.outcome.kind == "max steps"
    assert learner.stop()
