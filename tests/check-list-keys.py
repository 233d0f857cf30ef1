#!/usr/bin/python3
"""The workspace list driven as a representative drives it, keyboard only: real X key events
(xdotool) into the real window, and AT-SPI to read what a person sees (which object has the
focus, the row count, the number selected, the toasts).

On a workspace of 60 drafts, 20 of them with a French result whose two years run out within 60
days (DECLIC_TODAY is 2026-11-22 in the test environment):
- Ctrl+Shift+F opens the filter bar with the focus on its first drop-down; Space, Down and
  Return pick "results expire within 60 days"; the bar says "20 of 60 drafts shown";
- Tab into the list, Ctrl+A selects the 20: "20 selected";
- Tab to "Export the Selected Drafts as CSV", Return, a path typed in the file chooser, Return:
  the file holds the header and exactly those 20 drafts, and a toast says so;
- Shift+Tab to "Check the Selected Drafts Again", Return: a toast says 20 were checked again
  and the bar still shows 20 of 60.

Arguments: the declic binary, the sample draft. Runs with Debian's python3 (pyatspi) under Xvfb
and D-Bus."""
import csv
import datetime
import json
import os
import shutil
import sys
import tempfile
import time

import declic_atspi

N_DRAFTS = 60
TODAY = datetime.date(2026, 11, 22)   # DECLIC_TODAY of tests/meson.build


def expires_soon(i):
    return i % 3 == 0


def make_workspace(sample_path, folder):
    """Drafts "Client 00"…"Client 59". Every third one has a French result that stops counting
    10 to 29 days from today; the others' results (French and English) run for 90 days or
    more."""
    with open(sample_path, encoding="utf-8") as f:
        sample = json.load(f)
    for i in range(N_DRAFTS):
        draft = json.loads(json.dumps(sample))
        draft["id"] = f"c0ffee00-0000-4000-8000-{i:012d}"
        draft["client_label"] = f"Client {i:02d}"
        if expires_soon(i):
            taken = TODAY.replace(year=TODAY.year - 2) + datetime.timedelta(days=10 + i // 3)
        else:
            taken = datetime.date(2025, 6, 12)
        draft["french"]["results"][0]["result_date"] = taken.isoformat()
        draft["english"]["results"][0]["result_date"] = "2025-06-01"
        path = os.path.join(folder, draft["id"] + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(draft, f, ensure_ascii=False, indent=2)
        os.chmod(path, 0o600)


def main():
    declic, sample = sys.argv[1:3]
    top = tempfile.mkdtemp(prefix="declic-list-keys-")
    workspace = os.path.join(top, "workspace")
    os.mkdir(workspace, 0o700)
    make_workspace(sample, workspace)
    expected = sorted(f"Client {i:02d}" for i in range(N_DRAFTS) if expires_soon(i))
    s = declic_atspi.Session(declic, workspace)
    try:
        s.wait_for(lambda: f"{N_DRAFTS} of {N_DRAFTS} drafts shown" in s.names({"label"}),
                   "the list to show every draft", timeout=30)

        # The filter bar, from the keyboard; its first drop-down takes the focus. Space opens
        # it, Down three times goes from "All drafts" to the expiring results, Return picks.
        s.key("ctrl+shift+f")
        s.wait_for(lambda: s.focused() == ("push button", "Show"), "the focus on the filter bar's “Show”")
        s.key("space")
        s.wait_for(lambda: s.focused() is not None and s.focused()[0] == "list item", "the choices of “Show”")
        s.key("Down", "Down", "Down", "Return")
        count = f"{len(expected)} of {N_DRAFTS} drafts shown"
        s.wait_for(lambda: count in s.names({"label"}), f"“{count}”")
        assert f"Results expire within 60 days ({len(expected)})" in s.names({"label"}), s.names({"label"})
        print("filter bar, expiring results:", count)

        # Into the list with Tab, then every draft of the filtered list with Ctrl+A.
        s.tab_to(None, {"list item"})
        s.key("ctrl+a")
        s.wait_for(lambda: f"{len(expected)} selected" in s.names({"label"}), f"“{len(expected)} selected”")
        print("Ctrl+A:", len(expected), "selected")

        # Export: the button, the file chooser, a path typed over the proposed name.
        out = os.path.join(top, "à exporter.csv")
        s.tab_to("Export the Selected Drafts as CSV", {"push button"})
        s.key("Return")
        time.sleep(1.5)   # the file chooser opens and puts the focus in the name
        s.key("ctrl+a")
        s.type(out)
        s.key("Return")
        deadline = time.monotonic() + 10
        while not os.path.exists(out) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert os.path.exists(out), f"nothing written at {out}"
        toast = f"{len(expected)} drafts exported to “à exporter.csv”"
        s.wait_for(lambda: toast in s.names({"label"}), f"the toast “{toast}”")
        assert os.stat(out).st_mode & 0o777 == 0o600, oct(os.stat(out).st_mode)
        with open(out, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        labels = sorted(row[0] for row in rows[1:])
        assert labels == expected, labels
        print("CSV:", len(rows) - 1, "rows, the drafts expected")

        # Checked again: the button next to Export, a toast, the same list.
        s.tab_to("Check the Selected Drafts Again", {"push button"}, key="shift+Tab")
        s.key("Return")
        toast = f"{len(expected)} drafts checked again"
        s.wait_for(lambda: toast in s.names({"label"}), f"the toast “{toast}”", timeout=20)
        assert count in s.names({"label"}), s.names({"label"})
        assert f"{len(expected)} selected" in s.names({"label"}), s.names({"label"})
        print("checked again:", toast)
    finally:
        s.close()
        shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    main()
