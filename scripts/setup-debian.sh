#!/bin/sh
# Installs everything Déclic needs to build, run and test on Debian 12. Run as root (or with sudo).
set -eu
packages="
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libjson-c-dev libcurl4-openssl-dev libsecret-1-dev
  iso-codes desktop-file-utils appstream libxml2-utils
  xvfb xauth dbus dbus-daemon dbus-x11 at-spi2-core
  python3 python3-jsonschema python3-pyatspi
  lighttpd lighttpd-mod-webdav nginx openssl gnome-keyring libsecret-tools
"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $packages
