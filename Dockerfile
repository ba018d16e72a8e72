# One image for every process of a deployment: web (gunicorn), workers, beat and the one-off migration.
# docker-compose.yml shows the whole topology; README "Production" says how to run and scale it.

# The styles: GOV.UK Frontend compiled with Dart Sass (Node is needed to build them, never to run).
FROM node:20-bookworm-slim AS styles
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY voicecapture/static/scss voicecapture/static/scss
RUN npm run build

FROM python:3.11-slim-bookworm
# Pango draws report PDFs; Noto draws every enabled script in them.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /var/lib/voicecapture voicecapture
WORKDIR /app
COPY pyproject.toml README.md ./
COPY voicecapture voicecapture
COPY worker worker
COPY surveys surveys
COPY translations translations
COPY --from=styles /src/voicecapture/static/build voicecapture/static/build
# Editable, so the survey definitions and catalogues stay beside the code where the settings look for them.
RUN pip install --no-cache-dir -e . \
 && python -m whitenoise.compress --quiet voicecapture/static/build \
 && python -m whitenoise.compress --quiet voicecapture/static/js \
 && python -m whitenoise.compress --quiet voicecapture/static/css
USER voicecapture
ENV VOICECAPTURE_ENV=production \
    VOICECAPTURE_INSTANCE=/var/lib/voicecapture \
    PYTHONUNBUFFERED=1
EXPOSE 8000
# WEB_CONCURRENCY (read by gunicorn) sets the number of web processes in the container.
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "voicecapture.wsgi:app"]
