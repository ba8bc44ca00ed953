#!/usr/bin/env python3
"""Re-express the html5lib tree-construction tests as our own JSON data.

Usage: import-html5lib-tree.py <html5lib-tests checkout or extracted tree-construction dir> [out-dir]

Reads every `tree-construction/*.dat` file (the `scripted/` subfolder is skipped: those cases
need `document.write` from a running script, which a headless parser without a JS engine
cannot execute) and writes `Tests/HTMLModelTests/Data/tree/<name>.json`: an array of cases

    {"id": "tests1.dat#3", "input": "...", "context": null | {"name": "td", "namespace": "html"},
     "scripting": true | false | null, "expected": "| <html>\n|   <head>..."}

`scripting` is null when the case does not pin the flag: the html5lib format says such a case
must give the same tree with scripting on and off, so the Swift test runs it both ways.
Parse-error counts are not carried over: the tree builder's tests compare trees only.
"""
import json
import os
import sys

SECTIONS = {"#data", "#errors", "#new-errors", "#document-fragment", "#script-off",
            "#script-on", "#document"}


def parse_dat(text):
    """Splits a .dat file into cases, following the layout in tree-construction/README.md."""
    cases = []
    current = None
    section = None
    for line in text.split("\n"):
        if line == "#data" and (current is None or section == "#document"):
            if current is not None:
                cases.append(current)
            current = {"#data": []}
            section = "#data"
            continue
        if current is None:
            continue
        if line in SECTIONS and section != "#data" or (section == "#data" and line == "#errors"):
            section = line
            current.setdefault(section, [])
            continue
        current[section].append(line)
    if current is not None:
        cases.append(current)
    return cases


def convert(case, file_name, index):
    data = "\n".join(case["#data"])
    document = case.get("#document", [])
    # One blank line separates cases; it is not part of the dump.
    while document and document[-1] == "":
        document = document[:-1]
    context = None
    if "#document-fragment" in case:
        raw = case["#document-fragment"][0].strip()
        namespace = "html"
        name = raw
        for prefix, ns in (("svg ", "svg"), ("math ", "mathml")):
            if raw.startswith(prefix):
                namespace = ns
                name = raw[len(prefix):]
        context = {"name": name, "namespace": namespace}
    scripting = None
    if "#script-off" in case:
        scripting = False
    elif "#script-on" in case:
        scripting = True
    return {
        "id": f"{file_name}#{index}",
        "input": data,
        "context": context,
        "scripting": scripting,
        "expected": "\n".join(document),
    }


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    source = sys.argv[1]
    if os.path.isdir(os.path.join(source, "tree-construction")):
        source = os.path.join(source, "tree-construction")
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        here, "..", "Tests", "HTMLModelTests", "Data", "tree")
    os.makedirs(out_dir, exist_ok=True)
    total = 0
    for name in sorted(os.listdir(source)):
        if not name.endswith(".dat"):
            continue
        with open(os.path.join(source, name), encoding="utf-8", newline="") as handle:
            text = handle.read()
        cases = [convert(c, name, i) for i, c in enumerate(parse_dat(text))]
        total += len(cases)
        out = os.path.join(out_dir, name[:-4] + ".json")
        with open(out, "w", encoding="utf-8") as handle:
            json.dump(cases, handle, ensure_ascii=True, indent=1)
            handle.write("\n")
    print(f"wrote {total} cases to {os.path.normpath(out_dir)}")


if __name__ == "__main__":
    main()
