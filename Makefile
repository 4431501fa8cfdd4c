# xxgk — the two commands a new machine needs:
#   make demo   installs what is missing, builds, runs xxgk on the samples
#   make test   installs what is missing, builds, runs every test, then
#               again under AddressSanitizer + UndefinedBehaviorSanitizer
# Other targets: build, install, serve (the web interface on the samples),
# bench, fuzz, docs, valgrind, clean.
#   make install PREFIX=/usr/local   (DESTDIR=… is respected)

MAKEFLAGS += --no-print-directory
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
ASAN_BUILD ?= build-asan
CMAKE_FLAGS ?=
PREFIX ?= /usr/local

.PHONY: all deps build install demo serve test test-release test-asan test-valgrind valgrind bench fuzz docs clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DXXGK_WERROR=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

demo: build
	@scripts/demo.sh $(BUILD)/xxgk

serve: build
	@scripts/serve_demo.sh $(BUILD)/xxgk

test: test-release test-asan test-valgrind

test-release: build
	@echo "== tests (release build)"
	@cd $(BUILD) && ctest --output-on-failure --timeout 300 -j $(JOBS)

test-asan: deps
	@echo "== tests (AddressSanitizer + UndefinedBehaviorSanitizer)"
	@cmake -S . -B $(ASAN_BUILD) -DXXGK_WERROR=ON -DXXGK_SANITIZE=ON \
	    -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --output-on-failure --timeout 300 -j $(JOBS)

test-valgrind: build
	@echo "== unit tests and the command under valgrind"
	@scripts/valgrind.sh $(BUILD)

valgrind: test-valgrind

bench: build
	@scripts/install-deps.sh --bench
	@cmake --build $(BUILD) --target bench-all -j $(JOBS)
	@scripts/bench.sh $(BUILD)

fuzz:
	@scripts/install-deps.sh --fuzz
	@CC=clang cmake -S . -B build-fuzz -DXXGK_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@scripts/fuzz.sh build-fuzz $(FUZZ_SECONDS)

docs: build
	@$(BUILD)/xxgk check --list-rules --format markdown > docs/rules.md

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
