#!/bin/sh
# Rewrites every generated block of the Chinese guides (docs/zh/*.md) from what vault
# prints now, then checks them. Each guide is played by scripts/zh-guides/NAME.sh (a
# project built from the shipped vault in a temporary directory); run this after a
# change to vault's output (a translation merged), read `git diff docs/zh`, commit it.
set -eu
cd "$(dirname "$0")/.."
swift build --build-tests
# The first run rewrites the blocks that changed and fails for each; the second must pass.
VAULT_RECORD_ZH_GUIDES=1 swift test --skip-build --filter ZhGuideTests > /dev/null 2>&1 || true
swift test --skip-build --filter ZhGuideTests
