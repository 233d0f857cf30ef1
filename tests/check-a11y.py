#!/usr/bin/python3
"""Accessibility of the real window, read through AT-SPI as a screen reader would: every input
of every wizard page has a name, said once, and can take the keyboard focus. Runs declic on a workspace holding the sample
draft, opens the draft from the list, then walks the accessible tree.

Arguments: the declic binary, the sample draft."""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

INPUT_ROLES = {"text", "entry", "password text", "combo box", "check box", "toggle button",
               "spin button", "switch", "push button"}
FOCUS_ROLES = {"text", "entry", "password text", "check box", "spin button", "switch"}


def walk(node, out):
    try:
        role = node.getRoleName()
    except Exception:
        return out
    out.append((role, node.name or "", node))
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            walk(child, out)
    return out


def find_app(deadline):
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == "declic":
                return app
        time.sleep(0.2)
    return None


def main():
    declic, sample = sys.argv[1:3]
    workspace = tempfile.mkdtemp(prefix="declic-a11y-")
    shutil.copy(sample, workspace)
    env = dict(os.environ, DECLIC_WORKSPACE=workspace)
    env.pop("GTK_A11Y", None)  # the test environment turns accessibility off; this test needs it
    app_process = subprocess.Popen([declic], env=env)
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

        nodes = []
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
    finally:
        app_process.terminate()
        app_process.wait(timeout=10)
        shutil.rmtree(workspace, ignore_errors=True)
    print("ok")


main()
