"""The playground window: panels on the left, views in the centre."""

from __future__ import annotations

import html
import time
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QHBoxLayout, QLabel, QMainWindow, QMessageBox,
                               QProgressBar, QScrollArea, QSplitter, QTabBar, QTabWidget,
                               QVBoxLayout, QWidget)

from convlab import __version__
from convlab.qt.messages import translate_label, translate_message, translator
from convlab.qt.widgets import (Banner, ElidedLabel, LimitSpinBox, NumberSpin, blocked,
                                guarded)
from convlab.model.compute import shape_text
from convlab.model.document import Document
from convlab.model import history
from convlab.qt.controller import Controller
from convlab.qt.details import DetailsPanel
from convlab.qt.geometry_panel import GeometryPanel
from convlab.qt.input_panel import InputPanel
from convlab.qt.inspector import Inspector
from convlab.qt.kernel_panel import KernelPanel
from convlab.qt.learn_controller import LearnController
from convlab.qt.learn_panel import LearnPanel
from convlab.qt.pool_panel import PoolPanel
from convlab.qt.files import FilesController
from convlab.qt.frequency_view import FrequencyView
from convlab.qt.window_files import WindowFilesMixin
from convlab.qt.player_panel import PlayerPanel
from convlab.qt.explainers import LessonPanel, OneByOnePanel, ShiftPanel
from convlab.qt.tiles import ChannelTiles
from convlab.model.lessons import LESSONS
from convlab.model.translatable import QT_TRANSLATE_NOOP
from convlab.qt.views import ViewsPanel

# Keys are key names (kept) or a gesture (translated); the action is translated.
SHORTCUTS = (
    ("Ctrl+O",
     QT_TRANSLATE_NOOP("MainWindow", "open an image or a session")),
    ("Ctrl+S / Ctrl+Shift+S",
     QT_TRANSLATE_NOOP("MainWindow", "save the session")),
    ("Ctrl+Z / Ctrl+Shift+Z",
     QT_TRANSLATE_NOOP("MainWindow", "undo / redo")),
    ("F5",
     QT_TRANSLATE_NOOP("MainWindow", "learn: play or pause")),
    ("F6",
     QT_TRANSLATE_NOOP("MainWindow", "learn: one step")),
    ("F1",
     QT_TRANSLATE_NOOP("MainWindow", "this list")),
    ("Ctrl+1 … Ctrl+6",
     QT_TRANSLATE_NOOP("MainWindow", "bring a panel on the right to the front")),
    ("Tab / Shift+Tab",
     QT_TRANSLATE_NOOP("MainWindow", "next / previous control")),
    (QT_TRANSLATE_NOOP("MainWindow", "arrows (kernel grid)"),
     QT_TRANSLATE_NOOP("MainWindow", "move between cells")),
    (QT_TRANSLATE_NOOP("MainWindow", "typing (kernel grid)"),
     QT_TRANSLATE_NOOP("MainWindow", "edit the cell")),
    (QT_TRANSLATE_NOOP("MainWindow", "Delete (kernel grid)"),
     QT_TRANSLATE_NOOP("MainWindow", "set the selected cells to 0")),
    (QT_TRANSLATE_NOOP("MainWindow", "Ctrl+C / Ctrl+V (kernel grid)"),
     QT_TRANSLATE_NOOP("MainWindow", "copy / paste a block of numbers")),
    (QT_TRANSLATE_NOOP("MainWindow", "mouse wheel (views)"),
     QT_TRANSLATE_NOOP("MainWindow", "zoom all views together; drag to pan")),
    (QT_TRANSLATE_NOOP("MainWindow", "click (output view)"),
     QT_TRANSLATE_NOOP("MainWindow", "pin an output pixel and show its sum")),
)
# A heavy frame's busy bar shows only when the frame takes longer than this:
# one that shows and hides within a few milliseconds (a 1024² RGB frame took
# ~4) is a flicker, and its show and hide re-laid out the status bar.
BUSY_DELAY_MS = 200
DETAILS_HEIGHT = 170  # the heading, the sum and a 3×3 window at the default size
COLOUR_LEGEND = ("<span style='color:#2166ac'>■</span> {negative} &nbsp;"
                 "<span style='color:#a0a0a0'>□</span> 0 &nbsp;"
                 "<span style='color:#b2182b'>■</span> {positive}")
COLOUR_LEGEND_TIP = QT_TRANSLATE_NOOP(
    "MainWindow", "Every view, the kernel grid and the Learn tiles use one colour scale "
                  "centred on zero: white is 0, red positive, blue negative, the deepest "
                  "colour the largest magnitude. A photograph (all values ≥ 0) is "
                  "therefore drawn from white (dark pixels) to red (bright pixels).")
ECHO_SECONDS = 8  # a message's echo in the status bar
ERROR_STYLE = "background:#5c1d1d; color:#ffe0e0; padding:6px; border-radius:4px;"
NOTE_STYLE = "background:#4a4220; color:#fff4cc; padding:6px; border-radius:4px;"


class MainWindow(WindowFilesMixin, QMainWindow):
    firstFrameShown = Signal()

    def __init__(self, controller: Controller, settings: QSettings) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("ConvLab"))
        self.setAcceptDrops(True)
        self.controller, self.settings = controller, settings
        # Created in reading order, which is also the Tab order.
        self.kernel_panel, self.geometry_panel = KernelPanel(), GeometryPanel()
        self.pool_panel, self.input_panel = PoolPanel(), InputPanel()
        self.views, self.details = ViewsPanel(), DetailsPanel()
        self.inspector = Inspector(self.views, self.details, self)
        self.tiles = ChannelTiles()
        self.lesson_panel, self.shift_panel = LessonPanel(), ShiftPanel()
        self.one_panel = OneByOnePanel()
        self.learn_panel = LearnPanel()
        self.frequency = FrequencyView()
        self.player = PlayerPanel(controller)
        self.learning = LearnController(self.learn_panel, controller, self)
        self.learning.runShown.connect(self.lesson_panel.set_learned)
        self.learning.runShown.connect(lambda _: self._name_undo())
        self.shape_label = ElidedLabel(objectName="shapeLabel", tooltip=self.tr(
            "Output size by the chapter's formula ⌊(n + p − k + s) / s⌋, "
            "where k is the kernel's span (with dilation)"), wrap_at=r" {2,}")
        self.colour_legend = QLabel(COLOUR_LEGEND.format(negative=self.tr("negative"),
                                                         positive=self.tr("positive")),
                                    objectName="colourLegend")
        self.colour_legend.setToolTip(
            QCoreApplication.translate("MainWindow", COLOUR_LEGEND_TIP))
        # At most three lines; the whole sentence is in the tooltip and the status bar.
        self.message_label = Banner(3, objectName="messageLabel")
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        self._message_about_frame, self._message_since = False, 0.0
        self._message_refusal = False
        self._first_frame = False
        self._sized = False
        self._build()
        self.files = FilesController(controller, settings, stop_learning=self.learning.end_run,
                                     parent=self)
        self._build_menus()
        self._connect()
        self._restore_settings()
        self._on_document(controller.doc)

    # --- layout -----------------------------------------------------------
    def _build(self) -> None:
        left = QWidget(objectName="leftColumn")
        col = QVBoxLayout(left)
        for panel in (self.kernel_panel, self.geometry_panel, self.pool_panel, self.input_panel):
            col.addWidget(panel)
        col.addStretch(1)
        # The column scrolls as a whole, so no panel is ever squeezed; never sideways.
        self.left_scroll = QScrollArea(widgetResizable=True, objectName="leftScroll")
        self.left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.left_scroll.setWidget(left)
        bar = self.left_scroll.verticalScrollBar().sizeHint().width()
        self.left_scroll.setMinimumWidth(max(left.minimumSizeHint().width(), 340) + bar + 4)
        centre = QWidget()
        box = QVBoxLayout(centre)
        box.setContentsMargins(4, 4, 4, 0)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.shape_label, 1)
        top.addWidget(self.colour_legend, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(top)
        box.addWidget(self.message_label)
        self.centre_split = QSplitter(Qt.Orientation.Vertical, objectName="centreSplitter")
        self.centre_split.setChildrenCollapsible(False)
        self.centre_split.addWidget(self.views)
        self.centre_split.addWidget(self.tiles)
        # The details panel takes the grid's empty cell when three views leave one;
        # otherwise it sits under the views, in this slot of the splitter.
        self.details_slot = QWidget(objectName="detailsSlot")
        slot = QVBoxLayout(self.details_slot)
        slot.setContentsMargins(0, 0, 0, 0)
        slot.addWidget(self.details)
        self.centre_split.addWidget(self.details_slot)
        for i, stretch in enumerate((1, 0, 0)):
            self.centre_split.setStretchFactor(i, stretch)
        self.views.set_companion(self.details, self.details_slot, DETAILS_HEIGHT)
        box.addWidget(self.centre_split, 1)
        self.main_split = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.main_split.setChildrenCollapsible(False)
        self.main_split.addWidget(self.left_scroll)
        self.main_split.addWidget(centre)
        self.main_split.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_split)
        self._build_docks()
        self.views.set_preparing(True)
        self.tiles.hide()  # until a frame says there are several channels
        self.statusBar().showMessage(self.tr("preparing…"))
        self.loading = QProgressBar(maximum=0, maximumWidth=160, objectName="loading")
        self.loading.setTextVisible(False)
        self.loading.setToolTip(
            self.tr("A large frame is being computed; the window stays usable"))
        self.loading.hide()
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        # Messages are temporary (showMessage); the frame's sizes and time are permanent.
        self.frame_label = QLabel(objectName="frameLabel")
        self.statusBar().addPermanentWidget(self.loading)
        self.compiling = QLabel(self.tr("compiling… frames are slower until it finishes"),
                                objectName="compilingNote")  # a busy bar shows no text
        self.compiling.setToolTip(self.tr("The compute core is being compiled in the background "
                                          "(first run only); a slower NumPy path serves "
                                          "meanwhile"))
        self.statusBar().addPermanentWidget(self.compiling)
        self.statusBar().addPermanentWidget(self.frame_label)
        self.resize(1500, 900)

    def _build_docks(self) -> None:
        docks = []
        for title, name, panel in (
                (self.tr("Learn a kernel"), "learnDock", self.learn_panel),
                (self.tr("Lesson"), "lessonDock", self.lesson_panel),
                (self.tr("Shift and pooling"), "shiftDock", self.shift_panel),
                (self.tr("1×1 convolution"), "oneByOneDock", self.one_panel),
                (self.tr("Sliding window"), "playerDock", self.player),
                (self.tr("Frequency response"), "frequencyDock", self.frequency)):
            dock = QDockWidget(title, self, objectName=name)
            scroll = QScrollArea(widgetResizable=True)
            scroll.setWidget(panel)
            dock.setWidget(scroll)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if docks:
                self.tabifyDockWidget(docks[0], dock)
            docks.append(dock)
        self.learn_dock, self.lesson_dock, self.shift_dock, self.one_dock = docks[:4]
        # (a tabbed dock's panel stays isVisible() behind another tab: no showEvent)
        self.learn_dock.visibilityChanged.connect(
            lambda shown: self.learn_panel.on_shown() if shown else None)
        self.player_dock, self.frequency_dock = docks[4], docks[5]
        self.setTabPosition(Qt.DockWidgetArea.RightDockWidgetArea, QTabWidget.TabPosition.North)
        # No narrower than the widest panel needs: dragged to 300 px the Learn
        # panel was cut on the right (its message, Reset, the k box) behind a
        # sideways scroll bar, and in Chinese the Sliding window was too.
        bar = docks[0].widget().verticalScrollBar().sizeHint().width()
        need = max(d.widget().widget().minimumSizeHint().width() for d in docks)
        width = max(300, need + bar + 8)
        for dock in docks:
            dock.setMinimumWidth(width)
        self.resizeDocks([self.learn_dock], [width], Qt.Orientation.Horizontal)
        self.learn_dock.raise_()
        self.unelide_tabs()

    def panel_docks(self) -> list[QDockWidget]:
        return [self.learn_dock, self.lesson_dock, self.shift_dock, self.one_dock,
                self.player_dock, self.frequency_dock]

    def show_panel(self, dock: QDockWidget) -> None:
        """``dock`` shown and in front of the panels tabbed with it."""
        dock.show()
        dock.raise_()

    def unelide_tabs(self) -> None:
        """Whole tab titles, with arrows when they do not fit."""
        for bar in self.findChildren(QTabBar):
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)

    def restoreState(self, state, version: int = 0) -> bool:  # noqa: N802 - Qt's name
        """Qt's, then whole tab titles again: restoring builds new tab bars,
        which cut Chinese titles to "学习…" and "频…" after a live switch."""
        restored = super().restoreState(state, version)
        self.unelide_tabs()
        return restored

    def load_lesson(self, lesson) -> None:
        """Set up one example of the chapter and explain it."""
        if lesson.learn:
            self.learning.load_chapter()  # (which records a playing run's kernel first)
            self.learn_dock.raise_()
        else:
            self.learning.end_run()
            self.controller.apply(lesson.doc, history.lesson(lesson.title))  # English in history
            self.lesson_dock.raise_()
        self.lesson_panel.set_lesson(lesson, self.controller.history.current.weight)
        self.lesson_panel.update_frame(self.controller.doc, self.controller.frame)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&Open image or session…"), QKeySequence.StandardKey.Open,
                     self.open_dialog)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.files.recentChanged.connect(self._fill_recent)
        self._fill_recent()
        self._action(file_menu, self.tr("&Save session"), QKeySequence.StandardKey.Save, self.save)
        self._action(file_menu, self.tr("Save session &as…"), QKeySequence("Ctrl+Shift+S"),
                     self.save_as)
        exports = file_menu.addMenu(self.tr("&Export"))
        npy = self.tr("NumPy array (*.npy)")
        for text, what, filt in (
                (self.tr("Output as PNG…"), "output-png", self.tr("PNG image (*.png)")),
                (self.tr("Output as NumPy .npy…"), "output-npy", npy),
                (self.tr("Kernel as NumPy .npy…"), "kernel-npy", npy),
                (self.tr("Kernel as CSV…"), "kernel-csv", self.tr("CSV (*.csv)"))):
            self._action(exports, text, None, lambda _=False, w=what, f=filt: self._export(w, f))
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self._action(edit, self.tr("&Undo"), QKeySequence.StandardKey.Undo,
                                        self.learning.undo)
        self.redo_action = self._action(edit, self.tr("&Redo"), QKeySequence("Ctrl+Shift+Z"),
                                        self.controller.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        copy = edit.addMenu(self.tr("Copy as &code"))
        for framework in ("NumPy", "PyTorch", "Keras"):
            self._action(copy, framework, None,
                         lambda _=False, f=framework: self.files.copy_code(f))
        learn = self.menuBar().addMenu(self.tr("&Learn"))
        self._action(learn, self.tr("&Play / Pause"), QKeySequence("F5"), self.learning.toggle_play)
        self._action(learn, self.tr("&Step"), QKeySequence("F6"), self.learning.step)
        self._action(learn, self.tr("&Reset"), None, self.learning.reset)
        self._action(learn, self.tr("&Chapter example"), None, self.learning.load_chapter)
        learn.addAction(self.learn_dock.toggleViewAction())
        lessons = self.menuBar().addMenu(self.tr("Lesso&ns"))
        lessons.setObjectName("lessonsMenu")
        for lesson in LESSONS:
            self._action(lessons, QCoreApplication.translate("Lessons", lesson.title), None,
                         lambda _=False, l=lesson: self.load_lesson(l))
        view = self.menuBar().addMenu(self.tr("&View"))
        view.setObjectName("viewMenu")
        # At 1280 px only three of the six tabs show, the rest behind arrows; these
        # bring a panel to the front (and back if it was closed). Its checkable
        # toggle, clicked on a panel behind another tab, hid it instead.
        for i, dock in enumerate(self.panel_docks(), start=1):
            act = self._action(view, dock.windowTitle(), QKeySequence(f"Ctrl+{i}"),
                               lambda _=False, d=dock: self.show_panel(d))
            act.setObjectName(f"show{dock.objectName()[0].upper()}{dock.objectName()[1:]}")
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), QKeySequence("F1"), self._shortcuts)
        self._action(help_menu, self.tr("&Lessons"), None, self._lessons)
        help_menu.addSeparator()
        self._action(help_menu, self.tr("&About ConvLab"), None, self._about)

    def _action(self, menu, text, shortcut, slot) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(shortcut)
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    # --- wiring -----------------------------------------------------------
    def _connect(self) -> None:
        c = self.controller
        for panel in (self.kernel_panel, self.geometry_panel, self.pool_panel, self.input_panel,
                      self.one_panel):
            panel.edited.connect(self._apply_edit)
        self.tiles.tileClicked.connect(self._on_tile)
        for panel in (self.kernel_panel, self.input_panel):
            panel.message.connect(lambda text: self.show_message(text, error=False))
            panel.rejected.connect(lambda text: self.show_message(text, error=False,
                                                                  refusal=True))
        self.input_panel.openRequested.connect(self.open_dialog)
        self.input_panel.fileChosen.connect(self.open_path)
        c.documentChanged.connect(self._on_document)
        c.frameComputed.connect(self._on_frame)
        c.historyChanged.connect(self._on_history)
        c.coreReady.connect(self.compiling.hide)
        c.warmupFailed.connect(lambda text: (self.compiling.hide(), self.show_message(text)))
        self.compiling.setVisible(not c.ready and not getattr(c, "warmup_error", None))
        c.busyChanged.connect(self._on_busy)
        for kind in (LimitSpinBox, NumberSpin):  # a typed value beyond its range
            for box in self.findChildren(kind):
                box.refused.connect(c.refuse)
        self.learning.message.connect(lambda text, err: self.show_message(text, error=err))
        self.learning.messageRetracted.connect(
            lambda text: self._hide_message() if self.message_label.text() == text else None)
        self._wire_files()
        self.player.message.connect(lambda text, err: self.show_message(text, error=err))
        self.player.positionChanged.connect(self._on_player_position)
        self.player.pinned.clicked.connect(
            lambda: self.player.jump_to(*self.inspector.pinned) if self.inspector.pinned else None)
        self._on_history()

    def _on_document(self, doc: Document) -> None:
        self.kernel_panel.set_document(doc)
        self.geometry_panel.set_document(doc)
        self.pool_panel.set_document(doc)
        self.input_panel.set_document(doc)
        self.one_panel.set_document(doc)
        self.views.show_input(doc)
        self.frequency.set_document(doc)
        self.shape_label.setText(shape_text(doc, translator("Shape")))

    def _on_frame(self, doc: Document, frame) -> None:
        self.views.set_preparing(False)  # a frame has arrived, compiled or not
        if self.statusBar().currentMessage() == self.tr("preparing…"):
            self.statusBar().clearMessage()
        self.views.show_frame(doc, frame)
        if not frame.ok:  # "shown dimmed" only if one is (not after a new input)
            error = translate_message(frame.error)
            self.show_message(self.tr("{error} The last valid output is shown dimmed.")
                              .format(error=error) if self.views.output_kept else error,
                              about_frame=True)
        elif frame.pool_error:  # each names the pooling ("Pooling: Pooling padding …")
            self.show_message(translate_message(frame.pool_error), about_frame=True)
        elif self._message_about_frame:
            self._hide_message()
        out = frame.output.shape if frame.ok else None
        shape = f"{doc.image.shape[1]}×{doc.image.shape[2]}×{doc.image.shape[0]}"
        ms = f"{frame.seconds * 1e3:.1f}"
        pooled = frame.pooled.shape if frame.ok and frame.pooled is not None else None
        if pooled:  # the pooled size too: with pooling on it named the output only
            self.frame_label.setText(
                self.tr("input {shape} → output {shape_out} → pooled {shape_pooled}   "
                        "computed in {ms} ms").format(
                    shape=shape, shape_out=f"{out[1]}×{out[2]}×{out[0]}",
                    shape_pooled=f"{pooled[1]}×{pooled[2]}×{pooled[0]}", ms=ms))
        elif out:
            self.frame_label.setText(
                self.tr("input {shape} → output {shape_out}   computed in {ms} ms").format(
                    shape=shape, shape_out=f"{out[1]}×{out[2]}×{out[0]}", ms=ms))
        else:
            self.frame_label.setText(
                self.tr("input {shape} → (no output)   computed in {ms} ms").format(
                    shape=shape, ms=ms))
        self._refit_status()  # the frame's sizes may have grown under the echo
        self.inspector.update(doc, frame)
        self.tiles.setVisible(doc.image.shape[0] > 1 or doc.weight.shape[0] > 1)
        if self.tiles.isVisibleTo(self):  # (isVisible: False until the window is shown,
            self.tiles.update_tiles(doc, frame)  # and a new language's window stayed empty)
        self.lesson_panel.update_frame(doc, frame)
        self.one_panel.update_frame(doc, frame)
        self.frequency.update_frame(doc, frame)
        self.shift_panel.update_document(doc)
        if frame.ok and not self._first_frame:
            self._first_frame = True
            self.firstFrameShown.emit()

    def _on_busy(self, busy: bool) -> None:
        """A heavy frame is computing on a thread: say so if it takes a while
        (``BUSY_DELAY_MS``); the window stays usable meanwhile."""
        if busy:
            if not self.loading.isVisible() and not self._busy_timer.isActive():
                self._busy_timer.start()  # from the first request of a busy spell
            return
        self._busy_timer.stop()
        self.loading.hide()
        if self.statusBar().currentMessage() == self.tr("computing…"):
            self.statusBar().clearMessage()

    def _show_busy(self) -> None:
        if self.controller.computing:
            self.loading.show()
            self.statusBar().showMessage(self.tr("computing…"))

    def _on_player_position(self, stage: str, i: int, j: int) -> None:
        """Follow the player in the main views: its window, and the sum it writes."""
        if stage == "convolution":
            self.inspector.show_position(i, j)
        else:  # the pooling stage: it followed only the convolution's
            self.inspector.show_pooled(i, j)

    def _on_tile(self, kind: str, channel: int) -> None:
        co, ci = self.controller.doc.selected
        sel = (co, channel) if kind == "input" else (channel, ci)
        self.controller.apply(replace(self.controller.doc, selected=sel),
                              history.UndoLabel.SELECT_SLICE)

    def _apply_edit(self, doc, label: str) -> None:
        """A panel's edit; one that ends a learning run records the run first."""
        if self.controller.acceptable(doc, label):
            self.learning.before_edit(doc)
            self.controller.apply(doc, label, checked=True)

    def _on_history(self) -> None:
        # The user has moved on: from a refusal at once (a valid number typed
        # within a second of "abc" left "“abc” is not a number" up), from a
        # note after a second (one said just before the edit it comes with).
        moved_on = self._message_refusal or time.monotonic() - self._message_since > 1.0
        if not self._message_about_frame and moved_on:
            self._hide_message()
        self._name_undo()

    def _name_undo(self) -> None:
        """The Edit menu's Undo and Redo, named after what they take back (during
        a run, the run: see ``LearnController.undo``)."""
        h = self.controller.history
        undo, redo = self.learning.undo_label(), h.redo_label()
        self.undo_action.setEnabled(h.can_undo() or undo == history.UndoLabel.LEARNING_RUN)
        self.redo_action.setEnabled(h.can_redo())
        self.undo_action.setText(self.tr("&Undo {what}").format(what=translate_label(undo))
                                 if undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo {what}").format(what=translate_label(redo))
                                 if redo else self.tr("&Redo"))

    def show_session_name(self, name: str) -> None:
        """The session file saved to or opened, in the title (it never named one)."""
        self.setWindowTitle(self.tr("{name} — ConvLab").format(name=name))

    def show_message(self, text: str, error: bool = True, about_frame: bool = False,
                     refusal: bool = False) -> None:
        """A sentence above the views. One about the current settings clears with
        the next good frame; a ``refusal`` (an edit not applied) with the next
        edit; any other with the next edit a second or more later."""
        self._message_about_frame, self._message_refusal = about_frame, refusal
        self._message_since = time.monotonic()
        self.message_label.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)
        self.message_label.setText(text)  # its tooltip too
        self.message_label.show()
        self._echo_text, self._echo_until = text, time.monotonic() + ECHO_SECONDS
        self._echo = self._fit_status(text)
        self.statusBar().showMessage(self._echo, ECHO_SECONDS * 1000)

    _echo = ""  # the banner's line in the status bar, as shown
    _echo_text, _echo_until = "", 0.0  # its whole sentence, and when it goes

    def _refit_status(self) -> None:
        """The echo cut again to the bar's new width (made narrower, it ran
        under the frame's sizes), for the rest of its time."""
        left = self._echo_until - time.monotonic()
        if self._echo and self.statusBar().currentMessage() == self._echo and left > 0:
            self._echo = self._fit_status(self._echo_text)
            self.statusBar().showMessage(self._echo, max(int(left * 1000), 1))

    def _hide_message(self) -> None:
        """The banner goes, and its echo in the status bar with it (never stale).
        The echo is compared as it was shown: shortened again now, to a frame
        label of another width, it no longer matched and stayed."""
        if self.message_label.isVisible():
            if self.statusBar().currentMessage() == self._echo:
                self.statusBar().clearMessage()
            self.message_label.hide()

    def _fit_status(self, text: str) -> str:
        """One line that ends in "…" before the permanent labels rather than under them."""
        bar = self.statusBar()
        permanent = (self.loading, self.compiling, self.frame_label,
                     getattr(self, "autosave_warning", None))
        used = sum(max(w.width(), w.sizeHint().width()) + 8  # a new text: not laid out yet
                   for w in permanent if w is not None and w.isVisible())
        room = max(bar.width() - used - 24, 80)
        return bar.fontMetrics().elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight,
                                            room)

    @guarded
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._refit_status()

    @guarded
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized and not self.settings.value("centreSplit"):
            total = sum(self.centre_split.sizes())
            tiles = self.tiles.height() if self.tiles.isVisibleTo(self) else 0
            self.centre_split.setSizes([max(total - tiles - DETAILS_HEIGHT, 200), tiles,
                                        DETAILS_HEIGHT])
        self._sized = True

    # --- files --------------------------------------------------------------
    @guarded
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    @guarded
    def dropEvent(self, event) -> None:
        """An image becomes the input; a session opens as File ▸ Open does (it
        was read as an image: "not an image Qt can read")."""
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.files.open_any(urls[0])

    def _shortcuts(self) -> None:
        tr = translator("MainWindow")
        rows = "".join(f"<tr><td><b>{tr(k)}</b></td><td>&nbsp;&nbsp;{tr(v)}</td></tr>"
                       for k, v in SHORTCUTS)
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    def _lessons(self) -> None:
        items = "".join(
            f"<li>{html.escape(QCoreApplication.translate('Lessons', lesson.title))}</li>"
            for lesson in LESSONS)
        QMessageBox.information(
            self, self.tr("Lessons"),
            self.tr("<p>Each lesson sets up one example of the chapter and explains it in the "
                    "<i>Lesson</i> panel. Choose one from the <b>Lessons</b> menu.</p>")
            + f"<ol>{items}</ol>")

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About ConvLab"),
                          self.tr("ConvLab {version}\nA playground for 2-D convolution.")
                          .format(version=__version__))

    # --- settings -----------------------------------------------------------
    def view_state(self) -> dict:
        """What the panels show beyond the document, for a window built in
        another language: the lesson, the shift, the spectra, the pinned pixel
        (its sum of products went back to the hint), and the session file
        being edited (its name in the title; Save writes there), the pair's
        kernel size typed before a target is chosen."""
        lesson = self.lesson_panel
        return {"lesson": (lesson.lesson, lesson.start_weight, lesson.learned),
                "pinned": self.inspector.pinned,
                "shift": (self.shift_panel.dy.value(), self.shift_panel.dx.value()),
                "spectra": self.frequency.show_images.isChecked(),
                "session": self.files.path,
                "pair_k": self.learning.pair_row.size.value()}

    def restore_view_state(self, state: dict) -> None:
        dy, dx = state["shift"]
        self.shift_panel.dy.setValue(dy)
        self.shift_panel.dx.setValue(dx)
        self.frequency.show_images.setChecked(state["spectra"])
        if state.get("pair_k") is not None:
            with blocked(self.learning.pair_row.size):  # a value, not an edit
                self.learning.pair_row.size.setValue(state["pair_k"])
        self.lesson_panel.set_lesson(*state["lesson"])
        if state["session"] is not None:
            self.files.keep_path(state["session"])
        if self.controller.frame is not None:
            self.lesson_panel.update_frame(self.controller.doc, self.controller.frame)
        if state.get("pinned") is not None:
            self.inspector.pin(*state["pinned"])

    def _splitters(self):
        return (("mainSplit", self.main_split), ("centreSplit", self.centre_split))

    def _restore_settings(self) -> None:
        s = self.settings
        if s.value("geometry"):
            self.restoreGeometry(s.value("geometry"))
        if s.value("state"):
            self.restoreState(s.value("state"))
        for key, split in self._splitters():
            if s.value(key):
                split.restoreState(s.value(key))

    def shutdown(self) -> None:
        """Stop every thread and save the session (idempotent); a playing
        run's kernel is recorded first, so the autosave keeps it."""
        self.learning.end_run()
        self.controller.shutdown()
        self.player.exporter.stop()
        self.files.shutdown()

    @guarded
    def closeEvent(self, event) -> None:
        self.shutdown()
        s = self.settings
        s.setValue("state", self.saveState())
        s.setValue("geometry", self.saveGeometry())
        for key, split in self._splitters():
            s.setValue(key, split.saveState())
        s.sync()
        super().closeEvent(event)
