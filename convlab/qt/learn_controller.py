"""Connects the Learn panel, the learning thread and the window's document.

The Document holds the settings (the panel only shows them); the Learner
holds the run. Menus and the panel's buttons call the same methods here.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from convlab.model.document import Document
from convlab.model.history import UndoLabel
from convlab.model.learn_run import Learner
from convlab.model.learn_problem import (PAIR_SOURCE, LearnSettings, chapter_example,
                                         for_learning, landscape, make_problem)
from convlab.model.pair import target_from_file
from convlab.model.stability import divergence_reason, landscape_axes
from convlab.model.translatable import QT_TRANSLATE_NOOP
from convlab.qt.controller import Controller
from convlab.qt.image_io import load_image
from convlab.qt.learn_pair import PairController, PairRow
from convlab.qt.learn_panel import LearnPanel
from convlab.qt.learn_stability import StabilityReadout
from convlab.qt.messages import translate_message, translator

FRAME_MS = 16  # the GUI draws at most ~60 frames a second
PROBLEM_FIELDS = ("true_source", "init", "seed", "noise", "learn_bias", "target_path")


def same_problem(a: LearnSettings, b: LearnSettings) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in PROBLEM_FIELDS)


def _same(weights, doc: Document) -> bool:
    """The run's kernel is still the document's (not edited since the run stopped)."""
    w, b = weights
    return np.array_equal(w, doc.weight) and (b is None or np.array_equal(b, doc.bias))


class LearnController(QObject):
    message = Signal(str, bool)  # text, is an error
    runShown = Signal(bool)  # True: a run's step is on screen; False: the run is gone
    messageRetracted = Signal(str)  # a message of ours that no longer holds

    def __init__(self, panel: LearnPanel, controller: Controller, parent=None) -> None:
        super().__init__(parent)
        self.panel, self.controller = panel, controller
        self.learner: Learner | None = None
        self._source: Document | None = None  # the document the run learns on
        self._before: Document | None = None  # the recorded document before the run
        self._said = ""  # the last message we emitted
        self._drawn = -1  # the step the panel shows
        self._curve_len = -1
        self._target: tuple | None = None  # (input array, path, target): the last read
        self._recorded = controller.history.current  # the document last recorded
        self._committing = False
        self.stability = StabilityReadout(panel, self)
        self.pair_row = PairRow()
        panel.add_problem_row(self.tr("target image"), self.pair_row)
        self.pair = PairController(self.pair_row, self, self)
        self._timer = QTimer(self, interval=FRAME_MS)
        self._timer.timeout.connect(self._on_frame)
        panel.playToggled.connect(self._on_play_toggled)
        panel.stepRequested.connect(self.step)
        panel.resetRequested.connect(self.reset)
        panel.chapterRequested.connect(self.load_chapter)
        panel.settingsEdited.connect(self._on_settings_edited)
        controller.historyChanged.connect(self._on_history)
        controller.recordedChosen.connect(self._on_recorded_chosen)
        controller.documentChanged.connect(self._on_document)
        panel.set_settings(controller.history.current.learn)
        self.stability.update(controller.history.current)

    # --- what menus and buttons call ----------------------------------------
    def toggle_play(self) -> None:
        """Play, or pause a running learner (F5)."""
        self._on_play_toggled(not (self.learner is not None and self.learner.running))

    def play(self) -> None:
        if self.learner is not None and self.learner.running:
            return
        if not self._ensure_learner():
            self._sync_state()
            return
        self.learner.play()
        self._start_drawing()

    def pause(self) -> None:
        """Stop stepping; the frame timer draws the step in flight, then commits."""
        if self.learner is not None:
            self.learner.pause()
        self._sync_state()

    def step(self) -> None:
        """One step of gradient descent (F6); ignored while the run is playing."""
        if self.learner is not None and self.learner.running:
            return
        if self._ensure_learner():
            self.learner.step_once()
            self._start_drawing()

    def reset(self) -> None:
        """Go back to the state before the run: the kernel (as one undo step), the
        tiles, the curve, the messages."""
        before = self._before
        self.discard()
        current = self.controller.history.current
        if before is not None:  # (a run that resized the kernel: the old size too)
            self.controller.apply(replace(current, weight=before.weight, bias=before.bias),
                                  QT_TRANSLATE_NOOP("UndoLabel", "reset learning"))

    def discard(self) -> None:
        """Forget the run (its committed result stays); stop the thread."""
        self.shutdown()
        self.learner, self._source, self._before = None, None, None
        self._drawn, self._curve_len = -1, -1
        self.controller.override_weights(None)
        self.panel.clear_run()
        self._retract()
        self._sync_state()
        self.runShown.emit(False)

    def end_run(self) -> None:
        """Stop the run, record its newest kernel as one undo step (as Pause
        does), then forget the run: before the document is replaced (a
        session, a lesson, the chapter example) or the window quits, so that
        Undo, or the autosave, keeps it. (A playing run's kernel is not
        recorded until it pauses or ends, and was lost.)"""
        if self.learner is not None:
            self.shutdown()
            self._commit()
        self.discard()

    def undo(self) -> None:
        """Ctrl+Z. With a run's kernel on screen and nothing recorded since the
        run began, the run is what Undo takes back: recorded first, as Pause
        records it, then undone, so that Redo brings its kernel back. (Undo
        went to the edit before the run, and the learned kernel was lost.)"""
        if self._run_is_last():
            self.end_run()
        self.controller.undo()

    def undo_label(self) -> str:
        """What Undo takes back (the Edit menu names it)."""
        return UndoLabel.LEARNING_RUN if self._run_is_last() else \
            self.controller.history.undo_label()

    def _run_is_last(self) -> bool:
        return (self.controller.shown_weights() is not None and self._source is not None
                and self.controller.history.current is self._source)

    def before_edit(self, doc: Document) -> None:
        """A panel's edit during a run: one that ends it (another input, geometry
        or kernel size, or the kernel edited) first records the run's kernel
        as shown, as Pause does, so that Undo of the edit comes back to it
        (it went to the kernel before the run). Pooling, a tile or the bias
        leave the run going."""
        shown, src = self.controller.shown_weights(), self._source
        if shown is None or src is None:
            return
        problem = doc.image is not src.image or doc.geometry != src.geometry
        if not (problem or doc.weight.shape != shown[0].shape
                or not np.array_equal(doc.weight, shown[0])):
            return
        running = not self.learner.finished
        self.shutdown()
        self._record_shown()
        self.discard()
        if running:
            self._say_stopped(problem or doc.weight.shape != shown[0].shape)

    def load_chapter(self) -> None:
        self.end_run()
        doc, _ = chapter_example()
        self.controller.apply(doc, UndoLabel.CHAPTER_EXAMPLE)

    def hand_over(self) -> tuple | None:
        """The run, for the window built in another language, which ``adopt``s
        it and goes on drawing it; this one lets go without stopping it. (A
        switch during a run stopped it, and the grid kept the run's weights
        over a document that held the kernel before the run.)"""
        self._timer.stop()
        if self.learner is None:
            return None
        state = (self.learner, self._source, self._before)
        self.learner, self._source, self._before = None, None, None
        return state

    def adopt(self, state: tuple | None) -> None:
        """Show a run handed over by the window this one replaces: its problem,
        then its newest step, curve and outcome, as if drawn here all along."""
        if state is None:
            return
        self.learner, self._source, self._before = state
        self._show_problem(self.learner.problem, self.learner.settings)
        self._drawn, self._curve_len = -1, -1
        self._start_drawing()

    def shutdown(self) -> None:
        """Stop the thread within a second (window closing, reset)."""
        self._timer.stop()
        if self.learner is not None:
            self.learner.stop(timeout=1.0)

    # --- starting a run -------------------------------------------------------
    def _ensure_learner(self) -> bool:
        doc = self.controller.history.current
        run = self.learner
        if run is not None and same_problem(run.settings, doc.learn) and (
                not run.finished or (run.can_continue and _same(run.weights(), doc))):
            return True
        if run is not None:  # a finished run: its result is recorded; start afresh
            self.discard()
        learn_doc = for_learning(doc)
        try:
            problem = make_problem(learn_doc, doc.learn, self._pair_target(doc))
        except (ValueError, OSError, MemoryError) as exc:
            self._say(self.tr("Cannot learn with these settings: {error}.").format(
                error=translate_message(str(exc))), True)
            return False
        self._retract()
        if learn_doc is not doc and not self._resize_for(learn_doc, doc):
            return False
        source = self.controller.history.current
        self.learner, self._source, self._before = Learner(problem, doc.learn), source, doc
        self._drawn, self._curve_len = -1, -1
        self._show_problem(problem, doc.learn)
        return True

    def _resize_for(self, learn_doc: Document, doc: Document) -> bool:
        """A true kernel of another size (a preset): the kernel takes its size and
        the run's starting values, as one undo step of its own, so that the grid
        shows the run and Pause records it. (The run used to learn a kernel of
        the preset's size that the grid, still the old size, never showed.)"""
        if not self.controller.apply(learn_doc, UndoLabel.KERNEL_FOR_LEARNING):
            return False
        name = QCoreApplication.translate("Presets", doc.learn.true_source)
        (h, w), (h0, w0) = learn_doc.kernel_hw, doc.kernel_hw
        self._say(self.tr("{name} is {h}×{w}, so the kernel is now {h}×{w} to learn it; "
                          "Reset brings back the {h0}×{w0} kernel.").format(
            name=name, h=h, w=w, h0=h0, w0=w0), False)
        return True

    def remember_target(self, image, path: str, target) -> None:
        """A target just read and checked for this input (saves reading it at Play)."""
        self._target = (image, path, target)

    def _pair_target(self, doc: Document):
        """The pair's target for ``doc``, read from its file unless just read."""
        s = doc.learn
        if s.true_source != PAIR_SOURCE or not s.target_path:
            return None
        t = self._target
        if t is not None and t[0] is doc.image and t[1] == s.target_path:
            return t[2]
        target, _ = target_from_file(s.target_path, doc.image, load_image)
        self.remember_target(doc.image, s.target_path, target)
        return target

    def _show_problem(self, problem, s: LearnSettings) -> None:
        self.panel.clear_run()
        tw = problem.true_weight.ravel()
        if problem.weight.size != 2 or problem.bias is not None:
            self.panel.show_landscape(None, tw)
            return
        w0 = problem.weight.ravel()
        span = float(np.abs(tw - w0).max()) * 1.6 + 0.5
        g0, g1, loss = landscape(problem, (tw + w0) / 2, span)
        scale = 1.0 if s.loss == "sse" else 1.0 / problem.target.size
        self.panel.show_landscape((g0, g1, loss * scale), tw)
        self.panel.landscape.set_axes(landscape_axes(problem, s.loss, span))

    def _start_drawing(self) -> None:
        self._sync_state()
        self._timer.start()

    def _on_play_toggled(self, on: bool) -> None:
        self.play() if on else self.pause()

    # --- the document is the source of truth ---------------------------------
    def _on_settings_edited(self, settings: LearnSettings) -> None:
        doc = self.controller.history.current
        if settings != doc.learn:
            self.controller.apply(replace(doc, learn=settings), UndoLabel.LEARNING_SETTINGS)

    def _on_document(self, doc: Document) -> None:
        """Show the settings; a running learner takes them at its next step."""
        self.panel.set_settings(doc.learn)
        self.stability.update(doc)
        run = self.learner
        if run is not None and run.settings != doc.learn:
            if run.settings.loss != doc.learn.loss:
                self._curve_len = -1  # redraw the whole curve in the new loss
            run.update_settings(doc.learn)

    def _on_history(self) -> None:
        """An edit that changes the problem (the input, the geometry, or by an
        undo the Problem box), or the kernel (an edit, an undo), ends the run,
        and its tiles, curve and verdict go: they would describe a kernel no
        longer shown. Its unrecorded weights stop showing: an edit
        made in the window already carries them (the panels edit what is
        shown), while an undo goes back to what was recorded. (A cell typed
        during a run was recorded but drawn over by the run, and the first
        undo after it landed on a kernel never seen.)"""
        src, doc = self._source, self.controller.history.current
        before, self._recorded = self._recorded, doc
        if self.learner is None or src is None or self._committing:
            return  # (no run: no comparing documents on every edit)
        kernel_changed = self._kernel_changed(before, doc)
        problem_changed = (doc.image is not src.image or doc.geometry != src.geometry
                           or doc.weight.shape != src.weight.shape)
        # The Problem box is fixed during a run, but an undo can still change it.
        settings_changed = not same_problem(src.learn, doc.learn)
        if not (problem_changed or kernel_changed or settings_changed):
            return
        # Undo of the run's own record (after Pause): nothing to explain.
        undone = doc is src and self.controller.history.redo_label() == UndoLabel.LEARNING_RUN
        running = not self.learner.finished and not undone
        self.discard()
        if running and problem_changed:
            self._say_stopped(True)
        elif running and settings_changed:
            self._say(self.tr("The learning problem (true kernel, start, noise, seed or "
                              "target) changed, so learning stopped; press Play to learn "
                              "the new one."), False)
        elif running:
            self._say_kernel_changed()

    def _on_recorded_chosen(self) -> None:
        """The user chose the kernel recorded before the run (a preset, say):
        nothing new to record, but the run ends so that it shows."""
        if self.learner is not None:
            running = not self.learner.finished
            self.discard()
            if running:
                self._say_kernel_changed()

    def _say_stopped(self, problem: bool) -> None:
        if not problem:
            self._say_kernel_changed()
            return
        self._say(self.tr("The input, kernel size or geometry changed, so learning "
                          "stopped; press Play to learn with the new settings."), False)

    def _say_kernel_changed(self) -> None:
        self._say(self.tr("The kernel was changed, so this run ended where it was; "
                          "press Play to start a new one."), False)

    def _kernel_changed(self, before: Document, doc: Document) -> bool:
        """The user changed the kernel and nothing else: a typed cell, or an undo
        or redo of one or of a run. Not an edit of something else made while a
        run shows its weights (pooling, the selected slice), which records the
        shown kernel with it; nor an undo of such an edit."""
        shown = self.controller.shown_weights()
        # A run that learns no bias shows the document's: then the bias is
        # "something else" (undoing a bias set during such a run ended it).
        fields = ("weight",) if shown is not None and shown[1] is None else ("weight", "bias")
        if all(np.array_equal(getattr(before, f), getattr(doc, f)) for f in fields):
            return False
        if replace(doc, **{f: getattr(before, f) for f in fields}) != before:
            return False  # something besides the kernel changed
        return shown is None or not _same(shown, doc)

    # --- drawing --------------------------------------------------------------
    def _on_frame(self) -> None:
        run = self.learner
        if run is None:
            self._timer.stop()
            return
        # Both read before the snapshot, so the snapshot holds every step they imply.
        finished, idle = run.finished, run.idle
        progress = run.progress()
        step = progress.step
        if step is not None and step.index != self._drawn:
            self._draw(step, progress.path)
        if progress.count != self._curve_len:
            self._draw_curve(progress.curve, progress.count)
        if finished:
            self._finish(run)
        elif idle and (step is None or step.index == self._drawn):
            self._timer.stop()  # paused or single-stepped: everything is drawn
            self._commit()
            self._sync_state()
            if step is not None:
                self.panel.set_status(self.tr(
                    "step {i}: loss {loss}. Paused: Play goes on, Step takes one step, "
                    "Reset goes back to before the run.").format(i=step.index,
                                                                 loss=f"{step.loss:.4g}"))

    def _finish(self, run: Learner) -> None:
        self._timer.stop()
        text = translate_message(run.outcome.message)
        why = self._why_diverged(run) if run.outcome.kind == "diverged" else ""
        if why:  # no space after a Chinese full stop
            text += ("" if text.endswith("。") else " ") + why
        self.panel.set_status(text)
        self._commit()  # first: an error said before an edit goes with it
        self._say(text, run.outcome.kind in ("diverged", "error"))
        self._sync_state()

    def _why_diverged(self, run: Learner) -> str:
        """The curvature's reason and the rates that do not diverge, once the
        stability readout knows them for this problem; else ""."""
        value = self.stability.value
        if value is None or self.stability.computing:
            return ""
        s = run.settings
        return divergence_reason(s.lr, value, s.optimizer, tr=translator("Stability"))

    def _draw(self, step, path) -> None:
        self._drawn = step.index
        self.controller.override_weights(step.weight, step.bias)
        self.runShown.emit(True)
        co, ci = self.controller.doc.selected
        p = self.learner.problem
        co, ci = min(co, step.weight.shape[0] - 1), min(ci, step.weight.shape[1] - 1)
        self.panel.show_kernels(step.weight[co, ci], p.true_weight[co, ci],
                                step.grad_weight[co, ci])
        self.panel.show_path(path)
        self.panel.set_status(self.tr("step {i}: loss {loss}").format(i=step.index,
                                                                      loss=f"{step.loss:.4g}"))

    def _draw_curve(self, curve, n: int) -> None:
        self._curve_len = n
        first, lo, hi = curve
        scale = 1.0 if self.controller.history.current.learn.loss == "sse" \
            else 1.0 / max(self.learner.problem.target.size, 1)
        self.panel.show_curve(first, lo * scale, hi * scale, n)

    def _commit(self) -> None:
        if self.learner is not None and self._drawn > 0:
            self.controller.override_weights(*self.learner.weights())
            self._record_shown()

    def _record_shown(self) -> None:
        """Record the run's kernel on screen as one undo step."""
        self._committing = True  # the run's own kernel: it does not end the run
        try:
            self.controller.commit_override(UndoLabel.LEARNING_RUN)
        finally:
            self._committing = False

    def _sync_state(self) -> None:
        run = self.learner
        running = run is not None and run.running
        self.panel.set_playing(running)
        self.panel.set_run_state(active=run is not None and not run.finished, running=running)

    # --- messages -------------------------------------------------------------
    def say(self, text: str, error: bool) -> None:
        """A message in the window, retracted when the run is reset or discarded."""
        self._retract()
        self._say(text, error)

    def _say(self, text: str, error: bool) -> None:
        self._said = text
        self.message.emit(text, error)

    def _retract(self) -> None:
        if self._said:
            self.messageRetracted.emit(self._said)
            self._said = ""
