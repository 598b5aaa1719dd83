"""The limits every value must respect before it enters a Document, and the checks.

One table for the whole app: the session loader, the autosave, paste, typed
cells, the command line, the file dialogs and ``Controller.apply`` all check
against these, and the widgets take their ranges from them (a widget never
clamps a value it shows). Each limit keeps memory and time bounded for any
input (see the README's *Nothing is lost* section, which quotes these numbers).

A value outside a limit raises :class:`LimitError`, whose message names the
field and its allowed range, e.g. "the stride (rows) is 100; allowed: 1 to 64".
"""

from __future__ import annotations

import math
import numbers

import numpy as np

MAX_KERNEL = 15  # kernel height and width, 1..15
MAX_OUT_CHANNELS = 8  # output channels, 1..8
MAX_IN_CHANNELS = 16  # input channels, 1..16 (a colour image has 3)
MAX_PAD = 128  # padding per side, 0..128 ("full" padding of a 15-wide kernel at dilation 8 is 112)
MAX_STRIDE = 64  # stride per axis, 1..64
MAX_DILATION = 8  # dilation per axis, 1..8
MAX_POOL_WINDOW = 64  # pooling window per axis, 1..64
MAX_POOL_STRIDE = 64  # pooling stride per axis, 1..64
MAX_POOL_PAD = 32  # pooling padding per side, 0..32
MAX_SIDE = 2048  # input height and width in pixels; larger images are scaled down on open
MAX_INPUT_PIXELS = MAX_SIDE * MAX_SIDE  # per channel
MAX_INPUT_VALUES = 3 * MAX_INPUT_PIXELS  # channels × pixels (a 2048² colour image)
MAX_OUTPUT_VALUES = MAX_INPUT_VALUES  # output channels × output pixels (memory: 1.5 GB in all)
MAX_VALUE = 1e30  # |any kernel, bias or input value|; float32 holds up to 3.4e38
MIN_TYPED = float(np.finfo(np.float32).tiny)  # smallest non-zero |number| typed (1.2e-38)

# Files and text.
MAX_SESSION_BYTES = 96 * 2**20  # a session file (a 2048² colour input in base64 is 67 MB)
MAX_PATH_CHARS = 4096  # a file path stored in a session
MAX_PASTE_CHARS = 100_000  # text pasted into a grid (64×64 numbers of 24 characters)
DECODE_BUDGET_MB = 256  # memory one image may take while it is decoded

# Learning settings.
MAX_LR = 1000.0  # learning rate, (0, 1000]
MAX_STEPS = 10_000_000  # maximum steps, 1..10^7
MAX_SEED = 2**31 - 1  # random seed, 0..2^31 − 1
MAX_NOISE = 1e6  # target noise (standard deviation), 0..10^6
MAX_THRESHOLD = 1e30  # stop threshold on the loss, 0..10^30
MAX_STEPS_PER_SECOND = 1000.0  # animation speed, 0 (as fast as possible)..1000

POOL_MODES = ("max", "avg")
AXES = ("rows", "columns")
SIDES = ("top", "bottom", "left", "right")


def part(what: str, name: str) -> str:
    """One part of a setting as messages name it: "the stride (rows)"."""
    return f"{what} ({name})"


class LimitError(ValueError):
    """A value outside the documented limits; the message is for the user."""


# --- single values --------------------------------------------------------------
def check_int(value, what: str, lo: int, hi: int) -> int:
    """``value`` as an int in lo..hi (a bool or a float is not an int)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise LimitError(f"{what} must be a whole number from {lo} to {hi}, not {_show(value)}")
    if not lo <= value <= hi:
        raise LimitError(f"{what} is {_show(value)}; allowed: {lo} to {hi}")
    return int(value)


def check_float(value, what: str, lo: float, hi: float, above_lo: bool = False) -> float:
    """``value`` as a finite float in [lo, hi] (or (lo, hi] with ``above_lo``)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise LimitError(f"{what} must be a number, not {_show(value)}")
    v = float(value)
    low_ok = v > lo if above_lo else v >= lo
    if not (math.isfinite(v) and low_ok and v <= hi):
        allowed = (f"more than {lo:g} and at most {hi:g}" if above_lo
                   else f"from {lo:g} to {hi:g}")
        raise LimitError(f"{what} is {_show(value)}; allowed: {allowed}")
    return v


def check_bool(value, what: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise LimitError(f"{what} must be true or false, not {_show(value)}")
    return bool(value)


def check_choice(value, what: str, choices) -> str:
    if not isinstance(value, str) or value not in choices:
        raise LimitError(f"{what} is {_show(value)}; choose one of "
                         f"{', '.join(map(repr, choices))}")  # the values a session holds
    return value


def check_ints(values, what: str, names, lo: int, hi: int) -> tuple[int, ...]:
    """A tuple of ints, one per name (e.g. rows, columns), each in lo..hi."""
    values = tuple(values) if isinstance(values, (tuple, list)) else None
    if values is None or len(values) != len(names):
        raise LimitError(f"{what} must be {len(names)} whole numbers ({', '.join(names)})")
    return tuple(check_int(v, part(what, n), lo, hi) for v, n in zip(values, names))


def check_number(v: float, what: str = "a number") -> float:
    """A typed or pasted number: finite, |v| ≤ MAX_VALUE, and not so small that
    32-bit floats turn it into 0 without a word."""
    if not math.isfinite(v) or abs(v) > MAX_VALUE:
        raise LimitError(f"{what} ({_show(v)}) is too large; allowed: −1e30 to 1e30")
    if v != 0 and abs(v) < MIN_TYPED:
        raise LimitError(f"{what} ({_show(v)}) is too small: ConvLab's 32-bit numbers would "
                         f"turn it into 0; type 0 or a size of at least {MIN_TYPED:.2g}")
    return float(v)


# --- arrays ---------------------------------------------------------------------
def check_shape(shape, what: str, names, limits) -> tuple[int, ...]:
    """A shape checked axis by axis, e.g. names ("output channels", …)."""
    if len(shape) != len(names):
        raise LimitError(f"{what} must have {len(names)} dimensions, not {len(shape)}")
    return tuple(check_int(int(n), _axis(what, name), 1, hi)
                 for n, name, hi in zip(shape, names, limits))


def _axis(what: str, name: str) -> str:
    """How a message names an axis: "the kernel's height", "the number of the
    kernel's output channels" (not "the kernel's output channels is 20")."""
    return f"the number of {what}'s {name}" if name.endswith("channels") else f"{what}'s {name}"


def check_values(a: np.ndarray, what: str) -> None:
    """Every value finite and within ±MAX_VALUE."""
    with np.errstate(invalid="ignore"):
        bad = ~(np.abs(a) <= MAX_VALUE)  # NaN compares False
    if bad.any():
        v = float(np.asarray(a)[bad].flat[0])
        kind = "NaN or infinity" if not math.isfinite(v) else f"{v:g}"
        raise LimitError(f"{what} would hold {kind}; allowed: numbers from −1e30 to 1e30")


def check_input_shape(shape) -> tuple[int, int, int]:
    c, h, w = check_shape(shape, "the input", ("channels", "height", "width"),
                          (MAX_IN_CHANNELS, MAX_SIDE, MAX_SIDE))
    if c * h * w > MAX_INPUT_VALUES:
        raise LimitError(f"the input has {c}×{h}×{w} = {c * h * w:,} values; allowed: up to "
                         f"{MAX_INPUT_VALUES:,} (a {MAX_SIDE}×{MAX_SIDE} colour image)")
    return c, h, w


def check_weight_shape(shape) -> tuple[int, int, int, int]:
    return check_shape(shape, "the kernel", ("output channels", "input channels", "height",
                                             "width"),
                       (MAX_OUT_CHANNELS, MAX_IN_CHANNELS, MAX_KERNEL, MAX_KERNEL))


# --- whole settings -------------------------------------------------------------
def check_geometry(g) -> None:
    from convlab.core import PADDING_MODES

    check_ints(g.pad, "the padding", SIDES, 0, MAX_PAD)
    check_choice(g.mode, "the padding mode", PADDING_MODES)
    check_ints(g.stride, "the stride", AXES, 1, MAX_STRIDE)
    check_ints(g.dilation, "the dilation", AXES, 1, MAX_DILATION)
    check_bool(g.flip, "“flip” (convolution rather than cross-correlation)")


def check_pooling(p) -> None:
    check_bool(p.enabled, "pooling on/off")
    check_choice(p.mode, "the pooling mode", POOL_MODES)
    check_ints(p.window, "the pooling window", AXES, 1, MAX_POOL_WINDOW)
    if p.stride is not None:
        check_ints(p.stride, "the pooling stride", AXES, 1, MAX_POOL_STRIDE)
    check_ints(p.pad, "the pooling padding", SIDES, 0, MAX_POOL_PAD)


def check_output_size(doc) -> None:
    """The output (what the window keeps several views of) stays within
    MAX_OUTPUT_VALUES; settings with no valid output cost nothing."""
    from convlab.core import output_shape

    g, (c, h, w) = doc.geometry, doc.image.shape
    try:
        oh, ow = output_shape((h, w), doc.weight.shape[2:], stride=g.stride, padding=g.pad,
                              dilation=g.dilation)
    except ValueError:
        return  # the window says why these settings have no output
    n = doc.weight.shape[0] * oh * ow
    if n > MAX_OUTPUT_VALUES:
        raise LimitError(
            f"the output would have {doc.weight.shape[0]}×{oh}×{ow} = {n:,} values; allowed: "
            f"up to {MAX_OUTPUT_VALUES:,} (use fewer output channels, less padding, a larger "
            "stride or a smaller input)")


LEARN_RANGES = {  # field: (what, lo, hi, lo excluded)
    "lr": ("the learning rate", 0.0, MAX_LR, True),
    "max_steps": ("the maximum steps", 1, MAX_STEPS, False),
    "seed": ("the random seed", 0, MAX_SEED, False),
    "noise": ("the target noise", 0.0, MAX_NOISE, False),
    "threshold": ("the stop threshold", 0.0, MAX_THRESHOLD, False),
    "steps_per_second": ("the steps per second", 0.0, MAX_STEPS_PER_SECOND, False),
}


def check_learn_value(name: str, value):
    """One learning setting, checked by its field name (the value, normalised)."""
    from convlab.core.descent import LOSSES, OPTIMIZERS
    from convlab.model.learn_problem import INITS, TRUE_SOURCES

    choices = {"true_source": TRUE_SOURCES, "init": INITS, "optimizer": OPTIMIZERS,
               "loss": LOSSES}
    if name in choices:
        return check_choice(value, f"the learning setting “{name}”", choices[name])
    if name == "learn_bias":
        return check_bool(value, "“learn bias”")
    if name == "target_path":
        if not isinstance(value, str) or len(value) > MAX_PATH_CHARS:
            raise LimitError(f"the target image's path must be a text of up to "
                             f"{MAX_PATH_CHARS} characters")
        return value
    what, lo, hi, above = LEARN_RANGES[name]
    if isinstance(lo, int):
        return check_int(value, what, lo, hi)
    return check_float(value, what, lo, hi, above)


def check_learn(s) -> None:
    from dataclasses import fields

    for f in fields(s):
        check_learn_value(f.name, getattr(s, f.name))


def check_document(doc, known_image=None) -> None:
    """Raise LimitError if anything in ``doc`` is outside the limits (cheap: shapes
    first, then one pass over the arrays). ``known_image``: an image array checked
    before (edits share it), whose values need no second look."""
    co, ci, _, _ = check_weight_shape(doc.weight.shape)
    c, _, _ = check_input_shape(doc.image.shape)
    if c != ci:
        raise LimitError(f"the input has {c} channels but the kernel expects {ci}")
    if doc.bias.shape != (co,):
        raise LimitError(f"there are {doc.bias.size} biases for {co} output channels")
    check_ints(doc.selected, "the selected kernel slice", ("output", "input"), 0,
               max(co, ci) - 1)
    if not (doc.selected[0] < co and doc.selected[1] < ci):
        raise LimitError(f"the selected kernel slice {doc.selected} does not exist")
    check_geometry(doc.geometry)
    check_output_size(doc)
    check_pooling(doc.pooling)
    check_learn(doc.learn)
    check_values(doc.weight, "the kernel")
    check_values(doc.bias, "the bias")
    if doc.image is not known_image:
        check_values(doc.image, "the input")


def _show(v) -> str:
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e16:
        v = int(v)  # 5000 and 0 as typed, not 5000.0 and -0.0
    text = repr(v) if isinstance(v, str) else str(v)
    return text if len(text) <= 24 else text[:21] + "…"
