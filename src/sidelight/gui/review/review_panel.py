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
from sidelight.core.review.adjudication import NEITHER, Decisions
from sidelight.core.review.report import FEW, NONE_OF_THESE, disputed_by_reviewer, figure, percent, verdict

_ROW = Qt.ItemDataRole.UserRole + 1  # the row's index in result.disagreements
_VERDICT_COLOURS = {"reliable": "#1a7f37", "tentative": "#9a6700", "not reliable": "#cf222e"}


class ReviewPanel(QWidget):
    compare_requested = Signal(list)  # reviewer names
    reveal_requested = Signal(str, int, int)  # source id, start, end
    settle_requested = Signal(int, str)  # row in result.disagreements, reviewer name or NEITHER
    adopt_agreed_requested = Signal()
    export_requested = Signal()

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
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Save these figures as a web page with a chart, Markdown tables, CSV, JSON or text")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_requested)
        row.addWidget(self.export_button)
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
        disputes_page = QWidget()
        disputes_layout = QVBoxLayout(disputes_page)
        disputes_layout.setContentsMargins(0, 0, 0, 0)
        self.unsettled_only = QCheckBox("Only those not yet settled")
        self.unsettled_only.toggled.connect(self._apply_filter)
        disputes_layout.addWidget(self.unsettled_only)
        disputes_layout.addWidget(self.disputes, 1)
        self._settle_row = QHBoxLayout()
        self._settle_buttons: list[QPushButton] = []
        disputes_layout.addLayout(self._settle_row)
        self.adopt_agreed_button = QPushButton("Adopt agreed")
        self.adopt_agreed_button.setToolTip("Copy into the consensus every sentence all reviewers coded alike")
        self.adopt_agreed_button.clicked.connect(self.adopt_agreed_requested)
        disputes_layout.addWidget(self.adopt_agreed_button)
        self.decisions: Decisions = Decisions()
        self.tabs.addTab(self.codes, "Codes")
        self.tabs.addTab(self.fields, "Document fields")
        self.tabs.addTab(disputes_page, "Differences")
        layout.addWidget(self.tabs, 1)
        self._labels: Mapping[str, str] = {}
        self._stale = False

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
    @property
    def labels(self) -> Mapping[str, str]:
        return self._labels

    def show_message(self, text: str) -> None:
        self.summary.setText(text)

    def mark_stale(self) -> None:
        if self.result is not None and not self._stale:
            self._stale = True
            self.summary.setText(self.summary.text() + "  Annotations changed since: Compare again to update.")

    def show_result(self, result: ReviewComparison, labels: Mapping[str, str], codebook: Codebook,
                    decisions: Decisions | None = None) -> None:
        self.result = result
        self._stale = False
        self._labels = labels
        self.export_button.setEnabled(True)
        self.decisions = decisions if decisions is not None else Decisions()
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
        self._make_settle_buttons(result)
        self._count_settled()

    def _fill_codes(self, result: ReviewComparison, codebook: Codebook) -> None:
        pair = len(result.reviewers) == 2
        self.codes.clear()
        self.codes.setHeaderLabels(["Code", *result.reviewers, "α", *(["κ"] if pair else []), "Agreement", "Reading"])
        for c in result.codes:
            reading = verdict(c.alpha) + (" (few sentences)" if sum(c.units.values()) < FEW else "")
            cells = [c.name, *(str(c.units[r]) for r in result.reviewers), figure(c.alpha),
                     *([figure(c.kappa)] if pair else []), percent(c.agreement), reading]
            item = QTreeWidgetItem(cells)
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
        for n, d in enumerate(result.disagreements):
            item = QListWidgetItem()
            item.setData(_ROW, n)
            item.setToolTip(d.text)
            self.disputes.addItem(item)
            self._describe_item(item)
        self._apply_filter()

    def _describe_item(self, item: QListWidgetItem) -> None:
        assert self.result is not None
        d = self.result.disagreements[item.data(_ROW)]
        decision = self.decisions.of(d)
        text = describe(self.result, d, self._labels)
        if decision is not None:
            chosen = "neither reading" if decision.chosen == NEITHER else f"{decision.chosen}’s reading"
            text = f"✓ Settled: {chosen}\n{text}"
        item.setText(text)
        item.setForeground(QColor("#57606a") if decision is not None else self.palette().text().color())

    def decision_changed(self, decisions: Decisions) -> None:
        """Decisions were made or undone: mark the rows again, keep the chosen one."""
        self.decisions = decisions
        for i in range(self.disputes.count()):
            item = self.disputes.item(i)
            if item.data(_ROW) is not None:
                self._describe_item(item)
        self._apply_filter()
        self._count_settled()

    def _count_settled(self) -> None:
        if self.result is None:
            return
        settled = sum(self.decisions.of(d) is not None for d in self.result.disagreements)
        total = len(self.result.disagreements)
        self.tabs.setTabText(2, f"Differences ({settled}/{total} settled)" if settled else f"Differences ({total})")
        self.tabs.setTabToolTip(2, "The sentences the reviewers coded differently, to settle into the consensus set")
        left = sum(self.decisions.of(s) is None for s in self.result.agreed)
        self.adopt_agreed_button.setText(f"Adopt agreed ({left} sentences)")
        self.adopt_agreed_button.setEnabled(left > 0)

    def _apply_filter(self) -> None:
        only = self.unsettled_only.isChecked()
        for i in range(self.disputes.count()):
            item = self.disputes.item(i)
            row = item.data(_ROW)
            if row is not None and self.result is not None:
                item.setHidden(only and self.decisions.of(self.result.disagreements[row]) is not None)

    def _make_settle_buttons(self, result: ReviewComparison) -> None:
        for button in self._settle_buttons:
            self._settle_row.removeWidget(button)
            button.deleteLater()
        self._settle_buttons = []
        for n, name in enumerate([*result.reviewers, NEITHER]):
            label = "Neither" if name == NEITHER else f"Adopt {name}’s"
            button = QPushButton(label)
            button.setToolTip("Settle the chosen sentence: no code of the disputed ones in the consensus"
                              if name == NEITHER else f"Settle the chosen sentence with {name}’s coding (Alt+{n + 1})")
            if name != NEITHER and n < 9:
                button.setShortcut(f"Alt+{n + 1}")
            button.clicked.connect(lambda _checked=False, who=name: self._settle(who))
            self._settle_row.addWidget(button)
            self._settle_buttons.append(button)
        self._enable_settle()

    def _settle(self, who: str) -> None:
        row = self.current_row()
        if row is not None:
            self.settle_requested.emit(row, who)

    def current_row(self) -> int | None:
        item = self.disputes.currentItem()
        return item.data(_ROW) if item is not None else None

    def _enable_settle(self) -> None:
        row = self.current_row()
        sentence = self.result.disagreements[row] if row is not None and self.result is not None else None
        for button, name in zip(self._settle_buttons, [*(self.result.reviewers if self.result else ()), NEITHER]):
            button.setEnabled(sentence is not None and (name == NEITHER or name in sentence.codes))

    def _chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        self._enable_settle()
        row = item.data(_ROW) if item is not None else None
        if row is not None and self.result is not None:
            d = self.result.disagreements[row]
            self.reveal_requested.emit(d.source_id, d.start, d.end)

    def choose_next_unsettled(self, after_row: int) -> None:
        """After a decision: the next sentence on show that is still open, if any."""
        if self.result is None:
            return
        for i in range(self.disputes.count()):
            item = self.disputes.item(i)
            n = item.data(_ROW)
            if n is not None and n > after_row and not item.isHidden() and self.decisions.of(self.result.disagreements[n]) is None:
                self.disputes.setCurrentItem(item)
                return


def describe(result: ReviewComparison, d: Disagreement, labels: Mapping[str, str]) -> str:
    """Two to four lines: where, the sentence, and what each reviewer gave it of the disputed codes."""
    lines = [f"{labels.get(d.source_id, d.source_id)}: “{shorten(d.text, 140)}”"]
    lines += [f"    {r}: {', '.join(mine) or NONE_OF_THESE}" for r, mine in disputed_by_reviewer(result, d).items()]
    return "\n".join(lines)
