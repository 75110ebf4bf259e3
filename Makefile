# Kennisplein Scheiding — `make run` serves the site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py

.PHONY: run test install system-packages node-packages checks deploy-check clean messages

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
	ALLOWED_HOSTS=kennisplein.example DATABASE_URL=sqlite:///var/deploy-check.sqlite3 \
	$(MANAGE) check --deploy --fail-level WARNING

test: install system-packages node-packages checks
	$(BIN)/pytest

clean:
	rm -rf $(VENV) node_modules var

# Regenerate the English translation catalogue (needs GNU gettext), then fill and compile it.
messages: install
	$(MANAGE) makemessages -l en --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --no-obsolete

.PHONY: bench-search
bench-search: install  ## search benchmark: 10k and 100k documents (SQLite; PostgreSQL too when DATABASE_URL is set)
	$(BIN)/python benchmarks/search_bench.py --sizes 10000,100000
