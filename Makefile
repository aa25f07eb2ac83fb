# The interface of the project: `make demo` runs the pipeline, `make test` runs the tests.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
STAMP := $(VENV)/.installed

.PHONY: install browser demo test lint format clean lock seeds samples airflow bench serve

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "vrs needs Python 3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --python $(BIN)/python --quiet -r requirements.lock
	$(BIN)/uv pip install --python $(BIN)/python --quiet --no-deps -e .
	touch $@

demo: install
	$(BIN)/vrs demo

# Debian's chromium, for the portal's end-to-end test (Playwright drives it; it never downloads
# a browser of its own). Installed with apt when missing and we are root (CI); else says how.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && export DEBIAN_FRONTEND=noninteractive \
		&& { apt-get install -y -q chromium >/dev/null 2>&1 \
		     || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }; }; } \
		|| { echo "the browser test needs Debian's chromium: apt-get install chromium"; exit 1; }
	@chromium --version

# The submission portal on http://127.0.0.1:8000 (accounts: .venv/bin/vrs users add ...).
serve: install
	$(BIN)/vrs serve

# Airflow 3 standalone (UI on http://localhost:8080, login printed) with the same DAGs.
airflow: install
	$(BIN)/vrs airflow

test: install browser lint
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

# The benchmark suite (a tool, not a test): SIZE=S (the demo set, minutes), M or L (generated
# once into bench/cache, then hours). Writes bench/results/$(SIZE).json and docs/benchmarks.md.
SIZE ?= S
bench: install
	$(BIN)/python -m bench.run --size $(SIZE)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	VRS_WAREHOUSE_DB=$$(mktemp -d)/lint.duckdb $(BIN)/sqlfluff lint dbt_project/models dbt_project/tests

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the lock after changing pyproject.toml (name==version lines only).
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 \
		--no-header --no-annotate --no-emit-index-url -o requirements.lock

seeds: install
	$(BIN)/python -m warehouse.reference_seeds

samples: install
	$(BIN)/python -m samples.generator --out samples/demo

clean:
	rm -rf var
