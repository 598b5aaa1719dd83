"""Session files (``.convlab``): JSON with a schema version, written atomically.

Everything the user set is in it. The input is stored as its file path when it
came from an unedited file, otherwise as the array itself (base64 float32).
"""

from __future__ import annotations

import base64
import json
import math
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np

from convlab.core import PADDING_MODES
from convlab.model.document import MAX_KERNEL, MAX_OUT_CHANNELS, Document, Geometry, Pooling
from convlab.core.training import LOSSES, OPTIMIZERS
from convlab.model.learning import INITS, TRUE_SOURCES, LearnSettings

FORMAT = "convlab-session"
VERSION = 1
MAX_INPUT_VALUES = 64_000_000


class SessionError(ValueError):
    """A session file that cannot be used; the message says why, for the user."""


@dataclass(frozen=True, eq=False)
class Session:
    doc: Document  # includes the learning settings (doc.learn)
    image_path: str = ""  # when set, the input is read from this file

    @property
    def learn(self) -> LearnSettings:
        return self.doc.learn


# --- writing -------------------------------------------------------------
def encode_array(a: np.ndarray) -> dict:
    a = np.ascontiguousarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "float32": base64.b64encode(a.tobytes()).decode()}


def to_dict(s: Session) -> dict:
    d = s.doc
    image = {"name": d.image_name, "shape": list(d.image.shape)}
    if s.image_path or d.source:
        image["path"] = s.image_path or d.source
    else:
        image["array"] = encode_array(d.image)
    return {"format": FORMAT, "version": VERSION, "input": image,
            "weight": d.weight.tolist(), "bias": d.bias.tolist(),
            "selected": list(d.selected), "geometry": asdict(d.geometry),
            "pooling": asdict(d.pooling), "learning": asdict(d.learn)}


def save(path: str | Path, s: Session) -> None:
    """Write atomically: a crash mid-write leaves the old file, never half a file."""
    path = Path(path)
    text = json.dumps(to_dict(s), allow_nan=False)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- reading -------------------------------------------------------------
def load(path: str | Path) -> Session:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise SessionError(f"the session file could not be read ({exc.strerror})") from None
    return loads(raw)


def loads(raw: bytes | str) -> Session:
    """Parse and check a session; anything wrong raises SessionError."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise SessionError("this is not a ConvLab session: it is not valid JSON "
                           "(is the file truncated?)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionError("this JSON file is not a ConvLab session")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise SessionError("the session has no valid schema version")
    if version > VERSION:
        raise SessionError(f"the session was written by a newer ConvLab (schema {version}; "
                           f"this version reads up to {VERSION}); update ConvLab to open it")
    try:
        return _session(data)
    except SessionError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, OverflowError, AttributeError) as exc:
        raise SessionError(f"the session is damaged ({_describe(exc)})") from None


def _describe(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"missing {exc}"
    return "a field has the wrong type or value"


def _session(data: dict) -> Session:
    weight = _finite_array(data["weight"], "the kernel", ndim=4)
    co, ci, kh, kw = weight.shape
    if not (1 <= co <= MAX_OUT_CHANNELS and 1 <= kh <= MAX_KERNEL and 1 <= kw <= MAX_KERNEL):
        raise SessionError(f"the kernel's shape {weight.shape} is outside what ConvLab edits")
    bias = _finite_array(data["bias"], "the bias", ndim=1)
    if bias.shape != (co,):
        raise SessionError("the session has a bias count that does not match its kernel")
    image, path, name = _image(data["input"], ci)
    sel = tuple(int(v) for v in data.get("selected", (0, 0)))
    if len(sel) != 2 or not (0 <= sel[0] < co and 0 <= sel[1] < ci):
        sel = (0, 0)
    doc = Document(image=image, weight=weight, bias=bias, image_name=name,
                   geometry=_geometry(data["geometry"]), pooling=_pooling(data["pooling"]),
                   selected=sel, learn=_learn(data.get("learning", {})))
    return Session(doc, path)


def _finite_array(value, what: str, ndim: int) -> np.ndarray:
    a = np.asarray(value, dtype=float)
    if a.ndim != ndim or a.size == 0:
        raise SessionError(f"{what} in the session has the wrong shape")
    if not np.all(np.isfinite(a)):
        raise SessionError(f"{what} in the session holds NaN or infinity")
    return a


def _image(spec: dict, channels: int) -> tuple[np.ndarray, str, str]:
    name = str(spec.get("name", "input"))
    shape = tuple(int(v) for v in spec["shape"])
    if len(shape) != 3 or min(shape) < 1 or math.prod(shape) > MAX_INPUT_VALUES:
        raise SessionError(f"the input's shape {shape} is not a usable image")
    if shape[0] != channels:
        raise SessionError("the session's input and kernel disagree on the channel count")
    if "array" in spec:
        arr = spec["array"]
        raw = base64.b64decode(arr["float32"], validate=True)
        if len(raw) != 4 * math.prod(shape) or tuple(arr["shape"]) != shape:
            raise SessionError("the input array in the session is truncated")
        return np.frombuffer(raw, np.float32).reshape(shape).copy(), "", name
    path = str(spec["path"])
    return np.zeros(shape, np.float32), path, name  # the window reads the file


def _geometry(g: dict) -> Geometry:
    pad = tuple(int(v) for v in g["pad"])
    stride, dil = tuple(int(v) for v in g["stride"]), tuple(int(v) for v in g["dilation"])
    if len(pad) != 4 or min(pad) < 0 or len(stride) != 2 or len(dil) != 2 \
            or min(stride + dil) < 1 or max(pad) > 4096:
        raise SessionError("the session's padding, stride or dilation is invalid")
    if g["mode"] not in PADDING_MODES:
        raise SessionError(f"the session's padding mode {g['mode']!r} is not known")
    return Geometry(pad, g["mode"], stride, dil, bool(g["flip"]))


def _pooling(p: dict) -> Pooling:
    window = tuple(int(v) for v in p["window"])
    stride = None if p["stride"] is None else tuple(int(v) for v in p["stride"])
    pad = tuple(int(v) for v in p["pad"])
    if len(window) != 2 or min(window) < 1 or len(pad) != 4 or min(pad) < 0 \
            or (stride is not None and (len(stride) != 2 or min(stride) < 1)) \
            or p["mode"] not in ("max", "avg"):
        raise SessionError("the session's pooling settings are invalid")
    return Pooling(bool(p["enabled"]), p["mode"], window, stride, pad)


_CHOICES = {"true_source": TRUE_SOURCES, "init": INITS, "optimizer": OPTIMIZERS,
            "loss": LOSSES}


def _learn(values) -> LearnSettings:
    """Learning settings: unknown or bad values fall back to the defaults."""
    default = LearnSettings()
    values = values if isinstance(values, dict) else {}
    kwargs = {f.name: _setting(f.name, values.get(f.name), getattr(default, f.name))
              for f in fields(LearnSettings)}
    return LearnSettings(**kwargs)


def _setting(name: str, v, base):
    if isinstance(base, bool):
        return v if isinstance(v, bool) else base
    if isinstance(base, float):
        ok = isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
        return float(v) if ok and v >= 0 else base
    if isinstance(base, int):
        return v if isinstance(v, int) and not isinstance(v, bool) and v > 0 else base
    return v if v in _CHOICES.get(name, (v,)) and isinstance(v, str) else base
