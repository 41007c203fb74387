# Two commands for a newcomer: `make run` (the service with demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The embedded demo: SQLite, Celery tasks run in the request, email printed to the console, and
# links in emails (and the sign-in address seed_demo prints) on the host and port it is served on.
DEMO_ENV := DJANGO_DEBUG=true DATABASE_URL=sqlite:///$(CURDIR)/db.sqlite3 CELERY_TASK_ALWAYS_EAGER=true \
	CNIS_PUBLIC_BASE_URL=http://$(HOST):$(PORT)

.PHONY: install run code test lint frontend bench

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/.installed

run: install
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEMO_ENV) $(BIN)/python manage.py load_local_authorities
	$(DEMO_ENV) $(BIN)/python manage.py seed_demo
	$(DEMO_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

code: install
	@$(DEMO_ENV) $(BIN)/python manage.py demo_code

# Runs the whole suite: on PostgreSQL when DATABASE_URL points there, otherwise on SQLite
# (tests that need PostgreSQL or Chromium are then skipped, and the summary says why).
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Style (ruff) and the walls between the rooms (import-linter contracts in pyproject.toml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo

# The benchmark (docs/benchmarks.md): builds a register of CHILDREN children on PostgreSQL once
# (cnis_bench_50k on 127.0.0.1 by default), serves it with gunicorn as production does, and
# times its pages against two baselines. More options: .venv/bin/python -m bench --help
CHILDREN ?= 50000
bench: install
	$(BIN)/python -m bench --children $(CHILDREN) $(BENCH_ARGS)

# Rebuilds static/css and static/govuk-frontend from the pinned npm packages (needs Node.js).
frontend:
	bash frontend/build.sh
