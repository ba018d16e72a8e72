"""Free-text comments understood offline: language, de-identification, sentiment and themes.

Plain functions on strings: no database, no Flask. The worker builds the tagger once per process, and again
when the taxonomy or the analysts' corrections change (Taxonomy.fingerprint tells the first):

    model = taxonomy_model(load_taxonomy(surveys_dir / "themes.yaml"), extra_examples=corrections)

and then calls analyse(batch, model) for each batch of comments.
"""
from .analysis import Analysis, CommentModel, analyse, taxonomy_model
from .deidentify import deidentify
from .language import LANGUAGES, detect_language
from .sentiment import sentiment, sentiment_model, sentiments
from .taxonomy import ExampleFileError, Taxonomy, Theme, load_taxonomy
from .themes import ThemeModel

__all__ = [
    "Analysis", "CommentModel", "analyse", "taxonomy_model", "deidentify", "LANGUAGES", "detect_language",
    "sentiment", "sentiment_model", "sentiments", "ExampleFileError", "Taxonomy", "Theme", "load_taxonomy",
    "ThemeModel",
]
