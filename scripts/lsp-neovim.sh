#!/bin/sh
# Runs Neovim headless (Debian's neovim package) against the shipped vault with
# `vault lsp` as its language server: it opens an alliance's period file, adds an
# unsaved mistake, and prints the diagnostics and a completion list Neovim
# received (scripts/lsp-neovim.lua). Nothing is written to the vault.
# usage: scripts/lsp-neovim.sh [FILE]   (default: vault/alliances/TD/2015.txt)
set -eu
cd "$(dirname "$0")/.."
swift build -q
VAULT_BIN="$(swift build --show-bin-path)/vault" \
  exec nvim --headless --noplugin -u NONE -n -c "luafile scripts/lsp-neovim.lua" "${1:-vault/alliances/TD/2015.txt}"
