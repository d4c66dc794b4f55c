#!/usr/bin/env python3
"""Draws Trygg's two Teams icons: a shield with a check mark (safe, handled).

  color.png    192x192, opaque: a white shield on the accent colour, the check mark in the accent colour
  outline.png   32x32, white on transparent (Teams' rule for outline icons): the shield's outline and the mark

Pure standard library (zlib), 4x4 supersampling for smooth edges, byte-for-byte reproducible:
    python3 manifest/draw_icons.py        # rewrites manifest/color.png and manifest/outline.png
"""
import math
import os
import struct
import zlib

ACCENT = (0x1B, 0x4F, 0x72)  # manifest.json accentColor
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4


def shield_half_width(v):
    """Half-width (in units of the shield's half-width) at height v in [0, 1] from top to tip: straight
    sides for the upper half, then 1 - t^2, which meets the sides smoothly and ends in a point."""
    if v < 0 or v > 1:
        return -1.0
    if v <= 0.45:
        return 1.0
    t = (v - 0.45) / 0.55
    return 1.0 - t * t


def in_shield(x, y, cx, top, half_w, height, corner):
    """Point (x, y) inside the shield whose top edge is centred at (cx, top)."""
    v = (y - top) / height
    hw = shield_half_width(v) * half_w
    if hw <= 0 or abs(x - cx) > hw:
        return False
    # rounded top corners
    dx = abs(x - cx) - (half_w - corner)
    dy = (top + corner) - y
    if dx > 0 and dy > 0:
        return dx * dx + dy * dy <= corner * corner
    return True


def segment_distance(px, py, ax, ay, bx, by):
    abx, aby = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * abx + (py - ay) * aby) / (abx * abx + aby * aby)))
    qx, qy = ax + t * abx, ay + t * aby
    return math.hypot(px - qx, py - qy)


def in_check(x, y, cx, top, half_w, height, thickness):
    """A check mark inside the shield, in the shield's own proportions."""
    pts = [(-0.42, 0.47), (-0.10, 0.70), (0.45, 0.24)]
    pts = [(cx + u * half_w, top + v * height) for u, v in pts]
    d = min(segment_distance(x, y, *pts[0], *pts[1]), segment_distance(x, y, *pts[1], *pts[2]))
    return d <= thickness / 2


def coverage(size, inside):
    """Fraction of each pixel's SAMPLES x SAMPLES sub-samples for which inside(x, y) holds."""
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            hits = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    if inside(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES):
                        hits += 1
            row.append(hits / (SAMPLES * SAMPLES))
        rows.append(row)
    return rows


def write_png(path, size, pixels):
    """pixels: rows of (r, g, b, a) tuples. 8-bit RGBA, no interlace, filter 0 on every row."""
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def blend(under, over, a):
    return tuple(round(u + (o - u) * a) for u, o in zip(under, over))


def draw_color(path):
    size = 192
    cx, top, half_w, height, corner = 96.0, 40.0, 46.0, 112.0, 8.0
    shield = coverage(size, lambda x, y: in_shield(x, y, cx, top, half_w, height, corner))
    check = coverage(size, lambda x, y: in_check(x, y, cx, top, half_w, height, 13.0))
    pixels = [[blend(blend(ACCENT, WHITE, shield[y][x]), ACCENT, min(check[y][x], shield[y][x])) + (255,)
               for x in range(size)] for y in range(size)]
    write_png(path, size, pixels)


def draw_outline(path):
    size = 32
    cx, top, half_w, height, corner, stroke = 16.0, 2.0, 12.0, 28.0, 2.5, 2.0

    def outline(x, y):
        outer = in_shield(x, y, cx, top, half_w, height, corner)
        inner = in_shield(x, y, cx, top + stroke, half_w - stroke, height - 2.6 * stroke, max(corner - stroke, 0.5))
        return outer and not inner

    ring = coverage(size, outline)
    check = coverage(size, lambda x, y: in_check(x, y, cx, top, half_w, height, 2.4))
    pixels = [[WHITE + (round(255 * max(ring[y][x], check[y][x])),) for x in range(size)] for y in range(size)]
    write_png(path, size, pixels)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    draw_color(os.path.join(here, "color.png"))
    draw_outline(os.path.join(here, "outline.png"))
