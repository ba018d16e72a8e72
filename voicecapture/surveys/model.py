"""Plain, immutable survey definitions: what the loader returns and the engine reads."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Optional

ANY_VARIANT = "*"

# Wording keyed by variant; ANY_VARIANT when the same for all.
Text = Mapping[str, str]


def pick(text: Optional[Text], variant: str) -> Optional[str]:
    if text is None:
        return None
    return text.get(variant) or text.get(ANY_VARIANT) or next(iter(text.values()))


@dataclass(frozen=True)
class Option:
    key: str
    code: str
    label: Text
    exclusive: bool = False
    easy_label: Optional[str] = None
    picture: Optional[str] = None
    # Built-in options ("Don't know", faces, yes/no) take their wording from the interface catalogue.
    builtin: bool = False


@dataclass(frozen=True)
class Question:
    key: str
    code: str
    type: str
    text: Text
    easy_text: Text
    picture: str
    hint: Optional[Text] = None
    required: bool = True
    options: tuple[Option, ...] = ()
    max_length: Optional[int] = None
    scale_low: Optional[Text] = None
    scale_high: Optional[Text] = None
    show_if: Optional[dict] = None
    section: Optional[str] = None

    @property
    def is_multiple(self) -> bool:
        return self.type == "multiple_choice"

    @property
    def is_text(self) -> bool:
        return self.type == "free_text"

    def option(self, key: str) -> Optional[Option]:
        return next((opt for opt in self.options if opt.key == key), None)


@dataclass(frozen=True)
class Variants:
    question: str
    values: tuple[str, ...]
    default: str


@dataclass(frozen=True)
class Survey:
    id: str
    version: int
    status: str
    audience: str
    title: Text
    description: Text
    minutes: int
    questions: tuple[Question, ...]
    variants: Optional[Variants] = None
    source: str = ""
    fingerprint: str = ""
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self._index.update({q.key: q for q in self.questions})

    def question(self, key: str) -> Optional[Question]:
        return self._index.get(key)

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"
