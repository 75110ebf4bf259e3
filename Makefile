# Kennisplein Scheiding — `make run` serves the site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py

.PHONY: run test test-sqlite test-postgres serve-prod stop-prod bench faults install system-packages node-packages checks deploy-check clean messages bench-search

# The private PostgreSQL cluster of `make test` (scripts/postgres.sh; data under /tmp/kennisplein-postgres-<hash>).
PG_TEST_PORT ?= 5433

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(INSTALLED)

install: $(INSTALLED)

var/.demo-loaded: | $(INSTALLED)
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	touch var/.demo-loaded

run: install var/.demo-loaded
	$(MANAGE) migrate --noinput
	$(MANAGE) runserver 127.0.0.1:8000

system-packages:
	./scripts/install-system-packages.sh

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.installed

node-packages: node_modules/.installed

checks: install
	DJANGO_SETTINGS_MODULE=community.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=community.settings.test $(MANAGE) makemigrations --check --dry-run
	$(MAKE) deploy-check

deploy-check: install
	DJANGO_SETTINGS_MODULE=community.settings.production \
	SECRET_KEY=deploy-check-$$(head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n') \
	ALLOWED_HOSTS=kennisplein.example DATABASE_URL=postgres://kennisplein@127.0.0.1:5432/kennisplein EMAIL_URL=console:// \
	$(MANAGE) check --deploy --fail-level WARNING

# The whole suite twice: on SQLite (with the browser tests) and on PostgreSQL (without them: they test
# the browser side, which does not depend on the database). Exit code 5 (nothing collected) is no failure.
test: install system-packages node-packages checks
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: install
	$(BIN)/pytest -q || [ $$? -eq 5 ]

test-postgres: install
	PG_PORT=$(PG_TEST_PORT) ./scripts/postgres.sh pytest -q --ignore=tests/e2e

# The production stack on loopback: PostgreSQL + Redis (Debian packages), gunicorn, task worker.
PROD_WEB_PORT ?= 8080
PROD_PG_PORT ?= 5434
PROD_REDIS_PORT ?= 6380
PROD_ENV = PROD_WEB_PORT=$(PROD_WEB_PORT) PROD_PG_PORT=$(PROD_PG_PORT) PROD_REDIS_PORT=$(PROD_REDIS_PORT)

serve-prod: install
	$(PROD_ENV) ./scripts/prod-stack.sh serve

stop-prod:
	$(PROD_ENV) ./scripts/prod-stack.sh stop

# Load and fault scenarios against that stack (bounded in time; print tables; see benchmarks/README.md).
bench: install
	$(PROD_ENV) $(BIN)/python -m benchmarks.load

faults: install
	$(PROD_ENV) $(BIN)/python -m benchmarks.faults

clean:
	rm -rf $(VENV) node_modules var

# Regenerate the English translation catalogue (needs GNU gettext), then fill and compile it.
messages: install
	$(MANAGE) makemessages -l en --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --no-obsolete

.PHONY: bench-search
bench-search: install  ## search benchmark: 10k and 100k documents (SQLite; PostgreSQL too when DATABASE_URL is set)
	$(BIN)/python benchmarks/search_bench.py --sizes 10000,100000

.PHONY: eval-search
eval-search:  ## search relevance set: hit@3 and MRR per kind (SQLite; PostgreSQL too when DATABASE_URL is set)
	$(BIN)/pytest tests/search/test_relevance.py -q -s -p no:randomly
	@if [ -n "$$DATABASE_URL" ]; then TEST_DATABASE_URL="$$DATABASE_URL" $(BIN)/pytest tests/search/test_relevance.py -q -s -p no:randomly; fi
