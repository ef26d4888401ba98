#!/usr/bin/env bash
# Renders a report's HTML page in headless Chromium as a 390-px phone, a 1000-px
# screen and an A4 PDF, and checks it (scripts/check-render.py): no text drawn under
# 11 px, no table cell wrapping one character a line, no page wider than the screen,
# nothing logged or thrown by the page. Fails (exit 1) with the findings.
# usage: scripts/render-report.sh PERIOD|--alliance ID [OUTDIR]
#        (needs Debian's chromium and fonts-noto-cjk; VAULT=path/to/vault to skip `swift run`)
# Writes OUTDIR/NAME-390.png, NAME-1000.png and NAME.pdf (default OUTDIR: /tmp/vault-render).
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: scripts/render-report.sh PERIOD|--alliance ID [OUTDIR]"
if [ "${1:-}" = "--alliance" ]; then
  wanted=${2:?$usage}
  arguments=(--alliance "$wanted")
  name="alliance-$wanted"
  outdir=${3:-/tmp/vault-render}
else
  period=${1:?$usage}
  arguments=("$period")
  name="report-$period"
  outdir=${2:-/tmp/vault-render}
fi
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
  echo "render-report: chromium not found; install it with: apt-get install -y chromium fonts-noto-cjk" >&2
  exit 2
fi
html=$(mktemp --suffix=.html)
trap 'rm -f "$html"' EXIT
if [ -n "${VAULT:-}" ]; then
  "$VAULT" report "${arguments[@]}" --format html --output "$html"
else
  swift run -q vault report "${arguments[@]}" --format html --output "$html"
fi
scripts/check-render.py "$html" "$outdir" "$name"
