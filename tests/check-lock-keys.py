#!/usr/bin/python3
"""One writer per workspace, in the window (issue 11, defect 6): while another Déclic holds the
workspace's lock (another session's window, `declic upload`; here the same flock taken by the
test), Déclic started on that workspace shows "Workspace Already in Use" naming the folder, opens
no window on it and writes nothing there; Enter closes the dialog and the program ends. Once the
lock is free, Déclic opens the workspace as usual.

Arguments: the declic binary. Runs with Debian's python3 (pyatspi) under Xvfb and D-Bus."""
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import time

from declic_atspi import Session, find_app, start_declic, walk  # before pyatspi

import pyatspi  # noqa: E402,F401


def main():
    declic = sys.argv[1]
    root = tempfile.mkdtemp(prefix="declic-lock-")
    workspace = os.path.join(root, "workspace")
    os.makedirs(os.path.join(workspace, ".declic"), 0o700)
    lock_path = os.path.join(workspace, ".declic", "lock")
    holder = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        # The same folder by another name: the lock is the folder's, not the name's.
        process = start_declic(declic, workspace + "/./")
        app = find_app(time.monotonic() + 30, pid=process.pid)
        assert app is not None, f"declic did not appear on the accessibility bus ({process.poll()})"
        deadline = time.monotonic() + 20
        dialog = None
        while dialog is None and time.monotonic() < deadline:
            for i in range(app.childCount):
                window = app.getChildAtIndex(i)
                if window is not None and window.name == "Workspace Already in Use":
                    dialog = window
            time.sleep(0.2)
        assert dialog is not None, "no refusal dialog"
        text = " ".join(n for _, n, _ in walk(dialog, []))
        assert os.path.realpath(workspace) in text, f"the dialog does not name the folder: {text!r}"
        assert all(app.getChildAtIndex(i).name != "Déclic" for i in range(app.childCount)), \
            "a window was opened on a workspace in use"
        assert sorted(os.listdir(workspace)) == [".declic"] and os.listdir(os.path.join(workspace, ".declic")) == ["lock"], \
            "something was written into the workspace in use"
        print("a workspace in use is refused, the folder named, nothing written: ok")

        subprocess.run(["xdotool", "key", "Return"], check=True)
        status = process.wait(timeout=20)
        assert status == 0, f"exit status {status}"
        print("Enter closes the dialog and the program ends: ok")

        # The holder goes: Déclic opens the workspace.
        os.close(holder)
        holder = None
        s = Session(declic, workspace)
        try:
            s.wait_for(lambda: os.path.exists(os.path.join(workspace, ".declic", "lock")), "the lock")
            with open(lock_path) as f:
                assert f.read().strip() == str(s.process.pid), "the lock does not name the holder"
            probe = os.open(lock_path, os.O_RDWR)
            try:
                fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
                raise AssertionError("the window does not hold the lock")
            except BlockingIOError:
                pass
            finally:
                os.close(probe)
            print("a free workspace opens, and the window holds its lock: ok")
        finally:
            s.close()
    finally:
        if holder is not None:
            os.close(holder)
        shutil.rmtree(root, ignore_errors=True)
    print("ok")


if __name__ == "__main__":
    main()
