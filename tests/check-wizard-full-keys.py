#!/usr/bin/python3
"""A complete DI typed as a person types it: from New Draft, with real X key events only
(xdotool: Tab, Shift+Tab, typed text, Return, Space, the arrows) into the real window, in the
language given (en or fr).

The DI is a couple with a child: the applicant's personal details, contact and address; the
accompanying spouse and a child; two diplomas; three periods of the last five years (one of
them found with the NOC search, typed in French, then picked with Down and Return); a TEF
Canada result in French, an IELTS result in English; the validated-offer question, the ties to
Québec and both declarations of the consent page.

After every field the test checks that the keyboard focus is where the keys sent it: on the
field's combo, switch or button by its accessible name, or (GTK 4.8 puts no object in the
AT-SPI tree for the text of an entry row) on nothing, which is what a focused text field looks
like. The focus is followed through AT-SPI's focus events, not a walk of the whole tree per key
(a walk takes 1–4 s); when the events disagree, the tree itself is asked before the test fails.
Every object that takes the focus is also checked for its name: none may carry a mnemonic's "_"
or a GType name ("GtkImage", "AdwGizmo"…), and each page's inputs are checked once the page is
filled.

At the end the test waits for autosave, and the file must match tests/fixtures/full-di-keys.json,
apart from what a draft's file holds that no key typed: its "id" (a fresh UUID), "created" and
"updated" (the clock's time) and "rule_set_id" (the rules it was last checked with). Then
`declic check` must read it (exit status 0 or 1, never 2).

Arguments: the declic binary, the fixture, the language (en, fr) and the part: "people" (the
personal, contact and family pages) or "history" (education and work) or "rest" (the validated
offer, French, English, Québec and consent). Each part runs in a session of its own, from a new
draft, and compares the sections it filled. Runs with Debian's python3 (pyatspi) under Xvfb and
D-Bus (tests/meson.build). LEARN=1 prints every Tab stop."""
import gettext
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

VOLATILE = ("id", "created", "updated", "rule_set_id")
PARTS = {
    "people": ("personal", "contact", "family"),
    "history": ("education", "work_history"),
    "rest": ("job_offer", "french", "english", "quebec", "consent"),
}
# A name a screen reader would read out wrong: a mnemonic's underscore, or a type's name.
GARBLED = re.compile(r"_|\b(Gtk|Adw)[A-Z][A-Za-z]+")
INPUT_ROLES = {"text", "entry", "combo box", "check box", "toggle button", "spin button", "switch",
               "push button", "list item"}
LEARN = bool(os.environ.get("LEARN"))


def main():
    declic, fixture, lang, part = sys.argv[1:5]
    assert lang in ("en", "fr") and part in PARTS, sys.argv
    os.environ["LANGUAGE"] = "" if lang == "en" else lang
    if lang == "en":
        tr = gettext.NullTranslations()
    else:
        tr = gettext.translation("declic", localedir=os.environ["DECLIC_LOCALEDIR"], languages=[lang])
    import declic_atspi  # after LANGUAGE: the session's window inherits it
    import pyatspi
    from gi.repository import GLib

    T = tr.gettext

    def q_(text):
        return tr.pgettext("question", text)

    class Session(declic_atspi.Session):
        """The shared session; the focus followed through focus events."""

        def __init__(self, *args, **kwargs):
            self.current = None
            self.seen = {}           # (role, name) → the step it first had the focus at
            self.step = "start"
            self.checks = 0
            pyatspi.Registry.registerEventListener(self.on_focus, "object:state-changed:focused")
            super().__init__(*args, **kwargs)

        def on_focus(self, event):
            try:
                # Names are compared without the spaces around them, as a screen reader reads them.
                role, name = event.source.getRoleName(), (event.source.name or "").strip()
            except Exception:
                return
            if event.detail1:
                self.current = (role, name)
                self.seen.setdefault((role, name), self.step)
            elif self.current == (role, name):
                self.current = None

        def pump(self, quiet=0.2, limit=3.0):
            """Handles the focus events until none has come for @quiet seconds."""
            context = GLib.MainContext.default()
            start = last = time.monotonic()
            while True:
                while context.pending():
                    context.iteration(False)
                    last = time.monotonic()
                now = time.monotonic()
                if now - last >= quiet or now - start >= limit:
                    return
                time.sleep(0.01)

        def keys(self, *keys):
            subprocess.run(["xdotool", "key", "--delay", "70", *keys], check=True)

        def type(self, text):
            # xdotool types "é" through a key it maps for a moment: a window still busy (an item
            # just added) can read the key once the map is gone, and the letter is lost. So the
            # window's events settle first, and accented text is typed more slowly.
            self.pump(quiet=0.3)
            delay = "30" if text.isascii() else "80"
            subprocess.run(["xdotool", "type", "--delay", delay, text], check=True)

        def tab(self, n=1, key="Tab"):
            if n == 0:
                return
            if LEARN:
                for _ in range(n):
                    self.keys(key)
                    self.pump()
                    print("   stop:", self.current, flush=True)
            else:
                self.keys(*[key] * n)

        def expect(self, want, step):
            """The focus is on @want, (role, name), or in a text field when None."""
            self.step = step
            self.pump()
            self.checks += 1
            if LEARN:
                print(f"{step}: {self.current}", flush=True)
            if self.current == want:
                return
            # The events can lag on a loaded bus: the tree says where the focus is.
            self.wait_for(lambda: (lambda f: f and (f[0], f[1].strip()))(self.focused()) == want, f"{step}: the focus on {want}", timeout=3)
            self.current = want

        # One field each: how many Tab presses reach it, then its value.

        def text(self, tabs, value, step):
            self.tab(tabs)
            self.expect(None, step)
            self.type(value)

        def combo(self, tabs, title, downs, step):
            self.tab(tabs)
            self.expect(("combo box", title), step)
            # A moment for the page to scroll to a row just added (the wizard does it once the
            # row is laid out; before that fix the list opened below the window).
            time.sleep(0.4)
            self.keys("space")
            self.pump()
            self.keys(*["Down"] * downs, "Return")
            self.expect(("combo box", title), step + " (chosen)")

        def question(self, tabs, title, yes, step):
            self.combo(tabs, title, 1 if yes else 2, step)

        def switch(self, tabs, title, step):
            self.tab(tabs)
            self.expect(("check box", title), step)
            self.keys("space")

        def country(self, tabs, title, query, step):
            """@tabs reach the country's search button; the name typed there, Return picks the
            first country found and puts the focus on the drop-down."""
            self.tab(tabs)
            self.expect(("push button", T("Search: %s") % title), step)
            self.keys("Return")
            self.pump()
            self.type(query)
            time.sleep(0.3)
            self.keys("Return")
            self.expect(("push button", title), step + " (chosen)")

        def add(self, tabs, item, step):
            self.tab(tabs)
            self.expect(("push button", T("Add: %s") % item), step)
            self.keys("Return")

        def back_to(self, want, step, limit=40, key="shift+Tab"):
            """Shift+Tab until the focus is on @want (back up past a whole item to Add)."""
            for _ in range(limit):
                self.keys(key)
                self.pump(quiet=0.1)
                if self.current == want:
                    break
            self.expect(want, step)

        def next_page(self, tabs, first, step):
            """Next, reached with Tab, shows the next page; the focus goes to its first field."""
            self.tab(tabs)
            self.expect(("push button", T("_Next").replace("_", "")), step)
            self.keys("Return")
            self.expect(first, step + ": the next page's first field")

        def check_names(self, page):
            """No input on the page, no object that had the focus, has a garbled name."""
            bad = sorted({(r, n) for r, n, _ in self.nodes() if r in INPUT_ROLES and GARBLED.search(n)}
                         | {(r, n) for (r, n) in self.seen if GARBLED.search(n)})
            assert not bad, f"{lang}, {page}: names a screen reader reads wrong: {bad}"

    with open(fixture, encoding="utf-8") as f:
        expected = json.load(f)
    workspace = tempfile.mkdtemp(prefix="declic-full-keys-")
    s = Session(declic, workspace)
    started = time.monotonic()
    try:
        s.keys("ctrl+n")
        s.wait_for(lambda: any(n == T("Family name(s)") for _, n, _ in s.nodes()), "the new draft's first page")
        s.expect(None, "New Draft: the first field")
        if part == "people":
            fill_people(s, T, q_, lang)
        elif part == "history":
            s.keys("alt+Right", "alt+Right", "alt+Right")
            fill_history(s, T, q_, lang)
        else:
            for _i in range(5):
                s.keys("alt+Right")
            fill_rest(s, T, q_, lang)

        # What autosave wrote, once it has written everything typed (1 s after the last change).
        files = [f for f in os.listdir(workspace) if f.endswith(".json")]
        assert len(files) == 1, files
        path = os.path.join(workspace, files[0])
        want = {k: v for k, v in expected.items() if k in PARTS[part] or k == "schema_version"}

        def saved():
            try:
                with open(path, encoding="utf-8") as f:
                    draft = json.load(f)
            except (OSError, ValueError):
                return None
            return {k: v for k, v in draft.items() if k not in VOLATILE}

        try:
            s.wait_for(lambda: saved() == want, "the file to hold what was typed", timeout=5)
        except AssertionError:
            got = saved() or {}
            for key in sorted(set(got) | set(want)):
                if got.get(key) != want.get(key):
                    print(f"{key}:\n  saved    {json.dumps(got.get(key), ensure_ascii=False)}\n"
                          f"  expected {json.dumps(want.get(key), ensure_ascii=False)}")
            raise
        check = subprocess.run([declic, "check", path], capture_output=True, text=True)
        assert check.returncode in (0, 1), f"{lang}: `declic check` exits {check.returncode}: {check.stdout}{check.stderr}"
        print(f"{lang}, {part}: {s.checks} focus checks, {len(s.seen)} objects focused, "
              f"{time.monotonic() - started:.0f} s; the file matches the fixture; declic check exits {check.returncode}")
    finally:
        s.close()
        shutil.rmtree(workspace, ignore_errors=True)
    print("ok")


def fill_people(s, T, q_, lang):
    # Personal information: New Draft left the focus in the family name.
    s.type("Lefèvre")
    s.text(1, "Amélie Jeanne", "given names")
    s.combo(1, T("Sex"), 1, "sex")
    s.text(1, "1990-05-17", "date of birth")
    s.country(4, T("Country of birth"), "France", "country of birth")
    s.add(2, T("Citizenship"), "Add: Citizenship")
    s.expect(("push button", T("Citizenship")), "the new citizenship")
    s.country(1, T("Citizenship"), "France", "citizenship")
    s.text(4, "21AB45678", "passport number")
    s.country(3, T("Passport issuing country"), "France", "passport issuing country")
    s.text(2, "2031-05-09", "passport expiry date")
    s.check_names("personal")
    s.next_page(3, None, "Next from Personal information")

    # Contact details
    s.type("amelie.lefevre@example.org")
    s.text(1, "+33 6 12 34 56 78", "phone")
    s.text(1, "12, rue de la République", "street")
    s.text(1, "Lyon", "city")
    # (The province is left empty: once the country is France it is a list of regions.)
    s.text(2, "69002", "postal code")
    s.country(3, T("Country"), "France", "address country")
    s.country(4, T("Country of residence"), "France", "country of residence")
    s.combo(2, T("Status in the country of residence"), 1, "residence status")
    s.check_names("contact")
    s.next_page(2, ("combo box", T("Marital status")), "Next from Contact details")

    # Family situation: married, the spouse comes, one child.
    s.combo(0, T("Marital status"), 2, "marital status")
    s.text(1, "2016-07-09", "date of marriage")
    s.question(2, T("Spouse accompanies"), True, "spouse accompanies")
    s.text(1, "Martin", "spouse's family names")
    s.text(1, "Julien", "spouse's given names")
    s.text(1, "1988-11-02", "spouse's date of birth")
    s.combo(2, T("Spouse’s education level"), 10, "spouse's education level")
    s.text(2, "0", "spouse's months of work in Québec")
    s.switch(3, T("No standardized result"), "spouse's French: no result")
    s.switch(3, T("No standardized result"), "spouse's English: no result")
    s.add(2, T("Child"), "Add: Child")
    s.expect(None, "the new child's given names")
    s.type("Léa")
    s.text(1, "2019-04-27", "child's date of birth")
    s.switch(3, T("Child accompanies"), "child accompanies")
    s.check_names("family")


def fill_history(s, T, q_, lang):
    # Education: Alt+Right from the first page puts the focus on the page's first stop, Add.
    s.expect(("push button", T("Add: %s") % T("Diploma")), "the Education page")
    diplomas = [
        ("Master en génie logiciel", "2011-09-01", "2013-06-30", "2", "Université Lyon 1", 13),
        ("Licence en informatique", "2008-09-01", "2011-06-30", "3", "Université Lyon 1", 10),
    ]
    for i, (title, start, end, length, institution, level) in enumerate(diplomas):
        if i > 0:
            s.back_to(("push button", T("Add: %s") % T("Diploma")), "back to Add: Diploma")
        s.keys("Return")
        s.expect(None, f"diploma {i + 1}: its title")
        s.type(title)
        s.text(1, start, f"diploma {i + 1}: start date")
        s.text(2, end, f"diploma {i + 1}: end date")
        s.switch(5, T("Full-time studies"), f"diploma {i + 1}: full time")
        s.text(1, length, f"diploma {i + 1}: official length")
        s.combo(1, T("Unit of the program length"), 1, f"diploma {i + 1}: years")
        s.text(1, institution, f"diploma {i + 1}: institution")
        s.country(3, T("Issuing country"), "France", f"diploma {i + 1}: country")
        s.text(2, "Informatique", f"diploma {i + 1}: area of training")
        s.combo(1, T("Section of the area of training"), 1, f"diploma {i + 1}: section")
        s.combo(3, T("Québec-equivalent level"), level, f"diploma {i + 1}: level")
    s.check_names("education")
    s.back_to(("push button", T("_Next").replace("_", "")), "forward to Next", key="Tab")
    s.keys("Return")

    # Work history: Next puts the focus on the page's first stop, Add.
    add = ("push button", T("Add: %s") % T("Period"))
    s.expect(add, "the Work history page")
    s.keys("Return")
    s.expect(("combo box", T("Kind of period")), "period 1: its kind")
    s.combo(0, T("Kind of period"), 1, "period 1: work")
    s.text(1, "2019-09-02", "period 1: start date")
    s.text(2, "2022-06-30", "period 1: end date")
    s.text(4, "Développeuse", "period 1: job title")
    s.text(1, "21232", "period 1: NOC code typed")
    s.text(3, "Atelier Numérique", "period 1: employer")
    s.country(3, T("Country"), "France", "period 1: country")
    s.text(3, "39", "period 1: hours per week")

    s.back_to(add, "back to Add: Period")
    s.keys("Return")
    s.combo(0, T("Kind of period"), 3, "period 2: parental leave")
    s.text(1, "2022-07-01", "period 2: start date")
    s.text(2, "2023-01-31", "period 2: end date")

    s.back_to(add, "back to Add: Period")
    s.keys("Return")
    s.combo(0, T("Kind of period"), 1, "period 3: work")
    s.text(1, "2023-02-01", "period 3: start date")
    s.switch(6, T("Ongoing"), "period 3: ongoing")
    s.text(1, "Ingénieure logicielle", "period 3: job title")
    # The NOC search, typed in French whatever the interface language.
    s.tab(2)
    s.expect(("push button", T("Search the NOC")), "period 3: Search the NOC")
    s.keys("Return")
    s.pump()
    s.type("ingénieur logiciel")
    s.wait_for(lambda: any(n.startswith("21231") for _, n, _ in s.nodes()), "21231 among the results", timeout=20)
    for _ in range(8):
        s.keys("Down")
        s.pump()
        if s.current is not None and s.current[1].startswith("21231"):
            break
    else:
        raise AssertionError(f"{lang}: Down never reached 21231; the focus is on {s.current}")
    s.keys("Return")
    s.expect(None, "period 3: back in the NOC code, 21231 picked")
    s.text(3, "Logiciels Rhône", "period 3: employer")
    s.country(3, T("Country"), "France", "period 3: country")
    s.text(3, "37.5" if lang == "en" else "37,5", "period 3: hours per week")
    s.check_names("work history")


def fill_rest(s, T, q_, lang):
    # Validated job offer: Alt+Right from the first page puts the focus on its question.
    s.question(0, T("Holds a validated job offer"), False, "holds a validated job offer")
    s.check_names("job offer")
    s.next_page(2, ("list item", T("No standardized result")), "Next from Validated job offer")

    results = {
        "French": (1, "2025-06-12", "TEF-CA-2025-061288", ("598", "612", "577", "590")),
        "English": (8, "2025-02-20", "25FR004417MARJ",
                    ("7.5", "7", "7", "6.5") if lang == "en" else ("7,5", "7", "7", "6,5")),
    }
    for language, (test, date, number, scores) in results.items():
        s.add(2, T("Result"), f"{language}: Add: Result")
        s.combo(0, T("Test or diploma"), test, f"{language}: the test")
        s.text(1, date, f"{language}: date of the results")
        s.text(3, number, f"{language}: test ID number")
        for skill, score in zip(("listening", "speaking", "reading", "writing"), scores):
            s.text(1 if skill == "listening" else 3, score, f"{language}: {skill} score")
        s.check_names(language)
        first = ("list item", T("No standardized result")) if language == "French" \
            else ("combo box", T("Family member in Québec"))
        s.back_to(("push button", T("_Next").replace("_", "")), f"{language}: forward to Next", key="Tab")
        s.keys("Return")
        s.expect(first, f"Next from {language}")

    # Ties to Québec
    s.combo(0, T("Family member in Québec"), 1, "family member in Québec")
    s.combo(5, T("Labour-market diagnosis of the main occupation"), 1, "labour-market diagnosis")
    s.check_names("Québec")
    s.back_to(("push button", T("_Next").replace("_", "")), "Québec: forward to Next", key="Tab")
    s.keys("Return")
    s.expect(("list item", T("The information is true and complete")), "Next from Ties to Québec")

    # Consent
    s.switch(1, T("The information is true and complete"), "the information is true")
    s.switch(2, T("Consent to the processing of personal information"), "consent")
    s.check_names("consent")


main()
