import pytest

from voicecapture.text import sentiment, sentiments


@pytest.mark.parametrize("text, expected", [
    ("The staff were wonderful and I felt listened to.", "positive"),
    ("Nobody called me back for three weeks.", "negative"),
    ("I met the social worker twice.", "neutral"),
    ("Personel był bardzo pomocny.", "positive"),
    ("Nikt do mnie nie oddzwonił przez trzy tygodnie.", "negative"),
    ("عملہ بہت اچھا تھا اور میری بات سنی گئی۔", "positive"),
    ("تین ہفتے تک کسی نے واپس فون نہیں کیا۔", "negative"),
    ("Obrigada por tudo, foram excelentes.", "positive"),
    ("Nimeni nu m-a sunat înapoi.", "negative"),
    ("She was so rude to me", "negative"),
])
def test_sentiment_in_several_languages(mood_model, text, expected):
    assert sentiment(text, mood_model) == expected


def test_an_empty_comment_is_neutral(mood_model):
    assert sentiments(["", "   "], mood_model) == ["neutral", "neutral"]
