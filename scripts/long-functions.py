#!/usr/bin/env python3
"""Lists the Rust functions longer than a limit, longest first: the style's "functions
short enough to read at once (~80 lines max)".

usage: python3 scripts/long-functions.py [--check] [LIMIT] [FOLDER...]
  LIMIT defaults to 80, the folders to crates and src. A function's length runs from
  the line of `fn` to its closing brace, comments and blank lines included (stricter
  than clippy's too_many_lines, which counts only code). Strings, characters and
  comments are skipped when braces are matched. With --check, exits 1 if any is listed.
"""
import os
import re
import sys

FN = re.compile(
    r'^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?(extern\s+"[^"]*"\s+)?fn\s+(\w+)'
)
RAW = re.compile(r'b?r(#*)"')
CHAR = re.compile(r"'(\\.[^']*|[^'\\])'")


def code_of(line, state):
    """`line` without strings, characters and comments; `state` carries what a line leaves open."""
    out, i, n = [], 0, len(line)
    while i < n:
        if state["block"]:
            j = line.find("*/", i)
            if j < 0:
                return "".join(out)
            state["block"], i = False, j + 2
        elif state["raw"] is not None:
            j = line.find('"' + "#" * state["raw"], i)
            if j < 0:
                return "".join(out)
            i, state["raw"] = j + 1 + state["raw"], None
        elif state["str"]:
            while i < n:
                if line[i] == "\\":
                    i += 2
                elif line[i] == '"':
                    state["str"], i = False, i + 1
                    break
                else:
                    i += 1
        elif line.startswith("//", i):
            break
        elif line.startswith("/*", i):
            state["block"], i = True, i + 2
        else:
            m = RAW.match(line, i)
            if m and (i == 0 or not (line[i - 1].isalnum() or line[i - 1] == "_")):
                state["raw"], i = len(m.group(1)), m.end()
                continue
            if line[i] == '"':
                state["str"], i = True, i + 1
                continue
            m = CHAR.match(line, i)
            if m:
                i = m.end()
                continue
            out.append(line[i])
            i += 1
    return "".join(out)


def long_functions(path, limit):
    """(length, line, name) of each function of the file at `path` longer than `limit`."""
    state = {"block": False, "str": False, "raw": None}
    found, open_fns, depth, pending = [], [], 0, None
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f):
            code = code_of(line.rstrip("\n"), state)
            m = FN.match(code)
            if m and pending is None:
                pending = (m.group(7), ln)
            for ch in code:
                if ch == "{":
                    depth += 1
                    if pending:
                        open_fns.append((pending[0], pending[1], depth))
                        pending = None
                elif ch == "}":
                    if open_fns and open_fns[-1][2] == depth:
                        name, start, _ = open_fns.pop()
                        if ln - start + 1 > limit:
                            found.append((ln - start + 1, start + 1, name))
                    depth -= 1
            # A declaration without a body (a trait's) opens nothing.
            if pending and code.rstrip().endswith(";") and "{" not in code:
                pending = None
    return found


def main(args):
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    limit = int(args.pop(0)) if args and args[0].isdigit() else 80
    rows = []
    for root in args or ["crates", "src"]:
        for folder, _, files in os.walk(root):
            for name in files:
                if name.endswith(".rs"):
                    path = os.path.join(folder, name)
                    rows += [(n, f"{path}:{line}", fn) for n, line, fn in long_functions(path, limit)]
    for n, where, fn in sorted(rows, reverse=True):
        print(f"{n:4d} {where} {fn}")
    return 1 if check and rows else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
