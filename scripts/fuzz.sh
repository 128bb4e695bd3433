#!/usr/bin/env bash
# Fuzzes the GIFT parser, the HTML-to-safe-text conversion and the QTI item
# reader with libFuzzer (issue 11 §5): configures build-fuzz/ with clang++
# (-DEXAM_BUILD_FUZZERS=ON: item-bank and tests/fuzz only, instrumented with
# ASan and UBSan), builds the three targets and runs each for a bounded time
# from the seed corpus in tests/fuzz/corpus/. New inputs go to
# build-fuzz/corpus/, never into the committed seeds; a crash leaves its input
# in build-fuzz/crashes/ and fails the script.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 30; FUZZ_JOBS for the build, default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
jobs="${FUZZ_JOBS:-2}"
build=build-fuzz
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (Debian: clang)" >&2; exit 2; }
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DEXAM_BUILD_FUZZERS=ON >/dev/null
fi
cmake --build "$build" --parallel "$jobs" --target fuzzers

mkdir -p "$build/crashes"
status=0
for target in gift_reader:gift html_to_safe_text:html qti_item_reader:qti; do
  name="${target%%:*}"
  seeds="${target##*:}"
  work="$build/corpus/$seeds"
  mkdir -p "$work"
  echo "fuzz_$name: ${seconds}s from tests/fuzz/corpus/$seeds"

  if ! UBSAN_OPTIONS=print_stacktrace=1 \
      "$build/tests/fuzz/fuzz_$name" "$work" "tests/fuzz/corpus/$seeds" \
      -dict="tests/fuzz/$seeds.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=8192 -artifact_prefix="$build/crashes/$name-" -print_final_stats=1 2>"$build/fuzz_$name.log"; then
    echo "fuzz_$name FAILED: see $build/fuzz_$name.log and $build/crashes/" >&2
    tail -40 "$build/fuzz_$name.log" >&2
    status=1
  else
    grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$build/fuzz_$name.log" | sed 's/^/  /'
  fi
done
exit "$status"
