# make run   - set everything up and serve the demo on http://127.0.0.1:8000
# make test  - set everything up and run every test, on SQLite and then on PostgreSQL
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_RESPONSES ?= 600
SCSS := $(wildcard voicecapture/static/scss/*.scss)

.PHONY: help run run-prod test install assets db demo messages bench bench-postgresql clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: install assets db ## Set up, load demo data and serve on http://127.0.0.1:8000 (web and worker)
	$(BIN)/voicecapture demo-data --responses $(DEMO_RESPONSES) --if-empty
	BIN=$(BIN) HOST=$(HOST) PORT=$(PORT) bin/serve

test: install assets ## Set up and run every test, on SQLite and on PostgreSQL (Debian's chromium, redis, postgresql)
	bin/ensure-system-packages
	$(BIN)/pytest
	VOICECAPTURE_TEST_DATABASE=postgresql $(BIN)/pytest

run-prod: install assets ## The production topology without containers: PostgreSQL, Redis, web, workers, beat
	bin/ensure-system-packages
	BIN=$(BIN) HOST=$(HOST) PORT=$(PORT) $(BIN)/python bin/run-prod

install: $(BIN)/.installed ## Virtual environment with the app and test tools

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: voicecapture/static/build/app.css ## Compile the styles; pre-compress what is served (quick, so always)
	$(BIN)/python -m whitenoise.compress --quiet voicecapture/static/build
	$(BIN)/python -m whitenoise.compress --quiet voicecapture/static/js
	$(BIN)/python -m whitenoise.compress --quiet voicecapture/static/css

voicecapture/static/build/app.css: node_modules/.installed $(SCSS) $(BIN)/.installed package.json
	npm run --silent build

db: install ## Create or update the database (DATABASE_URL, default instance/voicecapture.db)
	$(BIN)/voicecapture db upgrade

demo: db ## Add more synthetic demo responses
	$(BIN)/voicecapture demo-data --responses $(DEMO_RESPONSES)

messages: install ## Extract messages and update every catalogue in translations/
	$(BIN)/pybabel -q extract -F babel.cfg -k lazy_gettext -k N_ --no-location --no-wrap --sort-output \
	  --project VoiceCapture -o translations/messages.pot .
	$(BIN)/pybabel -q update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete --no-wrap

bench: install assets ## Run the benchmarks in bench/ (prints figures)
	$(BIN)/python bench/page_weight.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/report_build.py
	$(BIN)/python bench/export_csv.py

bench-postgresql: install assets ## The benchmarks on PostgreSQL and Redis, as in production, beside SQLite
	bin/ensure-system-packages
	$(BIN)/python bench/throughput.py --database postgresql --redis
	$(BIN)/python bench/report_build.py --database postgresql
	$(BIN)/python bench/export_csv.py --database postgresql

clean: ## Remove the virtual environment, built assets and the local database
	rm -rf $(VENV) node_modules voicecapture/static/build instance
