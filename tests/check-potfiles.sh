#!/bin/sh
# Fails when a file with translatable strings is missing from po/POTFILES.in, when POTFILES.in
# names a file that does not exist, or when it is not sorted.
set -eu
cd "$1"
status=0
found=$( { grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|g_dngettext|declic_i18n_ngettext|ngettext)\s*\(' app --include='*.c' || true;
           grep -rl 'translatable="yes"' ui --include='*.ui' 2>/dev/null || true;
           ls resources/*.desktop.in resources/*.metainfo.xml.in resources/*.gschema.xml 2>/dev/null || true; } | sort -u)
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')
for f in $found; do
  if ! printf '%s\n' "$listed" | grep -qx "$f"; then
    echo "missing from po/POTFILES.in: $f"; status=1
  fi
done
for f in $listed; do
  [ -f "$f" ] || { echo "listed in po/POTFILES.in but absent: $f"; status=1; }
done
if [ "$(printf '%s\n' "$listed" | LC_ALL=C sort)" != "$listed" ]; then
  echo "po/POTFILES.in is not sorted (LC_ALL=C sort)"; status=1
fi
exit $status
