#!/usr/bin/env python3
"""Write damaged copies of a TrueType font, one per folder OUT/NAME/font.ttf,
as a font "from the web" may be damaged: wrapped cmap offsets, a format-12
group count never capped, numGlyphs = 0, composite glyph indices out of range,
a truncated file, tables pointing outside the file.
Usage: corrupt-fonts.py FONT OUT"""
import os
import struct
import sys

src, out = sys.argv[1], sys.argv[2]
data = open(src, "rb").read()


def tables(d):
    n = struct.unpack(">H", d[4:6])[0]
    t = {}
    for i in range(n):
        e = 12 + 16 * i
        tag = d[e:e + 4].decode("latin-1")
        off, length = struct.unpack(">II", d[e + 8:e + 16])
        t[tag] = (e, off, length)
    return t


T = tables(data)


def put(d, at, fmt, *v):
    d[at:at + struct.calcsize(fmt)] = struct.pack(fmt, *v)


def variant(name, fn):
    d = bytearray(data)
    fn(d)
    os.makedirs(os.path.join(out, name), exist_ok=True)
    open(os.path.join(out, name, "font.ttf"), "wb").write(bytes(d))


def cmap_records(d):
    _, off, _ = T["cmap"]
    n = struct.unpack(">H", d[off + 2:off + 4])[0]
    return off, [(off + 4 + 8 * i) for i in range(n)]


def wrapped_cmap(d):
    off, recs = cmap_records(d)
    for r in recs:
        put(d, r + 4, ">I", 0xFFFFFFF0)


def format12_groups(d):
    # make every subtable a format-12 header with a huge group count
    off, recs = cmap_records(d)
    for r in recs:
        sub = off + struct.unpack(">I", d[r + 4:r + 8])[0]
        put(d, sub, ">HHII", 12, 0, 0xFFFFFFF0, 0)
        put(d, sub + 12, ">I", 0x7FFFFFFF)


def zero_glyphs(d):
    put(d, T["maxp"][1] + 4, ">H", 0)


def composite_out_of_range(d):
    head = T["head"][1]
    long_loca = struct.unpack(">h", d[head + 50:head + 52])[0] == 1
    _, loca, _ = T["loca"]
    _, glyf, _ = T["glyf"]
    ng = struct.unpack(">H", d[T["maxp"][1] + 4:T["maxp"][1] + 6])[0]
    hit = 0
    for g in range(ng):
        if long_loca:
            a = struct.unpack(">I", d[loca + 4 * g:loca + 4 * g + 4])[0]
        else:
            a = 2 * struct.unpack(">H", d[loca + 2 * g:loca + 2 * g + 2])[0]
        at = glyf + a
        if struct.unpack(">h", d[at:at + 2])[0] == -1:
            put(d, at + 12, ">H", 0xFFFE)  # first component's glyph index
            hit += 1
    assert hit, "no composite glyph"


def hmetrics(d):
    put(d, T["hhea"][1] + 34, ">H", 0xFFFF)


def zero_upem(d):
    put(d, T["head"][1] + 18, ">H", 0)


def glyf_outside(d):
    e, _, _ = T["glyf"]
    put(d, e + 8, ">II", len(d) - 4, 0x10000000)


def loca_wild(d):
    _, loca, length = T["loca"]
    for i in range(0, length - 3, 4):
        put(d, loca + i, ">I", 0xFFFFFFFF - i)


variant("wrapped-cmap", wrapped_cmap)
variant("format12-groups", format12_groups)
variant("zero-glyphs", zero_glyphs)
variant("composite-out-of-range", composite_out_of_range)
variant("hmetrics", hmetrics)
variant("zero-upem", zero_upem)
variant("glyf-outside", glyf_outside)
variant("loca-wild", loca_wild)
variant("truncated", lambda d: d.__delitem__(slice(len(d) // 2, None)))
variant("garbage", lambda d: d.__setitem__(slice(12, None), bytes((i * 7) & 255 for i in range(len(d) - 12))))
