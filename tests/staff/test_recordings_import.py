"""`voicecapture recordings import`: a folder of recordings into the database, each bad file named with why."""
from __future__ import annotations

from ..databases import query

MP3 = b"ID3\x04\x00\x00" + bytes(range(100))
WAV = b"RIFF\x24\x08\x00\x00WAVEfmt " + bytes(40)


def _write(root, relative: str, content: bytes):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def _stored(run):
    return query(run.database_url, "select b.slug, r.survey_id, r.language, r.question_key, r.content_type, r.size, "
                                   "r.uploaded_by from recording r join board b on b.id = r.board_id "
                                   "order by r.question_key")


def test_good_files_are_stored_and_each_bad_one_is_named_with_its_reason(run, tmp_path):
    run("demo-data", "--responses", "0", "--no-staff")
    root = tmp_path / "recordings"
    _write(root, "northvale-sab/feel-safer/gu/ascs_safety.mp3", MP3)
    _write(root, "northvale-sab/feel-safer/gu/safer_than_before.wav", WAV)
    _write(root, "northvale-sab/feel-safer/gu/.DS_Store", b"a file manager's")
    renamed = _write(root, "northvale-sab/feel-safer/gu/what_would_help.mp3", b"%PDF-1.7 a renamed document")
    unknown = _write(root, "northvale-sab/feel-safer/gu/no_such_question.mp3", MP3)
    misplaced = _write(root, "northvale-sab/ascs_safety.mp3", MP3)

    result = run("recordings", "import", str(root))
    assert result.exit_code == 1
    assert f"{renamed}: “what_would_help.mp3” is not really an MP3 file" in result.output
    assert f"{unknown}: feel-safer has no question “no_such_question”" in result.output
    assert f"{misplaced}: not where a recording goes: put it at <board>/<survey>/<language>/" in result.output
    assert "Stored 2 recording(s)." in result.output and "3 file(s) had a problem" in result.output
    assert ".DS_Store" not in result.output
    assert _stored(run) == [("northvale-sab", "feel-safer", "gu", "ascs_safety", "audio/mpeg", len(MP3), None),
                            ("northvale-sab", "feel-safer", "gu", "safer_than_before", "audio/wav", len(WAV), None)]
    events = query(run.database_url, "select action, ip from auditevent where action like 'recording.%'")
    assert events == [("recording.add", "cli"), ("recording.add", "cli")]


def test_importing_again_replaces_and_board_limits_it_to_one_boards_folder(run, tmp_path):
    run("demo-data", "--responses", "0", "--no-staff")
    root = tmp_path / "recordings"
    _write(root, "northvale-sab/feel-safer/en/ascs_safety.mp3", MP3)
    _write(root, "eastmere-sab/feel-safer/en/ascs_safety.mp3", b"not audio")
    result = run("recordings", "import", str(root), "--board", "northvale-sab")
    assert result.exit_code == 0 and "Stored 1 recording(s)." in result.output, result.output
    _write(root, "northvale-sab/feel-safer/en/ascs_safety.mp3", MP3 + b"longer")
    assert run("recordings", "import", str(root), "--board", "northvale-sab").exit_code == 0
    assert [row[0] + row[3] for row in _stored(run)] == ["northvale-sabascs_safety"]
    assert _stored(run)[0][5] == len(MP3) + 6


def test_only_the_first_of_two_files_for_one_question_is_stored(run, tmp_path):
    run("demo-data", "--responses", "0", "--no-staff")
    root = tmp_path / "recordings"
    _write(root, "northvale-sab/feel-safer/en/ascs_safety.mp3", MP3)
    second = _write(root, "northvale-sab/feel-safer/en/ascs_safety.wav", WAV)
    result = run("recordings", "import", str(root))
    assert result.exit_code == 1
    assert f"{second}: ascs_safety.mp3 is a recording of the same question; keep one of them" in result.output
    assert [row[4] for row in _stored(run)] == ["audio/mpeg"]


def test_an_unknown_board_or_a_missing_folder_is_refused(run, tmp_path):
    run("demo-data", "--responses", "0", "--no-staff")
    root = tmp_path / "recordings"
    unknown = _write(root, "nowhere/feel-safer/en/ascs_safety.mp3", MP3)
    result = run("recordings", "import", str(root))
    assert result.exit_code == 1 and f"{unknown}: there is no board “nowhere”" in result.output
    result = run("recordings", "import", str(root), "--board", "nowhere")
    assert result.exit_code == 2 and "no board 'nowhere'; boards: eastmere-sab" in result.output
    result = run("recordings", "import", str(root), "--board", "eastmere-sab")
    assert result.exit_code == 2 and "there is no folder" in result.output
    assert _stored(run) == []
