# Two commands for a new machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
# make test runs the suite in this many processes (pytest-xdist); 0 runs it in this one.
TEST_WORKERS ?= 2
SUDO   := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
MANAGE := $(BIN)/python manage.py

.PHONY: install run test test-pg lint format reset bench chromium varnish axe clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed

# Browser tests drive Debian's Chromium; Playwright never downloads a browser.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# The Varnish test (tests_system/test_varnish.py) runs Debian's varnishd in front of the site.
varnish:
	@[ -x /usr/sbin/varnishd ] || { \
		echo "Installing Debian's varnish for the frontend cache test..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq varnish >/dev/null; }

# axe-core, injected into pages by the accessibility checks.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm >/dev/null; }
	npm ci --silent --no-audit --no-fund
	@touch $@

axe: node_modules/axe-core/axe.min.js

# Links in emails are built from WAGTAILADMIN_BASE_URL: the address served here,
# unless it is already set (e.g. to a tunnel's https:// address).
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content --partnership-open
	$(MANAGE) ensure_local_admin --port $(PORT)
	WAGTAILADMIN_BASE_URL=$(or $(WAGTAILADMIN_BASE_URL),http://127.0.0.1:$(PORT)) $(MANAGE) runserver 127.0.0.1:$(PORT)

test: install chromium varnish axe
	$(BIN)/pytest -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

reset: install
	rm -f db.sqlite3
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content --partnership-open
	$(MANAGE) ensure_local_admin

# The site against its peers (../shared/peer-bench) on this machine: docs/benchmarks.md.
bench: install
	bench/run.sh

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
