"""The Learn panel's widgets: problem, run controls and live plots.

The panel shows state and emits requests; it holds none. The settings come
from the Document (``set_settings``) and go back as ``settingsEdited``; the
run's progress comes from the LearnController (``show_*`` methods).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox,
                               QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from convlab.core.training import LOSSES, OPTIMIZERS
from convlab.model import limits
from convlab.model.learning import INITS, PAIR_SOURCE, TRUE_SOURCES, LearnSettings
from convlab.qt.array_view import ArrayView
from convlab.qt.stability_view import add_axes
from convlab.qt.widgets import blocked, dspin, spin

SPEEDS = {"1 step/s": 1.0, "4 steps/s": 4.0, "15 steps/s": 15.0, "60 steps/s": 60.0,
          "as fast as possible": 0.0}
IDLE_TEXT = "Press Play to learn the kernel."
LIVE_TIP = " Takes effect at the next step, also while learning runs."
FIXED_TIP = ("Fixed while a run is in progress: it defines the problem. Press Reset, or "
             "let the run finish, to change it.")
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


class NumberSpin(QDoubleSpinBox):
    """A number shown in its shortest exact form (0.0321, 1e-08, 1e+30), so the box
    holds any value the Document may hold (model/limits.py) without rounding it."""

    def __init__(self, name: str, tip: str, lo: float, hi: float, step: float) -> None:
        super().__init__(objectName=name)
        self.setDecimals(323)  # Qt's maximum: no rounding of a double
        self.setRange(lo, hi)
        self.setSingleStep(step)
        self.setToolTip(tip)
        self.setKeyboardTracking(False)

    def textFromValue(self, v: float) -> str:  # noqa: N802 - Qt's name
        text = repr(float(v))
        return text[:-2] if text.endswith(".0") else text

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt's name
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        t = text.strip()
        try:
            v = float(t)
        except ValueError:
            partial = t == "" or t[-1] in "eE+-." and all(c in "0123456789.eE+-" for c in t)
            state = QValidator.State.Intermediate if partial else QValidator.State.Invalid
            return state, text, pos
        ok = self.minimum() <= v <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos


class StepAxis(pg.AxisItem):
    """Whole steps only: no tick at step 1.5."""

    def tickSpacing(self, minVal, maxVal, size):
        levels = [lv for lv in super().tickSpacing(minVal, maxVal, size) if lv[0] >= 1]
        return levels or [(1.0, 0.0)]

    def tickStrings(self, values, scale, spacing):
        return [f"{int(round(v)):,}" for v in values]


class LogAxis(pg.AxisItem):
    """Powers of ten as 10⁻³; ticks inside a decade with two significant digits."""

    def logTickStrings(self, values, scale, spacing):
        out = []
        for v in values:
            if abs(v - round(v)) < 1e-9:
                out.append("10" + str(int(round(v))).translate(SUPERSCRIPT))
            else:
                out.append(f"{10.0 ** v * scale:.2g}")
        return out


class LossPlot(pg.PlotWidget):
    """The loss per step on a log axis; hovering shows the step and its loss.

    The curve comes decimated (lowest and highest loss per bin of steps), so
    drawing it costs the same at step 10 and at step 10⁷.
    """

    def __init__(self) -> None:
        super().__init__(axisItems={"bottom": StepAxis("bottom"), "left": LogAxis("left")})
        self.setObjectName("lossPlot")
        self.setLogMode(y=True)
        self.setLabel("bottom", "step")
        self.setLabel("left", "loss")
        self.getAxis("left").enableAutoSIPrefix(False)
        self.getAxis("bottom").enableAutoSIPrefix(False)
        self.setFixedHeight(200)
        self.curve = self.plot(pen=pg.mkPen(255, 170, 0, width=2))
        self.readout = pg.TextItem(anchor=(1, 0), color=(230, 230, 230))
        self.addItem(self.readout, ignoreBounds=True)
        self._bins = (np.zeros(0), np.zeros(0), np.zeros(0))  # first step, lowest, highest
        self._width = 1
        self.count = 0  # steps shown
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def clear_curve(self) -> None:
        self.set_curve(np.zeros(0), np.zeros(0), np.zeros(0), 0)

    def set_curve(self, first: np.ndarray, lo: np.ndarray, hi: np.ndarray, count: int) -> None:
        """Bins starting at steps ``first`` with their lowest and highest loss;
        ``count`` steps in all."""
        self._bins, self.count = (first, lo, hi), count
        self._width = int(first[1] - first[0]) if len(first) > 1 else 1
        if self._width == 1:
            x, y = first, lo
        else:  # each bin a vertical stroke from its highest to its lowest loss
            last = np.minimum(first + self._width, max(count, 1)) - 1
            x = np.repeat((first + last) / 2, 2)
            y = np.column_stack([hi, lo]).ravel()
        y = np.clip(np.nan_to_num(y, nan=1e300, posinf=1e300), 1e-300, 1e300)
        self.curve.setData(x, y)

    def readout_at(self, x: float) -> str:
        first, lo, hi = self._bins
        if not len(first):
            return ""
        i = int(np.clip(int(np.floor(x + 0.5)) // self._width, 0, len(first) - 1))
        if self._width == 1:
            return f"step {int(first[i])}: loss {lo[i]:.4g}"
        a, b = int(first[i]), min(int(first[i]) + self._width, self.count) - 1
        return f"steps {a:,}–{b:,}: loss {lo[i]:.4g} to {hi[i]:.4g}"

    def _on_mouse_moved(self, pos) -> None:
        p = self.plotItem.vb.mapSceneToView(pos)
        self.readout.setText(self.readout_at(p.x()))
        self.readout.setPos(p)


class Landscape(pg.PlotWidget):
    """For a two-weight kernel: loss contours and the path the descent took."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("lossLandscape")
        self.setLabel("bottom", "weight 0")
        self.setLabel("left", "weight 1")
        self.setFixedHeight(240)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.addItem(self.image)
        self.curves: list[pg.IsocurveItem] = []
        self.path = self.plot(pen=pg.mkPen(255, 255, 255, width=2), symbol="o", symbolSize=4,
                              symbolBrush=(255, 200, 0))
        self.truth = self.plot(symbol="x", symbolSize=14, pen=None, symbolPen=(0, 255, 120))
        self.axes: list = []  # the ellipses' principal axes (stability.landscape_axes)

    def set_axes(self, axes) -> None:
        self.axes = add_axes(self, axes, self.axes)

    def set_landscape(self, w0, w1, loss, true_w) -> None:
        log = np.log10(loss - loss.min() + 1e-6 * (loss.max() - loss.min() + 1e-12))
        self.image.setImage(log, autoLevels=True)
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.image.setRect(QRectF(w0[0], w1[0], w0[-1] - w0[0], w1[-1] - w1[0]))
        for c in self.curves:
            self.removeItem(c)
        levels = np.linspace(log.min(), log.max(), 12)[1:-1]
        self.curves = [pg.IsocurveItem(data=log, level=lv, pen=(255, 255, 255, 90))
                       for lv in levels]
        for c in self.curves:
            c.setParentItem(self.image)
        self.truth.setData([true_w[0]], [true_w[1]])
        self.path.setData([], [])

    def set_path(self, points: np.ndarray) -> None:
        if len(points):
            self.path.setData(points[:, 0], points[:, 1])
        else:
            self.path.setData([], [])


class LearnPanel(QWidget):
    playToggled = Signal(bool)
    stepRequested = Signal()
    resetRequested = Signal()
    chapterRequested = Signal()
    settingsEdited = Signal(object)  # LearnSettings: the user changed a setting

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._showing = LearnSettings()
        self._make_problem_widgets()
        self._make_run_widgets()
        self.status = QLabel(IDLE_TEXT, objectName="learnStatus", wordWrap=True)
        self.loss_plot = LossPlot()
        self.learned_view = ArrayView("learned")
        self.true_view = ArrayView("true")
        self.diff_view = ArrayView("learned − true")
        self.grad_view = ArrayView("gradient")
        self.landscape = Landscape()
        self._build()
        self._connect()
        self._showing = LearnSettings()
        with blocked(*self._setting_widgets()):
            self._show_settings(self._showing)
        self.set_run_state(active=False, running=False)

    def _make_problem_widgets(self) -> None:
        self.true_source = QComboBox(objectName="learnTrue")
        self.true_source.addItems(list(TRUE_SOURCES))
        self.init = QComboBox(objectName="learnInit")
        self.init.addItems(list(INITS))
        self.seed = spin("learnSeed", 0, limits.MAX_SEED, "seed for random kernels and noise")
        self.noise = NumberSpin("learnNoise", "standard deviation of noise added to the target",
                                0.0, limits.MAX_NOISE, 0.01)
        self.learn_bias = QCheckBox("learn a bias too", objectName="learnBias")
        self.chapter = QPushButton("Chapter example", objectName="learnChapter")
        self.chapter.setToolTip("The chapter's run: learn [1, −1] from the 6×8 edge image")
        self._problem_tips = {
            self.true_source: "The hidden kernel whose output is the target",
            self.init: "The kernel gradient descent starts from",
            self.seed: self.seed.toolTip(), self.noise: self.noise.toolTip(),
            self.learn_bias: "Learn one bias per output channel as well as the kernel"}

    def _make_run_widgets(self) -> None:
        # 0 is shown, so typing it is answered by the Document's check, not clamped.
        self.rate = NumberSpin("learningRate", "Step size." + LIVE_TIP, 0.0, limits.MAX_LR,
                               0.001)
        self.rate.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.rate_warning = QLabel(objectName="rateWarning", wordWrap=True)
        self.rate_warning.hide()
        self.optimizer = QComboBox(objectName="learnOptimizer")
        self.optimizer.addItems(list(OPTIMIZERS))
        self.optimizer.setToolTip("How the gradient moves the kernel; a change starts the "
                                  "new optimizer afresh." + LIVE_TIP)
        self.loss = QComboBox(objectName="learnLoss")
        self.loss.addItems(list(LOSSES))
        self.loss.setToolTip("sse: the chapter's sum of squared errors; mse: their mean; the "
                             "whole curve is redrawn in the chosen one." + LIVE_TIP)
        self.speed = QComboBox(objectName="learnSpeed")
        for text, value in SPEEDS.items():
            self.speed.addItem(text, value)
        self.speed.setToolTip("Steps per second." + LIVE_TIP)
        self.threshold = NumberSpin("learnThreshold", "Stop when the loss falls below this."
                                    + LIVE_TIP, 0.0, limits.MAX_THRESHOLD, 1e-6)
        self.max_steps = spin("learnMaxSteps", 1, limits.MAX_STEPS,
                              "Stop after this many steps." + LIVE_TIP, 2000)
        self.play = QPushButton("Play", objectName="learnPlay", checkable=True)
        self.play.setToolTip("Start or pause gradient descent (F5)")
        self.step = QPushButton("Step", objectName="learnStep")
        self.reset = QPushButton("Reset", objectName="learnReset")

    def _build(self) -> None:
        problem = QGroupBox("Problem")
        self.problem_form = QFormLayout(problem)
        self.problem_form.addRow("target from", self.true_source)
        self.problem_form.addRow("noise", self.noise)
        self.problem_form.addRow("start from", self.init)
        self.problem_form.addRow("seed", self.seed)
        self.problem_form.addRow(self.learn_bias, self.chapter)
        run = QGroupBox("Gradient descent")
        form2 = QFormLayout(run)
        form2.addRow("learning rate", self.rate)
        form2.addRow(self.rate_warning)  # "above 0.0333: the loss will grow", before Play
        for label, w in (("optimizer", self.optimizer),
                         ("loss", self.loss), ("speed", self.speed),
                         ("stop below loss", self.threshold), ("max steps", self.max_steps)):
            form2.addRow(label, w)
        # Room for a readout about the problem (e.g. the largest stable rate).
        self.readouts = QVBoxLayout()
        form2.addRow(self.readouts)
        buttons = QHBoxLayout()
        for b in (self.play, self.step, self.reset):
            buttons.addWidget(b)
        kernels = QGridLayout()
        for col, view in enumerate((self.learned_view, self.true_view, self.diff_view,
                                    self.grad_view)):
            view.setFixedHeight(120)
            kernels.addWidget(view, 0, col)
        box = QVBoxLayout(self)
        for part in (problem, run, buttons, self.status, kernels, self.loss_plot,
                     self.landscape):
            (box.addLayout if isinstance(part, (QHBoxLayout, QGridLayout)) else
             box.addWidget)(part)
        box.addStretch(1)
        self.landscape.hide()

    def add_problem_row(self, label: str, widget: QWidget) -> None:
        """A further way to set up the problem (e.g. a target from an image)."""
        self.problem_form.insertRow(1, label, widget)

    def add_readout(self, widget: QWidget) -> None:
        """A readout under the descent settings (e.g. stability)."""
        self.readouts.addWidget(widget)

    def _connect(self) -> None:
        self.play.toggled.connect(self._on_play)
        self.step.clicked.connect(self.stepRequested)
        self.reset.clicked.connect(self.resetRequested)
        self.chapter.clicked.connect(self.chapterRequested)
        for box in self._setting_widgets():
            for name in ("valueChanged", "currentTextChanged", "toggled"):
                if hasattr(box, name):
                    getattr(box, name).connect(self._on_widget_edited)
                    break

    def _on_widget_edited(self, *_) -> None:
        s = self.settings()
        if s != self._showing:
            self._showing = s
            self.settingsEdited.emit(s)

    def _setting_widgets(self) -> tuple:
        return (self.true_source, self.init, self.seed, self.noise, self.learn_bias,
                self.rate, self.optimizer, self.loss, self.speed, self.threshold,
                self.max_steps)

    def _on_play(self, on: bool) -> None:
        self.play.setText("Pause" if on else "Play")
        self.playToggled.emit(on)

    # --- state in ----------------------------------------------------------
    def set_playing(self, on: bool) -> None:
        with blocked(self.play):
            self.play.setChecked(on)
            self.play.setText("Pause" if on else "Play")

    def set_run_state(self, active: bool, running: bool) -> None:
        """``active``: a run is in progress (running or paused, not finished)."""
        for w, tip in self._problem_tips.items():
            w.setEnabled(not active)
            w.setToolTip(FIXED_TIP if active else tip)
        self.step.setEnabled(not running)
        self.step.setToolTip("Pause first: the run is already stepping" if running
                             else "One step of gradient descent (F6)")
        self.reset.setToolTip("Go back to the kernel before this run (one undo step) and "
                              "clear the plots")

    def settings(self) -> LearnSettings:
        """What the widgets show (read only to report an edit)."""
        speed = self.speed.currentData()
        return LearnSettings(self.true_source.currentText(), self.init.currentText(),
                             self.seed.value(), self.noise.value(), self.learn_bias.isChecked(),
                             self.rate.value(), self.optimizer.currentText(),
                             self.loss.currentText(), speed, self.threshold.value(),
                             self.max_steps.value(), self._showing.target_path)

    def set_settings(self, s: LearnSettings) -> None:
        """Show the Document's settings without reporting them as an edit."""
        self._showing = s
        if s == self.settings():
            return
        with blocked(*self._setting_widgets()):
            self._show_settings(s)

    def _show_settings(self, s: LearnSettings) -> None:
        self.true_source.setCurrentText(s.true_source)
        self.init.setCurrentText(s.init)
        self.seed.setValue(s.seed)
        self.noise.setValue(s.noise)
        self.learn_bias.setChecked(s.learn_bias)
        self.rate.setValue(s.lr)
        self.optimizer.setCurrentText(s.optimizer)
        self.loss.setCurrentText(s.loss)
        i = self.speed.findData(s.steps_per_second)
        if i < 0:  # a speed from a session that no entry names: add it, never round it
            self.speed.addItem(f"{s.steps_per_second:g} steps/s", s.steps_per_second)
            i = self.speed.count() - 1
        self.speed.setCurrentIndex(i)
        self.threshold.setValue(s.threshold)
        self.max_steps.setValue(s.max_steps)

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def show_kernels(self, learned, true, grad) -> None:
        """One step's kernel, the true one, their difference and the gradient there."""
        self.learned_view.set_array(learned)
        self.true_view.set_title("least squares" if self._showing.true_source == PAIR_SOURCE
                                 else "true")
        self.true_view.set_array(true)
        self.diff_view.set_array(learned - true)
        self.grad_view.set_array(grad)
        for view in (self.learned_view, self.true_view, self.diff_view, self.grad_view):
            view.vb.autoRange(padding=0.02)

    def show_landscape(self, grid, true_w) -> None:
        """The loss over a two-weight grid (w0, w1, loss), or None to hide it."""
        self.landscape.setVisible(grid is not None)
        if grid is not None:
            self.landscape.set_landscape(*grid, true_w)

    def show_path(self, points: np.ndarray) -> None:
        if self.landscape.isVisible():
            self.landscape.set_path(points)

    def show_curve(self, first: np.ndarray, lo: np.ndarray, hi: np.ndarray, count: int) -> None:
        self.loss_plot.set_curve(first, lo, hi, count)

    def clear_run(self) -> None:
        """Back to no run: empty tiles, curve and path, the idle text."""
        for view in (self.learned_view, self.true_view, self.diff_view, self.grad_view):
            view.set_array(None)
        self.loss_plot.clear_curve()
        self.landscape.set_path(np.zeros((0, 2)))
        self.set_status(IDLE_TEXT)
        self.set_playing(False)
