#!/usr/bin/env bash
# Long fuzz runs of planpress (the harness is tests/fuzz.rs).
#
#   bash scripts/fuzz.sh [SECONDS] [SEED] [FAILURES]
#
# Runs mutated copies of the example plan through check and build for
# SECONDS (default 3600), starting from SEED (default: the current time, so
# each run tries new cases; it is printed, and a case is made again with
# `cargo test --release --test fuzz -- --seed SEED --case N`). Each failing
# case is copied with a report.txt to FAILURES (default fuzz-failures/).
# Exit status 0: no case failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-3600}
seed=${2:-$(date +%s)}
failures=${3:-fuzz-failures}
echo "fuzz: seed $seed for $seconds s, failing cases to $failures/"
cargo test --release --test fuzz -- \
  --seed "$seed" --seconds "$seconds" --cases 1000000000 --failures "$failures"
