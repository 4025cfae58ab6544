# Marsad: `make demo` runs the extraction on the bundled example; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORE := $(VENV)/.installed-core
FULL := $(VENV)/.installed-full

.DEFAULT_GOAL := demo
.PHONY: demo test bench eval clean

include web.mk

$(CORE): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(CORE)

# Everything the tests use: the store, API, batch and Ray extras and the test tools.
$(FULL): $(CORE)
	$(BIN)/python -m pip install --quiet -e '.[all,ray,test,build]'
	touch $(FULL)

demo: $(CORE)
	$(BIN)/marsad extract examples/ansongo.ar.txt --published 2025-03-12 --format table

test: $(FULL)
	$(BIN)/python -m pytest

bench: $(FULL)
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/gazetteer_cost.py
	$(BIN)/python bench/api_speed.py
	$(BIN)/python bench/store_speed.py
	$(BIN)/python bench/batch_speed.py
	$(BIN)/python bench/false_alarms.py

eval: $(CORE)
	$(BIN)/marsad eval ../shared/corpus/gold

clean:
	rm -rf $(VENV) build *.egg-info
