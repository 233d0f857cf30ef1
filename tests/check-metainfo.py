#!/usr/bin/env python3
"""The desktop file and the AppStream metadata, strictly.

usage: check-metainfo.py desktop DESKTOP_FILE
       check-metainfo.py metainfo METAINFO_FILE SOURCE_ROOT

desktop: desktop-file-validate prints nothing at all (no error, warning or hint).
metainfo: `appstreamcli validate --no-net --pedantic` reports no issue but two that are known
and accepted (listed in ACCEPTED with the reason); every screenshot has a caption and an image in
English and in French, each the address of a PNG under resources/screenshots/ of the size it
says; help and translate addresses are there; the developer is named as in the About window
(app/gui/declic-application.c); releases are newest first, and the project's version has one.
"""

import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RAW_PREFIX = "https://gitlab.gnome.org/declic/declic/-/raw/main/"


def appstream_version():
    out = subprocess.run(["appstreamcli", "--version"], capture_output=True, text=True).stdout
    match = re.search(r"(\d+)\.(\d+)", out)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def accepted(severity, tag, detail):
    """Issues the metadata keeps on purpose."""
    # GNOME application ids are reverse-DNS with a capitalised last part, which Flathub accepts;
    # the id cannot change without losing users' settings and desktop integration.
    if (severity, tag) == ("P", "cid-contains-uppercase-letter"):
        return True
    # AppStream 1.0 (the flatpak's, Flathub's) reads <developer>; 0.16 (Debian 12) does not
    # know it yet and reads <developer_name>, which the file also has.
    if (severity, tag, detail) == ("I", "unknown-tag", "developer") and appstream_version() < (1, 0):
        return True
    return False


def check_desktop(path):
    result = subprocess.run(["desktop-file-validate", path], capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or output:
        print(f"desktop-file-validate {path} (exit {result.returncode}):\n{output}")
        return 1
    print(f"{path}: desktop-file-validate: no error, warning or hint")
    return 0


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def check_metainfo(path, root_dir):
    errors = []

    result = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic", path],
                            capture_output=True, text=True)
    for line in result.stdout.splitlines():
        match = re.match(r"^([EWIP]): \S+?:(?:\d+:)? (\S+)\s*(.*)$", line)
        if match and not accepted(match.group(1), match.group(2), match.group(3).strip()):
            errors.append(f"appstreamcli: {line}")
    if result.returncode != 0:
        errors.append(f"appstreamcli validate failed:\n{result.stdout}{result.stderr}")

    component = ET.parse(path).getroot()

    screenshots = component.findall("screenshots/screenshot")
    if len(screenshots) < 2:
        errors.append(f"{len(screenshots)} screenshots, expected a few")
    if not any(s.get("type") == "default" for s in screenshots):
        errors.append("no default screenshot")
    for i, shot in enumerate(screenshots, 1):
        if not [c for c in shot.findall("caption") if c.get(XML_LANG) is None and (c.text or "").strip()]:
            errors.append(f"screenshot {i} has no caption")
        langs = set()
        for image in shot.findall("image"):
            lang = image.get(XML_LANG, "en")
            langs.add(lang)
            url = (image.text or "").strip()
            if not url.startswith(RAW_PREFIX):
                errors.append(f"screenshot {i} ({lang}): {url} is not a file of the repository")
                continue
            local = os.path.join(root_dir, url[len(RAW_PREFIX):])
            if not local.startswith(os.path.join(root_dir, "resources", "screenshots") + os.sep):
                errors.append(f"screenshot {i} ({lang}): {url} is not under resources/screenshots/")
            if not os.path.isfile(local):
                errors.append(f"screenshot {i} ({lang}): {local} does not exist")
                continue
            size = png_size(local)
            if size is None:
                errors.append(f"screenshot {i} ({lang}): {local} is not a PNG")
            elif image.get("width") and size != (int(image.get("width")), int(image.get("height"))):
                errors.append(f"screenshot {i} ({lang}): {local} is {size[0]}×{size[1]}, "
                              f"the metadata says {image.get('width')}×{image.get('height')}")
        if langs != {"en", "fr"}:
            errors.append(f"screenshot {i} is in {sorted(langs)}, expected English and French")

    urls = {u.get("type"): (u.text or "").strip() for u in component.findall("url")}
    for kind in ("homepage", "bugtracker", "help", "translate", "vcs-browser"):
        if not urls.get(kind, "").startswith("https://"):
            errors.append(f"no https <url type=\"{kind}\">")

    developer = component.findtext("developer/name")
    developer_name = component.findtext("developer_name")
    with open(os.path.join(root_dir, "app", "gui", "declic-application.c"), encoding="utf-8") as f:
        about = re.search(r'developer_name\s*=\s*"([^"]+)"', f.read())
    if about is None:
        errors.append("declic-application.c: no developer_name for the About window")
    elif not (developer == developer_name == about.group(1)):
        errors.append(f"developer names differ: <developer> {developer!r}, <developer_name> "
                      f"{developer_name!r}, About window {about.group(1)!r}")

    releases = component.findall("releases/release")
    versions = [tuple(int(x) for x in r.get("version").split(".")) for r in releases]
    dates = [r.get("date") for r in releases]
    if versions != sorted(versions, reverse=True) or dates != sorted(dates, reverse=True):
        errors.append(f"releases are not newest first: {[r.get('version') for r in releases]}")
    for r in releases:
        if r.find("description") is None:
            errors.append(f"release {r.get('version')} has no description")
    with open(os.path.join(root_dir, "meson.build"), encoding="utf-8") as f:
        project_version = re.search(r"version:\s*'([^']+)'", f.read()).group(1)
    if project_version not in [r.get("version") for r in releases]:
        errors.append(f"no release entry for the project's version {project_version}")

    for e in errors:
        print(f"{path}: {e}")
    if not errors:
        print(f"{path}: ok ({len(screenshots)} screenshots, {len(releases)} releases)")
    return 1 if errors else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "desktop":
        return check_desktop(argv[2])
    if len(argv) == 4 and argv[1] == "metainfo":
        return check_metainfo(argv[2], argv[3])
    print(__doc__.strip().splitlines()[2], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
