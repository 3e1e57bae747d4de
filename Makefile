# Soliris — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# The locked dependencies, with hashes: `make lock` compiles them from pyproject.toml.
LOCK_PRODUCTION := requirements/production.txt
LOCK_DEV := requirements/dev.txt
UV_COMPILE := $(VENV)/bin/uv pip compile pyproject.toml --quiet --generate-hashes \
	--python-version 3.11 --python-platform x86_64-manylinux_2_28 --custom-compile-command "make lock"
PYTEST_ARGS ?= -n 2

.PHONY: run test backup restore lint format lock messages compile-messages bench bench-smoke system-deps browser-deps clean

run: $(INSTALLED) compile-messages  ## Start the whole platform locally (web server + worker)
	@$(PY) -m soliris.devenv run

test: $(INSTALLED) compile-messages browser-deps  ## Lint, check that no migration is missing, run the whole test suite
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m soliris.devenv exec -- sh -c '$(PY) manage.py makemigrations --check --dry-run && exec "$$@"' \
		sh $(PY) -m pytest $(PYTEST_ARGS)

# The benchmark runs the production settings, as a server would (DEBUG off, the compressed
# manifest of static files); its secret key is a throwaway one: the site never leaves this machine.
# Production settings refuse to start without a mail path: the bench sends none anywhere.
# DATABASE_URL and REDIS_URL are those of the embedded servers `soliris.devenv exec` starts.
BENCH_ENV = DEBUG=0 ALLOWED_HOSTS=localhost STATIC_ROOT="$(CURDIR)/var/bench/static" \
	EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend \
	SOLIRIS_SIGNING_CERT="$(CURDIR)/var/bench/signing/cert.pem" SOLIRIS_SIGNING_KEY="$(CURDIR)/var/bench/signing/key.pem" \
	SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')"

# make bench [SIZE=100000]: every page beside its floor at SIZE organisations (10,000 by
# default), then gunicorn driven by wrk; the second size's run reports the growth between the two.
SIZE ?= 10000
bench: $(INSTALLED) compile-messages  ## Performance benchmark at scale (not part of `make test`)
	@scripts/system-deps.sh --bench
	$(BENCH_ENV) $(PY) -m soliris.devenv exec --data bench -- \
		sh -c '$(PY) manage.py collectstatic --noinput --verbosity 0 && $(PY) manage.py bench --size $(SIZE) --server'

# Back up / restore the database, the media files and the signing key (one .tar.gz), on the
# servers DATABASE_URL names, or the embedded ones of `make run`.
backup: $(INSTALLED)  ## make backup [DEST=backups/]
	@$(PY) -m soliris.devenv exec --data run -- $(PY) manage.py backup $(or $(DEST),backups)

restore: $(INSTALLED)  ## make restore FILE=backups/soliris-....tar.gz
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/soliris-....tar.gz"; exit 2; }
	@$(PY) -m soliris.devenv exec --data run -- $(PY) manage.py restore "$(FILE)"

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The locked packages only, each checked against its hash; the code runs from the checkout
# (nothing of it is installed). Reinstalls when the lock changes.
$(INSTALLED): $(LOCK_DEV)
	@scripts/system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK_DEV)
	@touch $@

# Recompile the lock files from pyproject.toml (after changing a pin there), then commit them.
# production.txt: the base dependencies (the Docker image); dev.txt: base + dev + local extras.
lock: $(INSTALLED)
	$(UV_COMPILE) --output-file $(LOCK_PRODUCTION)
	$(UV_COMPILE) --extra dev --extra local --output-file $(LOCK_DEV)

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
