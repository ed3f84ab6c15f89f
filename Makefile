# Two commands: `make run` builds the bundled sample into exports/, `make test` runs the tests.
# Both create the virtual environment and install what they need first.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev

.PHONY: run test setup setup-dev bench quality eval screenshot clean

run: $(STAMP)
	$(BIN)/kg build --out exports

test: $(DEV)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

setup: $(STAMP)
setup-dev: $(DEV)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "actorkg needs Python 3.11 or newer (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP) $@

eval: $(STAMP)
	$(BIN)/kg eval ../shared/gold/seed.json tests/gold/*.json --corpus ../shared/corpus

bench: $(DEV)
	$(BIN)/python benchmarks/bench.py

quality: $(DEV)
	$(BIN)/python benchmarks/quality.py

screenshot: run $(DEV)
	$(BIN)/python docs/screenshot.py exports/graph.html docs/graph.png

clean:
	rm -rf $(VENV) build dist *.egg-info
