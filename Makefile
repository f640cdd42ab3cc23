# Network Platform. `make help` lists the targets.
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIG ?= Debug
GRPC_PORT ?= 5000
HTTP_PORT ?= 5080
DATA_DIR ?= .data

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-8s %s\n", $$1, $$2}'

.PHONY: build
build: ## Build every project (warnings are errors)
	$(DOTNET) build NetworkPlatform.sln -c $(CONFIG) --nologo -clp:ErrorsOnly

.PHONY: run
run: ## Build and start the platform standalone: gRPC on 127.0.0.1:$(GRPC_PORT); JSON, gRPC-Web, dashboard on :$(HTTP_PORT) (SQLite, in-memory bus, demo)
	$(DOTNET) build services/Standalone/NetworkPlatform.Standalone.csproj -c $(CONFIG) --nologo -clp:ErrorsOnly
	GRPC_PORT=$(GRPC_PORT) HTTP_PORT=$(HTTP_PORT) $(DOTNET) run --project services/Standalone/NetworkPlatform.Standalone.csproj -c $(CONFIG) --no-build -- \
	  --data-dir $(DATA_DIR)

.PHONY: token
token: ## Print a token of the running `make run` for ROLE=<role> NETWORK=<network> [PERSON=<person id>] (the demo people and partner system)
	@DATA_DIR=$(DATA_DIR) HTTP_PORT=$(HTTP_PORT) deploy/local/token.sh

.PHONY: tokens
tokens: ## Print `export NAME=<token>` for each role of the running `make run`'s demo: eval "$$(make -s tokens)"
	@DATA_DIR=$(DATA_DIR) HTTP_PORT=$(HTTP_PORT) deploy/local/token.sh --exports

.PHONY: test
test: ## Install missing system packages, start test servers, run all tests, print "N passed, N failed"
	tests/tools/run-tests.sh

.PHONY: bench
bench: ## Benchmarks: the platform over stock gRPC and C++ grpc, storage, events, costs as a network grows (scale): peers or smaller sizes measured in the same run (prints ratios)
	tests/tools/install-deps.sh
	$(DOTNET) run --project tests/NetworkPlatform.Benchmarks -c Release -- all

.PHONY: up
up: ## Local distributed mode: PostgreSQL, RabbitMQ and each service as its own process on 127.0.0.1:5101-5104
	deploy/local/up.sh

.PHONY: down
down: ## Stop what `make up` started (data stays in .data/up)
	deploy/local/down.sh

.PHONY: clean
clean: ## Remove build output and local data
	rm -rf artifacts $(DATA_DIR)

.PHONY: events-catalogue
events-catalogue: ## Regenerate docs/events/asyncapi.json (the AsyncAPI catalogue) from the event types in NetworkPlatform.Events
	NP_WRITE_EVENTS_CATALOGUE=1 $(DOTNET) test tests/NetworkPlatform.Messaging.Tests --nologo \
	  --filter "FullyQualifiedName~AsyncApiCatalogueTests.the_checked_in_catalogue_matches_the_event_contracts"
