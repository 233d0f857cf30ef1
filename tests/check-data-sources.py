#!/usr/bin/env python3
"""Checks the reference data that Déclic carries in resources/data/.

usage: check-data-sources.py RESOURCES_DIR

Fails when a data file has no section in data/SOURCE.md, when its SHA-256 is not the one its
section records, when the NOC-based files lack Statistics Canada's credit line (the Open Licence's
condition), when a metadata file (data/*.json) names a file or a SHA-256 that does not match, or
when a data file is not compiled into the core's resources (declic-core.gresource.xml).
"""

import hashlib
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

CREDIT = "Source: Statistics Canada, National Occupational Classification (NOC) 2021 Version 1.0."
# Files whose rows are NOC 2021 unit groups, hence reuse Statistics Canada's classification.
NOC_BASED = {"noc-2021.csv", "labour-market-diagnosis-2024-2028.csv"}


def sha256_of(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read_sections(path):
    """{file name: section text} for each '## NAME' heading of SOURCE.md."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    sections = {}
    for part in re.split(r"^## ", text, flags=re.M)[1:]:
        name, _, body = part.partition("\n")
        sections[name.strip()] = body
    return sections


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    resources = argv[1]
    data_dir = os.path.join(resources, "data")
    errors = []

    sections = read_sections(os.path.join(data_dir, "SOURCE.md"))
    gresource = ET.parse(os.path.join(resources, "declic-core.gresource.xml"))
    compiled = {f.text for f in gresource.iter("file")}

    files = sorted(n for n in os.listdir(data_dir) if n != "SOURCE.md")
    if not any(n.endswith(".csv") for n in files):
        errors.append(f"{data_dir}: no data file")
    meta_described = set()

    for name in files:
        path = os.path.join(data_dir, name)
        actual = sha256_of(path)
        if f"data/{name}" not in compiled:
            errors.append(f"{name}: not listed in declic-core.gresource.xml")

        if name.endswith(".json"):
            with open(path, encoding="utf-8") as f:
                meta = json.load(f)
            for key in ("id", "file", "sha256", "status", "source"):
                if not meta.get(key):
                    errors.append(f"{name}: no {key!r}")
            target = meta.get("file", "")
            if target not in files:
                errors.append(f"{name}: names {target!r}, which is not in {data_dir}")
            elif meta.get("sha256") != sha256_of(os.path.join(data_dir, target)):
                errors.append(f"{name}: sha256 {meta.get('sha256')} is not that of {target} "
                              f"({sha256_of(os.path.join(data_dir, target))})")
            if target in NOC_BASED and meta.get("credit") != CREDIT:
                errors.append(f"{name}: credit is {meta.get('credit')!r}, expected {CREDIT!r}")
            meta_described.add(target)
            continue

        section = sections.get(name)
        if section is None:
            errors.append(f"{name}: no '## {name}' section in SOURCE.md")
            continue
        recorded = re.findall(r"^- SHA-256:\s*([0-9a-f]{64})\s*$", section, flags=re.M)
        if len(recorded) != 1:
            errors.append(f"{name}: its section records {len(recorded)} SHA-256 lines, expected 1")
        elif recorded[0] != actual:
            errors.append(f"{name}: SHA-256 is {actual}, SOURCE.md records {recorded[0]}")
        if name in NOC_BASED and CREDIT not in section:
            errors.append(f"{name}: its section lacks the credit line {CREDIT!r}")
        print(f"{name}: {actual} ok" if not recorded or recorded[0] == actual else f"{name}: mismatch")

    for name in sections:
        if name not in files:
            errors.append(f"SOURCE.md describes {name}, which is not in {data_dir}")

    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
