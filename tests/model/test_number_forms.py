"""Shorter forms of a number for narrow cells: each shorter, each still it."""

import math
import re

from hypothesis import given
from hypothesis import strategies as st

from convlab.model.parse import format_number, number_forms


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e30, max_value=1e30))
def test_each_form_is_shorter_and_still_the_number(v):
    forms = number_forms(v)
    assert forms[0] == format_number(v)
    assert all(len(b) < len(a) for a, b in zip(forms, forms[1:]))
    for text in forms[1:]:
        # the first form with a shorter exponent, or two significant digits at
        # least: within half a unit of the second digit
        assert float(text) == float(forms[0]) or math.isclose(float(text), v, rel_tol=0.051), \
            (v, text)
        assert text.startswith("-") == (v < 0)
        assert "." in text or "e" in text or float(text) == v  # never a false whole number


def test_known_forms():
    assert number_forms(123456.789) == ["1.235e+05", "1.235e5", "1.23e5", "1.2e5"]
    assert number_forms(-12345.5) == ["-1.235e+04", "-1.235e4", "-1.23e4", "-1.2e4"]
    assert number_forms(1.006) == ["1.006", "1.01", "1.0"]  # never "1": it is not exact
    assert number_forms(-0.979) == ["-0.979", "-0.98"]
    assert number_forms(2.0) == ["2"] and number_forms(float("nan")) == ["nan"]
    assert number_forms(10.5) == ["10.5"] and number_forms(99.96) == ["99.96"]
    assert number_forms(-8e-05) == ["-8e-05", "-8e-5"] and number_forms(1e7) == ["1e+07", "1e7"]


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e5, max_value=1e5)
       | st.floats(min_value=-1e9, max_value=1e9).map(round).map(float))
def test_format_number_never_shows_a_false_whole_number(v):
    """A learned 0.99996 read "1" in the tiles, 1234.5 "1234", 99999.5
    "1e+05" and 9999999 "1e+07": exact-looking, and not the number."""
    text = format_number(v)
    assert not re.fullmatch(r"-?\d+(e[+-]?\d+)?", text) or float(text) == v, (v, text)
    assert math.isclose(float(text), v, rel_tol=1e-3, abs_tol=1e-3)


def test_format_number_known():
    assert [format_number(v) for v in (0.99996, 1234.5, 1 / 3, 2.0, -8e-05)] == \
        ["0.99996", "1234.5", "0.333", "2", "-8e-05"]


def test_a_number_just_under_a_power_of_ten_is_not_read_whole():
    """99999.5 showed "1e+05" and 1000000.5 "1e+06" (a helper's find)."""
    assert format_number(99999.5) == "99999.5"
    assert float(format_number(1000000.5)) != 1e6


def test_small_numbers_have_a_short_form_for_narrow_cells():
    """0.00046 had "5e-4" (5 characters) before it kept three digits; without
    a form of its own a narrow view would drop every number."""
    assert number_forms(-0.00046) == ["-0.00046", "-4.6e-4"]
    assert format_number(0.00099951) == "0.00100"  # not "0.001", which reads exact


def test_small_numbers_keep_three_digits():
    """A learned 0.000996 read "1e-03" in the tiles, 1.234e-05 "1e-05"."""
    assert [format_number(v) for v in (0.000996, -1.234e-05, 0.0004)] == \
        ["0.000996", "-1.23e-05", "0.0004"]
    assert number_forms(-1.234e-05) == ["-1.23e-05", "-1.23e-5", "-1.2e-5"]
