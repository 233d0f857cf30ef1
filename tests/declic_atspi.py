"""What the tests that drive the real window share: Déclic started on a workspace with
accessibility on, found on the AT-SPI bus and as an X window; real keys and clicks through
xdotool; where the keyboard focus is, read through AT-SPI.

Used by check-a11y.py, check-wizard-keys.py and check-list-keys.py, which run with Debian's
python3 (pyatspi) under Xvfb and D-Bus (tests/meson.build)."""
import atexit
import ctypes
import os
import signal
import subprocess
import tempfile
import time

# The app runs with the suite's G_DEBUG (fatal warnings); the harness's own GLib, loaded by
# pyatspi, must not: its warning while the accessibility bus starts is not the app's. Import
# this module before pyatspi.
APP_G_DEBUG = os.environ.pop("G_DEBUG", None)

import pyatspi  # noqa: E402  (after the line above, which GLib reads when it loads)

# How much longer than on an idle machine a wait may take before the test fails (wait_for).
TIME_SCALE = float(os.environ.get("DECLIC_TEST_TIME_SCALE", "3"))


def walk(node, out):
    """Every (role, name, node) under @node, @node first. Objects that vanish while the tree is
    walked (a row recycled, a popover closed) are skipped."""
    try:
        role = node.getRoleName()
    except Exception:
        return out
    out.append((role, node.name or "", node))
    try:
        n = node.childCount
    except Exception:
        return out
    for i in range(n):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            child = None
        if child is not None:
            walk(child, out)
    return out


def walk_shallow(node, depth, out):
    """Like walk (), but not below @depth levels under @node: a toast, a dialog or a popover
    sits near the top of its window, and this finds it in a fraction of a full walk's time
    (a toast lasts 5 s; a full walk of a loaded machine can take as long)."""
    try:
        role = node.getRoleName()
    except Exception:
        return out
    out.append((role, node.name or "", node))
    if depth == 0:
        return out
    try:
        n = node.childCount
    except Exception:
        return out
    for i in range(n):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            child = None
        if child is not None:
            walk_shallow(child, depth - 1, out)
    return out


def find_app(deadline, name="declic", pid=None):
    """The application @name on the accessibility bus; with @pid, only that process's: Déclic
    is a unique application, and an instance left by an earlier test would take its place."""
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is None or app.name != name:
                continue
            try:
                app_pid = app.get_process_id()
            except Exception:
                app_pid = None
            if pid is None or app_pid == pid:
                return app
        time.sleep(0.2)
    return None


_notifications = None


def _die_with_parent():
    """Run in a child before exec: the kernel sends it SIGTERM when the test's process dies,
    however it dies. A child left behind would keep the test's output pipe open, and meson
    would wait for it until the test's time limit instead of reporting the failure."""
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_notification_server():
    """A notification server on the test's session bus, once per test (see fake-notifications.py);
    returns the file its notifications are written to."""
    global _notifications
    if _notifications is None:
        log = os.path.join(tempfile.mkdtemp(prefix="declic-notifications-"), "log")
        server = subprocess.Popen(["/usr/bin/python3", os.path.join(os.path.dirname(__file__), "fake-notifications.py"), log],
                                  stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                                  preexec_fn=_die_with_parent)
        assert server.stdout.readline().strip() == "ready", "the notification server did not start"
        atexit.register(server.terminate)
        _notifications = log
    return _notifications


def start_declic(declic, workspace, args=()):
    """Déclic on @workspace, with accessibility on (the test environment turns it off)."""
    start_notification_server()
    env = dict(os.environ, DECLIC_WORKSPACE=workspace)
    env.pop("GTK_A11Y", None)
    if APP_G_DEBUG is not None:
        env["G_DEBUG"] = APP_G_DEBUG
    return subprocess.Popen([declic, *args], env=env, stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent)


class Session:
    """One Déclic window driven with real keys."""

    def __init__(self, declic, workspace, title="Déclic", args=()):
        self.workspace = workspace
        self.process = start_declic(declic, workspace, args)
        self.app = find_app(time.monotonic() + 30, pid=self.process.pid)
        assert self.app is not None, \
            f"declic did not appear on the accessibility bus (exit status {self.process.poll()})"
        self.window = None
        deadline = time.monotonic() + 20
        while self.window is None and time.monotonic() < deadline:
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                                 capture_output=True, text=True).stdout.split()
            self.window = out[0] if out else None
            time.sleep(0.2)
        assert self.window is not None, "no visible window"

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def key(self, *keys):
        subprocess.run(["xdotool", "key", "--delay", "60", *keys], check=True)
        time.sleep(0.25)

    def type(self, text):
        subprocess.run(["xdotool", "type", "--delay", "40", text], check=True)
        time.sleep(0.3)

    def nodes(self):
        return walk(self.app, [])

    def focused(self):
        """(role, name) of the object that has the keyboard focus."""
        for role, name, node in self.nodes():
            try:
                if node.getState().contains(pyatspi.STATE_FOCUSED):
                    return role, name
            except Exception:
                pass
        return None

    def wait_for(self, predicate, what, timeout=10):
        """Waits until @predicate holds. A wait that succeeds returns at once, so the limit is
        generous: each try walks the whole tree, which on a loaded machine takes seconds (the
        limit is multiplied by DECLIC_TEST_TIME_SCALE, 3 unless set). The predicate is always
        tried once more after the limit, so a slow walk still gets its last look."""
        deadline = time.monotonic() + timeout * TIME_SCALE
        while True:
            last_try = time.monotonic() >= deadline
            if predicate():
                return
            if last_try:
                break
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}; focus is on {self.focused()}")

    def tab_to(self, name, roles=None, limit=80, key="Tab", prefix=False):
        """Presses Tab until the focus is on an object called @name (any name when None)."""
        for _ in range(limit):
            focus = self.focused()
            if os.environ.get("DEBUG_FOCUS"):
                print("focus:", focus)
            if focus is not None and (name is None or (focus[1].startswith(name) if prefix else focus[1] == name)) \
               and (roles is None or focus[0] in roles):
                return
            self.key(key)
        raise AssertionError(f"Tab never reached {name!r}; focus is on {self.focused()}")

    def node(self, name, roles=None):
        for role, n, node in self.nodes():
            if n == name and (roles is None or role in roles):
                return node
        raise AssertionError(f"no {name!r} in the window")

    def names(self, roles):
        """The names of the objects of @roles, in tree order. (GTK 4.8 does not keep AT-SPI's
        "showing" state: hidden pages are listed too.)"""
        return [name for role, name, _ in self.nodes() if role in roles]

    def click(self, name, roles=None):
        """A real click in the middle of the object's left part (entries: the text)."""
        extents = self.node(name, roles).queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", self.window],
                                  capture_output=True, text=True, check=True).stdout
        origin = dict(line.split("=") for line in geometry.split())
        x = int(origin["X"]) + extents.x + extents.width // 4
        y = int(origin["Y"]) + extents.y + extents.height // 2
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
        time.sleep(0.4)
