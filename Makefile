# plansite: `make site` sets up .venv and builds site/; `make test` runs the test suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# The library: every document in seeds/ (*.txt, each with its seeds files beside it).
SEEDS := seeds
LIGHTHOUSE := tools/node_modules/.bin/lighthouse
# make serve's port (make serve PORT=8001).
PORT ?= 8000

.PHONY: site serve offline test test-fast bench golden lighthouse clean

# Each document keeps its ID lock beside it (seeds/<stem>.ids.tsv): read, then updated, by every build.
# Documents unchanged since the last build are kept as they are (site/.plansite-cache/).
site: $(INSTALLED)
	$(PY) -m generator build $(SEEDS) --locks --out site --content content

# The site as `make site` builds it, served on http://127.0.0.1:$(PORT)/ and rebuilt (the browser
# reloading) whenever a file under seeds/, generator/templates/ or theme/ changes; Ctrl-C stops it.
serve: $(INSTALLED)
	$(PY) -m generator serve $(SEEDS) --locks --out site --content content --port $(PORT)

# The offline bundles, one per document: dist/<slug>-offline.zip, read from disk with search
# included; their copied links point at the site (site_url in mkdocs.yml, or PLANSITE_SITE_URL).
offline: $(INSTALLED)
	$(PY) -m generator build $(SEEDS) --locks --offline --out dist

# Every test, as CI runs them (browser tests in Debian's Chromium, whole-library builds).
test: $(INSTALLED)
	$(PY) -m pytest -q

# The edit–test loop: unit, golden and data tests; no site built, no browser (under a minute).
test-fast: $(INSTALLED)
	$(PY) -m pytest -q -m "not build"

bench: $(INSTALLED)
	$(PY) tests/bench.py

# Regenerate golden files after a deliberate change; review the diff before committing.
golden: $(INSTALLED)
	$(PY) -m tests.golden

# Lighthouse (mobile) on the home page, the plan's home and a chapter; needs npm (tools/package.json).
lighthouse: site $(LIGHTHOUSE)
	$(PY) tests/lighthouse.py site

$(LIGHTHOUSE): tools/package.json tools/package-lock.json
	npm ci --prefix tools --no-audit --no-fund --loglevel=error
	touch $(LIGHTHOUSE)

$(INSTALLED): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(INSTALLED)

clean:
	rm -rf site dist $(VENV) tools/node_modules
