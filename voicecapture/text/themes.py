"""Tagging comments with themes: a classifier that a Polish or Urdu comment reaches through its meaning.

Two logistic regressions are blended. One reads multilingual sentence embeddings (embeddings.py), so it
works across languages; the other reads TF-IDF word and character n-grams, which capture the exact wording
of the language it was trained on. The TF-IDF model's say in the blend shrinks with the share of a comment's
words it has seen in training, so a comment in a language it never saw is judged by meaning alone.

Saved models are a folder holding model.json (labels, settings, vocabularies) and arrays.npz (weights),
read back without pickle, so opening a model file cannot run code.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

from .embeddings import embed

FORMAT = 1
MAX_THEMES = 3
# Regularisation is fixed; only the n-gram model's weight in the blend is tuned, on held-aside training
# comments, since settings tuned harder fit one organisation's phrasing and do worse on another's.
DEFAULT_SETTINGS = {"embedding_c": 10.0, "ngram_c": 10.0, "ngram_weight": 0.35}
_GRID_WEIGHT = (0.2, 0.35, 0.5, 0.65, 0.8)
_TUNE_MIN_ROWS, _TUNE_MIN_PER_LABEL = 200, 5
# A second or third theme must score at least this share of the first, and every theme at least MIN_SCORE.
SECOND_THEME_SHARE, MIN_SCORE = 0.5, 0.15

_WORD_SETTINGS = {"analyzer": "word", "ngram_range": (1, 2), "sublinear_tf": True}
_CHAR_SETTINGS = {"analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True, "max_features": 100_000}
_UNIGRAM = re.compile(r"(?u)\b\w\w+\b")
# One export of the NHS data turned many lower-case i's into capitals ("InformatIon"); text never has them.
_STRAY_CAPITAL_I = re.compile(r"(?<=[a-z])I")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACES.sub(" ", _STRAY_CAPITAL_I.sub("i", text)).strip()


@dataclass(frozen=True)
class _Linear:
    """A fitted multinomial logistic regression kept as plain arrays."""
    coef: np.ndarray  # (labels, features)
    intercept: np.ndarray  # (labels,)

    def probabilities(self, features) -> np.ndarray:
        scores = np.asarray(features @ self.coef.T) + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


def _fit_linear(features, targets: np.ndarray, weights: np.ndarray, c: float, n_labels: int) -> _Linear:
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
    model.fit(features, targets, sample_weight=weights)
    coef = np.zeros((n_labels, features.shape[1]), dtype=np.float64)
    intercept = np.full(n_labels, -1e4)  # a label missing from this training set is never predicted
    if len(model.classes_) == 2:  # scikit-learn keeps one row for two classes; softmax needs both
        coef[model.classes_[1]], intercept[model.classes_[1]] = model.coef_[0], model.intercept_[0]
        intercept[model.classes_[0]] = 0.0
    else:
        coef[model.classes_], intercept[model.classes_] = model.coef_, model.intercept_
    return _Linear(coef.astype(np.float32), intercept.astype(np.float32))


def _vectorizers(n_rows: int) -> tuple[TfidfVectorizer, TfidfVectorizer]:
    min_df = 2 if n_rows >= 1000 else 1  # on small sets every word counts
    return TfidfVectorizer(min_df=min_df, **_WORD_SETTINGS), TfidfVectorizer(min_df=min_df, **_CHAR_SETTINGS)


def _expanded(label_sets: Sequence[Sequence[str]], labels: tuple[str, ...]) -> tuple[np.ndarray, ...]:
    """A comment with k themes becomes k training rows, each weighted 1/k: (row index, label index, weight)."""
    index = {label: i for i, label in enumerate(labels)}
    rows, targets, weights = [], [], []
    for row, label_set in enumerate(label_sets):
        for label in label_set:
            rows.append(row)
            targets.append(index[label])
            weights.append(1.0 / len(label_set))
    return np.array(rows), np.array(targets), np.array(weights)


class ThemeModel:
    """Predicts up to `max_themes` labels per comment. Build with ThemeModel.fit or ThemeModel.load."""

    def __init__(self, labels: tuple[str, ...], max_themes: int, settings: dict, embedding: _Linear,
                 ngrams: _Linear, words: TfidfVectorizer, chars: TfidfVectorizer):
        self.labels, self.max_themes, self.settings = labels, max_themes, settings
        self._embedding, self._ngrams, self._words, self._chars = embedding, ngrams, words, chars

    @classmethod
    def fit(cls, texts: Sequence[str], label_sets: Sequence[Iterable[str]], *, max_themes: int | None = None,
            tune: bool = True, seed: int = 0, settings: dict | None = None) -> ThemeModel:
        """Train on comments and their labels (one or more per comment). With `tune`, and enough comments, the
        settings are chosen on a random fifth of them held aside; max_themes defaults to 1 when every comment
        has exactly one label, else MAX_THEMES."""
        label_sets = [tuple(dict.fromkeys(labels)) for labels in label_sets]
        if len(texts) != len(label_sets):
            raise ValueError(f"{len(texts)} texts but {len(label_sets)} label sets")
        keep = [i for i, (text, labels) in enumerate(zip(texts, label_sets)) if normalise(text) and labels]
        texts = [normalise(texts[i]) for i in keep]
        label_sets = [label_sets[i] for i in keep]
        labels = tuple(sorted({label for labels in label_sets for label in labels}))
        if len(labels) < 2:
            raise ValueError("training needs comments with at least two different labels")
        if max_themes is None:
            max_themes = 1 if all(len(labels) == 1 for labels in label_sets) else MAX_THEMES
        vectors = embed(texts)
        settings = dict(settings or DEFAULT_SETTINGS)
        if tune:
            settings = _tuned(texts, label_sets, labels, vectors, settings, seed) or settings
        return cls._fitted(texts, label_sets, labels, vectors, settings, max_themes)

    @classmethod
    def _fitted(cls, texts, label_sets, labels, vectors, settings, max_themes) -> ThemeModel:
        rows, targets, weights = _expanded(label_sets, labels)
        words, chars = _vectorizers(len(texts))
        ngram_features = hstack([words.fit_transform(texts), chars.fit_transform(texts)]).tocsr()
        embedding = _fit_linear(vectors[rows], targets, weights, settings["embedding_c"], len(labels))
        ngrams = _fit_linear(ngram_features[rows], targets, weights, settings["ngram_c"], len(labels))
        return cls(labels, max_themes, settings, embedding, ngrams, words, chars)

    def _ngram_features(self, texts: list[str]):
        return hstack([self._words.transform(texts), self._chars.transform(texts)]).tocsr()

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """(comments, labels) scores that sum to 1 for each comment (0 for an empty comment)."""
        texts = [normalise(text) for text in texts]
        if not texts:
            return np.zeros((0, len(self.labels)))
        by_meaning = self._embedding.probabilities(embed(texts))
        by_wording = self._ngrams.probabilities(self._ngram_features(texts))
        weight = (self.settings["ngram_weight"] * _coverage(self._words.vocabulary_, texts))[:, None]
        blended = (1 - weight) * by_meaning + weight * by_wording
        blended[[not text for text in texts]] = 0.0
        return blended

    def predict(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        """The labels of each comment, most likely first; none for an empty or unclear comment."""
        return [self.chosen(row) for row in self.probabilities(texts)]

    def chosen(self, scores: np.ndarray) -> tuple[str, ...]:
        """The labels that one row of probabilities() gives."""
        order = np.argsort(-scores)
        top = scores[order[0]]
        if top == 0:
            return ()
        if self.max_themes == 1:
            return (self.labels[order[0]],)
        floor = max(MIN_SCORE, SECOND_THEME_SHARE * top)
        return tuple(self.labels[i] for i in order[:self.max_themes] if scores[i] >= floor)

    def save(self, path: Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        meta = {
            "format": FORMAT, "labels": list(self.labels), "max_themes": self.max_themes, "settings": self.settings,
            "words": {"vocabulary": _plain(self._words.vocabulary_), "min_df": self._words.min_df},
            "chars": {"vocabulary": _plain(self._chars.vocabulary_), "min_df": self._chars.min_df},
        }
        (path / "model.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        np.savez_compressed(path / "arrays.npz", embedding_coef=self._embedding.coef,
                            embedding_intercept=self._embedding.intercept, ngram_coef=self._ngrams.coef,
                            ngram_intercept=self._ngrams.intercept, words_idf=self._words.idf_,
                            chars_idf=self._chars.idf_)

    @classmethod
    def load(cls, path: Path) -> ThemeModel:
        path = Path(path)
        if not (path / "model.json").is_file() or not (path / "arrays.npz").is_file():
            raise FileNotFoundError(f"{path}: no theme model here (expected model.json and arrays.npz); "
                                    "train one with 'voicecapture themes train'")
        meta = json.loads((path / "model.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"{path}: theme model format {meta.get('format')!r} is not {FORMAT}; train it again")
        with np.load(path / "arrays.npz", allow_pickle=False) as arrays:
            words = _restored(_WORD_SETTINGS, meta["words"], arrays["words_idf"])
            chars = _restored(_CHAR_SETTINGS, meta["chars"], arrays["chars_idf"])
            embedding = _Linear(arrays["embedding_coef"], arrays["embedding_intercept"])
            ngrams = _Linear(arrays["ngram_coef"], arrays["ngram_intercept"])
        return cls(tuple(meta["labels"]), meta["max_themes"], meta["settings"], embedding, ngrams, words, chars)


def _coverage(vocabulary: dict, texts: list[str]) -> np.ndarray:
    """Share of each comment's words that the n-gram model saw in training."""
    shares = []
    for text in texts:
        words = _UNIGRAM.findall(text.lower())
        shares.append(sum(word in vocabulary for word in words) / len(words) if words else 0.0)
    return np.array(shares)


def _plain(vocabulary: dict) -> dict[str, int]:
    return {term: int(index) for term, index in vocabulary.items()}


def _restored(settings: dict, saved: dict, idf: np.ndarray) -> TfidfVectorizer:
    vectorizer = TfidfVectorizer(min_df=saved["min_df"], vocabulary=saved["vocabulary"], **settings)
    vectorizer.idf_ = idf
    return vectorizer


def _tuned(texts, label_sets, labels, vectors, settings, seed) -> dict | None:
    """The settings with the n-gram weight that gave the best macro-F1 on a held-aside fifth of the
    training comments, or None if there are too few to hold any aside."""
    first = [label_set[0] for label_set in label_sets]
    if len(texts) < _TUNE_MIN_ROWS or min(first.count(label) for label in labels) < _TUNE_MIN_PER_LABEL:
        return None
    train, held = train_test_split(np.arange(len(texts)), test_size=0.2, random_state=seed, stratify=first)
    model = ThemeModel._fitted([texts[i] for i in train], [label_sets[i] for i in train], labels, vectors[train],
                               settings, 1)
    held_texts = [texts[i] for i in held]
    by_meaning = model._embedding.probabilities(vectors[held])
    by_wording = model._ngrams.probabilities(model._ngram_features(held_texts))
    coverage = _coverage(model._words.vocabulary_, held_texts)[:, None]
    truth = [first[i] for i in held]

    def score(weight: float) -> float:
        blended = (1 - weight * coverage) * by_meaning + weight * coverage * by_wording
        guesses = [labels[i] for i in blended.argmax(axis=1)]
        return f1_score(truth, guesses, average="macro", labels=list(labels), zero_division=0)

    return dict(settings, ngram_weight=max(_GRID_WEIGHT, key=score))



# Example files have a few comments a label, in ten languages: fit them closely, and let the n-gram model,
# which sees only a handful of comments in each language, have a small say until analysts' corrections add more.
EXAMPLE_SET_SETTINGS = {"embedding_c": 100.0, "ngram_c": 100.0, "ngram_weight": 0.2}
