"""A non-editable install carries the images and icons and finds them."""

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ["camera.png", "cat.png", "convlab.svg", "icons/convlab-16.png",
           "icons/convlab-256.png", "translations/convlab_zh_CN.qm", "pair_input.png",
           "pair_target.png"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A wheel and an sdist built from a copy of the source tree."""
    tmp = tmp_path_factory.mktemp("build")
    src = tmp / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".venv*", ".git", "__pycache__", "build", "dist", "*.egg-info", ".hypothesis",
        ".pytest_cache"))
    (tmp / "dist").mkdir()
    for hook in ("build_wheel", "build_sdist"):  # what pip and build call
        code = f"import sys; from setuptools import build_meta as b; b.{hook}(sys.argv[1])"
        out = subprocess.run([sys.executable, "-c", code, str(tmp / "dist")], cwd=src,
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr[-2000:]
    (wheel,), (sdist,) = (tmp / "dist").glob("*.whl"), (tmp / "dist").glob("*.tar.gz")
    return tmp, wheel, sdist


def test_the_wheel_holds_the_resources_and_the_command(built):
    _, wheel, _ = built
    names = zipfile.ZipFile(wheel).namelist()
    for name in SHIPPED:
        assert f"convlab/resources/{name}" in names
    assert "convlab/resources/__init__.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[gui_scripts]" in text and "convlab = convlab.app:main" in text
    assert not any(n.startswith(("resources/", "tests/")) for n in names)


def test_the_sdist_holds_the_top_level_resources(built):
    _, _, sdist = built
    names = tarfile.open(sdist).getnames()
    for name in SHIPPED:
        assert any(n.endswith(f"/resources/{name}") for n in names), name


def test_an_installed_wheel_finds_its_images_away_from_the_source_tree(built):
    tmp, wheel, _ = built
    site = tmp / "site"
    out = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                          "--no-index", "--target", str(site), str(wheel)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    code = ("import convlab, convlab.desktop as d, convlab.model.samples as s; "
            "print(convlab.__file__); "
            "assert all(p.is_file() for p in s.PHOTOS.values()), s.PHOTOS; "
            "assert all(p.is_file() for p in d.icon_files().values()); "
            "print(s.RESOURCES)")
    env = dict(os.environ, PYTHONPATH=str(site))
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    module, resources = out.stdout.split()
    assert module.startswith(str(site)) and resources.startswith(str(site))
