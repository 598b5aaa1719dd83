"""The sum of products behind one output value, written out as a table."""

from __future__ import annotations

import html

from PySide6.QtGui import QTextDocument, QTextOption
from PySide6.QtWidgets import QTextBrowser

from convlab.model.parse import format_factor, format_number
from convlab.model.translatable import QT_TRANSLATE_NOOP

CELL = "<td align=right nowrap style='padding:1px {}px'>{}</td>"
MAX_PRODUCTS = 49  # more than this and the written-out sum is too long to read


def _matrix_html(m, pad: int = 3, small: bool = False) -> str:
    """``pad``: pixels either side of a number (1 where the panel is narrow)."""
    rows = "".join("<tr>" + "".join(CELL.format(pad, format_number(v)) for v in row)
                   + "</tr>" for row in m)
    size = " style='font-size:small'" if small else ""
    return f"<table border=1 cellspacing=0 cellpadding=1{size}>{rows}</table>"


class DetailsPanel(QTextBrowser):
    _shown = None  # the last breakdown's arguments, laid out again on a resize
    _rendered_room = 0  # the width it was laid out for
    HINT = QT_TRANSLATE_NOOP(
        "DetailsPanel",
        "Hover an output pixel to see its receptive field; click to pin it and read "
        "the sum of products here. Hover an input pixel to see every output it feeds.")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPanel")
        # Break lines between words only: a narrow panel (a grid cell at 1280×720)
        # scrolls sideways rather than breaking "0.784" into a column of digits.
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setMinimumHeight(80)  # the heading with the sum; the views come first
        self.show_hint()

    def show_breakdown(self, where: tuple[int, int, int], parts, bias: float,
                       value: float) -> None:
        """Heading and the sum first (seen at the default height), then one row per
        input channel: window × kernel = partial sum, then every product. Where
        the window and the kernel do not fit side by side (a ~220 px grid cell at
        1280×720, three channels of 0.xyz), the kernel goes below its window
        rather than off the right edge behind a sideways scroll bar."""
        self._shown = (where, parts, bias, value)
        self._render()

    def _render(self) -> None:
        """Side by side if that fits the room, else stacked, else stacked in a
        smaller font. Measured on a document of its own against the room beside
        a vertical scroll bar, so that the bar coming or going neither changes
        the choice nor lays it out again (each setHtml toggled it, and hovering
        once rendered ten times)."""
        room = self._room()
        for layout in ("side", "stacked", "small"):  # the first that fits, else "small"
            text = self._html(*self._shown, layout=layout)
            if self._width_of(text, room) <= room:
                break
        self._rendered_room = room
        self.setHtml(text)

    def _room(self) -> int:
        bar = self.verticalScrollBar()
        return self.viewport().width() - (0 if bar.isVisible() else bar.sizeHint().width())

    def _width_of(self, text: str, room: int) -> float:
        doc = QTextDocument()
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(self.document().documentMargin())
        doc.setDefaultTextOption(self.document().defaultTextOption())  # words whole
        doc.setHtml(text)
        doc.setTextWidth(room)
        return doc.size().width()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._shown is not None and self._room() != self._rendered_room:
            value = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(value)  # (a taller panel kept its place)

    def show_pooling(self, where: tuple[int, int, int], mode: str, values: list[float],
                     padded: int, value: float) -> None:
        """What a pooled pixel pools: max(…) of the output cells in its window
        (padding never wins), or their average, the padding counted as zeros."""
        self._shown = None
        co, i, j = where
        nums, n = [format_number(v) for v in values], len(values) + padded
        if n > MAX_PRODUCTS:  # a 64×64 window wrote 4,096 terms on every hover and step
            formula = (self.tr("the largest of its {n} values") if mode == "max" else
                       self.tr("the average of its {n} values, the padding as 0")).format(n=n)
        elif mode == "max":
            formula = f"max({', '.join(nums)})"
        else:
            formula = f"({' + '.join(nums + ['0'] * padded)}) / {n}"
        head = (self.tr("pooled (max), channel {co}, row {i}, column {j}") if mode == "max"
                else self.tr("pooled (avg), channel {co}, row {i}, column {j}"))
        self.setHtml(f"<p><b>{html.escape(head.format(co=co, i=i, j=j))}</b> = "
                     f"{html.escape(formula)} = <b>{format_number(value)}</b></p>")

    def show_hint(self) -> None:  # (the breakdown goes: nothing to lay out again)
        self._shown = None
        self.setHtml(f"<p style='color:gray'>{html.escape(self.tr(self.HINT))}</p>")

    def _html(self, where, parts, bias: float, value: float, layout: str) -> str:
        co, i, j = where
        total = sum(p.partial for p in parts) + bias
        terms = [format_number(p.partial) for p in parts]
        sum_text = " + ".join(terms) + (
            " + " + self.tr("bias {value}").format(value=format_number(bias)) if bias else "")
        products = [f"{format_factor(a)}×{format_factor(b)}" for p in parts
                    for a, b in zip(p.window.ravel(), p.kernel.ravel())]
        written = (f"<p>{html.escape(' + '.join(products))}</p>"
                   if len(products) <= MAX_PRODUCTS else "")
        parts_sum = f"{sum_text} = " if len(parts) > 1 or bias else ""
        shown = (" " + self.tr("(shown: {value})").format(value=format_number(value))
                 if format_number(value) != format_number(total) else "")
        return ("<p><b>" + self.tr("output channel {co}, row {i}, column {j}").format(
                co=co, i=i, j=j) + "</b> = "
                f"{parts_sum}<b>{format_number(total)}</b>{shown}</p>"
                f"{self._table(parts, layout)}{written}")

    def _table(self, parts, layout: str) -> str:
        """``layout``: "side" (window × kernel), "stacked" (the kernel under its
        window), "small" (stacked, in a smaller font: a 5×5 kernel's columns did
        not fit 205 px stacked). With more than one channel, or stacked, a
        channel's name and partial sum head its rows: beside its window they cut
        the table at 1280×720."""
        stacked = layout != "side"
        named = stacked or len(parts) > 1
        rows, kernel_word = [], self.tr("kernel")
        for p in parts:
            partial = f"= <b>{format_number(p.partial)}</b>"
            if named:
                rows.append("<tr><td colspan=3 nowrap>" + self.tr("input channel {channel}")
                            .format(channel=p.channel) + f" {partial}</td></tr>")
            pad, small = (1 if stacked else 3), layout == "small"
            window, kernel = _matrix_html(p.window, pad, small), _matrix_html(p.kernel, pad, small)
            if stacked:  # "× kernel" on a line of its own: a table breaks the line anyway
                rows.append(f"<tr><td>{window}</td></tr><tr><td>× {html.escape(kernel_word)}"
                            f"</td></tr><tr><td>{kernel}</td></tr>")
                continue
            rows.append(
                f"<tr><td valign=middle>{window}</td>"
                "<td valign=middle style='padding:0 1px'>×</td>"
                f"<td valign=middle>{kernel}</td>"
                + ("" if named else
                   f"<td valign=middle nowrap style='padding:0 3px'>{partial}</td>") + "</tr>")
        window, kernel, sums = self.tr("window"), self.tr("kernel"), self.tr("sum of products")
        head = ("" if stacked else f"<tr><th>{window}</th><th></th><th>{kernel}</th>"
                + ("" if named else f"<th style='padding-left:6px'>{sums}</th>") + "</tr>")
        return f"<table cellspacing=2>{head}{''.join(rows)}</table>"
