# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= frontwatch.db

.PHONY: run test eval bench browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=23"

# Reinstall when the project's dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/frontwatch ingest --db $(DB) --no-progress --backfill frontwatch/data/demo
	@echo "frontwatch map: http://127.0.0.1:8765"
	$(BIN)/frontwatch serve --db $(DB)

# Debian's chromium drives the browser tests (Playwright's own browser download does not work offline).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -q && apt-get install -y -q chromium) >/dev/null; \
	  else echo "install Debian's chromium for the browser tests (sudo apt-get install chromium)"; fi; }

test: $(VENV)/.installed-test browser
	$(BIN)/python -m pytest -q

eval: $(VENV)/.installed-test
	$(BIN)/python -m frontwatch.evaluation

bench: $(VENV)/.installed
	$(BIN)/frontwatch bench

clean:
	rm -rf $(VENV) *.egg-info $(DB) $(DB)-wal $(DB)-shm
