#!/usr/bin/env python3
"""Desktop integration, as the desktop uses it: the draft MIME type, D-Bus activation, a unique
application that opens files.

usage: check-desktop-open.py DECLIC SERVICE_FILE MIME_XML DESKTOP_FILE DRAFT OTHER_JSON

1. With the shared-mime-info entry installed in a private data folder, a draft file is
   application/x-declic-draft+json and another JSON file is still application/json; the
   desktop file offers Déclic for that type and is D-Bus activatable.
2. On a private session bus whose only service is the installed service file (pointing at the
   built DECLIC), org.freedesktop.Application.Open on a draft outside the workspace starts
   Déclic, which imports the draft into the workspace (as Files' "Open With" does).
3. `declic DRAFT` then hands the file to the running instance (unique application), which
   imports it again as a copy, and prints no GLib warning or critical.
4. The app.quit action over D-Bus ends it. The files opened are left untouched.
"""

import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

APP_ID = "ca.declic.Declic"
OBJECT_PATH = "/ca/declic/Declic"
DRAFT_TYPE = "application/x-declic-draft+json"
TIMEOUT = 30


def content_type(path, env):
    out = subprocess.run(["gio", "info", "-a", "standard::content-type", path], env=env,
                         check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        if "standard::content-type:" in line:
            return line.split("standard::content-type:", 1)[1].strip()
    raise AssertionError(f"gio info gave no content type for {path}: {out}")


def check_mime(mime_xml, desktop_file, draft, other_json, tmp):
    data = os.path.join(tmp, "data")
    os.makedirs(os.path.join(data, "mime", "packages"))
    shutil.copy(mime_xml, os.path.join(data, "mime", "packages", APP_ID + ".xml"))
    subprocess.run(["update-mime-database", os.path.join(data, "mime")], check=True)
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "home-data"),
               XDG_DATA_DIRS=data + ":/usr/share")
    # A copy with another name: the type comes from the content, not from a name we chose.
    copy = os.path.join(tmp, "some client.json")
    shutil.copy(draft, copy)
    assert content_type(copy, env) == DRAFT_TYPE, f"{draft}: {content_type(copy, env)}"
    assert content_type(other_json, env) == "application/json", \
        f"{other_json}: {content_type(other_json, env)}"
    print(f"mime: a draft is {DRAFT_TYPE}, other JSON stays application/json")

    with open(desktop_file, encoding="utf-8") as f:
        entries = dict(line.rstrip("\n").split("=", 1) for line in f
                       if "=" in line and not line.startswith("#"))
    assert DRAFT_TYPE in entries.get("MimeType", "").split(";"), entries.get("MimeType")
    assert entries.get("DBusActivatable") == "true", entries.get("DBusActivatable")
    assert os.path.basename(desktop_file) == APP_ID + ".desktop"
    print("desktop file: offers Déclic for drafts, D-Bus activatable")


def gdbus(env, *args, check=True):
    return subprocess.run(["gdbus", "call", "--session", *args], env=env, check=check,
                          capture_output=True, text=True, timeout=TIMEOUT)


def has_owner(env):
    out = gdbus(env, "--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
                "--method", "org.freedesktop.DBus.NameHasOwner", APP_ID).stdout
    return "true" in out


def wait_for(what, predicate):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def drafts_in(folder):
    return sorted(glob.glob(os.path.join(folder, "*.json")))


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def assert_quiet(name, text):
    for bad in ("CRITICAL", "WARNING"):
        assert bad not in text, f"{name} printed {bad}:\n{text}"


def check_activation(declic, service_file, draft, tmp):
    services = os.path.join(tmp, "services")
    os.makedirs(services)
    with open(service_file, encoding="utf-8") as f:
        service = f.read()
    exec_line = next(line for line in service.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith("/declic --gapplication-service"), exec_line
    with open(os.path.join(services, APP_ID + ".service"), "w", encoding="utf-8") as f:
        f.write(service.replace(exec_line, f"Exec={declic} --gapplication-service"))
    config = os.path.join(tmp, "session.conf")
    with open(config, "w", encoding="utf-8") as f:
        f.write(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={tmp}</listen>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
""")

    workspace = os.path.join(tmp, "workspace")
    os.mkdir(workspace, 0o700)
    elsewhere = os.path.join(tmp, "downloads")
    os.mkdir(elsewhere)
    opened = os.path.join(elsewhere, "client.json")
    shutil.copy(draft, opened)
    before = digest(opened)

    # Every freed list node goes back to malloc, which fills it (MALLOC_PERTURB_): a walk
    # through freed memory, as quitting once did, then crashes here instead of now and then.
    env = dict(os.environ, DECLIC_WORKSPACE=workspace, G_SLICE="always-malloc",
               MALLOC_PERTURB_=os.environ.get("MALLOC_PERTURB_") or "202")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    log_path = os.path.join(tmp, "bus.log")
    log = open(log_path, "w+", encoding="utf-8")
    bus = subprocess.Popen(["dbus-daemon", "--config-file", config, "--nofork", "--print-address=1"],
                           env=env, stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        assert not has_owner(env), "something already owns the name on a private bus"

        uri = "file://" + opened
        gdbus(env, "--dest", APP_ID, "--object-path", OBJECT_PATH,
              "--method", "org.freedesktop.Application.Open", f"['{uri}']", "{}")
        wait_for("the draft opened over D-Bus to appear in the workspace",
                 lambda: len(drafts_in(workspace)) == 1)
        assert has_owner(env), "the activated application does not own its name"
        print("D-Bus activation: Open started Déclic and imported the draft")

        second = subprocess.run([declic, opened], env=env, capture_output=True, text=True,
                                timeout=TIMEOUT)
        assert second.returncode == 0, f"declic FILE exited {second.returncode}: {second.stderr}"
        assert_quiet("declic FILE", second.stdout + second.stderr)
        wait_for("the second instance's file to be imported by the first",
                 lambda: len(drafts_in(workspace)) == 2)
        print("unique application: `declic FILE` handed the file to the running instance")

        # The application may be gone before it replies: its name going away is the answer.
        gdbus(env, "--dest", APP_ID, "--object-path", OBJECT_PATH,
              "--method", "org.freedesktop.Application.ActivateAction", "quit", "[]", "{}",
              check=False)
        wait_for("Déclic to quit", lambda: not has_owner(env))
        print("app.quit over D-Bus: Déclic quit")
    finally:
        bus.terminate()
        bus.wait(timeout=TIMEOUT)
        log.seek(0)
        bus_log = log.read()
        log.close()

    # Whatever the activated service printed went to the bus's stderr.
    assert_quiet("the activated application", bus_log)
    assert digest(opened) == before, "the opened file was modified"
    for path in drafts_in(workspace):
        assert os.stat(path).st_mode & 0o077 == 0, f"{path} is readable by others"


def main(argv):
    if len(argv) != 7:
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    declic, service_file, mime_xml, desktop_file, draft, other_json = argv[1:]
    for tool in ("gio", "gdbus", "dbus-daemon", "update-mime-database"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed: not checked")
            return 77
    tmp = tempfile.mkdtemp(prefix="declic-desktop-")
    try:
        check_mime(mime_xml, desktop_file, draft, other_json, tmp)
        check_activation(declic, service_file, draft, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
