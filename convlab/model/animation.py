"""Animated GIF and APNG writers in plain numpy + zlib (Qt can read GIFs, not write them).

Frames are (H, W, 3) uint8 arrays. Both writers call ``progress(done, total)``
after each frame and stop early (returning False) when it returns False.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from convlab.core import jit

Progress = Callable[[int, int], bool]


# --- GIF -------------------------------------------------------------------
def _keys(rgb: np.ndarray) -> np.ndarray:
    """Each pixel's colour as one number, 0xRRGGBB."""
    rgb = rgb.astype(np.uint32)
    return (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]


def _rgb(keys: np.ndarray) -> np.ndarray:
    """0xRRGGBB numbers back to (…, 3) colours."""
    return np.stack([keys >> 16, (keys >> 8) & 255, keys & 255], -1).astype(np.uint8)


def frame_palette(frames: Sequence[np.ndarray]) -> np.ndarray:
    """The 256 colours of a GIF of these frames: every colour they hold when
    there are no more than 256 (the player's flat cells keep their exact
    colours: a fixed 6×6×6 cube had turned pale pinks grey and made a red
    cell lilac), else the 216 most frequent and 40 greys for the edges of
    text. Counted on up to 32 frames spread over the run."""
    keys = np.concatenate([_keys(f).ravel() for f in frames[:: max(1, len(frames) // 32)]])
    colours, counts = np.unique(keys, return_counts=True)
    if colours.size > 256:
        greys = np.linspace(0, 255, 40).round().astype(np.uint32) * 0x010101
        colours = np.union1d(colours[np.argsort(counts)[::-1][:216]], greys)
    return _rgb(colours)


def quantize(rgb: np.ndarray, pal: np.ndarray) -> np.ndarray:
    """Palette index per pixel: its own colour where the palette has it, else
    the nearest (each distinct colour is looked up once)."""
    keys = _keys(pal)
    u, inv = np.unique(_keys(rgb).ravel(), return_inverse=True)
    order = np.argsort(keys)
    pos = order[np.searchsorted(keys[order], u).clip(0, keys.size - 1)]
    idx = pos.copy()
    miss = keys[pos] != u
    if miss.any():
        want = _rgb(u[miss]).astype(np.int32)
        d = ((want[:, None, :] - pal[None].astype(np.int32)) ** 2).sum(-1)
        idx[miss] = d.argmin(1)
    return idx[inv].reshape(rgb.shape[:2]).astype(np.uint8)


@jit()
def _lzw_codes(pixels, out):
    """LZW for GIF with 8-bit symbols; returns (count, widths) in ``out`` rows."""
    clear, end = 256, 257
    table = np.full((4096, 256), -1, np.int16)
    n, next_code, width = 0, 258, 9
    out[n, 0], out[n, 1] = clear, width
    n += 1
    prefix = np.int32(pixels[0])
    for k in range(1, pixels.shape[0]):
        s = pixels[k]
        code = table[prefix, s]
        if code >= 0:
            prefix = np.int32(code)
            continue
        out[n, 0], out[n, 1] = prefix, width
        n += 1
        if next_code < 4096:
            table[prefix, s] = next_code
            if next_code == (1 << width) and width < 12:
                width += 1
            next_code += 1
        else:
            out[n, 0], out[n, 1] = clear, width
            n += 1
            table[:, :] = -1
            next_code, width = 258, 9
        prefix = np.int32(s)
    out[n, 0], out[n, 1] = prefix, width
    n += 1
    # The decoder adds one more entry on reading that last code; if that fills
    # the current width it reads the end code one bit wider.
    if next_code == (1 << width) and width < 12:
        width += 1
    out[n, 0], out[n, 1] = end, width
    return n + 1


def _pack(codes: np.ndarray) -> bytes:
    """Codes of varying width, least significant bit first, into bytes."""
    bits = bytearray()
    acc = nbits = 0
    for code, width in codes:
        acc |= int(code) << nbits
        nbits += int(width)
        while nbits >= 8:
            bits.append(acc & 0xFF)
            acc >>= 8
            nbits -= 8
    if nbits:
        bits.append(acc & 0xFF)
    return bytes(bits)


def lzw(indices: np.ndarray) -> bytes:
    flat = np.ascontiguousarray(indices.reshape(-1), dtype=np.uint8)
    out = np.empty((2 * flat.size + 8, 2), np.int32)
    return _pack(out[: _lzw_codes(flat, out)])


def _blocks(data: bytes) -> bytes:
    return b"".join(bytes([len(data[k:k + 255])]) + data[k:k + 255]
                    for k in range(0, len(data), 255)) + b"\x00"


def same_size(frames: Sequence[np.ndarray], fill=(250, 250, 250)) -> list[np.ndarray]:
    """The frames padded at the bottom and right to the largest: a caption
    that wraps onto one more line makes a frame taller than the others."""
    h = max(f.shape[0] for f in frames)
    w = max(f.shape[1] for f in frames)
    out = []
    for f in frames:
        if f.shape[:2] != (h, w):
            g = np.empty((h, w, 3), np.uint8)
            g[...] = fill
            g[: f.shape[0], : f.shape[1]] = f
            f = g
        out.append(f)
    return out


def write_gif(path: str | Path, frames: Sequence[np.ndarray], delay_ms: int,
              progress: Progress | None = None) -> bool:
    frames = same_size(frames)
    h, w = frames[0].shape[:2]
    pal = frame_palette(frames)
    table = np.zeros((256, 3), np.uint8)  # unused entries black
    table[: len(pal)] = pal
    head = b"GIF89a" + struct.pack("<HHBBB", w, h, 0xF7, 0, 0) + table.tobytes()
    head += b"\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00"  # loop forever
    parts = [head]
    delay = max(2, round(delay_ms / 10))
    for k, f in enumerate(frames):
        parts.append(b"\x21\xF9\x04\x00" + struct.pack("<H", delay) + b"\x00\x00")
        parts.append(b"\x2C" + struct.pack("<HHHHB", 0, 0, w, h, 0))
        parts.append(b"\x08" + _blocks(lzw(quantize(f, pal))))
        if progress is not None and not progress(k + 1, len(frames)):
            return False
    Path(path).write_bytes(b"".join(parts) + b"\x3B")
    return True


# --- APNG ------------------------------------------------------------------
def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_apng(path: str | Path, frames: Sequence[np.ndarray], delay_ms: int,
               progress: Progress | None = None) -> bool:
    frames = same_size(frames)
    h, w = frames[0].shape[:2]
    parts = [b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)),
             _chunk(b"acTL", struct.pack(">II", len(frames), 0))]
    seq = 0
    for k, f in enumerate(frames):
        rows = np.concatenate([np.zeros((h, 1), np.uint8), f.reshape(h, w * 3)], axis=1)
        data = zlib.compress(rows.tobytes(), 6)
        parts.append(_chunk(b"fcTL", struct.pack(">IIIIIHHBB", seq, w, h, 0, 0,
                                                 int(delay_ms), 1000, 0, 0)))
        seq += 1
        if k == 0:
            parts.append(_chunk(b"IDAT", data))
        else:
            parts.append(_chunk(b"fdAT", struct.pack(">I", seq) + data))
            seq += 1
        if progress is not None and not progress(k + 1, len(frames)):
            return False
    Path(path).write_bytes(b"".join(parts) + _chunk(b"IEND", b""))
    return True
