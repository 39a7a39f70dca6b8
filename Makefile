# ParkHQ — the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
DB ?= data/parkhq.db
LISTEN ?= 127.0.0.1:8080
export CCACHE_DIR ?= $(HOME)/.cache/ccache
export CCACHE_BASEDIR ?= $(CURDIR)

.PHONY: run test build deps server web unit api e2e bench clean package fuzz test-asan security-scan

deps: .deps.stamp
.deps.stamp: scripts/install-deps.sh
	@bash scripts/install-deps.sh
	@touch $@

$(BUILD_DIR)/build.ninja: CMakeLists.txt | deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

server: deps $(BUILD_DIR)/build.ninja
	@cmake --build $(BUILD_DIR)

web: deps
	@bash scripts/build-web.sh

build: server web

run: build
	@mkdir -p $(dir $(DB))
	@[ -f $(DB) ] || $(BUILD_DIR)/parkhq init --db $(DB)
	$(BUILD_DIR)/parkhq serve --db $(DB) --listen $(LISTEN) --web-root web/dist

test: build
	@bash scripts/test-all.sh

# The Debian package: build/parkhq_<version>_<arch>.deb (docs/deploy.md); scripts/test-package.sh tests it.
package: build
	@cd $(BUILD_DIR) && cpack -G DEB >/dev/null && ls -1 parkhq_*.deb

bench: build
	@bash bench/run.sh

# libFuzzer targets in fuzz/ (clang; build dir build-fuzz), each for FUZZ_SECONDS (default 20).
fuzz: deps
	@bash scripts/fuzz.sh

# The core and the C++ unit tests under ASan+UBSan (build dir build-asan); ASAN_API=1 also runs
# the API suite on SQLite against the ASan binary.
test-asan: deps
	@bash scripts/test-asan.sh

# sqlmap and wapiti against a throwaway loopback server (bounded time); see docs/security.md.
security-scan: server
	@bash scripts/security-scan.sh

clean:
	rm -rf $(BUILD_DIR) web/dist .deps.stamp
