#!/usr/bin/env python3
"""`declic check` and linked spouses: the links of a folder's .declic/links.json apply to drafts
checked together (the folder, or both files); a disagreement is an error on both drafts, naming
the other; one file alone is checked alone; a refused links file fails the run (2).

Usage: check-cli-spouses.py DECLIC_BINARY FIXTURES_DIR (tests/fixtures/spouses)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

DECLIC, FIXTURES = os.path.abspath(sys.argv[1]), sys.argv[2]
A, B = "marchand-julien", "lefevre-sophie"
DATE = "2026-03-01"
failures = []


def run(*args, cwd=None, lang=None):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    if lang is not None:
        env["LANG"] = "C.UTF-8"
        env["LANGUAGE"] = lang
    return subprocess.run([DECLIC, "check", "--date", DATE, *args], capture_output=True, text=True,
                          env=env, timeout=60, cwd=cwd)


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def spouse_issues(entry):
    return [f for f in entry["issues"] if f["code"].startswith("spouse_link.")]


with tempfile.TemporaryDirectory() as tmp:
    work = os.path.join(tmp, "clients")
    os.makedirs(os.path.join(work, ".declic"), mode=0o700)
    os.chmod(work, 0o700)
    for name in (A, B):
        shutil.copy(os.path.join(FIXTURES, name + ".json"), work)
    a_path, b_path = os.path.join(work, A + ".json"), os.path.join(work, B + ".json")

    # Not linked: nothing compared.
    result = run("--json", work)
    check(result.returncode == 0, f"unlinked: exit {result.returncode}: {result.stderr}")
    for entry in json.loads(result.stdout):
        check(spouse_issues(entry) == [] and "spouse" not in entry, f"unlinked: {entry['path']} compared")

    links = os.path.join(work, ".declic", "links.json")
    with open(links, "w") as f:
        json.dump({"format": 1, "spouses": [[A, B]]}, f)

    # Linked and in agreement: still fileable; each names the other.
    result = run("--json", work)
    check(result.returncode == 0, f"agree: exit {result.returncode}: {result.stderr}")
    entries = {e["id"]: e for e in json.loads(result.stdout)}
    check(entries[A].get("spouse") == b_path, f"agree: A's spouse {entries[A].get('spouse')}")
    check(entries[B].get("spouse") == a_path, f"agree: B's spouse {entries[B].get('spouse')}")

    # A disagreement: an error on both drafts, naming the other and both values.
    with open(b_path) as f:
        b = json.load(f)
    b["personal"]["birth_date"] = "1992-09-04"
    with open(b_path, "w") as f:
        json.dump(b, f, ensure_ascii=False)
    for args in (("--json", work), ("--json", a_path, b_path)):
        result = run(*args)
        check(result.returncode == 1, f"{args}: exit {result.returncode}: {result.stderr}")
        entries = {e["id"]: e for e in json.loads(result.stdout)}
        on_a, on_b = spouse_issues(entries[A]), spouse_issues(entries[B])
        check([f["path"] for f in on_a] == ["family.spouse.birth_date"], f"{args}: on A {on_a}")
        check([f["path"] for f in on_b] == ["personal.birth_date"], f"{args}: on B {on_b}")
        for finding, other in ((on_a, "Sophie Lefèvre"), (on_b, "Julien Pierre Marchand")):
            message = finding[0]["message"] if finding else ""
            check(other in message and "September 3, 1992" in message and "September 4, 1992" in message,
                  f"{args}: message {message!r}")
            check(finding and finding[0]["severity"] == "error", f"{args}: severity {finding}")
        check(entries[A]["fileable"] is False and entries[B]["fileable"] is False, f"{args}: fileable")

    # Relative paths given from the folder, the text report in French.
    result = run(A + ".json", B + ".json", cwd=work, lang="fr")
    check(result.returncode == 1, f"fr: exit {result.returncode}")
    check("Brouillon lié du conjoint ou de la conjointe\u00a0: " in result.stdout, f"fr: no linked line:\n{result.stdout}")
    check("3 septembre 1992" in result.stdout and "4 septembre 1992" in result.stdout, "fr: dates")

    # One file alone is checked alone.
    result = run("--json", a_path)
    check(result.returncode == 0, f"alone: exit {result.returncode}")
    check(spouse_issues(json.loads(result.stdout)[0]) == [], "alone: compared")

    # A links file that is refused: said on stderr, exit 2; the drafts are still checked.
    for bad in ("not json", '{"format": 1, "spouses": [["a", "a"]]}'):
        with open(links, "w") as f:
            f.write(bad)
        result = run("--json", work)
        check(result.returncode == 2, f"refused {bad!r}: exit {result.returncode}")
        check("links.json" in result.stderr and "refused" in result.stderr, f"refused: stderr {result.stderr!r}")
        check(len(json.loads(result.stdout)) == 2, "refused: drafts not checked")
    os.unlink(links)
    target = os.path.join(tmp, "elsewhere.json")
    with open(target, "w") as f:
        json.dump({"format": 1, "spouses": [[A, B]]}, f)
    os.symlink(target, links)
    result = run("--json", work)
    check(result.returncode == 2 and "symbolic link" in result.stderr, f"symlink: {result.returncode} {result.stderr!r}")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok")
