#!/usr/bin/env python3
"""Times other width normalizers on the same text as `gyosei bench width` and prints ratios.

Usage: compare_width.py CORPUS_FILE GYOSEI_MB_PER_S
Each tool gets the whole text as one str (decoding is not timed), best of 5 runs.
"""
import sys
import time

import icu
import mojimoji
import neologdn


def best_rate(function, text, size, runs=5):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return size / 1e6 / best


def main():
    path, gyosei_rate = sys.argv[1], float(sys.argv[2])
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")
    nfkc = icu.Normalizer2.getNFKCInstance()
    tools = [
        ("ICU NFKC (PyICU %s)" % icu.ICU_VERSION, nfkc.normalize),
        ("mojimoji zen_to_han", mojimoji.zen_to_han),
        ("neologdn normalize", neologdn.normalize),
    ]
    print(f"{'tool':32} {'MB/s':>9} {'gyosei / tool':>14}")
    print(f"{'gyosei JapaneseWidth':32} {gyosei_rate:9.1f} {'1.00x':>14}")
    for name, function in tools:
        rate = best_rate(function, text, len(raw))
        print(f"{name:32} {rate:9.1f} {gyosei_rate / rate:13.2f}x")


if __name__ == "__main__":
    main()
