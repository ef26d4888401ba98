#!/usr/bin/env python3
"""Validates SARIF files against the OASIS SARIF 2.1.0 schema with format checks.

usage: validate-sarif.py FILE.sarif...

Every error is printed as `FILE: JSON-PATH: MESSAGE`; the exit status is 1 when
there is any (or when a format checker the schema needs is missing, which would
let a relative helpUri or an unencoded file URI pass unnoticed), else 0.
"""
import json
import os
import sys

import jsonschema

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sarif-schema-2.1.0.json")
# The formats the schema uses. The global FormatChecker holds every draft's
# checkers: the schema is draft-04, whose own checker lacks "uri-reference".
NEEDED = {"uri", "uri-reference", "date-time"}


def main(paths):
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    checker = jsonschema.FormatChecker()
    missing = NEEDED - set(checker.checkers)
    if missing:
        print(f"validate-sarif: no format checker for {', '.join(sorted(missing))}: "
              "install scripts/standards/requirements.txt", file=sys.stderr)
        return 1
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=checker)
    errors = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            try:
                document = json.load(f)
            except json.JSONDecodeError as e:
                print(f"{path}: not JSON: {e}")
                errors += 1
                continue
        found = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
        for e in found:
            where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path)
            print(f"{path}: {where}: {e.message}")
        errors += len(found)
        if not found:
            results = sum(len(run.get("results", [])) for run in document.get("runs", []))
            print(f"{path}: valid SARIF 2.1.0 ({results} results)")
    if errors:
        print(f"validate-sarif: {errors} error{'s' if errors != 1 else ''}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
