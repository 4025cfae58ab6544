# Marsad: `make demo` runs the extraction on the bundled example; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/marsad extract examples/ansongo.ar.txt --published 2025-03-12 --format table

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/extract_speed.py

eval: $(STAMP)
	$(BIN)/marsad eval ../shared/corpus/gold

clean:
	rm -rf $(VENV) build *.egg-info
