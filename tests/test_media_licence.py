"""What the app does with FFmpeg decides the licence of a bundle (packaging/README.md):
demux, decode and stream-copy only, never an encoder; and the README tells the truth
about the libraries the installed PyAV wheel would bring into a bundle."""

from __future__ import annotations

import re
from pathlib import Path

import av

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "hailuo_desktop"
# Ways to get an encoder out of PyAV: a stream made from a codec name, a codec context
# created for writing, a frame or stream encoded.
ENCODER_USE = re.compile(r"\.add_stream\(|CodecContext\.create\(|\.encode\(|\.encode_lazy\(")


def _uses_pyav(text: str) -> bool:
    return bool(re.search(r"^\s*(import av\b|from av\b)", text, re.MULTILINE))


def test_the_app_never_opens_an_ffmpeg_encoder():
    users = {path: path.read_text("utf-8") for path in APP.rglob("*.py")}
    users = {path: text for path, text in users.items() if _uses_pyav(text)}
    assert users, "nothing imports PyAV any more: update this test and packaging/README.md"
    offenders = {
        str(path.relative_to(ROOT)): ENCODER_USE.findall(text)
        for path, text in users.items()
        if ENCODER_USE.search(text)
    }
    assert offenders == {}


def test_the_encoder_check_would_see_one():
    made_up = 'stream = out.add_stream("libx264", rate=24)\nfor packet in stream.encode(frame):'
    assert len(ENCODER_USE.findall(made_up)) == 2 and not ENCODER_USE.search("out.add_stream_from_template(s)")


def test_the_readme_says_what_the_wheels_libraries_mean_for_a_bundle():
    readme = (ROOT / "packaging" / "README.md").read_text("utf-8")
    assert "demux, decode and stream-copy only" in readme and "--no-binary av" in readme
    libs = Path(av.__file__).resolve().parent.parent / "av.libs"
    codec_libraries = sorted(libs.glob("libavcodec-*.so*"))
    if not codec_libraries:
        return  # PyAV built from source (the LGPL recipe above): no bundled GPL encoder to declare
    # auditwheel renames each bundled library to <name>-<hash>.so...: libavcodec names the
    # GPL encoders it needs (DT_NEEDED strings sit in its dynamic string table)
    binary = codec_libraries[0].read_bytes()
    gpl_parts = [name for name in ("libx264", "libx265") if re.search(rb"%s-[0-9a-f]{8}\.so" % name.encode(), binary)]
    if gpl_parts:
        assert "distributed under GPL-3.0-or-later" in readme
        assert all(name in readme for name in gpl_parts)
