#!/usr/bin/env python3
"""`declic check`: exit statuses 0/1/2, the JSON shape, folders, and drafts left untouched.

Usage: check-cli-check.py DECLIC_BINARY FIXTURES_DIR (tests/fixtures/check)
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

DECLIC, FIXTURES = sys.argv[1], sys.argv[2]
COMPLETE = os.path.join(FIXTURES, "complete.json")
ERRORS = os.path.join(FIXTURES, "errors.json")
BROKEN = os.path.join(FIXTURES, "broken.json")
DATE = "2026-03-01"
failures = []


def run(*args, lang=None):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    if lang is not None:
        env["LANG"] = "C.UTF-8"
        env["LANGUAGE"] = lang
    return subprocess.run([DECLIC, "check", *args], capture_output=True, text=True, env=env, timeout=60)


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def check_finding(finding, where):
    for key in ("code", "path", "severity", "message"):
        check(key in finding, f"{where}: finding without {key}: {finding}")
    check(finding.get("severity") in ("info", "warning", "error"), f"{where}: bad severity {finding}")
    check(isinstance(finding.get("message"), str) and finding["message"], f"{where}: empty message")


def check_shape(entry):
    where = entry.get("path", "?")
    for key in ("path", "fileable", "issues", "eligibility", "points", "deadlines"):
        check(key in entry, f"{where}: no {key}")
    check(isinstance(entry["fileable"], bool), f"{where}: fileable is not a boolean")
    for finding in entry["issues"]:
        check_finding(finding, where)

    eligibility = entry["eligibility"]
    check([s["id"] for s in eligibility["streams"]] == ["stream1", "stream2", "stream3", "stream4"],
          f"{where}: streams {eligibility['streams']}")
    check(eligibility["status"] == "secondary", f"{where}: streams status {eligibility['status']}")
    for stream in eligibility["streams"]:
        check(isinstance(stream["met"], bool), f"{where}: met is not a boolean")
        check(stream["met"] == (len(stream["reasons"]) == 0), f"{where}: {stream['id']} met but has reasons")
        for reason in stream["reasons"]:
            check_finding(reason, where)
            check(reason["code"].startswith("eligibility." + stream["id"] + "."), f"{where}: code {reason['code']}")

    points = entry["points"]
    check(points["estimate"] is True, f"{where}: points not labelled an estimate")
    check(points["grid"] == "pstq-grid" and points["grid_version"] == "2025-07-02", f"{where}: grid {points}")
    check(points["status"] == "derived", f"{where}: points status {points['status']}")
    check(isinstance(points["total"], int), f"{where}: total is not an integer")
    check([f["id"] for f in points["factors"]] == ["human_capital", "quebec_needs", "adaptation"],
          f"{where}: factors")
    check(sum(f["points"] for f in points["factors"]) == points["total"], f"{where}: factors do not add up")
    for factor in points["factors"]:
        check(sum(i["points"] for i in factor["items"]) == factor["points"], f"{where}: {factor['id']} does not add up")
        for item in factor["items"]:
            for key in ("id", "label", "points", "max", "input"):
                check(key in item, f"{where}: item without {key}")
            check(0 <= item["points"] <= item["max"], f"{where}: item {item['id']} out of range")

    for deadline in entry["deadlines"]:
        for key in ("id", "date", "days_left", "status", "source_status", "confirmed"):
            check(key in deadline, f"{where}: deadline without {key}")
        check(deadline["status"] in ("ok", "soon", "passed"), f"{where}: deadline status {deadline}")
        check(deadline["source_status"] in ("official", "secondary", "derived", "unknown"), f"{where}: {deadline}")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest(), os.stat(path).st_mtime_ns


# 0: a complete draft can be filed.
before = digest(COMPLETE)
r = run("--date", DATE, "--json", COMPLETE)
check(r.returncode == 0, f"complete: exit {r.returncode}, stderr {r.stderr}")
out = json.loads(r.stdout)
check(isinstance(out, list) and len(out) == 1, "complete: one entry")
check(out[0]["fileable"] is True, "complete: not fileable")
check(out[0]["path"] == COMPLETE, "complete: path")
check(out[0]["today"] == DATE, "complete: --date ignored")
# The planned filing date (2026-11-22) is still to come: the draft is checked at it.
check(out[0]["reference_date"] == "2026-11-22", f"complete: reference {out[0]['reference_date']}")
check(not any(i["code"] == "planned_filing_date.passed" for i in out[0]["issues"]), "complete: planned date passed?")

# Once the planned filing date has passed, the check says so and uses today; days left count
# from today, never from the planned date.
r = run("--date", "2026-12-01", "--json", COMPLETE)
late = json.loads(r.stdout)[0]
check(late["today"] == "2026-12-01" and late["reference_date"] == "2026-12-01",
      f"late: today {late['today']}, reference {late['reference_date']}")
passed = [i for i in late["issues"] if i["code"] == "planned_filing_date.passed"]
check(len(passed) == 1 and passed[0]["severity"] == "warning", f"late: {passed}")
# A message is text for people: its dates are written out (the JSON's own dates stay ISO).
check(len(passed) == 1 and "November 22, 2026" in passed[0]["message"], f"late: message {passed}")
for deadline in late["deadlines"]:
    y, m, d = (int(x) for x in deadline["date"].split("-"))
    import datetime
    expected = (datetime.date(y, m, d) - datetime.date(2026, 12, 1)).days
    check(deadline["days_left"] == expected, f"late: {deadline['id']} {deadline['days_left']} != {expected}")
check(out[0]["rule_set"]["id"] == "pstq-2025-07-02", "complete: rule set in force")
check(not any(i["severity"] == "error" for i in out[0]["issues"]), "complete: has errors")
check_shape(out[0])
check(digest(COMPLETE) == before, "complete: the draft was written")

# The human report says the same, and says the score is an estimate.
r = run("--date", DATE, COMPLETE)
check(r.returncode == 0, f"complete, text: exit {r.returncode}")
check("estimate" in r.stdout, "text report does not call the score an estimate")
r_fr = run("--date", DATE, COMPLETE, lang="fr")
check(r_fr.returncode == 0 and r_fr.stdout != r.stdout, "text report is not translated under LANGUAGE=fr")

# The text report writes numbers and dates in the interface language, under the C locale (the
# only one these machines have): `--lang fr` from the command line, LANG=C, no LANGUAGE.
def run_lang(lang):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC")}
    env["LANG"] = "C"
    return subprocess.run([DECLIC, "check", "--lang", lang, "--date", DATE, COMPLETE],
                          capture_output=True, text=True, env=env, timeout=60)


NBSP = "\u00a0"
r_fr = run_lang("fr")
check(r_fr.returncode == 0, f"--lang fr: exit {r_fr.returncode}: {r_fr.stderr}")
for expected in ("37,5 heures par semaine", "sur 1" + NBSP + "300", "le 1er mars 2026",
                 "dépôt le 22 novembre 2026", "12 juin 2025", "grille pstq-grid du 2 juillet 2025"):
    check(expected in r_fr.stdout, f"--lang fr: no “{expected}” in the text report:\n{r_fr.stdout}")
# The same words as the window: met / not met, a deadline in time.
for expected in ("Volet 1, Haute qualification\u00a0: conditions remplies", "conditions non remplies",
                 "jours restants, dans les délais"):
    check(expected in r_fr.stdout, f"--lang fr: no “{expected}” in the text report")
for unexpected in ("37.5", "1300", "1,300", "2026-11-22", "2025-06-12", "2026-03-01", " à jour)"):
    check(unexpected not in r_fr.stdout, f"--lang fr: “{unexpected}” in the text report")
r_en = run_lang("en")
check(r_en.returncode == 0, f"--lang en: exit {r_en.returncode}")
for expected in ("37.5 hours a week", "of 1,300", "Checked on March 1, 2026", "filing on November 22, 2026",
                 "June 12, 2025"):
    check(expected in r_en.stdout, f"--lang en: no “{expected}” in the text report:\n{r_en.stdout}")
for unexpected in ("37,5", "1300", "2026-11-22"):
    check(unexpected not in r_en.stdout, f"--lang en: “{unexpected}” in the text report")
# Every count is grouped, days too (« 1 234 jours »), and a number of hours with decimals
# takes its language's plural: « 1,5 heure » (under 2 is singular in French), "1.5 hours".
with tempfile.TemporaryDirectory() as tmp:
    with open(COMPLETE, encoding="utf-8") as f:
        draft = json.load(f)
    draft["work_history"][0]["hours_per_week"] = 1.5
    draft["planned_filing_date"] = "2026-01-01"
    small = os.path.join(tmp, "small-hours.json")
    with open(small, "w", encoding="utf-8") as f:
        json.dump(draft, f)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC")}
    env["LANG"] = "C"
    # Years after every deadline of the draft: each passed more than 1,000 days ago.
    far = {lang: subprocess.run([DECLIC, "check", "--lang", lang, "--date", "2031-06-01", small],
                                capture_output=True, text=True, env=env, timeout=60).stdout
           for lang in ("fr", "en")}
    check("1,5 heure par semaine" in far["fr"], f"--lang fr: no « 1,5 heure par semaine »:\n{far['fr']}")
    check("1,5 heures" not in far["fr"], "--lang fr: « 1,5 heures » (below 2 is singular)")
    check("1.5 hours a week" in far["en"], f"--lang en: no “1.5 hours a week”:\n{far['en']}")
    import re as _re
    days_fr = _re.findall(r"depuis (\d[\d\u00a0]*) jours", far["fr"])
    days_en = _re.findall(r"passed (\d[\d,]*) days ago", far["en"])
    check(days_fr and all(int(d.replace(NBSP, "")) >= 1000 and NBSP in d for d in days_fr),
          f"--lang fr: days not grouped with a no-break space: {days_fr}\n{far['fr']}")
    check(days_en and all(int(d.replace(",", "")) >= 1000 and "," in d for d in days_en),
          f"--lang en: days not grouped: {days_en}\n{far['en']}")

# The machine outputs stay ISO and C-locale in French too.
r_json = subprocess.run([DECLIC, "check", "--lang", "fr", "--json", "--date", DATE, COMPLETE],
                        capture_output=True, text=True, timeout=60,
                        env={**os.environ, "LANG": "C"})
# (Messages are text for people, translated, so they may say "37,5 heures"; values may not.)
out_fr = json.loads(r_json.stdout)[0]
check(isinstance(out_fr["points"]["total"], int), f"--lang fr --json: total {out_fr['points']['total']!r}")
check(all(len(d["date"]) == 10 and d["date"][4] == "-" for d in out_fr["deadlines"]),
      f"--lang fr --json: deadline dates not ISO: {[d['date'] for d in out_fr['deadlines']]}")

# 1: errors block filing.
r = run("--date", DATE, "--json", ERRORS)
check(r.returncode == 1, f"errors: exit {r.returncode}")
out = json.loads(r.stdout)
check(out[0]["fileable"] is False, "errors: fileable")
check(any(i["severity"] == "error" and i["path"] == "personal.birth_date" for i in out[0]["issues"]),
      "errors: no error on the birth date")
check_shape(out[0])

# 2: an unreadable file, even next to good ones; the reason goes to stderr.
r = run("--date", DATE, "--json", COMPLETE, BROKEN, ERRORS)
check(r.returncode == 2, f"broken: exit {r.returncode}")
check("broken.json" in r.stderr, f"broken: stderr {r.stderr!r}")
out = json.loads(r.stdout)
check([e["path"] for e in out] == [COMPLETE, BROKEN, ERRORS], "broken: entries")
check("error" in out[1] and out[1]["fileable"] is False, "broken: entry")
r = run("--date", DATE, os.path.join(FIXTURES, "does-not-exist.json"))
check(r.returncode == 2 and "does-not-exist.json" in r.stderr, "missing file: exit")

# Issue 11, defect 12: a draft with no names prints its path, not "(null)"; an empty folder is
# an error (exit 2, said on stderr), not a silent success.
with tempfile.TemporaryDirectory() as folder:
    noname = os.path.join(folder, "noname.json")
    with open(noname, "w") as f:
        f.write('{"schema_version": "1.0", "id": "noname"}')
    r = run("--date", DATE, noname)
    check("(null)" not in r.stdout, f"no names: {r.stdout.splitlines()[:1]}")
    check(r.stdout.splitlines()[0] == noname, f"no names: first line {r.stdout.splitlines()[:1]}")
    empty = os.path.join(folder, "empty")
    os.mkdir(empty)
    r = run("--date", DATE, empty)
    check(r.returncode == 2, f"empty folder: exit {r.returncode}")
    check("no drafts" in r.stderr, f"empty folder: stderr {r.stderr!r}")

# Issue 11, defect 10: a workspace folder every user can write to is checked, with a warning
# that says how to make it private; a private one gets no warning.
with tempfile.TemporaryDirectory() as folder:
    shutil.copy(COMPLETE, os.path.join(folder, "a.json"))
    r = run("--date", DATE, folder)
    check("chmod 700" not in r.stderr, f"private folder: stderr {r.stderr!r}")
    os.chmod(folder, 0o777)
    r = run("--date", DATE, folder)
    check(r.returncode == 0, f"open folder: exit {r.returncode}")
    check("every user" in r.stderr and "chmod 700" in r.stderr, f"open folder: stderr {r.stderr!r}")
    os.chmod(folder, 0o700)

# Folders: every *.json, not backups, hidden files or subfolders.
with tempfile.TemporaryDirectory() as folder:
    shutil.copy(COMPLETE, os.path.join(folder, "a.json"))
    shutil.copy(COMPLETE, os.path.join(folder, "a.json.bak"))
    shutil.copy(BROKEN, os.path.join(folder, ".hidden.json"))
    os.mkdir(os.path.join(folder, "sub.json"))
    with open(os.path.join(folder, "notes.txt"), "w") as f:
        f.write("not a draft")
    r = run("--date", DATE, "--json", folder)
    check(r.returncode == 0, f"folder: exit {r.returncode} {r.stderr}")
    out = json.loads(r.stdout)
    check([os.path.basename(e["path"]) for e in out] == ["a.json"], f"folder: entries {[e['path'] for e in out]}")
    shutil.copy(ERRORS, os.path.join(folder, "b.json"))
    r = run("--date", DATE, "--json", folder)
    check(r.returncode == 1, f"folder with errors: exit {r.returncode}")
    check(len(json.loads(r.stdout)) == 2, "folder with errors: entries")

# Rule sets: another one by id (the draft still untouched), an unknown one, a bad date.
r = run("--date", DATE, "--json", "--rules", "di-filing-2023", COMPLETE)
check(r.returncode == 0, f"--rules: exit {r.returncode}")
out = json.loads(r.stdout)
check(out[0]["rule_set"]["id"] == "di-filing-2023", "--rules ignored")
check(out[0]["points"] is None and out[0]["eligibility"] is None, "--rules: the 2023 set has no grid or streams")
check(digest(COMPLETE) == before, "--rules: the draft was written")
r = run("--rules", "nope", COMPLETE)
check(r.returncode == 2 and "pstq-2025-07-02" in r.stderr, f"unknown --rules: {r.returncode} {r.stderr!r}")
r = run("--date", "2026-3-1", COMPLETE)
check(r.returncode == 2 and "YYYY-MM-DD" in r.stderr, f"bad --date: {r.returncode} {r.stderr!r}")
r = run()
check(r.returncode == 2, "no path: exit")

# --format: json is --json, csv has one line per draft with the same figures as the JSON.
import csv
import io
r_json = run("--date", DATE, "--json", COMPLETE, ERRORS)
r_fmt = run("--date", DATE, "--format", "json", COMPLETE, ERRORS)
check(r_fmt.returncode == r_json.returncode == 1 and r_fmt.stdout == r_json.stdout, "--format json differs from --json")
r_text = run("--date", DATE, "--format", "text", COMPLETE)
check(r_text.returncode == 0 and "estimate" in r_text.stdout, "--format text")
by_path = {e["path"]: e for e in json.loads(r_json.stdout)}


def next_deadline(entry):
    return next((d for d in entry["deadlines"] if d["status"] != "passed"), None)


r = run("--date", DATE, "--format", "csv", COMPLETE, BROKEN, ERRORS)
check(r.returncode == 2, f"csv: exit {r.returncode}")
rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
check(rows[0] == ["client_label", "given_names", "family_names", "status", "errors", "streams", "score", "grid",
                  "next_deadline", "next_deadline_date", "file"], f"csv: header {rows[0]}")
check(len(rows) == 4, f"csv: {len(rows)} rows")
for row in rows[1:]:
    record = dict(zip(rows[0], row))
    path = {"complete.json": COMPLETE, "errors.json": ERRORS, "broken.json": BROKEN}[record["file"]]
    if path == BROKEN:
        check(record["status"] == "broken" and record["score"] == "", f"csv: broken row {record}")
        continue
    entry = by_path[path]
    n_errors = sum(1 for i in entry["issues"] if i["severity"] == "error")
    streams = ",".join(str(s["number"]) for s in entry["eligibility"]["streams"] if s["met"])
    nd = next_deadline(entry)
    check(record["status"] == ("fileable" if entry["fileable"] else "errors"), f"csv: status {record}")
    check(record["errors"] == str(n_errors), f"csv: errors {record['errors']} != {n_errors}")
    check(record["streams"] == streams, f"csv: streams {record['streams']} != {streams}")
    check(record["score"] == str(entry["points"]["total"]) and record["grid"] == entry["points"]["grid"],
          f"csv: score {record}")
    check(record["next_deadline"] == (nd["id"] if nd else "") and record["next_deadline_date"] == (nd["date"] if nd else ""),
          f"csv: next deadline {record} != {nd}")
    check(record["given_names"] == "Julien Pierre" and record["family_names"] == "Marchand", f"csv: names {record}")
raw = subprocess.run([DECLIC, "check", "--date", DATE, "--format", "csv", COMPLETE, ERRORS], capture_output=True, timeout=60)
check(raw.stdout.count(b"\r\n") == 3 and raw.stdout.count(b"\n") == 3, f"csv: lines do not end with CRLF: {raw.stdout!r}")
r = run("--format", "xml", COMPLETE)
check(r.returncode == 2 and "xml" in r.stderr, f"bad --format: {r.returncode} {r.stderr!r}")
r = run("--format", "csv", "--json", COMPLETE)
check(r.returncode == 2, "--format csv with --json accepted")

# --due-within DAYS: only the drafts whose next deadline is at most DAYS days away.
with tempfile.TemporaryDirectory() as folder:
    # Three drafts, their language results dated so that they expire at different distances.
    import datetime
    today = datetime.date(2026, 11, 22)
    with open(COMPLETE) as f:
        base = json.load(f)
    expected_days = {}
    for name, days in (("soon.json", 10), ("later.json", 45), ("far.json", 400)):
        draft = json.loads(json.dumps(base))
        draft["id"] = "00000000-0000-4000-8000-%012d" % days
        draft["planned_filing_date"] = None
        draft.pop("created", None)
        for who in ("french", "english"):
            for result in draft.get(who, {}).get("results", []):
                # Valid two years (DI.md §3.5): their last day is `days` days from today; they
                # stop counting the day after, on their 2nd anniversary.
                expiry = today + datetime.timedelta(days=days + 1)
                result["result_date"] = expiry.replace(year=expiry.year - 2).isoformat()
        if "family" in draft and "spouse" in draft["family"]:
            draft["family"]["spouse_accompanies"] = False
        with open(os.path.join(folder, name), "w") as f:
            json.dump(draft, f)
        expected_days[name] = days
    r = run("--date", today.isoformat(), "--json", folder)
    entries = json.loads(r.stdout)
    got = {os.path.basename(e["path"]): next_deadline(e) for e in entries}
    for name, days in expected_days.items():
        check(got[name] is not None and got[name]["days_left"] == days, f"due-within setup: {name} {got[name]}")
    for within, names in ((9, []), (10, ["soon.json"]), (45, ["later.json", "soon.json"]),
                          (1000, ["far.json", "later.json", "soon.json"])):
        r = run("--date", today.isoformat(), "--due-within", str(within), "--format", "csv", folder)
        rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
        check(sorted(row[-1] for row in rows[1:]) == names, f"--due-within {within}: {rows[1:]}")
        r = run("--date", today.isoformat(), "--due-within", str(within), "--json", folder)
        check(sorted(os.path.basename(e["path"]) for e in json.loads(r.stdout)) == names, f"--due-within {within}: json")
    r = run("--due-within", "-5", folder)
    check(r.returncode == 2, "--due-within -5 accepted")

# The DI's stage: a draft until filed, then filed (JSON "stage", and a line in the report).
with tempfile.TemporaryDirectory() as folder:
    with open(COMPLETE, encoding="utf-8") as f:
        filed = json.load(f)
    filed["filing_date"] = "2026-02-01"
    filed_path = os.path.join(folder, "filed.json")
    with open(filed_path, "w", encoding="utf-8") as f:
        json.dump(filed, f)
    r = run("--date", DATE, "--json", COMPLETE, filed_path)
    stages = [e.get("stage") for e in json.loads(r.stdout)]
    check(stages == ["draft", "filed"], f"stages: {stages}")
    r = run("--date", DATE, filed_path)
    check("Stage of the DI: Filed in Arrima" in r.stdout, f"stage line: {r.stdout[:400]}")
    r = run("--date", DATE, COMPLETE)
    check("Stage of the DI" not in r.stdout, "a draft not filed has no stage line")

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("ok")
