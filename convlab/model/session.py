"""Session files (``.convlab``): JSON with a schema version, written atomically.

Everything the user set is in it. The input is stored as its file path when it
came from an unedited file, otherwise as the array itself (base64 float32).
"""

from __future__ import annotations

import base64
import json
import math
import os
import stat
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np

from convlab.model import limits
from convlab.model.document import Document, Geometry, Pooling
from convlab.model.learn_problem import LearnSettings
from convlab.model.limits import LimitError

FORMAT = "convlab-session"
VERSION = 1


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
    limits.check_document(s.doc)  # never write what could not be read back
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
def regular_file(path: str | Path, what: str = "the file") -> Path:
    """``path`` if it is an ordinary file; FIFOs, devices and folders are refused
    before anything is read from them (reading one could hang or never end)."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise SessionError(f"{what} could not be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not an ordinary file"
        raise SessionError(f"{what} is {kind} (a FIFO, device or folder cannot be opened)")
    return path


def load(path: str | Path) -> Session:
    path = regular_file(path, "the session file")
    try:
        with path.open("rb") as f:
            raw = f.read(limits.MAX_SESSION_BYTES + 1)
    except OSError as exc:
        raise SessionError(f"the session file could not be read ({exc.strerror})") from None
    if len(raw) > limits.MAX_SESSION_BYTES:
        raise SessionError(f"the session file is larger than "
                           f"{limits.MAX_SESSION_BYTES // 2**20} MB, more than any session "
                           "ConvLab writes")
    return loads(raw)


def loads(raw: bytes | str) -> Session:
    """Parse and check a session; anything wrong raises SessionError. Every value
    passes the same checks as an edit (model/limits.py)."""
    if len(raw) > limits.MAX_SESSION_BYTES:
        raise SessionError("the session is larger than any session ConvLab writes")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise SessionError("this is not a ConvLab session: it is not valid JSON "
                           "(is the file truncated?)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionError("this JSON file is not a ConvLab session")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SessionError("the session has no valid schema version")
    if version > VERSION:
        raise SessionError(f"the session was written by a newer ConvLab (schema {version}; "
                           f"this version reads up to {VERSION}); update ConvLab to open it")
    try:
        return _session(data)
    except SessionError:
        raise
    except LimitError as exc:
        raise SessionError(f"{exc}") from None
    except (KeyError, TypeError, ValueError, IndexError, OverflowError, AttributeError,
            RecursionError, MemoryError) as exc:
        raise SessionError(f"the session is damaged ({_describe(exc)})") from None


def _describe(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"missing {exc}"
    return "a field has the wrong type or value"


def _session(data: dict) -> Session:
    weight = _finite_array(data["weight"], "the kernel", ndim=4)
    co, ci, _, _ = weight.shape
    bias = _finite_array(data["bias"], "the bias", ndim=1)
    if bias.shape != (co,):
        raise SessionError("the session has a bias count that does not match its kernel")
    image, path, name = _image(data["input"], ci)
    sel = data.get("selected", [0, 0])
    sel = tuple(limits.check_ints(sel, "the selected kernel slice", ("output", "input"), 0,
                                  limits.MAX_IN_CHANNELS))
    if not (sel[0] < co and sel[1] < ci):
        raise SessionError(f"the selected kernel slice {sel} does not exist")
    doc = Document(image=image, weight=weight, bias=bias, image_name=name,
                   geometry=_geometry(data["geometry"]), pooling=_pooling(data["pooling"]),
                   selected=sel, learn=_learn(data.get("learning", {})))
    limits.check_document(doc)
    return Session(doc, path)


def _nested_shape(value, ndim: int) -> tuple[int, ...]:
    """The shape of nested lists, read from their lengths (cheap, before any
    conversion, so 3,000 channels are refused at once)."""
    shape = []
    for _ in range(ndim):
        if not isinstance(value, list) or not value:
            raise SessionError("an array in the session has the wrong shape")
        shape.append(len(value))
        value = value[0]
    return tuple(shape)


def _finite_array(value, what: str, ndim: int) -> np.ndarray:
    shape = _nested_shape(value, ndim)
    if ndim == 4:
        limits.check_weight_shape(shape)
    elif shape[0] > limits.MAX_OUT_CHANNELS:
        raise SessionError(f"{what} in the session has more than "
                           f"{limits.MAX_OUT_CHANNELS} values")
    a = np.asarray(value, dtype=float)
    if a.ndim != ndim or a.size == 0:
        raise SessionError(f"{what} in the session has the wrong shape")
    if not np.all(np.isfinite(a)):
        raise SessionError(f"{what} in the session holds NaN or infinity")
    limits.check_values(a, what)
    return a


def _image(spec: dict, channels: int) -> tuple[np.ndarray, str, str]:
    name = spec.get("name", "input")
    if not isinstance(name, str) or len(name) > limits.MAX_PATH_CHARS:
        raise SessionError("the input's name in the session is not a short text")
    raw_shape = spec["shape"]
    if not isinstance(raw_shape, list) or len(raw_shape) != 3:
        raise SessionError(f"the input's shape {raw_shape!r} is not a usable image")
    shape = limits.check_input_shape(tuple(limits.check_int(v, "the input's size", 1,
                                                            limits.MAX_INPUT_VALUES)
                                           for v in raw_shape))
    if shape[0] != channels:
        raise SessionError("the session's input and kernel disagree on the channel count")
    if "array" in spec:
        arr = spec["array"]
        text = arr["float32"]
        if not isinstance(text, str) or len(text) > 4 * (4 * math.prod(shape) + 2) // 3 + 4:
            raise SessionError("the input array in the session is truncated or too long")
        raw = base64.b64decode(text, validate=True)
        if len(raw) != 4 * math.prod(shape) or tuple(arr["shape"]) != shape:
            raise SessionError("the input array in the session is truncated")
        return np.frombuffer(raw, np.float32).reshape(shape).copy(), "", name
    path = spec["path"]
    if not isinstance(path, str) or not path or len(path) > limits.MAX_PATH_CHARS:
        raise SessionError(f"the input's file path must be a text of 1 to "
                           f"{limits.MAX_PATH_CHARS} characters")
    return np.zeros(shape, np.float32), path, name  # the window reads the file


def _geometry(g: dict) -> Geometry:
    _mapping(g, "geometry")
    geometry = Geometry(tuple(g["pad"]), g["mode"], tuple(g["stride"]),
                        tuple(g["dilation"]), g["flip"])
    try:
        limits.check_geometry(geometry)
    except LimitError as exc:
        raise SessionError(f"the session's padding, stride or dilation is invalid: "
                           f"{exc}") from None
    return geometry


def _pooling(p: dict) -> Pooling:
    _mapping(p, "pooling")
    stride = None if p["stride"] is None else tuple(p["stride"])
    pooling = Pooling(p["enabled"], p["mode"], tuple(p["window"]), stride, tuple(p["pad"]))
    try:
        limits.check_pooling(pooling)
    except LimitError as exc:
        raise SessionError(f"the session's pooling settings are invalid: {exc}") from None
    return pooling


def _mapping(d, what: str) -> None:
    if not isinstance(d, dict):
        raise SessionError(f"the session's {what} is not a set of named values")


def _learn(values) -> LearnSettings:
    """Learning settings: a missing one takes its default (older sessions); one
    present but outside its range is refused, naming it."""
    if not isinstance(values, dict):
        raise SessionError("the session's learning settings are not a set of named values")
    default = LearnSettings()
    kwargs = {}
    for f in fields(LearnSettings):
        if f.name not in values:
            kwargs[f.name] = getattr(default, f.name)
            continue
        try:
            kwargs[f.name] = limits.check_learn_value(f.name, values[f.name])
        except LimitError as exc:
            raise SessionError(f"the session's learning settings are invalid: {exc}") from None
    return LearnSettings(**kwargs)
