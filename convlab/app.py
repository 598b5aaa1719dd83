"""Start-up: the QApplication, the command line and the default document."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

from convlab import __version__


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="convlab", description="A playground for 2-D convolution.")
    p.add_argument("image", nargs="?",
                   help="an image (PNG, JPEG, BMP, TIFF) or a .convlab session to open")
    p.add_argument("--screenshot", metavar="PNG",
                   help="save the window as PNG once the first output is shown, then exit")
    p.add_argument("--install-desktop-entry", action="store_true",
                   help="add ConvLab and its icon to the desktop's menu (under ~/.local/share)")
    p.add_argument("--uninstall-desktop-entry", action="store_true",
                   help="remove what --install-desktop-entry wrote")
    p.add_argument("--version", action="version", version=f"convlab {__version__}")
    return p.parse_args(argv)


def default_document():
    from convlab.model.document import Document, Geometry
    from convlab.model.presets import PRESETS
    from convlab.model.samples import PHOTOS
    from convlab.qt.image_io import load_image

    path = PHOTOS["Photo: camera (grey)"]
    image, _ = load_image(path)
    return Document(image=image, weight=PRESETS["Sobel x"][None, None], bias=np.zeros(1),
                    image_name=path.name, geometry=Geometry(pad=(1, 1, 1, 1)))


def settings():
    from PySide6.QtCore import QSettings

    folder = os.environ.get("CONVLAB_CONFIG_DIR")
    if folder:
        return QSettings(str(Path(folder) / "convlab.ini"), QSettings.Format.IniFormat)
    return QSettings("ConvLab", "ConvLab")


def create_window(argv: list[str] | None = None):
    """The fully wired main window, without starting the event loop."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from convlab import desktop
    from convlab.qt.controller import Controller
    from convlab.qt.main_window import MainWindow
    from convlab.qt.startup_session import start_session

    args = parse_args(list(argv or []))
    app = QApplication.instance() or QApplication(["convlab"])
    desktop.apply_identity(app)
    pg.setConfigOptions(imageAxisOrder="row-major", useOpenGL=False, antialias=True)
    from convlab.qt.i18n import LanguageSwitcher

    controller = Controller(default_document())
    # Before the window: building it computes (the Learn panel's stability
    # readout), and until the warm-up is done NumPy must serve that too. With
    # an empty Numba cache, the readout compiled gram's kernel on the GUI
    # thread while the window was built: first frame 6.6-7.6 s instead of ~1.
    controller.start_warmup()
    # Installs the chosen language, builds the window, adds View ▸ Language.
    switcher = LanguageSwitcher(app, settings(), lambda: MainWindow(controller, settings()))
    try:
        window = switcher.start()
    except BaseException:
        controller.shutdown()  # no compiler process or NumPy routing left behind
        raise
    controller.setParent(window)
    error = start_session(window.files, args.image)  # the autosave is restored first
    if error:
        print(f"convlab: {error}", file=sys.stderr)
    window.args = args
    return window


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)  # --version and --help exit here, before any window
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        from convlab.desktop import run_cli

        return run_cli(install=args.install_desktop_entry)
    from convlab.startup import ensure_numba_cache

    ensure_numba_cache()  # before the core imports Numba
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = create_window(argv)
    app.aboutToQuit.connect(window.shutdown)  # however the app ends
    window.show()
    if args.screenshot:
        # On the first frame, even one that says why it cannot be computed: a
        # session whose settings have no output must not keep --screenshot running.
        taken: list = []
        window.controller.frameComputed.connect(
            lambda *_: taken or taken.append(_screenshot(window, args.screenshot)))
    return app.exec()


def _screenshot(window, path: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def save() -> None:
        ok = window.grab().save(path)
        if not ok:
            print(f"convlab: could not write the screenshot to {path}", file=sys.stderr)
        QApplication.instance().exit(0 if ok else 1)

    QTimer.singleShot(300, save)  # let the views finish their first paint
