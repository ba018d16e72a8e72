"""The worker's entry points: build the tagger from the taxonomy, then analyse comments in batches."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .deidentify import PLACEHOLDER, deidentify
from .language import detect_language
from .sentiment import sentiment_model, sentiments
from .taxonomy import Taxonomy
from .themes import EXAMPLE_SET_SETTINGS, MAX_THEMES, ThemeModel


@dataclass(frozen=True)
class CommentModel:
    """The default tagger: themes and sentiment, both learnt from the taxonomy file."""
    themes: ThemeModel
    sentiment: ThemeModel


@dataclass(frozen=True)
class Analysis:
    language: str  # a code from language.LANGUAGES, or "und"
    redacted_text: str  # the only form of the comment that may leave the database
    themes: tuple[str, ...]  # theme keys, most likely first; at most three
    sentiment: str  # "positive", "neutral" or "negative"
    scores: Mapping[str, float]  # every theme key -> the model's score, 0 to 1 (summing to 1 over themes)


def taxonomy_model(taxonomy: Taxonomy, extra_examples: Iterable[tuple[str, Iterable[str]]] = ()) -> CommentModel:
    """The tagger from the taxonomy's examples plus comments an analyst re-themed, as (text, theme keys).
    Theme keys no longer in the taxonomy are ignored; a correction left with no theme teaches nothing."""
    known = set(taxonomy.keys)
    texts, label_sets = [], []
    for text, key in taxonomy.examples():
        texts.append(text)
        label_sets.append((key,))
    for text, keys in extra_examples:
        keys = tuple(key for key in keys if key in known)
        if keys and text:
            texts.append(text)
            label_sets.append(keys)
    themes = ThemeModel.fit(texts, label_sets, max_themes=MAX_THEMES, tune=False, settings=EXAMPLE_SET_SETTINGS)
    return CommentModel(themes, sentiment_model(taxonomy.sentiment_examples))


def analyse(texts: Sequence[str], model: CommentModel) -> list[Analysis]:
    """Analyses in the order of `texts`. Themes and sentiment are read from the comment as written; the
    language from the redacted text, so that a name such as "Łukasz" does not make an English comment Polish."""
    redacted = [deidentify(text) for text in texts]
    languages = [detect_language(PLACEHOLDER.sub(" ", text)) for text in redacted]
    scores = model.themes.probabilities(texts)
    themes = [model.themes.chosen(row) for row in scores]
    moods = sentiments(texts, model.sentiment)
    labels = model.themes.labels
    return [Analysis(language, text, chosen, mood, {label: round(float(s), 4) for label, s in zip(labels, row)})
            for language, text, chosen, mood, row in zip(languages, redacted, themes, moods, scores)]
