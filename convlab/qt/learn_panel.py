"""The Learn panel's widgets: problem, run controls and live plots.

The panel shows state and emits requests; it holds none. The settings come
from the Document (``set_settings``) and go back as ``settingsEdited``; the
run's progress comes from the LearnController (``show_*`` methods).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QCheckBox, QComboBox,
                               QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from convlab.core.descent import LOSSES, OPTIMIZERS
from convlab.model import limits
from convlab.model.history import UndoLabel
from convlab.model.learn_problem import INITS, PAIR_SOURCE, TRUE_SOURCES, LearnSettings
from convlab.model.translatable import QT_TRANSLATE_NOOP
from convlab.qt.array_view import ArrayView
from convlab.qt.colors import value_levels
from convlab.qt.folding_box import FoldingBox
from convlab.qt.stability_view import add_axes
from convlab.qt.widgets import NumberSpin, blocked, spin, unbroken_formulas

SPEEDS = {QT_TRANSLATE_NOOP("LearnPanel", "1 step/s"): 1.0,
          QT_TRANSLATE_NOOP("LearnPanel", "4 steps/s"): 4.0,
          QT_TRANSLATE_NOOP("LearnPanel", "15 steps/s"): 15.0,
          QT_TRANSLATE_NOOP("LearnPanel", "60 steps/s"): 60.0,
          QT_TRANSLATE_NOOP("LearnPanel", "as fast as possible"): 0.0}
IDLE_TEXT = QT_TRANSLATE_NOOP("LearnPanel", "Press Play to learn the kernel.")
LIVE_TIP = QT_TRANSLATE_NOOP("LearnPanel", " Takes effect at the next step, also while "
                                           "learning runs.")
FIXED_TIP = QT_TRANSLATE_NOOP("LearnPanel", "Fixed while a run is in progress: it defines the "
                                            "problem. Press Reset, or let the run finish, to "
                                            "change it.")
#: Combo items: the English key (kept as item data) → its context for the shown text.
KEY_TEXTS = (QT_TRANSLATE_NOOP("LearnPanel", "current kernel (frozen)"),
             QT_TRANSLATE_NOOP("LearnPanel", "random (seed)"),
             QT_TRANSLATE_NOOP("LearnPanel", "target image"),
             QT_TRANSLATE_NOOP("LearnPanel", "zeros"),
             QT_TRANSLATE_NOOP("LearnPanel", "current kernel"))
#: Keys shown by another name (English showed the raw "adam", "mse").
KEY_NAMES = {"sgd": QT_TRANSLATE_NOOP("LearnPanel", "SGD"),
             "momentum": QT_TRANSLATE_NOOP("LearnPanel", "Momentum"),
             "adam": QT_TRANSLATE_NOOP("LearnPanel", "Adam"),
             "sse": QT_TRANSLATE_NOOP("LearnPanel", "sum of squared errors (sse)"),
             "mse": QT_TRANSLATE_NOOP("LearnPanel", "mean squared error (mse)")}


def key_text(key: str) -> str:
    """A combo key (true source, init, optimizer, loss) in the window's language;
    preset names come from the Presets context."""
    key = KEY_NAMES.get(key, key)
    text = QCoreApplication.translate("LearnPanel", key)
    return text if text != key else QCoreApplication.translate("Presets", key)


def add_keys(combo: QComboBox, keys) -> None:
    for key in keys:
        combo.addItem(key_text(key), key)


def select_key(combo: QComboBox, key: str) -> None:
    i = combo.findData(key)
    if i >= 0:
        combo.setCurrentIndex(i)


def live(tip: str) -> str:
    return tip + QCoreApplication.translate("LearnPanel", LIVE_TIP)
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _limits(field: str) -> dict:
    """A learning box's ``what`` and undo label: a number typed beyond its range
    is refused with the message a session's bad value gets."""
    return {"what": limits.LEARN_RANGES[field][0], "label": UndoLabel.LEARNING_SETTINGS}


class StepAxis(pg.AxisItem):
    """Whole steps only: no tick at step 1.5."""

    def tickSpacing(self, minVal, maxVal, size):
        levels = [lv for lv in super().tickSpacing(minVal, maxVal, size) if lv[0] >= 1]
        return levels or [(1.0, 0.0)]

    def tickStrings(self, values, scale, spacing):
        return [f"{int(round(v)):,}" for v in values]


class LogAxis(pg.AxisItem):
    """Every tick in one notation: plain decimals from 0.0001 to 10,000
    (0.05, 0.02, 0.01), beyond that 5×10⁻⁶ and 10⁻⁶ (a decade labelled 10⁻²
    between 0.05 and 0.02 read as two scales). Ticks inside a decade get two
    significant digits, as many as fit a line apart: powers first, then 5,
    then 2, then the rest (one decade of 150 pixels had 2 to 9 crowded in)."""

    _fine_digits = 0  # significant digits of the ticks ``logTickValues`` added
    _least_text = 0  # pixels kept for the tick labels however short they are

    def reserve_text(self, sample: str) -> None:
        """Keep room for labels as wide as ``sample`` even when they are shorter."""
        self._least_text = QFontMetrics(self.style["tickFont"] or self.font()).horizontalAdvance(
            sample)
        self._updateMaxTextSize(0)

    def _updateMaxTextSize(self, x):  # noqa: N802 - pyqtgraph's name
        super()._updateMaxTextSize(max(x, self._least_text))

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        """pyqtgraph's ticks, and, where they hold fewer than two in view (a loss
        from 0.121 to 0.105 lies between 0.1 and 0.2: the axis had no number),
        evenly spaced ones in the loss itself: 0.11, 0.115, 0.12."""
        ticks = super().logTickValues(minVal, maxVal, size, stdTicks)
        self._fine_digits = 0
        inside = [v for _, values in ticks for v in values if minVal <= v <= maxVal]
        if len(inside) >= 2 or not -300 < minVal < maxVal < 300:
            return ticks
        lo, hi = 10.0 ** minVal, 10.0 ** maxVal
        if not hi > lo:  # narrower than a float's step (a deep zoom): nothing to add
            return ticks
        step = _nice_step((hi - lo) / 2)
        fine = np.arange(np.ceil(lo / step), np.floor(hi / step) + 1) * step
        fine = [v for v in np.log10(fine[fine > 0]) if all(abs(v - t) > 1e-12 for t in inside)]
        self._fine_digits = min(15, max(2, int(np.floor(np.log10(hi))
                                               - np.floor(np.log10(step))) + 1))
        return ticks + [(None, fine)]

    def logTickStrings(self, values, scale, spacing):
        labels = [self._label(v, scale, max(2, self._fine_digits)) for v in values]
        lo, hi = self.range
        if hi <= lo or not self.isVisible():
            return labels
        per_decade = self.geometry().height() / (hi - lo)  # pixels
        line = QFontMetrics(self.style["tickFont"] or self.font()).height()
        kept: list[float] = []
        for i in sorted(range(len(values)), key=lambda i: (_rank(values[i]), values[i])):
            if all(abs(values[i] - k) * per_decade >= line for k in kept):
                kept.append(values[i])
        return [t if v in kept else "" for v, t in zip(values, labels)]

    @staticmethod
    def _label(v: float, scale: float, digits: int = 2) -> str:
        if not -300 < v < 300:  # beyond float's range: no label
            return ""
        x = float(f"{10.0 ** v * scale:.{digits}g}")
        if 1e-4 <= x < 1e5:
            return f"{x:,.{max(digits, 10)}g}"  # 0.0001, 0.05, 1, 2,000
        power = math.floor(math.log10(x))
        mantissa = f"{x / 10.0 ** power:.{digits - 1}f}".rstrip("0").rstrip(".")
        ten = "10" + str(power).translate(SUPERSCRIPT)
        return ten if mantissa == "1" else f"{mantissa}×{ten}"


def _nice_step(span: float) -> float:
    """The largest 1, 2 or 5 × 10ⁿ at most ``span`` (a half of the range:
    two to five ticks fall inside it)."""
    power = 10.0 ** math.floor(math.log10(span))
    return next(m * power for m in (5, 2, 1) if m * power <= span)


def _is_power(v: float) -> bool:
    """A log10 tick value that is a power of ten."""
    return abs(v - round(v)) < 1e-9


def _rank(v: float) -> int:
    """Which log tick keeps its label first: 10ⁿ, then 5·10ⁿ, 2·10ⁿ, the rest."""
    if _is_power(v):
        return 0
    return {5: 1, 2: 2}.get(round(10.0 ** (v - np.floor(v))), 3)


CURVE_HEIGHT = 200  # the loss plot's height, pixels; down to MIN_CURVE in a short window
MIN_CURVE = 120


class LossPlot(pg.PlotWidget):
    """The loss per step on a log axis; hovering shows the step and its loss.

    The curve comes decimated (lowest and highest loss per bin of steps), so
    drawing it costs the same at step 10 and at step 10⁷.
    """

    def __init__(self) -> None:
        super().__init__(axisItems={"bottom": StepAxis("bottom"), "left": LogAxis("left")})
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a readout: Tab goes past it
        self.setObjectName("lossPlot")
        self.setLogMode(y=True)
        self.setLabel("bottom", self.tr("step"))
        self.setLabel("left", self.tr("loss"))
        self.getAxis("left").enableAutoSIPrefix(False)
        self.getAxis("bottom").enableAutoSIPrefix(False)
        # Room for a label such as 0.119 from the start: the empty plot's "1"
        # and "10" left 30 px, and the first Step's own ticks took 57 (a jump).
        self.getAxis("left").reserve_text("0.000")
        self.setFixedHeight(CURVE_HEIGHT)
        # room above the top tick for the upper half of its label (10³ was cut)
        self.plotItem.layout.setContentsMargins(1, self.fontMetrics().height() // 2 + 2, 1, 1)
        self.curve = self.plot(pen=pg.mkPen(255, 170, 0, width=2))
        self.readout = pg.TextItem(anchor=(1, 0), color=(230, 230, 230))
        self.addItem(self.readout, ignoreBounds=True)
        self._bins = (np.zeros(0), np.zeros(0), np.zeros(0))  # first step, lowest, highest
        self._width = 1
        self.count = 0  # steps shown
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._text_pen = self.getAxis("left").textPen()
        self.clear_curve()

    def clear_curve(self) -> None:
        """No curve, and the view as at the start: the next run's curve is
        framed whole, however the last one was zoomed or panned."""
        self.set_curve(np.zeros(0), np.zeros(0), np.zeros(0), 0)
        self.plotItem.vb.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self.enableAutoRange()

    def set_curve(self, first: np.ndarray, lo: np.ndarray, hi: np.ndarray, count: int) -> None:
        """Bins starting at steps ``first`` with their lowest and highest loss;
        ``count`` steps in all."""
        self._bins, self.count = (first, lo, hi), count
        self._show_numbers(count > 0)
        self._width = int(first[1] - first[0]) if len(first) > 1 else 1
        if self._width == 1:
            x, y = first, lo
        else:  # each bin a vertical stroke from its highest to its lowest loss
            last = np.minimum(first + self._width, max(count, 1)) - 1
            x = np.repeat((first + last) / 2, 2)
            y = np.column_stack([hi, lo]).ravel()
        y = np.clip(np.nan_to_num(y, nan=1e300, posinf=1e300), 1e-300, 1e300)
        self.curve.setData(x, y)

    def _show_numbers(self, on: bool) -> None:
        """The axes' numbers, drawn only with a curve (empty, the log axis read 9,
        7, 5, 4 of no data). Hidden by a transparent pen, not removed: without
        them the axes gave up their room and the plot jumped at the first step."""
        if on != self.numbers_shown:
            self.numbers_shown = on
            for axis in ("left", "bottom"):
                self.getAxis(axis).setTextPen(self._text_pen if on else pg.mkPen(0, 0, 0, 0))

    numbers_shown = True

    def readout_at(self, x: float) -> str:
        first, lo, hi = self._bins
        if not len(first):
            return ""
        i = int(np.clip(int(np.floor(x + 0.5)) // self._width, 0, len(first) - 1))
        if self._width == 1:
            return self.tr("step {i}: loss {loss}").format(i=int(first[i]), loss=f"{lo[i]:.4g}")
        a, b = int(first[i]), min(int(first[i]) + self._width, self.count) - 1
        return self.tr("steps {a}–{b}: loss {lo} to {hi}").format(
            a=f"{a:,}", b=f"{b:,}", lo=f"{lo[i]:.4g}", hi=f"{hi[i]:.4g}")

    def _on_mouse_moved(self, pos) -> None:
        p = self.plotItem.vb.mapSceneToView(pos)
        self.readout.setText(self.readout_at(p.x()))
        self.readout.setPos(p)


class Landscape(pg.PlotWidget):
    """For a two-weight kernel: loss contours and the path the descent took."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("lossLandscape")
        self.setLabel("bottom", self.tr("weight {n}").format(n=0))
        self.setLabel("left", self.tr("weight {n}").format(n=1))
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
        self._active = False
        self._unfolded = False  # Show was pressed during this run: it stays open
        self._make_problem_widgets()
        self._make_run_widgets()
        self.status = QLabel(self.tr(IDLE_TEXT), objectName="learnStatus", wordWrap=True)
        self.loss_plot = LossPlot()
        self.learned_view = ArrayView(self.tr("learned"))
        self.true_view = ArrayView(self.tr("true"))
        self.diff_view = ArrayView(self.tr("error"))  # learned − true: cut to "learned…"
        self.grad_view = ArrayView(self.tr("gradient"))
        self.landscape = Landscape()
        self._build()
        self._connect()
        self._showing = LearnSettings()
        with blocked(*self._setting_widgets()):
            self._show_settings(self._showing)
        self.set_run_state(active=False, running=False)

    def _make_problem_widgets(self) -> None:
        self.true_source = QComboBox(objectName="learnTrue")
        add_keys(self.true_source, TRUE_SOURCES)
        self.init = QComboBox(objectName="learnInit")
        add_keys(self.init, INITS)
        self.seed = spin("learnSeed", 0, limits.MAX_SEED,
                         self.tr("seed for random kernels and noise"), **_limits("seed"))
        self.noise = NumberSpin("learnNoise",
                                self.tr("standard deviation of noise added to the target"),
                                0.0, limits.MAX_NOISE, 0.01, **_limits("noise"))
        self.learn_bias = QCheckBox(self.tr("learn a bias too"), objectName="learnBias")
        self.chapter = QPushButton(self.tr("Chapter example"), objectName="learnChapter")
        self.chapter.setToolTip(
            self.tr("The chapter's run: learn [1, −1] from the 6×8 edge image"))
        self._problem_tips = {
            self.true_source: self.tr("The hidden kernel whose output is the target"),
            self.init: self.tr("The kernel gradient descent starts from"),
            self.seed: self.seed.toolTip(), self.noise: self.noise.toolTip(),
            self.learn_bias: self.tr("Learn one bias per output channel as well as the kernel")}

    def _make_run_widgets(self) -> None:
        # 0 is shown, so typing it is answered by the Document's check, not clamped.
        self.rate = NumberSpin("learningRate", live(self.tr("Step size.")), 0.0,
                               limits.MAX_LR, 0.001, above_lo=True, **_limits("lr"))
        self.rate.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.rate_warning = QLabel(objectName="rateWarning", wordWrap=True)
        self.rate_warning.hide()
        self.optimizer = QComboBox(objectName="learnOptimizer")
        add_keys(self.optimizer, OPTIMIZERS)
        self.optimizer.setToolTip(live(self.tr("How the gradient moves the kernel; a change "
                                               "starts the new optimizer afresh.")))
        self.loss = QComboBox(objectName="learnLoss")
        add_keys(self.loss, LOSSES)
        self.loss.setToolTip(live(self.tr("sse: the chapter's sum of squared errors; mse: "
                                          "their mean; the whole curve is redrawn in the "
                                          "chosen one.")))
        self.speed = QComboBox(objectName="learnSpeed")
        for text, value in SPEEDS.items():
            self.speed.addItem(self.tr(text), value)
        self.speed.setToolTip(live(self.tr("Steps per second.")))
        self.threshold = NumberSpin("learnThreshold",
                                    live(self.tr("Stop when the loss falls below this.")),
                                    0.0, limits.MAX_THRESHOLD, 1e-6, **_limits("threshold"))
        self.max_steps = spin("learnMaxSteps", 1, limits.MAX_STEPS,
                              live(self.tr("Stop after this many steps.")), 2000,
                              **_limits("max_steps"))
        self.play = QPushButton(self.tr("Play"), objectName="learnPlay", checkable=True)
        self.play.setToolTip(self.tr("Start or pause gradient descent (F5)"))
        self.step = QPushButton(self.tr("Step"), objectName="learnStep")
        self.reset = QPushButton(self.tr("Reset"), objectName="learnReset")

    def _build(self) -> None:
        body = QWidget()
        self.problem_form = QFormLayout(body)
        self.problem_form.setContentsMargins(0, 0, 0, 0)
        problem = self.problem = FoldingBox(self.tr("Problem"), body, "learnProblem")
        problem.show_button.clicked.connect(self._keep_unfolded)
        self.problem_form.addRow(self.tr("target from"), self.true_source)
        self.problem_form.addRow(self.tr("noise"), self.noise)
        self.problem_form.addRow(self.tr("start from"), self.init)
        self.problem_form.addRow(self.tr("seed"), self.seed)
        self.problem_form.addRow(self.learn_bias, self.chapter)
        run = QGroupBox(self.tr("Gradient descent"))
        form2 = QFormLayout(run)
        form2.addRow(self.tr("learning rate"), self.rate)
        form2.addRow(self.rate_warning)  # "above 0.0333: the loss will grow", before Play
        for label, w in ((self.tr("optimizer"), self.optimizer),
                         (self.tr("loss"), self.loss), (self.tr("speed"), self.speed),
                         (self.tr("stop below loss"), self.threshold),
                         (self.tr("max steps"), self.max_steps)):
            form2.addRow(label, w)
        # Room for readouts about the problem (e.g. the largest stable rate): at the
        # bottom, so Play and the settings are in view at 1280×720.
        readouts = QGroupBox(self.tr("Why this rate?"))
        self.readouts = QVBoxLayout(readouts)
        buttons = QHBoxLayout()
        for b in (self.play, self.step, self.reset):
            buttons.addWidget(b)
        kernels = QGridLayout()
        for col, view in enumerate((self.learned_view, self.true_view, self.diff_view,
                                    self.grad_view)):
            view.setFixedHeight(120)
            kernels.addWidget(view, 0, col)
        box = QVBoxLayout(self)
        for part in (buttons, self.status, problem, run, kernels, self.loss_plot,
                     self.landscape, readouts):
            (box.addLayout if isinstance(part, (QHBoxLayout, QGridLayout)) else
             box.addWidget)(part)
        box.addStretch(1)
        self.landscape.hide()

    def add_problem_row(self, label: str, widget: QWidget) -> None:
        """A further way to set up the problem (e.g. a target from an image);
        its buttons and boxes are fixed during a run like the rest of the box."""
        self.problem_form.insertRow(1, label, widget)
        for w in [*widget.findChildren(QAbstractButton), *widget.findChildren(QAbstractSpinBox)]:
            self._problem_tips[w] = w.toolTip()

    def add_readout(self, widget: QWidget) -> None:
        """A readout under the descent settings (e.g. stability)."""
        self.readouts.addWidget(widget)

    def _connect(self) -> None:
        self.play.toggled.connect(self._on_play)
        self.step.clicked.connect(self.stepRequested)
        self.reset.clicked.connect(self.resetRequested)
        self.chapter.clicked.connect(self.chapterRequested)
        for box in self._setting_widgets():
            for name in ("valueChanged", "currentIndexChanged", "toggled"):
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
        self.play.setText(self.tr("Pause") if on else self.tr("Play"))
        self.playToggled.emit(on)

    # --- state in ----------------------------------------------------------
    def set_playing(self, on: bool) -> None:
        with blocked(self.play):
            self.play.setChecked(on)
            self.play.setText(self.tr("Pause") if on else self.tr("Play"))

    def set_run_state(self, active: bool, running: bool) -> None:
        """``active``: a run is in progress (running or paused, not finished).
        A run that starts with the loss curve out of view folds the Problem
        box (fixed meanwhile) until the run is cleared or Show is pressed."""
        if active and not self._active:
            self._active, self._unfolded = True, False
            self._fold_if_needed()
        self._active = active
        for w, tip in self._problem_tips.items():
            w.setEnabled(not active)
            w.setToolTip(self.tr(FIXED_TIP) if active else tip)
        self.step.setEnabled(not running)
        self.step.setToolTip(self.tr("Pause first: the run is already stepping") if running
                             else self.tr("One step of gradient descent (F6)"))
        self.reset.setToolTip(self.tr("Go back to the kernel before this run (one undo step) "
                                      "and clear the plots"))

    def settings(self) -> LearnSettings:
        """What the widgets show (read only to report an edit)."""
        speed = self.speed.currentData()
        return LearnSettings(self.true_source.currentData(), self.init.currentData(),
                             self.seed.value(), self.noise.value(), self.learn_bias.isChecked(),
                             self.rate.value(), self.optimizer.currentData(),
                             self.loss.currentData(), speed, self.threshold.value(),
                             self.max_steps.value(), self._showing.target_path)

    def set_settings(self, s: LearnSettings) -> None:
        """Show the Document's settings without reporting them as an edit."""
        self._showing = s
        if s == self.settings():
            return
        with blocked(*self._setting_widgets()):
            self._show_settings(s)

    def _show_settings(self, s: LearnSettings) -> None:
        select_key(self.true_source, s.true_source)
        select_key(self.init, s.init)
        self.seed.setValue(s.seed)
        self.noise.setValue(s.noise)
        self.learn_bias.setChecked(s.learn_bias)
        self.rate.setValue(s.lr)
        select_key(self.optimizer, s.optimizer)
        select_key(self.loss, s.loss)
        i = self.speed.findData(s.steps_per_second)
        if i < 0:  # a speed from a session that no entry names: add it, never round it
            self.speed.addItem(self.tr("{n} steps/s").format(n=f"{s.steps_per_second:g}"),
                               s.steps_per_second)
            i = self.speed.count() - 1
        self.speed.setCurrentIndex(i)
        self.threshold.setValue(s.threshold)
        self.max_steps.setValue(s.max_steps)

    def _fold_if_needed(self) -> None:
        """Fold the Problem box while a run is on and the loss curve is not
        wholly in view, unless Show was pressed during this run. Also when the
        panel comes into view (``on_shown``): a run started with F5 while the
        Learn panel was behind another tab, or handed to a window in another
        language, did not fold."""
        if self._active and not self._unfolded and not self.problem.is_folded() \
                and not self._curve_in_view():
            self.problem.fold(self._problem_summary(),
                              self.tr("Show the problem's settings; they are fixed while "
                                      "the run is in progress."))
        self._refit_curve()

    def _refit_curve(self) -> None:
        QTimer.singleShot(0, self, self._fit_curve)  # once the layout is done

    def _fit_curve(self) -> None:
        """With the Problem box folded (for a run, until Reset or Show), the loss
        plot loses what the panel's view would cut off its bottom at full
        height, down to MIN_CURVE: at 1280×720 its step axis was 40 px out of
        view. Otherwise, or with room again, it is CURVE_HEIGHT tall."""
        plot, shown = self.loss_plot, self.visibleRegion().boundingRect()
        if shown.isEmpty():
            return  # behind another tab: fitted when shown
        height = CURVE_HEIGHT
        if self.problem.is_folded():
            cut = plot.geometry().top() + CURVE_HEIGHT - 1 - shown.bottom()
            height = max(MIN_CURVE, CURVE_HEIGHT - max(cut, 0))
        if plot.height() != height:
            plot.setFixedHeight(height)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:  # the scroll area's view: the window
            self._refit_curve()  # or the dock changed height
        return False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        view = self.parentWidget()
        if view is not None and view is not self._watched:
            self._watched = view
            view.installEventFilter(self)

    _watched = None  # the widget whose resizes refit the curve

    def _keep_unfolded(self) -> None:
        self._unfolded = True
        self._refit_curve()

    def on_shown(self) -> None:
        """The panel came into view (its dock's tab raised, its window shown)."""
        if self._active:
            QTimer.singleShot(0, self, self._fold_if_needed)  # once the layout is done
        self._refit_curve()

    def _curve_in_view(self) -> bool:
        """True when the loss curve is whole on screen, or the panel is not shown."""
        shown = self.visibleRegion()
        return shown.isEmpty() or shown.boundingRect().contains(self.loss_plot.geometry())

    def _problem_summary(self) -> str:
        text = self.tr("Target: {target}. Start: {start}. Seed {seed}, noise {noise}.").format(
            target=self.true_source.currentText(), start=self.init.currentText(),
            seed=self.seed.value(), noise=self.noise.text())
        return text + (self.tr(" A bias is learned too.") if self.learn_bias.isChecked() else "")

    def set_status(self, text: str) -> None:
        self.status.setText(unbroken_formulas(text))
        lines = self.status.heightForWidth(self.status.width())
        if lines != self._status_height:  # a second line (Paused: …) pushed the step
            self._status_height = lines  # axis out of view (not refitted every frame)
            self._refit_curve()

    _status_height = 0

    def show_kernels(self, learned, true, grad) -> None:
        """One step's kernel, the true one, their difference and the gradient there.
        The first three share one colour scale, the true and learned kernels'
        largest magnitude: on scales of their own an error of 0.02 was as deep a
        red as a weight of 2. (The gradient is in other units: its own scale.)"""
        levels = value_levels(np.concatenate([np.ravel(learned), np.ravel(true)]))
        self.learned_view.set_array(learned, levels=levels)
        if self._showing.true_source == PAIR_SOURCE:  # "least sq…" in a tile at 1920×1080
            self.true_view.set_title(self.tr("least squares"), self.tr("best fit"))
        else:
            self.true_view.set_title(self.tr("true"))
        self.true_view.set_array(true, levels=levels)
        self.diff_view.set_array(learned - true, levels=levels)
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
        self.set_status(self.tr(IDLE_TEXT))
        self.set_playing(False)
        self.problem.unfold()
        self._refit_curve()
