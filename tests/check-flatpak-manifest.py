#!/usr/bin/env python3
"""Checks the flatpak manifest, which cannot be built here (no Flathub runtimes).

usage: check-flatpak-manifest.py MANIFEST APP_ID [SOURCE.md [SOURCE_ROOT]]

Fails when the manifest (YAML or JSON) does not parse, when its id or command is wrong, when it
is not on a current GNOME runtime, when json-c or Déclic itself is missing from its modules, when
Déclic is not built from a git tag and the commit it names (or, in a git checkout at
SOURCE_ROOT, when that commit does not exist, does not carry the tag's version, or is not the
tag), when a source fetched from elsewhere has no x-checker-data to keep it up to date, when the
NOC list is not fetched from the address and with the SHA-256 that resources/data/SOURCE.md
gives, when a permission is not justified by a comment above it, when the network is granted
to the tests or the build, or when it grants access to the whole home folder or host file
system: drafts are private, and the app needs neither.
"""

import json
import os
import re
import subprocess
import sys

SKIP = 77
BROAD_FILESYSTEMS = {"home", "host", "host-os", "host-etc", "~"}
# The GNOME runtime Flathub currently supports (GNOME 50, March 2026); older ones reach end of
# life within a year of their successor.
MIN_GNOME_RUNTIME = 50


def load_manifest(path):
    """The manifest as a dict, or None (with the reason printed) when it does not parse."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith((".yml", ".yaml")):
        try:
            import yaml
        except ImportError:
            print(f"{path}: PyYAML is not installed: manifest not checked")
            sys.exit(SKIP)
        try:
            return yaml.safe_load(text), text
        except yaml.YAMLError as e:
            print(f"{path}: not valid YAML: {e}")
            return None, text
    try:
        return json.loads(text), text
    except json.JSONDecodeError as e:
        print(f"{path}: not valid JSON: {e}")
        return None, text


def unjustified_finish_args(text):
    """finish-args lines of a YAML manifest with no comment above them (in their group)."""
    lines = text.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.startswith("finish-args:"))
    except StopIteration:
        return []
    missing = []
    needs_comment = True
    for line in lines[start + 1:]:
        stripped = line.strip()
        if stripped and not line.startswith((" ", "-")):
            break  # the next top-level key
        if not stripped:
            needs_comment = True  # a blank line ends a group: the next one needs its own comment
        elif stripped.startswith("#"):
            needs_comment = False
        elif stripped.startswith("- ") and needs_comment:
            missing.append(stripped[2:])
    return missing


def git(root, *args):
    result = subprocess.run(["git", "-C", root, *args], capture_output=True, text=True)
    return result.returncode, result.stdout.strip()


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


def check_release_commit(root, tag, commit, check):
    """In a git checkout: the commit exists, carries the tag's version, and is the tag if the
    tag is there. A tarball or a shallow clone without that commit cannot tell, and says so."""
    code, _ = git(root, "rev-parse", "--git-dir")
    if code != 0:
        print(f"{root}: not a git checkout: the release commit not compared")
        return
    code, _ = git(root, "cat-file", "-e", commit + "^{commit}")
    if code != 0:
        code, shallow = git(root, "rev-parse", "--is-shallow-repository")
        if shallow == "true":
            print(f"{root}: shallow clone: commit {commit} not compared")
            return
        check(False, f"declic's commit {commit} is not in this repository")
        return
    _, meson_build = git(root, "show", f"{commit}:meson.build")
    version = re.search(r"version:\s*'([^']+)'", meson_build)
    check(version is not None and "v" + version.group(1) == tag,
          f"commit {commit} is version {version.group(1) if version else '?'}, the tag says {tag}")
    with open(os.path.join(root, "resources", "ca.declic.Declic.metainfo.xml.in"), encoding="utf-8") as f:
        metainfo = f.read()
    release = re.search(rf'<release version="{re.escape(tag[1:])}"[^>]*date="([0-9-]+)"', metainfo)
    check(release is not None,
          f"the metainfo has no dated release entry for {tag[1:]}, which the manifest builds")
    _, day = git(root, "show", "-s", "--format=%cd", "--date=format:%Y-%m-%d", commit)
    check(release is None or release.group(1) == day,
          f"commit {commit} was made on {day}, the metainfo dates {tag[1:]} "
          f"{release.group(1) if release else '?'}")
    code, tagged = git(root, "rev-parse", "--verify", "--quiet", tag + "^{commit}")
    if code == 0:
        check(tagged == commit, f"tag {tag} is {tagged}, the manifest says {commit}")
    else:
        print(f"tag {tag} is not in this repository yet: it must be made at {commit}")


def main(argv):
    if len(argv) not in (3, 4, 5):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    manifest_path, app_id = argv[1], argv[2]
    source_md = argv[3] if len(argv) >= 4 else None
    source_root = argv[4] if len(argv) == 5 else None

    errors = []

    def check(condition, message):
        if not condition:
            errors.append(message)

    manifest, text = load_manifest(manifest_path)
    if not isinstance(manifest, dict):
        if manifest is not None:
            print(f"{manifest_path}: not a mapping")
        return 1

    check(manifest.get("id", manifest.get("app-id")) == app_id,
          f"id is {manifest.get('id', manifest.get('app-id'))!r}, expected {app_id!r}")
    check(manifest.get("command") == "declic",
          f"command is {manifest.get('command')!r}, expected 'declic'")
    check(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
    check(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")
    runtime_version = manifest.get("runtime-version")
    check(isinstance(runtime_version, str),
          "runtime-version must be a string (\"50\", not 50)")
    check(isinstance(runtime_version, str) and runtime_version.isdigit()
          and int(runtime_version) >= MIN_GNOME_RUNTIME,
          f"runtime-version is {runtime_version!r}: Flathub wants a supported GNOME runtime "
          f"(at least {MIN_GNOME_RUNTIME})")

    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        if arg.startswith("--filesystem="):
            target = arg.split("=", 1)[1].split(":", 1)[0].rstrip("/")
            check(target not in BROAD_FILESYSTEMS,
                  f"finish-args grants {arg}: drafts stay in the sandbox, use the file chooser portal")
    for needed in ("--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"):
        check(needed in finish_args, f"finish-args lacks {needed}")
    check("--socket=x11" not in finish_args, "use --socket=fallback-x11, not --socket=x11")
    if manifest_path.endswith((".yml", ".yaml")):
        for arg in unjustified_finish_args(text):
            check(False, f"finish-args {arg}: no comment above it says why it is needed")
        # The network is for the optional upload, and that comment must say so.
        match = re.search(r"((?:^[ ]*#.*\n)+)[ ]*- --share=network", text, re.MULTILINE)
        check(match is not None and "upload" in match.group(1).lower(),
              "the comment above --share=network does not say it is for the optional upload")

    modules = manifest.get("modules", [])
    check(isinstance(modules, list) and modules, "no modules")
    modules = modules if isinstance(modules, list) else []

    # The network only at run time, for the upload: never while building or testing.
    for module in modules:
        if not isinstance(module, dict):
            continue
        options = module.get("build-options", {})
        for key in ("build-args", "test-args"):
            check("--share=network" not in options.get(key, []),
                  f"module {module.get('name')} grants the network in {key}")

    # Every source fetched from elsewhere says how to find its newer versions (Flathub's
    # external data checker), except Déclic's own, which is updated when it is released.
    for module in modules:
        if not isinstance(module, dict) or module.get("name") == "declic":
            continue
        for s in module.get("sources", []):
            if isinstance(s, dict) and ("url" in s):
                checker = s.get("x-checker-data")
                check(isinstance(checker, dict) and "type" in checker,
                      f"module {module.get('name')}: source {s.get('url')} has no x-checker-data")
                if isinstance(checker, dict) and checker.get("type") == "json":
                    check("version-query" in checker and "url-query" in checker and "url" in checker,
                          f"module {module.get('name')}: its json x-checker-data needs url, "
                          "version-query and url-query")

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
        sources = declic.get("sources", [])
        check(not any(s.get("type") == "dir" for s in sources),
              "declic is built from a dir source: Flathub builds a release, from git")
        gits = [s for s in sources if s.get("type") == "git"]
        check(len(gits) == 1, f"declic has {len(gits)} git sources, expected one")
        if gits:
            src = gits[0]
            tag, commit = src.get("tag", ""), src.get("commit", "")
            check(re.fullmatch(r"https://\S+\.git", src.get("url", "")) is not None,
                  f"declic's git url {src.get('url')!r} is not an https address of a repository")
            check(re.fullmatch(r"v\d+\.\d+\.\d+", tag) is not None,
                  f"declic's tag {tag!r} is not a release tag (vX.Y.Z)")
            check(re.fullmatch(r"[0-9a-f]{40}", commit) is not None,
                  f"declic's commit {commit!r} is not a full commit hash")
            checker = src.get("x-checker-data", {})
            check(checker.get("type") == "git" and "tag-pattern" in checker,
                  "declic's git source has no x-checker-data (type git, tag-pattern)")
            if source_root is not None and errors == []:
                check_release_commit(source_root, tag, commit, check)
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
