#!/usr/bin/env bash
# A/B of `vault lint` between two binaries, in alternating runs (this machine
# drifts by 30 % and more, so runs of one binary are never grouped), on the
# generated benchmark vault. Wall time by the monotonic clock (microseconds; `time`
# rounds to 10 ms, a tenth of the difference it is asked to see), CPU time from the
# child's rusage. Prints min and median of each and the ratio of the medians.
# usage: scripts/ab-lint.sh OLD_BINARY NEW_BINARY [RUNS] [VAULT]
#        (default 12 runs, /tmp/vault-bench-1000; make it with scripts/bench-lint.sh)
#        Extra lint arguments: LINT_ARGS="--lang zh" (give the old binary only what it knows).
set -euo pipefail
old=${1:?usage: scripts/ab-lint.sh OLD NEW [RUNS] [VAULT]} new=${2:?usage: scripts/ab-lint.sh OLD NEW [RUNS] [VAULT]}
runs=${3:-12} vault=${4:-/tmp/vault-bench-1000}
[ -d "$vault/vault" ] || { echo "ab-lint: no benchmark vault at $vault (scripts/bench-lint.sh makes one)" >&2; exit 2; }
exec python3 - "$old" "$new" "$runs" "$vault" <<'PY'
import os, resource, statistics, subprocess, sys, time
old, new, runs, vault = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
extra = os.environ.get("LINT_ARGS", "").split()
def run(binary):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([binary, "-C", vault, "lint", *extra], stdout=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
for binary in (old, new):  # warm the page cache
    run(binary)
rows = {"old": [], "new": []}
for _ in range(runs):
    for which, binary in (("old", old), ("new", new)):
        rows[which].append(run(binary))
for which in ("old", "new"):
    r = rows[which]
    wall = [x[0] for x in r]; user = [x[1] for x in r]; cpu = [x[1] + x[2] for x in r]
    print(f"{which}: {len(r)} runs; wall min {min(wall):.3f} median {statistics.median(wall):.3f} s; "
          f"user min {min(user):.3f} median {statistics.median(user):.3f} s; user+sys median {statistics.median(cpu):.3f} s")
o = statistics.median(x[0] for x in rows["old"]); n = statistics.median(x[0] for x in rows["new"])
ou = statistics.median(x[1] for x in rows["old"]); nu = statistics.median(x[1] for x in rows["new"])
print(f"median wall: new/old = {n / o:.3f}; median user: new/old = {nu / ou:.3f}")
PY
