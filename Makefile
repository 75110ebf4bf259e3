# Kennisplein Scheiding — `make run` serves the site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py

.PHONY: help run test eval-anonymity test-sqlite test-browser test-postgres serve-prod stop-prod bench lighthouse faults install system-packages node-packages checks deploy-check deduce-cache clean messages bench-search lint format lock test-fast

# The private PostgreSQL cluster of `make test` (scripts/postgres.sh; data under /tmp/kennisplein-postgres-<hash>).
PG_TEST_PORT ?= 5433

help:  ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 24

# Exact versions from requirements.lock (made from pyproject.toml by `make lock`), then the project itself.
# uv installs them (about 20 s from an empty cache, where pip takes about 90 s); pip only installs uv.
UV_VERSION := 0.13.9
UV := $(BIN)/uv pip install -q --python $(BIN)/python
$(INSTALLED): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q uv==$(UV_VERSION)
	$(UV) --compile-bytecode -r requirements.lock
	$(UV) --no-deps -e .
	touch $(INSTALLED)

# deduce builds its lookup tables (~80 MB, one to four minutes) on its first start: once here, not in every
# process that starts first (the two test suites, runserver and gunicorn). They are kept outside the
# virtualenv (DEDUCE_CACHE_DIR, community/settings/base.py), so the next checkout only loads them (~16 s).
DEDUCE_CACHE := $(VENV)/.deduce-cache
$(DEDUCE_CACHE): $(INSTALLED)
	DJANGO_SETTINGS_MODULE=community.settings.test $(MANAGE) shell -c 'from casuses.anonymity import warm_up; warm_up()'
	touch $(DEDUCE_CACHE)

deduce-cache: $(DEDUCE_CACHE)

install: $(INSTALLED) $(DEDUCE_CACHE)  ## create .venv and install the locked dependencies

lock: install  ## resolve pyproject.toml's ranges to exact versions in requirements.lock
	PYTHON=$(BIN)/python ./scripts/lock.sh

lint: $(INSTALLED)  ## ruff: lint and format check (the first step of make test)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)  ## ruff: fix what can be fixed and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

var/.demo-loaded: | $(INSTALLED)
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	touch var/.demo-loaded

# The search index is derived data that a migration may empty (docs/deploy.md): rebuilt on every start (the demo: a second).
run: install var/.demo-loaded  ## serve the site with demo content on http://127.0.0.1:8000
	$(MANAGE) migrate --noinput
	$(MANAGE) rebuild_search_index --no-progress
	$(MANAGE) runserver 127.0.0.1:8000

system-packages:
	./scripts/install-system-packages.sh

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.installed

node-packages: node_modules/.installed

checks: $(INSTALLED)
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=community.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=community.settings.test $(MANAGE) makemigrations --check --dry-run
	$(MAKE) deploy-check

deploy-check: $(INSTALLED)
	DJANGO_SETTINGS_MODULE=community.settings.production \
	SECRET_KEY=deploy-check-$$(head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n') \
	ALLOWED_HOSTS=kennisplein.example DATABASE_URL=postgres://kennisplein@127.0.0.1:5432/kennisplein EMAIL_URL=console:// \
	$(MANAGE) check --deploy --fail-level WARNING

# The whole suite twice: on SQLite and on PostgreSQL, with the browser tests once (on SQLite: they test the
# browser side, which does not depend on the database), as three runs side by side, so that neither core waits
# for the longest one; the PostgreSQL run also skips the tests that use no database (tests/conftest.py). The
# runs beside the SQLite one keep their files apart (KENNISPLEIN_VAR_DIR, KENNISPLEIN_TEST_RUN) and print
# their logs when done. Exit code 5 (nothing collected) is no failure. The set-up steps run side by side:
# Debian and npm packages, lint and checks once the Python packages are in; deduce's tables build in the
# background meanwhile and while the suites migrate their databases (a suite that needs them before they are
# done waits for that one build: casuses/anonymity.py).
test:  ## everything: checks, SQLite suite, PostgreSQL suite, browser tests
	@$(MAKE) --no-print-directory $(INSTALLED)
	@mkdir -p var
	@$(MAKE) --no-print-directory deduce-cache > var/deduce-cache.log 2>&1 & deduce=$$!; \
	$(MAKE) --no-print-directory -j 4 --output-sync=target system-packages node-packages lint checks \
		|| { kill $$deduce; exit 1; }; \
	KENNISPLEIN_VAR_DIR=$(CURDIR)/var/postgres-run $(MAKE) --no-print-directory test-postgres > var/test-postgres.log 2>&1 & pg=$$!; \
	$(MAKE) --no-print-directory test-browser > var/test-browser.log 2>&1 & browser=$$!; \
	$(MAKE) --no-print-directory test-sqlite; sqlite=$$?; \
	wait $$browser; browser=$$?; wait $$pg; postgres=$$?; wait $$deduce; tables=$$?; \
	echo "--- browser tests (var/test-browser.log) ---"; cat var/test-browser.log; \
	echo "--- PostgreSQL run (var/test-postgres.log) ---"; cat var/test-postgres.log; \
	[ $$tables -eq 0 ] || { echo "--- deduce's tables (var/deduce-cache.log) ---"; cat var/deduce-cache.log; }; \
	exit $$(( sqlite || browser || postgres || tables ))

# pytest-xdist workers for `make test-fast` ("auto": one per core). `make test` runs its two suites side by side
# with one process each instead: on two cores more workers than cores is slower, not faster.
TEST_WORKERS ?= auto

test-fast: install  ## the SQLite suite without the browser tests, on every core (TEST_WORKERS)
	$(BIN)/pytest -q --ignore=tests/e2e -n $(TEST_WORKERS) || [ $$? -eq 5 ]

# Recall per kind, false blocks / warnings per 1,000 clean words and speed of the anonymity check,
# on the tuned and the held-out part of tests/casuses/ (rewrites tests/casuses/corpus_results.md).
eval-anonymity: install  ## anonymity check: recall per kind, false blocks, speed (tuned + held-out corpus)
	DJANGO_SETTINGS_MODULE=community.settings.test $(BIN)/python -m tests.casuses.corpus

test-sqlite: $(INSTALLED)
	$(BIN)/pytest -q --ignore=tests/e2e || [ $$? -eq 5 ]

test-browser: $(INSTALLED) node-packages
	KENNISPLEIN_TEST_RUN=browser $(BIN)/pytest -q tests/e2e || [ $$? -eq 5 ]

test-postgres: $(INSTALLED)
	PG_PORT=$(PG_TEST_PORT) ./scripts/postgres.sh pytest -q --ignore=tests/e2e

# The production stack on loopback: nginx -> gunicorn -> PostgreSQL + Redis (Debian packages), task worker.
PROD_WEB_PORT ?= 8080
PROD_PG_PORT ?= 5434
PROD_REDIS_PORT ?= 6380
PROD_NGINX_PORT ?= 8090
PROD_ENV = PROD_WEB_PORT=$(PROD_WEB_PORT) PROD_PG_PORT=$(PROD_PG_PORT) PROD_REDIS_PORT=$(PROD_REDIS_PORT) PROD_NGINX_PORT=$(PROD_NGINX_PORT)

serve-prod: install  ## the production stack on loopback
	$(PROD_ENV) ./scripts/prod-stack.sh serve

stop-prod:
	$(PROD_ENV) ./scripts/prod-stack.sh stop

# Load and fault scenarios against that stack (bounded in time; print tables; see benchmarks/README.md).
bench: install  ## load benchmarks against serve-prod
	$(PROD_ENV) $(BIN)/python -m benchmarks.load

lighthouse: install node-packages  ## Lighthouse (mobile, Debian Chromium) against serve-prod: home, guide, casus list as a member, search
	$(PROD_ENV) $(BIN)/python -m benchmarks.lighthouse

faults: install  ## fault scenarios against serve-prod
	$(PROD_ENV) $(BIN)/python -m benchmarks.faults

clean:
	rm -rf $(VENV) node_modules var

# Regenerate the English translation catalogue (needs GNU gettext), then fill and compile it.
messages: install  ## regenerate the English catalogue
	$(MANAGE) makemessages -l en --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --no-obsolete

bench-search: install  ## search benchmark: 10k and 100k documents, SQLite and PostgreSQL (private cluster, PG_TEST_PORT)
	$(BIN)/python benchmarks/search_bench.py --sizes 10000,100000 \
		--database-url "$${DATABASE_URL:-$$(PG_FAST=0 PG_PORT=$(PG_TEST_PORT) ./scripts/postgres.sh url kennisplein_bench)}"

.PHONY: eval-search
eval-search:  ## search relevance set: hit@3 and MRR per kind (SQLite; PostgreSQL too when DATABASE_URL is set)
	$(BIN)/pytest tests/search/test_relevance.py -q -s -p no:randomly
	@if [ -n "$$DATABASE_URL" ]; then TEST_DATABASE_URL="$$DATABASE_URL" $(BIN)/pytest tests/search/test_relevance.py -q -s -p no:randomly; fi
