# The study, end to end: `make` runs the four notebooks headlessly and
# exports each to output/ as HTML and DOCX; `make test` runs the tests.
# Both install what they need first (see `make help`).
#
# What make promises (README, "What make promises"):
# - output/ (output/<catalog>/ for another catalog) and data/interim,
#   data/processed hold the outputs of the last requested parameter set:
#   the parameters, the catalog's content and the code's select a run
#   folder (.runs/<catalog>-<hash>, see .tools/run-set) in which the
#   notebooks run, and its outputs are published into the checkout only
#   when the whole run succeeded (.tools/publish). Returning to earlier
#   parameters publishes their run folder again, re-making only what is out
#   of date there.
# - Parameters are checked before anything else runs (`songs params`).
# - One make at a time per checkout: a second one waits (.tools/make-lock);
#   when a make ends, also by Ctrl-C or SIGKILL, its notebook runs and
#   kernels are stopped and its temporary folders removed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := reports
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules --no-print-directory

# ---- One make at a time ------------------------------------------------------
# The first make of a tree takes the checkout's lock for its whole life; the
# makes it starts inherit SONGS_MAKE_PID and take none. `help` and `lab` (a
# server that runs for hours) take none: lab's set-up runs in a make that does.
ifeq ($(SONGS_MAKE_PID),)
ifneq ($(filter-out help lab,$(or $(MAKECMDGOALS),$(.DEFAULT_GOAL))),)
ifeq ($(shell command -v python3),)
$(error python3 is needed (3.11 or newer, with its venv module): install it and run make again)
endif
SONGS_MAKE_LOCK := $(shell python3 .tools/make-lock $$PPID $(MAKECMDGOALS))
ifneq ($(words $(SONGS_MAKE_LOCK)),2)
$(error could not take this checkout's make lock (.stamps/make.lock))
endif
export SONGS_MAKE_PID := $(word 1,$(SONGS_MAKE_LOCK))
export SONGS_MAKE_START := $(word 2,$(SONGS_MAKE_LOCK))
endif
endif
# Every temporary file of a make (go build, GoNB, browsers, tests) goes to a
# folder of its own, removed when the make ends.
ifneq ($(SONGS_MAKE_PID),)
export TMPDIR := $(CURDIR)/.tmp/make-$(SONGS_MAKE_PID)
endif

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
else ifneq ($(RAW_CSV),)
DEFAULT_RAW :=
OUT := output/$(CATALOG)
PROCESSED := data/processed/$(CATALOG)
else
$(error CATALOG=$(CATALOG) is unknown: use rolling-stones or hit-predictor, or set RAW_CSV to its file)
endif
RAW_CSV ?= $(DEFAULT_RAW)
# A path that leaves the checkout is made absolute: the notebooks run from a
# run folder inside it (.runs/...).
ifneq ($(filter ../%,$(RAW_CSV)),)
override RAW_CSV := $(abspath $(RAW_CSV))
endif
# The catalog's default file must match data/raw/SHA256SUMS (and is copied
# from SHARED_DATA when missing); any other file is accepted with its
# checksum reported. Decided by value, so a recursive make, which sees
# RAW_CSV in its environment, decides the same.
CHECK_SUM := $(if $(and $(DEFAULT_RAW),$(filter $(DEFAULT_RAW),$(RAW_CSV))),yes,no)
DICTIONARY_XLSX ?= data/raw/Data Dictionary-Creating cohorts of songs.xlsx
export CATALOG SEED POPULAR_THRESHOLD K RAW_CSV DICTIONARY_XLSX
export SONGS_ROOT := $(CURDIR)

# ---- Tools -------------------------------------------------------------------
GO ?= go
TOOLS := $(CURDIR)/.tools
export GOBIN := $(TOOLS)/bin
export PATH := $(GOBIN):$(shell $(GO) env GOROOT 2>/dev/null)/bin:$(PATH)
export GOFLAGS := -mod=mod -buildvcs=false
# Jupyter comes from a pinned, project-local environment (requirements.txt,
# made by .tools/pin-requirements) and is always run as $(PY) -m ...; its
# kernelspecs, settings and runtime files stay in .jupyter/.
VENV := .venv
PY := $(CURDIR)/$(VENV)/bin/python
PYTHON3 ?= python3
export JUPYTER_PYTHON := $(PY)
export JUPYTER_DATA_DIR := $(CURDIR)/.jupyter
export JUPYTER_CONFIG_DIR := $(CURDIR)/.jupyter/config
export JUPYTER_PLATFORM_DIRS := 1
STAMPS := .stamps
KERNEL := $(JUPYTER_DATA_DIR)/kernels/gonb/kernel.json
export SONGS := $(GOBIN)/songs
# A notebook depends on the Go files of the packages it imports and of their
# dependencies inside this module, so editing songs/ re-runs exactly the
# notebooks that use the edited code.
MODULE := github.com/songcohorts/cohorts
nb_imports = $(sort $(shell grep -o '$(MODULE)/songs[a-z/]*' $(1) 2>/dev/null))
go_sources = $(if $(1),$(shell $(GO) list -e -deps -f '{{if .Module}}{{if eq .Module.Path "$(MODULE)"}}{{$$d := .Dir}}{{range .GoFiles}}{{$$d}}/{{.}} {{end}}{{end}}{{end}}' $(1) 2>/dev/null))
nb_sources = go.mod go.sum $(call go_sources,$(call nb_imports,$(1)))
# The code a run executes: a new version of it gets a run folder of its own.
CODE = $(sort $(NOTEBOOKS) $(foreach nb,$(NOTEBOOKS),$(call nb_sources,$(nb))))
TIMEOUT ?= 1200

STEMS := 01-cleaning 02-eda 03-tests-validation 04-insights
NOTEBOOKS := $(STEMS:%=notebooks/%.ipynb)
REPORTS := $(STEMS:%=$(OUT)/%.html) $(STEMS:%=$(OUT)/%.docx)

.PHONY: reports help params run-folder prepare setup venv kernel data test-data lab metrics clean FORCE
.PHONY: layout-tools test gotest check-notebooks notebook-test browser-test safety-test bad-input-test make-test check-reports golden bench noasm-check

help: ## List the targets
	@grep -hE '^[a-zA-Z_%/.()-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 24

# ---- Runs --------------------------------------------------------------------
# in_run TARGETS,FILES: checks the parameters, sets up and stages, makes
# TARGETS (paths in the run folder of this parameter set; JOBS at once) and
# publishes FILES of it (all when empty) into the checkout. Set-up runs
# first and alone (it may call apt).
JOBS ?= 3
# make -n prints what would run: a run folder is not published then (read
# in the recipe, where MAKEFLAGS starts with the one-letter options).
DRY_RUN = $(findstring n,$(firstword -$(MAKEFLAGS)))
PUBLISH = $(if $(DRY_RUN),echo "would publish",$(PY) .tools/publish)
define in_run
@$(MAKE) params
@$(MAKE) prepare
@set=$$($(SONGS) params | $(PY) .tools/run-set $(OUT) $(CODE)); \
$(MAKE) -j$(JOBS) --output-sync=target SET=$$set $(addprefix $$set/,$(1)); \
$(PUBLISH) $$set $(OUT) $(2)
endef

ifeq ($(SET),)
reports: ## Run the four notebooks and write output/<stem>.html and .docx (default)
	@$(MAKE) params
	@$(MAKE) prepare
	@set=$$($(SONGS) params | $(PY) .tools/run-set $(OUT) $(CODE)); \
	touch $(TMPDIR)/reports-start; start=$$(date +%s%N); \
	$(MAKE) -j$(JOBS) --output-sync=target SET=$$set run-reports; \
	if [ -n "$$(find $$set/$(OUT) -maxdepth 1 -name '*.docx' -newer $(TMPDIR)/reports-start)" ]; then \
	  ms=$$(( ($$(date +%s%N) - start) / 1000000 )); \
	  printf 'seconds\t%d.%03d\njobs\t%s\nwhen\t%s\n' $$((ms / 1000)) $$((ms % 1000)) $(JOBS) "$$(date -u +%Y-%m-%dT%H:%M:%SZ)" > $$set/$(OUT)/make-time.tsv; \
	  echo "notebooks and exports took $$((ms / 1000)).$$((ms % 1000 / 100)) s; the slowest cells:"; \
	  tail -n +2 $$set/$(OUT)/notebook-times.tsv | sort -t $$'\t' -k4,4gr | \
	    awk -F'\t' 'NR <= 5 { printf "  %7.1f s  %s cell %s: %s\n", $$4, $$1, $$2, substr($$3, 1, 70) }'; \
	fi; \
	$(PUBLISH) $$set $(OUT)

# Single files: made in the run folder of the requested parameters and
# published alone (with the rest of that parameter set's published files).
$(OUT)/%.ipynb: FORCE
	$(call in_run,$(OUT)/$*.ipynb,$(OUT)/$*.ipynb)
$(OUT)/%.html: FORCE
	$(call in_run,$(OUT)/$*.html,$(OUT)/$*.html $(OUT)/$*-nocode.html)
$(OUT)/%.docx: FORCE
	$(call in_run,$(OUT)/$*.docx,$(OUT)/$*.docx)
$(OUT)/metrics.json: FORCE
	$(call in_run,$(OUT)/metrics.json,$(OUT)/metrics.json)
metrics: $(OUT)/metrics.json ## Merge the notebooks' metrics into output/metrics.json
endif

run-folder: venv ## Print the run folder of the current parameters (.runs/<catalog>-<hash>), after checking and staging
	@$(MAKE) params
	@$(MAKE) data >/dev/null
	@$(SONGS) params | $(PY) .tools/run-set $(OUT) $(CODE)

params: $(SONGS) ## Check the parameters (CATALOG, RAW_CSV, SEED, K, POPULAR_THRESHOLD): a bad one stops make before anything runs
	@$(SONGS) params >/dev/null

prepare: setup data
	@:

# ---- Set-up ------------------------------------------------------------------
# What only the system gives: pandoc (the DOCX export); for the tests
# Chromium (the browser tests). Installed with apt as root on Debian, else named.
$(STAMPS)/system: .tools/setup-system
	@mkdir -p $(STAMPS)
	@bash .tools/setup-system pandoc=pandoc
	@touch $@

venv: ## Create .venv from requirements.txt (again when the file changed or the checkout moved)
	@bash .tools/venv $(VENV) requirements.txt $(PYTHON3) python3 /usr/bin/python3

$(GOBIN)/gonb $(GOBIN)/goimports &: go.mod
	$(GO) install tool
	@touch $(GOBIN)/gonb $(GOBIN)/goimports

# The kernelspec holds no absolute path (see .tools/kernelspec). The kernel
# resolves modules itself (cells skip `go get`) and links without a symbol
# table, which saves a second per cell; GOGC=400 lets the go command, the
# linker and the cells collect garbage less often (a cell's build takes
# 0.42 s of CPU instead of 0.50). Rewritten when this Makefile changes.
$(KERNEL): .tools/kernelspec Makefile $(GOBIN)/gonb $(GOBIN)/goimports | venv
	@$(PY) .tools/kernelspec $(dir $@) GOFLAGS="-mod=mod -buildvcs=false -ldflags=-s" GOGC=400

# plotly.js (embedded by notebook 04) and playwright-core (the browser tests)
# come from npm, pinned by .tools/package-lock.json.
$(STAMPS)/npm: .tools/package.json .tools/package-lock.json
	@mkdir -p $(STAMPS)
	@command -v npm >/dev/null || bash .tools/setup-system node=nodejs npm=npm
	cd .tools && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

setup: venv $(STAMPS)/system $(KERNEL) $(STAMPS)/npm ## Install what the notebooks need (.venv, pandoc, GoNB, kernelspec, npm tools)

kernel: $(KERNEL) ## Install the gonb kernelspec into .jupyter (JUPYTER_DATA_DIR) for interactive use
	@echo "kernelspec: $(dir $(KERNEL))"
	@echo "to register it with a JupyterLab you already run: jupyter kernelspec install --user --name gonb $(dir $(KERNEL))"

LAB_PORT ?= 8888
lab: ## Start JupyterLab 4 (from .venv) on 127.0.0.1:LAB_PORT with the gonb kernel; prints the URL with its token
	@$(MAKE) params
	@$(MAKE) prepare
	@bash .tools/lab $(LAB_PORT)

# ---- Data staging --------------------------------------------------------------
# The catalogs are not ours to publish: they are copied from SHARED_DATA and
# checked against data/raw/SHA256SUMS, never committed. Runs every time (a
# checksum of a few MB): a missing or changed file is seen at once.
data: ## Stage the raw catalog from ../shared/data (or SHARED_DATA) and verify its checksum
	@bash .tools/stage-data "$(SHARED_DATA)" "$(RAW_CSV)" "$(CHECK_SUM)" "$(DICTIONARY_XLSX)"

test-data: data ## Stage both catalogs (the Go tests read them)
	@$(MAKE) data CATALOG=hit-predictor RAW_CSV='data/raw/hit-predictor/dataset-of-*.csv' >/dev/null

# ---- The run folder of one parameter set (SET=.runs/<catalog>-<hash>) ----------
.SECONDEXPANSION:
$(SONGS): go.mod go.sum $$(call go_sources,$(MODULE)/songs/cmd/songs)
	$(GO) build -o $@ ./songs/cmd/songs

ifneq ($(SET),)
S_OUT := $(SET)/$(OUT)
S_PROCESSED := $(SET)/$(PROCESSED)
S_EXECUTED := $(STEMS:%=$(S_OUT)/%.ipynb)
S_REPORTS := $(STEMS:%=$(S_OUT)/%.html) $(STEMS:%=$(S_OUT)/%.docx)
RUN_ENV := SONGS_ROOT=$(CURDIR)/$(SET)

.PHONY: run-reports
run-reports: $(S_REPORTS) $(S_OUT)/metrics.json
	@:

# A notebook runs after the files it reads: every one reads the cleaned
# tracks of 01; 03 and 04 start from the cluster validation, which
# `songs validation` caches once (either notebook would compute it too).
# It cleans the raw catalog as 01 does, so it runs beside 01 and the
# notebooks reuse it when 01 wrote the same tracks (the cache's key); it
# also caches the tests of the claims, whose results 03 and 04 report.
$(S_OUT)/01-cleaning.ipynb: $(SET)/params.env
$(S_OUT)/02-eda.ipynb: $(S_OUT)/01-cleaning.ipynb
$(S_OUT)/03-tests-validation.ipynb: $(S_OUT)/01-cleaning.ipynb $(S_PROCESSED)/validation.gob
$(S_OUT)/04-insights.ipynb: $(S_OUT)/01-cleaning.ipynb $(S_PROCESSED)/validation.gob

# The caches a notebook computes when missing are removed before it runs:
# they are keyed on the data and the parameters, not on the code.
$(S_OUT)/04-insights.ipynb: CACHES = $(S_PROCESSED)/embeddings.gob $(S_PROCESSED)/recommender-evaluation.gob

$(S_OUT)/%.ipynb: notebooks/%.ipynb $$(call nb_sources,notebooks/%.ipynb) .tools/execute-notebook.py
	@rm -f $(CACHES)
	@$(RUN_ENV) $(PY) .tools/execute-notebook.py $< $@ $(TIMEOUT)

$(S_PROCESSED)/validation.gob: $(SET)/params.env $(SONGS) $$(call nb_sources,notebooks/03-tests-validation.ipynb)
	@$(RUN_ENV) $(SONGS) validation
	@touch $@

# The exports are remade when their tools change.
EXPORT_HTML_TOOLS := .tools/export-html .tools/render-html $(wildcard .tools/nbconvert/templates/report/*) $(wildcard songs/report/export/*.go)
EXPORT_DOCX_TOOLS := .tools/export-docx .tools/docx.lua .tools/docx-reference .tools/docx-properties .tools/docx-layout .tools/unembed-images
$(S_OUT)/%.html: $(S_OUT)/%.ipynb $(EXPORT_HTML_TOOLS) | $(SONGS)
	@bash .tools/export-html $< $@

$(S_OUT)/%.docx: $(S_OUT)/%.html $(EXPORT_DOCX_TOOLS)
	@bash .tools/export-docx $< $@

$(S_OUT)/metrics.json: $(S_EXECUTED) $(SONGS)
	@$(RUN_ENV) $(SONGS) metrics --out $@ $(S_PROCESSED)/metrics-*.json
endif

# ---- Tests ---------------------------------------------------------------------
test: params setup test-data gotest noasm-check check-notebooks notebook-test browser-test safety-test bad-input-test check-reports make-test ## Run every test: go vet, go test, notebooks headless and in JupyterLab, export checks, make's promises

gotest: ## Go tests only (no Jupyter needed)
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -tags noasm ./songs/cluster/... ./songs/embed/... ./songs/stats/... ./songs/internal/...

noasm-check: reports ## The cohorts of songs validation, cohorts and run are byte-identical with the assembly kernels and with -tags noasm
	@bash .tools/noasm-check

bad-input-test: setup $(SONGS) ## Notebook 01 on a catalog with a bad value: a clear error, no output changed
	@$(MAKE) data CATALOG=rolling-stones RAW_CSV=data/raw/rolling_stones_spotify.csv >/dev/null
	@bash .tools/bad-input-test data/raw/rolling_stones_spotify.csv

# The browser tests drive the system's Chromium with playwright-core
# (.tools/package.json); they run the notebooks from a temporary project
# root, so they leave data/ and output/ alone (but the screenshots).
BROWSER_TIMEOUT ?= 900
browser-test: setup ## Run each notebook in JupyterLab 4 from headless Chromium; screenshots in output/screenshots
	@$(MAKE) data CATALOG=rolling-stones RAW_CSV=data/raw/rolling_stones_spotify.csv >/dev/null
	@rc=0; bash .tools/setup-system --optional "the browser tests" chromium=chromium || rc=$$?; \
	if [ $$rc -eq 3 ]; then exit 0; elif [ $$rc -ne 0 ]; then exit $$rc; fi; \
	bash .tools/browser-test output/screenshots $(BROWSER_TIMEOUT) $(STEMS:%=%.ipynb)

safety-test: setup $(SONGS) ## Reports of a hostile catalog opened in Chromium: no script runs, titles shown as text (output/safety)
	@rc=0; bash .tools/setup-system --optional "the report safety test" chromium=chromium || rc=$$?; \
	if [ $$rc -eq 3 ]; then exit 0; elif [ $$rc -ne 0 ]; then exit $$rc; fi; \
	bash .tools/safety-test output/safety $(TIMEOUT) $(NOTEBOOKS)

check-notebooks: $(SONGS) ## Fail if a committed notebook carries outputs or execution counts
	$(SONGS) check-notebooks $(NOTEBOOKS)

# LibreOffice and pdftotext let the export checks read each DOCX as a person
# would (as PDF pages); only the tests install them (as root on Debian; the
# check says what it skipped without them, and fails under CI=true).
layout-tools:
	@bash .tools/setup-system --optional "the DOCX layout checks" soffice=libreoffice-writer-nogui pdftotext=poppler-utils || [ $$? -eq 3 ]

notebook-test: reports layout-tools ## Execute every notebook headlessly and check the exported files (DOCX tables through LibreOffice)
	$(SONGS) check-exports $(REPORTS)

# The report check reads every exported report of both catalogs (the
# hostile reports of safety-test excepted): `make check-reports` makes
# what is missing or stale, then checks; the layout check of the other
# catalog's DOCX files runs here too.
RS_REPORTS := $(foreach s,$(STEMS),output/$(s).html output/$(s)-nocode.html output/$(s).docx)
HP_REPORTS := $(foreach s,$(STEMS),output/hit-predictor/$(s).html output/hit-predictor/$(s)-nocode.html output/hit-predictor/$(s).docx)
check-reports: layout-tools ## Read the text of every report of both catalogs: no NaN, nil, %!, "Skipped:", raw markup, paths, empty fields, Rolling Stones wording elsewhere
	@$(MAKE) reports CATALOG=rolling-stones RAW_CSV=data/raw/rolling_stones_spotify.csv
	@$(MAKE) reports CATALOG=hit-predictor RAW_CSV='data/raw/hit-predictor/dataset-of-*.csv'
	@status=0; \
	$(SONGS) check-exports $(filter %.docx,$(HP_REPORTS)) || status=1; \
	$(SONGS) check-reports --catalog rolling-stones $(RS_REPORTS) || status=1; \
	$(SONGS) check-reports --catalog hit-predictor $(HP_REPORTS) || status=1; \
	exit $$status

golden: ## Redraw the chart test images (songs/chart/testdata/images) after an intended change to the charts' look
	$(GO) test ./songs/chart -run 'TestImages$$' -update
	@git status --short songs/chart/testdata/images

# make's promises (README), tried on scratch copies of this checkout.
make-test: setup $(SONGS) ## make's promises on scratch copies: parameters as prerequisites, no mixed outputs, locks, clean-up, bad input
	@bash .tools/make-test "$(abspath $(SHARED_DATA))"

# ---- Benchmarks -------------------------------------------------------------------
# Go against scikit-learn on catalogs generated by ../shared/bench/sklearn_ref.py
# into data/bench (ignored), the reference side from its own pinned
# environment (requirements-bench.txt in .bench-venv, made only here; the pins
# need Python 3.12 or newer: BENCH_PYTHON names one). Larger:
# make bench SIZES="1600 100000 1000000" OPS=all; APPEND=1 adds to the
# previous results instead of starting afresh.
SIZES ?= 1600 20000
OPS ?= load,kmeans,gmm,pca,knn
RUNS ?= 3
SHORT_S ?= 2
BENCH_TIMEOUT ?= 300
BENCH_VENV := .bench-venv
BENCH_PYTHON ?=
bench: ## Time Go against current scikit-learn (SIZES="1600 20000", OPS=kmeans,pca|all, RUNS=3); write output/bench.md
	@VENV_PYTHON_HINT="or set BENCH_PYTHON=/path/to/python3.12" bash .tools/venv $(BENCH_VENV) requirements-bench.txt \
	  $(BENCH_PYTHON) python3.12 python3.13 python3 $(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3)
	SIZES="$(SIZES)" OPS="$(OPS)" RUNS="$(RUNS)" SHORT_S="$(SHORT_S)" BENCH_TIMEOUT="$(BENCH_TIMEOUT)" GO="$(GO)" \
	  PYTHON="$(CURDIR)/$(BENCH_VENV)/bin/python" bash .tools/bench "$(SHARED_DATA)/../bench/sklearn_ref.py" output/bench.md

# ---- Housekeeping -----------------------------------------------------------------
clean: ## Remove everything generated (outputs, run folders, interim and processed data, tools state but .venv)
	find output -mindepth 1 ! -name README.md -exec rm -rf {} +
	rm -rf .runs $(STAMPS)/npm $(STAMPS)/system .jupyter
	find data/interim data/processed -mindepth 1 ! -name README.md -exec rm -rf {} +
