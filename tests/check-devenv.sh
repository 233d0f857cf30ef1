#!/bin/sh
# The README's "by hand" run: `meson devenv -C BUILDDIR declic ...` runs the uninstalled app with
# its settings schema, its translations and its data, with none of the test suite's variables;
# and the bare binary without a schema says what to run instead of aborting.
# usage: check-devenv.sh BUILDDIR VERSION SAMPLE_DRAFT
set -eu
builddir="$1"
version="$2"
sample="$3"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# What the test suite sets for every test must come from devenv here, or from nowhere.
unset GSETTINGS_SCHEMA_DIR DECLIC_LOCALEDIR DECLIC_NOC_FILE
# No system data (so no installed schema or translation can stand in), except the MIME database:
# without it GdkPixbuf cannot tell the window's SVG icons are SVG and warns, which the suite's
# G_DEBUG=fatal-warnings turns into an abort that is the sandbox's, not the app's.
mkdir -p "$work/system-data"
[ -d /usr/share/mime ] && ln -s /usr/share/mime "$work/system-data/mime"
export XDG_DATA_DIRS="$work/system-data" XDG_DATA_HOME="$work/data" LANG=C.UTF-8

out=$(meson devenv -C "$builddir" declic --version)
[ "$out" = "declic $version" ] || { echo "devenv declic --version printed: $out"; exit 1; }

# The schema: devenv names build/resources.
meson devenv -C "$builddir" gsettings get ca.declic.Declic workspace-folder >/dev/null ||
  { echo "devenv does not find the settings schema"; exit 1; }

# Translations and data: a French check, against the built-in NOC list (21299 is well formed
# but no unit group: only the list knows it).
sed 's/"noc_code": "21231"/"noc_code": "21299"/' "$sample" > "$work/draft.json"
status=0
out=$(LANGUAGE=fr meson devenv -C "$builddir" -w "$work" declic check --date 2026-11-22 draft.json) || status=$?
echo "$out"
[ "$status" = 1 ] || { echo "declic check exited $status, expected 1 (an unknown NOC code)"; exit 1; }
echo "$out" | grep -q "Vérifié le 22 novembre 2026" || { echo "devenv run is not in French"; exit 1; }
echo "$out" | grep -q "21299" || { echo "the unknown NOC code is not reported"; exit 1; }
if echo "$out" | grep -q "noc.list_unavailable\|CNP 2021 est introuvable"; then
  echo "the built-in NOC list was not used"; exit 1
fi

# The window under devenv, in French: still running after 3 s (no abort); stopped by timeout.
if [ -n "${DISPLAY:-}" ]; then
  status=0
  GSETTINGS_BACKEND=memory meson devenv -C "$builddir" \
    timeout 3 declic --lang fr --workspace "$work/workspace" || status=$?
  [ "$status" = 124 ] || { echo "devenv declic --lang fr exited $status before 3 s"; exit 1; }
fi

# The bare binary with no schema anywhere: a clear message and status 1, not an abort.
status=0
err=$("$builddir/app/declic" --lang fr 2>&1) || status=$?
[ "$status" = 1 ] || { echo "without a schema declic exited $status: $err"; exit 1; }
echo "$err" | grep -q "meson devenv" || { echo "without a schema declic does not say what to run: $err"; exit 1; }
echo "ok"
