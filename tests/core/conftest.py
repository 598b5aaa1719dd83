"""Fixtures shared by the core's tests."""

import pytest

from convlab.core import conv as C


@pytest.fixture
def fresh_plans():
    """An empty plan cache before and after: plans made inside the test are
    the test's own (the cost model's rules may be patched)."""
    C._plan.cache_clear()
    yield
    C._plan.cache_clear()
