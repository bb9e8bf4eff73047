"""Prompts per image: a table of the listed images, each with its own prompt (empty: the
main prompt is used). It can be filled from a CSV file; rows of the file that cannot be
used are listed with their line and the reason, and the good rows are still taken.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hailuo_desktop.services.prompt_table import Issue, TableProblem

from ..accessibility import Standard, describe_buttons
from .colors import PROBLEM_RED, colored
from .image_list import display_name

KeyRole = Qt.ItemDataRole.UserRole + 1


class PromptTableDialog(QDialog):
    csv_requested = Signal()  # the flow chooses and reads the file, then calls fill()

    def __init__(self, keys: list[str], prompts: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prompts per image"))
        intro = QLabel(
            self.tr(
                "Give an image its own prompt; an empty cell uses the main prompt. A CSV file with "
                "two columns, image and prompt (file name or path), fills the table."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(keys), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Image"), self.tr("Prompt")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, key in enumerate(keys):
            name = QTableWidgetItem(display_name(key))
            name.setData(KeyRole, key)
            name.setToolTip(key)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(prompts.get(key, "")))
        self.table.resizeColumnToContents(0)
        self.table.setAccessibleName(self.tr("Prompts per image"))
        self.table.setAccessibleDescription(
            self.tr("One row per image: its name, and its own prompt (empty: the main prompt)")
        )
        self.from_csv = QPushButton(self.tr("Fill from &CSV…"), self)
        self.clear = QPushButton(self.tr("C&lear all"), self)
        self.from_csv.setToolTip(self.tr("Read the prompts from a CSV file with an image and a prompt column"))
        self.clear.setToolTip(self.tr("Empty every prompt cell (the main prompt is used)"))
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(colored(PROBLEM_RED))
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.hide()
        self.summary = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        describe_buttons(
            buttons,
            {
                Standard.Ok: self.tr("Use these prompts"),
                Standard.Cancel: self.tr("Close and keep the prompts as they were"),
            },
        )
        row = QHBoxLayout()
        row.addWidget(self.from_csv)
        row.addWidget(self.clear)
        row.addStretch(1)
        column = QVBoxLayout(self)
        for widget in (intro, self.table):
            column.addWidget(widget)
        column.addLayout(row)
        column.addWidget(self.problems)
        column.addWidget(self.summary)
        column.addWidget(buttons)
        self.from_csv.clicked.connect(self.csv_requested)
        self.clear.clicked.connect(self._clear)
        self.table.itemChanged.connect(lambda _item: self._refresh())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._refresh()
        self.resize(680, 460)

    def prompts(self) -> dict[str, str]:
        """image key -> its own prompt, for the rows that have one."""
        found = {}
        for row in range(self.table.rowCount()):
            text = self.table.item(row, 1).text().strip()
            if text:
                found[self.table.item(row, 0).data(KeyRole)] = text
        return found

    def fill(self, prompts: dict[str, str], issues: list[Issue]) -> None:
        """Put a CSV file's prompts in their rows and say what could not be used."""
        for row in range(self.table.rowCount()):
            key = self.table.item(row, 0).data(KeyRole)
            if key in prompts:
                self.table.item(row, 1).setText(prompts[key])
        lines = [issue_text(issue, self.tr) for issue in issues]
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))
        self._refresh(taken=len(prompts))

    def _clear(self) -> None:
        for row in range(self.table.rowCount()):
            self.table.item(row, 1).setText("")

    def _refresh(self, taken: int | None = None) -> None:
        text = self.tr("{n} of {total} images have their own prompt.").format(
            n=len(self.prompts()), total=self.table.rowCount()
        )
        if taken is not None:
            text = self.tr("{taken} prompts taken from the file. ").format(taken=taken) + text
        self.summary.setText(text)


def issue_text(issue: Issue, tr) -> str:
    """One problem of a CSV prompt table in words (the core gives a code and its parameters)."""
    p, kind = issue.params, issue.problem
    words = {
        TableProblem.UNREADABLE: tr("The file cannot be read: {reason}."),
        TableProblem.TOO_LARGE: tr("The file is too large for a prompt table ({bytes} bytes; at most {limit})."),
        TableProblem.NOT_TEXT: tr("The file is not text: save the sheet as CSV (UTF-8)."),
        TableProblem.BAD_CSV: tr("The file is not valid CSV: {reason}."),
        TableProblem.EMPTY: tr("The file has no rows."),
        TableProblem.NO_PROMPT_COLUMN: tr("The header names no prompt column (columns: {columns})."),
        TableProblem.NO_IMAGE_COLUMN: tr("The header names no image column (columns: {columns})."),
        TableProblem.TOO_FEW_CELLS: tr("Line {line}: an image and a prompt are needed; this row has {cells} cell(s)."),
        TableProblem.EMPTY_IMAGE: tr("Line {line}: no image is named."),
        TableProblem.EMPTY_PROMPT: tr("Line {line}: {image} has an empty prompt."),
        TableProblem.UNKNOWN_IMAGE: tr("Line {line}: {image} is not in the list of images."),
        TableProblem.AMBIGUOUS_IMAGE: tr("Line {line}: {image} names {count} listed images; give its full path."),
        TableProblem.DUPLICATE_IMAGE: tr("Line {line}: {image} already has a prompt on line {first_line}."),
    }[kind]
    values = dict(p)
    if "columns" in values:
        values["columns"] = ", ".join(values["columns"]) or "—"
    if "matches" in values:
        values["count"] = len(values["matches"])
    return words.format(**values)
