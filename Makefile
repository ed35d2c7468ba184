# Two commands on a fresh machine: `make site` builds the site, `make test` runs the tests.
# Both create .venv and install the exact pins of requirements.lock first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve render check lock clean

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

site: $(STAMP)
	$(BIN)/crosstrain build

test: $(STAMP)
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/crosstrain ingest
	$(BIN)/crosstrain render
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/crosstrain check

# Re-pin after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	{ echo "# Exact pins of every package the project installs (direct and transitive)."; \
	  echo "# Regenerate: make lock (after changing pyproject.toml)."; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -vi '^crosstrain'; } > requirements.lock

clean:
	rm -rf $(VENV) site docs .pytest_cache
