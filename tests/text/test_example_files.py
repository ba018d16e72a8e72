"""The theme taxonomy file: the project's own loads, and a bad file gets a message naming file, theme (or
sentiment) and field."""
from pathlib import Path

import pytest
import yaml

from voicecapture.surveys.catalogue import load_catalogue
from voicecapture.text import LANGUAGES, ExampleFileError, load_taxonomy

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"


def theme(key: str) -> dict:
    return {"key": key, "label": key.title(), "description": f"About {key}.", "examples": examples(key)}


def examples(name: str, english: int = 6, other: int = 3) -> dict:
    return {language: [f"{name} {language} example {i}" for i in range(english if language == "en" else other)]
            for language in LANGUAGES}


def taxonomy_document(*themes, **sentiment) -> dict:
    moods = {name: examples(name) for name in ("positive", "neutral", "negative")}
    moods.update(sentiment)
    return {"kind": "themes", "themes": list(themes), "sentiment": {k: v for k, v in moods.items() if v is not None}}


def write(tmp_path, document, name="themes.yaml") -> Path:
    folder = tmp_path / "surveys"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(document if isinstance(document, str) else yaml.safe_dump(document, allow_unicode=True),
                    encoding="utf-8")
    return path


def problems(path) -> list[str]:
    with pytest.raises(ExampleFileError) as caught:
        load_taxonomy(path)
    return caught.value.problems


def test_the_projects_files_load_and_meet_the_minimums():
    taxonomy = load_taxonomy(SURVEYS / "themes.yaml")
    assert len(taxonomy.themes) == 12
    for entry in taxonomy.themes:
        assert len(entry.examples["en"]) >= 6
        assert all(len(entry.examples[language]) >= 3 for language in LANGUAGES)
    assert {label for _, label in taxonomy.sentiment_examples} == {"positive", "neutral", "negative"}


def test_the_survey_catalogue_skips_the_example_files():
    surveys = load_catalogue(SURVEYS)
    assert "themes" not in [survey.id for survey in surveys]


def test_a_good_small_file_loads(tmp_path):
    taxonomy = load_taxonomy(write(tmp_path, taxonomy_document(theme("a"), theme("b"))))
    assert taxonomy.keys == ("a", "b")
    assert len(taxonomy.examples()) == 2 * (6 + 9 * 3) and len(taxonomy.sentiment_examples) == 3 * (6 + 9 * 3)


def test_the_fingerprint_follows_the_content_not_the_layout(tmp_path):
    path = write(tmp_path, taxonomy_document(theme("a"), theme("b")))
    before = load_taxonomy(path).fingerprint
    path.write_text("# a comment\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_taxonomy(path).fingerprint == before
    changed = theme("b")
    changed["label"] = "Something else"
    assert load_taxonomy(write(tmp_path, taxonomy_document(theme("a"), changed))).fingerprint != before


def test_missing_file(tmp_path):
    assert problems(tmp_path / "surveys" / "themes.yaml") == ["surveys/themes.yaml: no such file"]


def test_not_yaml(tmp_path):
    found = problems(write(tmp_path, "kind: themes\nthemes: [\n"))
    assert found[0].startswith("surveys/themes.yaml: is not valid YAML at line 3, column 1")


def test_a_key_given_twice(tmp_path):
    found = problems(write(tmp_path, "kind: themes\nkind: themes\nthemes: []\n"))
    assert found == ["surveys/themes.yaml: is not valid YAML at line 2, column 1: "
                     "the key 'kind' appears twice in the same mapping"]


def test_not_utf8(tmp_path):
    path = write(tmp_path, "")
    path.write_bytes("kind: themes # caf\xe9".encode("latin-1"))
    assert problems(path) == ["surveys/themes.yaml: is not UTF-8 text; save it as UTF-8"]


def test_wrong_kind(tmp_path):
    assert problems(write(tmp_path, dict(taxonomy_document(theme("a")), kind="survey"))) == [
        "surveys/themes.yaml, field 'kind': must be 'themes' (found 'survey')"]


@pytest.mark.parametrize("change, expected", [
    (lambda t: t["examples"].pop("ur"),
     "surveys/themes.yaml, theme 'a', field 'examples.ur': is missing; give at least 3 example comments in "
     "this language"),
    (lambda t: t["examples"].update(en=t["examples"]["en"][:2]),
     "surveys/themes.yaml, theme 'a', field 'examples.en': needs at least 6 different examples; it has 2"),
    (lambda t: t["examples"].update(fr=["Bonjour"]),
     "surveys/themes.yaml, theme 'a', field 'examples': unknown language 'fr'; the languages are "
     "en, ur, gu, pa, pl, ro, ar, so, bn, pt"),
    (lambda t: t["examples"]["pl"].append(""),
     "surveys/themes.yaml, theme 'a', field 'examples.pl': example 4 is empty or not text"),
    (lambda t: t["examples"].update(so="Waan ku faraxsanahay"),
     "surveys/themes.yaml, theme 'a', field 'examples.so': must be a list of example comments, one per line "
     "starting with '- '"),
    (lambda t: t.update(key="Kept Informed"),
     "surveys/themes.yaml, theme 'Kept Informed', field 'key': must be lower-case letters, digits and _ "
     "(like 'kept_informed')"),
    (lambda t: t.pop("label"),
     "surveys/themes.yaml, theme 'a', field 'label': is missing or empty; give a short text"),
    (lambda t: t.update(exemples=[]),
     "surveys/themes.yaml, theme 'a': unknown field 'exemples'; a theme has key, label, description, examples"),
])
def test_a_bad_theme_is_named_with_its_field(tmp_path, change, expected):
    bad = theme("a")
    change(bad)
    assert problems(write(tmp_path, taxonomy_document(bad, theme("b")))) == [expected]


def test_every_problem_is_reported_at_once(tmp_path):
    b, c = theme("b"), theme("c")
    c["examples"]["en"][0] = "Nothing, all good."
    b["examples"]["en"][0] = "nothing, all good."
    assert problems(write(tmp_path, taxonomy_document(theme("a"), theme("a"), b, c))) == [
        "surveys/themes.yaml, theme 'a', field 'key': is used by more than one theme; keys must be unique",
        "surveys/themes.yaml, theme 'c', field 'examples.en': 'Nothing, all good.' is also an example of theme 'b'; "
        "an example belongs to one theme only",
    ]


def test_bad_sentiment_examples(tmp_path):
    short = examples("positive")
    short["ur"] = short["ur"][:1]
    document = taxonomy_document(theme("a"), theme("b"), positive=short, neutral=None)
    assert problems(write(tmp_path, document)) == [
        "surveys/themes.yaml, sentiment 'positive', field 'ur': needs at least 3 different examples; it has 1",
        "surveys/themes.yaml, sentiment 'neutral': is missing; give examples in every language",
    ]
