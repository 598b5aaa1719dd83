"""The sum of products behind one output value, written out."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser

from convlab.model.parse import format_number


def _matrix_html(m, caption: str) -> str:
    rows = "".join("<tr>" + "".join(f"<td align=right>&nbsp;{format_number(v)}&nbsp;</td>"
                                    for v in row) + "</tr>" for row in m)
    return (f"<table border=1 cellspacing=0 style='border-collapse:collapse'>"
            f"<caption>{html.escape(caption)}</caption>{rows}</table>")


def _factor(v: float) -> str:
    text = format_number(v)
    return f"({text})" if text.startswith("-") else text


class DetailsPanel(QTextBrowser):
    HINT = ("Hover an output pixel to see its receptive field; click to pin it and read "
            "the sum of products here. Hover an input pixel to see every output it feeds.")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPanel")
        self.setPlaceholderText(self.HINT)
        self.setMinimumHeight(120)

    def show_breakdown(self, where: tuple[int, int, int], parts, bias: float,
                       value: float) -> None:
        co, i, j = where
        blocks, terms = [], []
        for p in parts:
            label = f" (input channel {p.channel})" if len(parts) > 1 else ""
            blocks.append(
                f"<td>{_matrix_html(p.window, 'window' + label)}</td><td>×</td>"
                f"<td>{_matrix_html(p.kernel, 'kernel')}</td>"
                f"<td>= <b>{format_number(p.partial)}</b></td>")
            terms.append(format_number(p.partial))
        products = [f"{_factor(a)}×{_factor(b)}" for p in parts
                    for a, b in zip(p.window.ravel(), p.kernel.ravel())]
        if len(products) <= 49:
            blocks.append("<td colspan=4>" + html.escape(" + ".join(products)) + "</td>")
        total = sum(p.partial for p in parts) + bias
        sum_text = " + ".join(terms) + (f" + bias {format_number(bias)}" if bias else "")
        self.setHtml(
            f"<b>output channel {co}, row {i}, column {j}</b> = sum of (window × kernel)"
            + "".join(f"<table><tr>{b}</tr></table>" for b in blocks)
            + f"<p>{sum_text} = <b>{format_number(total)}</b> "
              f"(shown: {format_number(value)})</p>")
