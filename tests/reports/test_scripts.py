"""Quotes in every script respondents write in come out in the report's PDF in a font that has their letters."""
from __future__ import annotations

import re

from voicecapture.data import reports
from voicecapture.quarters import parse
from voicecapture.reports import pipeline, render

from .conftest import QUARTER

QUOTES = {
    "en": "They listened to me and explained everything.",
    "ur": "انہوں نے میری بات غور سے سنی۔",
    "ar": "استمعوا إليّ وشرحوا لي كل شيء.",
    "gu": "તેમણે મારી વાત ધ્યાનથી સાંભળી.",
    "pa": "ਉਨ੍ਹਾਂ ਨੇ ਮੇਰੀ ਗੱਲ ਧਿਆਨ ਨਾਲ ਸੁਣੀ।",
    "bn": "তারা আমার কথা মন দিয়ে শুনেছে।",
    "pl": "Wysłuchali mnie i wszystko wyjaśnili.",
    "ro": "M-au ascultat și mi-au explicat totul.",
    "so": "Way i dhageysteen oo wax walba way ii sharraxeen.",
    "pt": "Ouviram-me com atenção e explicaram tudo.",
}
# The Noto face each script needs, as WeasyPrint names it inside the PDF.
FACES = {"ur": b"Noto-Nastaliq-Urdu", "ar": b"Noto-Naskh-Arabic", "gu": b"Noto-Sans-Gujarati",
         "pa": b"Noto-Sans-Gurmukhi", "bn": b"Noto-Sans-Bengali"}


def test_quotes_in_every_script_are_drawn_with_their_own_fonts(app, report_board):
    with app.app_context():
        report, _ = reports.request_report(report_board, parse(QUARTER), cover={"author": "Test"})
        assert pipeline.build(report.id) == pipeline.BuildOutcome.STORED
        inputs = reports.get_report(report.id).inputs
    theme = max(inputs["quotes"], key=lambda key: len(inputs["quotes"][key]))
    inputs["quotes"][theme] = [{"text": text, "language": language} for language, text in QUOTES.items()]
    with app.app_context():
        files = render.all_files(inputs)
    html = files["html"].decode()
    for language, text in QUOTES.items():
        direction = "rtl" if language in ("ur", "ar") else "ltr"
        assert f'lang="{language}" dir="{direction}"' in html and text in html, language
    # The same document, its PDF left uncompressed so the embedded fonts' names can be read.
    from weasyprint import HTML
    plain = HTML(string=html, base_url=None).write_pdf(uncompressed_pdf=True)
    fonts = set(re.findall(rb"/BaseFont\s*/([A-Z]{6}\+)?([A-Za-z-]+)", plain))
    names = b" ".join(name for _prefix, name in fonts)
    for language, face in FACES.items():
        assert face in names, f"{language}: {face.decode()} not in the PDF's fonts ({names.decode()})"
    (app.config["SETTINGS"].instance_dir / "scripts.pdf").write_bytes(files["pdf"])
