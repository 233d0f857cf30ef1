#!/usr/bin/env python3
"""The user help (help/): every page is well-formed XML (xmllint), a Mallard page whose id is its
file name, with a title; every language has the same pages as help/C, all of them installed
(help/meson.build); every link points at a page (and section) that exists; the topic pages are
linked from the index; and the French pages follow French typography (a no-break space before
: and ;, a narrow one before ? and !).

usage: check-help.py HELP_DIR
"""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MALLARD = "{http://projectmallard.org/1.0/}"


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    help_dir = argv[1]
    errors = []
    langs = sorted(d for d in os.listdir(help_dir) if os.path.isdir(os.path.join(help_dir, d)))
    if "C" not in langs:
        print(f"{help_dir}: no C (original) pages")
        return 1

    def pages_of(lang):
        return sorted(f for f in os.listdir(os.path.join(help_dir, lang)) if f.endswith(".page"))

    reference = pages_of("C")
    with open(os.path.join(help_dir, "meson.build"), encoding="utf-8") as f:
        installed = re.findall(r"'([a-z0-9-]+\.page)'", f.read())
    if sorted(installed) != reference:
        errors.append(f"help/meson.build installs {sorted(installed)}, help/C has {reference}")

    for lang in langs:
        pages = pages_of(lang)
        if pages != reference:
            errors.append(f"{lang}: pages {pages} differ from C's {reference}")
        paths = [os.path.join(help_dir, lang, p) for p in pages]
        lint = subprocess.run(["xmllint", "--noout", "--nonet", *paths], capture_output=True, text=True)
        if lint.returncode != 0:
            errors.append(f"{lang}: xmllint: {lint.stderr.strip()}")
            continue
        ids, sections, links, guides = set(), set(), [], {}
        for path, page in zip(paths, pages):
            root = ET.parse(path).getroot()
            page_id = root.get("id")
            if root.tag != MALLARD + "page":
                errors.append(f"{path}: not a Mallard page")
            if page_id != page[:-len(".page")]:
                errors.append(f"{path}: id {page_id!r} is not the file name")
            if root.find(MALLARD + "title") is None or not "".join(root.find(MALLARD + "title").itertext()).strip():
                errors.append(f"{path}: no title")
            ids.add(page_id)
            for section in root.iter(MALLARD + "section"):
                sections.add(f"{page_id}#{section.get('id')}")
            for link in root.iter(MALLARD + "link"):
                if link.get("xref"):
                    links.append((path, link.get("xref")))
                    if link.get("type") == "guide":
                        guides[page_id] = link.get("xref")
            if lang == "fr":
                with open(path, encoding="utf-8") as f:
                    text = re.sub(r"<[^>]*>", "", f.read().split("?>", 1)[1])
                for bad, why in ((r" [:;]", "a plain space before : or ; (U+00A0)"),
                                 (r"[^\u202f\s][?!]|[ \u00a0][?!]", "no narrow no-break space before ? or ! (U+202F)"),
                                 (r"\w[:;]", "no space before : or ;")):
                    for match in re.finditer(bad, text):
                        context = text[max(0, match.start() - 20):match.end() + 5].replace("\n", " ")
                        errors.append(f"{path}: {why}: …{context}…")
        for path, xref in links:
            if xref not in ids and xref not in sections:
                errors.append(f"{path}: link to {xref!r}, which is no page or section")
        for page_id in ids - {"index"}:
            if not guides.get(page_id, "").startswith("index"):
                errors.append(f"{lang}/{page_id}.page: not linked from the index (guide link)")

    for e in errors:
        print(e)
    if not errors:
        print(f"{help_dir}: {len(reference)} pages in {', '.join(langs)}: ok")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
