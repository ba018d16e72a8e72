"""Whether a comment is positive, neutral or negative, in any of the project's languages.

The same kind of model as the themes (themes.ThemeModel), trained on the sentiment examples in
surveys/themes.yaml: through multilingual embeddings, an Urdu or Polish comment is judged by its meaning.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .themes import EXAMPLE_SET_SETTINGS, ThemeModel

POSITIVE, NEUTRAL, NEGATIVE = "positive", "neutral", "negative"
# When neither side is clearly ahead, the comment is taken as neutral (mixed, or a plain statement).
MIN_LEAD = 0.2


def sentiment_model(examples: Sequence[tuple[str, str]]) -> ThemeModel:
    """A model from (example comment, sentiment) pairs, as in Taxonomy.sentiment_examples."""
    return ThemeModel.fit([text for text, _ in examples], [(label,) for _, label in examples], max_themes=1,
                          tune=False, settings=EXAMPLE_SET_SETTINGS)


def sentiments(texts: Sequence[str], model: ThemeModel) -> list[str]:
    scores = model.probabilities(texts)
    column = {label: i for i, label in enumerate(model.labels)}
    lead = scores[:, column[POSITIVE]] - scores[:, column[NEGATIVE]]
    best = [model.labels[i] for i in scores.argmax(axis=1)]
    return [label if abs(d) >= MIN_LEAD else NEUTRAL for label, d in zip(best, np.asarray(lead))]


def sentiment(text: str, model: ThemeModel) -> str:
    """"positive", "neutral" or "negative", from a model made by sentiment_model."""
    return sentiments([text], model)[0]
