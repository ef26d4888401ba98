#!/usr/bin/env bash
# Builds the libFuzzer targets (record parser, schema parser) with the address
# sanitizer and runs each for a set time, seeded from the shipped vault.
# usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]   (default 900 s; targets: record schema)
# Crashes are written to Tests/Fuzz/crashes/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-900}; shift || true
targets=${*:-record schema}
mkdir -p .build/fuzz Tests/Fuzz/crashes
# Compile a snapshot, so editing the sources while a long run builds is harmless.
rm -rf .build/fuzz/src && mkdir -p .build/fuzz/src && cp -r Sources/VaultKit .build/fuzz/src/ && cp -r Tests/Fuzz .build/fuzz/src/fuzz
sources=$(find .build/fuzz/src/VaultKit -name '*.swift' | sort)
for target in $targets; do
  case $target in
    record) main=.build/fuzz/src/fuzz/RecordParserFuzz.swift; seeds=$(find vault/alliances -name '*.txt' ! -name alliance.txt | sort | sed -n 1,300p) ;;
    schema) main=.build/fuzz/src/fuzz/SchemaParserFuzz.swift; seeds=$(find schemas -name '*.txt') ;;
    *) echo "unknown target $target (record, schema)" >&2; exit 2 ;;
  esac
  binary=.build/fuzz/$target
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name VaultKit $sources "$main" -o "$binary"
  corpus=.build/fuzz/corpus-$target
  mkdir -p "$corpus"
  for seed in $seeds; do cp "$seed" "$corpus/$(echo "$seed" | md5sum | cut -c1-16)"; done
  echo "fuzzing $target for $seconds s"
  "$binary" "$corpus" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=Tests/Fuzz/crashes/$target- -print_final_stats=1 2>&1 | tail -25
done
