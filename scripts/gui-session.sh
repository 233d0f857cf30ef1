#!/bin/sh
# Runs a command in a session of its own for GUI tests: a private D-Bus session bus, a virtual
# display (Xvfb, 1280×1024), and a private XDG_RUNTIME_DIR.
#   scripts/gui-session.sh meson test -C build --print-errorlogs
# The runtime folder matters: without XDG_RUNTIME_DIR the accessibility bus of every session on
# the machine listens on the same socket, ~/.cache/at-spi/bus; when one session's bus ends it
# deletes that socket, and the AT-SPI tests of another session, running at the same time,
# abort ("Couldn't connect to accessibility bus").
set -u
runtime=$(mktemp -d "${TMPDIR:-/tmp}/declic-runtime-XXXXXX") || exit 1
chmod 700 "$runtime"
status=0
XDG_RUNTIME_DIR=$runtime dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" "$@" || status=$?
rm -rf "$runtime"
exit "$status"
