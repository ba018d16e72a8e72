"""Problems found in survey files, worded so an author can find and fix each one."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    question: Optional[str] = None
    field: Optional[str] = None

    def __str__(self) -> str:
        where = [self.file]
        if self.question:
            where.append(f"question '{self.question}'")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}"


class SurveyDefinitionError(Exception):
    """One or more survey files are invalid; nothing from them is served."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))
