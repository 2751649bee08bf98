#!/usr/bin/env bash
# Installs what is missing, builds the release preset and opens kvtriage on the bundled demo dataset.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --workflow --preset release
exec build/release/app/kvtriage "$@" resources/demo/keyvault-audit-demo.jsonl.gz
