#!/usr/bin/env python3
"""`declic export`: the summary as PDF and HTML, read back with poppler.

Renders the sample draft in French and English, on A4 and Letter, and checks with `pdftotext`
that every section title, a value of each section, the word "estimate", the grid id and version
and the signature lines are there, and that every page carries the client label, the draft id and
its number; with `pdfinfo` the page count and size. The files are 0600, the HTML is escaped, the
draft is never overwritten. Skips (77) when poppler's pdftotext is not installed.

Usage: check-cli-export.py DECLIC_BINARY SAMPLE_DRAFT
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile

DECLIC, SAMPLE = sys.argv[1], sys.argv[2]
failures = []

if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
    print("SKIP: pdftotext or pdfinfo is not installed (Debian: poppler-utils)")
    sys.exit(77)

SECTIONS = {
    "en": ["Personal information", "Contact details", "Family situation", "Education", "Work history",
           "Validated job offer", "French", "English", "Ties to Québec", "Consent", "Representative",
           "Findings still open", "PSTQ streams", "Ranking score: an estimate", "Deadlines", "The check",
           "Declaration and signatures"],
    "fr": ["Renseignements personnels", "Coordonnées", "Situation familiale", "Scolarité",
           "Parcours professionnel", "Offre d’emploi validée", "Français", "Anglais", "Liens avec le Québec",
           "Consentement", "Représentant ou représentante", "Constats encore ouverts", "Volets du PSTQ",
           "Pointage de classement : une estimation", "Échéances", "La vérification",
           "Déclaration et signatures"],
}
# One value of each section, as the summary writes it in that language.
VALUES = {
    "en": ["Julien Pierre", "March 14, 1991", "julien.marchand@example.org", "Lefèvre", "April 27, 2020",
           "INSA Lyon", "21231 – Software engineers and designers", "Holds a validated job offer",
           "TEF-CA-2025-061288", "25FR004417MARJ", "No family member in Québec",
           "The information is true and complete", "Me Claire Dubois", "Stream 1, High qualification: met",
           "Estimated score:", "November 22, 2026", "pstq-2025-07-02", "37.5", "of 1,300"],
    "fr": ["Julien Pierre", "14 mars 1991", "julien.marchand@example.org", "Lefèvre", "27 avril 2020",
           "INSA Lyon", "21231 – Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel",
           "Détient une offre d’emploi validée", "TEF-CA-2025-061288", "25FR004417MARJ",
           "Aucun membre de la famille au Québec", "Les renseignements sont exacts et complets",
           "Me Claire Dubois", "Volet 1, Haute qualification : conditions remplies", "Pointage estimé :",
           "22 novembre 2026", "pstq-2025-07-02", "37,5", "sur 1 300"],
}
ESTIMATE = {"en": "estimate", "fr": "estimation"}
# The grid's version is its date of effect, written out in the summary's language.
GRID_VERSION = {"en": "version July 2, 2025", "fr": "version 2 juillet 2025"}
SIGNATURES = {
    "en": ["Signature of the client", "Signature of the representative", "Date"],
    "fr": ["Signature du client ou de la cliente", "Signature du représentant ou de la représentante", "Date"],
}
PAGE = {"en": "Page {} of {}", "fr": "Page {} sur {}"}
SIZES = {"a4": "(A4)", "letter": "(letter)"}


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["LANG"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    return subprocess.run([DECLIC, "export", *args], capture_output=True, text=True, env=env, timeout=60)


def spaces(text):
    """French typography puts no-break spaces before ":" and inside « »: compare with plain ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def squash(text):
    """pdftotext wraps long values: compare with whitespace runs made single spaces."""
    return re.sub(r"\s+", " ", spaces(text))


def mode_of(path):
    return stat.S_IMODE(os.stat(path).st_mode)


work = tempfile.mkdtemp(prefix="declic-export-")
try:
    with open(SAMPLE, encoding="utf-8") as f:
        draft = json.load(f)
    draft["representative"] = {"name": "Me Claire Dubois", "category": "lawyer",
                               "registry_number": "B-40127", "mandate_date": "2026-10-05"}
    draft_path = os.path.join(work, "client.json")
    with open(draft_path, "w", encoding="utf-8") as f:
        json.dump(draft, f, ensure_ascii=False, indent=2)
    os.chmod(draft_path, 0o600)
    with open(draft_path, "rb") as f:
        draft_bytes = f.read()

    for lang in ("en", "fr"):
        for paper in ("a4", "letter"):
            out = os.path.join(work, f"summary-{lang}-{paper}.pdf")
            result = run("--pdf", out, "--lang", lang, "--paper", paper, draft_path)
            where = f"{lang}/{paper}"
            check(result.returncode == 0, f"{where}: exit {result.returncode}: {result.stderr}")
            if result.returncode != 0:
                continue
            check(mode_of(out) == 0o600, f"{where}: PDF mode {oct(mode_of(out))}")

            info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
            pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
            size = re.search(r"^Page size:\s+(.*)$", info, re.M).group(1)
            check(pages >= 3, f"{where}: {pages} pages")
            check(SIZES[paper] in size, f"{where}: page size {size}")

            text = spaces(subprocess.run(["pdftotext", "-enc", "UTF-8", out, "-"], capture_output=True,
                                         text=True).stdout)
            flat = squash(text)
            for title in SECTIONS[lang]:
                check(re.search(r"(^|[\n\f])" + re.escape(title) + r"\n", text) is not None,
                      f"{where}: section title {title!r} not on a line of its own")
            for value in VALUES[lang]:
                check(value in flat, f"{where}: value {value!r} missing")
            check(ESTIMATE[lang] in flat, f"{where}: the word {ESTIMATE[lang]!r} is missing")
            check("pstq-grid" in flat and GRID_VERSION[lang] in flat, f"{where}: grid id or version missing")
            for line in SIGNATURES[lang]:
                check(line in flat, f"{where}: signature line {line!r} missing")
            # Every page: the client label, the draft id and "Page i of n".
            page_texts = text.split("\f")
            for i in range(pages):
                page = squash(page_texts[i])
                check(draft["client_label"] in page, f"{where}: page {i + 1} without the client label")
                check(draft["id"] in page, f"{where}: page {i + 1} without the draft id")
                check(PAGE[lang].format(i + 1, pages) in page, f"{where}: page {i + 1} without its number")
            # English words must not leak into the French summary, nor French ones into the English.
            if lang == "fr":
                check("Summary of the" not in flat and "Signature of" not in flat, f"{where}: English text in French")
                check("November" not in flat, f"{where}: an English date in French")
            else:
                check("novembre" not in flat and "Échéances" not in flat, f"{where}: French text in English")

    # Letter pages are shorter than A4's: the same summary never has fewer pages on Letter.
    def n_pages(p):
        info = subprocess.run(["pdfinfo", p], capture_output=True, text=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    check(n_pages(os.path.join(work, "summary-en-letter.pdf")) >= n_pages(os.path.join(work, "summary-en-a4.pdf")),
          "letter has fewer pages than A4")

    # HTML: plain, escaped, 0600, replacing an older file atomically (a new inode, mode 0600).
    hostile = dict(draft)
    hostile["client_label"] = "<script>alert(1)</script> & \"Dupont\""
    hostile["personal"] = dict(draft["personal"], family_names="O'Brien <b>bold</b>")
    hostile_path = os.path.join(work, "hostile.json")
    with open(hostile_path, "w", encoding="utf-8") as f:
        json.dump(hostile, f, ensure_ascii=False)
    html_path = os.path.join(work, "summary.html")
    with open(html_path, "w") as f:
        f.write("old")
    os.chmod(html_path, 0o644)
    result = run("--html", html_path, "--lang", "fr", hostile_path)
    check(result.returncode == 0, f"html: exit {result.returncode}: {result.stderr}")
    with open(html_path, encoding="utf-8") as f:
        html = spaces(f.read())
    check(mode_of(html_path) == 0o600, f"html: mode {oct(mode_of(html_path))}")
    check(html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html, "html: doctype or lang")
    check("<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Dupont&quot;" in html,
          "html: the client label is not escaped")
    check("<b>bold</b>" not in html and "O&apos;Brien &lt;b&gt;bold&lt;/b&gt;" in html,
          "html: a name is not escaped")
    for title in SECTIONS["fr"]:
        check(f">{title}</h2>" in html, f"html: no <h2> {title!r}")
    check("<dt>Date de naissance</dt><dd>14 mars 1991</dd>" in html, "html: date of birth as a dt/dd pair")
    check(html.count("<section") == html.count("</section>"), "html: sections not closed")
    check(html.count("<ul>") == html.count("</ul>"), "html: lists not closed")
    # The same escaping in the PDF: a draft's markup is shown as text, not interpreted.
    pdf_path = os.path.join(work, "hostile.pdf")
    result = run("--pdf", pdf_path, hostile_path)
    check(result.returncode == 0, f"hostile pdf: exit {result.returncode}: {result.stderr}")
    if result.returncode == 0:
        text = squash(subprocess.run(["pdftotext", pdf_path, "-"], capture_output=True, text=True).stdout)
        check("O'Brien <b>bold</b>" in text, "hostile pdf: markup from the draft not shown as text")

    # Refusals: exit 2, nothing written, the draft untouched.
    for args, what in [
        (["--pdf", draft_path, draft_path], "the draft as output"),
        (["--pdf", os.path.join(work, "x.pdf"), "--paper", "a5", draft_path], "an unknown paper"),
        (["--pdf", os.path.join(work, "x.pdf"), "--lang", "de", draft_path], "an unknown language"),
        ([draft_path], "no output"),
        (["--pdf", os.path.join(work, "x.pdf"), draft_path, hostile_path], "two drafts"),
        (["--pdf", os.path.join(work, "x.pdf"), os.path.join(work, "missing.json")], "a missing draft"),
    ]:
        result = run(*args)
        check(result.returncode == 2, f"{what}: exit {result.returncode}, expected 2")
        check(result.stderr.strip() != "", f"{what}: no reason on stderr")
        check(not os.path.exists(os.path.join(work, "x.pdf")), f"{what}: a file was written")
    with open(draft_path, "rb") as f:
        check(f.read() == draft_bytes, "the draft was changed")
    check(sorted(n for n in os.listdir(work) if ".json" in n and n.startswith("client")) == ["client.json"],
          "a file was left next to the draft")
finally:
    shutil.rmtree(work, ignore_errors=True)

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok")
