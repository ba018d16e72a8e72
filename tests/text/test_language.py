import pytest

from voicecapture.text import LANGUAGES, detect_language


@pytest.mark.parametrize("text, language", [
    ("The social worker kept me updated and I felt safer.", "en"),
    ("سوشل ورکر نے مجھے ہر بات سے باخبر رکھا۔", "ur"),
    ("સોશિયલ વર્કરે મને દરેક વાતની જાણ કરી.", "gu"),
    ("ਸੋਸ਼ਲ ਵਰਕਰ ਨੇ ਮੈਨੂੰ ਹਰ ਗੱਲ ਦੀ ਜਾਣਕਾਰੀ ਦਿੱਤੀ।", "pa"),
    ("Pracownik socjalny informował mnie o wszystkim.", "pl"),
    ("Asistentul social m-a ținut la curent cu totul.", "ro"),
    ("أبقتني الأخصائية الاجتماعية على اطلاع بكل شيء.", "ar"),
    ("Shaqaalaha bulshadu wax walba way ii sheegeen.", "so"),
    ("সোশ্যাল ওয়ার্কার আমাকে সব কিছু জানিয়েছেন।", "bn"),
    ("A assistente social manteve-me informada de tudo.", "pt"),
    ("Nu știu", "ro"),
])
def test_each_language(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "ok", "??", "12", "Nic"])
def test_too_short_or_unclear_is_undetermined(text):
    assert detect_language(text) == "und"


def test_every_project_language_is_a_code():
    assert set(LANGUAGES) == {"en", "ur", "gu", "pa", "pl", "ro", "ar", "so", "bn", "pt"}
