# eventlens: the commands a user (and CI) runs. Everything goes through the project's own .venv.
#   make demo    create .venv if needed, install, ingest the bundled examples, print the events
#   make test    create .venv if needed, install, run ruff and the whole test suite
#   make lint    ruff only
#   make bench   throughput and memory on the examples repeated to 2,000 articles

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= eventlens.duckdb
STAMP := $(VENV)/.eventlens-installed
PIP_FLAGS := $(if $(filter true,$(CI)),--quiet --no-input --progress-bar off,)
PYTEST_FLAGS := $(if $(filter true,$(CI)),-q -p no:cacheprovider,-q)

.PHONY: install demo test lint bench clean-db

install: $(STAMP)

# (re)install when pyproject.toml changes; creates the virtualenv first if it is missing
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_FLAGS) -e '.[dev]'
	@touch $(STAMP)

demo: install
	$(BIN)/eventlens ingest examples/ --db $(DB)
	@echo
	$(BIN)/eventlens events --db $(DB)
	@echo
	@echo "The events are stored in $(abspath $(DB)). Next:"
	@echo "  $(BIN)/eventlens events --db $(DB) --type ACCUSE        # filter by type, --actor RUS, --since 2024-01-01"
	@echo "  $(BIN)/eventlens show <doc_id> --db $(DB) --cleaning     # one document, its cleaned text and edits"
	@echo "  $(BIN)/eventlens eval examples/gold.jsonl examples/      # scores against the gold annotations"
	@echo "  $(BIN)/eventlens extract your_article.txt --published 2024-11-22"

test: install
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest $(PYTEST_FLAGS)

lint: install
	$(BIN)/ruff check src tests

bench: install
	$(BIN)/eventlens bench examples/ --n 2000
	$(BIN)/eventlens bench examples/ --n 2000 --workers 2

clean-db:
	rm -f $(DB) $(DB).wal

# Language packs (see training/README.md): convert ../shared/data, train on one CPU thread, score on the
# held-out dev data and ship the pipeline into src/eventlens/lang/<xx>/pipeline (fr: score the official one).
.PHONY: train-de train-en train-fr
train-de train-en train-fr: install
	OMP_NUM_THREADS=1 $(BIN)/python training/train.py $(@:train-%=%)

# The sentence classifier (second event signal): retrain from training/classifier/ and the PLOVER gold
# records, print cross-validated scores, ship src/eventlens/data/classifier/.
.PHONY: train-classifier
train-classifier: install
	OMP_NUM_THREADS=1 $(BIN)/python training/classifier/train.py
