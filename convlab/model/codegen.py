"""The current convolution (and pooling) as code: NumPy, PyTorch or Keras.

Each snippet defines ``convolve(x)`` taking a (C_in, H, W) array and returning
(C_out, Ho, Wo), the same numbers the app shows; with pooling on, ``pool(y)``
pools that output and ``forward(x) = pool(convolve(x))``. Where a framework
cannot express a setting itself, the input is padded explicitly first and a
comment says why; the result is always the app's.
"""

from __future__ import annotations

from convlab.model.document import Document, Pooling

NUMPY_PAD = {"zeros": "constant", "reflect": "reflect", "replicate": "edge",
             "circular": "wrap"}
TORCH_PAD = {"zeros": "constant", "reflect": "reflect", "replicate": "replicate"}


def _arrays(doc: Document) -> str:
    flip = ("weight = weight[:, :, ::-1, ::-1]  # true convolution: the kernel is rotated "
            "180°\n" if doc.geometry.flip else "")
    return (f"weight = np.array({doc.weight.tolist()!r})  # (C_out, C_in, kh, kw)\n"
            f"bias = np.array({doc.bias.tolist()!r})\n{flip}")


def _pool_params(p: Pooling) -> tuple:
    (ph, pw), (t, b, l, r) = p.window, p.pad
    sh, sw = p.stride or p.window
    return ph, pw, sh, sw, t, b, l, r


def _pool_intro(p: Pooling) -> str:
    ph, pw, sh, sw, t, b, l, r = _pool_params(p)
    how = ("padded cells never win" if p.mode == "max"
           else "padded zeros count, divided by the whole window")
    return (f"# Pooling after the convolution: {p.mode} over {ph}×{pw} windows, stride "
            f"({sh}, {sw}), padding (top, bottom, left, right) = ({t}, {b}, {l}, {r}); "
            f"{how}.\n")


def _forward() -> str:
    return '''

def forward(x):
    """What ConvLab shows last: the convolution, then the pooling."""
    return pool(convolve(x))
'''


def numpy_code(doc: Document) -> str:
    g = doc.geometry
    t, b, l, r = g.pad
    return f'''import numpy as np

{_arrays(doc)}stride, dilation = {g.stride!r}, {g.dilation!r}
padding = (({t}, {b}), ({l}, {r}))  # rows (top, bottom), columns (left, right)


def convolve(x):
    """x: (C_in, H, W) -> (C_out, Ho, Wo): ConvLab's output, in plain NumPy."""
    x = np.pad(np.asarray(x, dtype=float), ((0, 0),) + padding, mode="{NUMPY_PAD[g.mode]}")
    c_out, c_in, kh, kw = weight.shape
    (sh, sw), (dh, dw) = stride, dilation
    ho = (x.shape[1] - dh * (kh - 1) - 1) // sh + 1
    wo = (x.shape[2] - dw * (kw - 1) - 1) // sw + 1
    out = np.zeros((c_out, ho, wo))
    for a in range(kh):
        for b in range(kw):
            window = x[:, a * dh:a * dh + sh * (ho - 1) + 1:sh,
                       b * dw:b * dw + sw * (wo - 1) + 1:sw]
            out += np.einsum("oc,chw->ohw", weight[:, :, a, b], window)
    return out + bias[:, None, None]
{_numpy_pool(doc.pooling)}'''


def _numpy_pool(p: Pooling) -> str:
    if not p.enabled:
        return ""
    ph, pw, sh, sw, t, b, l, r = _pool_params(p)
    fill, reduce = ("-np.inf", "max") if p.mode == "max" else ("0.0", "mean")
    return f'''

{_pool_intro(p)}def pool(y):
    """y: (C, H, W) -> (C, Ho, Wo)."""
    y = np.pad(np.asarray(y, dtype=float), ((0, 0), ({t}, {b}), ({l}, {r})),
               constant_values={fill})
    ho, wo = (y.shape[1] - {ph}) // {sh} + 1, (y.shape[2] - {pw}) // {sw} + 1
    windows = [y[:, a:a + {sh} * (ho - 1) + 1:{sh}, c:c + {sw} * (wo - 1) + 1:{sw}]
               for a in range({ph}) for c in range({pw})]
    return np.{reduce}(windows, axis=0)
{_forward()}'''


def pytorch_code(doc: Document) -> str:
    g = doc.geometry
    t, b, l, r = g.pad
    co, ci, kh, kw = doc.weight.shape
    pre = ""
    if g.mode == "circular" and any(g.pad):
        conv_pad = "padding=0"
        pre = (f"    # Wrap around by indexing: F.pad's circular mode refuses padding wider\n"
               f"    # than the input, which ConvLab wraps again and again.\n"
               f"    rows = torch.arange(-{t}, x.shape[-2] + {b}) % x.shape[-2]\n"
               f"    cols = torch.arange(-{l}, x.shape[-1] + {r}) % x.shape[-1]\n"
               f"    x = x[:, :, rows][:, :, :, cols]\n")
    elif t == b and l == r:
        conv_pad = f"padding=({t}, {l}), padding_mode={TORCH_PAD[g.mode].replace('constant', 'zeros')!r}"
    else:
        conv_pad = "padding=0"
        pre = (f"    # Conv2d pads both sides equally; these sides differ, so pad first.\n"
               f"    x = F.pad(x, ({l}, {r}, {t}, {b}), mode={TORCH_PAD[g.mode]!r})\n")
    return f'''import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

{_arrays(doc)}conv = nn.Conv2d({ci}, {co}, kernel_size=({kh}, {kw}), stride={g.stride!r},
                 dilation={g.dilation!r}, {conv_pad}, dtype=torch.float64)
with torch.no_grad():
    conv.weight.copy_(torch.from_numpy(weight.copy()))  # a copy: torch needs positive strides
    conv.bias.copy_(torch.from_numpy(bias))


def convolve(x):
    """x: (C_in, H, W) -> (C_out, Ho, Wo), as ConvLab shows it."""
    x = torch.as_tensor(np.asarray(x, dtype=float))[None]
{pre}    with torch.no_grad():
        return conv(x)[0].numpy()
{_torch_pool(doc.pooling)}'''


def _torch_pool(p: Pooling) -> str:
    if not p.enabled:
        return ""
    ph, pw, sh, sw, t, b, l, r = _pool_params(p)
    fill, fn = ("-float('inf')", "max_pool2d") if p.mode == "max" else ("0.0", "avg_pool2d")
    return f'''

{_pool_intro(p)}def pool(y):
    """y: (C, H, W) -> (C, Ho, Wo); padded explicitly, as the sides may differ."""
    y = F.pad(torch.as_tensor(np.asarray(y, dtype=float))[None], ({l}, {r}, {t}, {b}),
              value={fill})
    return F.{fn}(y, ({ph}, {pw}), stride=({sh}, {sw}))[0].numpy()
{_forward()}'''


def _keras_padding(doc: Document, same_ok: bool) -> tuple[str, str, list[str]]:
    """(Keras padding argument, code run before the layer, notes)."""
    g = doc.geometry
    t, b, l, r = g.pad
    if not any(g.pad):
        return "valid", "", []
    if g.mode == "zeros" and same_ok and _is_keras_same(doc):
        return "same", "", ["'same' here equals the app's padding for this input size"]
    spec = f"[[0, 0], [{t}, {b}], [{l}, {r}], [0, 0]]"
    if g.mode == "zeros":
        return "valid", f"    x = tf.pad(x, {spec})\n", []
    if g.mode == "reflect":
        return "valid", f'    x = tf.pad(x, {spec}, mode="REFLECT")\n', []
    np_mode = NUMPY_PAD[g.mode]
    return ("valid",
            f'    x = np.pad(x, (({0}, {0}), ({t}, {b}), ({l}, {r}), (0, 0)), mode="{np_mode}")\n',
            [f"Keras/TensorFlow has no {g.mode} padding: the input is padded with NumPy "
             f"(mode '{np_mode}') before the layer"])


def _is_keras_same(doc: Document) -> bool:
    from convlab.core.geometry import same_padding

    g, (_, h, w) = doc.geometry, doc.image.shape
    kh, kw = doc.kernel_hw
    return g.pad == (same_padding(h, kh, g.stride[0], g.dilation[0])
                     + same_padding(w, kw, g.stride[1], g.dilation[1]))


def keras_code(doc: Document) -> str:
    g = doc.geometry
    co, ci, kh, kw = doc.weight.shape
    subsample = g.stride != (1, 1) and g.dilation != (1, 1)
    # 'same' pads for the layer's own stride; run at stride 1, it would pad differently.
    padding, pre, notes = _keras_padding(doc, same_ok=not subsample)
    strides, post = g.stride, ""
    if subsample:
        notes.append("Keras cannot combine strides > 1 with dilation > 1: the input is "
                     "padded explicitly, the layer runs with stride 1 and every stride-th "
                     "output is kept")
        strides, post = (1, 1), f"[:, ::{g.stride[0]}, ::{g.stride[1]}]"
    comments = "".join(f"# Note: {n}.\n" for n in notes)
    return f'''import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

{_arrays(doc)}{comments}conv = layers.Conv2D({co}, kernel_size=({kh}, {kw}), strides={strides!r}, padding="{padding}",
                     dilation_rate={g.dilation!r}, use_bias=True, dtype="float64")
conv.build((None, None, None, {ci}))
conv.set_weights([np.transpose(weight, (2, 3, 1, 0)), bias])  # Keras: (kh, kw, C_in, C_out)


def convolve(x):
    """x: (C_in, H, W) -> (C_out, Ho, Wo); Keras itself works channels-last."""
    x = np.transpose(np.asarray(x, dtype=float), (1, 2, 0))[None]
{pre}    y = np.asarray(conv(x)[0])
    return np.transpose(y, (2, 0, 1)){post}
{_keras_pool(doc.pooling)}'''


def _keras_pool(p: Pooling) -> str:
    if not p.enabled:
        return ""
    ph, pw, sh, sw, t, b, l, r = _pool_params(p)
    fill, layer = ("-np.inf", "MaxPooling2D") if p.mode == "max" else ("0.0", "AveragePooling2D")
    return f'''

{_pool_intro(p)}pooling = layers.{layer}(pool_size=({ph}, {pw}), strides=({sh}, {sw}),
                          padding="valid", dtype="float64")


def pool(y):
    """y: (C, H, W) -> (C, Ho, Wo); padded explicitly, as the sides may differ."""
    y = np.pad(np.transpose(np.asarray(y, dtype=float), (1, 2, 0))[None],
               ((0, 0), ({t}, {b}), ({l}, {r}), (0, 0)), constant_values={fill})
    return np.transpose(np.asarray(pooling(y)[0]), (2, 0, 1))
{_forward()}'''


GENERATORS = {"NumPy": numpy_code, "PyTorch": pytorch_code, "Keras": keras_code}
