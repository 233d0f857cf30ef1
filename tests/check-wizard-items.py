#!/usr/bin/python3
"""Repeated items driven as a person drives them: real X key events (xdotool) into the real
window, AT-SPI to ask where the keyboard focus is, and the saved file after each step.

In a new draft, on the Education page, with Tab, Return and typing only:
- Add writes nothing, and puts the focus in the new diploma's first field (its title);
- typing there writes the diploma; a second Add and a title make two;
- Move up on the second puts it first in the file, the focus in its title (what is typed next
  lands in the moved diploma);
- Remove on the first leaves the other, the focus in its title (the item that took its place);
- Remove on the last leaves no "education" in the file, the focus on Add.

Arguments: the declic binary. Runs with Debian's python3 (pyatspi) under Xvfb and D-Bus."""
import json
import os
import shutil
import sys
import tempfile

import declic_atspi


class Session(declic_atspi.Session):
    def draft(self):
        files = [f for f in os.listdir(self.workspace) if f.endswith(".json")]
        if len(files) != 1:
            return None
        try:
            with open(os.path.join(self.workspace, files[0]), encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return None   # being replaced

    def titles(self):
        draft = self.draft() or {}
        return [d.get("title") for d in draft.get("education", [])]

    def wait_for_titles(self, expected, step):
        # Autosave writes 1 s after the last change: wait for the file, not for a set time.
        self.wait_for(lambda: self.titles() == expected,
                      f"{step}: education titles {expected} in the file (it has {self.titles()})")

    def assert_in_text(self, step):
        # GTK 4.8 does not put the text of an entry row in the AT-SPI tree: while a text field
        # has the focus, no object reports STATE_FOCUSED. What is typed next shows where it is.
        focus = self.focused()
        assert focus is None, f"{step}: the focus is on {focus}, not in a text field"


def main():
    declic = sys.argv[1]
    workspace = tempfile.mkdtemp(prefix="declic-items-")
    s = Session(declic, workspace)
    try:
        s.key("ctrl+n")
        s.wait_for(lambda: any(n == "Family name(s)" for _, n, _ in s.nodes()),
                   "the new draft's first page")
        s.click("Family name(s)", {"text"})
        s.type("Nguyen")
        s.wait_for(lambda: (s.draft() or {}).get("personal", {}).get("family_names") == "Nguyen",
                   "the family name in the file")
        for _ in range(3):
            s.key("alt+Right")   # Personal → Contact → Family → Education
        s.wait_for(lambda: any(n.startswith("Add: Diploma") for _, n, _ in s.nodes()),
                   "the Education page")

        # Add: nothing written, the focus in the new diploma's title
        s.tab_to("Add: Diploma", {"push button"}, prefix=True)
        s.key("Return")
        s.assert_in_text("after Add")
        assert "education" not in (s.draft() or {}), "Add alone wrote an item"
        s.type("Licence")
        s.wait_for_titles(["Licence"], "the first title typed")
        print("Add focuses the new item's first field: ok")

        s.tab_to("Add: Diploma", {"push button"}, prefix=True, key="shift+Tab")
        s.key("Return")
        s.assert_in_text("after the second Add")
        s.type("Master")
        s.wait_for_titles(["Licence", "Master"], "the second title typed")

        # Move up the second: first in the file, the focus in its title
        s.tab_to("Move up", {"push button"})
        s.key("Return")
        s.wait_for_titles(["Master", "Licence"], "after Move up")
        s.assert_in_text("after Move up")
        s.key("ctrl+a")
        s.type("Maitrise")
        s.wait_for_titles(["Maitrise", "Licence"], "typing after Move up")
        print("Move up keeps the focus in the moved item: ok")

        # Remove the first: the other stays, the focus in its title (now the first)
        s.tab_to("Remove Diploma 1", {"push button"})
        s.key("Return")
        s.wait_for_titles(["Licence"], "after removing Diploma 1")
        s.assert_in_text("after removing Diploma 1")
        s.key("ctrl+a")
        s.type("Baccalaureat")
        s.wait_for_titles(["Baccalaureat"], "typing after Remove")
        print("Remove moves the focus to the item that took its place: ok")

        # Remove the last: no "education" left in the file, the focus on Add
        s.tab_to("Remove Diploma 1", {"push button"})
        s.key("Return")
        s.wait_for(lambda: s.draft() is not None and "education" not in s.draft(),
                   "no education left in the file")
        focus = s.focused()
        assert focus is not None and focus[1].startswith("Add: Diploma"), \
            f"after removing the last diploma the focus is on {focus}, not on Add"
        print("Remove of the last item focuses Add and leaves nothing in the file: ok")
    finally:
        s.close()
        shutil.rmtree(workspace, ignore_errors=True)
    print("ok")


main()
