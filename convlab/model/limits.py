"""The limits every value must respect before it enters a Document.

One table for the whole app: the session loader, the autosave, paste, typed
cells, the command line and the file dialogs all check against these, and the
widgets take their ranges from them (a widget never clamps a value it shows).
Each limit keeps memory and time bounded for any input (see the README's
*Nothing is lost* section, which quotes these numbers).
"""

from __future__ import annotations

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
MAX_VALUE = 1e30  # |any kernel, bias or input value|; float32 holds up to 3.4e38

# Learning settings.
MAX_LR = 1000.0  # learning rate, (0, 1000]
MAX_STEPS = 10_000_000  # maximum steps, 1..10^7
MAX_SEED = 2**31 - 1  # random seed, 0..2^31 − 1
MAX_NOISE = 1e6  # target noise (standard deviation), 0..10^6
MAX_THRESHOLD = 1e30  # stop threshold on the loss, 0..10^30
MAX_STEPS_PER_SECOND = 1000.0  # animation speed, 0 (as fast as possible)..1000
