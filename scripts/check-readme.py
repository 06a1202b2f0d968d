#!/usr/bin/env python3
"""Checks that the README's samples are what the files hold and what the tool prints.

    scripts/check-readme.py [README.md] [--gyosei PATH]

A fenced block right after a marker comment is checked:

- `<!-- readme: output COMMAND -->`: COMMAND (its leading `gyosei` replaced by the binary,
  default .build/debug/gyosei) is run from the repository root, standard error into standard
  output as a terminal shows them, and what it prints must be the block's lines, but for a first
  line `$ COMMAND` (which must be the command) and lines `…`, which stand for any lines (none
  included). Progress lines are turned off (GYOSEI_PROGRESS_SECONDS is set past any run).
- `<!-- readme: excerpt FILE -->`: every line of the block but `…` is a line of FILE, compared
  with runs of spaces and tabs as one space, leading and trailing ones and a trailing comma
  dropped; a block line ending in `…` matches the start of a line.

Prints each failing block with what differs, and exits 1 if any fails.
"""
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = re.compile(r"^\s*<!-- readme: (output|excerpt) (.+?) -->\s*$")


def blocks(text):
    """(kind, argument, line number, block lines) for every marked block."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        match = MARKER.match(lines[index])
        if not match:
            index += 1
            continue
        start = index + 1
        if start >= len(lines) or not lines[start].strip().startswith("```"):
            yield match.group(1), match.group(2), index + 1, None
            index += 1
            continue
        indent = len(lines[start]) - len(lines[start].lstrip())
        end = start + 1
        while end < len(lines) and not lines[end].strip().startswith("```"):
            end += 1
        body = [line[indent:] if line[:indent].strip() == "" else line for line in lines[start + 1:end]]
        yield match.group(1), match.group(2), index + 1, body
        index = end + 1


def matches(expected, actual):
    """Whether the actual lines are the expected ones, `…` standing for any run of lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "…":
        return any(matches(rest, actual[skip:]) for skip in range(len(actual) + 1))
    return bool(actual) and actual[0] == head and matches(rest, actual[1:])


def check_output(command, body, gyosei):
    if body and body[0].startswith("$ "):
        if body[0][2:] != command:
            return [f"the block's first line runs `{body[0][2:]}`, the marker `{command}`"]
        body = body[1:]
    words = shlex.split(command)
    if words[0] != "gyosei":
        return [f"`{command}` does not run gyosei"]
    environment = dict(os.environ, GYOSEI_PROGRESS_SECONDS="1000000")
    run = subprocess.run(
        [gyosei] + words[1:], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env=environment)
    printed = run.stdout.decode("utf-8", "replace").rstrip("\n").split("\n")
    expected = [line.rstrip() for line in body]
    if matches(expected, [line.rstrip() for line in printed]):
        return []
    return ["it printed:"] + ["    " + line for line in printed] + ["the README says:"] + [
        "    " + line for line in body]


def normal(line):
    line = re.sub(r"[ \t]+", " ", line).strip()
    return line[:-1] if line.endswith(",") else line


def check_excerpt(path, body):
    try:
        with open(os.path.join(ROOT, path), encoding="utf-8") as handle:
            lines = {normal(line) for line in handle.read().split("\n")}
    except OSError as error:
        return [f"cannot read {path}: {error}"]
    problems = []
    for line in body:
        wanted = normal(line)
        if wanted == "…":
            continue
        if wanted.endswith("…"):
            prefix = wanted[:-1].rstrip()
            if any(candidate.startswith(prefix) for candidate in lines):
                continue
        elif wanted in lines:
            continue
        problems.append(f"not a line of {path}: {line.strip()}")
    return problems


def main():
    arguments = sys.argv[1:]
    gyosei = os.path.join(ROOT, ".build/debug/gyosei")
    if "--gyosei" in arguments:
        position = arguments.index("--gyosei")
        gyosei = os.path.abspath(arguments[position + 1])
        del arguments[position:position + 2]
    readme = arguments[0] if arguments else os.path.join(ROOT, "README.md")
    with open(readme, encoding="utf-8") as handle:
        text = handle.read()
    failures = 0
    count = 0
    for kind, argument, line, body in blocks(text):
        count += 1
        if body is None:
            problems = ["the marker is not followed by a fenced block"]
        elif kind == "output":
            problems = check_output(argument, body, gyosei)
        else:
            problems = check_excerpt(argument, body)
        if problems:
            failures += 1
            print(f"{readme}:{line}: {kind} {argument}")
            for problem in problems:
                print("  " + problem)
    print(f"check-readme: {count} samples, {count - failures} as the files and the tool say")
    if count == 0 or failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
