"""The `voicecapture` command. It reads the same settings as the app (DATABASE_URL and so on)."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from .config import ConfigError, load_settings
from .models import ROLES, WORK_KINDS, utcnow
from .sac import SAC_RISK_LOCATIONS, SAC_RISK_TYPES
from .surveys.catalogue import load_catalogue, read_lock, write_lock
from .surveys.errors import SurveyDefinitionError
from .alerts.cli import alerts_group
from .recordings.cli import recordings_group
from .text.cli import themes


def _create_app():
    from . import create_app
    try:
        return create_app()
    except (ConfigError, SurveyDefinitionError) as error:
        raise click.ClickException(str(error)) from None


main = FlaskGroup(create_app=_create_app, load_dotenv=False, add_version_option=False,
                  help="VoiceCapture: hearing the people that safeguarding services work with.")


@main.group(cls=click.Group)
def db():
    """The database."""


@db.command("upgrade")
def db_upgrade():
    """Create or update the tables (DATABASE_URL; default a SQLite file in instance/)."""
    from .migrate import upgrade
    settings = load_settings()
    if settings.database_url.startswith("sqlite:///"):
        Path(settings.database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    click.echo("Database is up to date.")


@main.group(cls=click.Group)
def surveys():
    """Survey definitions in surveys/."""


@surveys.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def surveys_validate(paths):
    """Check survey files (default: every file in surveys/). Exits 1 and lists every problem if any."""
    surveys_dir = load_settings().surveys_dir
    for path in paths:
        if not path.exists():
            raise click.ClickException(f"{path}: no such file")
    try:
        catalogue = load_catalogue(surveys_dir, paths=[p.resolve() for p in paths] or None, check_lock=not paths)
    except SurveyDefinitionError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(error.problems)} problem(s) found; nothing from these files would be served.", err=True)
        sys.exit(1)
    for survey in catalogue:
        click.echo(f"ok  {survey.id} version {survey.version} ({survey.status}, {len(survey.questions)} questions)"
                   f"  {survey.source}")


@surveys.command("lock")
def surveys_lock():
    """Record the fingerprint of each newly published version, so it can never be edited."""
    surveys_dir = load_settings().surveys_dir
    catalogue = load_catalogue(surveys_dir, check_lock=False)
    lock = read_lock(surveys_dir)
    added = [s for s in catalogue if s.status == "published" and s.ref not in lock]
    for survey in added:
        lock[survey.ref] = survey.fingerprint
    write_lock(surveys_dir, lock)
    click.echo(f"Locked {len(added)} newly published version(s): {', '.join(s.ref for s in added) or 'none'}.")


@main.group(cls=click.Group)
def invite():
    """Invitation links."""


@invite.command("create")
@click.option("--survey", "survey_id", required=True, help="Survey id, e.g. msp-adult.")
@click.option("--board", "board_slug", help="Board slug (see 'voicecapture boards list'); needed if there are several.")
@click.option("--uses", type=click.IntRange(min=1), default=1, show_default=True, help="How many times the link can be used.")
@click.option("--unlimited", is_flag=True, help="Any number of uses (a link for a poster or a care home).")
@click.option("--expires-days", type=click.IntRange(min=1, max=366), default=28, show_default=True)
@click.option("--agency", default="", help="Agency that did the work, e.g. 'Adult Social Care'.")
@click.option("--area", default="", help="Area, e.g. 'North'.")
@click.option("--work-kind", type=click.Choice(WORK_KINDS), default=None, help="Kind of work.")
@click.option("--risk-type", type=click.Choice(SAC_RISK_TYPES), default=None, help="SAC type of risk.")
@click.option("--risk-location", type=click.Choice(SAC_RISK_LOCATIONS), default=None, help="SAC location of risk.")
@click.option("--language", default="", help="Language the link opens in, e.g. ur.")
@with_appcontext
def invite_create(survey_id, board_slug, uses, unlimited, expires_days, agency, area, work_kind, risk_type,
                  risk_location, language):
    """Create an invitation and print its link. The link names no one."""
    from .data import invitations
    catalogue = current_app.extensions["surveys"]
    if catalogue.get(survey_id) is None:
        raise click.BadParameter(f"no published survey {survey_id!r}; choose one of: "
                                 f"{', '.join(catalogue.published_ids())}", param_hint="--survey")
    board = _board(board_slug)
    if language and language not in current_app.extensions["languages"]:
        raise click.BadParameter(f"{language!r} is not enabled; choose one of: "
                                 f"{', '.join(current_app.extensions['languages'])}", param_hint="--language")
    invitation = invitations.create_invitation(
        board, survey_id, agency=agency, area=area, work_kind=work_kind or "", risk_type=risk_type or "",
        risk_location=risk_location or "", language=language, max_uses=None if unlimited else uses,
        expires_in_days=expires_days)
    click.echo(f"{current_app.config['SETTINGS'].base_url}/i/{invitation.token}")


def _board(slug):
    from .data import boards
    if slug:
        board = boards.board_by_slug(slug)
        if board is None:
            known = ", ".join(b.slug for b in boards.list_boards()) or "none yet: run 'voicecapture demo-data'"
            raise click.BadParameter(f"no board {slug!r}; boards: {known}", param_hint="--board")
        return board
    all_boards = boards.list_boards()
    if len(all_boards) != 1:
        raise click.BadParameter("say which board with --board SLUG; boards: "
                                 f"{', '.join(b.slug for b in all_boards) or 'none yet'}", param_hint="--board")
    return all_boards[0]


@main.group("user", cls=click.Group)
def user_group():
    """Staff accounts."""


def _read_password(from_stdin: bool, email: str) -> str:
    from .passwords import problem_with
    password = sys.stdin.readline().rstrip("\n") if from_stdin else click.prompt(
        "Password", hide_input=True, confirmation_prompt=True)
    problem = problem_with(password, email)
    if problem:
        raise click.BadParameter(problem, param_hint="password")
    return password


@user_group.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", "roles", multiple=True, type=click.Choice(ROLES), required=True,
              help="Repeat for several roles. Every role but administrator needs --board.")
@click.option("--board", "board_slugs", multiple=True, help="Board slug the roles are for (repeatable).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input instead of asking.")
@with_appcontext
def user_create(email, name, roles, board_slugs, password_stdin):
    """Create a staff account, such as the first administrator."""
    from .data import users
    if "@" not in email or len(email) > 254:
        raise click.BadParameter("enter an email address like name@example.org", param_hint="--email")
    if users.user_by_email(email):
        raise click.BadParameter(f"there is already an account for {email.lower()}", param_hint="--email")
    boards_given = [_board(slug) for slug in board_slugs]
    grants = []
    for role in roles:
        if role == "administrator":
            grants.append((role, None))
        elif not boards_given:
            raise click.BadParameter(f"the {role} role is for a board: add --board SLUG", param_hint="--board")
        else:
            grants += [(role, board.id) for board in boards_given]
    account = users.create_user(email, name, _read_password(password_stdin, email), grants)
    click.echo(f"Created {account.email} ({', '.join(roles)}). Sign in at "
               f"{current_app.config['SETTINGS'].base_url}/staff/sign-in")


@user_group.command("reset-link")
@click.option("--email", required=True)
@with_appcontext
def user_reset_link(email):
    """Print a link, valid for 24 hours, with which the person sets a new password."""
    from .data import users
    account = users.user_by_email(email)
    if account is None:
        raise click.BadParameter(f"no account for {email.lower()}", param_hint="--email")
    users.record_reset_link(account)
    click.echo(f"{current_app.config['SETTINGS'].base_url}/staff/password/{users.reset_token(account)}")


@main.group("boards", cls=click.Group)
def boards_group():
    """Safeguarding boards."""


@boards_group.command("list")
@with_appcontext
def boards_list():
    """Print each board's slug and name."""
    from .data import boards
    for board in boards.list_boards():
        click.echo(f"{board.slug}\t{board.name}")


main.add_command(themes)
main.add_command(alerts_group)
main.add_command(recordings_group)


@main.group("report", cls=click.Group)
def report_group():
    """Quarterly engagement reports."""


@report_group.command("build")
@click.option("--board", "board_slug", required=True, help="The board's slug (see: voicecapture boards list).")
@click.option("--quarter", required=True, help="Financial quarter, like 2026-27Q2 (Q1 is April to June).")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the HTML, PDF, CSV and XLSX into (made if missing).")
@with_appcontext
def report_build(board_slug, quarter, out_dir):
    """Build a board's quarterly report now, here (no worker needed), and write its files into a folder."""
    from .data import reports
    from .quarters import parse
    from .reports import pipeline
    try:
        period = parse(quarter)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    board = _board(board_slug)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise click.ClickException(f"cannot make the folder {out_dir}: {error.strerror}") from None
    report, _created = reports.request_report(board, period, cover={"author": "Built from the command line"})
    outcome = pipeline.build(report.id)
    report = reports.get_report(report.id)
    if report.status != "stored":
        raise click.ClickException(f"the report was not built ({outcome}): "
                                   f"{report.error or 'another worker is building it; try again shortly'}")
    for kind in ("html", "pdf", "csv", "xlsx"):
        path = out_dir / f"{board.slug}-{period.label}-engagement-report.{kind}"
        path.write_bytes(reports.report_file(report.id, kind).content)
        click.echo(f"{path}")


@main.group("export", cls=click.Group)
def export_group():
    """A board's data, for its own analysis."""


@export_group.command("responses")
@click.option("--board", "board_slug", required=True, help="The board's slug (see: voicecapture boards list).")
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The CSV file to write ('-' for standard output).")
@with_appcontext
def export_responses(board_slug, out_file):
    """Every response of a board as CSV: a row per response, a column per question (free text de-identified)."""
    from .exports import responses_csv
    board = _board(board_slug)
    chunks = responses_csv(board, current_app.extensions["surveys"])
    if str(out_file) == "-":
        for chunk in chunks:
            click.echo(chunk, nl=False)
        return
    try:
        with out_file.open("w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
    except OSError as error:
        raise click.ClickException(f"cannot write {out_file}: {error.strerror}") from None
    click.echo(f"Wrote {out_file}")


@export_group.command("board")
@click.option("--board", "board_slug", required=True, help="The board's slug (see: voicecapture boards list).")
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The ZIP file to write.")
@with_appcontext
def export_board(board_slug, out_file):
    """Everything a board holds as one ZIP (responses, comments, invitations, alerts, reports, settings, staff).
    It contains personal data: its README says what each file is."""
    from .board_archive import archive
    from .data import audit
    board = _board(board_slug)
    try:
        handle = out_file.open("wb")
    except OSError as error:
        raise click.ClickException(f"cannot write {out_file}: {error.strerror}") from None
    audit.record_read("board.export", target=f"board:{board.id}", board_id=board.id, detail={"what": "everything"})
    try:
        with handle:
            for chunk in archive(board, current_app.extensions["surveys"]):
                handle.write(chunk)
    except OSError as error:
        out_file.unlink(missing_ok=True)  # half an archive is no use to anyone, and still holds personal data
        raise click.ClickException(f"cannot write {out_file}: {error.strerror}") from None
    click.echo(f"Wrote {out_file}: everything {board.name} holds. It contains personal data: keep it safe.")


@main.group("retention", cls=click.Group)
def retention_group():
    """Personal data removed at the end of its retention period."""


@retention_group.command("enforce")
@with_appcontext
def retention_enforce():
    """Remove now whatever is past its retention period (as the nightly run does), and print what was removed."""
    from . import retention
    removed = retention.enforce()
    for kind, label in retention.KINDS.items():
        click.echo(f"{label}: {removed[kind]}")


def _financial_year(_context, _param, value):
    """"2025-26" -> 2025, the calendar year the financial year starts in; it must have begun."""
    from .quarters import parse
    if value is None:
        return None
    try:
        first_quarter = parse(f"{value}Q1")
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a financial year: write it like 2025-26") from None
    if first_quarter.start > utcnow():
        raise click.BadParameter(f"the financial year {value} has not begun yet")
    return first_quarter.year


@main.command("demo-data", with_appcontext=False)
@click.option("--responses", type=click.IntRange(min=0, max=1_000_000), default=400, show_default=True)
@click.option("--seed", type=int, default=2026, show_default=True, help="Same seed, same data.")
@click.option("--if-empty", is_flag=True, help="Only if there are no responses yet (what 'make run' uses).")
@click.option("--staff/--no-staff", default=True, show_default=True,
              help="Also make one fictional staff account per role, with a password shown once.")
@click.option("--board", "board_slug", help="Put every response on this demo board, e.g. northvale-sab "
                                           "(default: spread over all of them).")
@click.option("--year", callback=_financial_year, metavar="YYYY-YY",
              help="Spread responses over this financial year, like 2025-26, up to today "
                   "(default: the last six quarters).")
@with_appcontext
def demo_data(responses, seed, if_empty, staff, board_slug, year):
    """Add demo boards, synthetic responses spread over boards, quarters and languages, and demo staff."""
    from .data.responses import count_responses
    from .demo import DEMO_BOARDS, load_demo, load_demo_alerts, load_demo_staff
    if current_app.config["SETTINGS"].production:
        raise click.ClickException("demo data is never loaded in production (VOICECAPTURE_ENV=production)")
    slugs = [spec["slug"] for spec in DEMO_BOARDS]
    if board_slug not in (None, *slugs):
        raise click.BadParameter(f"no demo board {board_slug!r}; demo boards: {', '.join(slugs)}",
                                 param_hint="--board")
    if if_empty and count_responses():
        click.echo(f"The database already has {count_responses()} responses; no demo data added.")
        return
    click.echo(load_demo(responses, seed, board_slug=board_slug, year=year))
    if staff:
        click.echo(load_demo_staff())
        click.echo(load_demo_alerts())
