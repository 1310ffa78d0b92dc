PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench docs clean dist test-dist

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/metodkab --demo

test: $(STAMP)
	$(BIN)/python -m pytest tests -n 4

# The offline bundle dist/metodkab-<version>-offline (+ .zip): wheels for Windows and
# Linux, installers, README (tools/build_dist.py; needs the network while it builds).
dist: $(STAMP)
	$(BIN)/python tools/build_dist.py --out dist

# Builds the bundle, installs and upgrades it without network (tests/dist; not in `test`).
test-dist: $(STAMP)
	$(BIN)/python -m pytest -m dist tests/dist

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Every file metodkab writes for the demo school (the registers, the documents, an ИОМ
# per route in force), each page rendered to PNG through LibreOffice: look at them.
DOCS ?= build/docs
DOCS_DATE ?= 23.11.2026
docs: $(STAMP)
	rm -rf $(DOCS) && mkdir -p $(DOCS)
	$(BIN)/metodkab --today $(DOCS_DATE) demo --out $(DOCS)/.demo.sqlite
	$(BIN)/metodkab --today $(DOCS_DATE) --db $(DOCS)/.demo.sqlite export --out $(DOCS)
	rm -f $(DOCS)/.demo.sqlite*
	sh tools/render_docs.sh $(DOCS)
	@echo "Страницы: $(DOCS)/png"

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info
