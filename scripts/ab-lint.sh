#!/usr/bin/env bash
# A/B of `vault lint` between two binaries, in alternating runs (this machine
# drifts by 30 % and more, so runs of one binary are never grouped), on the
# generated benchmark vault. Prints min and median of wall, user and peak memory.
# usage: scripts/ab-lint.sh OLD_BINARY NEW_BINARY [RUNS] [VAULT]
#        (default 12 runs, /tmp/vault-bench-1000; make it with scripts/bench-lint.sh)
set -euo pipefail
old=${1:?usage: scripts/ab-lint.sh OLD NEW [RUNS] [VAULT]} new=${2:?usage: scripts/ab-lint.sh OLD NEW [RUNS] [VAULT]}
runs=${3:-12} vault=${4:-/tmp/vault-bench-1000}
[ -d "$vault/vault" ] || { echo "ab-lint: no benchmark vault at $vault (scripts/bench-lint.sh makes one)" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$old" -C "$vault" lint >/dev/null || true   # warm the page cache
"$new" -C "$vault" lint >/dev/null || true
for ((run = 1; run <= runs; run++)); do
  for which in old new; do
    binary=$old; [ "$which" = new ] && binary=$new
    /usr/bin/time -a -o "$log" -f "$which %e %U %M" "$binary" -C "$vault" lint >/dev/null || true
  done
done
python3 - "$log" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    which, wall, user, peak = line.split()
    rows.setdefault(which, []).append((float(wall), float(user), int(peak)))
for which in ("old", "new"):
    r = rows[which]
    wall = [x[0] for x in r]; user = [x[1] for x in r]; peak = [x[2] for x in r]
    print(f"{which}: {len(r)} runs; wall min {min(wall):.3f} median {statistics.median(wall):.3f} s; "
          f"user min {min(user):.2f} median {statistics.median(user):.3f} s; peak {max(peak) // 1024} MB")
o = statistics.median(x[0] for x in rows["old"]); n = statistics.median(x[0] for x in rows["new"])
print(f"median wall: new/old = {n / o:.3f}")
PY
