import json
import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace

import numpy as np
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QTableView

from convlab.model.samples import PHOTOS
from helpers import find, type_into_cell, type_into_spin


def message(win):
    return find(win, QLabel, "messageLabel").text()


def test_save_then_open_gives_an_identical_state(qtbot, window, tmp_path):
    c = window.controller
    c.apply(c.doc.with_image(np.random.default_rng(1).random((2, 7, 9)), "edited"), "input")
    type_into_spin(qtbot, find(window, QSpinBox, "padLeft"), 3)
    find(window, QComboBox, "paddingMode").setCurrentText("circular")
    window.learn_panel.rate.setValue(0.0123)
    saved = c.doc
    assert window.files.save_as(tmp_path / "work.convlab")
    type_into_spin(qtbot, find(window, QSpinBox, "strideX"), 3)  # change things
    window.learn_panel.rate.setValue(0.5)
    assert window.windowTitle() == "work.convlab — ConvLab"
    assert window.files.open_session(tmp_path / "work.convlab")
    assert c.doc == saved and window.learn_panel.rate.value() == 0.0123
    # it kept saying "Saved the session to …", and the title named no file
    assert find(window, QLabel, "messageLabel").text() == "Opened the session work.convlab."
    assert str((tmp_path / "work.convlab").resolve()) in window.files.recent()


def test_a_file_input_is_reopened_from_its_path(qtbot, window, tmp_path):
    assert window.open_path(str(PHOTOS["Photo: cat (colour)"]))
    before = window.controller.doc
    window.files.save_as(tmp_path / "cat.convlab")
    assert "float32" not in (tmp_path / "cat.convlab").read_text()
    window.controller.apply(replace(before, image_name="x"), "rename")
    assert window.files.open_session(tmp_path / "cat.convlab")
    assert window.controller.doc == before


def test_broken_sessions_keep_the_current_state(qtbot, window, tmp_path):
    good = tmp_path / "good.convlab"
    window.files.save_as(good)
    text = good.read_text()
    future = json.loads(text)
    future["version"] = 7
    cases = {"truncated.convlab": text[: len(text) // 2], "future.convlab": json.dumps(future),
             "garbage.convlab": "\x00\x01 not json", "empty.convlab": ""}
    before = window.controller.doc
    for name, content in cases.items():
        (tmp_path / name).write_text(content)
        assert not window.files.open_session(tmp_path / name)
        assert "Your current work is unchanged" in message(window)
        assert window.controller.doc is before
    assert "newer ConvLab" in (window.files.open_session(tmp_path / "future.convlab")
                               or message(window))


def test_last_session_is_restored_on_start(qtbot, window):
    type_into_cell(qtbot, find(window, QTableView, "kernelGrid"), 0, 0, "9")
    window.close()  # saves on quit
    from convlab.app import create_window

    again = create_window([])
    qtbot.addWidget(again)
    assert again.controller.doc.kernel[0, 0] == 9
    assert not again.controller.history.can_undo()
    again.close()


def test_a_broken_autosave_is_set_aside_with_a_message(qtbot, tmp_path):
    from convlab.app import create_window
    from convlab.qt.files import config_dir

    (config_dir() / "autosave.convlab").write_text("{ broken")
    win = create_window([])
    qtbot.addWidget(win)
    assert "Could not open autosave.convlab" in message(win)
    assert (config_dir() / "autosave.bad").exists()
    win.close()


CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from convlab.app import create_window

    app = QApplication(sys.argv[:1])
    win = create_window([])
    doc = win.controller.doc
    win.controller.apply(doc.with_kernel(doc.kernel * 0 + 4.5), "edit kernel")

    def check():
        if win.files.autosave_path.exists() and not win.files._dirty:
            print("saved", flush=True)
        else:
            QTimer.singleShot(100, check)

    QTimer.singleShot(100, check)
    app.exec()
""")


def test_autosave_survives_a_killed_process(qtbot, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True,
                             env=env)
    try:
        assert child.stdout.readline().strip() == "saved"
    finally:
        child.send_signal(signal.SIGKILL)  # no clean shutdown, no save on quit
        child.wait(10)
    from convlab.app import create_window

    win = create_window([])
    qtbot.addWidget(win)
    assert np.all(win.controller.doc.kernel == 4.5)
    win.close()


def test_exports(qtbot, window, tmp_path):
    qtbot.waitUntil(lambda: window.controller.frame.ok)
    out = window.controller.frame.output
    assert window.files.export("output-png", str(tmp_path / "o.png"))
    img = QImage(str(tmp_path / "o.png"))
    assert (img.height(), img.width()) == out.shape[1:]
    assert window.files.export("output-npy", str(tmp_path / "o.npy"))
    np.testing.assert_array_equal(np.load(tmp_path / "o.npy"), out)
    assert window.files.export("kernel-npy", str(tmp_path / "k.npy"))
    np.testing.assert_array_equal(np.load(tmp_path / "k.npy"), window.controller.doc.weight)
    assert window.files.export("kernel-csv", str(tmp_path / "k.csv"))
    np.testing.assert_array_equal(np.loadtxt(tmp_path / "k.csv", delimiter=",", ndmin=2),
                                  window.controller.doc.kernel)


def test_unwritable_export_path_is_a_message(qtbot, window, tmp_path):
    target = tmp_path / "no" / "such" / "folder" / "k.csv"
    assert not window.files.export("kernel-csv", str(target))
    assert "Could not write" in message(window)
    assert not window.files.save_as(tmp_path / "missing" / "s.convlab")
    assert "Could not save" in message(window)


def test_copy_as_numpy_code_reproduces_the_window(qtbot, window):
    type_into_spin(qtbot, find(window, QSpinBox, "strideY"), 2)
    find(window, QComboBox, "paddingMode").setCurrentText("reflect")
    qtbot.wait(20)
    code = window.files.copy_code("NumPy")
    assert QGuiApplication.clipboard().text() == code
    ns = {}
    exec(code, ns)
    doc = window.controller.doc
    np.testing.assert_allclose(ns["convolve"](doc.image), window.controller.frame.output,
                               rtol=1e-4, atol=1e-4)


def test_undo_redo_sequences_over_every_kind_of_edit(qtbot, window, tmp_path):
    c = window.controller
    states = [c.doc]

    def record():
        qtbot.wait(5)
        states.append(c.doc)

    grid = find(window, QTableView, "kernelGrid")
    type_into_cell(qtbot, grid, 1, 1, "3")
    record()
    window.kernel_panel.set_kernel(np.eye(3), "preset")
    record()
    grid.setCurrentIndex(grid.model().index(0, 0))
    grid.paste_text("5 6")
    record()
    type_into_spin(qtbot, find(window, QSpinBox, "dilationX"), 2)
    record()
    type_into_spin(qtbot, find(window, QSpinBox, "outChannels"), 2)
    record()
    combo = find(window, QComboBox, "sampleChooser")
    combo.activated.emit(combo.findText("Chapter 6×8 edge image"))
    record()
    type_into_cell(qtbot, find(window, QTableView, "inputGrid"), 0, 0, "7")
    record()
    assert window.open_path(str(PHOTOS["Photo: camera (grey)"]))
    record()
    assert len({id(s) for s in states}) == len(states)
    for earlier in reversed(states[:-1]):
        c.undo()
        assert c.doc == earlier
    for later in states[1:]:
        c.redo()
        assert c.doc == later


def test_a_missing_input_file_keeps_the_rest_of_the_session(qtbot, window, tmp_path):
    import shutil

    photo = tmp_path / "photo.png"
    shutil.copy(PHOTOS["Photo: camera (grey)"], photo)
    assert window.open_path(str(photo))
    type_into_cell(qtbot, find(window, QTableView, "kernelGrid"), 0, 0, "8")
    window.files.save_as(tmp_path / "s.convlab")
    photo.unlink()
    window.controller.apply(replace(window.controller.doc, image_name="other"), "rename")
    assert window.files.open_session(tmp_path / "s.convlab")
    doc = window.controller.doc
    assert doc.kernel[0, 0] == 8 and doc.image.shape == (1, 512, 512)
    assert doc.image_name.endswith("(missing)") and not doc.image.any()
    assert "a blank input of the same size stands in" in message(window)


def test_a_session_dropped_on_the_window_opens(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    c = window.controller
    type_into_spin(qtbot, find(window, QSpinBox, "padLeft"), 2)
    saved = c.doc
    assert window.files.save_as(tmp_path / "dropped.convlab")
    type_into_spin(qtbot, find(window, QSpinBox, "padLeft"), 4)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "dropped.convlab"))])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert c.doc == saved and find(window, QSpinBox, "padLeft").value() == 2
    assert message(window) == "Opened the session dropped.convlab."
    mime.setUrls([QUrl.fromLocalFile(str(PHOTOS["Photo: camera (grey)"]))])  # an image still
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    assert c.doc.image_name == PHOTOS["Photo: camera (grey)"].name
