# Gongkai — the two commands a newcomer needs are `make run` and `make test`.
# Each installs what is missing from Debian's packages first (scripts/install-deps.sh).

BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)
DB ?= gongkai.db
PORT ?= 8080
LAUNCHER := $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache,)
CMAKE_FLAGS := -G Ninja $(LAUNCHER)
SANITIZER_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
SOURCES := $(shell git ls-files 'src/*.cc' 'src/*.h' 'bench/*.cc' 'fuzz/*.cc' 2>/dev/null)

.PHONY: all deps deps-build build build-asan run test test-unit test-asan test-pg test-e2e \
        test-docs test-fuzz format format-check bench fuzz clean

all: build

deps:
	@scripts/install-deps.sh all

deps-build:
	@scripts/install-deps.sh build

# Optimised as RelWithDebInfo (-O2) but without debug info: on CI's two cores the -g objects cost a
# quarter more compile time (web/app_test.cc: 27.6 s against 20.3 s of CPU) and slower links, and
# the ASan tree (-g) is where a failure is debugged.
$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG"

build: deps-build $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

$(ASAN_BUILD)/build.ninja:
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DGONGKAI_SANITIZE=ON \
	  -DGONGKAI_BENCH=OFF

build-asan: deps $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD) -j $(JOBS)

# Starts the web application on an embedded SQLite file with a demo government.
# The demo database is brought up to the current schema first (a production one is migrated by
# its administrator after a backup: `serve` refuses an old schema and says so).
run: build
	$(BUILD)/gongkai db migrate --db $(DB)
	$(BUILD)/gongkai serve --db $(DB) --demo --port $(PORT)

# Everything CI runs: style, unit tests, the same tests under ASan+UBSan (with every fuzz target
# replaying its seeds), PostgreSQL, browser.
test: deps format-check build test-unit build-asan test-asan test-pg test-e2e

test-unit: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 600

test-asan: build-asan
	cd $(ASAN_BUILD) && $(SANITIZER_ENV) ctest --output-on-failure -j $(JOBS) --timeout 900

# The store and register tests again, against a throw-away PostgreSQL cluster.
test-pg: build
	scripts/with-postgres.sh $(BUILD)/src/store_test

test-e2e: build
	scripts/browser-test.sh $(BUILD)

format:
	clang-format -i $(SOURCES)

format-check:
	@clang-format --dry-run --Werror $(SOURCES) && echo "format-check: ok"

bench: build
	scripts/bench.sh $(BUILD)

# Builds the libFuzzer targets with clang and fuzzes each for FUZZ_SECONDS (default 60).
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

# The fuzz targets replay their seeds once (regression inputs included) under ASan+UBSan: the
# same replays `make test-asan` runs, alone.
test-fuzz: build-asan
	cd $(ASAN_BUILD) && $(SANITIZER_ENV) ctest --output-on-failure -L fuzz

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
