#!/usr/bin/env bash
# Installs the standards checkers (requirements.txt beside this script) into a
# virtual environment and prints its bin directory. Only wheels are accepted
# (--only-binary :all:), so nothing is built and nothing is fetched but PyPI's
# packages. The environment is reused while requirements.txt is unchanged.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${VAULT_STANDARDS_VENV:-${TMPDIR:-/tmp}/vault-standards-venv}"
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$here/requirements.txt" "$stamp"; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
        --only-binary :all: --require-virtualenv -r "$here/requirements.txt" >&2
    cp "$here/requirements.txt" "$stamp"
fi
echo "$venv/bin"
