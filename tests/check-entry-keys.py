#!/usr/bin/python3
"""The Arrima entry companion driven with real keys (xdotool), checked through AT-SPI and on disk:
Ctrl+E opens it on the open draft; Space ticks the value in focus and the tick is written to the
workspace's private metadata (0600), not to the draft; Ctrl+Enter copies the value in focus
(a toast names it) and moves the focus to the next value; closed and opened again, the tick is
still there."""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from declic_atspi import Session, walk  # before pyatspi: see declic_atspi.py

import pyatspi  # noqa: E402


def names(s):
    return [n for _, n, _ in walk(s.app, [])]


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def clipboard():
    """What a paste would give: the CLIPBOARD selection, read the way another program reads it."""
    out = subprocess.run(["xclip", "-o", "-selection", "clipboard"], capture_output=True, text=True, timeout=5)
    return out.stdout if out.returncode == 0 else None


def toast_shown(s, message):
    """Whether @message is in the companion's window. Only that window is walked: a walk of the
    whole application under load can outlast the toast (5 s)."""
    window = companion(s)
    return window is not None and any(n == message for _, n, _ in walk(window, []))


def companion(s):
    """The companion's window among the application's, if it is open."""
    for i in range(s.app.childCount):
        window = s.app.getChildAtIndex(i)
        if window is not None and window.name == "Enter in Arrima":
            return window
    return None


def check_boxes(s):
    window = companion(s)
    if window is None:
        return []
    return [node for role, n, node in walk(window, []) if role == "check box" and n == "Entered in Arrima"]


def main():
    declic, sample = sys.argv[1:3]
    workspace = tempfile.mkdtemp(prefix="declic-entry-")
    with open(sample, encoding="utf-8") as f:
        draft_id = json.load(f)["id"]
    s = Session(declic, workspace, args=[sample])
    try:
        s.wait_for(lambda: "Family name(s)" in names(s), "the sample's first page")
        drafts = [f for f in os.listdir(workspace) if f.endswith(".json")]
        assert len(drafts) == 1, drafts
        draft = os.path.join(workspace, drafts[0])
        before = digest(draft)

        s.key("ctrl+e")
        s.wait_for(lambda: len(check_boxes(s)) > 20, "the entry companion's values")
        assert any(n.startswith("Personal information") or n == "Personal information" for n in names(s))

        # A date is shown written out and copied in ISO form: its button says which.
        with open(sample, encoding="utf-8") as f:
            birth = json.load(f)["personal"]["birth_date"]
        button = next(node for role, n, node in walk(companion(s), [])
                      if role == "push button" and n.startswith("Copy Date of birth"))
        assert button.description == f"Copy “{birth}”", button.description
        print("a date's copy button names the ISO form it copies: ok")

        s.tab_to("Entered in Arrima", {"check box"})
        s.key("space")
        ticks = os.path.join(workspace, ".declic", "entry", draft_id + ".json")
        s.wait_for(lambda: os.path.exists(ticks) and "personal.family_names" in open(ticks).read(),
                   "the tick to be saved")
        assert os.stat(ticks).st_mode & 0o777 == 0o600, oct(os.stat(ticks).st_mode)
        assert check_boxes(s)[0].getState().contains(pyatspi.STATE_CHECKED)
        print("Space ticks the value; the tick is saved privately: ok")

        with open(sample, encoding="utf-8") as f:
            personal = json.load(f)["personal"]
        s.key("ctrl+Return")
        s.wait_for(lambda: clipboard() == personal["family_names"], "the family name on the clipboard")
        s.wait_for(lambda: toast_shown(s, "Copied: Family name(s)"), "the toast of the copied value")
        focus = s.focused()
        assert focus is not None and focus[1].startswith("Given name(s)"), focus
        s.key("ctrl+Return")
        s.wait_for(lambda: clipboard() == personal["given_names"], "the given names on the clipboard")
        s.wait_for(lambda: toast_shown(s, "Copied: Given name(s)"), "the toast of the next copied value")
        print("Ctrl+Enter copies the value in focus and moves to the next: ok")

        s.key("Escape")
        s.wait_for(lambda: companion(s) is None, "the companion to close")
        s.key("ctrl+e")
        s.wait_for(lambda: len(check_boxes(s)) > 20, "the companion again")
        boxes = check_boxes(s)
        assert boxes[0].getState().contains(pyatspi.STATE_CHECKED), "the tick was lost"
        assert not boxes[1].getState().contains(pyatspi.STATE_CHECKED), "a value was ticked by copying it"
        assert digest(draft) == before, "the companion changed the draft"
        print("the tick is still there when opened again; the draft is unchanged: ok")
    finally:
        s.close()
        shutil.rmtree(workspace, ignore_errors=True)
    print("ok")


if __name__ == "__main__":
    main()
