from io import BytesIO

from voicecapture.config import PROJECT_ROOT
from voicecapture.surveys.extract import extract_surveys


def messages(path):
    with open(path, "rb") as handle:
        return {(message, comments[0]) for _, _, message, comments in extract_surveys(handle, [], [], {})}


def test_every_variant_and_option_is_extracted_but_not_easy_read():
    found = messages(PROJECT_ROOT / "surveys" / "msp-adult.yaml")
    texts = {message for message, _ in found}
    assert "Were you asked what you wanted to happen as a result of the enquiry?" in texts
    assert "Was the person asked what they wanted to happen as a result of the enquiry?" in texts
    assert "Yes, they were asked and said what they wanted to happen" in texts
    assert "Did we ask you what you wanted to happen?" not in texts, "easy-read wording is not a message"
    assert ("Did you contribute?", "survey msp-adult, question contributed: question (self)") in found


def test_other_yaml_is_ignored():
    assert list(extract_surveys(BytesIO(b"kind: themes\nthemes: []\n"), [], [], {})) == []
