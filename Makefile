# svodka: `make demo` runs the extractor on a bundled example; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test bench bench-ingest install browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/svodka extract examples/bishkek-liveblog.txt --published 2024-11-06 --format table

# The browser tests drive Debian's chromium; they skip where it cannot be installed.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get install -y -q chromium >/dev/null 2>&1 \
		|| { $$SUDO apt-get update -q >/dev/null 2>&1 && $$SUDO apt-get install -y -q chromium >/dev/null 2>&1; } \
		|| echo "chromium could not be installed: the browser tests will be skipped"; }

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python tools/bench.py --shared $(SHARED)

# Ingest into an empty store and stores of 10x and 100x the documents, against extraction alone and 1-2 workers.
bench-ingest: $(STAMP)
	$(BIN)/python tools/ingest_bench.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
