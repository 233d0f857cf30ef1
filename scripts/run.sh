#!/bin/sh
# Builds Déclic and starts it on the default workspace ($XDG_DATA_HOME/declic/drafts, created on
# first run), uninstalled, through `meson devenv` (settings schema, translations; the reference
# data is built in). Extra arguments go to declic; file names are taken from where you are.
set -eu
here="$PWD"
cd "$(dirname "$0")/.."
[ -d build ] || meson setup build
meson compile -C build
exec meson devenv -C build -w "$here" declic "$@"
