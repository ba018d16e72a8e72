"""The voicecapture command, run as a user would, against its own database."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from voicecapture.cli import main

from .databases import query, scalar



def test_demo_data_spreads_over_boards_quarters_and_languages(run, tmp_path):
    result = run("demo-data", "--responses", "400")
    assert result.exit_code == 0 and "400 synthetic responses" in result.output
    url = run.database_url
    # and the three synthetic disclosures that give the demo lead an alerts queue
    assert scalar(url, "select count(*) from response") == 403
    assert scalar(url, "select count(*) from alert") == 3
    assert scalar(url, "select count(distinct board_id) from response") == 3
    assert scalar(url, "select count(distinct language) from response") == 11  # every enabled one
    assert scalar(url, "select count(distinct survey_id) from response") == 4
    quarters = {(int(str(at)[:4]), (int(str(at)[5:7]) - 1) // 3)
                for (at,) in query(url, "select submitted_at from response")}
    assert len(quarters) >= 5
    assert scalar(url, "select count(*) from answer") > 400 * 8
    again = run("demo-data", "--responses", "10", "--if-empty")
    assert "already has 403 responses" in again.output


def test_invite_create_prints_a_link(run):
    run("demo-data", "--responses", "0")
    result = run("invite", "create", "--survey", "msp-adult", "--board", "northvale-sab", "--uses", "3",
                 "--work-kind", "s42_enquiry", "--risk-type", "neglect", "--risk-location", "care_home",
                 "--language", "ur")
    assert result.exit_code == 0
    assert re.fullmatch(r"http://127\.0\.0\.1:8000/i/[A-Za-z0-9_-]{43}\n", result.output)


@pytest.mark.parametrize("args, message", [
    (["--survey", "nope", "--board", "northvale-sab"], "no published survey 'nope'; choose one of: child-review"),
    (["--survey", "msp-adult", "--board", "nowhere"], "no board 'nowhere'; boards: eastmere-sab"),
    (["--survey", "msp-adult"], "say which board with --board SLUG"),
    (["--survey", "msp-adult", "--board", "northvale-sab", "--uses", "0"], "0 is not in the range x>=1"),
    (["--survey", "msp-adult", "--board", "northvale-sab", "--language", "fr"], "'fr' is not enabled"),
    (["--survey", "msp-adult", "--board", "northvale-sab", "--work-kind", "visit"], "'visit' is not one of"),
])
def test_invite_create_rejects_bad_input(run, args, message):
    run("demo-data", "--responses", "0")
    result = run("invite", "create", *args)
    assert result.exit_code == 2 and message in result.output, result.output


def test_boards_list(run):
    run("demo-data", "--responses", "0")
    assert run("boards", "list").output.splitlines()[0] == "eastmere-sab\tEastmere Safeguarding Adults Board"


def test_demo_data_makes_one_staff_account_per_role(run, tmp_path):
    result = run("demo-data", "--responses", "0")
    password = re.search(r"share the password: (\S+)", result.output).group(1)
    assert len(password.split("-")) == 4
    roles = {role for (role,) in query(run.database_url, "select role from rolegrant")}
    assert roles == {"administrator", "board_officer", "board_member", "safeguarding_lead", "practitioner", "advocate"}
    assert "already exist" in run("demo-data", "--responses", "0").output


def test_demo_data_is_refused_in_production(run, monkeypatch):
    monkeypatch.setenv("VOICECAPTURE_ENV", "production")
    monkeypatch.setenv("CONTACT_KEY", "ZmRzZmRzZmRzZmRzZmRzZmRzZmRzZmRzZmRzZmRzZmQ=")
    result = CliRunner().invoke(main, ["demo-data", "--responses", "5"])
    assert result.exit_code == 1 and "never loaded in production" in result.output


def test_report_build_writes_every_file_and_explains_bad_input(run, tmp_path):
    run("demo-data", "--responses", "150", "--no-staff")
    out = tmp_path / "out"
    result = run("report", "build", "--board", "northvale-sab", "--quarter", "2026-27Q2", "--out", str(out))
    assert result.exit_code == 0, result.output
    files = sorted(path.name for path in out.iterdir())
    assert files == [f"northvale-sab-2026-27Q2-engagement-report.{kind}" for kind in ("csv", "html", "pdf", "xlsx")]
    assert (out / files[2]).read_bytes().startswith(b"%PDF-")
    bad_quarter = run("report", "build", "--board", "northvale-sab", "--quarter", "2026-27Q5", "--out", str(out))
    assert bad_quarter.exit_code != 0 and "write it like 2026-27Q2" in bad_quarter.output
    bad_board = run("report", "build", "--board", "nowhere", "--quarter", "2026-27Q2", "--out", str(out))
    assert bad_board.exit_code != 0 and "no board 'nowhere'" in bad_board.output and "northvale-sab" in bad_board.output
    (tmp_path / "a-file").write_text("x")
    not_a_folder = run("report", "build", "--board", "northvale-sab", "--quarter", "2026-27Q2",
                       "--out", str(tmp_path / "a-file"))
    assert not_a_folder.exit_code != 0 and "a-file" in not_a_folder.output


def test_export_responses_writes_a_row_per_response(run, tmp_path):
    run("demo-data", "--responses", "120", "--no-staff")
    target = tmp_path / "responses.csv"
    assert run("export", "responses", "--board", "northvale-sab", "--out", str(target)).exit_code == 0
    expected = scalar(run.database_url, "select count(*) from response r join board b on b.id = r.board_id "
                                        "where b.slug = 'northvale-sab'")
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("id,reference,survey_id") and len(lines) == expected + 1
    missing = run("export", "responses", "--board", "northvale-sab", "--out", str(tmp_path / "no" / "such" / "x.csv"))
    assert missing.exit_code != 0 and "cannot write" in missing.output
