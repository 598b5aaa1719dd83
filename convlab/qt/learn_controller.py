"""Connects the Learn panel, the learning thread and the window's document."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from convlab.model.document import Document
from convlab.model.learner import Learner
from convlab.model.learning import landscape, make_problem
from convlab.qt.controller import Controller
from convlab.qt.learn_panel import LearnPanel

FRAME_MS = 16  # the GUI draws at most ~60 frames a second


class LearnController(QObject):
    message = Signal(str, bool)  # text, is an error

    def __init__(self, panel: LearnPanel, controller: Controller, parent=None) -> None:
        super().__init__(parent)
        self.panel, self.controller = panel, controller
        self.learner: Learner | None = None
        self._source: Document | None = None  # the document the run learns on
        self._drawn = 0  # how many steps the panel has drawn
        self._timer = QTimer(self, interval=FRAME_MS)
        self._timer.timeout.connect(self._on_frame)
        panel.playToggled.connect(self._on_play)
        panel.stepRequested.connect(self._on_step)
        panel.resetRequested.connect(self.reset)
        panel.chapterRequested.connect(self.load_chapter)
        panel.rateChanged.connect(self._on_rate)
        panel.speedChanged.connect(self._on_speed)
        panel.settingsEdited.connect(self._on_settings)
        controller.historyChanged.connect(self._on_history)

    # --- starting and stopping ----------------------------------------------
    def _ensure_learner(self) -> bool:
        if self.learner is not None and not self.learner.finished:
            return True
        if self.learner is not None:
            self.reset()
        doc = self.controller.history.current
        if doc.geometry.flip:
            self.message.emit("Learning finds a cross-correlation kernel, as the chapter does; "
                              "turn off “True convolution” first.", True)
            return False
        try:
            problem = make_problem(doc, doc.learn)
        except ValueError as exc:
            self.message.emit(f"Cannot learn with these settings: {exc}.", True)
            return False
        self.learner, self._source, self._drawn = Learner(problem, doc.learn), doc, 0
        self._show_problem(problem)
        return True

    def _show_problem(self, problem) -> None:
        self.panel.loss_plot.set_losses([])
        two = problem.weight.size == 2 and problem.bias is None
        self.panel.landscape.setVisible(two)
        if two:
            tw, w0 = problem.true_weight.ravel(), problem.weight.ravel()
            span = float(np.abs(tw - w0).max()) * 1.6 + 0.5
            grid = landscape(problem, (tw + w0) / 2, span)
            scale = 1.0 if self.controller.doc.learn.loss == "sse" else 1.0 / problem.target.size
            self.panel.landscape.set_landscape(grid[0], grid[1], grid[2] * scale, tw)

    def _on_play(self, on: bool) -> None:
        if not on:
            self.pause()
            return
        if not self._ensure_learner():
            self.panel.set_playing(False)
            return
        self.learner.play()
        self._timer.start()

    def _on_step(self) -> None:
        if self.learner is not None and self.learner.running:
            return
        if self._ensure_learner():
            self.learner.step_once()
            self._timer.start()

    def pause(self) -> None:
        """Stop stepping; the frame timer draws the step in flight, then commits."""
        if self.learner is not None:
            self.learner.pause()
        self.panel.set_playing(False)

    def reset(self) -> None:
        """Discard the run: stop the thread and show the recorded document again."""
        self.shutdown()
        self.learner, self._source, self._drawn = None, None, 0
        self.controller.override_weights(None)
        self.panel.loss_plot.set_losses([])
        self.panel.set_playing(False)
        self.panel.status.setText("Press Play to learn the kernel.")

    def shutdown(self) -> None:
        """Stop the thread within a second (window closing, reset)."""
        self._timer.stop()
        if self.learner is not None:
            self.learner.stop(timeout=1.0)

    def _commit(self) -> None:
        if self.learner is not None and self._drawn:
            self.controller.commit_override("learning run")

    def load_chapter(self) -> None:
        from convlab.model.learning import chapter_example

        self.reset()
        doc, settings = chapter_example()
        self.panel.set_settings(settings)
        self.controller.apply(doc, "chapter example")

    # --- live updates -------------------------------------------------------
    def _on_settings(self, settings) -> None:
        """The settings are part of the Document: saved, autosaved and undone."""
        doc = self.controller.history.current
        if settings != doc.learn:
            self.controller.apply(replace(doc, learn=settings), "learning settings")

    def _on_rate(self, lr: float) -> None:
        if self.learner is not None:
            self.learner.lr = lr

    def _on_speed(self, sps: float) -> None:
        if self.learner is not None:
            self.learner.steps_per_second = sps

    def _on_frame(self) -> None:
        lr = self.learner
        if lr is None:
            return
        step = lr.last_finite
        if step is not None and step.index != self._drawn:
            self._draw(step)
        if lr.finished:
            self._timer.stop()
            self.panel.set_playing(False)
            self.panel.status.setText(lr.outcome.message)
            self.message.emit(lr.outcome.message, lr.outcome.kind in ("diverged", "error"))
            self._commit()
        elif lr.idle and (step is None or step.index == self._drawn):
            self._timer.stop()  # paused or single-stepped: everything is drawn
            self._commit()

    def _draw(self, step) -> None:
        self._drawn = step.index
        self.controller.override_weights(step.weight, step.bias)
        self.panel.loss_plot.set_losses(self.learner.losses[:step.index])
        co, ci = self.controller.doc.selected
        p = self.learner.problem
        self.panel.show_kernels(step.weight[co, ci], p.true_weight[co, ci],
                                step.grad_weight[co, ci])
        if self.learner.path:
            self.panel.landscape.set_path(np.array(self.learner.path[:step.index]))
        self.panel.status.setText(f"step {step.index}: loss {step.loss:.4g}")

    def _on_history(self) -> None:
        """An edit that changes the problem ends the run (and keeps its result)."""
        src, doc = self._source, self.controller.history.current
        if self.learner is None or src is None or self.learner.finished:
            return
        if (doc.image is not src.image or doc.geometry != src.geometry
                or doc.weight.shape != src.weight.shape):
            self.shutdown()
            self.learner = None
            self.panel.set_playing(False)
            self.message.emit("The input, kernel size or geometry changed, so learning "
                              "stopped; press Play to learn with the new settings.", False)
