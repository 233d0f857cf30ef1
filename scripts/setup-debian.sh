#!/bin/sh
# Installs everything Déclic needs to build, run and test on Debian 12. Run it as yourself or as
# root: when a package is missing and you are not root, it runs itself again with sudo (and says
# so); with nothing missing it changes nothing and needs no rights.
set -eu
packages="
  gcc clang pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libjson-c-dev libcurl4-openssl-dev libsecret-1-dev
  iso-codes desktop-file-utils appstream libxml2-utils
  xvfb xauth dbus dbus-daemon dbus-x11 at-spi2-core
  python3 python3-jsonschema python3-pyatspi
  lighttpd lighttpd-mod-webdav nginx openssl gnome-keyring libsecret-tools
  faketime xdotool xclip imagemagick poppler-utils
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $p"
  fi
done
if [ -z "$missing" ]; then
  echo "setup-debian.sh: every package Déclic needs is installed."
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    echo "setup-debian.sh: installing packages needs root; running again with sudo (missing:$missing)." >&2
    exec sudo sh "$0" "$@"
  fi
  echo "setup-debian.sh: installing packages needs root, and sudo is not installed." >&2
  echo "Run it as root instead: su -c 'sh $0'   (missing:$missing)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $packages
