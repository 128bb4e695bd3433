#!/usr/bin/env bash
# The staff console's room under a full room (docs/performance.md, "The staff
# console's room"): exam-server with demo data on a loopback port, exam-load's
# simulated candidates, the room in headless Chromium. Builds what it needs.
#   scripts/bench-console-room.sh [--candidates 300] [--duration 60] [--save-interval 5]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
cmake --build build --target exam-load
exec node tests/browser/bench/room-load.bench.mjs \
  --server build/exam-server/exam-server --load build/tests/load/exam-load \
  --staff-dir build/staff-console --client-dir build/candidate-client \
  --modules candidate-client/node_modules "$@"
