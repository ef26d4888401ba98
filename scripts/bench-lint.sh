#!/usr/bin/env bash
# Builds the generated benchmark vault and times `vault lint` on it (release build).
# usage: scripts/bench-lint.sh [ALLIANCES] [PERIODS] [RECORDS]   (default 1000 10 100)
set -euo pipefail
cd "$(dirname "$0")/.."
alliances=${1:-1000} periods=${2:-10} records=${3:-100}
out=${BENCH_DIR:-/tmp/vault-bench-$alliances}
swift build -c release --product vault >/dev/null
python3 scripts/generate-vault.py "$out" --alliances "$alliances" --periods "$periods" --records "$records"
echo "vault: $alliances alliances × $periods periods × $records records = $((alliances * periods * records)) record lines"
.build/release/vault -C "$out" lint >/dev/null   # warm the page cache
for run in 1 2 3 4 5; do
  /usr/bin/time -f "run $run: %e s wall, %U s user, %S s sys, %M KB peak" .build/release/vault -C "$out" lint >/dev/null
done
