#!/usr/bin/env python3
"""Renders a `gyosei compare --format html` report in headless Chromium and checks what a
reader would see: the page is not blank, its Japanese headings are in the rendered page, a
Japanese font is there to draw them, and the inline SVG charts are drawn in the cities' colours.

usage: check-html-report.py REPORT.html PNG [--heading TEXT]... [--colour #RRGGBB]...

Exit status: 0 the page renders as expected, 1 a check failed, 2 Chromium is missing.
Standard library only (the PNG is decoded here, with zlib).
"""
import argparse
import html.parser
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(binary, args, profile):
    command = [
        binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--disable-dev-shm-usage", "--no-first-run", f"--user-data-dir={profile}",
    ] + args
    return subprocess.run(command, capture_output=True, timeout=180)


class Headings(html.parser.HTMLParser):
    """The text of h1–h4 elements of the DOM Chromium rendered."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.current = []
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3", "h4"):
            self.depth += 1
            self.current = []

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3", "h4") and self.depth:
            self.depth -= 1
            self.found.append("".join(self.current).strip())

    def handle_data(self, data):
        if self.depth:
            self.current.append(data)


def read_png(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as file:
        data = file.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    offset = 8
    idat = b""
    width = height = None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        offset += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise ValueError(f"unsupported PNG (bit depth {depth}, colour type {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    rows = []
    previous = bytearray(stride)
    position = 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(line)
        previous = line
    return width, height, channels, rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("png")
    parser.add_argument("--heading", action="append", default=[])
    parser.add_argument("--colour", action="append", default=[])
    parser.add_argument("--size", default="1400,5000")
    args = parser.parse_args()

    binary = chromium()
    if not binary:
        print("chromium is not installed (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    url = "file://" + os.path.abspath(args.report)
    failures = []
    with tempfile.TemporaryDirectory() as profile:
        dom = run_chromium(binary, ["--dump-dom", url], profile)
        if dom.returncode != 0:
            print(dom.stderr.decode(errors="replace")[-2000:], file=sys.stderr)
            failures.append(f"chromium --dump-dom exited {dom.returncode}")
        headings = Headings()
        headings.feed(dom.stdout.decode("utf-8", errors="replace"))
        for wanted in args.heading:
            if not any(wanted in found for found in headings.found):
                failures.append(f"no heading with '{wanted}' in the rendered page")
        shot = run_chromium(
            binary, [f"--screenshot={os.path.abspath(args.png)}", f"--window-size={args.size}", url],
            profile)
        if shot.returncode != 0 or not os.path.exists(args.png):
            print(shot.stderr.decode(errors="replace")[-2000:], file=sys.stderr)
            failures.append(f"chromium --screenshot exited {shot.returncode}")
            report(failures, headings)
            return 1

    fonts = subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True)
    if not fonts.stdout.strip():
        failures.append("no Japanese font (fc-list :lang=ja is empty): headings render as boxes")

    width, height, channels, rows = read_png(args.png)
    wanted = {c.lower(): 0 for c in args.colour}
    targets = {c: tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in wanted}
    ink = 0
    for row in rows:
        for x in range(0, width * channels, channels):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if r < 240 or g < 240 or b < 240:
                ink += 1
            for colour, (tr, tg, tb) in targets.items():
                if abs(r - tr) < 12 and abs(g - tg) < 12 and abs(b - tb) < 12:
                    wanted[colour] += 1
    share = ink / (width * height)
    print(f"{args.png}: {width}x{height}, {share:.1%} of the pixels inked; "
          + ", ".join(f"{c} {n} px" for c, n in wanted.items()))
    if share < 0.01:
        failures.append(f"the page is blank ({share:.2%} of the pixels are not white)")
    for colour, count in wanted.items():
        if count < 200:
            failures.append(f"the charts' colour {colour} covers only {count} pixels")
    return report(failures, headings)


def report(failures, headings):
    print(f"{len(headings.found)} headings rendered, among them: "
          + " / ".join(headings.found[:6]))
    for failure in failures:
        print("FAIL: " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
