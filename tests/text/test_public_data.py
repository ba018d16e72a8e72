"""The public NHS patient-feedback data set, if this machine has it: the command reads its columns and holds
out each trust. A small part of it keeps the test quick; bench/themes.py reports the full figures."""
import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from voicecapture.text.cli import themes

DATA = Path("/work/shared/data/patient-feedback-themes.csv")
ROWS_PER_LABEL = 20

pytestmark = pytest.mark.skipif(not DATA.is_file(), reason=f"{DATA} is not on this machine")


def test_each_trust_held_out_in_turn(tmp_path):
    with DATA.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        columns = reader.fieldnames
    taken: dict[tuple[str, str], int] = {}
    sample = []
    for row in rows:
        key = (row["organization"], row["label"])
        if taken.get(key, 0) < ROWS_PER_LABEL:
            taken[key] = taken.get(key, 0) + 1
            sample.append(row)
    part = tmp_path / "part.csv"  # a temporary copy of a few rows, never kept
    with part.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(sample)
    result = CliRunner().invoke(themes, ["evaluate", "--csv", str(part), "--text-column", "feedback",
                                         "--label-column", "label", "--group-column", "organization"])
    assert result.exit_code == 0, result.output
    assert "held out organization = 'Trust A': training on 180 comments, testing on 180" in result.output
    assert "held out organization = 'Trust B'" in result.output
