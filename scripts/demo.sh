#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, and run the main job.
# Today the main job is the item bank: validate every bundled file and show the
# rules of combination at work. (The exam server with demo data follows.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
admin=build/admin/exam-admin
echo
echo "== exam-admin validate item-bank/"
"$admin" validate item-bank/
echo
echo "== Pearson BTEC Level 3 Certificate 501/0443/3 with units 3, 4 and 5"
"$admin" rules 501/0443/3 T/602/1361 K/602/1597 M/602/1598
echo
echo "== VTCT Level 3 Diploma 601/4883/4 with the mandatory units and 11 credits of Group B"
"$admin" rules 601/4883/4 UBU52 UBU53 UBU54 UBU55 UBU56 UBU57 UBU58 UBU62
echo
echo "== exam-admin uln 9276308686"
"$admin" uln 9276308686
