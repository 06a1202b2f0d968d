#!/usr/bin/env python3
"""Writes the double-byte tables SourceReaders decodes CP932 and EUC-JP with.

Python's codecs are the reference: `cp932` (Windows' Shift_JIS, with the NEC and IBM rows that
municipal files use: ① ㈱ 髙 …) and `euc_jp` (JIS X 0208 and JIS X 0212). Each table is a run of
little-endian UInt16 code points, 0 where the byte pair means nothing:

  cp932.bin  lead bytes 0x81-0x9F and 0xE0-0xFC (60) x trail bytes 0x40-0xFC (189)
  eucjp.bin  the two-byte plane (0xA1-0xFE x 0xA1-0xFE, 94 x 94), then JIS X 0212 (after 0x8F),
             94 x 94

EUC-JP files from Windows-born systems (eucJP-ms) carry the same characters as CP932, ① and ～
included: the two-byte plane is read as CP932 reads the same JIS row and cell (so that 0xA1C1 is
～ U+FF5E in both, and row 13 holds ① ② …), falling back to Python's euc_jp where CP932 has
nothing.

Run from the repository root: python3 scripts/generate-encoding-tables.py
"""
import struct

LEADS = list(range(0x81, 0xA0)) + list(range(0xE0, 0xFD))
TRAILS = range(0x40, 0xFD)


def code_point(data, codec):
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return 0
    if len(text) != 1:
        return 0
    value = ord(text)
    assert value <= 0xFFFF, (data, codec, hex(value))
    return value


def write(path, values):
    with open(path, "wb") as out:
        out.write(struct.pack("<%dH" % len(values), *values))
    print(path, len(values), "entries,", sum(1 for v in values if v), "mapped")


cp932 = [code_point(bytes([lead, trail]), "cp932") for lead in LEADS for trail in TRAILS]
write("Sources/SourceReaders/Resources/cp932.bin", cp932)

def shift_jis(row, cell):
    """The CP932 bytes of JIS row and cell (1-94 each)."""
    j1, j2 = row + 0x20, cell + 0x20
    lead = ((j1 + 1) >> 1) + (0x70 if j1 <= 0x5E else 0xB0)
    if j1 % 2:
        trail = j2 + (0x1F if j2 <= 0x5F else 0x20)
    else:
        trail = j2 + 0x7E
    return bytes([lead, trail])


rows = range(0xA1, 0xFF)
jis0208 = [
    code_point(shift_jis(a - 0xA0, b - 0xA0), "cp932") or code_point(bytes([a, b]), "euc_jp")
    for a in rows
    for b in rows
]
jis0212 = [code_point(bytes([0x8F, a, b]), "euc_jp") for a in rows for b in rows]
write("Sources/SourceReaders/Resources/eucjp.bin", jis0208 + jis0212)
