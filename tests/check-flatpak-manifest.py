#!/usr/bin/env python3
"""Checks the flatpak manifest, which cannot be built here (no Flathub runtimes).

usage: check-flatpak-manifest.py MANIFEST APP_ID [SOURCE.md]

Fails when the manifest is not valid JSON, when its id or command is wrong, when json-c or
Déclic itself is missing from its modules, when the NOC list is not fetched from the address
and with the SHA-256 that ../shared/data/SOURCE.md gives, or when it grants access to the
whole home folder or host file system: drafts are private, and the app needs neither.
"""

import json
import os
import re
import sys

SKIP = 77
BROAD_FILESYSTEMS = {"home", "host", "host-os", "host-etc", "~"}


def find_module(modules, name):
    for module in modules:
        if isinstance(module, dict) and module.get("name") == name:
            return module
    return None


def read_noc_source(path):
    """The (address, sha256) of the NOC file that SOURCE.md names."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    section = text.split("## noc-2021.csv", 1)[-1]
    sha = re.search(r"SHA-256:\s*([0-9a-f]{64})", section)
    url = re.search(r"(https://\S+/noc_2021\.csv)", section)
    if not sha or not url:
        raise ValueError(f"{path}: no SHA-256 or address for noc-2021.csv")
    return url.group(1), sha.group(1)


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    manifest_path, app_id = argv[1], argv[2]
    source_md = argv[3] if len(argv) == 4 else None

    errors = []

    def check(condition, message):
        if not condition:
            errors.append(message)

    with open(manifest_path, encoding="utf-8") as f:
        try:
            manifest = json.load(f)
        except json.JSONDecodeError as e:
            print(f"{manifest_path}: not valid JSON: {e}")
            return 1

    check(manifest.get("id", manifest.get("app-id")) == app_id,
          f"id is {manifest.get('id', manifest.get('app-id'))!r}, expected {app_id!r}")
    check(manifest.get("command") == "declic",
          f"command is {manifest.get('command')!r}, expected 'declic'")
    check(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
    check(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")
    check(isinstance(manifest.get("runtime-version"), str),
          "runtime-version must be a string (\"47\", not 47)")

    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        if arg.startswith("--filesystem="):
            target = arg.split("=", 1)[1].split(":", 1)[0].rstrip("/")
            check(target not in BROAD_FILESYSTEMS,
                  f"finish-args grants {arg}: drafts stay in the sandbox, use the file chooser portal")
    for needed in ("--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"):
        check(needed in finish_args, f"finish-args lacks {needed}")
    check("--socket=x11" not in finish_args, "use --socket=fallback-x11, not --socket=x11")

    modules = manifest.get("modules", [])
    check(isinstance(modules, list) and modules, "no modules")
    modules = modules if isinstance(modules, list) else []

    json_c = find_module(modules, "json-c")
    check(json_c is not None, "no json-c module")
    if json_c is not None:
        sources = json_c.get("sources", [])
        check(any(s.get("type") in ("archive", "git") for s in sources), "json-c has no source")
        for s in sources:
            if s.get("type") == "archive":
                check(re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", "")) is not None,
                      "json-c archive has no sha256")

    declic = find_module(modules, "declic")
    check(declic is not None, "no declic module")
    if declic is not None:
        check(declic.get("buildsystem") == "meson", "declic is not built with meson")
        check(declic.get("run-tests") is True, "declic does not run its tests")
        check(any(s.get("type") == "dir" and s.get("path") == ".." for s in declic.get("sources", [])),
              "declic is not built from the source tree (type dir, path ..)")
        check(modules.index(declic) == len(modules) - 1, "declic is not the last module")

    # The NOC list: fetched, checked, installed where the app looks for it (PKGDATADIR).
    noc_sources = [(m, s) for m in modules if isinstance(m, dict)
                   for s in m.get("sources", []) if s.get("type") == "file"
                   and s.get("url", "").endswith("noc_2021.csv")]
    check(len(noc_sources) == 1, f"expected one NOC file source, found {len(noc_sources)}")
    if noc_sources:
        module, source = noc_sources[0]
        commands = " ".join(module.get("build-commands", []))
        check("/app/share/declic/noc-2021.csv" in commands,
              "the NOC file is not installed to /app/share/declic/noc-2021.csv")
        if declic is not None:
            check(modules.index(module) < modules.index(declic),
                  "the NOC file is installed after declic, whose tests need it")
        if source_md is None or not os.path.isfile(source_md):
            print(f"SOURCE.md not found ({source_md}): NOC address and SHA-256 not compared")
            if not errors:
                return SKIP
        else:
            url, sha = read_noc_source(source_md)
            check(source.get("url") == url, f"NOC url is {source.get('url')!r}, SOURCE.md says {url!r}")
            check(source.get("sha256") == sha,
                  f"NOC sha256 is {source.get('sha256')!r}, SOURCE.md says {sha!r}")

    for e in errors:
        print(f"{manifest_path}: {e}")
    if not errors:
        print(f"{manifest_path}: ok")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
