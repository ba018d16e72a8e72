"""Measuring a theme model against a plain TF-IDF + linear SVM baseline on the same split.

Comments may carry several labels; scores compare label sets. With one label a comment they are the usual
accuracy and macro-F1.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC

from .themes import normalise

TEST_SHARE = 0.2


@dataclass(frozen=True)
class Scores:
    n: int
    accuracy: float  # share of comments whose predicted labels are exactly the true ones
    macro_f1: float
    per_label: dict[str, tuple[float, int]]  # label -> (F1, number of comments that have it)


def scores(truth: Sequence[tuple[str, ...]], predicted: Sequence[tuple[str, ...]]) -> Scores:
    labels = sorted({label for labels in [*truth, *predicted] for label in labels})
    binarizer = MultiLabelBinarizer(classes=labels)
    true_matrix, predicted_matrix = binarizer.fit_transform(truth), binarizer.transform(predicted)
    _, _, f1, support = precision_recall_fscore_support(true_matrix, predicted_matrix, zero_division=0)
    accuracy = float(np.mean([set(t) == set(p) for t, p in zip(truth, predicted)])) if truth else 0.0
    present = [i for i, count in enumerate(support) if count > 0]  # labels the test set has
    return Scores(len(truth), accuracy, float(np.mean(f1[present])) if present else 0.0,
                  {labels[i]: (float(f1[i]), int(support[i])) for i in range(len(labels))})


class Baseline:
    """TF-IDF word unigrams and bigrams with a linear SVM: the usual first model for short texts."""

    def __init__(self):
        self._vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        self._svm = LinearSVC(class_weight="balanced")

    def fit(self, texts: Sequence[str], label_sets: Sequence[tuple[str, ...]]) -> Baseline:
        rows = [(normalise(text), label) for text, labels in zip(texts, label_sets) for label in labels]
        features = self._vectorizer.fit_transform([text for text, _ in rows])
        self._svm.fit(features, [label for _, label in rows])
        return self

    def predict(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        """One label a comment: the baseline has no notion of a second theme."""
        guesses = self._svm.predict(self._vectorizer.transform([normalise(text) for text in texts]))
        return [(str(label),) for label in guesses]


def random_split(label_sets: Sequence[tuple[str, ...]], seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Row numbers for training and testing: a random fifth held out, in proportion to each comment's first label."""
    first = [labels[0] for labels in label_sets]
    rows = np.arange(len(first))
    return train_test_split(rows, test_size=TEST_SHARE, random_state=seed, stratify=first)


def group_splits(groups: Sequence[str], holdout: str | None = None) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(held-out group, training rows, test rows): each group in turn, or only `holdout`."""
    names = sorted(set(groups)) if holdout is None else [holdout]
    values = np.array(groups)
    return [(name, np.flatnonzero(values != name), np.flatnonzero(values == name)) for name in names]
