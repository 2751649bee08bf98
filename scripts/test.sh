#!/usr/bin/env bash
# Installs what is missing, then configures, builds and runs every test (the `ci` workflow preset:
# optimised build, warnings as errors, Qt tests offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --workflow --preset "${1:-ci}"
