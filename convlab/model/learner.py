"""Runs gradient descent on a thread; the GUI reads the newest snapshot (Qt-free).

The worker never touches widgets. It publishes immutable ``Step`` snapshots
and appends losses; the GUI polls at its own frame rate and skips whatever
steps it did not have time to draw.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from convlab.core.training import Step, descend
from convlab.model.learning import LearnSettings, Problem, diverged


@dataclass(frozen=True)
class Outcome:
    kind: str  # "converged", "max steps", "diverged", "error"
    step: int
    message: str


class Learner:
    def __init__(self, problem: Problem, settings: LearnSettings) -> None:
        self.problem, self.settings = problem, settings
        self.lr = settings.lr  # read by the descent every step; the GUI may change it
        self.steps_per_second = settings.steps_per_second
        self.losses: list[float] = []  # append-only, one per step
        self.path: list[np.ndarray] = []  # every kernel, for tiny kernels (the landscape)
        self.latest: Step | None = None  # newest snapshot
        self.last_finite: Step | None = None
        self.outcome: Outcome | None = None
        self._run = threading.Event()  # set: keep stepping
        self._quit = threading.Event()
        self._pending = 0  # single steps requested while paused
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._steps = descend(problem.x, problem.target, problem.weight, problem.bias,
                              lr=lambda: self.lr, optimizer=settings.optimizer,
                              loss=settings.loss, **problem.descend_kwargs())

    # --- control, from the GUI thread --------------------------------------
    def play(self) -> None:
        self._start_thread()
        self._run.set()

    def pause(self) -> None:
        self._run.clear()

    def step_once(self) -> None:
        with self._lock:
            self._pending += 1
        self._start_thread()

    @property
    def running(self) -> bool:
        return self._run.is_set() and self.outcome is None

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    def stop(self, timeout: float = 1.0) -> bool:
        """Ask the thread to end and wait for it; True when it has ended."""
        self._quit.set()
        self._run.set()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    # --- the thread ----------------------------------------------------------
    def _start_thread(self) -> None:
        if self._thread is None and self.outcome is None:
            self._thread = threading.Thread(target=self._loop, name="convlab-learner",
                                            daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        while not self._quit.is_set() and self.outcome is None:
            if not self._take_turn():
                self._run.wait(0.02)
                continue
            self._advance()
            self._throttle()

    def _take_turn(self) -> bool:
        if self._run.is_set():
            return True
        with self._lock:
            return self._pending > 0

    @property
    def idle(self) -> bool:
        """Nothing running and no requested step still in flight."""
        with self._lock:
            return not self._run.is_set() and self._pending == 0

    def _advance(self) -> None:
        try:
            self._step()
        finally:
            with self._lock:  # only now is a requested single step done
                if not self._run.is_set() and self._pending:
                    self._pending -= 1

    def _step(self) -> None:
        try:
            step = next(self._steps)
        except ValueError as exc:
            self._finish("error", 0, str(exc))
            return
        self.losses.append(step.loss)
        first = self.losses[0]
        if diverged(step.loss, first):
            self._finish("diverged", step.index,
                         f"The loss diverged at step {step.index}; lower the learning rate "
                         f"(now {self.lr:g}). The last finite kernel was restored.")
            return
        if step.weight.size <= 4:
            self.path.append(step.weight.ravel())
        self.latest = self.last_finite = step
        self._check_done(step)

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
        sps = self.steps_per_second
        if sps > 0 and self._run.is_set():
            self._quit.wait(1.0 / sps)

    def weights(self) -> tuple[np.ndarray, np.ndarray | None]:
        """The newest finite kernel and bias (the start when no step ran yet)."""
        s = self.last_finite
        if s is None:
            return self.problem.weight, self.problem.bias
        return s.weight, s.bias
