"""Quarterly reports on the board pages: ask for one, watch its progress, read it, download its files;
and analysts' corrections to the themes of free-text comments."""
from __future__ import annotations

from flask import Response, abort, current_app, jsonify, redirect, render_template, request, stream_with_context, url_for
from flask_login import current_user
from wtforms import SelectChoice

from .. import analysis, jobs
from ..access import requires
from ..data import audit, comments, reports
from ..exports import responses_csv
from ..models import utcnow
from ..quarters import parse, quarter_of
from ..reports import content as report_content
from ..reports.render import MEDIA_TYPES
from . import blueprint
from .boards import OFFICERS, READERS, _board_or_404
from .report_forms import CommentThemesForm, ReportRequestForm, cover_from, quarter_choices

BUILD = "voicecapture.reports.build"


@blueprint.route("/boards/<board_slug>/reports", methods=["GET", "POST"])
@requires(*READERS, board_arg="board_slug")
def board_reports(board_slug: str):
    board = _board_or_404(board_slug)
    can_request = current_user.holds(OFFICERS, board_slug=board.slug)
    form = ReportRequestForm()
    form.quarter.choices = quarter_choices(quarter_of(utcnow()))
    if request.method == "GET":
        form.quarter.data = quarter_of(utcnow()).previous().label
        form.author.data = current_user.name
    if request.method == "POST":
        if not can_request:
            abort(403)
        if form.validate_on_submit():
            report, created = reports.request_report(board, parse(form.quarter.data), user=current_user,
                                                     cover=cover_from(form))
            if created:
                jobs.enqueue(BUILD, report.id)
            return redirect(url_for("staff.board_report", board_slug=board.slug, report_id=report.id))
    return render_template("staff/reports.html", board=board, form=form, can_request=can_request,
                           reports=reports.list_reports(board)), \
        (400 if any(field.errors for field in form) else 200)


def _report_or_404(board_slug: str, report_id: int):
    board = _board_or_404(board_slug)
    report = reports.board_report(board, report_id)
    if report is None:
        abort(404)
    return board, report


@blueprint.get("/boards/<board_slug>/reports/<int:report_id>")
@requires(*READERS, board_arg="board_slug")
def board_report(board_slug: str, report_id: int):
    board, report = _report_or_404(board_slug, report_id)
    if report.status != "stored":
        return render_template("staff/report_progress.html", board=board, report=report)
    audit.record_read("report.read", target=f"report:{report.id}", board_id=board.id)
    return render_template("staff/report.html", board=board, report=report,
                           content=report_content.build(report.inputs), sizes=reports.file_sizes(report.id),
                           media_types=MEDIA_TYPES)


@blueprint.get("/boards/<board_slug>/reports/<int:report_id>/progress")
@requires(*READERS, board_arg="board_slug")
def board_report_progress(board_slug: str, report_id: int):
    """How the report is getting on, for the progress page's script."""
    _board, report = _report_or_404(board_slug, report_id)
    messages = {"pending": f"Waiting for a worker. {report.progress}.",
                "in_progress": f"{report.progress} (attempt {report.attempts}).",
                "stored": "Ready.", "failed": f"Failed: {report.error}"}
    return jsonify(status=report.status, message=messages[report.status])


@blueprint.get("/boards/<board_slug>/reports/<int:report_id>/<kind>")
@requires(*READERS, board_arg="board_slug")
def board_report_file(board_slug: str, report_id: int, kind: str):
    board, report = _report_or_404(board_slug, report_id)
    stored = reports.report_file(report.id, kind) if kind in MEDIA_TYPES else None
    if stored is None:
        abort(404)
    audit.record_read("report.download", target=f"report:{report.id}", board_id=board.id, detail={"kind": kind})
    filename = f"{board.slug}-{report.quarter}-engagement-report.{kind}"
    return Response(stored.content, mimetype=MEDIA_TYPES[kind],
                    headers={"Content-Disposition": f'attachment; filename="{filename}"',
                             "X-Content-Type-Options": "nosniff"})


@blueprint.get("/boards/<board_slug>/export/responses.csv")
@requires(*OFFICERS, board_arg="board_slug")
def board_export(board_slug: str):
    """Every response of the board as CSV, streamed (free text only de-identified)."""
    board = _board_or_404(board_slug)
    audit.record_read("board.export", target=f"board:{board.id}", board_id=board.id, detail={"what": "responses"})
    chunks = responses_csv(board, current_app.extensions["surveys"])
    return Response(stream_with_context(chunks), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{board.slug}-responses.csv"'})


@blueprint.get("/boards/<board_slug>/comments")
@requires(*OFFICERS, board_arg="board_slug")
def board_comments(board_slug: str):
    board = _board_or_404(board_slug)
    try:
        quarter = parse(request.args.get("quarter") or quarter_of(utcnow()).label)
    except ValueError:
        abort(404)
    definitions = analysis.theme_definitions()
    theme = request.args.get("theme", "")
    if theme and theme not in definitions:
        abort(404)
    after = request.args.get("after", "0")
    after_id = int(after) if after.isdigit() else 0
    page = comments.board_comments(board, quarter.start, quarter.end, theme=theme, after_id=after_id)
    audit.record_read("comments.read", target=f"board:{board.id}", board_id=board.id,
                      detail={"quarter": quarter.label, "theme": theme})
    return render_template("staff/comments.html", board=board, quarter=quarter, comments=page, theme=theme,
                           definitions=definitions, quarters=quarter_choices(quarter_of(utcnow())),
                           next_after=page[-1].id if len(page) == 50 else None)


@blueprint.route("/boards/<board_slug>/comments/<int:comment_id>", methods=["GET", "POST"])
@requires(*OFFICERS, board_arg="board_slug")
def board_comment(board_slug: str, comment_id: int):
    board = _board_or_404(board_slug)
    comment = comments.get_comment(board, comment_id)
    if comment is None:
        abort(404)
    definitions = analysis.theme_definitions()
    form = CommentThemesForm(data={"themes": comment.themes, "sentiment": comment.sentiment}
                             if request.method == "GET" else None)
    form.themes.choices = [SelectChoice(key, value["label"]) for key, value in definitions.items()]
    if form.validate_on_submit():
        comments.correct_themes(comment, form.themes.data, form.sentiment.data, current_user.id)
        return redirect(url_for("staff.board_comments", board_slug=board.slug,
                                quarter=quarter_of(comment.submitted_at).label, corrected=comment.id))
    return render_template("staff/comment.html", board=board, comment=comment, form=form, definitions=definitions), \
        (400 if any(field.errors for field in form) else 200)
