#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
# The importers under libFuzzer, 30 s a target (about 2.5 min with its clang
# build on 2 cores; docs/fuzzing.md).
FUZZ_JOBS="$(nproc)" scripts/fuzz.sh 30
