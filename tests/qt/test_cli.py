import os
import subprocess
import sys

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from convlab import __version__


def run(*args, timeout=120):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "convlab", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)


def test_version():
    out = run("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"convlab {__version__}"


def test_screenshot_renders_the_window_and_exits(tmp_path):
    shot = tmp_path / "shot.png"
    out = run("--screenshot", str(shot))
    assert out.returncode == 0, out.stderr
    img = QImage(str(shot))
    assert img.width() > 800 and img.height() > 500
    # Not blank: the views hold a photograph and its edges.
    ptr = img.convertToFormat(QImage.Format.Format_Grayscale8)
    arr = np.frombuffer(ptr.constBits(), np.uint8, count=ptr.bytesPerLine() * ptr.height())
    assert arr.std() > 20


def test_a_missing_image_argument_is_reported_not_fatal(tmp_path):
    shot = tmp_path / "shot.png"
    out = run(str(tmp_path / "nope.png"), "--screenshot", str(shot))
    assert out.returncode == 0 and shot.exists()
    assert "nope.png” does not exist" in out.stderr


def test_huge_image_is_scaled_down_with_a_note(qtbot, window, tmp_path):
    path = tmp_path / "wide.png"
    img = QImage(4096, 64, QImage.Format.Format_RGB888)
    img.fill(0x336699)
    assert img.save(str(path))
    assert window.open_path(str(path))
    assert window.controller.doc.image.shape == (3, 32, 2048)
    label = window.findChild(QLabel, "messageLabel")
    # height × width, as the views and the status bar say it (it said 2048×32)
    assert "is 64×4096 (height × width); it was scaled to 32×2048" in label.text()
    qtbot.waitUntil(lambda: not window.controller.pending)
    qtbot.wait(20)
    assert label.isVisible()  # a note outlives the frame it came with...
    qtbot.wait(1100)
    window.controller.apply(window.controller.doc.with_kernel_size(2, 2), "kernel size")
    assert not label.isVisible()  # ...and goes once the user moves on
