#!/usr/bin/env python3
"""`declic plan`: the same check objects as `declic check --json` at each date, what-ifs, errors.

Usage: check-cli-plan.py DECLIC_BINARY SAMPLE_DRAFT
"""
import hashlib
import json
import subprocess
import sys

DECLIC, SAMPLE = sys.argv[1], sys.argv[2]
failures = []


def run(*args, lang=None):
    env = {"LANG": "C.UTF-8", "LANGUAGE": lang or "", "PATH": "/usr/bin:/bin"}
    for key in ("DECLIC_LOCALEDIR", "DECLIC_NOC_FILE", "GSETTINGS_SCHEMA_DIR", "DECLIC_TODAY"):
        import os
        if key in os.environ:
            env[key] = os.environ[key]
    return subprocess.run([DECLIC, "plan", *args], capture_output=True, text=True, env=env, timeout=60)


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


before = hashlib.sha256(open(SAMPLE, "rb").read()).hexdigest()

r = run("--date", "2026-12-01", "--months", "12", "--json", "--what-if", "offer:outside-cmm", SAMPLE)
check(r.returncode == 0, f"plan: exit {r.returncode} {r.stderr}")
plan = json.loads(r.stdout)[0]
check(plan["today"] == "2026-12-01" and plan["months"] == 12, "plan: today/months")
dates = [d["date"] for d in plan["dates"]]
check(dates[0] == "2026-12-01" and dates == sorted(dates), f"plan: dates {dates[:3]}")
check("2027-01-01" in dates and "2027-12-01" in dates, "plan: firsts of the month")
check(all(d <= "2027-12-01" for d in dates), "plan: beyond the horizon")
check = check
c = subprocess.run([DECLIC, "check", "--date", "2026-12-01", "--json", SAMPLE], capture_output=True, text=True)
check_keys = set(json.loads(c.stdout)[0].keys()) - {"path", "id"}
for d in plan["dates"]:
    check(check_keys <= set(d.keys()), f"plan: {d['date']} lacks {check_keys - set(d.keys())}")
    check(d["today"] == d["date"] and d["reference_date"] == d["date"], f"plan: {d['date']} dates")
    check(d["points"]["estimate"] is True and d["points"]["grid_version"] == "2025-07-02", "plan: estimate")
check(plan["what_ifs"][0]["delta"] == 50, f"plan: offer delta {plan['what_ifs']}")
check(plan["recent_rounds"]["status"] == "secondary" and len(plan["recent_rounds"]["rounds"]) >= 10,
      "plan: rounds")
# The offer is assumed from today on: every date scores 50 more than without it.
r0 = run("--date", "2026-12-01", "--months", "12", "--json", SAMPLE)
base = {d["date"]: d["points"]["total"] for d in json.loads(r0.stdout)[0]["dates"]}
for d in plan["dates"]:
    check(d["points"]["total"] == base[d["date"]] + 50, f"plan: {d['date']} offer not counted")

# Text, in French: an estimate, the best window, the rounds' caveat.
r = run("--date", "2026-12-01", "--months", "3", SAMPLE, lang="fr")
check(r.returncode == 0 and "estimation" in r.stdout and "Meilleure période" in r.stdout
      and "inconnu" in r.stdout, f"plan fr: {r.stdout[:300]}")
# The grid's version is a date, written out as every date of the text report is.
check("grille pstq-grid du 2 juillet 2025" in r.stdout and "2025-07-02" not in r.stdout,
      f"plan fr: the grid's date not written out: {r.stdout[:300]}")

# A what-if's line starts with its own description, under a heading, in either language.
for lang, heading, offer in ((None, "What each change adds alone", "    A validated job offer outside the Montréal Metropolitan Community: +50 points (estimate) on "),
                             ("fr", "Ce que chaque changement ajoute seul", "    Une offre d’emploi validée hors de la Communauté métropolitaine de Montréal\u00a0: +50 points (estimation) le ")):
    r = run("--date", "2026-12-01", "--months", "3", "--what-if", "offer:outside-cmm", SAMPLE, lang=lang)
    lines = r.stdout.splitlines()
    check(any(heading in line for line in lines), f"plan {lang}: no what-if heading in {r.stdout[-600:]}")
    check(any(line.startswith(offer) for line in lines), f"plan {lang}: what-if line in {r.stdout[-600:]}")
    check("What if" not in r.stdout and "Hypothèse" not in r.stdout, f"plan {lang}: the old what-if line")
# The rows' scores make a column: each date is padded to the widest (« 1er janvier 2027 » and
# « 20 février 2027 » alike), in either language.
for lang, unit in ((None, " pts (est.)"), ("fr", " pts (estim.)")):
    r = run("--date", "2026-12-01", "--months", "12", SAMPLE, lang=lang)
    rows = [line for line in r.stdout.splitlines() if unit in line]
    columns = {line.index(unit) for line in rows}
    check(len(rows) >= 12 and len(columns) == 1, f"plan {lang}: the scores are not a column: {rows[:4]}")
r = run("--what-if", "level:writing:13", SAMPLE, lang="fr")
check(r.returncode == 2 and "«\u00a0level:writing:13\u00a0»" in r.stderr and "de 1 à 12" in r.stderr,
      f"plan fr: a level out of range: {r.stderr}")

for bad in (["--what-if", "level:singing:7"], ["--months", "0"], ["--date", "2026-02-30"], []):
    r = run(*bad, SAMPLE) if bad else run()
    check(r.returncode == 2 and r.stderr.strip() != "", f"plan {bad}: exit {r.returncode}")

check(hashlib.sha256(open(SAMPLE, "rb").read()).hexdigest() == before, "plan: the draft changed")
print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
