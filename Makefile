# Soliris — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
PYTEST_ARGS ?= -n 2

.PHONY: run test lint format messages compile-messages bench bench-smoke system-deps browser-deps clean

run: $(INSTALLED) compile-messages  ## Start the whole platform locally (web server + worker)
	@$(PY) -m soliris.devenv run

test: $(INSTALLED) compile-messages browser-deps  ## Lint and run the whole test suite
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m soliris.devenv exec -- $(PY) -m pytest $(PYTEST_ARGS)

# The benchmark runs the production settings, as a server would (DEBUG off, the compressed
# manifest of static files); its secret key is a throwaway one: the site never leaves this machine.
BENCH_ENV = DEBUG=0 ALLOWED_HOSTS=localhost STATIC_ROOT="$(CURDIR)/var/bench/static" \
	SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')"

bench: $(INSTALLED) compile-messages  ## Performance benchmark at scale (not part of `make test`)
	$(BENCH_ENV) $(PY) -m soliris.devenv exec --data bench -- \
		sh -c '$(PY) manage.py collectstatic --noinput --verbosity 0 && $(PY) manage.py bench'

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

$(INSTALLED): pyproject.toml
	@scripts/system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

system-deps:
	@scripts/system-deps.sh

browser-deps:
	@scripts/system-deps.sh --browser

# Extract the interface strings: project-wide ones into locale/, each app's into <app>/locale/.
messages: $(INSTALLED)
	$(PY) scripts/messages.py extract

compile-messages: $(INSTALLED)
	@$(PY) scripts/messages.py compile

clean:
	rm -rf $(VENV) staticfiles
