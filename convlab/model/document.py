"""The whole user-editable state as one immutable value.

Every edit makes a new Document (``dataclasses.replace``), so undo is a list
of Documents, a session file is one Document, and the learning thread gets a
snapshot nobody else can change. Arrays inside are made read-only.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from convlab.model.limits import MAX_KERNEL, MAX_OUT_CHANNELS  # noqa: F401 (re-exported)


def frozen(a, dtype=np.float64) -> np.ndarray:
    """A read-only copy, so a Document can never change under anyone's feet.

    An array frozen before is shared, not copied: edits that keep the input
    (most of them) cost nothing for a large photograph.
    """
    if isinstance(a, np.ndarray) and not a.flags.writeable and a.dtype == dtype:
        return a
    out = np.array(a, dtype=dtype, copy=True)
    out.flags.writeable = False
    return out


def inside(index: int, count: int) -> int:
    """``index`` kept inside ``count`` channels: the last one when it is past the end."""
    return min(index, count - 1)


@dataclass(frozen=True)
class Geometry:
    pad: tuple[int, int, int, int] = (0, 0, 0, 0)  # top, bottom, left, right
    mode: str = "zeros"
    stride: tuple[int, int] = (1, 1)
    dilation: tuple[int, int] = (1, 1)
    flip: bool = False

    def conv_kwargs(self, *, with_flip: bool = True) -> dict:
        """The one way to hand a Geometry to the core: keyword arguments for
        ``conv2d`` and ``conv2d_backward``; ``with_flip=False`` leaves out
        ``flip`` for ``descend``, which learns the kernel as stored."""
        kw = dict(stride=self.stride, padding=self.pad, dilation=self.dilation,
                  padding_mode=self.mode)
        return {**kw, "flip": self.flip} if with_flip else kw


@dataclass(frozen=True)
class Pooling:
    enabled: bool = False
    mode: str = "max"
    window: tuple[int, int] = (2, 2)
    stride: tuple[int, int] | None = None  # None: the window, as in the chapter
    pad: tuple[int, int, int, int] = (0, 0, 0, 0)


@dataclass(frozen=True)
class LearnSettings:
    """What the Learn panel sets: part of the Document, so it is autosaved,
    saved in sessions and undone like every other edit."""

    true_source: str = "Sobel x"
    init: str = "zeros"
    seed: int = 0
    noise: float = 0.0
    learn_bias: bool = False
    lr: float = 0.01
    optimizer: str = "adam"
    loss: str = "mse"
    steps_per_second: float = 0.0  # 0: as fast as the core allows
    threshold: float = 1e-8  # stop when the loss falls below this
    max_steps: int = 2000
    target_path: str = ""  # the target image of a pair (true_source "target image")


@dataclass(frozen=True, eq=False)
class Document:
    image: np.ndarray  # (C_in, H, W)
    weight: np.ndarray  # (C_out, C_in, kh, kw)
    bias: np.ndarray  # (C_out,)
    image_name: str = "sample"
    geometry: Geometry = field(default_factory=Geometry)
    pooling: Pooling = field(default_factory=Pooling)
    selected: tuple[int, int] = (0, 0)  # the (out, in) kernel slice being edited
    source: str = ""  # the file the input was read from, while unedited
    learn: LearnSettings = field(default_factory=LearnSettings)

    def __post_init__(self) -> None:
        # float32 halves memory and time for photographs; exact for the
        # chapter's small integers.
        image = np.asarray(self.image)
        object.__setattr__(self, "image", frozen(image[None] if image.ndim == 2 else image,
                                                 np.float32))
        object.__setattr__(self, "weight", frozen(self.weight))
        object.__setattr__(self, "bias", frozen(self.bias))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        same_arrays = all(
            a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
            for a, b in ((self.image, other.image), (self.weight, other.weight),
                         (self.bias, other.bias))
        )
        meta = ("image_name", "geometry", "pooling", "selected", "source", "learn")
        return same_arrays and all(getattr(self, m) == getattr(other, m) for m in meta)

    @property
    def kernel(self) -> np.ndarray:
        """The 2-D slice the grid edits."""
        return self.weight[self.selected]

    def out_channel(self, count: int) -> int:
        """The selected output channel, kept inside ``count`` channels (a Frame
        computed for an earlier Document may have fewer than this one selects)."""
        return inside(self.selected[0], count)

    def in_channel(self, count: int) -> int:
        """The selected input channel, kept inside ``count`` channels."""
        return inside(self.selected[1], count)

    @property
    def applied_weight(self) -> np.ndarray:
        """The weights as the convolution applies them: rotated 180° for true
        convolution, as stored for cross-correlation."""
        return self.weight[:, :, ::-1, ::-1] if self.geometry.flip else self.weight

    @property
    def kernel_hw(self) -> tuple[int, int]:
        return self.weight.shape[2], self.weight.shape[3]

    def with_learn(self, **changes) -> Document:
        """New learning settings, e.g. ``doc.with_learn(lr=0.1)``."""
        return replace(self, learn=replace(self.learn, **changes))

    def with_kernel(self, kernel) -> Document:
        w = self.weight.copy()
        w[self.selected] = kernel
        return replace(self, weight=w)

    def with_kernel_size(self, kh: int, kw: int) -> Document:
        """Resize every slice, keeping the values that still fit (top-left)."""
        co, ci, oh, ow = self.weight.shape
        w = np.zeros((co, ci, kh, kw))
        h, wd = min(kh, oh), min(kw, ow)
        w[:, :, :h, :wd] = self.weight[:, :, :h, :wd]
        return replace(self, weight=w)

    def with_out_channels(self, n: int) -> Document:
        """More channels repeat the last slice; fewer drop the last ones."""
        co = self.weight.shape[0]
        idx = [min(i, co - 1) for i in range(n)]
        sel = (min(self.selected[0], n - 1), self.selected[1])
        bias = np.array([self.bias[i] for i in idx])
        return replace(self, weight=self.weight[idx], bias=bias, selected=sel)

    def with_image(self, image, name: str, source: str = "") -> Document:
        """A new input; the kernel follows its channel count (see ``adapted_weight``).

        ``source`` is the file it was read from; an edited input has none.
        """
        return self.with_image_noted(image, name, source)[0]

    def with_image_noted(self, image, name: str, source: str = "") -> tuple[Document, str]:
        """``with_image``, and a sentence saying how the kernel was adapted ("" if not)."""
        image = np.asarray(image, dtype=np.float32)
        if image.ndim == 2:
            image = image[None]
        cin = image.shape[0]
        sel = (self.selected[0], min(self.selected[1], cin - 1))
        doc = replace(self, image=image, weight=adapted_weight(self.weight, cin),
                      image_name=name, selected=sel, source=source)
        return doc, channel_note(self.weight.shape[1], cin)


def adapted_weight(weight: np.ndarray, cin: int) -> np.ndarray:
    """The kernel for an input of ``cin`` channels: the input-channel slices are
    added together and split evenly, so a grey image (the same in every channel)
    gives the same output as before, and going back and forth is exact."""
    if weight.shape[1] == cin:
        return weight
    total = np.asarray(weight, dtype=np.float64).sum(axis=1, keepdims=True)
    return np.repeat(total / cin, cin, axis=1)


def channel_note(old: int, new: int) -> str:
    """How ``adapted_weight`` changed a kernel of ``old`` input channels, in words."""
    if old == new:
        return ""
    ch = lambda n: f"{n} channel{'s' if n != 1 else ''}"  # noqa: E731
    if old == 1:
        how = f"each channel now gets the kernel divided by {new}"
    elif new == 1:
        how = f"its {old} input-channel slices were added into one"
    else:
        how = f"its {old} input-channel slices were added and split evenly over {new}"
    return (f"The input has {ch(new)} and the kernel had {ch(old)}: {how}, so a grey image "
            "gives the same output as before.")


def channel_adaptation(before: Document, after: Document) -> str:
    """The note for an edit that changed the input's channel count and adapted
    the kernel that way ("" for any other edit)."""
    old, new = before.weight.shape[1], after.weight.shape[1]
    if old == new or before.image is after.image or before.weight.shape[0] != after.weight.shape[0]:
        return ""
    if before.kernel_hw != after.kernel_hw:
        return ""
    if not np.allclose(adapted_weight(before.weight, new), after.weight):
        return ""
    return channel_note(old, new)
