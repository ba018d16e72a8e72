"""Demo data on one board and within one financial year, with comments analysed, as the benchmarks load it."""
from __future__ import annotations

from datetime import date

import pytest

from voicecapture.demo import COMMENTS

from .databases import query, scalar


def last_complete_financial_year() -> int:
    today = date.today()
    return (today.year if today.month >= 4 else today.year - 1) - 1


def test_one_board_one_financial_year_comments_analysed(run, tmp_path):
    year = last_complete_financial_year()
    label = f"{year}-{(year + 1) % 100:02d}"
    result = run("demo-data", "--responses", "300", "--board", "northvale-sab", "--year", label, "--no-staff")
    assert result.exit_code == 0 and "300 synthetic responses" in result.output
    url = run.database_url
    assert query(url, "select distinct b.slug from response r join board b on b.id = r.board_id") == \
        [("northvale-sab",)]
    submitted = [str(at) for (at,) in query(url, "select submitted_at from response")]
    assert f"{year}-04-01" <= min(submitted) and max(submitted) < f"{year + 1}-04-01"
    quarters = {(int(at[:4]), (int(at[5:7]) - 1) // 3) for at in submitted}
    assert len(quarters) == 4
    texts = scalar(url, "select count(*) from answer where code = 'TEXT'")
    assert texts > 50
    assert f"{texts} comments analysed" in result.output
    assert scalar(url, "select count(*) from comment") == texts


def test_comments_are_in_the_language_of_the_response(run, tmp_path):
    run("demo-data", "--responses", "400", "--no-staff")
    rows = query(run.database_url, "select r.language, a.text from answer a join response r on r.id = a.response_id "
                                   "where a.code = 'TEXT'")
    assert {language for language, _text in rows} >= {"en", "ur", "gu", "pl"}
    for language, text in rows:
        pool = COMMENTS[language.split("-")[0]]
        assert any(text in texts for texts in pool.values()), (language, text)


@pytest.mark.parametrize("args, message", [
    (["--board", "nowhere"], "no demo board 'nowhere'; demo boards: northvale-sab, northvale-scp, eastmere-sab"),
    (["--year", "2025-27"], "'2025-27' is not a financial year: write it like 2025-26"),
    (["--year", "2098-99"], "the financial year 2098-99 has not begun yet"),
])
def test_demo_data_rejects_bad_options(run, args, message):
    result = run("demo-data", "--responses", "5", *args)
    assert result.exit_code == 2 and message in result.output, result.output


def test_every_enabled_language_has_demo_comments_of_every_kind():
    from voicecapture.config import DEFAULT_LANGUAGES
    from voicecapture.demo import COMMENT_KINDS
    for language in {code.split("-")[0] for code in DEFAULT_LANGUAGES.split(",")}:
        kinds = COMMENTS.get(language, {})
        assert set(COMMENT_KINDS.values()) <= {kind for kind, texts in kinds.items() if texts}, language
