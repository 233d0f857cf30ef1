#!/bin/sh
# Builds Déclic and starts it on the default workspace ($XDG_DATA_HOME/declic/drafts, created on
# first run), with the NOC list from ../shared/data when it is there. Extra arguments go to declic.
set -eu
cd "$(dirname "$0")/.."
[ -d build ] || meson setup build
meson compile -C build
noc="$(cd .. && pwd)/shared/data/noc-2021.csv"
[ -f "$noc" ] && export DECLIC_NOC_FILE="$noc"
export DECLIC_LOCALEDIR="$PWD/build/po"
export GSETTINGS_SCHEMA_DIR="$PWD/build/resources"
exec build/app/declic "$@"
