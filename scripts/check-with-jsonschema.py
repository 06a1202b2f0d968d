#!/usr/bin/env python3
"""Checks canonical JSON files with Python's jsonschema, independently of gyosei's own validator.

Usage: check-with-jsonschema.py SCHEMA --valid FILE... | --invalid FILE...
With --valid every file must validate; with --invalid every file must be rejected.
Exit status 0 when every file behaves as expected, 1 otherwise.
"""
import json
import sys

import jsonschema


def main():
    if len(sys.argv) < 4 or sys.argv[2] not in ("--valid", "--invalid"):
        sys.exit(__doc__)
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    expect_valid = sys.argv[2] == "--valid"
    failures = 0
    for path in sys.argv[3:]:
        errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
        if expect_valid and errors:
            failures += 1
            print(f"{path}: expected valid, jsonschema says: {errors[0].message[:200]}")
        elif not expect_valid and not errors:
            failures += 1
            print(f"{path}: expected invalid, jsonschema accepts it")
        else:
            print(f"{path}: {'valid' if expect_valid else 'rejected'} as expected")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
