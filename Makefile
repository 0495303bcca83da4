# Mentor Match: every command a developer needs. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export AWS_DEFAULT_REGION ?= eu-west-2
# Python keeps its bytecode caches (__pycache__, in .venv and in the work tree, both ignored by git)
# even where the environment says not to (PYTHONDONTWRITEBYTECODE=1, which many containers and CI
# images set). The tests start dozens of Python processes (test workers, the local stack's servers,
# the recompute's shard processes, the CLI), each of which would otherwise compile every module it
# imports from source again. On a fresh clone with the variable set, `.ci/run` took 662 s when make
# passed it on and 547 s with this line (2-core machine, 2026-12-01).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: test-needs checkov-install deploy destroy cost cost-measure coldstart help run test lint typecheck unit integration e2e browser site requirements package recompute bench admin clean load

help: ## List the commands
	@grep -hE '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

# The Python tools are installed by uv (from PyPI, like pip): about 13 s where pip took 43 s on a
# 2-core machine with warm caches (2026-12-01). uv lives in its own folder, .tools/uv; when it
# cannot do an install (no route to its index, say), pip does the same install instead.
# uv, like pip's --no-compile, does not byte-compile every installed module (botocore, moto, ...) up
# front: Python compiles the modules actually imported, once, on first use.
UV := .tools/uv/bin/uv
$(UV):
	@mkdir -p .tools && $(PYTHON) -m venv .tools/uv
	@.tools/uv/bin/pip install --quiet --disable-pip-version-check 'uv>=0.5'

# $(call venv_install,VENV,REQUIREMENTS): uv's install into VENV, or pip's if uv's fails.
# --native-tls: uv trusts the system's certificates, as pip does.
define venv_install
$(UV) pip install --quiet --native-tls --python $(1)/bin/python $(2) \
  || { echo "uv could not install into $(1); pip will"; $(1)/bin/pip install --quiet --no-compile --disable-pip-version-check $(2); }
endef

# (The requirements are variables because $(call) would split them at their commas.)
APP_TOOLS := 'pip<26.3' -e '.[dev,bench]'  # chalice 1.34 requires pip<26.3
CHECKOV_TOOLS := 'checkov>=3.3,<4'

$(BIN)/.installed: pyproject.toml $(UV)
	@echo "Installing the Python tools into $(VENV) ..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(call venv_install,$(VENV),$(APP_TOOLS))
	@touch $@

# checkov (the infrastructure checker) pins older boto3/botocore than the app: it gets its own venv.
CHECKOV := .tools/checkov/bin/checkov
$(CHECKOV): $(UV)
	@echo "Installing checkov into .tools/checkov ..."
	@mkdir -p .tools && $(PYTHON) -m venv .tools/checkov
	@$(call venv_install,.tools/checkov,$(CHECKOV_TOOLS))
	@touch $@  # newer than uv, so the next make does not install again (an install that changes nothing keeps the old date)

# Its JSONPath parsers' tables, stored once instead of derived on every parse (half of checkov's time:
# infra/checkov_parse_tables.py).
CHECKOV_TABLES := .tools/checkov/.parse-tables
$(CHECKOV_TABLES): $(CHECKOV) infra/checkov_parse_tables.py
	@.tools/checkov/bin/python infra/checkov_parse_tables.py >/dev/null
	@touch $@

checkov-install: $(CHECKOV_TABLES) ## Install checkov (used by the infra tests) into .tools/checkov

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	@echo "Installing the site's packages ..."
	@cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

infra/local/stand_in/node_modules/.installed: infra/local/stand_in/package.json infra/local/stand_in/package-lock.json
	@echo "Installing the LinkedIn stand-in's packages ..."
	@cd infra/local/stand_in && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

STAND_IN := infra/local/stand_in/node_modules/.installed

SITE_SOURCES := $(shell find frontend/src frontend/build.mjs -type f 2>/dev/null)
frontend/dist/index.html: frontend/node_modules/.installed $(SITE_SOURCES)
	@echo "Building the site ..."
	@cd frontend && npm run --silent build

site: frontend/dist/index.html ## Build the static site into frontend/dist

# The browser tests' Chromium: Debian's build of Chromium's headless shell, the browser Playwright
# itself runs headless (the full browser in headless mode cost the tests a third more CPU).
CHROMIUM := /usr/bin/chromium-headless-shell
$(CHROMIUM):
	@echo "Installing Chromium's headless shell from Debian's packages ..."
	@$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium-headless-shell >/dev/null

run: $(BIN)/.installed site $(STAND_IN) ## Start the whole local stack (AWS emulator, API, site, demo data); Ctrl-C stops it
	@$(BIN)/python -m infra.local.stack

# Two workers, whole files each (a file's tests may share a local stack's state in order).
PYTEST := $(BIN)/pytest -n 2 --dist loadfile

# The installs are independent (two virtual environments, two npm folders, a Debian package):
# they run side by side, each one's output kept together.
TEST_NEEDS := $(BIN)/.installed $(CHECKOV_TABLES) site $(STAND_IN) $(CHROMIUM)
test-needs: $(TEST_NEEDS)

# mypy (one process, about 12 s on a fresh clone) checks the types beside the suite rather than
# before it: the suite's two workers take the core it leaves idle. Its report follows the tests'
# and either failing fails `make test`. Measured with the unit tests on a 2-core machine
# (2026-12-02, two alternations): 63.5 / 57.2 s one after the other, 52.4 / 53.0 s side by side.
test: ## Install what tests need and run the whole suite (unit, integration, e2e, browser)
	@$(MAKE) --no-print-directory -j 5 -O test-needs
	@$(MAKE) --no-print-directory lint
	@report=$$(mktemp); $(MAKE) --no-print-directory typecheck > $$report 2>&1 & typecheck=$$!; \
	  $(PYTEST) tests; tests=$$?; \
	  wait $$typecheck; typed=$$?; \
	  echo "Types (mypy, run beside the tests):"; cat $$report; rm -f $$report; \
	  [ $$tests = 0 ] && [ $$typed = 0 ]

recompute: $(BIN)/.installed ## Run the scheduled match recompute against the running local stack (make run); RECOMPUTE_SHARDS=<n>: n shard processes
	@$(BIN)/python -m infra.local.recompute

bench: $(BIN)/.installed ## Run the matching benchmark (10k, 100k, 520k; ARGS="--quick", "--sizes 2000000" sharded, "--crossover")
	@$(BIN)/python -m bench $(ARGS)

admin: $(BIN)/.installed ## Run the admin CLI against the running local stack, e.g. make admin ARGS="stats --csv"
	@AWS_ENDPOINT_URL=http://127.0.0.1:$${MOTO_PORT:-4566} AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local \
	  SITE_URL=http://127.0.0.1:$${SITE_PORT:-8000} $(BIN)/python -m mentor_match_admin $(ARGS)

CIRCLES := ../shared/tools/import-circles.py

lint: $(BIN)/.installed ## Check the Python code with ruff, and that chalicelib/ has no import circles
	@$(BIN)/ruff check .
	@if [ -f $(CIRCLES) ]; then $(BIN)/python $(CIRCLES) >/dev/null || { $(BIN)/python $(CIRCLES); exit 1; }; fi

typecheck: $(BIN)/.installed ## Check the types of chalicelib/ and app.py with mypy (strict)
	@$(BIN)/mypy

unit: $(BIN)/.installed ## Run the unit tests (pure logic and services over in-memory adapters; no network)
	@$(PYTEST) tests/unit

integration: $(BIN)/.installed $(CHECKOV_TABLES) ## Run the integration tests (the app and adapters on moto in process; cfn-lint, checkov)
	@$(PYTEST) tests/integration

e2e: $(BIN)/.installed site $(STAND_IN) ## Run the end-to-end tests (HTTP against a local stack the tests start)
	@$(PYTEST) tests/e2e

browser: $(BIN)/.installed site $(STAND_IN) $(CHROMIUM) ## Run the browser tests (headless Chromium through the site)
	@$(PYTEST) tests/browser

requirements: $(BIN)/.installed ## Regenerate requirements.txt (what Lambda ships) from pyproject.toml
	@$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --output-file requirements.txt pyproject.toml

package: $(BIN)/.installed ## Build the CloudFormation package for the prod stage into build/
	@$(BIN)/chalice package --stage prod --merge-template infra/template.json build/

STAGE ?= prod
PARAMETERS ?=
deploy: $(BIN)/.installed ## Deploy to AWS: make deploy STAGE=prod PARAMETERS=path/to/prod.json (README: Running it on AWS)
	@$(BIN)/python -m infra.deploy deploy --stage $(STAGE) $(if $(PARAMETERS),--parameters $(PARAMETERS)) $(ARGS)

destroy: $(BIN)/.installed ## Delete the stage's stacks (tables, user pool and data buckets are kept): make destroy STAGE=prod
	@$(BIN)/python -m infra.deploy destroy --stage $(STAGE) $(ARGS)

cost: package ## Print the monthly running cost at 1,300 / 7,000 / 100,000 / 520,000 people and idle (ARGS="--active-share 0.5")
	@$(BIN)/python -m infra.cost $(ARGS)

cost-measure: $(BIN)/.installed site ## Re-measure the journeys' requests, DynamoDB units and bytes on the local stack into infra/cost/measured.json
	@$(BIN)/python -m infra.cost.measure

coldstart: $(BIN)/.installed ## Measure the recompute's cold start: numba with an empty or warmed cache, and numpy (ARGS="--sizes 200,520000"; "--series": only the engine the cost model prices)
	@$(BIN)/python -m bench.coldstart $(ARGS)

clean: ## Remove installed tools and build output
	rm -rf $(VENV) .tools frontend/node_modules frontend/dist build .local

load: $(BIN)/.installed ## Load the running local stack (make run) with 16 clients: read and write mixes, figures per route
	@$(BIN)/python -m infra.load $(ARGS)
