#!/usr/bin/env bash
# Checks the outputs that answer to an outside standard, with that standard's own
# validators (installed from PyPI by setup.sh):
#   - `vault lint --format sarif` on the shipped vault, with and without
#     suppressions and with a rules URL, against the OASIS SARIF 2.1.0 schema
#     with format checks (uri, uri-reference, date-time);
#   - .github/workflows/vault.yml with actionlint.
# Each checker is first shown to fail on the output it must reject (testdata/:
# the SARIF and the workflow as they were before issue 15), so a checker that
# silently checks nothing cannot pass. Usage: check.sh [VAULT-BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
vault="${1:-.build/release/vault}"
bin="$(scripts/standards/setup.sh)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

expect_rejected() {   # NAME OUTPUT-FILE PATTERN COMMAND…
    local name="$1" out="$2" pattern="$3"
    shift 3
    if "$@" > "$out" 2>&1; then
        echo "standards: $name accepted what it must reject:" >&2; cat "$out" >&2; exit 1
    fi
    grep -q -- "$pattern" "$out" || { echo "standards: $name failed for another reason:" >&2; cat "$out" >&2; exit 1; }
    echo "standards: $name rejects the old output, as it must"
}

expect_rejected "the SARIF validator" "$work/old-sarif.txt" "is not a 'uri-reference'" \
    "$bin/python" scripts/standards/validate-sarif.py scripts/standards/testdata/old-main.sarif
grep -q "is not a 'uri'" "$work/old-sarif.txt"
expect_rejected "actionlint" "$work/old-workflow.txt" 'runtime "node20" is deprecated' \
    "$bin/actionlint" scripts/standards/testdata/old-main.yml

sarif() {   # FILE ARGUMENTS…: lint exits 0 (clean) or 1 (findings), never 2
    local file="$1" status=0
    shift
    "$vault" lint --format sarif "$@" > "$file" || status=$?
    [ "$status" -le 1 ] || { echo "standards: vault lint --format sarif $* exited $status" >&2; exit 1; }
}
sarif "$work/lint.sarif"
sarif "$work/lint-no-suppressions.sarif" --no-suppressions
sarif "$work/lint-docs-url.sarif" --no-suppressions --docs-url "https://github.com/example/vault/blob/HEAD/docs/rules.md"
"$bin/python" scripts/standards/validate-sarif.py "$work/lint.sarif" "$work/lint-no-suppressions.sarif" "$work/lint-docs-url.sarif"
grep -q '"helpUri":"https://github.com/example/vault/blob/HEAD/docs/rules.md#syntax"' "$work/lint-docs-url.sarif"

"$bin/actionlint" .github/workflows/vault.yml
echo "standards: .github/workflows/vault.yml passes actionlint"
