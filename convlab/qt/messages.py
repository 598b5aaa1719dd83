"""The core's and model's English messages, in the window's language.

The core and model raise English sentences (notebook users read those). The
window passes every such sentence it shows through ``translate_message``. Each
known sentence is an English *template* below; the template is at once

* the pattern that recognises the message (``{name}`` matches any text, and a
  name used twice must match the same text twice), and
* the source text of its translation (context ``Messages``, extracted by
  ``pyside6-lupdate`` through the ``QT_TRANSLATE_NOOP`` marker).

The translation uses the same ``{name}`` placeholders, so numbers, shapes and
file names are carried over unchanged. Placeholder prefixes say what else to do
with the captured text: ``{w_...}`` is a word translated through ``WORDS``,
``{wl_...}`` a comma-separated list of such words,
``{m_...}`` is a nested message translated by ``translate_message`` itself.

To cover a new message: add its template to ``TEMPLATES`` (copy the f-string,
replacing each ``{expression}`` by a ``{name}``), run
``tools/update_translations.py`` and translate it. A message that matches no
template is shown as it is, in English.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from convlab.model import history

CONTEXT = "Messages"

TEMPLATES: tuple[str, ...] = (
    # core/geometry.py
    QT_TRANSLATE_NOOP("Messages", "{w_name} takes one number or a pair (h, w); got {value}"),
    QT_TRANSLATE_NOOP("Messages", "{w_name} must be at least 1 in each direction (got {h}×{w}); "
                                  "{w_name} 1 means the window moves one pixel at a time"),
    QT_TRANSLATE_NOOP("Messages", "padding takes one number, (rows, columns) or "
                                  "(top, bottom, left, right); got {value}"),
    QT_TRANSLATE_NOOP("Messages", "padding cannot be negative (got {sides}); "
                                  "use 0 for no padding"),
    QT_TRANSLATE_NOOP("Messages", "padding {value} is not known; use 'valid', 'same', 'full' "
                                  "or numbers"),
    QT_TRANSLATE_NOOP("Messages", "padding mode {mode} is not known; choose one of {wl_modes}"),
    QT_TRANSLATE_NOOP("Messages", "reflect padding of {p} on the {w_side} needs more than {p} "
                                  "{w_axis} of input, but there are {n}; use at most {m} or "
                                  "choose replicate or zeros padding"),
    QT_TRANSLATE_NOOP("Messages", "the kernel is {kh}×{kw} but the padded input is {ph}×{pw}, "
                                  "so the output would be empty; add padding or shrink the "
                                  "kernel"),
    QT_TRANSLATE_NOOP("Messages", "the kernel spans {eh}×{ew} with dilation {d} but the padded "
                                  "input is {ph}×{pw}, so the output would be empty; add "
                                  "padding or shrink the kernel or its dilation"),
    # core/conv.py
    QT_TRANSLATE_NOOP("Messages", "{w_name} must be (channels, height, width) with every size "
                                  "at least 1; got an array of shape {shape}"),
    QT_TRANSLATE_NOOP("Messages", "the weight must be (out channels, in channels, kernel height, "
                                  "kernel width) with every size at least 1; got shape {shape}"),
    QT_TRANSLATE_NOOP("Messages", "corr2d takes a 2-D input and a 2-D kernel; "
                                  "got {a}-D and {b}-D"),
    QT_TRANSLATE_NOOP("Messages", "the kernel expects {c} input channel(s) but the input has "
                                  "{n}; set the kernel's input channels to {n}"),
    QT_TRANSLATE_NOOP("Messages", "there are {c} output channel(s) but {b} bias value(s); "
                                  "give one bias per output channel"),
    QT_TRANSLATE_NOOP("Messages", "grad_output has shape {a} but the output is {b}"),
    # core/pool.py
    QT_TRANSLATE_NOOP("Messages", "pooling mode {mode} is not known; use 'max' or 'avg'"),
    QT_TRANSLATE_NOOP("Messages", "pooling padding {sides} is more than half the {kh}×{kw} "
                                  "window, so a window could hold only padding; use at most "
                                  "({mr}, {mc})"),
    QT_TRANSLATE_NOOP("Messages", "the {kh}×{kw} pooling window is larger than what it pools "
                                  "({ph}×{pw}, the convolution's output with the pooling "
                                  "padding), so nothing would be pooled; shrink the pooling "
                                  "window or the convolution's stride, or enlarge the input"),
    # core/descent.py
    QT_TRANSLATE_NOOP("Messages", "optimizer {kind} is not known; use {wl_kinds}"),
    QT_TRANSLATE_NOOP("Messages", "loss {loss} is not known; use 'sse' or 'mse'"),
    QT_TRANSLATE_NOOP("Messages", "the target has shape {a} but the prediction {b}; the target "
                                  "must be the output of the same geometry"),
    # model/session.py: a limits message (below) inside a session's; these first, or
    # "{w_what} is {value}; …" would take "the session's …" for a name
    QT_TRANSLATE_NOOP("Messages", "the session's padding, stride or dilation is invalid: "
                                  "{m_error}"),
    QT_TRANSLATE_NOOP("Messages", "the session's pooling settings are invalid: {m_error}"),
    QT_TRANSLATE_NOOP("Messages", "the session's learning settings are invalid: {m_error}"),
    QT_TRANSLATE_NOOP("Messages", "the session's learning settings are not a set of named "
                                  "values"),
    QT_TRANSLATE_NOOP("Messages", "the session's {w_what} is not a set of named values"),
    # model/limits.py: a value outside ConvLab's limits, typed, pasted or read ("too large"
    # and "too small" first: "{w_what} is {value}; …" would take "too large" for a value)
    QT_TRANSLATE_NOOP("Messages", "the target image's path must be a text of up to {n} "
                                  "characters"),
    QT_TRANSLATE_NOOP("Messages", "{what} ({value}) is too large; allowed: −1e30 to 1e30"),
    QT_TRANSLATE_NOOP("Messages", "{what} ({value}) is too small: ConvLab's 32-bit numbers "
                                  "would turn it into 0; type 0 or a size of at least {tiny}"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} must be a whole number from {lo} to {hi}, not "
                                  "{value}"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} is {value}; allowed: from {lo} to {hi}"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} is {value}; allowed: more than {lo} and at most {hi}"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} is {value}; allowed: {lo} to {hi}"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} must be a number, not {value}"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} must be true or false, not {value}"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} is {value}; choose one of {choices}"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} must be {n} whole numbers ({wl_names})"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} must have {n} dimensions, not {m}"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} would hold NaN or infinity; allowed: numbers from "
                                  "−1e30 to 1e30"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} would hold {value}; allowed: numbers from −1e30 "
                                  "to 1e30"),
    QT_TRANSLATE_NOOP("Messages", "the input has {c}×{h}×{w} = {n} values; allowed: up to {max} "
                                  "(a {side}×{side2} colour image)"),
    QT_TRANSLATE_NOOP("Messages", "the output would have {c}×{h}×{w} = {n} values; allowed: up "
                                  "to {max} (use fewer output channels, less padding, a larger "
                                  "stride or a smaller input)"),
    QT_TRANSLATE_NOOP("Messages", "the input has {c} channels but the kernel expects {ci}"),
    QT_TRANSLATE_NOOP("Messages", "there are {n} biases for {co} output channels"),
    QT_TRANSLATE_NOOP("Messages", "the selected kernel slice {sel} does not exist"),
    # model/parse.py
    QT_TRANSLATE_NOOP("Messages", "“{text}” is not a number; type a number such as 0.5 or -1"),
    QT_TRANSLATE_NOOP("Messages", "“{text}” is not a finite number; cells hold ordinary numbers "
                                  "(not NaN or infinity)"),
    QT_TRANSLATE_NOOP("Messages", "there are no numbers to paste"),
    QT_TRANSLATE_NOOP("Messages", "the pasted rows have different lengths ({widths}); "
                                  "paste a rectangular block of numbers"),
    QT_TRANSLATE_NOOP("Messages", "the pasted block is {r}×{c}, larger than {mr}×{mc}"),
    # model/session.py
    QT_TRANSLATE_NOOP("Messages", "the session file could not be read ({reason})"),
    QT_TRANSLATE_NOOP("Messages", "this is not a ConvLab session: it is not valid JSON "
                                  "(is the file truncated?)"),
    QT_TRANSLATE_NOOP("Messages", "this JSON file is not a ConvLab session"),
    QT_TRANSLATE_NOOP("Messages", "the session has no valid schema version"),
    QT_TRANSLATE_NOOP("Messages", "the session was written by a newer ConvLab (schema {v}; this "
                                  "version reads up to {n}); update ConvLab to open it"),
    QT_TRANSLATE_NOOP("Messages", "the session is damaged ({m_detail})"),
    QT_TRANSLATE_NOOP("Messages", "missing {key}"),
    QT_TRANSLATE_NOOP("Messages", "a field has the wrong type or value"),
    QT_TRANSLATE_NOOP("Messages", "the kernel's shape {shape} is outside what ConvLab edits"),
    QT_TRANSLATE_NOOP("Messages", "the session has a bias count that does not match its kernel"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} in the session has the wrong shape"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} in the session holds NaN or infinity"),
    QT_TRANSLATE_NOOP("Messages", "the input's shape {shape} is not a usable image"),
    QT_TRANSLATE_NOOP("Messages", "the session's input and kernel disagree on the channel count"),
    QT_TRANSLATE_NOOP("Messages", "the input array in the session is truncated"),
    QT_TRANSLATE_NOOP("Messages", "the session's padding mode {mode} is not known"),
    # model/learn_run.py (whole sentences, already capitalised)
    QT_TRANSLATE_NOOP("Messages", "The loss diverged at step {i}; lower the learning rate "
                                  "(now {lr}). Restored the kernel of step {j}, loss {loss}."),
    QT_TRANSLATE_NOOP("Messages", "Converged: the loss {loss} fell below {t} at step {i}."),
    QT_TRANSLATE_NOOP("Messages", "Stopped after the maximum of {n} steps (loss {loss})."),
    # qt/image_io.py (raised as ValueError, shown inside "Could not open the image: …")
    QT_TRANSLATE_NOOP("Messages", "“{name}” does not exist or is not a file"),
    QT_TRANSLATE_NOOP("Messages", "“{name}” is empty (0 bytes)"),
    QT_TRANSLATE_NOOP("Messages", "“{name}” is {w}×{h}, too large to open"),
    QT_TRANSLATE_NOOP("Messages", "“{name}” is not an image Qt can read ({reason})"),
    QT_TRANSLATE_NOOP("Messages", "“{name}” starts like a {kind} image but its header could not "
                                  "be read (a corrupt or truncated file?)"),
    QT_TRANSLATE_NOOP("Messages", "“{name}” could not be decoded: {reason} "
                                  "(a corrupt or truncated file?)"),
    QT_TRANSLATE_NOOP("Messages", "“{name}” cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("Messages", "“{name}” is a folder, not an image"),
    QT_TRANSLATE_NOOP("Messages", "“{name}” is not an ordinary file (a FIFO or a device?)"),
    QT_TRANSLATE_NOOP("Messages", "“{name}” is {w}×{h}, too large to open: decoding it would "
                                  "take {mb} MB, more than the {budget} MB ConvLab allows for "
                                  "one image (save it at most {side}×{side2}, or as JPEG, and "
                                  "open it again)"),
    QT_TRANSLATE_NOOP("Messages", "“{name}” is {h}×{w} (height × width); it was scaled to "
                                  "{th}×{tw} to keep the window interactive"),
    # qt/files.py (inside "The session's input could not be read ({error}); …")
    QT_TRANSLATE_NOOP("Messages", "“{name}” has changed size"),
    # qt/files.py, qt/worker.py: why autosave or an export cannot work
    QT_TRANSLATE_NOOP("Messages", "the settings folder {where} cannot be used ({m_reason})"),
    QT_TRANSLATE_NOOP("Messages", "{name} is damaged and could not be moved aside"),
    QT_TRANSLATE_NOOP("Messages", "too many damaged autosaves are already set aside"),
    QT_TRANSLATE_NOOP("Messages", "it holds values outside ConvLab's limits"),
    QT_TRANSLATE_NOOP("Messages", "not a folder"),
    QT_TRANSLATE_NOOP("Messages", "it is not an ordinary file"),
    QT_TRANSLATE_NOOP("Messages", "the image could not be written there"),
    QT_TRANSLATE_NOOP("Messages", "there was not enough memory"),
    # qt/controller.py (a frame whose computation failed)
    QT_TRANSLATE_NOOP("Messages", "These settings could not be computed ({m_reason})."),
    # model/pair.py (errors, and the note shown when the target was scaled)
    QT_TRANSLATE_NOOP("Messages", "{w_target} is {w_kind} but the input is {w_kind_x}; both "
                                  "images need the same channels"),
    QT_TRANSLATE_NOOP("Messages", "{w_target} is {tw}×{th} but the input is {w}×{h}: a "
                                  "different shape, so it cannot be the same picture; crop or "
                                  "scale it to the input's shape"),
    QT_TRANSLATE_NOOP("Messages", "{w_target} is {tw}×{th}; it was scaled to the input's "
                                  "{w}×{h}, which blurs it a little (the learned kernel "
                                  "includes that blur)"),
    QT_TRANSLATE_NOOP("Messages", "the kernel size must be 1 to {n}; got {size}"),
    QT_TRANSLATE_NOOP("Messages", "the target has shape {a} but the input {b}; match it with "
                                  "match_target first"),
    # model/document.py (channel_note: the kernel adapted to a new channel count)
    QT_TRANSLATE_NOOP("Messages", "The input has {w_new} and the kernel had {w_old}: {m_how}, "
                                  "so a grey image gives the same output as before."),
    QT_TRANSLATE_NOOP("Messages", "each channel now gets the kernel divided by {n}"),
    QT_TRANSLATE_NOOP("Messages", "its {old} input-channel slices were added into one"),
    QT_TRANSLATE_NOOP("Messages", "its {old} input-channel slices were added and split evenly "
                                  "over {new}"),
    # model/spectrum.py, model/stability.py
    QT_TRANSLATE_NOOP("Messages", "the frequency response takes one 2-D kernel slice; got "
                                  "shape {shape}"),
    QT_TRANSLATE_NOOP("Messages", "the spectrum takes one 2-D channel; got shape {shape}"),
    QT_TRANSLATE_NOOP("Messages", "the landscape has axes only for a kernel of exactly two "
                                  "weights"),
)

#: Words the messages insert into their templates ({w_...} placeholders).
WORDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Messages", "stride"),
    QT_TRANSLATE_NOOP("Messages", "dilation"),
    QT_TRANSLATE_NOOP("Messages", "kernel size"),
    QT_TRANSLATE_NOOP("Messages", "pooling window"),
    QT_TRANSLATE_NOOP("Messages", "pooling stride"),
    QT_TRANSLATE_NOOP("Messages", "top"),
    QT_TRANSLATE_NOOP("Messages", "bottom"),
    QT_TRANSLATE_NOOP("Messages", "left"),
    QT_TRANSLATE_NOOP("Messages", "right"),
    QT_TRANSLATE_NOOP("Messages", "rows"),
    QT_TRANSLATE_NOOP("Messages", "columns"),
    QT_TRANSLATE_NOOP("Messages", "the input"),
    QT_TRANSLATE_NOOP("Messages", "the kernel"),
    QT_TRANSLATE_NOOP("Messages", "the bias"),
    QT_TRANSLATE_NOOP("Messages", "zeros"),
    QT_TRANSLATE_NOOP("Messages", "reflect"),
    QT_TRANSLATE_NOOP("Messages", "replicate"),
    QT_TRANSLATE_NOOP("Messages", "circular"),
    QT_TRANSLATE_NOOP("Messages", "sgd"),
    QT_TRANSLATE_NOOP("Messages", "momentum"),
    QT_TRANSLATE_NOOP("Messages", "adam"),
    QT_TRANSLATE_NOOP("Messages", "the target"),
    QT_TRANSLATE_NOOP("Messages", "grey"),
    QT_TRANSLATE_NOOP("Messages", "colour"),
    # what model/limits.py names (the panels' boxes, the session's fields)
    QT_TRANSLATE_NOOP("Messages", "the padding"),
    QT_TRANSLATE_NOOP("Messages", "the stride"),
    QT_TRANSLATE_NOOP("Messages", "the dilation"),
    QT_TRANSLATE_NOOP("Messages", "the padding mode"),
    QT_TRANSLATE_NOOP("Messages", "the pooling window"),
    QT_TRANSLATE_NOOP("Messages", "the pooling stride"),
    QT_TRANSLATE_NOOP("Messages", "the pooling padding"),
    QT_TRANSLATE_NOOP("Messages", "the pooling mode"),
    QT_TRANSLATE_NOOP("Messages", "the kernel's height"),
    QT_TRANSLATE_NOOP("Messages", "the kernel's width"),
    QT_TRANSLATE_NOOP("Messages", "the number of the kernel's output channels"),
    QT_TRANSLATE_NOOP("Messages", "the number of the kernel's input channels"),
    QT_TRANSLATE_NOOP("Messages", "the pair's kernel size"),
    QT_TRANSLATE_NOOP("Messages", "the cell size in pixels"),
    QT_TRANSLATE_NOOP("Messages", "the milliseconds per frame"),
    QT_TRANSLATE_NOOP("Messages", "the n of every n-th position"),
    QT_TRANSLATE_NOOP("Messages", "the number of the input's channels"),
    QT_TRANSLATE_NOOP("Messages", "the input's height"),
    QT_TRANSLATE_NOOP("Messages", "the input's width"),
    QT_TRANSLATE_NOOP("Messages", "the input's size"),
    QT_TRANSLATE_NOOP("Messages", "the selected kernel slice"),
    QT_TRANSLATE_NOOP("Messages", "the learning rate"),
    QT_TRANSLATE_NOOP("Messages", "the maximum steps"),
    QT_TRANSLATE_NOOP("Messages", "the random seed"),
    QT_TRANSLATE_NOOP("Messages", "the target noise"),
    QT_TRANSLATE_NOOP("Messages", "the stop threshold"),
    QT_TRANSLATE_NOOP("Messages", "the steps per second"),
    QT_TRANSLATE_NOOP("Messages", "output"),
    QT_TRANSLATE_NOOP("Messages", "input"),
    QT_TRANSLATE_NOOP("Messages", "pooling on/off"),
    QT_TRANSLATE_NOOP("Messages", "“learn bias”"),
    QT_TRANSLATE_NOOP("Messages", "“flip” (convolution rather than cross-correlation)"),
    QT_TRANSLATE_NOOP("Messages", "geometry"),
    QT_TRANSLATE_NOOP("Messages", "pooling"),
)

#: Short phrases a {w_...} placeholder may hold instead of a word ("4-channel").
#: Matched only inside a placeholder, never as a whole message.
PHRASES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Messages", "{n}-channel"),
    QT_TRANSLATE_NOOP("Messages", "{n} channel"),
    QT_TRANSLATE_NOOP("Messages", "{n} channels"),
    QT_TRANSLATE_NOOP("Messages", "{w_what} ({w_part})"),  # limits.part: "the stride (rows)"
    QT_TRANSLATE_NOOP("Messages", "the learning setting {name}"),  # limits: a quoted field name
)

# How a sentence ends, in the window's language (a Chinese sentence ends with "。").
SENTENCE_END = QT_TRANSLATE_NOOP("Messages", "{sentence}.")

# How list items are separated ("、" in Chinese).
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Messages", ", ")

_NAME = re.compile(r"\{(\w+)\}")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@lru_cache(maxsize=None)
def template_regex(template: str) -> re.Pattern:
    """``{name}`` → a lazy group; a repeated name must match the same text."""
    parts, seen, pos = [], set(), 0
    for m in _NAME.finditer(template):
        parts.append(re.escape(template[pos:m.start()]))
        name = m.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        pos = m.end()
    parts.append(re.escape(template[pos:]))
    return re.compile("".join(parts), re.DOTALL)


def _match(text: str) -> tuple[str, dict[str, str]] | None:
    for template in TEMPLATES:
        m = template_regex(template).fullmatch(text)
        if m:
            return template, m.groupdict()
    return None


def _value(name: str, value: str) -> str:
    if name.startswith("w_"):
        word = value if value in WORDS else value[:1].lower() + value[1:]
        return _tr(word) if word in WORDS else _phrase(value)
    if name.startswith("wl_"):
        return _tr(LIST_SEPARATOR).join(_value("w_", w) for w in value.split(", "))
    if name.startswith("m_"):
        return translate_message(value)
    return value


def _phrase(value: str) -> str:
    """A {w_...} value that is not a word: a known phrase translated, else unchanged."""
    for template in PHRASES:
        m = template_regex(template).fullmatch(value)
        if m and _tr(template) != template:
            values = {k: _value(k, v) for k, v in m.groupdict().items()}
            if any(k.startswith("w_") and values[k] == v for k, v in m.groupdict().items()):
                continue  # a word it holds is not known: "random (seed)" stays as it is
            return _tr(template).format(**values)
    return value


def translate_message(text: str) -> str:
    """``text`` in the window's language; unchanged if no template knows it.

    Accepts the raw message (``"padding cannot be negative …"``) and the
    window's sentence form of it (capitalised, with a final full stop, as
    ``model.compute`` makes it)."""
    core, period = (text[:-1], True) if text.endswith(".") else (text, False)
    # The window's sentence form first, so a trailing {placeholder} never swallows
    # the full stop; whole sentences (templates ending in ".") match last.
    for candidate in dict.fromkeys((core[:1].lower() + core[1:], core, text)):
        found = _match(candidate)
        if found is None:
            continue
        template, values = found
        translated = _tr(template)
        if translated == template:
            return text  # no translation: the English exactly as raised
        result = translated.format(**{k: _value(k, v) for k, v in values.items()})
        if candidate is not text and period:
            result = _tr(SENTENCE_END).format(sentence=result)
        return result
    return text


# --- model texts the window shows: undo labels, templates filled by the model ----------

#: Where the name inside a built undo label ("preset Sobel x") is translated: the
#: first context that knows it. Presets, samples and lessons mark their names with
#: QT_TRANSLATE_NOOP in these contexts.
NAME_CONTEXTS = ("UndoLabel", "Presets", "Samples", "Lessons")


def translator(context: str):
    """``text → QCoreApplication.translate(context, text)``, for model functions that
    take a ``tr`` argument (``compute.shape_text``, ``stability.notes`` …)."""
    return lambda text: QCoreApplication.translate(context, text)


def _name(value: str) -> str:
    for context in NAME_CONTEXTS:
        text = QCoreApplication.translate(context, value)
        if text != value:
            return text
    return value


def translate_label(label: str) -> str:
    """An undo label (``UndoLabel`` or built by ``history.padding_preset`` & co.) in the
    window's language; the Edit menu shows ``tr("&Undo {what}").format(what=...)``.
    Unknown labels are shown as they are."""
    if not label:
        return label
    text = QCoreApplication.translate("UndoLabel", label)
    if text != label:
        return text
    # A lesson's title may itself end like a template ("lesson: … 'valid' padding"):
    # prefer the match whose name is known, then the first.
    matches = [(template, m.group("name")) for template in history.TEMPLATES
               if (m := template_regex(template).fullmatch(label))]
    matches.sort(key=lambda tm: _name(tm[1]) == tm[1])
    for template, name in matches[:1]:
        return QCoreApplication.translate("UndoLabel", template).format(name=_name(name))
    return label
