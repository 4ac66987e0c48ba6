# `make run` and `make test` work on a fresh machine: they create .venv and install what is needed.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/iq_trainings
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

.PHONY: install run test lint bench messages serve

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

test: install
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} DJANGO_SETTINGS_MODULE=settings.test \
		$(PY) manage.py check --fail-level WARNING
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} DJANGO_SETTINGS_MODULE=settings.test \
		$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(VENV)/bin/pytest

# Extract new UI strings into the .po files (then translate them and commit).
messages: install
	$(PY) manage.py makemessages --locale de --ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*'

bench: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/iq_trainings_bench} \
		DJANGO_SETTINGS_MODULE=settings.bench $(PY) bench/catalogue.py
