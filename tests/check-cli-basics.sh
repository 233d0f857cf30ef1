#!/bin/sh
# `declic --version`, `declic --help` and `declic schema` work without any display.
set -eu
declic="$1"
unset DISPLAY WAYLAND_DISPLAY
version=$("$declic" --version)
[ "$version" = "declic $2" ] || { echo "unexpected --version output: $version"; exit 1; }
help=$("$declic" --help)
echo "$help" | grep -q -- "--workspace" || { echo "--help does not list --workspace"; exit 1; }
echo "$help" | grep -q -- "--lang" || { echo "--help does not list --lang"; exit 1; }
help_fr=$(LANG=C.UTF-8 LANGUAGE=fr "$declic" --help)
[ "$help_fr" != "$help" ] || { echo "--help is not translated under LANGUAGE=fr"; exit 1; }
"$declic" schema | python3 -c 'import json, sys; s = json.load(sys.stdin); assert s["$schema"].endswith("2020-12/schema")'
if "$declic" no-such-command 2>/dev/null; then
  echo "an unknown command succeeded"; exit 1
fi
echo "ok"
