#!/usr/bin/python3
"""Checks resources/draft.schema.json with a real JSON Schema validator (python3-jsonschema):
a draft with every field filled is valid, so are the fixtures, and broken files are not."""
import json
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    # A build without the validator (the flatpak SDK has none) skips this test, not fails it.
    print("python3-jsonschema is not installed: the schema is not checked")
    sys.exit(77)

make_full_draft, schema_path, fixtures = sys.argv[1:4]

with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

full = json.loads(subprocess.run([make_full_draft], check=True, capture_output=True).stdout)
validator.validate(full)
# Every list was filled with two items.
assert len(full["education"]) == 2 and len(full["family"]["spouse"]["french"]["results"]) == 2, full
print("full draft: valid")

for name in ["future-minor.json", "sample-complete.json", "wizard-filled.json"]:
    try:
        with open(f"{fixtures}/{name}", encoding="utf-8") as f:
            validator.validate(json.load(f))
        print(f"{name}: valid")
    except FileNotFoundError:
        print(f"{name}: absent")

# The schema refuses what the loader refuses (the JSON-level cases of the corpus).
failures = 0
for line in open(f"{fixtures}/bad/expected.tsv", encoding="utf-8"):
    if line.startswith("#"):
        continue
    name, code, _ = line.rstrip("\n").split("\t")
    # JSON Schema cannot express "finite numbers only", nor the loader's date-time parsing, nor
    # its range of years (1900 to 2200: "format": "date" takes any year).
    year_range = ("birth-date-year-10.json", "birth-date-year-1.json", "birth-date-1899.json", "end-date-2201.json")
    if code not in ("TYPE", "VALUE") or name in ("updated-not-datetime.json", "nan.json") + year_range:
        continue
    with open(f"{fixtures}/bad/{name}", encoding="utf-8") as f:
        data = json.load(f)
    if validator.is_valid(data):
        print(f"bad/{name}: accepted by the schema, refused by the loader")
        failures += 1
    else:
        print(f"bad/{name}: refused")
sys.exit(1 if failures else 0)
