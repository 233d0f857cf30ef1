#!/usr/bin/env python3
"""Two checks of the translatable strings, on a template extracted afresh from po/POTFILES.in:

1. Counts have plural forms. Every integer placeholder (%d %u %i %ld %lu %zu %x …) of a msgid
   that is not a plural entry (ngettext, g_dngettext) must be explained by one of the rules of
   NOT_A_COUNT below (a line number, a stream's number, an HTTP status…), each with its reason;
   anything else is taken for a count, which French and English put in the plural differently
   (« 1 avertissement », « 2 avertissements »). A format macro such as G_GUINT64_FORMAT inside a
   translatable string is refused too: xgettext cuts the msgid there.
2. A status word has a context. A msgid used as a status (an adjective or participle such as
   "Complete": a line that sets a state or status, or a word of STATUS_WORDS) in more than one
   file must carry a msgctxt (C_ ()), because the things it describes differ in gender in
   French (« section complète », « brouillon complet »), and a label or title written the same
   way is another part of speech.

   A count written as text (%s, from declic_format_integer or declic_format_number) before
   the noun it counts (“%s hours”, “%s days”) needs a plural form as well: « 1,5 heure ».
   And a count inside a plural entry is printed through declic_format_integer (as %s), never
   by printf's %d, which does not group its digits (« 1234 jours » for « 1 234 jours »).

3. Mnemonics do not collide. The items of one menu of a .ui file (its sections together: one
   popover) have distinct access keys, in English and in po/fr.po's translation (« _Préférences »
   and « À _propos » both answered Alt+P).
4. One term per notion in French. po/fr.po's translations avoid the terms of DISCOURAGED below,
   each replaced everywhere by the one the ministry uses (FEER, not FÉER; « conjoint ou
   conjointe »; « libellé du client »; a test's « résultat », not « score »; « conditions
   remplies », not « satisfait »).

Offenders that are known and waiting for their fix are listed in KNOWN (one msgid a line, the
status ones as "status: MSGID"): they are reported but do not fail the test; one that is fixed
must leave the list (the test fails until it does), and a new one fails.

usage: check-po-strings.py SOURCE_ROOT [KNOWN]
"""

import os
import re
import subprocess
import sys
import tempfile

INT_PLACEHOLDER = re.compile(r"%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|j|z|t|q)?[diuoxX]")
FORMAT_MACRO = re.compile(r'_\s*\(\s*"(?:[^"\\]|\\.)*"\s*G_G(?:U?INT(?:8|16|32|64)?|SIZE|SSIZE|OFFSET)_FORMAT')

# (regex matched on the text just before the placeholder, or on the placeholder and after it,
#  reason): the number is not a count of things, so it takes no plural.
NOT_A_COUNT = [
    (r"(?i)\b(?:line|column)\s*$", None, "a line or column number"),
    (r"(?i)\bstreams?\s*$", None, "a stream's number (1 to 4)"),
    (r"(?i)\blevel\s*$", None, "a language level (an NCLC level, a rank)"),
    (r"(?i)\bTEER\s*$", None, "a TEER category (0 to 5)"),
    (r"(?i)\bHTTP\s*$", None, "an HTTP status code"),
    (r"(?i)\b(?:other name|citizenship|child|diploma|period|result|spouse’s result)\s*$", None,
     "an item's number in its list (Diploma 2)"),
    (r"(?i)full-time period\s*$", None, "an item's number in its list"),
    (r"^%s\s*$", r"^%u removed$", "an item's number after its title (“Diploma 2 removed”)"),
    (r"(?i)this version reads\s*$", None, "a file format version number"),
    (r"(?:^|\s)$", r"^%d / %d", "a score and its maximum, shown as a fraction"),
    (r"%d\s*/\s*$", None, "a score's maximum, shown as a fraction"),
    (r"(?i)\bout of\s*$", None, "a score's maximum (“out of 1300”), the noun comes before"),
    (r"(?i)\bdigit is\s*$", None, "a digit of a code"),
    (r"(?i)\bmore than\s*$", r"^%d levels deep", "the nesting limit, a constant far above 1"),
    (r"(?i)\bof\s*$", None, "a score's maximum (“448 of 1300”), the noun comes before"),
    (r"(?i)\bscore:\s*$", r"^%d of %d", "a score and its maximum (“448 of 1300”)"),
    (r"(?i)\bthe\s*$", r"^%d required", "a level required, a rank"),
    (r"(?i)\bthe\s*$", r"^%d required for stream", "a level required, a rank"),
    (r"(?i)\b(?:listening|speaking|reading|writing)\s*$", None, "a language level (a rank)"),
    (r"(?i)\bgives\s*$", r"^%u for a score", "a language level (a rank)"),
    (r"(?i)\bscore invited\s*$", None, "a score, the noun comes before (“lowest score invited 781”)"),
    (r"(?i)\bbetween\s*$", r"^%d and %d", "years as values (“between 1900 and 2200”)"),
    (r"(?i)\bbetween %d and\s*$", None, "the second bound of a range of years"),
    (r"\(\s*$", r"^%u\)$", "a count alone in parentheses after a choice's label: no noun to agree"),
    (r"\(\s*$", r"^%d–%d", "a period of years (“2024–2028”)"),
    (r"%d–\s*$", None, "the last year of a period of years"),
    (r"%s\s*$", r"^%u$", "an item's number after its title (“Diploma 2”)"),
    (r"(?i)\bpage\s*$", None, "a page number"),
    (r"(?i)\bthe\s*$", r"^%u amounts", "a year (“the 2026 amounts”)"),
    (r"(?i)\bfiled\s*\(\s*$", None, "a year (“paid when it is filed (2025)”)"),
    (r"(?i)\bin\s*$", r"^%u they were", "a year (“in 2025 they were”)"),
]

# A number written as text, then the noun it counts.
TEXT_COUNT = re.compile(r"%(?:\d+\$)?s\s+(?:hours?|months?|years?|days?|weeks?|minutes?|points?|pts?)\b")

STATUS_WORDS = {
    "complete", "incomplete", "not started", "optional, not started", "started", "met",
    "not met", "optional", "required", "valid", "expired", "official", "unknown", "done",
    "ready", "in progress", "none", "none yet", "new", "open", "closed", "filed",
}
STATUS_LINE = re.compile(r"\b(?:state|status)\w*\s*=|STATE_|STATUS_")


# (regex on a French translation, the term to use instead)
DISCOURAGED = [
    (r"FÉER", "FEER (the ministry's acronym has no accent)"),
    (r"(?i)\bépoux\b", "« conjoint ou conjointe »"),
    (r"(?i)conjointe? accompagnat(?:eur|rice)", "« conjoint ou conjointe qui accompagne »"),
    (r"(?i)étiquette (?:de|du) client", "« libellé du client »"),
    (r"(?i)libellé client", "« libellé du client »"),
    (r"(?<![_\w])scores?\b", "« résultat » (a test's) or « pointage » (the ranking)"),
    (r"(?i)\bsatisfaite?s?\b", "« conditions remplies / non remplies »"),
    (r"(?i)\bpassée depuis\b", "« dépassée depuis »"),
    (r"(?i)\bprolonge(?:nt)?\b", "« s’appuie sur » (a rule set that extends another)"),
]


def po_entries(path):
    """(msgctxt, msgid, [msgstr…]) of a po file, the strings joined."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for block in text.split("\n\n"):
        lines = [line for line in block.split("\n") if not line.startswith("#")]
        strs = [field(lines, key) for key in ("msgstr", "msgstr[0]", "msgstr[1]")]
        yield field(lines, "msgctxt"), field(lines, "msgid"), [x for x in strs if x]


def mnemonic(label):
    """The access key of a label ("_Préférences" → "p"), None without one."""
    i = label.replace("__", "").find("_")
    if i < 0 or i + 1 >= len(label.replace("__", "")):
        return None
    return label.replace("__", "")[i + 1].lower()


def check_mnemonics(root, translations):
    """Collisions of access keys inside each <menu> of the .ui files, English and French."""
    import xml.etree.ElementTree as ET
    errors = []
    for dirpath, _, files in os.walk(os.path.join(root, "ui")):
        for name in sorted(files):
            if not name.endswith(".ui"):
                continue
            path = os.path.join(dirpath, name)
            for menu in ET.parse(path).getroot().iter("menu"):
                labels = [a.text for a in menu.iter("attribute")
                          if a.get("name") == "label" and a.get("translatable") == "yes" and a.text]
                for language, texts in (("English", labels),
                                        ("French", [translations.get(t, t) for t in labels])):
                    seen = {}
                    for text in texts:
                        key = mnemonic(text)
                        if key is None:
                            continue
                        if key in seen:
                            errors.append(f"{os.path.relpath(path, root)}: menu “{menu.get('id')}”: "
                                          f"“{seen[key]}” and “{text}” share the access key "
                                          f"“{key}” in {language}")
                        seen.setdefault(key, text)
    return errors


def check_terms(root):
    errors = []
    for ctx, msgid, msgstrs in po_entries(os.path.join(root, "po", "fr.po")):
        if not msgid:
            continue
        for msgstr in msgstrs:
            for pattern, instead in DISCOURAGED:
                match = re.search(pattern, msgstr)
                if match:
                    errors.append(f"po/fr.po: “{match.group(0)}” in the translation of "
                                  f"“{msgid[:70]}”: use {instead}")
    return errors


def extract(root):
    pot = tempfile.NamedTemporaryFile(suffix=".pot", delete=False)
    pot.close()
    subprocess.run(["xgettext", "--files-from=po/POTFILES.in", "--from-code=UTF-8",
                    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
                    "--keyword=g_dngettext:2,3", "--keyword=ngettext:1,2",
                    "--keyword=declic_i18n_ngettext:1,2",
                    "--keyword=g_dpgettext2:2c,3", "--keyword=g_dcgettext:2",
                    "-o", pot.name], cwd=root, check=True)
    with open(pot.name, encoding="utf-8") as f:
        text = f.read()
    os.unlink(pot.name)
    return text


def field(lines, key):
    out, on = None, False
    for line in lines:
        if line.startswith(key + " "):
            on, out = True, line[len(key) + 1:].strip()[1:-1]
        elif on and line.startswith('"'):
            out += line[1:-1]
        elif on:
            break
    return out


def entries(pot):
    for block in pot.split("\n\n"):
        lines = block.split("\n")
        msgid = field(lines, "msgid")
        if not msgid:
            continue
        refs = [r for line in lines if line.startswith("#: ") for r in line[3:].split()]
        yield {"msgid": msgid.replace('\\"', '"'), "plural": field(lines, "msgid_plural"),
               "ctx": field(lines, "msgctxt"), "refs": refs}


def explained(msgid, match):
    before, after = msgid[:match.start()], msgid[match.start():]
    for before_re, after_re, reason in NOT_A_COUNT:
        if re.search(before_re, before) and (after_re is None or re.search(after_re, after)):
            return reason
    return None


def source_line(root, ref, around=2):
    path, _, line = ref.rpartition(":")
    try:
        with open(os.path.join(root, path), encoding="utf-8") as f:
            lines = f.readlines()
    except OSError:
        return ""
    n = int(line) - 1
    return "".join(lines[max(0, n - around):n + 1])


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    root = argv[1]
    known = set()
    if len(argv) == 3:
        with open(argv[2], encoding="utf-8") as f:
            known = {line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")}
    errors, offenders = [], {}

    for dirpath, _, files in os.walk(os.path.join(root, "app")):
        for name in files:
            if name.endswith(".c"):
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8") as f:
                    for match in FORMAT_MACRO.finditer(f.read()):
                        errors.append(f"{os.path.relpath(path, root)}: a format macro inside a "
                                      f"translatable string (xgettext cuts it): {match.group(0)[:60]}…")

    counts = statuses = 0
    for entry in entries(extract(root)):
        msgid, where = entry["msgid"], " ".join(entry["refs"][:3])
        if entry["plural"] is None:
            match = TEXT_COUNT.search(msgid)
            if match:
                counts += 1
                offenders.setdefault(msgid, []).append(f"{where}: no plural form for the count "
                              f"“{match.group(0)}” in “{msgid[:100]}”: use g_dngettext (declic_i18n_ngettext in the core) with "
                              f"declic_format_plural_count () for a number with decimals")
        else:
            for text in (msgid, entry["plural"]):
                match = next((m for m in INT_PLACEHOLDER.finditer(text) if explained(text, m) is None), None)
                if match:
                    counts += 1
                    offenders.setdefault(msgid, []).append(f"{where}: the count “{match.group(0)}” in "
                                  f"“{text[:100]}” is printed ungrouped (1234): write it with "
                                  f"declic_format_integer () and %s")
                    break
        if entry["plural"] is None:
            for match in INT_PLACEHOLDER.finditer(msgid):
                if explained(msgid, match) is None:
                    counts += 1
                    offenders.setdefault(msgid, []).append(f"{where}: no plural form for “{match.group(0)}” in "
                                  f"“{msgid[:100]}”: use g_dngettext (declic_i18n_ngettext in the core), or add a rule with its "
                                  f"reason to NOT_A_COUNT")
                    break
        if entry["ctx"] is None:
            files = {r.rpartition(":")[0] for r in entry["refs"]}
            is_status = msgid.lower() in STATUS_WORDS or any(
                STATUS_LINE.search(source_line(root, r)) for r in entry["refs"]
                if r.endswith(tuple("0123456789")) and r.rpartition(":")[0].endswith(".c"))
            if is_status and len(files) > 1:
                statuses += 1
                offenders.setdefault("status: " + msgid, []).append(f"{' '.join(entry['refs'])}: the status “{msgid}” is used in "
                              f"{len(files)} files without a context: give each use a msgctxt "
                              f"(C_ (\"draft state\", …)) saying what it describes")

    for key, messages in sorted(offenders.items()):
        for message in messages:
            if key in known:
                print(f"known, to fix: {message}")
            else:
                errors.append(message)
    for key in sorted(known - set(offenders)):
        errors.append(f"fixed, remove it from the known list: {key!r}")

    translations = {msgid: msgstrs[0] for ctx, msgid, msgstrs in
                    po_entries(os.path.join(root, "po", "fr.po")) if msgid and msgstrs and ctx is None}
    errors += check_mnemonics(root, translations)
    errors += check_terms(root)

    for e in errors:
        print(e)
    print(f"{counts} counts without a plural form, {statuses} status words without a context, "
          f"{len(known & set(offenders))} of them known")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
