# plansite: `make site` sets up .venv and builds site/; `make test` runs the test suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
SEEDS := seeds/nmg-2026-plan.txt
# Each plan's ID lock (seeds/<plan>.ids.tsv): read, then updated, by every build of the site.
IDS := $(SEEDS:.txt=.ids.tsv)

.PHONY: site test bench golden clean

site: $(INSTALLED)
	$(PY) -m generator build $(SEEDS) --out site --content content $(addprefix --ids ,$(IDS))

test: $(INSTALLED)
	$(PY) -m pytest -q

bench: $(INSTALLED)
	$(PY) tests/bench.py $(SEEDS)

# Regenerate golden files after a deliberate change; review the diff before committing.
golden: $(INSTALLED)
	$(PY) -m tests.golden

$(INSTALLED): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(INSTALLED)

clean:
	rm -rf site dist $(VENV)
