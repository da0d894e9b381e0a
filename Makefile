# Bildungswege Berlin – the two commands a newcomer needs: `make serve` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: help install import check site serve test test-fast browser lint bench clean

help:
	@echo "make serve   – set up, build the site and serve it on http://localhost:$(PORT)"
	@echo "make test    – set up, then run all tests"
	@echo "make site    – build the site into output/ (runs 'bildungswege check' first)"
	@echo "make import  – regenerate datapackages/ from datapackages/_sources/"
	@echo "make check   – validate editor YAML and data packages"

# Pinned Python deps (requirements.lock) and npm packages (package-lock.json).
$(STAMP): pyproject.toml requirements.lock package.json package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

install: $(STAMP)

import: $(STAMP)
	$(BIN)/bildungswege import

check: $(STAMP)
	$(BIN)/bildungswege check --root .

# Build into a staging directory; only a complete build replaces output/.
site: $(STAMP)
	$(BIN)/bildungswege check --root .
	rm -rf .output.new
	$(BIN)/pelican content -s pelicanconf.py -o .output.new --fatal errors -q
	rm -rf .output.old
	if [ -d output ]; then mv output .output.old; fi
	mv .output.new output
	rm -rf .output.old

serve: site
	@echo "Bildungswege Berlin läuft auf http://localhost:$(PORT) (Strg+C beendet)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory output

# Debian chromium for the end-to-end tests (never a browser download).
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "Installing Debian chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	fi

test: $(STAMP) browser
	$(BIN)/pytest -q -n 2 --dist loadgroup

test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not e2e and not slow"

lint: $(STAMP)
	$(BIN)/ruff check pathways plugins tests bench

bench: $(STAMP)
	for b in bench/*.py; do $(PY) $$b; done

clean:
	rm -rf output .output.new .output.old .pytest_cache
