#!/usr/bin/env bash
# Builds the libFuzzer targets with the address sanitizer and runs each for a set
# time, one job each, one after the other:
#   record    any bytes as an alliance's record file (parse, bind, lint, fmt)
#   schema    any bytes as a schema file (build the schema, lint, score)
#   pipeline  a small vault built from the input (schema, period, alliance, records,
#             review, and the names), run through load, lint, score, every report
#             format, stats, explain and fmt twice (which must change nothing)
# Seeds: the shipped vault and schemas (record, schema) and Tests/Fuzz/corpus/pipeline/
# (pipeline, built from the example project and the scored fixture; inputs libFuzzer
# finds go to .build/fuzz/corpus-TARGET, not into the repository).
# usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]   (default 900 s; all targets)
# Crashes are written to Tests/Fuzz/crashes/TARGET-…; minimise one with
#   .build/fuzz/TARGET -minimize_crash=1 -runs=10000 -exact_artifact_path=OUT CRASH
# replay one with .build/fuzz/TARGET CRASH, and turn each into a regression test.
# Leak detection is off: the Swift runtime keeps metadata caches that LSan reports.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-900}; shift || true
targets=${*:-record schema pipeline}
mkdir -p .build/fuzz Tests/Fuzz/crashes
# Compile a snapshot, so editing the sources while a long run builds is harmless.
rm -rf .build/fuzz/src && mkdir -p .build/fuzz/src && cp -r Sources/VaultKit .build/fuzz/src/ && cp -r Tests/Fuzz .build/fuzz/src/fuzz
sources=$(find .build/fuzz/src/VaultKit -name '*.swift' | sort)
status=0
for target in $targets; do
  max_len=4096
  case $target in
    record) main=RecordParserFuzz.swift; seeds=$(find vault/alliances -name '*.txt' ! -name alliance.txt | sort | sed -n 1,300p) ;;
    schema) main=SchemaParserFuzz.swift; seeds=$(find schemas -name '*.txt') ;;
    pipeline) main=PipelineFuzz.swift; seeds=$(find Tests/Fuzz/corpus/pipeline -type f | sort); max_len=16384 ;;
    *) echo "unknown target $target (record, schema, pipeline)" >&2; exit 2 ;;
  esac
  binary=.build/fuzz/$target
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name VaultKit $sources ".build/fuzz/src/fuzz/$main" -o "$binary"
  corpus=.build/fuzz/corpus-$target
  mkdir -p "$corpus"
  for seed in $seeds; do cp "$seed" "$corpus/$(echo "$seed" | md5sum | cut -c1-16)"; done
  echo "fuzzing $target for $seconds s"
  "$binary" "$corpus" -max_total_time="$seconds" -max_len=$max_len -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
    -artifact_prefix=Tests/Fuzz/crashes/$target- -print_final_stats=1 > ".build/fuzz/$target.log" 2>&1 || status=1
  tail -25 ".build/fuzz/$target.log"
done
exit $status
