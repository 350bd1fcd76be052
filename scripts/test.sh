#!/usr/bin/env bash
# The project's test command (README; .ci/run calls it).
# Installs the checking tools (fast when already there), then runs the tests.
# Extra arguments go to cargo, e.g.: bash scripts/test.sh site_checks -- --nocapture
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install-test-tools.sh
cargo test --release "$@"
