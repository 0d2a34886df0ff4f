# saidwhat — set up, run, test. Everything installs into .venv from the hash-pinned requirements.lock.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
OUT ?= out
PARSED ?= build/parsed

.PHONY: demo test lint package venv browser train accuracy bench harden clean

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

## demo: extract every attribution from the bundled example articles, then build the index and say how to browse it
demo: venv
	@mkdir -p $(OUT)
	$(BIN)/saidwhat extract examples/ --format table
	$(BIN)/saidwhat extract examples/ --format jsonl -o $(OUT)/examples.jsonl -q
	$(BIN)/saidwhat index examples/ --db $(OUT)/examples.db -q
	@echo
	@echo "Index built: $(OUT)/examples.db (and $(OUT)/metadata.json for Datasette). Browse it with:"
	@echo "    $(BIN)/saidwhat serve --db $(OUT)/examples.db    # then open http://localhost:8001/"
	@echo "To type plain 'saidwhat': . $(VENV)/bin/activate   (or: pipx install .)"

## test: lint, the packaging check, then the whole test suite (browser tests use Debian's chromium)
test: venv browser lint package
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: venv
	$(BIN)/ruff check saidwhat tests scripts bench

## package: build the wheel, pip install it (no lock) into a fresh venv, extract from HTML and WARC
package: venv
	BASE_PYTHON=$(PYTHON) bash scripts/check_wheel.sh $(BIN)/python

browser:
	@bash scripts/install-browser.sh || echo "chromium could not be installed: browser tests will skip"

## accuracy: score on the PolNeAR dev split (needs ../shared)
accuracy: venv
	$(BIN)/saidwhat evaluate $(SHARED)/data/polnear/dev

## train: retrain every shipped learned file in saidwhat/data (cue lexicon, cue classifier, candidate scorer, speaker resolver, the scorer's calibration, the stance model) from PolNeAR train and GUM, parsed once into $(PARSED) (needs ../shared; steps and times in saidwhat/data/README.md)
train: venv
	$(BIN)/python scripts/train_all.py $(SHARED)/data --parsed $(PARSED)

## bench: throughput against bare spaCy and textacy on PolNeAR dev
bench: venv
	$(BIN)/saidwhat bench

## harden: the slow hardening checks (15 kill -9 cycles, peak memory on worst-case inputs, 20 clients for 30 s); figures in docs/hardening.md
harden: venv
	$(BIN)/python scripts/kill_cycles.py
	$(BIN)/python bench/hostile_memory.py
	$(BIN)/python bench/web_load.py

clean:
	rm -rf $(VENV) $(OUT) *.egg-info
