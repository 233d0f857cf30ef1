#!/bin/sh
# Fails unless po/fr.po translates every message of the sources listed in po/POTFILES.in: the
# catalogue is extracted afresh (with meson's "glib" preset keywords and the core's plural,
# declic_i18n_ngettext, as po/meson.build adds it), merged with fr.po, and
# must have no untranslated or fuzzy message.
set -eu
root="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
xgettext --from-code=UTF-8 --add-comments --directory="$root" --files-from=po/POTFILES.in \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=declic_i18n_ngettext:1,2 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=declic_i18n_ngettext:1:pass-c-format \
  --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  -o "$work/declic.pot"
msgmerge --quiet --no-fuzzy-matching -o "$work/fr.po" po/fr.po "$work/declic.pot"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$work/fr.po" 2>&1)
echo "$stats"
missing=$(msgattrib --untranslated --no-obsolete "$work/fr.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/fr.po" | grep -c '^msgid ' || true)
# msgattrib prints the header entry too when anything is listed.
if [ "$missing" -gt 1 ] || [ "$fuzzy" -gt 1 ]; then
  msgattrib --untranslated --only-fuzzy --no-obsolete "$work/fr.po" | grep -A3 '^#:' | head -40
  msgattrib --untranslated --no-obsolete "$work/fr.po" | grep -A4 '^#:' | head -60
  echo "po/fr.po does not translate every message of the sources"
  exit 1
fi
case "$stats" in
  *untranslated*|*fuzzy*|*error*) exit 1 ;;
esac
