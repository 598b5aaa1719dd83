"""The Learn panel's widgets: problem, run controls and live plots."""

from __future__ import annotations


import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from convlab.core.training import LOSSES, OPTIMIZERS
from convlab.model.learning import INITS, TRUE_SOURCES, LearnSettings
from convlab.qt.array_view import ArrayView
from convlab.qt.widgets import blocked, dspin, spin

SPEEDS = {"1 step/s": 1.0, "4 steps/s": 4.0, "15 steps/s": 15.0, "60 steps/s": 60.0,
          "as fast as possible": 0.0}


class LossPlot(pg.PlotWidget):
    """Loss per step on a log axis; hovering shows the step and its loss."""

    def __init__(self) -> None:
        super().__init__(objectName="lossPlot")
        self.setLogMode(y=True)
        self.setLabel("bottom", "step")
        self.setLabel("left", "loss")
        self.getAxis("left").enableAutoSIPrefix(False)
        self.setFixedHeight(200)
        self.curve = self.plot(pen=pg.mkPen(255, 170, 0, width=2))
        self.readout = pg.TextItem(anchor=(1, 0), color=(230, 230, 230))
        self.addItem(self.readout, ignoreBounds=True)
        self.losses: np.ndarray = np.zeros(0)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def set_losses(self, losses) -> None:
        self.losses = np.asarray(losses, dtype=float)
        y = np.maximum(self.losses, 1e-300)
        self.curve.setData(np.arange(1, len(y) + 1), y)

    def readout_at(self, x: float) -> str:
        if not len(self.losses):
            return ""
        i = int(np.clip(round(x), 1, len(self.losses)))
        return f"step {i}: loss {self.losses[i - 1]:.4g}"

    def _on_mouse_moved(self, pos) -> None:
        p = self.plotItem.vb.mapSceneToView(pos)
        self.readout.setText(self.readout_at(p.x()))
        self.readout.setPos(p)


class Landscape(pg.PlotWidget):
    """For a two-weight kernel: loss contours and the path the descent took."""

    def __init__(self) -> None:
        super().__init__(objectName="lossLandscape")
        self.setLabel("bottom", "weight 0")
        self.setLabel("left", "weight 1")
        self.setFixedHeight(240)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.addItem(self.image)
        self.curves: list[pg.IsocurveItem] = []
        self.path = self.plot(pen=pg.mkPen(255, 255, 255, width=2), symbol="o", symbolSize=4,
                              symbolBrush=(255, 200, 0))
        self.truth = self.plot(symbol="x", symbolSize=14, pen=None, symbolPen=(0, 255, 120))

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


class LearnPanel(QWidget):
    playToggled = Signal(bool)
    stepRequested = Signal()
    resetRequested = Signal()
    chapterRequested = Signal()
    rateChanged = Signal(float)
    speedChanged = Signal(float)
    settingsEdited = Signal(object)  # LearnSettings: the user changed a setting

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.true_source = QComboBox(objectName="learnTrue")
        self.true_source.addItems(list(TRUE_SOURCES))
        self.true_source.setToolTip("The hidden kernel whose output is the target")
        self.init = QComboBox(objectName="learnInit")
        self.init.addItems(list(INITS))
        self.seed = spin("learnSeed", 0, 10**6, "seed for random kernels and noise")
        self.noise = dspin("learnNoise", "standard deviation of noise added to the target",
                           0, 10, 4, 0.01)
        self.learn_bias = QCheckBox("learn a bias too")
        self.rate = dspin("learningRate", "step size; you can change it while learning runs",
                          1e-6, 100, 6, 0.001)
        self.rate.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.optimizer = QComboBox(objectName="learnOptimizer")
        self.optimizer.addItems(list(OPTIMIZERS))
        self.loss = QComboBox(objectName="learnLoss")
        self.loss.addItems(list(LOSSES))
        self.loss.setToolTip("sse: the chapter's sum of squared errors; mse: their mean")
        self.speed = QComboBox(objectName="learnSpeed")
        self.speed.addItems(list(SPEEDS))
        self.threshold = dspin("learnThreshold", "stop when the loss falls below this",
                               0, 1e6, 10, 1e-6)
        self.max_steps = spin("learnMaxSteps", 1, 10**7, "stop after this many steps", 2000)
        self.play = QPushButton("Play", objectName="learnPlay", checkable=True)
        self.play.setToolTip("Start or pause gradient descent (F5)")
        self.step = QPushButton("Step", objectName="learnStep")
        self.step.setToolTip("One step of gradient descent (F6)")
        self.reset = QPushButton("Reset", objectName="learnReset")
        self.reset.setToolTip("Discard this run and start again from the initial kernel")
        self.chapter = QPushButton("Chapter example", objectName="learnChapter")
        self.chapter.setToolTip("The chapter's run: learn [1, −1] from the 6×8 edge image")
        self.status = QLabel("Press Play to learn the kernel.", objectName="learnStatus",
                             wordWrap=True)
        self.loss_plot = LossPlot()
        self.learned_view = ArrayView("learned")
        self.true_view = ArrayView("true")
        self.diff_view = ArrayView("learned − true")
        self.grad_view = ArrayView("gradient")
        self.landscape = Landscape()
        self._build()
        self._connect()
        self.set_settings(LearnSettings())

    def _build(self) -> None:
        problem = QGroupBox("Problem")
        form = QFormLayout(problem)
        form.addRow("target from", self.true_source)
        form.addRow("noise", self.noise)
        form.addRow("start from", self.init)
        form.addRow("seed", self.seed)
        form.addRow(self.learn_bias, self.chapter)
        run = QGroupBox("Gradient descent")
        form2 = QFormLayout(run)
        form2.addRow("learning rate", self.rate)
        form2.addRow("optimizer", self.optimizer)
        form2.addRow("loss", self.loss)
        form2.addRow("speed", self.speed)
        form2.addRow("stop below loss", self.threshold)
        form2.addRow("max steps", self.max_steps)
        buttons = QHBoxLayout()
        for b in (self.play, self.step, self.reset):
            buttons.addWidget(b)
        kernels = QGridLayout()
        for col, view in enumerate((self.learned_view, self.true_view, self.diff_view,
                                    self.grad_view)):
            view.setFixedHeight(120)
            kernels.addWidget(view, 0, col)
        box = QVBoxLayout(self)
        box.addWidget(problem)
        box.addWidget(run)
        box.addLayout(buttons)
        box.addWidget(self.status)
        box.addLayout(kernels)
        box.addWidget(self.loss_plot)
        box.addWidget(self.landscape)
        box.addStretch(1)
        self.landscape.hide()

    def _connect(self) -> None:
        self.play.toggled.connect(self._on_play)
        self.step.clicked.connect(self.stepRequested)
        self.reset.clicked.connect(self.resetRequested)
        self.chapter.clicked.connect(self.chapterRequested)
        self.rate.valueChanged.connect(self.rateChanged)
        self.speed.currentTextChanged.connect(lambda t: self.speedChanged.emit(SPEEDS[t]))
        for box in self._setting_widgets():
            for name in ("valueChanged", "currentTextChanged", "toggled"):
                if hasattr(box, name):
                    getattr(box, name).connect(lambda *_: self.settingsEdited.emit(
                        self.settings()))
                    break

    def _setting_widgets(self) -> tuple:
        return (self.true_source, self.init, self.seed, self.noise, self.learn_bias,
                self.rate, self.optimizer, self.loss, self.speed, self.threshold,
                self.max_steps)

    def _on_play(self, on: bool) -> None:
        self.play.setText("Pause" if on else "Play")
        self.playToggled.emit(on)

    def set_playing(self, on: bool) -> None:
        with blocked(self.play):
            self.play.setChecked(on)
            self.play.setText("Pause" if on else "Play")

    def settings(self) -> LearnSettings:
        speed = SPEEDS[self.speed.currentText()]
        return LearnSettings(self.true_source.currentText(), self.init.currentText(),
                             self.seed.value(), self.noise.value(), self.learn_bias.isChecked(),
                             self.rate.value(), self.optimizer.currentText(),
                             self.loss.currentText(), speed, self.threshold.value(),
                             self.max_steps.value())

    def set_settings(self, s: LearnSettings) -> None:
        """Show the Document's settings without reporting them as an edit."""
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
        speed = next((k for k, v in SPEEDS.items() if v == s.steps_per_second),
                     "as fast as possible")
        self.speed.setCurrentText(speed)
        self.threshold.setValue(s.threshold)
        self.max_steps.setValue(s.max_steps)

    def show_kernels(self, learned, true, grad) -> None:
        self.learned_view.set_array(learned)
        self.true_view.set_array(true)
        self.diff_view.set_array(learned - true)
        self.grad_view.set_array(grad)
        for view in (self.learned_view, self.true_view, self.diff_view, self.grad_view):
            view.vb.autoRange(padding=0.02)
