"""ConvLab as a desktop application: its name, its icon and an XDG menu entry."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from convlab.model.samples import resource_dir

APP_NAME = "ConvLab"
APP_ID = "convlab"  # the .desktop file's name and the icon's name
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def icon_files() -> dict[str, Path]:
    """The bundled icon: ``"scalable"`` (SVG) and ``"NxN"`` (PNG) sizes."""
    res = resource_dir()
    files = {"scalable": res / "convlab.svg"}
    files.update({f"{n}x{n}": res / "icons" / f"convlab-{n}.png" for n in ICON_SIZES})
    return files


def apply_identity(app) -> None:
    """Name and icon for the window, the task bar and the desktop's menu entry."""
    from PySide6.QtGui import QIcon

    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    icon = QIcon()
    for path in icon_files().values():
        icon.addFile(str(path))
    app.setWindowIcon(icon)


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or relative."""
    env = os.environ.get("XDG_DATA_HOME", "")
    return Path(env) if os.path.isabs(env) else Path.home() / ".local" / "share"


def _entry_paths(home: Path) -> list[Path]:
    paths = [home / "applications" / f"{APP_ID}.desktop"]
    for size, src in icon_files().items():
        paths.append(home / "icons" / "hicolor" / size / "apps" / f"{APP_ID}{src.suffix}")
    return paths


def launch_command() -> list[str]:
    """The installed ``convlab`` script beside this interpreter, else ``python -m``."""
    script = Path(sys.executable).parent / "convlab"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "convlab"]


def _quote(arg: str) -> str:
    """An Exec= argument, quoted as the Desktop Entry specification asks."""
    if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(_quote(a).replace("%", "%%") for a in command)
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME}",
        "GenericName=Convolution playground",
        "Comment=Edit a kernel, turn padding, stride and dilation, watch a kernel being learned",
        f"Exec={exec_line} %f",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Education;Science;Graphics;",
        "MimeType=image/png;image/jpeg;image/bmp;image/tiff;",
        "StartupNotify=true",
        f"StartupWMClass={APP_NAME}",  # the class Qt gives the window on X11
        "",
    ])


def install_desktop_entry() -> list[Path]:
    """Write the menu entry and the icons under the XDG data folder."""
    entry, *icons = _entry_paths(data_home())
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop_entry(launch_command()), encoding="utf-8")
    for dst, src in zip(icons, icon_files().values()):
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
    return [entry, *icons]


def uninstall_desktop_entry() -> list[Path]:
    """Remove what ``install_desktop_entry`` wrote; returns what was there."""
    removed = [p for p in _entry_paths(data_home()) if p.is_file()]
    for path in removed:
        path.unlink()
    return removed


def run_cli(install: bool) -> int:
    """``convlab --install-desktop-entry`` / ``--uninstall-desktop-entry``."""
    try:
        paths = install_desktop_entry() if install else uninstall_desktop_entry()
    except OSError as exc:
        print(f"convlab: could not {'write' if install else 'remove'} the desktop "
              f"entry: {exc}", file=sys.stderr)
        return 1
    verb = "wrote" if install else "removed"
    print(f"convlab: {verb} {len(paths)} file(s) under {data_home()}")
    for path in paths:
        print(f"  {path}")
    return 0
