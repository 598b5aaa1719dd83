"""Small helpers for building panels."""

from __future__ import annotations

import functools
import re
import sys
import traceback
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QTextDocument, QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QSizePolicy, QSpinBox, QWidget

from convlab.model.limits import (AXES, MIN_TYPED, LimitError, check_float, check_int,
                                  check_number, part)


_HISTORY_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def window_undo(event) -> bool:
    """True for Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y asked of a spin box: the box lets
    the window's Undo and Redo have them. (Its line edit took them for its own
    undo of typing, so after typing 3 as a padding and pressing Enter, Ctrl+Z
    did nothing while Edit said "Undo padding".)"""
    if event.type() != QEvent.Type.ShortcutOverride:
        return False
    ctrl_y = (event.key() == Qt.Key.Key_Y
              and event.modifiers() == Qt.KeyboardModifier.ControlModifier)
    if ctrl_y or any(event.matches(k) for k in _HISTORY_KEYS):
        event.ignore()
        return True
    return False


_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
_PARTIAL = re.compile(r"[-+]?\d*\.?\d*([eE][-+]?\d*)?")  # on its way to a number
_WORDS = ("nan", "infinity")  # what float() reads besides digits


def _typed(t: str) -> int | float:
    """A number as typed: digits as an int of any length, a whole float such
    as 1e6 as an int (its message then says "is 1000000"), else a float."""
    if re.fullmatch(r"[-+]?\d+", t):
        return int(t)
    v = float(t)
    return int(v) if v.is_integer() else v


class LimitSpinBox(QSpinBox):
    """A spin box for whole numbers that takes any number typed: one that is
    whole and in range is applied (1e6 as 1000000), any other is refused with
    the limits' message (``refused``: undo label, message) and the box keeps
    its value. Qt's own validator dropped keystrokes silently and applied
    what was left: 100 typed into a stride box of 1–64 became 10, 1e6 as the
    maximum steps 16, −30 became 30. Only boxes given ``what`` (the field as
    model/limits.py names it) do this."""

    refused = Signal(str, str)

    def __init__(self, what: str | None = None, label: str = "") -> None:
        super().__init__()
        self.what, self.label = what, label

    def event(self, event) -> bool:
        return window_undo(event) or super().event(event)

    def validate(self, text: str, pos: int):
        result = super().validate(text, pos)
        if self.what is None or result[0] == QValidator.State.Acceptable:
            return result
        t = text.strip()
        if self._whole(t) is not None:
            return QValidator.State.Acceptable, text, pos
        if _PARTIAL.fullmatch(t):
            return QValidator.State.Intermediate, text, pos
        return result

    def valueFromText(self, text: str) -> int:  # noqa: N802 - Qt's name
        v = self._whole(text.strip()) if self.what is not None else None
        return super().valueFromText(text) if v is None else v

    def fixup(self, text: str) -> str:
        """Enter or focus out with a number this box cannot take: Qt then
        restores the box's value; say why."""
        t = text.strip()
        if self.what is not None and _NUMBER.fullmatch(t) and self._whole(t) is None:
            try:
                check_int(_typed(t), self.what, self.minimum(), self.maximum())
            except LimitError as exc:
                self.refused.emit(self.label, str(exc))
        return text

    def _whole(self, t: str) -> int | None:
        """``t`` as a whole number within the box's range, else None."""
        if not _NUMBER.fullmatch(t):
            return None
        v = _typed(t)
        return v if isinstance(v, int) and self.minimum() <= v <= self.maximum() else None


class NumberSpin(QDoubleSpinBox):
    """A number shown in its shortest exact form (0.0321, 1e-08, 1e+30), so the box
    holds any value the Document may hold (model/limits.py) without rounding it.
    Given ``what``, a number typed beyond its range is refused with the limits'
    message, as ``LimitSpinBox`` does (Qt put the old value back without a
    word: a learning rate of 5000 became 0.01 again); ``above_lo``: the
    setting excludes the box's minimum, which the Document then refuses."""

    refused = Signal(str, str)

    def __init__(self, name: str, tip: str, lo: float, hi: float, step: float, *,
                 what: str | None = None, label: str = "", above_lo: bool = False,
                 float32: bool = False) -> None:
        super().__init__(objectName=name)
        self.what, self.label, self.above_lo = what, label, above_lo
        self.float32 = float32  # refuse what 32-bit floats turn into 0, as a cell does
        self.setDecimals(323)  # Qt's maximum: no rounding of a double
        self.setRange(lo, hi)
        self.setSingleStep(step)
        self.setToolTip(tip)
        self.setKeyboardTracking(False)

    def event(self, event) -> bool:
        return window_undo(event) or super().event(event)

    def textFromValue(self, v: float) -> str:  # noqa: N802 - Qt's name
        text = repr(float(v))
        return text[:-2] if text.endswith(".0") else text

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt's name
        try:
            return float(text.strip()) + 0.0  # -0 typed is 0
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        t = text.strip()
        try:
            v = float(t)
        except ValueError:
            word = t.lower().lstrip("+-")  # "nan", "inf" on their way: refused on Enter
            partial = bool(_PARTIAL.fullmatch(t)) or bool(word) and any(
                w.startswith(word) for w in _WORDS)
            state = QValidator.State.Intermediate if partial else QValidator.State.Invalid
            return state, text, pos
        ok = self.minimum() <= v <= self.maximum() and not self._too_small(v)
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

    def fixup(self, text: str) -> str:
        """Enter or focus out with a number the box cannot take: say why Qt
        keeps the box's value."""
        try:
            v = float(text.strip())
        except ValueError:
            return text
        if self.what is None:
            return text
        try:
            if self._too_small(v):
                check_number(v, self.what)
            if not self.minimum() <= v <= self.maximum():
                check_float(v, self.what, self.minimum(), self.maximum(), self.above_lo)
        except LimitError as exc:
            self.refused.emit(self.label, str(exc))
        return text

    def _too_small(self, v: float) -> bool:
        return self.float32 and v != 0 and abs(v) < MIN_TYPED


def spin(name: str, lo: int, hi: int, tip: str, value: int = 0, *, what: str | None = None,
         label: str = "") -> QSpinBox:
    box = LimitSpinBox(what, label)
    box.setObjectName(name)
    box.setRange(lo, hi)
    box.setValue(value)
    box.setToolTip(tip)
    box.setKeyboardTracking(False)
    return box


def axis_spins(name: str, tips, lo: int, hi: int, value: int, what: str,
               label: str) -> list[QSpinBox]:
    """Two ``spin`` boxes, rows then columns (``nameY``, ``nameX``), each naming
    its part of the setting as limits.py's messages do ("the stride (rows)")."""
    return [spin(name + suffix, lo, hi, tip, value, what=part(what, axis), label=label)
            for suffix, tip, axis in zip("YX", tips, AXES)]


@contextmanager
def blocked(*widgets: QWidget):
    """Set widgets from the model without them reporting it as a user edit."""
    old = [w.blockSignals(True) for w in widgets]
    try:
        yield
    finally:
        for w, b in zip(widgets, old):
            w.blockSignals(b)


def guarded(method):
    """For Qt virtual overrides: an exception escaping into C++ during the event
    loop corrupted the interpreter (a crash, seen with PySide6 6.11). Print it
    and carry on instead."""

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except Exception:  # noqa: BLE001 - nothing may escape into C++
            traceback.print_exc(file=sys.stderr)
            return None

    return wrapper


# No line break inside a formula: around " = " and " − " (no-break spaces,
# which Qt copies as spaces), and word joiners after "/" before λ, √ or "(κ",
# around "·" before λ, and all through an absolute value |…λ…|. Qt wrapped
# the Learn panel's reason after "2/" or "(here |", leaving "λ_max = 0.0333"
# or "1 − rate·λ_max|" to start the next line, and in Chinese between
# "学习率" and "·λ_max" (a break is allowed between any two ideographs).
# Anything else keeps its characters: the banner's text can be selected and
# copied, and a joiner in a copied file path such as /home/ann/(2024)/x.png
# or run|1|2.png made a path that does not exist.
_FORMULA_SPACE = re.compile(r" ([=−]) ")
_ABSOLUTE = re.compile(r"\|[^|\n]*λ[^|\n]*\|")  # |1 − rate·λ_max|
_SLASH = re.compile(r"/(?=[λ√]|\(κ)")  # 2/λ_max, 1/√κ, (κ−1)/(κ+1)
_DOT = re.compile(r"(?<!\u2060)·(?=λ)")  # rate·λ_max
_JOIN = "\u2060"


def unbroken_formulas(text: str) -> str:
    """``text`` as drawn: its formulas kept on one line when it wraps."""
    text = _FORMULA_SPACE.sub("\u00a0\\1\u00a0", text)
    text = _ABSOLUTE.sub(lambda m: _JOIN.join(m.group()) + _JOIN, text)
    return _SLASH.sub("/" + _JOIN, _DOT.sub(_JOIN + "·" + _JOIN, text))


class ElidedLabel(QLabel):
    """Text that never widens its parent: each line is cut with "…" to the
    width it is given, and the full text is in the tooltip whenever it is cut."""

    def __init__(self, text: str = "", parent=None, objectName: str = "",
                 tooltip: str = "", wrap_at: str = "") -> None:
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self._full, self._tip, self._wrap_at = "", tooltip, wrap_at
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def is_elided(self) -> bool:
        return "…" in self.text() and "…" not in self._full

    def set_base_tooltip(self, tip: str) -> None:
        """What the tooltip says when the text is not cut."""
        self._tip = tip
        self._elide()

    def _elide(self) -> None:
        width = max(self.contentsRect().width(), 0)
        lines = [part for line in self._full.split("\n") for part in self._wrap(line, width)]
        shown = "\n".join(self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, width)
                          for line in lines)
        if shown != super().text():
            super().setText(shown)
        cut = "…" in shown and "…" not in self._full
        self.setToolTip("\n\n".join(t for t in (self._full if cut else "", self._tip) if t))

    def _wrap(self, line: str, width: int) -> list[str]:
        """``line`` broken where ``wrap_at`` (a regular expression) matches,
        into lines that fit, when it does not fit whole."""
        fm = self.fontMetrics()
        if not self._wrap_at or width <= 0 or fm.horizontalAdvance(line) <= width:
            return [line]
        out: list[str] = []
        for piece in re.split(self._wrap_at, line):
            joined = f"{out[-1]}    {piece}" if out else piece
            heading = out and out[-1].endswith((":", "："))  # keeps its line, as in
            # English: in Chinese "最大汇聚 2×2：  高：…" fitted, and 宽 went alone below
            if out and not heading and fm.horizontalAdvance(joined) <= width:
                out[-1] = joined
            else:
                out.append(piece)
        return out

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(max(self.fontMetrics().horizontalAdvance(line)
                         for line in self._full.split("\n")), super().sizeHint().height())

    @guarded
    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()


_SELECTABLE = (Qt.TextInteractionFlag.TextSelectableByMouse
               | Qt.TextInteractionFlag.TextSelectableByKeyboard)


class Banner(QLabel):
    """A word-wrapped sentence of at most ``lines`` lines, so a long one never
    pushes the views below their minimum: a longer one is cut after the last
    whole word that fits, with "…", and shown whole in the tooltip. ``text()``
    is the whole sentence. (A height of so many pixels per line cut the last
    line of Chinese text in half, its fallback font being taller.)"""

    def __init__(self, lines: int = 3, objectName: str = "") -> None:
        super().__init__(objectName=objectName, wordWrap=True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # measured as plain text, so drawn so
        self._lines, self._full = lines, ""

    def text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self.setToolTip(text)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width, shown = max(self.contentsRect().width(), 1), unbroken_formulas(self._full.rstrip())
        end = self._end_of_lines(shown, width)
        while end is not None and shown:  # cut, then make room for the "…"
            cut = shown[:end].rstrip(" …")
            space = cut.rfind(" ")  # a word's end, if near (Chinese has no spaces)
            shown = cut[:space if space > len(cut) - 12 else len(cut) - 2].rstrip() + "…"
            end = self._end_of_lines(shown, width)
        if shown != super().text():
            super().setText(shown)

    def _end_of_lines(self, text: str, width: int) -> int | None:
        """Where ``text``'s first ``lines`` lines end at ``width``, laid out as
        the label lays it out; None if it has no more. (A selectable label's
        text is a QTextDocument with its default margin, drawn in the contents
        rectangle; a plain label's is drawn there with none.)"""
        doc = QTextDocument()
        doc.setDefaultFont(self.font())
        if not self.textInteractionFlags() & _SELECTABLE:
            doc.setDocumentMargin(0)
        doc.setPlainText(text)
        doc.setTextWidth(width)
        doc.size()  # lays the blocks out (lazily done otherwise)
        left, block = self._lines, doc.firstBlock()
        while block.isValid():
            layout = block.layout()
            if layout.lineCount() > left:
                line = layout.lineAt(left - 1)
                return block.position() + line.textStart() + line.textLength()
            left -= layout.lineCount()
            block = block.next()
        return None
