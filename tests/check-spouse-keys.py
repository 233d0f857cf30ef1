#!/usr/bin/python3
"""Linking two drafts as spouses, keyboard only: real X key events (xdotool) into the real window,
AT-SPI to read what a person sees.

A workspace of two drafts, Julien Marchand's and Sophie Lefèvre's, that disagree on one thing:
his draft gives his spouse's date of birth as September 3, 1992, hers as September 4.
- Tab into the list, Home, Shift+Down: "2 selected";
- Ctrl+Shift+L links them: a toast with Undo; .declic/links.json holds the pair (0600);
- both rows now name the other draft and count the disagreement ("1 error · Spouse: …");
- each draft, opened from the list with the arrow keys, names its spouse in its header and shows
  the disagreement, with the other draft's name and both dates;
- Shift+Down again and Ctrl+Alt+L unlink them: the rows are back to "Complete".

Arguments: the declic binary, the folder of the spouses' fixtures. Runs with Debian's python3
(pyatspi) under Xvfb and D-Bus."""
import json
import os
import shutil
import sys
import tempfile

import declic_atspi

A, B = "marchand-julien", "lefevre-sophie"
A_NAME, B_NAME = "Julien Pierre Marchand", "Sophie Lefèvre"


def make_workspace(fixtures, folder):
    for name in (A, B):
        with open(os.path.join(fixtures, name + ".json"), encoding="utf-8") as f:
            draft = json.load(f)
        if name == B:
            draft["personal"]["birth_date"] = "1992-09-04"
        path = os.path.join(folder, name + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(draft, f, ensure_ascii=False, indent=2)
        os.chmod(path, 0o600)


def row_line(s, spouse):
    """The second line of the row that names @spouse, or None."""
    for name in s.names({"label"}):
        if f"Spouse: {spouse}" in name:
            return name
    return None


def disagreement_shown(s, other):
    return any(other in name and "September 3, 1992" in name and "September 4, 1992" in name
               for name in s.names({"label"}))


def main():
    declic, fixtures = sys.argv[1:3]
    top = tempfile.mkdtemp(prefix="declic-spouse-keys-")
    workspace = os.path.join(top, "workspace")
    os.mkdir(workspace, 0o700)
    make_workspace(fixtures, workspace)
    links = os.path.join(workspace, ".declic", "links.json")
    s = declic_atspi.Session(declic, workspace)
    try:
        s.wait_for(lambda: "Marchand, Julien" in s.names({"label"}) and "Lefèvre, Sophie" in s.names({"label"}),
                   "both drafts in the list", timeout=30)
        assert sum(1 for n in s.names({"label"}) if n.startswith("Complete · ")) == 2, s.names({"label"})

        # Two rows selected from the keyboard.
        s.tab_to(None, {"list item"})
        s.key("Home")
        s.key("shift+Down")
        s.wait_for(lambda: "2 selected" in s.names({"label"}), "“2 selected”")
        print("keyboard: 2 selected")

        s.key("ctrl+shift+l")
        toast = "are linked as spouses"
        # The toast lasts 5 s, and under load a walk of the whole window takes as long: the
        # toast, near the top of the window, is looked for in the top levels only.
        def toast_with_undo():
            nodes = declic_atspi.walk_shallow(s.app, 8, [])
            return (any(r == "label" and toast in n for r, n, _ in nodes)
                    and any(r == "push button" and "Undo" in n for r, n, _ in nodes))
        s.wait_for(toast_with_undo, "the toast of the link, with its Undo button")
        with open(links, encoding="utf-8") as f:
            assert json.load(f) == {"format": 1, "spouses": [[B, A]]}, open(links).read()
        assert os.stat(links).st_mode & 0o777 == 0o600, oct(os.stat(links).st_mode)
        print("Ctrl+Shift+L: linked,", links)

        # Both rows name the other draft and count the disagreement.
        s.wait_for(lambda: row_line(s, B_NAME) is not None and row_line(s, A_NAME) is not None,
                   "both rows naming the other draft", timeout=20)
        s.wait_for(lambda: row_line(s, B_NAME).startswith("1 error") and row_line(s, A_NAME).startswith("1 error"),
                   "both rows counting the disagreement", timeout=20)
        print("rows:", row_line(s, B_NAME), "|", row_line(s, A_NAME))

        # Each draft, opened from the list: its header names the spouse, its Review page shows
        # the disagreement with the other's name and both dates (one draft's is on its Family
        # page, the other's on its Personal information page). A person goes to Review with
        # Alt+Right, from the first page; the next draft opens on the same page.
        previous = None
        for key in ("End", "Home"):
            s.key(key)
            # The other draft's header, not the one before it.
            s.wait_for(lambda: any(n.startswith("Linked spouse: ") and n != previous for n in s.names({"label"})),
                       "the header naming the spouse")
            if key == "End":
                for _ in range(11):   # the DI's 11 sections, then Review
                    s.key("alt+Right")
            header = next(n for n in s.names({"label"}) if n.startswith("Linked spouse: ") and n != previous)
            previous = header
            other = header[len("Linked spouse: "):]
            assert other in (A_NAME, B_NAME), header
            s.wait_for(lambda: disagreement_shown(s, other), f"the disagreement with {other}'s draft")
            print(f"{key}: {header}; the disagreement is shown")
            # Alt+Right took the focus to the page: back to the list (its rows have no name).
            s.tab_to("", {"list item"}, key="shift+Tab")

        # Unlinked from the keyboard: the rows are back to complete.
        s.key("shift+Down" if key == "Home" else "shift+Up")
        s.wait_for(lambda: "2 selected" in s.names({"label"}), "“2 selected” again")
        s.key("ctrl+alt+l")
        s.wait_for(lambda: "1 pair of spouses unlinked" in s.names({"label"}), "the toast of the unlink")
        s.wait_for(lambda: row_line(s, A_NAME) is None and row_line(s, B_NAME) is None, "rows without a spouse",
                   timeout=20)
        s.wait_for(lambda: sum(1 for n in s.names({"label"}) if n.startswith("Complete · ")) == 2,
                   "both rows complete again", timeout=20)
        with open(links, encoding="utf-8") as f:
            assert json.load(f) == {"format": 1, "spouses": []}, open(links).read()
        print("Ctrl+Alt+L: unlinked")
    finally:
        s.close()
        shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    main()
