"""The layering is a contract: ``lint-imports`` checks .importlinter at the repo root.

app → qt → model → core, imports pointing down only; neither the core nor the
model imports PySide6, shiboken6 or pyqtgraph (even indirectly); nothing outside
the core imports its private modules.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def lint_imports_command() -> list[str]:
    pytest.importorskip(
        "importlinter",
        reason="import-linter is not installed (pip install import-linter, or the "
               "project's test extra), so the layering contract cannot be checked")
    exe = shutil.which("lint-imports")
    if exe:
        return [exe]
    return [sys.executable, "-c",
            "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"]


def test_import_contracts_are_kept():
    env = {**os.environ,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), *sys.path]))}
    run = subprocess.run([*lint_imports_command(), "--config", str(ROOT / ".importlinter")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout
