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
check(out[0]["reference_date"] == DATE, "complete: --date ignored")
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

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("ok")
