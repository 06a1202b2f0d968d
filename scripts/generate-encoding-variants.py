#!/usr/bin/env python3
"""Writes the real sheets in the encodings legacy files come in, into Corpus/variants/.

Each variant holds exactly the text of its sheet in Corpus/sheets/, so it must convert to the
same canonical document (only `id` and `source` differ). EUC-JP is written as Windows-born
systems write it (eucJP-ms, the table SourceReaders decodes with), so ① and ～ survive.

Run from the repository root: python3 scripts/generate-encoding-variants.py
"""
import os
import struct

SHEETS = "Corpus/sheets"
OUT = "Corpus/variants"

table = struct.unpack("<17672H", open("Sources/SourceReaders/Resources/eucjp.bin", "rb").read())
EUC = {}
for index in reversed(range(len(table))):  # the two-byte plane wins over JIS X 0212
    if table[index]:
        plane, rest = divmod(index, 94 * 94)
        row, cell = divmod(rest, 94)
        code = bytes([0xA1 + row, 0xA1 + cell])
        EUC[chr(table[index])] = (b"\x8f" if plane else b"") + code


def euc_jp(text):
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif 0xFF61 <= ord(ch) <= 0xFF9F:
            out += bytes([0x8E, ord(ch) - 0xFF61 + 0xA1])
        else:
            out += EUC[ch]
    return bytes(out)


VARIANTS = [
    ("ueda-objective-sheet-2024-fukushi", "cp932", lambda t: t.encode("cp932")),
    ("ueda-objective-sheet-2024-fukushi", "eucjp", euc_jp),
    ("ueda-objective-sheet-2024-fukushi", "utf16le", lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
    ("tomakomai-policy-evaluation-2020", "cp932", lambda t: t.encode("cp932")),
    # Without a byte order mark: told from its NULs.
    ("tomakomai-policy-evaluation-2020", "utf16be", lambda t: t.encode("utf-16-be")),
]

os.makedirs(OUT, exist_ok=True)
for name, label, encode in VARIANTS:
    text = open(f"{SHEETS}/{name}.txt", encoding="utf-8").read()
    data = encode(text)
    path = f"{OUT}/{name}.{label}.txt"
    open(path, "wb").write(data)
    print(path, len(data), "bytes")
