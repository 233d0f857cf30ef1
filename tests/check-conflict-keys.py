#!/usr/bin/python3
"""Another program changes the open draft's file (issue 11, defect 6), driven with real keys
(xdotool) and checked through AT-SPI and on disk: the person types in the window, the autosave
meets the change and the window asks once (The Draft Changed on Disk); nothing is written while
it asks; each answer does what it says:
- Reload: the file on disk is opened, left as it was, and the typed letter is gone;
- Keep Both: the other version stays as it is, the person's is a new private draft marked
  "(copy)" with what was typed, and the window goes on with it;
- Overwrite: the person's version replaces the other one.

Arguments: the declic binary, a draft to open. Runs with Debian's python3 (pyatspi) under Xvfb
and D-Bus."""
import json
import os
import shutil
import sys
import tempfile
import time

from declic_atspi import Session, walk  # before pyatspi: see declic_atspi.py

import pyatspi  # noqa: E402

AUTOSAVE_WAIT = 2.5   # more than the window's one-second autosave: time for a second question


def drafts(workspace):
    return sorted(os.path.join(workspace, f) for f in os.listdir(workspace) if f.endswith(".json"))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def change_from_outside(path, label):
    """Another program's save: a new file renamed over the draft, private."""
    draft = load(path)
    draft["client_label"] = label
    tmp = path + ".other"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(draft, f, ensure_ascii=False, indent=2)
    os.replace(tmp, path)
    with open(path, "rb") as f:
        return f.read()


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def dialogs(s):
    """The application's windows that ask about the change."""
    found = []
    for i in range(s.app.childCount):
        window = s.app.getChildAtIndex(i)
        if window is None:
            continue
        # The dialog is named by its heading; the main window is not walked (too slow under load).
        if window.name == "The Draft Changed on Disk":
            found.append(window)
    return found


def press_in(s, window, answer):
    """Tab in the question's own window until @answer has the focus, then Enter."""
    for _ in range(12):
        # GTK 4.8 names a response button "_Reload Reload" (its mnemonic label, then its text).
        focus = [n for role, n, node in walk(window, [])
                 if role == "push button" and node.getState().contains(pyatspi.STATE_FOCUSED)]
        if len(focus) == 1 and focus[0].endswith(answer):
            s.key("Return")
            return
        s.key("Tab")
    seen = [(role, n, node.getState().contains(pyatspi.STATE_FOCUSED)) for role, n, node in walk(window, [])]
    raise AssertionError(f"Tab never reached {answer!r} in the question: {seen}")


def conflict_round(s, path, label, letter, answer):
    """Changes @path from outside, types @letter in the family name, answers @answer."""
    theirs = change_from_outside(path, label)
    s.click("Family name(s)", {"text"})
    s.key("End")
    s.type(letter)
    s.wait_for(lambda: len(dialogs(s)) == 1, "the question about the change", timeout=20)
    # Asked once, and nothing written while it is up, however long the person takes.
    time.sleep(AUTOSAVE_WAIT)
    assert len(dialogs(s)) == 1, f"asked {len(dialogs(s))} times"
    assert read_bytes(path) == theirs, "the other program's file was written while asking"
    press_in(s, dialogs(s)[0], answer)
    s.wait_for(lambda: not dialogs(s), "the question to close")
    return theirs


def main():
    declic, sample = sys.argv[1:3]
    workspace = tempfile.mkdtemp(prefix="declic-conflict-")
    s = Session(declic, workspace, args=[sample])
    try:
        s.wait_for(lambda: any(n == "Family name(s)" for _, n, _ in s.nodes()), "the draft's first page")
        files = drafts(workspace)
        assert len(files) == 1, files
        path = files[0]
        family = load(path)["personal"]["family_names"]

        # Reload: theirs is opened and stays as it is; the typed letter is lost.
        theirs = conflict_round(s, path, "Theirs one", "x", "Reload")
        s.wait_for(lambda: any(n == "Theirs one" for _, n, _ in s.nodes()), "the reloaded draft's title")
        time.sleep(AUTOSAVE_WAIT)
        assert read_bytes(path) == theirs, "Reload wrote the file"
        assert drafts(workspace) == [path], drafts(workspace)
        assert load(path)["personal"]["family_names"] == family
        print("Reload opens the version on disk and writes nothing: ok")

        # Keep Both: theirs stays, mine is a new draft marked as a copy.
        theirs = conflict_round(s, path, "Theirs two", "y", "Keep Both")
        s.wait_for(lambda: len(drafts(workspace)) == 2, "the kept copy")
        copy = [f for f in drafts(workspace) if f != path][0]
        assert read_bytes(path) == theirs, "Keep Both changed the other version"
        mine = load(copy)
        assert mine["client_label"] == "Theirs one (copy)", mine["client_label"]
        assert mine["personal"]["family_names"] == family + "y", mine["personal"]["family_names"]
        assert mine["id"] != load(path)["id"]
        assert os.stat(copy).st_mode & 0o777 == 0o600, oct(os.stat(copy).st_mode)
        s.wait_for(lambda: any(n == "Theirs one (copy)" for _, n, _ in s.nodes()), "the copy open in the window")
        print("Keep Both leaves the other version and saves mine as a private copy: ok")

        # Overwrite: mine replaces theirs (the copy is the open draft now).
        conflict_round(s, copy, "Theirs three", "z", "Overwrite")
        s.wait_for(lambda: load(copy)["personal"]["family_names"] == family + "yz", "my version on disk")
        assert load(copy)["client_label"] == "Theirs one (copy)", load(copy)["client_label"]
        assert len(drafts(workspace)) == 2, drafts(workspace)
        print("Overwrite replaces the other version with mine: ok")
    finally:
        s.close()
        shutil.rmtree(workspace, ignore_errors=True)
    print("ok")


if __name__ == "__main__":
    main()
