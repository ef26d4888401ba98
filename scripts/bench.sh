#!/usr/bin/env bash
# Times lint, score, report, diff and period new (release build) on generated vaults of
# 100, 1,000 and 10,000 alliances × 10 periods × 100 records, and prints the
# Markdown table of docs/performance.md. Best of RUNS (default 5) wall times,
# peak memory of that run. A benchmark, not a test: shared machines are noisy.
# usage: scripts/bench.sh [SIZES…]   (default: 100 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-100 1000 10000}
swift build -c release --product vault >/dev/null
vault=$PWD/.build/release/vault

runs=${RUNS:-5}
best() {  # best of $runs: prints "seconds peak_kb"
  local best_s=999999 best_kb=0
  for _ in $(seq "$runs"); do
    local out
    /usr/bin/time -o /tmp/vault-bench-time -f "%e %M" "$@" >/dev/null 2>/dev/null || true
    out=$(tail -1 /tmp/vault-bench-time)
    local s=${out% *} kb=${out#* }
    if awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_kb=$kb; fi
  done
  echo "$best_s $best_kb"
}

# `period new` writes files, so each run starts from a vault without the new period.
best_period_new() {  # best of $runs: prints "seconds"
  local dir=$1 best_s=999999
  for _ in $(seq "$runs"); do
    rm -f "$dir/vault/periods/2030.txt" "$dir"/vault/alliances/*/2030.txt
    /usr/bin/time -o /tmp/vault-bench-time -f "%e %M" "$vault" -C "$dir" period new 2030 --start 2030-01-01 --end 2030-12-31 >/dev/null 2>/dev/null || true
    local s; s=$(tail -1 /tmp/vault-bench-time); s=${s% *}
    if awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; fi
  done
  rm -f "$dir/vault/periods/2030.txt" "$dir"/vault/alliances/*/2030.txt
  echo "$best_s"
}

echo "| alliances | record lines | lint | score | report | diff | period new | peak memory (lint) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
  dir=/tmp/vault-bench-$n
  [ -d "$dir/vault" ] || python3 scripts/generate-vault.py "$dir" --alliances "$n" >/dev/null
  "$vault" -C "$dir" lint >/dev/null || true   # warm the page cache
  read -r lint_s lint_kb <<<"$(best "$vault" -C "$dir" lint)"
  read -r score_s _ <<<"$(best "$vault" -C "$dir" score 2023 --format tsv)"
  read -r report_s _ <<<"$(best "$vault" -C "$dir" report 2023 --format json)"
  if [ ! -d "$dir/.git" ]; then
    git -C "$dir" init -q && git -C "$dir" add -A && git -C "$dir" -c user.name=bench -c user.email=b@b commit -qm base
  fi
  first=$(ls "$dir/vault/alliances" | sed -n 1p)
  git -C "$dir" checkout -q -- . 
  echo "2023-06-30 meeting type=council title=\"加开理事会\"" >> "$dir/vault/alliances/$first/2023.txt"
  read -r diff_s _ <<<"$(best "$vault" -C "$dir" diff HEAD .)"
  git -C "$dir" checkout -q -- .
  period_s=$(best_period_new "$dir")
  echo "| $n | $((n * 1000)) | ${lint_s} s | ${score_s} s | ${report_s} s | ${diff_s} s | ${period_s} s | $((lint_kb / 1024)) MB |"
done

# The cycle commands, on a copy of each vault with one more period, 2024, open for
# review: a panel of 20 experts in two groups, every alliance `participation
# status=evaluated` in group A or B with the records of its 2023 file. `review
# assign` starts from no review files on every run (it writes one file per expert);
# `status` reports on 2024. Both are compared with a lint of the same copy.
echo
echo "| alliances | lint | review assign (initial) | status |"
echo "|---:|---:|---:|---:|"
for n in $sizes; do
  src=/tmp/vault-bench-$n dir=/tmp/vault-bench-cycle-$n
  if [ ! -f "$dir/vault/periods/2024.txt" ]; then
    rm -rf "$dir" && mkdir -p "$dir" && cp -r "$src/schemas" "$src/vault" "$dir/"
    python3 - "$dir" <<'PY'
import os, sys
root = sys.argv[1]
with open(f"{root}/vault/periods/2024.txt", "w") as f:
    f.write('period start=2024-01-01 end=2024-12-31 schema=2016 threshold=10 title="2024 年度活跃度评价（生成数据）"\n')
    for i in range(1, 21):
        f.write(f'expert id=E{i:02d} name=专家{i:02d} group={"A" if i <= 10 else "B"} role=member\n')
alliances = sorted(os.listdir(f"{root}/vault/alliances"))
for index, a in enumerate(alliances):
    lines = open(f"{root}/vault/alliances/{a}/2023.txt").read().splitlines()
    body = [l.replace("2023-", "2024-") for l in lines if not l.startswith(("published", "result", "designation"))]
    with open(f"{root}/vault/alliances/{a}/2024.txt", "w") as f:
        f.write(f"participation status=evaluated group={'AB'[index % 2]}\n" + "\n".join(body) + "\n")
PY
  fi
  rm -rf "$dir/vault/reviews"
  "$vault" -C "$dir" lint >/dev/null || true   # warm the page cache
  read -r lint_s _ <<<"$(best "$vault" -C "$dir" lint)"
  read -r assign_s _ <<<"$(best sh -c "rm -rf '$dir/vault/reviews' && '$vault' -C '$dir' review assign 2024 --stage initial")"
  read -r status_s _ <<<"$(best "$vault" -C "$dir" status 2024)"
  echo "| $n | ${lint_s} s | ${assign_s} s | ${status_s} s |"
done
