# RecordCheck entry points. `make process` and `make test` set everything up by themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
IN     ?= samples/scans
OUT    ?= out
ARGS   ?=

.PHONY: setup sysdeps process test lint eval bench samples clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

sysdeps:
	@bash scripts/ensure-system-deps.sh

setup: $(STAMP) sysdeps

process: setup
	$(BIN)/recordcheck process $(IN) --out $(OUT) $(ARGS)

lint: setup
	$(BIN)/ruff check pipeline tests samples scripts
	$(BIN)/mypy pipeline

test: setup lint
	$(BIN)/python -m pytest -q $(ARGS)

eval: setup
	$(BIN)/python -m scripts.evaluate $(ARGS)

bench: setup
	$(BIN)/python -m scripts.bench $(ARGS)

samples: setup
	$(BIN)/python -m samples.generate $(ARGS)

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
