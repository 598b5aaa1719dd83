"""ConvLab as a desktop app: names, icon, the XDG menu entry, the Numba cache folder."""

import configparser
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from convlab import desktop, startup


def run(*args, env):
    return subprocess.run([sys.executable, "-m", "convlab", *args], capture_output=True,
                          text=True, timeout=60, env=env)


@pytest.fixture
def data_home(tmp_path):
    home = tmp_path / "share"
    env = dict(os.environ, XDG_DATA_HOME=str(home), HOME=str(tmp_path / "home"))
    return home, env


def test_install_writes_a_desktop_entry_and_icons_and_uninstall_removes_them(data_home):
    home, env = data_home
    out = run("--install-desktop-entry", env=env)
    assert out.returncode == 0, out.stderr
    entry = home / "applications" / "convlab.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(entry, encoding="utf-8")
    d = parser["Desktop Entry"]
    assert (d["Type"], d["Name"], d["Icon"], d["Terminal"]) == \
        ("Application", "ConvLab", "convlab", "false")
    cmd = shlex.split(d["Exec"])
    assert cmd[-1] == "%f" and Path(cmd[0]).is_file()  # an absolute program that exists
    svg = home / "icons" / "hicolor" / "scalable" / "apps" / "convlab.svg"
    assert svg.read_text().lstrip().startswith("<?xml")
    for n in desktop.ICON_SIZES:
        img = QImage(str(home / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "convlab.png"))
        assert (img.width(), img.height()) == (n, n)
    assert str(entry) in out.stdout
    assert not (Path(env["HOME"]) / ".local").exists()  # XDG_DATA_HOME was obeyed

    out = run("--uninstall-desktop-entry", env=env)
    assert out.returncode == 0, out.stderr
    assert not entry.exists() and not svg.exists()
    assert "removed 8 file(s)" in out.stdout


def test_the_entry_launches_what_is_installed(data_home):
    home, env = data_home
    run("--install-desktop-entry", env=env)
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(home / "applications" / "convlab.desktop", encoding="utf-8")
    cmd = shlex.split(parser["Desktop Entry"]["Exec"])[:-1]
    out = subprocess.run([*cmd, "--version"], capture_output=True, text=True, timeout=60,
                         env=env)
    assert out.returncode == 0 and out.stdout.startswith("convlab ")


def test_exec_arguments_are_quoted_as_the_specification_asks():
    line = desktop.desktop_entry(["/opt/my apps/python", "-m", "convlab"])
    exec_ = next(l for l in line.splitlines() if l.startswith("Exec="))
    assert exec_ == 'Exec="/opt/my apps/python" -m convlab %f'


def test_the_window_carries_the_name_and_icon(qtbot, window):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app.applicationDisplayName() == "ConvLab"
    assert app.desktopFileName() == "convlab"
    assert not window.windowIcon().isNull()
    for n in (16, 48, 256):
        img = app.windowIcon().pixmap(n, n).toImage()
        assert (img.width(), img.height()) == (n, n)
        assert img.pixelColor(n // 2, n // 2).alpha() == 255  # drawn, not empty


def test_numba_gets_a_writable_cache_when_neither_package_nor_home_is(monkeypatch):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    monkeypatch.setattr(startup, "_writable", lambda folder: False)
    folder = startup.ensure_numba_cache()
    assert folder is not None and os.environ["NUMBA_CACHE_DIR"] == folder
    assert "convlab-numba-cache" in folder


def test_numba_keeps_its_own_choice_when_the_package_is_writable(monkeypatch):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    assert startup.ensure_numba_cache() is None
    assert "NUMBA_CACHE_DIR" not in os.environ
    monkeypatch.setenv("NUMBA_CACHE_DIR", "/somewhere/chosen")
    monkeypatch.setattr(startup, "_writable", lambda folder: False)
    assert startup.ensure_numba_cache() is None
    assert os.environ["NUMBA_CACHE_DIR"] == "/somewhere/chosen"
