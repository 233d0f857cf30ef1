#!/usr/bin/python3
"""The Plan page driven with real keys (xdotool), checked through AT-SPI and on disk, in the
language given (en or fr):
- the sidebar's Plan opens the page; the best window and the suggested changes show;
- Space on a suggested change's switch works the plan out again and the focus stays on that
  switch (the rows are not rebuilt under it);
- "Try a change": a kind chosen with the keyboard, a date that is not one named as such, then a
  new French result added: its row shows, switched on, with what it adds; its Remove button takes
  it away and the focus goes on;
- "Update from a File…" in the rounds: a broken list chosen in the file chooser, with the keys,
  is refused on the page and nothing is installed; a newer one is installed 0600 in a 0700
  folder and the page names it as the list in use;
- the draft's file is the same bytes at the end.

Arguments: the declic binary, the sample draft, the language, and the part to run: "what-ifs"
(the switches and Try a change) or "rounds" (Update from a File…). Each part has a session of its
own: every look at the focus walks the whole window, so one session for both took 8 minutes. Runs with Debian's python3
(pyatspi) under Xvfb and D-Bus."""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

TEXT = {
    "en": {
        "plan": "Plan",
        "try": "Try a change",
        "offer": "A validated job offer outside the Montréal Metropolitan Community",
        "kind": "Kind of change",
        "try_first": "A new French result",
        "update": "Update from a File…",
        "not_installed": "The file chosen was not installed",
        "in_use": "List of rounds: invitation-rounds-as-of-2026-01-15",
        "add": "Add This Change",
        "not_a_date": "This is not a date",
        "new": "French listening at level 7",
        "remove": "Remove: French listening at level 7",
        "ends": "The current job ends",
        "date": "Date",
        "date_optional": "Date (today if left empty)",
        "ends_row": "The current job ends on June 30, 2027",
        "points": "points (estimate)",
    },
    "fr": {
        "plan": "Plan",
        "try": "Essayer un changement",
        "offer": "Une offre d’emploi validée hors de la Communauté métropolitaine de Montréal",
        "kind": "Type de changement",
        "try_first": "Un nouveau résultat en français",
        "update": "Mettre à jour depuis un fichier…",
        "not_installed": "Le fichier choisi n’a pas été installé",
        "in_use": "Liste des rondes\u00a0: invitation-rounds-as-of-2026-01-15",
        "add": "Ajouter ce changement",
        "not_a_date": "Ce n’est pas une date",
        "new": "Français, compréhension orale\u00a0: niveau 7",
        "remove": "Retirer\u00a0: Français, compréhension orale\u00a0: niveau 7",
        "ends": "L’emploi actuel prend fin",
        "date": "Date",
        "date_optional": "Date (aujourd’hui si elle est laissée vide)",
        "ends_row": "L’emploi actuel prend fin le 30 juin 2027",
        "points": "(estimation)",
    },
}


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    declic, sample, lang, part = sys.argv[1:5]
    assert part in ("what-ifs", "rounds"), part
    text = TEXT[lang]
    os.environ["LANGUAGE"] = "" if lang == "en" else lang
    # The person's own list of rounds goes to a folder of this test's, never to the real one.
    data_home = tempfile.mkdtemp(prefix="declic-plan-data-")
    os.environ["XDG_DATA_HOME"] = data_home
    user_list = os.path.join(data_home, "declic", "invitation-rounds.csv")
    header = "date,stream,min_score,invited,filter\n"
    bad_list = os.path.join(data_home, "broken.csv")
    with open(bad_list, "w", encoding="utf-8") as f:
        f.write(header + "2026-01-15,1,700,300,none\n2026-02-01,5,700,300,none\n")
    good_list = os.path.join(data_home, "newer.csv")
    with open(good_list, "w", encoding="utf-8") as f:
        f.write(header + "2026-01-15,1,700,300,none\n2025-12-04,4,,10,talent\n")
    import declic_atspi  # after LANGUAGE: the session's window inherits it

    workspace = tempfile.mkdtemp(prefix="declic-plan-")
    s = declic_atspi.Session(declic, workspace, args=[sample])
    try:
        s.wait_for(lambda: text["plan"] in s.names(("list item", "label")), "the sidebar's Plan")
        drafts = [f for f in os.listdir(workspace) if f.endswith(".json")]
        assert len(drafts) == 1, drafts
        draft = os.path.join(workspace, drafts[0])
        before = digest(draft)

        s.click(text["plan"], ("list item",))
        s.wait_for(lambda: text["try"] in s.names(("label", "panel", "heading")), "the Plan page")
        s.wait_for(lambda: any(text["points"] in n for n in s.names(("label",))), "the plan worked out")
        print(f"{lang}: the Plan page opens and is worked out: ok")

        if part == "what-ifs":
            # A suggested change switched on with Space: the focus stays on its switch.
            s.tab_to(text["offer"], ("switch", "toggle button", "check box"))
            s.key("space")
            s.wait_for(lambda: any(text["points"] in n for n in s.names(("label",))), "the plan again")
            focus = s.focused()
            assert focus is not None and focus[1] == text["offer"], f"{lang}: the focus left the switch for {focus}"
            print(f"{lang}: a switch toggled with Space keeps the focus: ok")

            # A new French result, from the keyboard: the first kind, the first skill, level 7.
            s.tab_to(text["add"], ("push button",))
            s.key("Return")
            s.wait_for(lambda: text["new"] in s.names(("label",)), "the new change's row")
            s.wait_for(lambda: text["remove"] in s.names(("push button",)), "its Remove button")
            print(f"{lang}: Try a change adds a row, switched on: ok")

            s.tab_to(text["remove"], ("push button",), key="ISO_Left_Tab")
            s.key("space")
            s.wait_for(lambda: text["new"] not in s.names(("label",)), "the row removed")
            assert s.focused() is not None, f"{lang}: the focus was lost with the removed row"
            print(f"{lang}: Remove takes the change away, the focus goes on: ok")

            # Another kind, chosen from the keyboard: its date is needed, and one that is not a date
            # is refused where it was typed.
            s.tab_to(text["kind"], ("combo box",))
            s.key("space")
            s.wait_for(lambda: (s.focused() or ("",))[0] == "list item", "the kinds' list open")
            s.key("Down", "Down", "Return")
            # The date's title says it is needed now (it said "today if left empty" for a result).
            s.wait_for(lambda: text["date_optional"] not in s.names(("label",)), "the kind chosen")
            # The skill and level are hidden for this kind: the next stop is the date's text, which
            # GTK 4.8 does not report as focused (focused() is None there, as in check-wizard-keys).
            s.key("Tab")
            assert s.focused() is None, f"{lang}: Tab from the kind did not reach the date but {s.focused()}"
            s.type("30 février 2027")
            s.tab_to(text["add"], ("push button",))
            s.key("Return")
            s.wait_for(lambda: any(n.startswith(text["not_a_date"]) for n in s.names(("label",))), "the date refused")
            focus = s.focused()
            assert focus is None, f"{lang}: the focus is not in the date refused but on {focus}"
            assert text["ends_row"] not in s.names(("label",)), f"{lang}: a change was added with a wrong date"
            print(f"{lang}: a date that is not one is refused, the focus on it: ok")
            s.key("ctrl+a")
            s.type("2027-06-30")
            s.tab_to(text["add"], ("push button",))
            s.key("Return")
            s.wait_for(lambda: text["ends_row"] in s.names(("label",)), "the job's end as a change")
            s.wait_for(lambda: not any(n.startswith(text["not_a_date"]) for n in s.names(("label",))), "the problem gone")
            print(f"{lang}: the job's end, chosen with the keyboard, is added: ok")

        else:
            # The rounds: a list chosen in the file chooser, typed as a path (Ctrl+L).
            def choose(path):
                s.tab_to(text["update"], ("push button",))
                s.key("space")
                # GTK 4.8 names the chooser's window for no one: it shows as the focus leaving the
                # button for the chooser's list of files.
                s.wait_for(lambda: s.focused() not in (("push button", text["update"]), None), "the file chooser")
                s.key("ctrl+l")
                s.type(path)
                s.key("Return")
                # Xvfb has no window manager to give the focus back to the window the chooser was
                # over, so the test does what one would.
                time.sleep(1)
                subprocess.run(["xdotool", "windowfocus", "--sync", s.window], check=True)
                s.wait_for(lambda: s.focused() == ("push button", text["update"]), "the focus back on the button")

            choose(bad_list)
            s.wait_for(lambda: text["not_installed"] in s.names(("label",)), "the broken list refused")
            assert not os.path.exists(user_list), f"{lang}: a broken list was installed"
            print(f"{lang}: a broken list of rounds is refused on the page, nothing installed: ok")

            choose(good_list)
            s.wait_for(lambda: text["in_use"] in s.names(("label",)), "the newer list in use")
            assert text["not_installed"] not in s.names(("label",)), f"{lang}: the old refusal is still shown"
            mode = os.stat(user_list).st_mode & 0o777
            folder = os.stat(os.path.dirname(user_list)).st_mode & 0o777
            assert mode == 0o600 and folder == 0o700, f"{lang}: installed {oct(mode)} in {oct(folder)}"
            print(f"{lang}: a newer list is installed 0600 in a 0700 folder and named in use: ok")

        assert digest(draft) == before, f"{lang}: the plan changed the draft's file"
        print(f"{lang}: the draft's file is unchanged: ok")
    finally:
        s.close()
        shutil.rmtree(workspace, ignore_errors=True)
        shutil.rmtree(data_home, ignore_errors=True)
    print("ok")


if __name__ == "__main__":
    main()
