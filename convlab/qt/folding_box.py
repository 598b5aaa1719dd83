"""A group box that can fold to one line of summary and a Show button."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class FoldingBox(QGroupBox):
    """``body`` under a title; folded, a sentence stands in for it. The Learn
    panel folds its Problem box when a run starts in a window too short to
    show the loss curve under it: at 1280×720 the curve was below the fold."""

    def __init__(self, title: str, body: QWidget, name: str) -> None:
        super().__init__(title, objectName=name)
        self.body = body
        self.summary = QLabel(objectName=f"{name}Summary", wordWrap=True)
        self.show_button = QPushButton(self.tr("Show"), objectName=f"{name}Show")
        self.show_button.clicked.connect(self.unfold)
        self._folded = QWidget()
        row = QHBoxLayout(self._folded)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.summary, 1)
        row.addWidget(self.show_button)
        box = QVBoxLayout(self)
        box.addWidget(self._folded)
        box.addWidget(body)
        self._folded.hide()

    def is_folded(self) -> bool:
        return self.body.isHidden()

    def fold(self, summary: str, tip: str = "") -> None:
        self.summary.setText(summary)
        self.show_button.setToolTip(tip)
        self.body.hide()
        self._folded.show()

    def unfold(self) -> None:
        self._folded.hide()
        self.body.show()
