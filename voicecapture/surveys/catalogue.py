"""All survey versions, loaded and checked together, including the published-version lock."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional

import yaml

from .errors import Problem, SurveyDefinitionError
from .loader import LOCK_FILE, PICTURES_DIR, load_blocks, parse_survey, read_yaml, survey_files, _label
from .model import Survey


class SurveyCatalogue:
    def __init__(self, surveys: list[Survey]):
        self._surveys = {(s.id, s.version): s for s in surveys}

    def __iter__(self) -> Iterator[Survey]:
        return iter(sorted(self._surveys.values(), key=lambda s: (s.id, s.version)))

    def get(self, survey_id: str, version: Optional[int] = None) -> Optional[Survey]:
        """A given version, or the newest published one."""
        if version is not None:
            return self._surveys.get((survey_id, version))
        published = [s for s in self._surveys.values() if s.id == survey_id and s.status == "published"]
        return max(published, key=lambda s: s.version, default=None)

    def published_ids(self) -> list[str]:
        return sorted({s.id for s in self._surveys.values() if s.status == "published"})


def read_lock(surveys_dir: Path) -> dict[str, str]:
    path = surveys_dir / LOCK_FILE
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def write_lock(surveys_dir: Path, lock: dict[str, str]) -> None:
    header = "# Fingerprints of published survey versions. Never edit a published version: add a new one.\n"
    (surveys_dir / LOCK_FILE).write_text(header + yaml.safe_dump(dict(sorted(lock.items()))), encoding="utf-8")


def load_catalogue(surveys_dir: Path, pictures_dir: Optional[Path] = PICTURES_DIR, check_lock: bool = True,
                   paths: Optional[list[Path]] = None) -> SurveyCatalogue:
    """Every survey file, or none: any problem in any file raises with all the problems found."""
    problems: list[Problem] = []
    try:
        blocks = load_blocks(surveys_dir)
    except SurveyDefinitionError as error:
        problems += error.problems
        blocks = {}
    surveys: list[Survey] = []
    for path in paths or survey_files(surveys_dir):
        label = _label(path, surveys_dir)
        try:
            doc = read_yaml(path, label)
            if doc.get("kind", "survey") != "survey":
                continue  # the theme taxonomy and other data sit beside the surveys
            surveys.append(parse_survey(doc, label, blocks, pictures_dir))
        except SurveyDefinitionError as error:
            problems += error.problems
    problems += _duplicates(surveys)
    if check_lock:
        problems += _lock_problems(surveys, read_lock(surveys_dir))
    if problems:
        raise SurveyDefinitionError(problems)
    return SurveyCatalogue(surveys)


def _duplicates(surveys: list[Survey]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for survey in surveys:
        if survey.ref in seen:
            problems.append(Problem(survey.source, f"survey '{survey.id}' version {survey.version} is also defined in "
                                                   f"{seen[survey.ref]}; give the new one a higher version", field="version"))
        seen.setdefault(survey.ref, survey.source)
    return problems


def _lock_problems(surveys: list[Survey], lock: dict[str, str]) -> list[Problem]:
    problems = []
    for survey in surveys:
        recorded = lock.get(survey.ref)
        if survey.status == "published" and recorded is None:
            problems.append(Problem(survey.source, f"version {survey.version} is published but not in surveys/{LOCK_FILE}; "
                                                   "run 'voicecapture surveys lock' when it is final", field="status"))
        elif recorded is not None and recorded != survey.fingerprint:
            problems.append(Problem(survey.source, f"version {survey.version} was published and has since been edited. "
                                                   "A published version never changes: restore it and put the change in "
                                                   f"a new file with version: {survey.version + 1}", field="version"))
        elif recorded is not None and survey.status != "published":
            problems.append(Problem(survey.source, f"version {survey.version} was published; it cannot go back to draft",
                                    field="status"))
    return problems
