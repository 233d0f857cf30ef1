#!/usr/bin/env python3
"""`declic check` and `declic upload` print text from drafts (names, labels, file names): control
characters, escape sequences and bidi overrides in it are shown escaped, never sent to the
terminal as they are; the JSON output still holds the exact text (issue 11, defect 9)."""
import json
import os
import subprocess
import sys
import tempfile

declic = sys.argv[1]
failures = 0

# Raw bytes that must never reach a terminal from a draft.
FORBIDDEN = [b"\x1b", b"\x07", b"\x08", b"\x0d", b"\x7f", "\u202e".encode(), "\u2066".encode(), "\u0085".encode()]
hostile_name = "Tremblay\u202eetoc\x1b[2J\x1b]0;pwned\x07\x08\r\x7f\u0085\u2066"


def check(condition, what):
    global failures
    if not condition:
        failures += 1
        print("FAIL:", what)


def assert_clean(output, what):
    for raw in FORBIDDEN:
        check(raw not in output, f"{what}: {raw!r} printed as it is")


with tempfile.TemporaryDirectory() as tmp:
    draft = {"schema_version": "1.0", "id": "escapes", "client_label": "Client\x1b]0;title\x07",
             "personal": {"family_names": hostile_name, "given_names": "Ana\x1b[31m"}}
    path = os.path.join(tmp, "escapes.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(draft, f)
    before = open(path, "rb").read()

    text = subprocess.run([declic, "check", path], capture_output=True)
    assert_clean(text.stdout + text.stderr, "check")
    check(b"\\u001B[2J" in text.stdout and b"\\u202E" in text.stdout, "check: escapes shown visibly")

    out = subprocess.run([declic, "check", "--json", path], capture_output=True)
    assert_clean(out.stdout + out.stderr, "check --json")
    # Each "\\uXXXX" written inside a JSON string still means the same character.
    report = json.loads(out.stdout)
    check(isinstance(report, list) and report[0]["id"] == "escapes", "check --json: still valid JSON")

    # A file name with an escape sequence, uploaded to a server that is not there.
    odd = os.path.join(tmp, "odd\x1b]0;pwned\x07.json")
    with open(odd, "w", encoding="utf-8") as f:
        json.dump({"schema_version": "1.0", "id": "odd"}, f)
    env = dict(os.environ, DECLIC_USER="u", DECLIC_PASSWORD="p")
    up = subprocess.run([declic, "upload", "--server", "http://127.0.0.1:9/dav", odd], capture_output=True, env=env,
                        timeout=60)
    assert_clean(up.stdout + up.stderr, "upload")
    check(b"\\u001B]0;pwned\\u0007" in up.stdout + up.stderr, "upload: file name escaped visibly")

    check(open(path, "rb").read() == before, "draft left unchanged")

print("ok" if failures == 0 else f"{failures} failures")
sys.exit(1 if failures else 0)
