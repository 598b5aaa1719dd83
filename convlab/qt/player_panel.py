"""The sliding-window player: play, step, scrub, and export the animation."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel,
                               QProgressBar, QPushButton, QSizePolicy, QSlider, QVBoxLayout,
                               QWidget)

from convlab.model.animation import write_apng, write_gif
from convlab.model.player import player_frame, stage_shape
from convlab.qt.image_io import qimage_rgb
from convlab.qt.messages import translate_message
from convlab.qt.player_render import render_frame
from convlab.qt.worker import run_in_thread
from convlab.qt.widgets import blocked, guarded, spin

# English keys (the speed combo's item data), shown translated.
SPEEDS = {QT_TRANSLATE_NOOP("PlayerPanel", "1 position/s"): 1,
          QT_TRANSLATE_NOOP("PlayerPanel", "2 positions/s"): 2,
          QT_TRANSLATE_NOOP("PlayerPanel", "5 positions/s"): 5,
          QT_TRANSLATE_NOOP("PlayerPanel", "15 positions/s"): 15,
          QT_TRANSLATE_NOOP("PlayerPanel", "60 positions/s"): 60}
STAGES = (QT_TRANSLATE_NOOP("PlayerPanel", "convolution"),
          QT_TRANSLATE_NOOP("PlayerPanel", "pooling"))
EXPORT_LABEL = QT_TRANSLATE_NOOP("UndoLabel", "animation export")  # in refusals
RENDER_BATCH = 6  # frames rendered per event-loop pass while exporting
MAX_FRAMES = 2000


def _button(text: str, name: str, tip: str) -> QPushButton:
    b = QPushButton(text, objectName=name)
    b.setToolTip(tip)
    return b


class PlayerPanel(QWidget):
    positionChanged = Signal(str, int, int)  # stage, i, j
    message = Signal(str, bool)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.play = _button(self.tr("Play"), "playerPlay", self.tr("Play the sliding window"))
        self.play.setCheckable(True)
        self.back = _button("◀", "playerBack", self.tr("One position back"))
        self.step = _button("▶", "playerStep", self.tr("One position forward"))
        self.pinned = _button(self.tr("Pinned"), "playerPinned",
                              self.tr("Jump to the pinned output pixel"))
        self.scrubber = QSlider(Qt.Orientation.Horizontal, objectName="playerScrubber")
        self.scrubber.setToolTip(self.tr("Every output position, in the order the window "
                                         "visits them"))
        self.speed = QComboBox(objectName="playerSpeed")
        for key in SPEEDS:  # shown translated; the English key is the item's data
            self.speed.addItem(self.tr(key), key)
        self.speed.setCurrentIndex(self.speed.findData("5 positions/s"))
        self.stage = QComboBox(objectName="playerStage")
        for key in STAGES:
            self.stage.addItem(self.tr(key), key)
        # Word-wrapped: a message in the canvas (why there is no output) was one
        # line cut at both ends.
        self.canvas = QLabel(objectName="playerCanvas", alignment=Qt.AlignmentFlag.AlignCenter,
                             wordWrap=True)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.canvas.setMinimumHeight(260)
        self.exporter = AnimationExport(self)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._advance)
        # Redraw a little after an edit, so the main views come first.
        self._refresh_later = QTimer(self, singleShot=True, interval=60)
        self._refresh_later.timeout.connect(self.refresh)
        self._build()
        self._connect()

    def _build(self) -> None:
        row = QHBoxLayout()
        for w in (self.back, self.play, self.step, self.pinned):
            row.addWidget(w)
        opts = QHBoxLayout()
        opts.addWidget(self.speed)
        opts.addWidget(self.stage)
        box = QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.scrubber)
        box.addLayout(opts)
        box.addWidget(self.canvas, 1)
        box.addWidget(self.exporter)

    def _connect(self) -> None:
        self.play.toggled.connect(self._on_play)
        self.step.clicked.connect(lambda: self.scrubber.setValue(self.scrubber.value() + 1))
        self.back.clicked.connect(lambda: self.scrubber.setValue(self.scrubber.value() - 1))
        self.scrubber.valueChanged.connect(self._on_scrubbed)
        self.stage.currentIndexChanged.connect(self._on_stage)
        self.speed.currentIndexChanged.connect(self._on_speed)
        self.controller.frameComputed.connect(lambda *_: self._refresh_later.start())

    @property
    def pending(self) -> bool:
        return self._refresh_later.isActive()

    def _on_play(self, on: bool) -> None:
        self.play.setText(self.tr("Pause") if on else self.tr("Play"))
        if on:
            if self.scrubber.value() >= self.scrubber.maximum():
                self.scrubber.setValue(0)
            self._on_speed()
            self._timer.start()
        else:
            self._timer.stop()

    def _on_speed(self, *_) -> None:
        self._timer.setInterval(int(1000 / SPEEDS[self.speed.currentData()]))

    def _advance(self) -> None:
        if self.scrubber.value() >= self.scrubber.maximum():
            self.play.setChecked(False)
        else:
            self.scrubber.setValue(self.scrubber.value() + 1)

    def current_stage(self) -> str:
        pooled = self.controller.frame.pooled is not None
        return "pooling" if pooled and self.stage.currentData() == "pooling" else "convolution"

    def refresh(self) -> None:
        frame = self.controller.frame
        pooling_ok = frame.ok and frame.pooled is not None
        self.stage.model().item(1).setEnabled(pooling_ok)
        if not frame.ok:
            self.canvas.setText(translate_message(frame.error) if frame.error
                                else self.tr("No output yet."))
            return
        h, w = stage_shape(frame, self.current_stage())
        self.scrubber.setMaximum(max(h * w - 1, 0))
        pf = self.show_position(self.scrubber.value())
        if pf is not None and self._stage_moved:  # the stage the views wait to follow
            self._stage_moved = False
            self.positionChanged.emit(pf.stage, *pf.position)

    _stage_moved = False  # a stage chosen while no frame could be shown yet

    def _on_stage(self) -> None:
        """Another stage: the main views follow it too (they kept the other
        stage's window outlined, and the sum panel its sum), at once or with
        the frame being computed."""
        self._stage_moved = True
        with blocked(self.scrubber):  # a clamped position would draw and emit once more
            self.refresh()

    def frame_at(self, index: int):
        c = self.controller
        return player_frame(c.frame_doc, c.frame, index, self.current_stage())

    def _on_scrubbed(self, index: int) -> None:
        pf = self.show_position(index)
        if pf is not None:  # the user moved the window: the main views follow
            self.positionChanged.emit(pf.stage, *pf.position)

    def show_position(self, index: int):
        c = self.controller
        if not c.frame.ok or not self.isVisible() or c.pending:
            return None  # pending: the frame is not yet the document's; its arrival redraws
        pf = self.frame_at(index)
        size = self.canvas.contentsRect().size()
        img = render_frame(c.frame_doc, c.frame, pf, fit=(max(size.width(), 200),
                                                     max(size.height(), 200)))
        pix = QPixmap.fromImage(img)
        if pix.width() > size.width() or pix.height() > size.height():  # a tiny canvas
            pix = pix.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        self.canvas.setPixmap(pix)
        return pf

    @guarded
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._refresh_later.start()

    def jump_to(self, i: int, j: int) -> None:
        h, w = stage_shape(self.controller.frame, self.current_stage())
        if 0 <= i < h and 0 <= j < w:
            self.scrubber.setValue(i * w + j)

    @guarded
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()


class AnimationExport(QWidget):
    """Export controls; rendering is spread over event-loop passes, encoding runs
    on a thread, and Cancel stops either."""

    _progressed = Signal(int, int)

    def __init__(self, player: PlayerPanel) -> None:
        super().__init__(player)
        self.player = player
        self.format = QComboBox(objectName="exportFormat")
        self.format.addItems(["GIF", "APNG"])
        # Each refuses a number beyond its range with a message (Qt cut 100 px to 10).
        self.cell = spin("exportCell", 4, 64,
                         self.tr("pixels per cell in the exported animation"), 28,
                         what="the cell size in pixels", label=EXPORT_LABEL)
        self.delay = spin("exportDelay", 20, 5000, self.tr("milliseconds per frame"), 400,
                          what="the milliseconds per frame", label=EXPORT_LABEL)
        self.every = spin("exportEvery", 1, 10_000, self.tr("export every n-th position"), 1,
                          what="the n of every n-th position", label=EXPORT_LABEL)
        self.go = _button(self.tr("Export animation…"), "exportAnimation",
                          self.tr("Save the sliding window as an animated GIF or APNG"))
        self.cancel = _button(self.tr("Cancel"), "exportCancel", self.tr("Stop the export"))
        self.bar = QProgressBar(objectName="exportProgress")
        grid = QGridLayout(self)
        for col, (text, w) in enumerate(((self.tr("format"), self.format),
                                         (self.tr("cell px"), self.cell),
                                         (self.tr("ms/frame"), self.delay),
                                         (self.tr("every"), self.every))):
            grid.addWidget(QLabel(text), 0, col)
            grid.addWidget(w, 1, col)
        grid.addWidget(self.go, 2, 0, 1, 2)
        grid.addWidget(self.bar, 2, 2)
        grid.addWidget(self.cancel, 2, 3)
        self.bar.hide()
        self.cancel.hide()
        self._cancelled = threading.Event()
        self._frames: list = []
        self._todo: list[int] = []
        self._path = ""
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._render_batch)
        self.go.clicked.connect(self._ask)
        self.cancel.clicked.connect(self.stop)
        self._progressed.connect(lambda d, t: self.bar.setValue(len(self._todo) + d))

    def _ask(self) -> None:
        suffix = ".gif" if self.format.currentText() == "GIF" else ".png"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export animation"),
                                              str(Path.home() / f"convolution{suffix}"),
                                              self.tr("Animation ({pattern})")
                                              .format(pattern=f"*{suffix}"))
        if path:
            self.start(path)

    @property
    def busy(self) -> bool:
        return self.bar.isVisible()

    def start(self, path: str) -> None:
        """Begin exporting to ``path``; returns at once."""
        c = self.player.controller
        if not c.frame.ok or self.busy:
            return
        h, w = stage_shape(c.frame, self.player.current_stage())
        todo = list(range(0, h * w, self.every.value()))
        if len(todo) > MAX_FRAMES:
            need = -(-h * w // MAX_FRAMES)
            self.player.message.emit(
                self.tr("That would be {n} frames ({h}×{w} positions). Set “every” to "
                        "{need} or more, or use a smaller input.")
                .format(n=len(todo), h=h, w=w, need=need), True)
            return
        self._todo = todo
        self._frames, self._path = [], path
        self._cancelled.clear()
        self.bar.setRange(0, 2 * len(self._todo))
        self.bar.setValue(0)
        for widget in (self.bar, self.cancel):
            widget.show()
        self.go.setEnabled(False)
        self._timer.start()

    def _render_batch(self) -> None:
        if self._cancelled.is_set():
            self._timer.stop()
            self._on_finished(False, "")
            return
        c = self.player.controller
        for index in self._todo[len(self._frames):len(self._frames) + RENDER_BATCH]:
            pf = player_frame(c.frame_doc, c.frame, index, self.player.current_stage())
            img = render_frame(c.frame_doc, c.frame, pf, self.cell.value())
            self._frames.append(qimage_rgb(img))
        self.bar.setValue(len(self._frames))
        if len(self._frames) == len(self._todo):
            self._timer.stop()
            writer = write_gif if self.format.currentText() == "GIF" else write_apng
            run_in_thread(writer, self._path, self._frames, self.delay.value(), self._progress,
                          done=lambda ok: self._on_finished(ok, ""), owner=self,
                          failed=lambda error: self._on_finished(False, error),
                          name="convlab-export")  # widgets read above, on the GUI thread

    def _progress(self, done: int, total: int) -> bool:
        self._progressed.emit(done, total)
        return not self._cancelled.is_set()

    def stop(self) -> None:
        self._cancelled.set()

    def _on_finished(self, done: bool, error: str) -> None:
        for widget in (self.bar, self.cancel):
            widget.hide()
        self.go.setEnabled(True)
        self._frames = []
        if error:
            self.player.message.emit(self.tr("Could not write the animation: {error}.")
                                     .format(error=translate_message(error)), True)
        elif done:
            self.player.message.emit(
                self.tr("Exported {n} frames to {name}.").format(
                    n=len(self._todo), name=Path(self._path).name), False)
        else:
            self.player.message.emit(self.tr("Export cancelled; nothing was written."), False)
