#!/usr/bin/env python3
"""Test images for signed documents (tests/scripts/sign.sh): a blue
handwritten-like signature and a red round seal, transparent PNGs with a
declared resolution (pHYs), so that their printed size is known.

Usage: stamp-png.py signature OUT.png | seal OUT.png [DIAMETER_MM]"""
import math
import struct
import sys
import zlib


def png(path, w, h, rgba, dpi):
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = bytearray()
    for y in range(h):
        raw.append(0)
        raw += rgba[y * w * 4:(y + 1) * w * 4]
    ppm = round(dpi / 0.0254)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)))
        f.write(chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)))
        f.write(chunk(b"IDAT", zlib.compress(bytes(raw), 9)))
        f.write(chunk(b"IEND", b""))


def dab(buf, w, h, cx, cy, r, rgb):
    """A round dab of ink of radius r (pixels) at (cx, cy), soft edge."""
    for y in range(max(0, int(cy - r - 1)), min(h, int(cy + r + 2))):
        for x in range(max(0, int(cx - r - 1)), min(w, int(cx + r + 2))):
            d = math.hypot(x + 0.5 - cx, y + 0.5 - cy)
            a = max(0.0, min(1.0, r - d + 0.5))
            if a <= 0:
                continue
            i = (y * w + x) * 4
            old = buf[i + 3]
            na = max(old, int(a * 255))
            buf[i:i + 3] = bytes(rgb)
            buf[i + 3] = na


def signature(path):
    w, h, dpi = 1000, 380, 600  # 42.3 x 16.1 mm
    buf = bytearray(w * h * 4)
    blue = (20, 50, 170)
    # a flowing signature: a loop, a long stroke and an underline flourish
    pts = []
    for k in range(1400):
        t = k / 1399.0
        x = 70 + 840 * t
        y = 180 + 90 * math.sin(t * 6 * math.pi) * (1 - t) + 40 * math.sin(t * 19 * math.pi) * t
        pts.append((x + 35 * math.cos(t * 12 * math.pi), y))
    for k in range(500):
        t = k / 499.0
        pts.append((140 + 780 * t, 320 - 80 * t * t))
    for x, y in pts:
        dab(buf, w, h, x, y, 11, blue)
    png(path, w, h, buf, dpi)


def seal(path, mm):
    dpi = 300
    n = int(round(mm / 25.4 * dpi))
    buf = bytearray(n * n * 4)
    red = (205, 20, 25)
    c = n / 2.0
    R = n / 2.0 - 2
    star_r = R * 0.28
    for y in range(n):
        for x in range(n):
            d = math.hypot(x + 0.5 - c, y + 0.5 - c)
            a = 0.0
            # outer ring and inner ring
            a = max(a, min(1.0, max(0.0, 0.5 + min(R - d, d - (R - n * 0.035)))))
            a = max(a, min(1.0, max(0.0, 0.5 + min(R * 0.66 - d, d - (R * 0.66 - n * 0.012)))))
            # letters around the band: short radial strokes
            ang = math.atan2(y + 0.5 - c, x + 0.5 - c)
            if R * 0.72 < d < R * 0.88 and math.sin(ang * 60) > 0.35 and not (0.9 < ang < 2.2):
                a = max(a, 1.0)
            # a five-pointed star in the middle
            th = (ang + math.pi / 2) % (2 * math.pi / 5) - math.pi / 5
            rr = star_r * math.cos(math.pi / 5) / math.cos(th) * 0.62 if d > 0 else 0
            edge = star_r * (0.38 + 0.62 * (1 - abs(th) / (math.pi / 5)))
            if d < max(rr, edge):
                a = 1.0
            if a > 0:
                i = (y * n + x) * 4
                buf[i:i + 3] = bytes(red)
                buf[i + 3] = int(a * 230)
    png(path, n, n, buf, dpi)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "signature":
        signature(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "seal":
        seal(sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 36)
    else:
        sys.exit(__doc__)
