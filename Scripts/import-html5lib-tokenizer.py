#!/usr/bin/env python3
"""Re-expresses the html5lib tokenizer tests (https://github.com/html5lib/html5lib-tests,
tokenizer/*.test) as our own data: Tests/HTMLModelTests/Data/tokenizer/<name>.json.

Usage: python3 Scripts/import-html5lib-tokenizer.py <dir with the .test files>

Our format, one JSON object per file:
  {"source": "...", "cases": [case, ...], "excluded": [{"description", "reason"}, ...]}
Each case is one tokenizer run (html5lib's initialStates are expanded, one case per state):
  "name":         unique, "<file>#<index> <description> [<state>]"
  "input":        the input stream as text (doubleEscaped already undone)
  "initialState": data | rcdata | rawtext | scriptData | plaintext | cdataSection
  "lastStartTag": string or null
  "output":       tokens, adjacent character tokens merged:
                    ["characters", text]
                    ["startTag", name, [[attrName, attrValue], ...], selfClosing]
                    ["endTag", name]
                    ["comment", text]
                    ["doctype", name|null, publicId|null, systemId|null, forceQuirks]
  "errors":       [[code, line, col], ...] in the order html5lib lists them

Cases the Swift API cannot express are listed under "excluded" with the reason:
  - a lone surrogate in the input or output (our input is UTF-8 bytes and our tokens are
    Swift Strings, neither of which can hold one);
  - a leading U+FEFF in the input: html5lib feeds decoded characters, where it must pass
    through; our input is bytes, where a leading EF BB BF is the byte order mark that the
    decoder drops (https://encoding.spec.whatwg.org/#decode);
  - xmlViolation.test, which expects the "coercing an HTML DOM into an infoset" tweaks
    that are not part of tokenization.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "Tests", "HTMLModelTests", "Data", "tokenizer")

STATES = {
    "Data state": "data",
    "PLAINTEXT state": "plaintext",
    "RCDATA state": "rcdata",
    "RAWTEXT state": "rawtext",
    "Script data state": "scriptData",
    "CDATA section state": "cdataSection",
}

ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")


def unescape(value):
    """The doubleEscaped second round: \\uHHHH -> code point (may yield lone surrogates)."""
    if isinstance(value, str):
        return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
    if isinstance(value, list):
        return [unescape(v) for v in value]
    if isinstance(value, dict):
        return {unescape(k): unescape(v) for k, v in value.items()}
    return value


def has_surrogate(value):
    if isinstance(value, str):
        return any(0xD800 <= ord(ch) <= 0xDFFF for ch in value)
    if isinstance(value, list):
        return any(has_surrogate(v) for v in value)
    if isinstance(value, dict):
        return any(has_surrogate(k) or has_surrogate(v) for k, v in value.items())
    return False


def convert_tokens(tokens):
    out = []
    for token in tokens:
        kind = token[0]
        if kind == "Character":
            if out and out[-1][0] == "characters":
                out[-1][1] += token[1]
            else:
                out.append(["characters", token[1]])
        elif kind == "StartTag":
            attributes = [[k, v] for k, v in token[2].items()]
            self_closing = len(token) > 3 and bool(token[3])
            out.append(["startTag", token[1], attributes, self_closing])
        elif kind == "EndTag":
            out.append(["endTag", token[1]])
        elif kind == "Comment":
            out.append(["comment", token[1]])
        elif kind == "DOCTYPE":
            out.append(["doctype", token[1], token[2], token[3], not token[4]])
        else:
            raise SystemExit(f"unknown token kind {kind!r}")
    return out


def convert_file(path):
    name = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    cases, excluded = [], []
    if "xmlViolationTests" in data:
        for test in data["xmlViolationTests"]:
            excluded.append({"description": test["description"],
                             "reason": "expects infoset coercion, not tokenizer output"})
        return name, cases, excluded
    for index, test in enumerate(data["tests"]):
        description = test["description"]
        test_input, output = test["input"], test["output"]
        if test.get("doubleEscaped"):
            test_input, output = unescape(test_input), unescape(output)
        if has_surrogate(test_input) or has_surrogate(output):
            excluded.append({"description": description,
                             "reason": "lone surrogate: not expressible as UTF-8 input or Swift String"})
            continue
        if test_input.startswith("\ufeff"):
            excluded.append({"description": description,
                             "reason": "leading U+FEFF: our input is bytes, where it is the BOM that decoding drops"})
            continue
        tokens = convert_tokens(output)
        errors = [[e["code"], e["line"], e["col"]] for e in test.get("errors", [])]
        for state in test.get("initialStates", ["Data state"]):
            cases.append({
                "name": f"{name}#{index} {description} [{STATES[state]}]",
                "input": test_input,
                "initialState": STATES[state],
                "lastStartTag": test.get("lastStartTag"),
                "output": tokens,
                "errors": errors,
            })
    return name, cases, excluded


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    source_dir = argv[1]
    os.makedirs(OUT_DIR, exist_ok=True)
    total = 0
    for file_name in sorted(os.listdir(source_dir)):
        if not file_name.endswith(".test"):
            continue
        name, cases, excluded = convert_file(os.path.join(source_dir, file_name))
        document = {
            "source": f"html5lib-tests tokenizer/{file_name}, re-expressed by Scripts/import-html5lib-tokenizer.py",
            "cases": cases,
            "excluded": excluded,
        }
        with open(os.path.join(OUT_DIR, name + ".json"), "w", encoding="utf-8") as f:
            f.write("{\n")
            f.write(f'"source": {json.dumps(document["source"])},\n')
            f.write('"cases": [\n')
            f.write(",\n".join(json.dumps(c, ensure_ascii=True) for c in cases))
            f.write('\n],\n"excluded": [\n')
            f.write(",\n".join(json.dumps(e, ensure_ascii=True) for e in excluded))
            f.write("\n]\n}\n")
        total += len(cases)
        print(f"{file_name}: {len(cases)} cases, {len(excluded)} excluded")
    print(f"total: {total} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
