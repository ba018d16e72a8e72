"""The tagger is built once per test session: embedding the taxonomy's examples takes several seconds."""
from __future__ import annotations

from pathlib import Path

import pytest

from voicecapture.text import load_taxonomy, taxonomy_model

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"


@pytest.fixture(scope="session")
def taxonomy():
    return load_taxonomy(SURVEYS / "themes.yaml")


@pytest.fixture(scope="session")
def comment_model(taxonomy):
    return taxonomy_model(taxonomy)


@pytest.fixture(scope="session")
def theme_model(comment_model):
    return comment_model.themes


@pytest.fixture(scope="session")
def mood_model(comment_model):
    return comment_model.sentiment
