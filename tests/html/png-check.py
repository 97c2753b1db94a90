#!/usr/bin/env python3
"""png-check.py FILE WIDTH HEIGHT: the file is a PNG of that size that shows
something. Decodes the image with the standard library only (zlib, and the
PNG row filters by hand), so the tests need no imaging package. Not blank
means: more than a handful of colours, and at least 2% of the pixels differ
from the commonest one (the page's background). Prints why it fails."""
import struct
import sys
import zlib


def chunks(data):
    pos = 8
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        yield kind, data[pos + 8:pos + 8 + n]
        pos += 12 + n


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def rows(raw, width, height, bpp):
    stride, prev, pos = width * bpp, bytearray(width * bpp), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
            pred = (0, left, up, (left + up) // 2, paeth(left, up, corner))[kind]
            line[i] = (line[i] + pred) & 0xFF
        yield line
        prev = line


def main():
    path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return "not a PNG"
    parts = dict()
    idat = b""
    for kind, body in chunks(data):
        if kind == b"IDAT":
            idat += body
        parts.setdefault(kind, body)
    w, h, depth, colour = struct.unpack(">IIBB", parts[b"IHDR"][:10])
    if (w, h) != (want_w, want_h):
        return "%dx%d, want %dx%d" % (w, h, want_w, want_h)
    bpp = {2: 3, 6: 4}.get(colour)
    if depth != 8 or not bpp:
        return "unexpected PNG format (depth %d, colour type %d)" % (depth, colour)
    counts = {}
    for line in rows(zlib.decompress(idat), w, h, bpp):
        for i in range(0, len(line), bpp * 4):   # every fourth pixel is enough
            px = bytes(line[i:i + 3])
            counts[px] = counts.get(px, 0) + 1
    total, common = sum(counts.values()), max(counts.values())
    if len(counts) < 8 or (total - common) * 50 < total:
        return "blank: %d colours, %.1f%% off the background" % (len(counts), 100.0 * (total - common) / total)
    return None


if __name__ == "__main__":
    why = main()
    if why:
        print(why)
        sys.exit(1)
