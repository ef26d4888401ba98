#!/usr/bin/env bash
# Renders a period's HTML report in headless Chromium to a PNG and fails on any
# console message the page logs (it has no scripts, so there should be none).
# usage: scripts/render-report.sh PERIOD [OUT.png]    (needs Debian's chromium and fonts-noto-cjk)
set -euo pipefail
cd "$(dirname "$0")/.."
period=${1:?usage: scripts/render-report.sh PERIOD [OUT.png]}
png=${2:-/tmp/vault-report-$period.png}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "render-report: chromium not found; install it with: apt-get install -y chromium fonts-noto-cjk" >&2
  exit 2
fi
html=$(mktemp --suffix=.html)
log=$(mktemp)
trap 'rm -f "$html" "$log"' EXIT
swift run -q vault report "$period" --format html --output "$html"
"$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0 \
  --window-size=1000,4000 --screenshot="$png" "file://$html" 2>"$log" >/dev/null || { cat "$log" >&2; exit 1; }
if grep -q "CONSOLE" "$log"; then
  echo "render-report: the page logged console messages:" >&2
  grep "CONSOLE" "$log" >&2
  exit 1
fi
echo "rendered $png"
