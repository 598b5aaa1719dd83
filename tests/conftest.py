import os
import sys
from pathlib import Path

# Before any QApplication exists: render offscreen, with no display needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# Tests check English texts, whatever the developer's system language.
os.environ.setdefault("CONVLAB_LANGUAGE", "en")
sys.path.insert(0, str(Path(__file__).parent))

import threading

import pytest


@pytest.fixture(autouse=True)
def _config_dir(tmp_path, monkeypatch):
    """Settings and sessions go to a fresh folder per test, never the user's."""
    monkeypatch.setenv("CONVLAB_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def window(qtbot):
    """The real main window, wired, with the compute core ready."""
    from convlab.app import create_window

    before = {t.ident for t in threading.enumerate()}
    win = create_window([])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.controller.ready, timeout=300_000)  # a cold compile on a busy machine
    yield win
    win.close()
    qtbot.waitUntil(lambda: not [t for t in threading.enumerate()
                                 if t.ident not in before and t.is_alive()
                                 and t.name.startswith("convlab")], timeout=5000)
