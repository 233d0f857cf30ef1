#!/bin/sh
# Fails unless the translation compiles cleanly and has no untranslated or fuzzy message.
set -eu
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$1" 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*) exit 1 ;;
esac
