# Marsad: `make demo` runs the extraction on the bundled example; `make test` lints, then runs the suite;
# `make lint` checks the code's style; `make serve` shows the bundled examples on the map.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORE := $(VENV)/.installed-core
FULL := $(VENV)/.installed-full
# The bundled example's publication date, and the store `make serve` fills from examples/.
EXAMPLES_PUBLISHED := 2025-03-12
EXAMPLES_DB := $(VENV)/examples.db

.DEFAULT_GOAL := demo
.PHONY: demo test lint bench eval serve clean gazetteer

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
	$(BIN)/marsad extract examples/ansongo.ar.txt --published $(EXAMPLES_PUBLISHED) --format table

# What `make test` runs before the suite: the lint, so a style fault fails the tests as CI runs them.
# `make test LINT_FIRST=` runs the suite alone.
LINT_FIRST := lint

test: $(FULL) $(LINT_FIRST)
	$(BIN)/python -m pytest

# ruff as pyproject.toml's [tool.ruff] configures it, over the whole repository.
lint: $(FULL)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(FULL)
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/extract_scaling.py
	$(BIN)/python bench/gazetteer_cost.py
	$(BIN)/python bench/api_speed.py
	$(BIN)/python bench/store_speed.py
	$(BIN)/python bench/batch_speed.py
	$(BIN)/python bench/false_alarms.py

# The map with the bundled examples: the extras, the page's assets (`make web`), the examples
# ingested into a local store (again each time: ingest skips what it already holds), then serve.
serve: $(FULL) web
	$(BIN)/marsad ingest examples/ --db $(EXAMPLES_DB) --published $(EXAMPLES_PUBLISHED)
	$(BIN)/marsad serve --db $(EXAMPLES_DB)

eval: $(CORE)
	$(BIN)/marsad eval ../shared/corpus/gold

# The shipped gazetteer, rebuilt from the shared GeoNames tables and OCHA's Sudan admin points
# (NOTICE lists them), and the OpenStreetMap supplement for Sudan, a file of its own (ODbL). The file
# records GAZETTEER_DATE as its build date, so that the same sources and code give the same file
# byte for byte; give a new date when the sources change.
GEONAMES ?= ../shared/data/geonames
GAZETTEER_DATE ?= 2026-12-07
gazetteer: $(FULL)
	SOURCE_DATE_EPOCH=$$(date -u -d $(GAZETTEER_DATE) +%s) $(BIN)/marsad gazetteer build \
	  $(GEONAMES)/cities500.txt.gz $(GEONAMES)/country/ML.txt.gz $(GEONAMES)/country/NE.txt.gz \
	  $(GEONAMES)/country/BF.txt.gz $(GEONAMES)/country/MR.txt.gz $(GEONAMES)/country/TN.txt.gz \
	  $(GEONAMES)/country/LB.txt.gz $(GEONAMES)/country/CM.txt.gz \
	  $(GEONAMES)/admin/admin1CodesASCII.txt $(GEONAMES)/admin/admin2Codes.txt.gz \
	  src/marsad/knowledge/data/gazetteer_regions.tsv src/marsad/knowledge/data/gazetteer_aliases.tsv \
	  $(GEONAMES)/sudan/sdn_ocha_adminpoints.tsv \
	  --out src/marsad/knowledge/data/gazetteer.sqlite
	$(BIN)/python -m marsad.knowledge.gazetteer.supplement_build \
	  $(GEONAMES)/sudan/sdn_osm_populated_places.tsv $(GEONAMES)/sudan/sdn_ocha_adminpoints.tsv \
	  > src/marsad/knowledge/data/gazetteer_sdn_osm.tsv

clean:
	rm -rf $(VENV) build *.egg-info
