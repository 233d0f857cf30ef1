#!/usr/bin/env python3
"""One writer per workspace (issue 11, defect 6): `declic upload` writes its records into the
workspace (.declic/sync), so while another Déclic holds the workspace's lock (.declic/lock,
flock) it uploads nothing, writes nothing and says which folder is in use, whatever form of the
folder's name it was given. A lock file that is a link is refused, never followed."""
import fcntl
import json
import os
import subprocess
import sys
import tempfile

declic = sys.argv[1]
failures = 0
SERVER = "http://127.0.0.1:9/dav"  # nothing listens there: an upload that runs fails to connect
ENV = dict(os.environ, DECLIC_USER="u", DECLIC_PASSWORD="p", LANG="C.UTF-8", LANGUAGE="")


def check(condition, what):
    global failures
    if not condition:
        failures += 1
        print("FAIL:", what)


def upload(*paths):
    run = subprocess.run([declic, "upload", "--server", SERVER, *paths], capture_output=True, env=ENV,
                         timeout=60, text=True)
    return run.returncode, run.stdout + run.stderr


with tempfile.TemporaryDirectory() as tmp:
    workspace = os.path.join(tmp, "workspace")
    os.mkdir(workspace, 0o700)
    draft = os.path.join(workspace, "a.json")
    with open(draft, "w", encoding="utf-8") as f:
        json.dump({"schema_version": "1.0", "id": "a"}, f)
    link = os.path.join(tmp, "link-to-workspace")
    os.symlink(workspace, link)
    real = os.path.realpath(workspace)

    # Another Déclic holds the lock (the same flock the window takes).
    os.mkdir(os.path.join(workspace, ".declic"), 0o700)
    lock_path = os.path.join(workspace, ".declic", "lock")
    holder = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(holder, fcntl.LOCK_EX)

    for form in (workspace, workspace + "/./", link, draft, os.path.join(link, "a.json")):
        status, out = upload(form)
        check(status == 1, f"{form}: exit status 1 while locked (got {status})")
        check("in use by another Déclic" in out, f"{form}: says the workspace is in use: {out!r}")
        check(real in out, f"{form}: names the folder {real}: {out!r}")
        check("connect" not in out.lower(), f"{form}: did not try the server: {out!r}")
    check(not os.path.exists(os.path.join(workspace, ".declic", "sync")), "nothing written while locked")

    # Released: the same upload runs (and fails on the absent server, not on the lock).
    os.close(holder)
    status, out = upload(workspace)
    check(status == 1 and "in use" not in out, f"unlocked: the upload runs: {out!r}")
    mode = os.stat(lock_path).st_mode & 0o777
    check(mode == 0o600, f"the lock file is private (0{mode:o})")

    # A link in place of the lock: refused, its target untouched.
    target = os.path.join(tmp, "target")
    with open(target, "w") as f:
        f.write("precious\n")
    os.chmod(target, 0o644)
    os.unlink(lock_path)
    os.symlink(target, lock_path)
    status, out = upload(workspace)
    check(status == 1 and "not a regular file" in out, f"lock link refused: {out!r}")
    check(open(target).read() == "precious\n" and os.stat(target).st_mode & 0o777 == 0o644, "link target untouched")

    # A folder that does not exist gets no lock folder made for it.
    status, out = upload(os.path.join(tmp, "nowhere", "b.json"))
    check(status != 0 and not os.path.exists(os.path.join(tmp, "nowhere")), "no folder made for a missing draft")

print("ok" if failures == 0 else f"{failures} failures")
sys.exit(1 if failures else 0)
