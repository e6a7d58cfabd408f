# The study, end to end: `make` runs the four notebooks headlessly and
# exports each to output/ as HTML and DOCX; `make test` runs the tests.
# Both install what they need first (see `make help`).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := reports
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules

# ---- Parameters (environment variables read by songs; see README) --------
CATALOG ?= rolling-stones
SEED ?= 42
POPULAR_THRESHOLD ?= 50
K ?= 0
SHARED_DATA ?= ../shared/data
ifeq ($(CATALOG),rolling-stones)
DEFAULT_RAW := data/raw/rolling_stones_spotify.csv
OUT := output
PROCESSED := data/processed
else ifeq ($(CATALOG),hit-predictor)
DEFAULT_RAW := data/raw/hit-predictor/dataset-of-*.csv
OUT := output/$(CATALOG)
PROCESSED := data/processed/$(CATALOG)
else
$(error CATALOG=$(CATALOG) is unknown: use rolling-stones or hit-predictor, or set RAW_CSV)
endif
# A RAW_CSV given by the user is accepted with its checksum reported; the
# default file must match data/raw/SHA256SUMS.
ifeq ($(origin RAW_CSV),undefined)
RAW_CSV := $(DEFAULT_RAW)
CHECK_SUM := yes
else
CHECK_SUM := no
endif
DICTIONARY_XLSX ?= data/raw/Data Dictionary-Creating cohorts of songs.xlsx
export CATALOG SEED POPULAR_THRESHOLD K RAW_CSV DICTIONARY_XLSX
export SONGS_ROOT := $(CURDIR)

# ---- Tools -------------------------------------------------------------------
GO ?= go
TOOLS := $(CURDIR)/.tools
export GOBIN := $(TOOLS)/bin
export PATH := $(GOBIN):$(shell $(GO) env GOROOT 2>/dev/null)/bin:$(PATH)
export JUPYTER_DATA_DIR := $(CURDIR)/.jupyter
export GOFLAGS := -mod=mod -buildvcs=false
JUPYTER ?= jupyter
STAMPS := .stamps
KERNEL := $(JUPYTER_DATA_DIR)/kernels/gonb/kernel.json
# A notebook depends on the Go files of the packages it imports and of their
# dependencies inside this module, so editing songs/ re-runs exactly the
# notebooks that use the edited code.
MODULE := github.com/songcohorts/cohorts
nb_imports = $(sort $(shell grep -o '$(MODULE)/songs[a-z/]*' $(1) 2>/dev/null))
go_sources = $(if $(1),$(shell $(GO) list -e -deps -f '{{if .Module}}{{if eq .Module.Path "$(MODULE)"}}{{$$d := .Dir}}{{range .GoFiles}}{{$$d}}/{{.}} {{end}}{{end}}{{end}}' $(1) 2>/dev/null))
nb_sources = go.mod go.sum $(call go_sources,$(call nb_imports,$(1)))
SONGS_CMD := $(GO) run ./songs/cmd/songs
TIMEOUT ?= 1200

STEMS := 01-cleaning 02-eda 03-tests-validation 04-insights
NOTEBOOKS := $(STEMS:%=notebooks/%.ipynb)
EXECUTED := $(STEMS:%=$(OUT)/%.ipynb)
REPORTS := $(STEMS:%=$(OUT)/%.html) $(STEMS:%=$(OUT)/%.docx)

.PHONY: reports help test test-data bad-input-test browser-test safety-test gotest notebook-test check-notebooks check-exports setup kernel data clean lab metrics

help: ## List the targets
	@grep -hE '^[a-zA-Z_%/.-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 22

# Set-up runs first and alone (it may call apt); then notebooks that do not
# depend on each other, and the exports, run side by side (JOBS at once).
JOBS ?= 3
reports: ## Run the four notebooks and write output/<stem>.html and .docx (default)
	@$(MAKE) --no-print-directory prepare
	@mkdir -p $(STAMPS) && touch $(STAMPS)/reports-start; start=$$(date +%s%N); \
	$(MAKE) --no-print-directory -j$(JOBS) --output-sync=target report-files; \
	if [ -n "$$(find $(OUT) -maxdepth 1 -name '*.docx' -newer $(STAMPS)/reports-start)" ]; then \
	  ms=$$(( ($$(date +%s%N) - start) / 1000000 )); \
	  printf 'seconds\t%d.%03d\njobs\t%s\nwhen\t%s\n' $$((ms / 1000)) $$((ms % 1000)) $(JOBS) "$$(date -u +%Y-%m-%dT%H:%M:%SZ)" > $(OUT)/make-time.tsv; \
	  echo "notebooks and exports took $$((ms / 1000)).$$((ms % 1000 / 100)) s"; \
	fi

.PHONY: prepare report-files
prepare: setup $(STAMPS)/data-$(CATALOG)
	@:
report-files: $(REPORTS) $(OUT)/metrics.json
	@:

# ---- Set-up ------------------------------------------------------------------
APT_PACKAGES := jupyter-nbconvert python3-nbclient jupyter-client pandoc
$(STAMPS)/system: .tools/setup-system
	@mkdir -p $(STAMPS)
	@bash .tools/setup-system $(APT_PACKAGES)
	@touch $@

$(GOBIN)/gonb $(GOBIN)/goimports: go.mod
	$(GO) install tool
	@touch $(GOBIN)/gonb $(GOBIN)/goimports

$(KERNEL): $(GOBIN)/gonb $(GOBIN)/goimports .tools/kernel-env
	gonb --install --force_deps --raw_error --logtostderr >/dev/null 2>&1 || gonb --install --force_deps --raw_error
	@test -f $@ || { echo "gonb did not write $@" >&2; exit 1; }
	@# The kernel resolves modules itself (cells skip `go get`) and links
	@# without a symbol table, which saves a second per cell.
	@python3 .tools/kernel-env $@ GOFLAGS="-mod=mod -buildvcs=false -ldflags=-s"

# plotly.js (embedded by notebook 04) and playwright-core (the browser tests)
# come from npm, pinned by .tools/package-lock.json.
$(STAMPS)/npm: .tools/package.json .tools/package-lock.json | $(STAMPS)/system
	@mkdir -p $(STAMPS)
	@command -v npm >/dev/null || bash .tools/setup-system nodejs npm
	@command -v npm >/dev/null || { echo "npm not found: install Node.js 18 or newer with npm" >&2; exit 1; }
	cd .tools && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# The interactive server and the browser the tests drive; only `make test`
# and `make lab` install them, so `make` alone stays light.
BROWSER_PACKAGES := jupyter-notebook chromium
$(STAMPS)/browser: .tools/setup-system | $(STAMPS)/system
	@mkdir -p $(STAMPS)
	@bash .tools/setup-system $(BROWSER_PACKAGES)
	@touch $@

setup: $(STAMPS)/system $(KERNEL) $(STAMPS)/npm ## Install what the notebooks need (Debian packages when root, GoNB, kernelspec, npm tools)

kernel: $(KERNEL) ## Install the gonb kernelspec into .jupyter (JUPYTER_DATA_DIR) for interactive use
	@echo "kernelspec: $(KERNEL)"
	@echo "to register it with your own JupyterLab: jupyter kernelspec install --user --name gonb $(dir $(KERNEL))"

LAB_PORT ?= 8888
lab: setup $(STAMPS)/browser $(STAMPS)/data-$(CATALOG) ## Start JupyterLab (or the classic Notebook) on 127.0.0.1:LAB_PORT with the gonb kernel; prints the URL
	@bash .tools/lab $(LAB_PORT)

# ---- Data staging --------------------------------------------------------------
# The catalogs are not ours to publish: they are copied from SHARED_DATA and
# checked against data/raw/SHA256SUMS, never committed.
$(STAMPS)/data-$(CATALOG): $(wildcard $(RAW_CSV)) data/raw/SHA256SUMS .tools/stage-data
	@mkdir -p $(STAMPS)
	@bash .tools/stage-data "$(SHARED_DATA)" "$(RAW_CSV)" "$(CHECK_SUM)" "$(DICTIONARY_XLSX)"
	@touch $@

data: $(STAMPS)/data-$(CATALOG) ## Stage the raw catalog from ../shared/data (or SHARED_DATA) and verify its checksum

test-data: data ## Stage both catalogs (the Go tests read them)
	@$(MAKE) --no-print-directory data CATALOG=hit-predictor RAW_CSV='data/raw/hit-predictor/dataset-of-*.csv' CHECK_SUM=yes >/dev/null

# ---- Notebooks -----------------------------------------------------------------
# A notebook runs after the files it reads: every one reads the cleaned
# tracks of 01; 03 and 04 start from the cluster validation, which
# `songs validation` caches once (either notebook would compute it too).
$(OUT)/01-cleaning.ipynb: $(STAMPS)/data-$(CATALOG)
$(OUT)/02-eda.ipynb: $(OUT)/01-cleaning.ipynb
$(OUT)/03-tests-validation.ipynb: $(OUT)/01-cleaning.ipynb $(PROCESSED)/validation.gob
$(OUT)/04-insights.ipynb: $(OUT)/01-cleaning.ipynb $(PROCESSED)/validation.gob

.SECONDEXPANSION:
$(OUT)/%.ipynb: notebooks/%.ipynb $$(call nb_sources,notebooks/%.ipynb) | setup
	@bash .tools/execute-notebook $< $@ $(TIMEOUT)

$(PROCESSED)/validation.gob: $(OUT)/01-cleaning.ipynb $$(call nb_sources,notebooks/03-tests-validation.ipynb)
	@$(SONGS_CMD) validation

$(OUT)/%.html: $(OUT)/%.ipynb
	@bash .tools/export-html $< $@

$(OUT)/%.docx: $(OUT)/%.html
	@bash .tools/export-docx $< $@

$(OUT)/metrics.json: $(EXECUTED)
	$(SONGS_CMD) metrics --out $@ $(PROCESSED)/metrics-0*.json

metrics: $(OUT)/metrics.json ## Merge the notebooks' metrics into output/metrics.json

# ---- Tests ---------------------------------------------------------------------
test: setup test-data gotest check-notebooks notebook-test browser-test safety-test bad-input-test ## Run every test: go vet, go test, notebooks headless and in a browser, export checks

gotest: ## Go tests only (no Jupyter needed)
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -tags noasm ./songs/cluster/... ./songs/embed/... ./songs/stats/... ./songs/internal/...

bad-input-test: setup $(STAMPS)/data-rolling-stones ## Notebook 01 on a catalog with a bad value: a clear error, no output changed
	@bash .tools/bad-input-test data/raw/rolling_stones_spotify.csv

# The browser tests drive Debian's chromium with playwright-core (.tools/
# package.json); they run the notebooks from a temporary project root, so they
# leave data/ alone.
BROWSER_TIMEOUT ?= 900
browser-test: setup $(STAMPS)/browser $(STAMPS)/data-$(CATALOG) ## Run each notebook in a live Jupyter server from headless Chromium; screenshots in output/screenshots
	@bash .tools/browser-test $(OUT)/screenshots $(BROWSER_TIMEOUT) $(STEMS:%=%.ipynb)

safety-test: setup $(STAMPS)/browser ## Reports of a hostile catalog opened in Chromium: no script runs, titles shown as text (output/safety)
	@bash .tools/safety-test output/safety $(TIMEOUT) $(NOTEBOOKS)

check-notebooks: ## Fail if a committed notebook carries outputs or execution counts
	$(SONGS_CMD) check-notebooks $(NOTEBOOKS)

notebook-test: reports ## Execute every notebook headlessly and check the exported files
	$(SONGS_CMD) check-exports $(REPORTS)

# ---- Benchmarks -------------------------------------------------------------------
# Go against scikit-learn on catalogs generated by ../shared/bench/sklearn_ref.py
# into data/bench (ignored). Larger: make bench SIZES="1600 100000 1000000" OPS=all;
# APPEND=1 adds to the previous results instead of starting afresh.
SIZES ?= 1600 20000
OPS ?= load,kmeans,gmm,pca,knn
RUNS ?= 3
SHORT_S ?= 2
BENCH_TIMEOUT ?= 300
.PHONY: bench
bench: ## Time Go against scikit-learn (SIZES="1600 20000", OPS=kmeans,pca|all, RUNS=3); write output/bench.md
	SIZES="$(SIZES)" OPS="$(OPS)" RUNS="$(RUNS)" SHORT_S="$(SHORT_S)" BENCH_TIMEOUT="$(BENCH_TIMEOUT)" GO="$(GO)" \
	  bash .tools/bench "$(SHARED_DATA)/../bench/sklearn_ref.py" output/bench.md

# ---- Housekeeping -----------------------------------------------------------------
clean: ## Remove everything generated (outputs, interim and processed data, tools state)
	find output -mindepth 1 ! -name README.md -exec rm -rf {} +
	rm -rf $(STAMPS) .jupyter
	find data/interim data/processed -mindepth 1 ! -name README.md -exec rm -rf {} +
