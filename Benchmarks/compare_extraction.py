#!/usr/bin/env python3
"""Builds the line files for `gyosei bench date-lines|kanji-lines` and times japanera and kanjize.

Usage:
  compare_extraction.py prepare CORPUS_FILE OUT_DIR
      writes OUT_DIR/era-dates.txt (every full era date 令和7年8月7日 of the corpus, the form
      japanera's strptime reads, repeated to 200,000 lines) and OUT_DIR/kanji.txt (kanji numerals
      for the numbers of the corpus, written by kanjize, 200,000 lines)
  compare_extraction.py time OUT_DIR GYOSEI_DATE_LINES_PER_S GYOSEI_KANJI_LINES_PER_S
      times japanera and kanjize on the same lines, checks they read the same values as gyosei
      would (ISO dates, integers) and prints lines/s and ratios
"""
import re
import sys
import time

LINES = 200_000


def prepare(corpus, out):
    from kanjize import number2kanji
    text = open(corpus, encoding="utf-8").read()
    text = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)
    dates = sorted(set(re.findall(r"(?:令和|平成|昭和)(?:[0-9]{1,2}|元)年[0-9]{1,2}月[0-9]{1,2}日", text)))
    numbers = sorted({int(n.replace(",", "")) for n in re.findall(r"[0-9][0-9,]*", text) if 0 < int(n.replace(",", "")) < 10**12})
    kanji = [number2kanji(n) for n in numbers]
    for name, items in (("era-dates.txt", dates), ("kanji.txt", kanji)):
        with open(f"{out}/{name}", "w", encoding="utf-8") as f:
            f.write("\n".join(items[i % len(items)] for i in range(LINES)) + "\n")
    print(f"{len(dates)} distinct era dates, {len(kanji)} distinct kanji numerals, {LINES} lines each")


def best(function, items, runs=3):
    fastest = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for item in items:
            function(item)
        fastest = min(fastest, time.perf_counter() - start)
    return len(items) / fastest


def time_tools(out, gyosei_dates, gyosei_kanji):
    from japanera import EraDate
    from kanjize import kanji2number
    dates = open(f"{out}/era-dates.txt", encoding="utf-8").read().split()
    kanji = open(f"{out}/kanji.txt", encoding="utf-8").read().split()

    def japanera_parse(text):
        return EraDate.strptime(text, "%-K%-y年%m月%d日")[0].isoformat()

    # The same answers as gyosei: every distinct date's ISO form, every numeral's value.
    for text in sorted(set(dates)):
        iso = japanera_parse(text)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso), (text, iso)
    checksum_dates = sum(len(japanera_parse(text)) for text in dates)
    checksum_kanji = sum(kanji2number(text) for text in kanji)
    print(f"checksums (compare with gyosei's): dates {checksum_dates}, kanji {checksum_kanji}")
    japanera_rate = best(japanera_parse, dates)
    kanjize_rate = best(kanji2number, kanji)
    print(f"{'form':28} {'tool':12} {'lines/s':>12} {'gyosei / tool':>14}")
    print(f"{'era date 令和7年8月7日':24} {'gyosei':12} {gyosei_dates:12.0f} {'1.00x':>14}")
    print(f"{'':24} {'japanera':12} {japanera_rate:12.0f} {gyosei_dates / japanera_rate:13.1f}x")
    print(f"{'kanji numeral 三万五千':25} {'gyosei':12} {gyosei_kanji:12.0f} {'1.00x':>14}")
    print(f"{'':24} {'kanjize':12} {kanjize_rate:12.0f} {gyosei_kanji / kanjize_rate:13.1f}x")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "time":
        time_tools(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
    else:
        sys.exit(__doc__)
