# `make run` and `make test` work on a fresh machine: they create .venv and install what is needed.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/iq_trainings
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

.PHONY: install run test test-fast checks bench messages serve screenshots

install: $(STAMP) $(MO_FILES)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet '.[dev]'
	rm -rf build *.egg-info
	touch $(STAMP)

# Translations are compiled from the committed .po files; msgfmt comes from Debian's gettext.
locale/%.mo: locale/%.po
	command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	msgfmt --check -o $@ $<

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:8000

# Browser tests drive Debian's Chromium (no browser download works here).
/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver

test: install /usr/bin/chromium checks
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(VENV)/bin/pytest

# For local work: the same checks and every test but the browser tests (tests/e2e).
test-fast: install checks
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(VENV)/bin/pytest --ignore=tests/e2e

checks: install
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} DJANGO_SETTINGS_MODULE=settings.test \
		$(PY) manage.py check --fail-level WARNING
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} DJANGO_SETTINGS_MODULE=settings.test \
		$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@# Every German UI string is translated (none empty, none fuzzy).
	test -z "$$(msgattrib --untranslated locale/de/LC_MESSAGES/django.po)"
	test -z "$$(msgattrib --only-fuzzy locale/de/LC_MESSAGES/django.po)"

# Production-like locally: gunicorn (2 workers) and a task worker on PostgreSQL, over plain HTTP.
SERVE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/iq_trainings_serve
SERVE_ENV := DJANGO_SETTINGS_MODULE=settings.production DATABASE_URL=$${DATABASE_URL:-$(SERVE_DATABASE_URL)} \
	SECRET_KEY=$${SECRET_KEY:-local-serve-only-not-secret} SECURE_SSL_REDIRECT=false SECURE_COOKIES=false \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:8000} \
	DEFAULT_FROM_EMAIL="$${DEFAULT_FROM_EMAIL:-IQ Schulungen <schulungen@example.org>}"

serve: install
	createdb -h 127.0.0.1 -U postgres iq_trainings_serve 2>/dev/null || true
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(PY) manage.py seed_demo
	$(SERVE_ENV) $(PY) manage.py db_worker & worker=$$!; trap "kill $$worker" EXIT; \
		$(SERVE_ENV) $(VENV)/bin/gunicorn --pythonpath site wsgi:application --bind 127.0.0.1:8000 \
		--workers $${WEB_CONCURRENCY:-2} --access-logfile -

# The screenshots in docs/ are taken by the browser tests.
screenshots: install /usr/bin/chromium
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} DOCS_SCREENSHOTS=docs/screenshots \
		$(VENV)/bin/pytest tests/e2e -q

# Extract new UI strings into the .po files (then translate them and commit).
messages: install
	$(PY) manage.py makemessages --locale de --ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*'

# Every benchmark runs and prints its figures; the target fails at the end if any missed one.
bench: install
	@failed=""; \
	for script in catalogue booking booking_page assignment statistics; do \
		DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/iq_trainings_bench} \
			DJANGO_SETTINGS_MODULE=settings.bench $(PY) bench/$$script.py || failed="$$failed $$script"; \
	done; \
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/iq_trainings_load} \
		DJANGO_SETTINGS_MODULE=settings.bench $(PY) bench/load.py || failed="$$failed load"; \
	if [ -n "$$failed" ]; then echo "Targets missed by:$$failed"; exit 1; fi
