"""The loss's curvature: exact numbers for the chapter, dense checks, observed divergence."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convlab.core.gram import im2col
from convlab.core.descent import descend
from convlab.model import stability as S
from convlab.model.learn_problem import chapter_example, diverged, make_problem


def chapter_problem():
    doc, s = chapter_example()
    return make_problem(doc, s)


def test_chapter_numbers_are_exact():
    """6×8 edge image, 1×2 kernel, SSE: XᵀX = [[18, 12], [12, 18]], so H has λ 60 and 12."""
    st_ = S.of_problem(chapter_problem(), "sse")
    assert st_.lambda_max == pytest.approx(60.0, rel=1e-14)
    assert st_.lambda_min == pytest.approx(12.0, rel=1e-14)
    assert st_.stable_rate == pytest.approx(1 / 30, rel=1e-14)
    assert st_.condition == pytest.approx(5.0, rel=1e-14)
    assert st_.contraction == pytest.approx(2 / 3, rel=1e-14)
    assert st_.best_rate == pytest.approx(1 / 36, rel=1e-14)
    # the chapter's rate 3.21e-2 is just inside the limit
    assert S.rate_warning(3.21e-2, st_) == ""
    assert S.rate_warning(0.034, st_) == "above 0.0333: the loss will grow"


def test_mean_loss_divides_the_hessian_by_the_number_of_target_values():
    st_ = S.of_problem(chapter_problem(), "mse")  # 6×7 = 42 outputs
    assert st_.lambda_max == pytest.approx(60 / 42, rel=1e-14)
    assert st_.stable_rate == pytest.approx(2 * 42 / 60, rel=1e-14)


def run(problem, lr, loss, optimizer="sgd", steps=3000):
    losses = [s.loss for s in descend(problem.x, problem.target, problem.weight, problem.bias,
                                      lr=lr, steps=steps, loss=loss, optimizer=optimizer,
                                      **problem.descend_kwargs())]
    return losses


@pytest.mark.parametrize("loss", ["sse", "mse"])
def test_descend_diverges_just_above_the_limit_and_converges_just_below(loss):
    """The chapter's random start has error along both eigenvectors (the zero start
    would not: w* = [1, −1] lies along λ_min's eigenvector)."""
    p = chapter_problem()
    limit = S.of_problem(p, loss).stable_rate
    above = run(p, limit * 1.01, loss)
    below = run(p, limit * 0.99, loss)
    assert any(diverged(v, above[0]) for v in above)
    assert below[-1] < below[0] * 1e-20
    assert all(math.isfinite(v) for v in below)


def test_momentum_limit_is_observed_too():
    p = chapter_problem()
    limit = S.rate_limit(S.of_problem(p, "sse"), "momentum", 0.9)
    assert limit == pytest.approx(2 * 1.9 / 60, rel=1e-14)
    above = run(p, limit * 1.02, "sse", "momentum")
    below = run(p, limit * 0.98, "sse", "momentum", steps=6000)
    assert any(diverged(v, above[0]) for v in above)
    assert below[-1] < below[0] * 1e-10


def test_adam_has_no_curvature_limit():
    st_ = S.of_problem(chapter_problem(), "sse")
    assert S.rate_limit(st_, "adam") == math.inf
    assert S.rate_warning(100.0, st_, "adam") == ""
    assert "Adam" in S.summary(st_)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 2), st.integers(1, 3), st.integers(1, 3), st.integers(0, 2**32 - 1),
       st.sampled_from(["sse", "mse"]), st.booleans(),
       st.sampled_from(["zeros", "reflect", "replicate", "circular"]), st.integers(1, 2))
def test_eigenvalues_match_a_dense_eigvalsh_of_2xtx(cin, kh, kw, seed, loss, bias, mode, s):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((cin, 7, 9))
    cout = 2
    kw_ = dict(stride=s, padding=1, dilation=1, padding_mode=mode)
    xm = im2col(x, (kh, kw), **kw_)
    if bias:
        xm = np.hstack([xm, np.ones((xm.shape[0], 1))])
    n = xm.shape[0] * cout if loss == "mse" else 1
    # the whole Hessian over every output channel: block diagonal
    dense = np.kron(np.eye(cout), 2 * xm.T @ xm / n)
    lam = np.linalg.eigvalsh(dense)
    got = S.analyse(x, (cout, cin, kh, kw), loss=loss, bias=bias, **kw_)
    assert got.lambda_max == pytest.approx(lam[-1], rel=1e-10)
    assert got.lambda_min == pytest.approx(lam[0], rel=1e-8, abs=1e-9 * lam[-1])


def test_a_flat_direction_has_infinite_condition_number():
    x = np.ones((1, 5, 5))  # every 1×2 window is [1, 1]: [1, −1] changes nothing
    st_ = S.analyse(x, (1, 1, 1, 2))
    assert st_.condition == math.inf and st_.contraction == 1.0
    assert "flat direction" in S.summary(st_)


def test_principal_axes_follow_the_eigenvectors_and_reach_the_level():
    h = np.array([[36.0, 24.0], [24.0, 36.0]])
    axes = S.principal_axes(h, (1.0, -1.0), level=6.0)
    (l1, (a, b)), (l2, (c, d)) = axes
    assert (l1, l2) == pytest.approx((60.0, 12.0))
    for lam, (p, q) in axes:
        mid, half = (p + q) / 2, (q - p) / 2
        np.testing.assert_allclose(mid, [1, -1])
        assert 0.5 * half @ h @ half == pytest.approx(6.0)  # the end is on the ellipse
    assert abs((b - a) @ (d - c)) < 1e-12  # perpendicular
    assert np.linalg.norm(b - a) < np.linalg.norm(d - c)  # steep axis is short


def test_landscape_axes_centre_on_the_chapter_solution():
    axes = S.landscape_axes(chapter_problem(), "sse", span=0.5)
    for _, (p, q) in axes:
        np.testing.assert_allclose((p + q) / 2, [1.0, -1.0], atol=1e-12)
    long = axes[1][1]
    assert np.linalg.norm(long[1] - long[0]) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="two weights"):
        doc, s = chapter_example()
        S.landscape_axes(make_problem(doc.with_kernel_size(2, 2), s), "sse", 1.0)


def test_of_document_matches_the_problem_and_the_memo_recomputes_only_on_change():
    doc, s = chapter_example()
    assert S.of_document(doc, "sse") == S.of_problem(make_problem(doc, s), "sse")
    memo = S.Memo()
    first = memo.of_document(doc, "sse")
    assert memo.of_document(doc.with_kernel(np.array([[3.0, 4.0]])), "sse") is first
    assert memo.of_document(doc, "mse") is not first
    assert memo.of_document(doc, "mse").lambda_max == pytest.approx(60 / 42)
    bigger = memo.of_document(doc.with_kernel_size(1, 3), "sse")
    assert bigger.lambda_max != first.lambda_max


def test_a_factor_near_one_is_not_rounded_to_one():
    from convlab.model.stability import factor_text

    assert factor_text(2 / 3) == "0.6667"
    assert factor_text(1 - 1.4e-4) == "(1 − 0.00014)"
    assert factor_text(0.99999) != "1"


def test_a_diverging_rate_is_explained_by_the_curvature():
    """SGD's error along the steepest direction is multiplied by |1 − lr·λ_max|
    a step: the reason names that factor, the limit 2/λ_max and 1/λ_max to
    try; nothing for a rate below the limit, or for Adam."""
    from convlab.model.stability import Stability, divergence_reason

    s = Stability(lambda_max=20.0, lambda_min=5.0)
    why = divergence_reason(0.3, s, "sgd")
    assert "|1 − rate·λ_max| = 5)" in why and why.startswith("Why: above 2/λ_max = 0.1 ")
    assert why.endswith("Try 1/λ_max = 0.05.")
    assert divergence_reason(0.09, s, "sgd") == "" and divergence_reason(9.0, s, "adam") == ""
    assert "2(1+β)/λ_max = 0.19;" in divergence_reason(0.3, s, "momentum")
    assert divergence_reason(0.15, s, "momentum") == ""
    assert "= 1.001)" in divergence_reason(0.10004, s, "sgd")  # just above: not "= 1"


def test_a_start_from_the_current_kernel_is_cut_or_padded_about_its_centre():
    """A 5×5 kernel started a 3×3 run from its top-left corner."""
    from convlab.model.learn_problem import centred

    k5 = np.arange(1.0, 26.0).reshape(1, 1, 5, 5)
    np.testing.assert_array_equal(centred(k5, (1, 1, 3, 3))[0, 0],
                                  [[7, 8, 9], [12, 13, 14], [17, 18, 19]])
    k3 = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    np.testing.assert_array_equal(centred(k3, (1, 1, 5, 5))[0, 0],
                                  [[0, 0, 0, 0, 0], [0, 1, 2, 3, 0], [0, 4, 5, 6, 0],
                                   [0, 7, 8, 9, 0], [0, 0, 0, 0, 0]])
    np.testing.assert_array_equal(centred(np.array([[[[1.0, -1.0]]]]), (1, 1, 3, 3))[0, 0],
                                  [[0, 0, 0], [1, -1, 0], [0, 0, 0]])  # the chapter's 1×2
    k53 = np.arange(1.0, 16.0).reshape(1, 1, 5, 3)
    np.testing.assert_array_equal(centred(k53, (1, 1, 3, 3))[0, 0], k53[0, 0, 1:4])
    two = np.concatenate([k3, -k3], axis=1)  # every channel alike
    np.testing.assert_array_equal(centred(two, (1, 2, 1, 1))[0, :, 0, 0], [5, -5])


def test_momentum_quotes_root_kappa_only_when_kappa_is_finite():
    flat = S.notes(S.Stability(lambda_max=20.0, lambda_min=0.0))
    assert "Momentum 0.9 is stable below 2(1+β)/λ_max = 0.19." in flat and "√κ" not in flat
    assert "√κ times fewer steps" in S.notes(S.Stability(lambda_max=20.0, lambda_min=5.0))
