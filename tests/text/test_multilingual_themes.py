"""A comment gets the themes of its meaning, whatever its language. None of these comments is an example in
surveys/themes.yaml: the Urdu and Polish are translations of the English."""
import pytest

from voicecapture.text import analyse

COMMENTS = [
    ("timeliness_and_continuity", "Nobody ever rang me back, I waited nearly two months.",
     "کسی نے کبھی واپس فون نہیں کیا، میں نے تقریباً دو مہینے انتظار کیا۔",
     "Nikt nigdy do mnie nie oddzwonił, czekałam prawie dwa miesiące."),
    ("listened_to", "She actually listened to what I had to say.",
     "اس نے واقعی میری بات سنی۔",
     "Naprawdę wysłuchała tego, co miałam do powiedzenia."),
    ("feeling_safe", "I still feel scared when I go out.",
     "جب میں باہر جاتی ہوں تو اب بھی ڈر لگتا ہے۔",
     "Nadal się boję, kiedy wychodzę z domu."),
    ("kept_informed", "They never told me what happened after I reported it.",
     "رپورٹ کرنے کے بعد انہوں نے مجھے کبھی نہیں بتایا کہ کیا ہوا۔",
     "Nigdy mi nie powiedzieli, co się stało po moim zgłoszeniu."),
    ("other_services", "The housing officer ignored us and we are still in the same flat.",
     "ہاؤسنگ آفیسر نے ہمیں نظر انداز کیا اور ہم اب بھی اسی فلیٹ میں ہیں۔",
     "Urzędnik od mieszkań nas zignorował i nadal mieszkamy w tym samym mieszkaniu."),
    ("praise_nothing_to_improve", "Everything was great, no complaints at all.",
     "سب کچھ بہت اچھا تھا، کوئی شکایت نہیں۔",
     "Wszystko było świetnie, żadnych zastrzeżeń."),
    ("involved_in_decisions", "I was not asked what I wanted before they decided.",
     "فیصلہ کرنے سے پہلے مجھ سے نہیں پوچھا گیا کہ میں کیا چاہتی ہوں۔",
     "Nie zapytano mnie, czego chcę, zanim zdecydowali."),
    ("respect_and_attitude", "The worker was very rude and talked down to me.",
     "ورکر بہت بدتمیز تھی اور مجھ سے حقارت سے بات کی۔",
     "Pracownica była bardzo niemiła i traktowała mnie z góry."),
    ("advocacy_and_support", "My advocate helped me say what I wanted.",
     "میرے ایڈووکیٹ نے مجھے اپنی بات کہنے میں مدد کی۔",
     "Mój rzecznik pomógł mi powiedzieć, czego chcę."),
    ("meetings", "The case conference had too many people in the room.",
     "کیس کانفرنس میں کمرے میں بہت زیادہ لوگ تھے۔",
     "Na konferencji było za dużo osób w pokoju."),
    ("outcomes", "Things are much better now, the abuse has stopped.",
     "اب حالات بہت بہتر ہیں، زیادتی رک گئی ہے۔",
     "Teraz jest dużo lepiej, przemoc ustała."),
]


def test_no_test_comment_is_an_example(taxonomy):
    examples = {text for text, _ in taxonomy.examples()}
    assert not examples & {text for _, *texts in COMMENTS for text in texts}


@pytest.mark.parametrize("theme, english, urdu, polish", COMMENTS, ids=[c[0] for c in COMMENTS])
def test_translations_get_the_same_top_theme(theme_model, theme, english, urdu, polish):
    predicted = theme_model.predict([english, urdu, polish])
    assert [themes[0] for themes in predicted] == [theme, theme, theme]


def test_at_most_three_themes_and_none_for_an_empty_comment(theme_model):
    predicted = theme_model.predict(["There was no interpreter at the meeting and nobody explained anything.", ""])
    assert 1 <= len(predicted[0]) <= 3
    assert predicted[1] == ()


def test_analyse_gives_language_redacted_text_themes_sentiment_and_scores(comment_model):
    english, urdu, polish = analyse(["My worker Łukasz never rang me back, call me on 07700 900123.",
                                     "میرا بیٹا احمد اب محفوظ ہے، شکریہ۔",
                                     "Mój syn Piotr jest teraz bezpieczny, dziękuję."], comment_model)
    assert english.language == "en"  # the name is removed before the language is detected
    assert english.redacted_text == "My worker [name] never rang me back, call me on [phone]."
    assert english.themes[0] == "timeliness_and_continuity" and english.sentiment == "negative"
    assert (urdu.language, urdu.redacted_text) == ("ur", "میرا بیٹا [name] اب محفوظ ہے، شکریہ۔")
    assert (polish.language, polish.redacted_text) == ("pl", "Mój syn [name] jest teraz bezpieczny, dziękuję.")
    assert urdu.themes[0] == polish.themes[0] == "feeling_safe"
    assert urdu.sentiment == polish.sentiment == "positive"
    assert set(english.scores) == set(comment_model.themes.labels)
    assert english.scores[english.themes[0]] == max(english.scores.values())
    assert abs(sum(english.scores.values()) - 1) < 0.01


def test_analysts_corrections_teach_the_model(taxonomy):
    from voicecapture.text import taxonomy_model
    comment = "The food parcels from the council were really welcome."
    corrected = taxonomy_model(taxonomy, extra_examples=[(comment, ["other_services"]),
                                                         ("Food bank vouchers helped us a lot.", ["other_services"]),
                                                         ("x", ["a_theme_since_removed"])])
    assert corrected.themes.predict([comment])[0][0] == "other_services"
