"""After the warm-up, the work the window and the learner do compiles nothing
more. Numba compiles one specialisation per argument type, and a read-only
array is another type: the window hands the core read-only arrays (a
Document's image, the cached padded input), so unless every array reaches the
kernels as the warm-up's did, a cold cache compiles again on the GUI thread
(the first 3×3 frame took 1.6 s, a 7×7 one 4.1 s).

The check runs in a fresh interpreter: in this one, other tests have already
compiled whatever they touched."""

import subprocess
import sys
import textwrap

PROBE = textwrap.dedent("""
    import numba
    import numpy as np

    from convlab.core import (_jit, _kernels, _winograd, conv2d, conv2d_backward, gram, pad2d,
                              pool2d)
    from convlab.core.descent import descend
    from convlab.core.warmup import warmup

    def frozen(a):
        a = np.array(a)
        a.flags.writeable = False
        return a

    def signatures():
        mods = (_kernels, _winograd, gram)
        return {f"{m.__name__}.{n}": list(d.signatures) for m in mods
                for n, d in vars(m).items() if isinstance(d, numba.core.dispatcher.Dispatcher)}

    def window_and_learner(rng):
        for dt in (np.float32, np.float64):
            # 3×3 strips, row tiles, direct (2 columns), channel tiles (4 and
            # 2-3 output channels), strided (a whole tile wide even with
            # AVX-512's 64 columns), tiny, Winograd (16 → 16 channels, 3×3)
            for cin, cout, n, k, s, p in ((1, 1, 512, 3, 1, 1), (1, 1, 300, 7, 1, 0),
                                          (1, 1, 300, 2, 1, 0), (3, 4, 64, 3, 1, 1),
                                          (2, 3, 64, 3, 1, 1), (1, 2, 64, 5, 1, 0),
                                          (3, 16, 160, 3, 2, 1), (1, 1, 6, 3, 1, 0),
                                          (16, 16, 96, 3, 1, 1)):
                x = frozen(rng.standard_normal((cin, n, n)).astype(dt))
                w = frozen(rng.standard_normal((cout, cin, k, k)).astype(dt))
                b = frozen(np.zeros(cout, dt))
                out = conv2d(x, w, b, stride=s, padding=p)
                conv2d(frozen(pad2d(x, p)), w, b, stride=s)  # the window's frame
                go = frozen(np.ones_like(out))
                conv2d_backward(x, w, go, stride=s, padding=p, need_input=False)
                conv2d_backward(x, w, go, stride=s, padding=p)
                pool2d(frozen(out), 2)
        x = frozen(rng.standard_normal((1, 6, 8)))
        y = frozen(conv2d(x, np.array([[[[1.0, -1.0]]]])))
        for _, step in zip(range(3), descend(x, y, np.zeros((1, 1, 1, 2)), lr=0.03)):
            pass
        for xs, s in (((1, 6, 6), 1), ((3, 120, 120), 2)):
            xg = frozen(rng.standard_normal(xs))
            gram.gram(xg, 3, frozen(np.ones((1, *gram.gram(xg, 3, stride=s).out_hw))),
                      stride=s, bias=True)

    warmup()
    before = signatures()
    for parallel in (True, False):
        _jit.Pace.prefer_parallel = lambda self, p=parallel: p
        window_and_learner(np.random.default_rng(0))
    after = signatures()
    new = {k: [s for s in v if s not in before.get(k, [])] for k, v in after.items()}
    print({k: v for k, v in new.items() if v})
""")


def test_the_window_and_the_learner_compile_nothing_after_the_warmup():
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.strip().splitlines()
    assert lines and lines[-1] == "{}", run.stdout[-3000:] or run.stderr[-3000:]
