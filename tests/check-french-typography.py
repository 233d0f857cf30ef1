#!/usr/bin/python3
"""French typography in po/fr.po: a no-break space (U+00A0 or U+202F) before : ; ? ! and inside
« », never a plain space there, and no English quotation marks “ ” in a translation."""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
entries = re.findall(r'^msgid ((?:".*"\n)+)msgstr(?:\[\d\])? ((?:".*"\n)+)', text, re.M)
problems = []
for msgid, msgstr in entries:
    s = "".join(re.findall(r'"(.*)"', msgstr))
    original = "".join(re.findall(r'"(.*)"', msgid))
    # The header, and desktop-file keyword lists ("a;b;c;"), are not prose.
    if not s or not original or re.search(r"\w;\w", original):
        continue
    for pattern, what in [
        (r" [:;?!](?=\s|$|\\n|»)", "a plain space before : ; ? or !"),
        (r"[^\s\u00a0\u202f%(\[{][;?!](?=\s|$)", "no space before ; ? or !"),
        (r"«(?![\u00a0\u202f])", "no no-break space after «"),
        (r"(?<![\u00a0\u202f])»", "no no-break space before »"),
        (r"[“”]", "English quotation marks"),
    ]:
        if re.search(pattern, s):
            problems.append(f"{what}: {s}")
for p in problems:
    print(p)
print(f"{len(entries)} entries checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
