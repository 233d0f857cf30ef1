#!/usr/bin/env python3
"""`declic rounds`: the list in use, labelled secondary; `--install` of a good, a bad and an older
list; the same list in `declic plan --json`; a broken installed list warned about by both. Each run
has its own XDG_DATA_HOME, so the person's own list is never read nor replaced.

Usage: check-cli-rounds.py DECLIC_BINARY SAMPLE_DRAFT
"""
import json
import os
import stat
import subprocess
import sys
import tempfile

DECLIC, SAMPLE = sys.argv[1], sys.argv[2]
HEADER = "date,stream,min_score,invited,filter\n"
failures = []
home = tempfile.TemporaryDirectory()
data = os.path.join(home.name, "data")
user_file = os.path.join(data, "declic", "invitation-rounds.csv")


def run(*args, lang=None, command="rounds"):
    env = {"LANG": "C.UTF-8", "LANGUAGE": lang or "", "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": data}
    for key in ("DECLIC_LOCALEDIR", "DECLIC_NOC_FILE", "GSETTINGS_SCHEMA_DIR", "DECLIC_TODAY"):
        if key in os.environ:
            env[key] = os.environ[key]
    return subprocess.run([DECLIC, command, *args], capture_output=True, text=True, env=env, timeout=60)


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def source(name, text):
    path = os.path.join(home.name, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# The built-in list, in English and in French: its id, "built in", the caveat, one line a round.
r = run()
check(r.returncode == 0 and r.stderr == "", f"rounds: exit {r.returncode} {r.stderr}")
lines = r.stdout.splitlines()
check(lines[0] == "Invitation rounds in use: invitation-rounds-2025 (built in)", f"rounds: {lines[:1]}")
check("Secondary data compiled from news reports" in lines[1] and "not a forecast" in lines[1],
      f"rounds: the caveat {lines[1:2]}")
check("  July 17, 2025, stream 1: lowest score invited 768, 216 invited (none)" in lines,
      f"rounds: a round with a cut-off {lines}")
check(any(line.startswith("  July 17, 2025, stream 4: no points cut-off, 22 invited (") for line in lines),
      f"rounds: a round without a cut-off {lines}")
r = run(lang="fr")
check(r.returncode == 0 and r.stdout.startswith("Rondes d’invitations utilisées\u00a0: invitation-rounds-2025 (intégrée à Déclic)"),
      f"rounds fr: {r.stdout[:200]}")
check("Données secondaires" in r.stdout and "n’est pas une prévision" in r.stdout
      and "17 juillet 2025, volet 1\u00a0: plus faible résultat invité 768, 216 invitations (none)" in r.stdout,
      f"rounds fr: {r.stdout[:600]}")
r = run("--lang", "fr")
check(r.returncode == 0 and "Données secondaires" in r.stdout, f"rounds --lang fr: {r.returncode} {r.stdout[:200]}")

r = run("--json")
listing = json.loads(r.stdout)
check(r.returncode == 0 and listing["id"] == "invitation-rounds-2025" and listing["origin"] is None
      and listing["status"] == "secondary" and len(listing["rounds"]) >= 10, f"rounds --json: {r.stdout[:200]}")
check(listing["rounds"][0]["date"] >= listing["rounds"][-1]["date"], "rounds --json: newest first")
check(any(x["min_score"] is None and x["stream"] == 4 for x in listing["rounds"]), "rounds --json: no cut-off is null")
check(not os.path.exists(data), "rounds: listing created the data folder")

# A refused file: exit 1, the line named, nothing installed.
bad = source("bad.csv", HEADER + "2026-01-15,1,700,300,none\n2026-02-01,5,700,300,none\n")
r = run("--install", bad)
check(r.returncode == 1 and "Line 3 " in r.stderr and bad in r.stderr, f"install bad: {r.returncode} {r.stderr}")
check(not os.path.exists(user_file), "install bad: a file was left")
r = run("--install", bad, lang="fr")
check(r.returncode == 1 and "n’a pas été installée\u00a0:" in r.stderr, f"install bad fr: {r.stderr}")
r = run("--install", os.path.join(home.name, "no-such.csv"))
check(r.returncode == 2 and "no-such.csv" in r.stderr, f"install missing: {r.returncode} {r.stderr}")
r = run("--install", source("empty.csv", HEADER))
check(r.returncode == 1 and "no rounds" in r.stderr, f"install empty: {r.returncode} {r.stderr}")
r = run("extra")
check(r.returncode == 2 and "extra" in r.stderr, f"rounds extra: {r.returncode} {r.stderr}")

# A newer list: installed 0600 in a 0700 folder, and in use, in `declic rounds` and `declic plan`.
good = source("good.csv", HEADER + "2026-01-15,1,700,300,none\n2025-12-04,4,,10,talent\n")
r = run("--install", good)
check(r.returncode == 0 and f"Installed {good} as {user_file}." in r.stdout
      and "The list in use is now invitation-rounds-as-of-2026-01-15." in r.stdout, f"install good: {r.stdout} {r.stderr}")
check(stat.S_IMODE(os.stat(user_file).st_mode) == 0o600, "install good: not 0600")
check(stat.S_IMODE(os.stat(os.path.dirname(user_file)).st_mode) == 0o700, "install good: folder not 0700")
r = run()
check(r.stdout.startswith(f"Invitation rounds in use: invitation-rounds-as-of-2026-01-15 ({user_file})"), f"rounds after install: {r.stdout[:200]}")
listing = json.loads(run("--json").stdout)
check(listing["origin"] == user_file and len(listing["rounds"]) == 2, f"rounds --json after install: {listing}")
r = run("--date", "2026-12-01", "--months", "1", "--json", SAMPLE, command="plan")
check(r.returncode == 0 and json.loads(r.stdout)[0]["recent_rounds"]["id"] == "invitation-rounds-as-of-2026-01-15",
      f"plan after install: {r.returncode} {r.stderr}")

# An older list is installed but the built-in list stays in use, and that is said.
older = source("older.csv", HEADER + "2025-01-15,1,700,300,none\n")
r = run("--install", older)
check(r.returncode == 0 and "stays in use" in r.stdout and "invitation-rounds-2025" in r.stdout, f"install older: {r.stdout}")
r = run("--install", older, lang="fr")
check(r.returncode == 0 and "reste utilisée" in r.stdout, f"install older fr: {r.stdout}")

# A list broken by hand: both commands warn, name the file and the line, and go on with the built-in list.
with open(user_file, "w", encoding="utf-8") as f:
    f.write(HEADER + "2027-01-15,1,700,300,none\n2027-13-01,1,700,300,none\n")
r = run()
check(r.returncode == 1 and r.stderr.startswith("declic rounds: warning: ") and user_file in r.stderr and "Line 3 " in r.stderr
      and "invitation-rounds-2025 (built in)" in r.stdout, f"rounds broken: {r.returncode} {r.stderr}")
r = run("--date", "2026-12-01", "--months", "1", SAMPLE, command="plan")
check(r.returncode == 0 and r.stderr.startswith("declic plan: warning: ") and "Line 3 " in r.stderr
      and "invitation-rounds-2025" in r.stdout, f"plan broken: {r.returncode} {r.stderr}")
r = run("--date", "2026-12-01", "--months", "1", SAMPLE, command="plan", lang="fr")
check(r.stderr.startswith("declic plan\u00a0: avertissement\u00a0: ") and "a été ignorée" in r.stderr, f"plan broken fr: {r.stderr}")

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
