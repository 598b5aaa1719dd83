"""Edit→frame latency of the real window (offscreen), beside the core's own time.

Run: .venv/bin/python benchmarks/bench_ui.py
A 1024×1024 colour input and a 5×5 kernel: each sample types a new value into
a kernel cell (through the grid's model, as the editor does) and waits until
the output view holds the new array, then until its image item has painted
it (what reaches the screen).
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CONVLAB_CONFIG_DIR", os.path.join(os.path.dirname(__file__), ".config"))

import numpy as np  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402

from convlab.app import create_window  # noqa: E402
from convlab.core import conv2d  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))
from _timing import median_seconds  # noqa: E402


def main(samples: int = 40) -> None:
    win = create_window([])
    win.show()
    while not win.controller.ready:
        QCoreApplication.processEvents()
    img = np.random.default_rng(0).random((3, 1024, 1024))
    doc = win.controller.doc.with_image(img, "noise 1024² RGB").with_kernel_size(5, 5)
    win.controller.apply(doc, "bench")
    QCoreApplication.processEvents()
    model = win.kernel_panel.grid.model()
    view = win.views.output_view.image_item
    painted, given = [], []  # when the output's image item painted, got its image
    paint, set_image = view.paint, view.setImage
    view.paint = lambda *args: (paint(*args), painted.append(time.perf_counter()))
    view.setImage = lambda *a, **k: (given.append(time.perf_counter()), set_image(*a, **k))
    latencies, on_screen, core = [], [], []
    for i in range(samples):
        before = view.image
        painted.clear()
        t0 = time.perf_counter()
        model.setData(model.index(2, 2), str(1 + i % 7))
        while view.image is before:
            QCoreApplication.processEvents()
        latencies.append(time.perf_counter() - t0)
        while not [t for t in painted if t > given[-1]] and time.perf_counter() - t0 < 1:
            QCoreApplication.processEvents()
        on_screen.append(min([t for t in painted if t > given[-1]] or [float("nan")]) - t0)
        core.append(win.controller.frame.seconds)
    d = win.controller.doc
    x, w = d.image, d.weight.astype(np.float32)
    conv = median_seconds(lambda: conv2d(x, w, padding=d.geometry.pad))
    print("1024×1024 RGB input, 5×5 kernel, 3→1 channels; medians of", samples)
    print(f"  edit → new output in the view: {statistics.median(latencies) * 1e3:7.2f} ms")
    print(f"  edit → the view painted it:    {statistics.median(on_screen) * 1e3:7.2f} ms")
    print(f"  the frame's compute (pad, convolve): {statistics.median(core) * 1e3:7.2f} ms")
    print(f"  conv2d alone:                  {conv * 1e3:7.2f} ms")
    print(f"  a 60 Hz frame is 16.7 ms: {'within' if statistics.median(on_screen) < 1 / 60 else 'over'}")
    win.close()


if __name__ == "__main__":
    main()
