"""Review panel: pick reviewers, read their agreement, walk the sentences they coded differently.

Only pixels: the figures come from :func:`sidelight.core.review.compare_reviewers` (what
``sidelight agreement`` prints), handed over as a finished :class:`ReviewComparison`.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sidelight.core.codebook import Codebook
from sidelight.core.labels import plural, shorten
from sidelight.core.review import Disagreement, ReviewComparison
from sidelight.core.review.report import FEW, figure, percent, verdict

_VERDICT_COLOURS = {"reliable": "#1a7f37", "tentative": "#9a6700", "not reliable": "#cf222e"}


class ReviewPanel(QWidget):
    compare_requested = Signal(list)  # reviewer names
    reveal_requested = Signal(str, int, int)  # source id, start, end

    def __init__(self) -> None:
        super().__init__()
        self.result: ReviewComparison | None = None
        self._boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        row.addWidget(QLabel("Reviewers:"))
        self._box_row = QHBoxLayout()
        row.addLayout(self._box_row)
        row.addStretch(1)
        self.compare_button = QPushButton("Compare")
        self.compare_button.setToolTip("Compare the ticked reviewers' annotations (your own are saved first)")
        self.compare_button.clicked.connect(self._ask)
        row.addWidget(self.compare_button)
        layout.addLayout(row)
        self.summary = QLabel("Tick two or more reviewers and press Compare.")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.codes = QTreeWidget()
        self.codes.setRootIsDecorated(False)
        self.codes.setAlternatingRowColors(True)
        self.fields = QTreeWidget()
        self.fields.setRootIsDecorated(False)
        self.fields.setHeaderLabels(["Field", "Documents", "Level", "α", "Agreement", "Reading"])
        self.disputes = QListWidget()
        self.disputes.setWordWrap(True)
        self.disputes.setAlternatingRowColors(True)
        self.disputes.currentItemChanged.connect(self._chosen)
        self.disputes.itemActivated.connect(lambda item: self._chosen(item, None))
        self.tabs.addTab(self.codes, "Codes")
        self.tabs.addTab(self.fields, "Document fields")
        self.tabs.addTab(self.disputes, "Coded differently")
        layout.addWidget(self.tabs, 1)

    # -- reviewers ----------------------------------------------------------------------------
    def set_reviewers(self, names: list[str], ticked: list[str] | None = None) -> None:
        for box in self._boxes.values():
            self._box_row.removeWidget(box)
            box.deleteLater()
        self._boxes = {}
        chosen = set(ticked if ticked is not None else names)
        for name in names:
            box = QCheckBox(name)
            box.setChecked(name in chosen)
            self._box_row.addWidget(box)
            self._boxes[name] = box
        self.compare_button.setEnabled(len(names) >= 2)
        if len(names) < 2:
            self.show_message("Agreement needs two or more reviewers' annotations in this workspace; "
                              f"found {', '.join(names) or 'none'}.")

    def ticked(self) -> list[str]:
        return [name for name, box in self._boxes.items() if box.isChecked()]

    def _ask(self) -> None:
        names = self.ticked()
        if len(names) < 2:
            self.show_message("Tick two or more reviewers to compare.")
            return
        self.compare_requested.emit(names)

    # -- showing ------------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.summary.setText(text)

    def mark_stale(self) -> None:
        if self.result is not None and not self.summary.text().endswith("Compare again to update."):
            self.summary.setText(self.summary.text() + "  Annotations changed since: Compare again to update.")

    def show_result(self, result: ReviewComparison, labels: Mapping[str, str], codebook: Codebook) -> None:
        self.result = result
        who = " and ".join(result.reviewers) if len(result.reviewers) == 2 else ", ".join(result.reviewers)
        if not result.sources:
            self.summary.setText(f"No document is annotated by two or more of {who}: nothing to compare.")
        else:
            self.summary.setText(
                f"{who}: {plural(len(result.sources), 'document')}, {plural(result.units, 'sentence')}. "
                f"All codes pooled: Krippendorff's α {figure(result.overall_alpha)} ({verdict(result.overall_alpha)}); "
                f"{plural(len(result.disagreements), 'sentence')} coded differently.")
        self._fill_codes(result, codebook)
        self._fill_fields(result)
        self._fill_disputes(result, labels, codebook)
        self.tabs.setTabText(2, f"Coded differently ({len(result.disagreements)})")

    def _fill_codes(self, result: ReviewComparison, codebook: Codebook) -> None:
        pair = len(result.reviewers) == 2
        self.codes.clear()
        self.codes.setHeaderLabels(["Code", *result.reviewers, "α", *(["κ"] if pair else []), "Agreement", "Reading"])
        for c in result.codes:
            reading = verdict(c.alpha) + (" (few sentences)" if sum(c.units.values()) < FEW else "")
            cells = [c.name, *(str(c.units[r]) for r in result.reviewers), figure(c.alpha),
                     *([figure(c.kappa)] if pair else []), percent(c.agreement), reading]
            item = QTreeWidgetItem(cells)
            item.setData(0, Qt.ItemDataRole.UserRole, c.code)
            item.setForeground(0, QColor(codebook.colour_of(c.code)).darker(160))
            item.setForeground(len(cells) - 1, QColor(_VERDICT_COLOURS.get(verdict(c.alpha), "#57606a")))
            item.setToolTip(0, f"{c.name}: given to {', '.join(f'{n} sentences by {r}' for r, n in c.units.items())}")
            self.codes.addTopLevelItem(item)
        for column in range(self.codes.columnCount()):
            self.codes.resizeColumnToContents(column)

    def _fill_fields(self, result: ReviewComparison) -> None:
        self.fields.clear()
        for f in result.fields:
            item = QTreeWidgetItem([f.label, str(f.documents), f.level, figure(f.alpha), percent(f.agreement), verdict(f.alpha)])
            item.setForeground(5, QColor(_VERDICT_COLOURS.get(verdict(f.alpha), "#57606a")))
            self.fields.addTopLevelItem(item)
        for column in range(self.fields.columnCount()):
            self.fields.resizeColumnToContents(column)

    def _fill_disputes(self, result: ReviewComparison, labels: Mapping[str, str], codebook: Codebook) -> None:
        self.disputes.clear()
        if not result.disagreements:
            item = QListWidgetItem("The reviewers gave every sentence the same codes.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.disputes.addItem(item)
            return
        for d in result.disagreements:
            item = QListWidgetItem(describe(d, labels, codebook))
            item.setData(Qt.ItemDataRole.UserRole, (d.source_id, d.start, d.end))
            item.setToolTip(d.text)
            self.disputes.addItem(item)

    def _chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        where = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if where:
            self.reveal_requested.emit(*where)


def describe(d: Disagreement, labels: Mapping[str, str], codebook: Codebook) -> str:
    """Two to four lines: where, the sentence, and what each reviewer gave it of the disputed codes."""
    lines = [f"{labels.get(d.source_id, d.source_id)}: “{shorten(d.text, 140)}”"]
    for reviewer, codes in d.codes.items():
        mine = [codebook.name_of(c) for c in sorted(codes & d.differing, key=lambda c: codebook.name_of(c))]
        lines.append(f"    {reviewer}: {', '.join(mine) if mine else 'none of these codes'}")
    return "\n".join(lines)
