#!/usr/bin/python3
"""A notification server for the GUI tests' private session bus: owns
org.freedesktop.Notifications, answers as a desktop's would, and appends each notification's
summary and body to LOG (one JSON object per line). Without one, GLib warns that notifications
cannot be sent, and the suite treats warnings as fatal.

Usage: fake-notifications.py LOG   (prints "ready" once it owns the name)"""
import json
import sys

import gi
gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

XML = """<node><interface name="org.freedesktop.Notifications">
<method name="GetCapabilities"><arg type="as" direction="out"/></method>
<method name="Notify"><arg type="s"/><arg type="u"/><arg type="s"/><arg type="s"/><arg type="s"/>
<arg type="as"/><arg type="a{sv}"/><arg type="i"/><arg type="u" direction="out"/></method>
<method name="CloseNotification"><arg type="u"/></method>
<method name="GetServerInformation"><arg type="s" direction="out"/><arg type="s" direction="out"/>
<arg type="s" direction="out"/><arg type="s" direction="out"/></method>
<signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
<signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
</interface></node>"""

log_path = sys.argv[1]
counter = [0]


def on_call(connection, sender, path, interface, method, params, invocation):
    if method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["body", "actions"],)))
    elif method == "Notify":
        counter[0] += 1
        app, _, _, summary, body = params.unpack()[:5]
        with open(log_path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"app": app, "summary": summary, "body": body}) + "\n")
        invocation.return_value(GLib.Variant("(u)", (counter[0],)))
    elif method == "CloseNotification":
        invocation.return_value(None)
    else:
        invocation.return_value(GLib.Variant("(ssss)", ("fake", "declic-tests", "1", "1.2")))


def on_bus(connection, name):
    info = Gio.DBusNodeInfo.new_for_xml(XML)
    connection.register_object("/org/freedesktop/Notifications", info.interfaces[0], on_call, None, None)


def on_name(connection, name):
    print("ready", flush=True)


def on_lost(connection, name):
    sys.exit(1)


Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.Notifications", Gio.BusNameOwnerFlags.NONE,
                 on_bus, on_name, on_lost)
GLib.MainLoop().run()
