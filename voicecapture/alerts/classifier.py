"""The screening classifier: how likely a text is to disclose harm, in any of our languages.

It is the themes model (multilingual e5 embeddings blended with TF-IDF n-grams) trained on the examples in
surveys/screening/examples.tsv, with one label per disclosure category and "none" for everything else. Its
score is the probability of any category, so an unclear text split between two categories still counts.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from ..text.themes import ThemeModel
from .rules import Example

NONE = "none"


class DisclosureClassifier:
    def __init__(self, model: ThemeModel):
        if NONE not in model.labels:
            raise ValueError(f"a screening model needs the label {NONE!r}")
        self.model = model
        self._none = model.labels.index(NONE)

    @classmethod
    def train(cls, examples: Sequence[Example]) -> DisclosureClassifier:
        texts = [example.text for example in examples]
        labels = [[example.category if example.label else NONE] for example in examples]
        return cls(ThemeModel.fit(texts, labels, max_themes=1))

    def scores(self, texts: Sequence[str]) -> list[tuple[float, str]]:
        """(probability of a disclosure, its most likely category) for each text; (0, "") for an empty one."""
        probabilities = self.model.probabilities(list(texts))
        results = []
        for row in probabilities:
            if not row.any():
                results.append((0.0, ""))
                continue
            others = row.copy()
            others[self._none] = -1.0
            results.append((float(1.0 - row[self._none]), self.model.labels[int(np.argmax(others))]))
        return results

    def save(self, path: Path) -> None:
        self.model.save(path)

    @classmethod
    def load(cls, path: Path) -> DisclosureClassifier:
        return cls(ThemeModel.load(path))
