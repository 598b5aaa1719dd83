"""The sum of products behind one output value, written out as a table."""

from __future__ import annotations

import html

from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QTextBrowser

from convlab.model.parse import format_factor, format_number
from convlab.model.translatable import QT_TRANSLATE_NOOP

CELL = "<td align=right nowrap style='padding:1px 3px'>{}</td>"
MAX_PRODUCTS = 49  # more than this and the written-out sum is too long to read


def _matrix_html(m) -> str:
    rows = "".join("<tr>" + "".join(CELL.format(format_number(v)) for v in row) + "</tr>"
                   for row in m)
    return f"<table border=1 cellspacing=0 cellpadding=1>{rows}</table>"


class DetailsPanel(QTextBrowser):
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

    def show_hint(self) -> None:
        self.setHtml(f"<p style='color:gray'>{html.escape(self.tr(self.HINT))}</p>")

    def show_breakdown(self, where: tuple[int, int, int], parts, bias: float,
                       value: float) -> None:
        """Heading and the sum first (seen at the default height), then one row per
        input channel: window × kernel = partial sum, then every product."""
        co, i, j = where
        total = sum(p.partial for p in parts) + bias
        terms = [format_number(p.partial) for p in parts]
        sum_text = " + ".join(terms) + (
            " + " + self.tr("bias {value}").format(value=format_number(bias)) if bias else "")
        rows = []
        for p in parts:  # a channel's name on a row of its own: beside its window,
            # it cut the table at 1280×720 (the panel is a ~220 px grid cell)
            if len(parts) > 1:
                rows.append("<tr><td colspan=4 nowrap>" + self.tr("input channel {channel}")
                            .format(channel=p.channel) + "</td></tr>")
            rows.append(
                f"<tr><td valign=middle>{_matrix_html(p.window)}</td>"
                "<td valign=middle style='padding:0 3px'>×</td>"
                f"<td valign=middle>{_matrix_html(p.kernel)}</td>"
                f"<td valign=middle nowrap style='padding:0 3px'>= "
                f"<b>{format_number(p.partial)}</b></td></tr>")
        window, kernel, sums = self.tr("window"), self.tr("kernel"), self.tr("sum of products")
        head = (f"<tr><th>{window}</th><th></th><th>{kernel}</th>"
                f"<th>{sums}</th></tr>")  # may wrap: it heads narrow sums
        products = [f"{format_factor(a)}×{format_factor(b)}" for p in parts
                    for a, b in zip(p.window.ravel(), p.kernel.ravel())]
        written = (f"<p>{html.escape(' + '.join(products))}</p>"
                   if len(products) <= MAX_PRODUCTS else "")
        parts_sum = f"{sum_text} = " if len(parts) > 1 or bias else ""
        shown = (" " + self.tr("(shown: {value})").format(value=format_number(value))
                 if format_number(value) != format_number(total) else "")
        self.setHtml(
            "<p><b>" + self.tr("output channel {co}, row {i}, column {j}").format(
                co=co, i=i, j=j) + "</b> = "
            f"{parts_sum}<b>{format_number(total)}</b>{shown}</p>"
            f"<table cellspacing=2>{head}{''.join(rows)}</table>{written}")
