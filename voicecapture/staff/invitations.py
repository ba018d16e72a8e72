"""Practitioners invite feedback: links, QR codes, printable slips and bulk uploads."""
from __future__ import annotations

import csv
import io
import re

from flask import Response, abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from ..access import requires
from ..data import boards as board_data
from ..data import invitations
from . import blueprint, nav, too_large
from . import invitation_present as present
from .invitation_csv import MAX_BYTES, MAX_ROWS, BoardOptions, read_upload, template_csv
from .invitation_forms import ChooseBoardForm, StopForm, UploadForm, invitation_form

nav.add("Invitations", "staff.invitations", ("practitioner", "board_officer", "administrator"),
        "Make a feedback link, QR code and printable slip for one piece of work, or many from a CSV file.")

INVITERS = ("practitioner", "board_officer", "administrator")
BATCH_RE = re.compile(r"^\d{8}-[0-9a-f]{8}$")


def _options(board) -> BoardOptions:
    catalogue = current_app.extensions["surveys"]
    surveys = [s for s in board_data.offered_surveys(board) if catalogue.get(s) is not None]
    names = {kind: [place.name for place in board_data.list_places(board, kind)] for kind in ("agency", "area")}
    return BoardOptions(board, surveys, names["agency"], names["area"])


def _language_choices() -> list[SelectChoice]:
    return [SelectChoice("", "Not known: the person chooses")] + [
        SelectChoice(code, present.language_label(code)) for code in current_app.extensions["languages"]]


def _chosen_board(allowed: list):
    """The board named in ?board=, else the first the person may use; 403 for a board they may not use."""
    slug = request.args.get("board", "")
    if not slug:
        return allowed[0] if allowed else None
    board = next((b for b in allowed if b.slug == slug), None)
    if board is None:
        abort(403 if board_data.board_by_slug(slug) else 404)
    return board


@blueprint.route("/invitations", methods=["GET", "POST"], endpoint="invitations")
@requires(*INVITERS)
def invitations_page():
    allowed = invitations.boards_for(current_user)
    board = _chosen_board(allowed)
    form = None
    if board is not None:
        options = _options(board)
        form = invitation_form([SelectChoice(s, present.survey_title(s)) for s in options.surveys],
                               options.agencies, options.areas, _language_choices())
        if not options.surveys:
            form = None  # the page says the board offers no surveys yet, and who can add one
        elif form.validate_on_submit():
            invitation = invitations.create_by_staff(
                current_user, board, form.survey.data,
                **{name: (getattr(form, name).data or "").strip() for name in invitations.CONTEXT_FIELDS},
                max_uses=int(form.uses.data), expires_in_days=int(form.expires_days.data))
            return redirect(url_for("staff.invitation", invitation_id=invitation.id, created=1))
    chooser = ChooseBoardForm(formdata=None, data={"board": board.slug if board else ""})
    chooser.board.choices = [SelectChoice(b.slug, b.name) for b in allowed]
    before = request.args.get("before", type=int)
    rows = invitations.list_visible(current_user, before_id=before)
    errors = form is not None and request.method == "POST" and any(f.errors for f in form)
    return render_template("staff/invitations.html", form=form, chooser=chooser, board=board, rows=rows,
                           present=present, more=len(rows) == invitations.PAGE_SIZE,
                           before=before), (400 if errors else 200)


@blueprint.get("/invitations/<int:invitation_id>")
@requires(*INVITERS)
def invitation(invitation_id: int):
    found, board = present.managed_or_abort(invitation_id, "invitation.view")
    return render_template("staff/invitation.html", invitation=found, invitation_board=board, present=present,
                           form=StopForm(), created=request.args.get("created") == "1",
                           stopped=request.args.get("stopped") == "1")


@blueprint.post("/invitations/<int:invitation_id>/stop")
@requires(*INVITERS)
def invitation_stop(invitation_id: int):
    found, _board = present.managed_or_abort(invitation_id, "invitation.view")
    if not StopForm().validate_on_submit():
        abort(400)
    invitations.revoke(current_user, found)
    return redirect(url_for("staff.invitation", invitation_id=invitation_id, stopped=1))


def _upload_options() -> dict[str, BoardOptions]:
    return {board.slug: _options(board) for board in invitations.boards_for(current_user)}


def _render_upload(form, upload=None, problem=None, status=200):
    return render_template("staff/invitation_upload.html", form=form, upload=upload, problem=problem,
                           max_rows=MAX_ROWS, max_kb=MAX_BYTES // 1024), status


@blueprint.route("/invitations/upload", methods=["GET", "POST"])
@requires(*INVITERS)
def invitation_upload():
    form = UploadForm()
    if not form.validate_on_submit():
        return _render_upload(form, status=400 if request.method == "POST" else 200)
    file = form.file.data
    if file is None or not file.filename:
        return _render_upload(form, problem="Choose a CSV file to upload", status=400)
    if not file.filename.lower().endswith(".csv"):
        return _render_upload(form, problem="The file must be a CSV file (its name ends in .csv). In a spreadsheet, "
                                            "choose Save as and the type 'CSV UTF-8'.", status=400)
    upload = read_upload(file.read(MAX_BYTES + 1), _upload_options(),
                         list(current_app.extensions["languages"]))
    if upload.file_problem or upload.problems:
        return _render_upload(form, upload=upload, problem=upload.file_problem, status=400)
    batch = invitations.create_batch(current_user, upload.rows)
    return redirect(url_for("staff.invitation_batch", batch=batch))


@too_large.page_for("staff.invitation_upload")
def _upload_too_large():
    """Over Flask's 64 KB limit: say so on the upload page."""
    problem = (f"The file is too big. The most is {MAX_BYTES // 1024} KB, about {MAX_ROWS} rows. "
               "Split it into smaller files.")
    return _render_upload(UploadForm(formdata=None), problem=problem, status=413)


@blueprint.get("/invitations/upload/template.csv")
@requires(*INVITERS)
def invitation_template():
    options = list(_upload_options().values())
    if not options:
        abort(404)
    return Response(template_csv(options[0]), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="invitations-template.csv"'})


def _batch_or_abort(batch: str, action: str):
    """Every invitation in the batch, if the person may see each of them (the uploader, officers, admins)."""
    rows = invitations.batch_rows(batch) if BATCH_RE.match(batch) else []
    if not rows:
        abort(404)
    if not all(invitations.may_manage(current_user, found, board) for found, board in rows):
        abort(403)
    invitations.record_read(action, current_user, [found for found, _ in rows])
    return rows


@blueprint.get("/invitations/batch/<batch>")
@requires(*INVITERS)
def invitation_batch(batch: str):
    rows = _batch_or_abort(batch, "invitation.batch_view")
    return render_template("staff/invitation_batch.html", rows=rows, batch=batch, present=present)


@blueprint.get("/invitations/batch/<batch>.csv")
@requires(*INVITERS)
def invitation_batch_csv(batch: str):
    rows = _batch_or_abort(batch, "invitation.batch_export")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["short_code", "short_link", "link", "board", "survey", "context", "uses", "expires"])
    for found, board in rows:
        writer.writerow([found.short_code, present.short_link(found), present.link(found), board.slug,
                         found.survey_id, present.context_text(found), found.max_uses or "any",
                         present.expiry_text(found)])
    return Response(buffer.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="invitations-{batch}.csv"'})


from . import invitation_slips  # noqa: E402,F401  (the printable slips register their own routes)
