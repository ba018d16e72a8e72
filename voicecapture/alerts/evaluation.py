"""How well screening works on a labelled set: recall, precision and every text it got wrong."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from .classifier import DisclosureClassifier
from .rules import ScreeningRules
from .screen import screen_texts

COLUMNS = ("label", "lang", "text")


class EvaluationFileError(ValueError):
    """The file cannot be evaluated; the message names the line."""


@dataclass(frozen=True)
class LabelledText:
    label: int
    language: str
    text: str


@dataclass
class Result:
    rows: list[tuple[LabelledText, list]] = field(default_factory=list)

    def _count(self, label: int, fired: bool) -> int:
        return sum(1 for item, findings in self.rows if item.label == label and bool(findings) == fired)

    @property
    def true_positives(self) -> int:
        return self._count(1, True)

    @property
    def false_positives(self) -> int:
        return self._count(0, True)

    @property
    def false_negatives(self) -> int:
        return self._count(1, False)

    @property
    def recall(self) -> float:
        positives = self.true_positives + self.false_negatives
        return self.true_positives / positives if positives else 1.0

    @property
    def precision(self) -> float:
        fired = self.true_positives + self.false_positives
        return self.true_positives / fired if fired else 1.0

    @property
    def misses(self) -> list[LabelledText]:
        return [item for item, findings in self.rows if item.label == 1 and not findings]

    @property
    def false_alarms(self) -> list[tuple[LabelledText, list]]:
        return [(item, findings) for item, findings in self.rows if item.label == 0 and findings]

    def by_language(self) -> dict[str, Result]:
        parts: dict[str, Result] = {}
        for item, findings in self.rows:
            parts.setdefault(item.language, Result()).rows.append((item, findings))
        return dict(sorted(parts.items()))


def read_tsv(path: Path) -> list[LabelledText]:
    """Columns label, lang, text (tab-separated, UTF-8); label 1 means an alert should fire."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise EvaluationFileError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise EvaluationFileError(f"{path}: is not UTF-8 text") from None
    rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = [name.strip().lower() for name in next(rows, [])]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise EvaluationFileError(f"{path}: the first line must name the columns label, lang and text, separated by "
                                  f"tabs (missing: {', '.join(missing)})")
    where = {name: header.index(name) for name in COLUMNS}
    items = []
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise EvaluationFileError(f"{path}, line {number}: has {len(row)} columns, not {len(header)} "
                                      "(is a tab missing, or one typed as spaces?)")
        label = row[where["label"]].strip()
        if label not in ("0", "1"):
            raise EvaluationFileError(f"{path}, line {number}: label {label!r} must be 1 (an alert should fire) or 0")
        items.append(LabelledText(int(label), row[where["lang"]].strip(), row[where["text"]].strip()))
    if not items:
        raise EvaluationFileError(f"{path}: has no rows to evaluate")
    return items


def evaluate(items: list[LabelledText], rules: ScreeningRules, classifier: DisclosureClassifier | None) -> Result:
    findings = screen_texts([item.text for item in items], rules, classifier)
    return Result(list(zip(items, findings)))
