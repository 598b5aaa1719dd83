"""Runs gradient descent on a thread; the GUI reads the newest snapshot (Qt-free).

The worker never touches widgets. It publishes immutable ``Step`` snapshots
and records every loss in bounded memory; the GUI polls at its own frame rate
and skips whatever steps it did not have time to draw. Settings are read
before every step, so a change takes effect at the next one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from convlab.core.descent import Step, descend
from convlab.model.learn_problem import LearnSettings, Problem, diverged
from convlab.model.trace import LossCurve, PathTrace


@dataclass(frozen=True)
class Outcome:
    kind: str  # "converged", "max steps", "diverged", "error"
    step: int
    message: str


@dataclass(frozen=True)
class Progress:
    """What the GUI draws in one frame: copies, safe to keep."""

    step: Step | None  # the kernel to show (after divergence: the best one)
    curve: tuple[np.ndarray, np.ndarray, np.ndarray]  # steps, lowest SSE, highest SSE
    path: np.ndarray  # (n, 2) kernels visited, for a two-weight kernel; else empty
    count: int  # steps in the curve (step 0 included)


class Learner:
    def __init__(self, problem: Problem, settings: LearnSettings) -> None:
        self.problem = problem
        self.settings = settings  # replaced by the GUI; read before every step
        self.curve = LossCurve()
        self.path = PathTrace()
        self.latest: Step | None = None  # newest finite snapshot
        self.best: Step | None = None  # lowest loss seen
        self.outcome: Outcome | None = None
        self._first_sse: float | None = None
        self._run = threading.Event()  # set: keep stepping
        self._quit = threading.Event()
        self._pending = 0  # single steps requested while paused
        self._stepping = False  # the thread is inside a step
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._steps = descend(problem.x, problem.target, problem.weight, problem.bias,
                              lr=lambda: self.settings.lr,
                              optimizer=lambda: self.settings.optimizer,
                              loss=lambda: self.settings.loss, **problem.descend_kwargs())

    # --- control, from the GUI thread --------------------------------------
    def update_settings(self, settings: LearnSettings) -> None:
        """Rate, optimizer, loss, speed, threshold and max steps: from the next step."""
        self.settings = settings

    def play(self) -> None:
        self._reopen()
        self._run.set()
        self._start_thread()

    def pause(self) -> None:
        self._run.clear()

    def step_once(self) -> None:
        self._reopen()
        with self._lock:
            self._pending += 1
        self._start_thread()

    @property
    def lr(self) -> float:
        return self.settings.lr

    @property
    def steps_done(self) -> int:
        s = self.latest
        return 0 if s is None else s.index

    @property
    def running(self) -> bool:
        return self._run.is_set() and self.outcome is None

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    @property
    def can_continue(self) -> bool:
        """Stopped by a limit the settings no longer impose (max steps raised,
        threshold lowered): Play and Step carry on with the same run."""
        o, s = self.outcome, self.latest
        if o is None or s is None or o.kind not in ("converged", "max steps"):
            return False
        return s.index < self.settings.max_steps and s.loss > self.settings.threshold

    def stop(self, timeout: float = 1.0) -> bool:
        """Ask the thread to end and wait for it; True when it has ended."""
        self._quit.set()
        self._run.set()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def progress(self) -> Progress:
        with self._lock:
            shown = self.best if self.outcome and self.outcome.kind == "diverged" \
                else self.latest
            return Progress(shown, self.curve.arrays(), self.path.array(), len(self.curve))

    def weights(self) -> tuple[np.ndarray, np.ndarray | None]:
        """The kernel and bias to keep: the newest, or after divergence the best."""
        s = self.progress().step
        if s is None:
            return self.problem.weight, self.problem.bias
        return s.weight, s.bias

    # --- the thread ----------------------------------------------------------
    def _reopen(self) -> None:
        if self.can_continue:
            if self._thread is not None:
                self._thread.join(1.0)  # it is leaving its loop
            self._thread, self.outcome = None, None

    def _start_thread(self) -> None:
        if self._thread is None and self.outcome is None:
            self._thread = threading.Thread(target=self._loop, name="convlab-learner",
                                            daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        if self.latest is None:
            self._busy(True)
            try:
                self._record_start()
            finally:
                self._busy(False)
        while not self._quit.is_set() and self.outcome is None:
            if not self._take_turn():
                self._run.wait(0.02)
                continue
            self._advance()
            self._throttle()

    def _take_turn(self) -> bool:
        """Whether to step now; if so the thread is busy from this moment on."""
        with self._lock:
            self._stepping = self._run.is_set() or self._pending > 0
            return self._stepping

    @property
    def idle(self) -> bool:
        """Nothing running and no requested step still in flight."""
        with self._lock:
            return not self._run.is_set() and self._pending == 0 and not self._stepping

    def _busy(self, on: bool) -> None:
        with self._lock:
            self._stepping = on

    def _advance(self) -> None:
        try:
            self._step()
        finally:
            with self._lock:  # only now is a requested single step done
                if not self._run.is_set() and self._pending:
                    self._pending -= 1
                self._stepping = False

    def _next(self) -> Step | None:
        try:
            return next(self._steps)
        except Exception as exc:  # noqa: BLE001 - the run ends with the reason shown
            self._finish("error", self.steps_done, f"Learning stopped: {exc}.")
            return None

    def _record_start(self) -> None:
        step = self._next()
        if step is not None:
            self._first_sse = step.sse
            self._record(step)

    def _step(self) -> None:
        step = self._next()
        if step is None:
            return
        best = None if self.best is None else self.best.sse
        if diverged(step.sse, self._first_sse or 0.0, best, self.settings.optimizer):
            with self._lock:
                self.curve.append(step.index, step.sse)
            self._diverge(step)
            return
        self._record(step)
        self._check_done(step)

    def _record(self, step: Step) -> None:
        with self._lock:
            self.curve.append(step.index, step.sse)
            if step.weight.size == 2 and step.bias is None:
                self.path.append(step.index, step.weight.ravel())
            self.latest = step
            if self.best is None or step.sse < self.best.sse:
                self.best = step

    def _diverge(self, step: Step) -> None:
        b = self.best
        self._finish("diverged", step.index,
                     f"The loss diverged at step {step.index}; lower the learning rate "
                     f"(now {self.settings.lr:g}). Restored the kernel of step {b.index}, "
                     f"loss {b.loss:.4g}.")

    def _check_done(self, step: Step) -> None:
        s = self.settings
        if step.loss <= s.threshold:
            self._finish("converged", step.index,
                         f"Converged: the loss {step.loss:.3g} fell below {s.threshold:g} "
                         f"at step {step.index}.")
        elif step.index >= s.max_steps:
            self._finish("max steps", step.index,
                         f"Stopped after the maximum of {s.max_steps} steps "
                         f"(loss {step.loss:.3g}).")

    def _finish(self, kind: str, index: int, message: str) -> None:
        self.outcome = Outcome(kind, index, message)
        self._run.clear()

    def _throttle(self) -> None:
        sps = self.settings.steps_per_second
        if sps > 0 and self._run.is_set():
            self._quit.wait(1.0 / sps)
