#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, and run the main job:
# exam-server on https://localhost:8443 with the seed qualifications, the
# sample item bank, demo staff, a demo centre, candidates and an open session,
# on an embedded SQLite database in ./exam-data. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build/admin/exam-admin validate item-bank/
exec build/exam-server/exam-server --demo --data-dir "${EXAM_DATA_DIR:-exam-data}" --port "${EXAM_PORT:-8443}" "$@"
