#!/usr/bin/env bash
# Fails when a tracked C++ file differs from .clang-format (clang-format 14, installed by
# scripts/install-deps.sh). Fix with: git ls-files '*.h' '*.cpp' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "format-check: clang-format is not installed" >&2; exit 1; }
bad=()
while IFS= read -r f; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done < <(git ls-files '*.h' '*.cpp')
if [ ${#bad[@]} -gt 0 ]; then
  printf 'format-check: %s differs from .clang-format\n' "${bad[@]}" >&2
  echo "format-check: run: git ls-files '*.h' '*.cpp' | xargs clang-format -i" >&2
  exit 1
fi
echo "format-check: every C++ file follows .clang-format"
