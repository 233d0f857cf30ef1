#!/usr/bin/python3
"""Accessibility of the real window, read through AT-SPI as a screen reader would: every input
of every wizard page has a name, said once, and can take the keyboard focus. Runs declic on a workspace holding the sample
draft, opens the draft from the list, goes through its pages with Next, then walks the accessible tree.

Arguments: the declic binary, the sample draft."""
import re
import shutil
import sys
import tempfile
import time

from declic_atspi import find_app, start_declic, walk  # before pyatspi: see declic_atspi.py

import pyatspi  # noqa: E402

INPUT_ROLES = {"text", "entry", "password text", "combo box", "check box", "toggle button",
               "spin button", "switch", "push button"}
N_SECTIONS = 11  # the DI's sections, one wizard page each
FOCUS_ROLES = {"text", "entry", "password text", "check box", "spin button", "switch"}


def main():
    declic, sample = sys.argv[1:3]
    workspace = tempfile.mkdtemp(prefix="declic-a11y-")
    shutil.copy(sample, workspace)
    app_process = start_declic(declic, workspace)
    try:
        deadline = time.monotonic() + 30
        app = find_app(deadline)
        assert app is not None, "declic did not appear on the accessibility bus"

        items = []
        while not items and time.monotonic() < deadline:
            items = [n for r, _, n in walk(app, []) if r == "list item"]
            time.sleep(0.2)
        assert items, "the workspace list shows no draft"
        items[0].parent.querySelection().selectChild(0)

        # A page is built when it is first shown: go through them all with Next, as a person
        # would, and each stays in the tree once built.
        nodes = []
        for _ in range(N_SECTIONS - 1):
            next_button = None
            while next_button is None and time.monotonic() < deadline:
                next_button = next((node for r, n, node in walk(app, [])
                                    if r == "push button" and n.strip() == "Next"), None)
                time.sleep(0.2)
            assert next_button is not None, "the wizard shows no Next button among " + repr(
                sorted({n for r, n, _ in walk(app, []) if r == "push button"}))
            next_button.queryAction().doAction(0)
            time.sleep(0.3)
        while time.monotonic() < deadline:
            nodes = walk(app, [])
            if sum(1 for r, _, _ in nodes if r == "text") >= 40:
                break
            time.sleep(0.3)

        inputs = [(r, n) for r, n, _ in nodes if r in INPUT_ROLES]
        # Everything a person types into or toggles must be reachable with Tab alone. (GTK 4.8
        # exposes GtkDropDown and GtkMenuButton as wrappers without the focusable state: their
        # inner button takes the focus, so they are left out here.)
        unfocusable = [(r, n) for r, n, node in nodes if r in FOCUS_ROLES
                       and node.getState().contains(pyatspi.STATE_SENSITIVE)
                       and not node.getState().contains(pyatspi.STATE_FOCUSABLE)]
        unnamed = [r for r, n in inputs if not n.strip()]
        doubled = [n for r, n in inputs if n and len(n.split()) % 2 == 0
                   and n.split()[: len(n.split()) // 2] == n.split()[len(n.split()) // 2:]]
        # Names a screen reader would read out wrong: a mnemonic's underscore ("_New Draft"),
        # or a GTK type name where the widget had no name of its own ("GtkImage").
        garbled = sorted({(r, n) for r, n, _ in nodes if r in INPUT_ROLES | {"list item", "menu item"}
                          and ("_" in n or re.search(r"\b(Gtk|Adw)[A-Z][A-Za-z]+", n))})
        for role, name in garbled:
            print("garbled name:", role, repr(name))
        n_text = sum(1 for r, _ in inputs if r == "text")
        print(f"{len(inputs)} inputs, {n_text} text fields, {len(unnamed)} unnamed, {len(doubled)} named twice, "
              f"{len(unfocusable)} not focusable")
        for role, name in unfocusable:
            print("not focusable:", role, name)
        for name in doubled:
            print("named twice:", name)
        assert n_text >= 40, "the opened draft's wizard pages are not in the tree"
        assert "Family name(s)" in [n for _, n in inputs], "the family name field has no name"
        assert not unnamed, f"inputs without a name: {unnamed}"
        assert not doubled, "inputs whose name is said twice"
        assert not unfocusable, "inputs the keyboard cannot reach"
        assert not garbled, "names with a mnemonic underscore or a GTK type name"
    finally:
        app_process.terminate()
        app_process.wait(timeout=10)
        shutil.rmtree(workspace, ignore_errors=True)
    print("ok")


main()
