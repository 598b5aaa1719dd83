import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from convlab.model.animation import frame_palette, quantize, write_apng, write_gif


def palette() -> np.ndarray:
    """256 distinct colours: a 6×6×6 cube and 40 greys."""
    levels = np.array([0, 51, 102, 153, 204, 255])
    cube = np.stack(np.meshgrid(levels, levels, levels, indexing="ij"), -1).reshape(-1, 3)
    greys = np.repeat(np.linspace(0, 255, 40).round()[:, None], 3, axis=1)
    return np.concatenate([cube, greys]).astype(np.uint8)


def decode_frames(path):
    """Decode with Qt's own readers: an independent decoder."""
    from PySide6.QtGui import QImage, QImageReader

    reader = QImageReader(str(path))
    frames = []
    while True:
        img = reader.read()
        if img.isNull():
            break
        img = img.convertToFormat(QImage.Format.Format_RGB888)
        h, w, bpl = img.height(), img.width(), img.bytesPerLine()
        raw = np.frombuffer(img.constBits(), np.uint8, count=bpl * h).reshape(h, bpl)
        frames.append(raw[:, : w * 3].reshape(h, w, 3).copy())
    return frames


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 70), st.integers(1, 70), st.integers(1, 4), st.integers(0, 2**31),
       st.sampled_from([2, 7, 256]))
def test_gif_round_trips_through_qts_decoder(h, w, n, seed, colours):
    rng = np.random.default_rng(seed)
    frames = [palette()[rng.integers(0, colours, (h, w))] for _ in range(n)]
    import tempfile, os
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "a.gif")
        assert write_gif(path, frames, 100)
        back = decode_frames(path)
    assert len(back) == n
    for f, b in zip(frames, back):
        np.testing.assert_array_equal(b, f)  # palette colours survive exactly


def test_lzw_width_boundaries_and_table_resets(tmp_path):
    """Long runs of new strings cross every code width and the 4096-entry reset."""
    rng = np.random.default_rng(0)
    for size in (254, 255, 256, 511, 512, 767, 1023, 3839, 4094, 4095, 4096, 9000):
        frame = palette()[rng.integers(0, 256, (1, size))]
        write_gif(tmp_path / "b.gif", [frame], 50)
        np.testing.assert_array_equal(decode_frames(tmp_path / "b.gif")[0], frame)


def test_quantize_maps_palette_colours_to_themselves():
    p = palette()
    idx = quantize(p[None], p)[0]
    np.testing.assert_array_equal(p[idx], p)


def test_a_gif_keeps_the_players_cell_colours(tmp_path):
    """The fixed 6×6×6 palette turned a pale pink cell grey. With more than
    256 colours, the most frequent keep their exact colour and the rest take
    the nearest palette colour."""
    rng = np.random.default_rng(1)
    frame = np.zeros((40, 60, 3), np.uint8)
    frame[:, :30] = (244, 214, 219)  # a pale pink cell
    frame[:, 30:] = (178, 24, 43)  # ConvLab's red
    frame[:, 26:34] = rng.integers(0, 256, (40, 8, 3), dtype=np.uint8)  # 320 edge colours
    pal = frame_palette([frame])
    assert len(np.unique(frame.reshape(-1, 3), axis=0)) > 256 and len(pal) == 256
    write_gif(tmp_path / "p.gif", [frame], 50)
    back = decode_frames(tmp_path / "p.gif")[0]
    np.testing.assert_array_equal(back[:, :26], frame[:, :26])
    np.testing.assert_array_equal(back[:, 34:], frame[:, 34:])
    d = np.abs(back.astype(int) - frame.astype(int)).sum(-1)
    nearest = np.abs(pal[None, None].astype(int) - frame[:, :, None].astype(int)).sum(-1).min(-1)
    assert (d <= 3 * nearest + 3).all()  # nothing maps far from its nearest palette colour


def test_apng_has_every_frame(tmp_path):
    frames = [np.full((5, 7, 3), v, np.uint8) for v in (0, 100, 200)]
    assert write_apng(tmp_path / "a.png", frames, 80)
    data = (tmp_path / "a.png").read_bytes()
    assert data.count(b"fcTL") == 3 and data.count(b"fdAT") == 2
    first = decode_frames(tmp_path / "a.png")[0]  # a plain PNG reader sees frame one
    np.testing.assert_array_equal(first, frames[0])


def test_cancel_stops_and_writes_nothing(tmp_path):
    frames = [np.zeros((4, 4, 3), np.uint8)] * 5
    seen = []
    ok = write_gif(tmp_path / "c.gif", frames, 50, lambda done, total: seen.append(done) or done < 2)
    assert not ok and seen == [1, 2] and not (tmp_path / "c.gif").exists()


def test_frames_of_different_sizes_are_padded_to_the_largest(tmp_path):
    """A caption that wraps onto one more line made one frame taller, and the
    export failed ("cannot reshape array of size 105600 into shape (96,960)")."""
    p = palette()
    small, tall = np.full((4, 6, 3), p[5], np.uint8), np.full((7, 5, 3), p[9], np.uint8)
    for write, name in ((write_gif, "a.gif"), (write_apng, "a.png")):
        assert write(tmp_path / name, [small, tall], 80)
        back = decode_frames(tmp_path / name)
        assert back[0].shape == (7, 6, 3)
        np.testing.assert_array_equal(back[0][:4, :6], small)
        assert (back[0][4:] == back[0][4, 0]).all()  # the padding is one colour
