"""Reading local images: header-only verdicts, the full decode, and the bad-image corpus."""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import struct
import warnings
import zlib
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from hailuo_desktop.domain import catalog
from hailuo_desktop.domain.images import ImageFacts
from hailuo_desktop.services.file_hash import sha256_file, sha256_or_none
from hailuo_desktop.services.imagecheck import (
    check_image,
    inspect_image,
    max_pixels,
    sniff_mime,
    verify_image,
)
from tests.conftest import heavy_enabled
from tests.fixtures.images import PNG_SIGNATURE, encode, png_chunk, png_header_bytes

MB = catalog.MB
APIXO, KIE, MINIMAX = catalog.APIXO_IMAGES, catalog.MARKET_IMAGES, catalog.MINIMAX_IMAGES
EXAMPLES = 2000 if heavy_enabled() else 150


def codes(verdict) -> set[str]:
    return {p.code for p in verdict.problems}


# --- the corpus ----------------------------------------------------------------------

# name -> (rules, expected problem codes, expected format)
CORPUS_VERDICTS = {
    "zero_bytes": (APIXO, {"unreadable"}, None),
    "not_an_image": (APIXO, {"unreadable"}, None),
    "png_cut_in_header": (APIXO, {"unreadable"}, None),
    "jpeg_cut_in_header": (APIXO, {"unreadable"}, None),
    # Cut inside the pixel data: the header is whole, so only the full decode can tell.
    "png_cut_in_data": (APIXO, set(), "PNG"),
    "jpeg_cut_in_data": (APIXO, set(), "JPEG"),
    "png_named_jpg": (APIXO, set(), "PNG"),
    "jpeg_named_png": (APIXO, set(), "JPEG"),
    "webp_named_png": (KIE, set(), "WEBP"),
    "gif": (KIE, {"unsupported_format"}, "GIF"),
    "bmp": (KIE, {"unsupported_format"}, "BMP"),
    "tiff": (KIE, {"unsupported_format"}, "TIFF"),
    "avif": (KIE, {"unsupported_format"}, "AVIF"),
    "ratio_2_5": (APIXO, {"aspect_ratio"}, "PNG"),
    "ratio_5_2": (APIXO, {"aspect_ratio"}, "PNG"),
    "ratio_401_1000": (APIXO, set(), "PNG"),
    "short_side_300": (APIXO, {"short_side"}, "PNG"),
    "short_side_301": (APIXO, set(), "PNG"),
    "unicode_name": (APIXO, set(), "PNG"),
    "spaced_name": (APIXO, set(), "JPEG"),
    "bomb_header": (APIXO, {"unreadable"}, None),
    "folder": (APIXO, {"unreadable"}, None),
    "missing": (APIXO, {"unreadable"}, None),
}


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("name", sorted(CORPUS_VERDICTS))
def test_corpus_verdicts(bad_images, name):
    if name not in bad_images:
        pytest.skip(f"this Pillow cannot write {name}")
    rules, expected_codes, expected_format = CORPUS_VERDICTS[name]
    verdict = check_image(bad_images[name], rules)
    assert codes(verdict) == expected_codes, verdict.problems
    assert verdict.facts.format == expected_format
    assert verdict.facts.path == str(bad_images[name])


def test_unsupported_formats_are_named_in_the_message(bad_images):
    for name, shown in (("gif", "GIF"), ("bmp", "BMP"), ("tiff", "TIFF")):
        (problem,) = check_image(bad_images[name], APIXO).problems
        assert problem.code == "unsupported_format" and shown in problem.message
        assert "JPG/PNG" in problem.message


def test_format_comes_from_content_not_extension(bad_images):
    webp = check_image(bad_images["webp_named_png"], APIXO)
    assert codes(webp) == {"unsupported_format"} and "WEBP" in webp.problems[0].message
    assert check_image(bad_images["png_named_jpg"], KIE).ok


def test_a_multi_frame_camera_jpeg_counts_as_jpeg(image_maker):
    buffer = io.BytesIO()
    frames = [Image.new("RGB", (400, 500), color) for color in ("red", "blue")]
    frames[0].save(buffer, "MPO", save_all=True, append_images=frames[1:])
    path = image_maker.raw(buffer.getvalue(), "camera.jpg")
    assert Image.open(path).format == "MPO"  # what Pillow calls it
    verdict = check_image(path, APIXO)
    assert verdict.ok and verdict.facts.format == "JPEG"
    assert sniff_mime(path) == "image/jpeg" and verify_image(path) is None


def test_messages_say_what_went_wrong(bad_images):
    def message(name):
        return inspect_image(bad_images[name]).unreadable

    assert message("zero_bytes") == "The file is empty."
    assert "does not exist" in message("missing")
    assert "folder" in message("folder")
    assert "not an image" in message("not_an_image")
    assert "PNG" in message("png_cut_in_header") and "cut short" in message("png_cut_in_header")
    assert "JPEG" in message("jpeg_cut_in_header")


def test_sizes_come_from_stat_and_facts_from_the_header(bad_images):
    facts = inspect_image(bad_images["unicode_name"])
    assert facts == ImageFacts(
        str(bad_images["unicode_name"]), bad_images["unicode_name"].stat().st_size, "PNG", 400, 500
    )
    assert inspect_image(bad_images["missing"]).bytes is None
    assert inspect_image(bad_images["zero_bytes"]).bytes == 0


def test_every_problem_is_reported_at_once(image_maker):
    path = image_maker.png_of_size(11 * MB, width=1000, height=300)
    assert codes(check_image(path, KIE)) == {"file_too_large", "aspect_ratio", "short_side"}


# --- the full decode -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["png_cut_in_data", "jpeg_cut_in_data"])
def test_full_check_finds_a_file_cut_in_its_pixel_data(bad_images, name):
    assert check_image(bad_images[name], APIXO).ok  # the header alone looks fine
    problem = verify_image(bad_images[name])
    assert problem is not None and "damaged or incomplete" in problem


def test_full_check_finds_a_bad_png_checksum(image_maker):
    data = bytearray(encode(400, 500, "PNG"))
    idat = data.index(b"IDAT")
    data[idat + 6] ^= 0xFF  # flip a byte inside the compressed data: the CRC no longer matches
    path = image_maker.raw(bytes(data), "bad-crc.png")
    assert verify_image(path) is not None


@pytest.mark.parametrize("name", ["png_named_jpg", "jpeg_named_png", "unicode_name", "spaced_name", "gif"])
def test_full_check_passes_sound_files(bad_images, name):
    assert verify_image(bad_images[name]) is None


def test_full_check_reports_what_the_header_check_reports(bad_images):
    assert verify_image(bad_images["missing"]) == inspect_image(bad_images["missing"]).unreadable
    assert verify_image(bad_images["zero_bytes"]) == "The file is empty."


# --- size limits, exactly at the edge ----------------------------------------------------

SIZE_EDGES = [
    ("apixo at 20 MB", APIXO, 20 * MB, True),
    ("apixo one byte over", APIXO, 20 * MB + 1, False),
    ("kie at 10 MB", KIE, 10 * MB, True),
    ("kie one byte over", KIE, 10 * MB + 1, False),
    ("minimax one byte under 20 MB", MINIMAX, 20 * MB - 1, True),
    ("minimax at 20 MB", MINIMAX, 20 * MB, False),
]


@pytest.mark.parametrize("kind", ["png", "jpeg"])
@pytest.mark.parametrize(("label", "rules", "size", "accepted"), SIZE_EDGES, ids=[e[0] for e in SIZE_EDGES])
def test_size_limits_at_the_byte(image_maker, kind, label, rules, size, accepted):
    make = image_maker.png_of_size if kind == "png" else image_maker.jpeg_of_size
    path = make(size)
    assert path.stat().st_size == size
    verdict = check_image(path, rules)
    assert verdict.facts.bytes == size
    assert codes(verdict) == (set() if accepted else {"file_too_large"})


def test_padded_files_are_sound_images(image_maker):
    # The padding must be something decoders accept, or the size tests would test nothing real.
    assert verify_image(image_maker.png_of_size(10 * MB)) is None
    assert verify_image(image_maker.jpeg_of_size(10 * MB)) is None


# --- files that are not plain readable files ---------------------------------------------


@pytest.mark.timeout(10)
def test_a_fifo_gets_a_verdict_instead_of_blocking(tmp_path):
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    assert "not a regular file" in inspect_image(fifo).unreadable
    assert verify_image(fifo) is not None
    assert sniff_mime(fifo) is None


def test_a_file_without_read_permission(locked_image):
    if os.geteuid() != 0:
        facts = inspect_image(locked_image)
    else:
        facts = _inspect_as_nobody(locked_image)
    assert "no permission" in facts.unreadable
    assert facts.bytes == locked_image.stat().st_size  # stat works; only reading is refused


def _inspect_as_nobody(path) -> ImageFacts:
    """Root reads any file, so the refusal is proved in a forked child that drops to nobody.

    The parent has already imported Pillow's plugins (nobody cannot read root's venv).
    """
    inspect_image(__file__)  # loads every Pillow plugin in this process before the fork
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop privileges, inspect, send the facts back, exit hard
        try:
            os.setgid(65534)
            os.setuid(65534)
            os.write(write_end, pickle.dumps(inspect_image(path)))
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return pickle.loads(data)


# --- decompression bombs -----------------------------------------------------------------


@pytest.mark.timeout(10)
@pytest.mark.parametrize("warnings_as", ["default", "error"])
def test_bomb_headers_get_a_verdict_without_decoding(image_maker, warnings_as, recwarn):
    if warnings_as == "error":
        warnings.simplefilter("error", Image.DecompressionBombWarning)
    huge = image_maker.header_only_png(100_000, 100_000, "huge.png")  # Pillow's DecompressionBombError
    large = image_maker.header_only_png(10_000, 10_000, "large.png")  # Pillow's warning range
    for path in (huge, large):
        facts = inspect_image(path)
        assert "than can be decoded safely" in facts.unreadable
        # verify_image refuses before load(): a decode attempt would fail with another message.
        assert "than can be decoded safely" in verify_image(path)
    if warnings_as == "default":  # Pillow only warned, so the claimed size is known
        assert "10000×10000 pixels" in inspect_image(large).unreadable


def test_the_pixel_cap_is_pillows_own():
    assert max_pixels() > 40_000_000  # a 48-megapixel phone photo still passes


# --- other readers --------------------------------------------------------------------


def test_sniff_mime_reads_content(bad_images):
    assert sniff_mime(bad_images["png_named_jpg"]) == "image/png"
    assert sniff_mime(bad_images["jpeg_named_png"]) == "image/jpeg"
    assert sniff_mime(bad_images["webp_named_png"]) == "image/webp"
    assert sniff_mime(bad_images["not_an_image"]) is None
    assert sniff_mime(bad_images["missing"]) is None


def test_sha256_is_streamed_and_correct(image_maker):
    path = image_maker.png_of_size(3 * MB)
    assert sha256_file(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_sha256_or_none_follows_a_changed_file_and_is_none_for_a_missing_one(tmp_path):
    path = tmp_path / "source.png"
    path.write_bytes(b"first version")
    assert sha256_or_none(path) == hashlib.sha256(b"first version").hexdigest()
    path.write_bytes(b"second, longer version")  # another size: the cached digest is not reused
    assert sha256_or_none(path) == hashlib.sha256(b"second, longer version").hexdigest()
    assert sha256_or_none(tmp_path / "gone.png") is None


# --- property tests: any bytes give a verdict --------------------------------------------


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    inspect_image(__file__)  # load Pillow's plugins once, outside the timed examples
    return tmp_path_factory.mktemp("fuzz") / "fuzz.img"


def assert_sane(facts: ImageFacts) -> None:
    assert isinstance(facts, ImageFacts)
    if facts.unreadable is None:
        assert facts.format and facts.width > 0 and facts.height > 0
        assert facts.width * facts.height <= max_pixels()
    else:
        assert facts.format is None


def fuzz(scratch, data: bytes) -> ImageFacts:
    scratch.write_bytes(data)
    facts = inspect_image(scratch)
    assert_sane(facts)
    problem = verify_image(scratch)  # must return, not raise
    if facts.unreadable:
        assert problem == facts.unreadable  # the full check never contradicts the quick one
    else:
        assert problem is None or problem.startswith("The image data is damaged or incomplete")
    return facts


# A generous deadline: a claim just under the pixel cap makes the full decode allocate a few
# hundred MB before it finds the data missing, which is slow on a busy CI machine.
FUZZ = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_never_raise(scratch, data):
    fuzz(scratch, data)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@FUZZ
@given(
    width=st.integers(0, 2**31 - 1),
    height=st.integers(0, 2**31 - 1),
    depth=st.sampled_from([1, 2, 4, 8, 16, 3, 0]),
    color=st.sampled_from([0, 2, 3, 4, 6, 5]),
    tail=st.binary(max_size=512),
)
def test_random_png_headers_never_raise(scratch, width, height, depth, color, tail):
    ihdr = struct.pack(">IIBBBBB", width, height, depth, color, 0, 0, 0)
    facts = fuzz(scratch, PNG_SIGNATURE + png_chunk(b"IHDR", ihdr) + tail)
    if facts.unreadable is None:
        assert (facts.width, facts.height) == (width, height)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@FUZZ
@given(width=st.integers(1, 2**31 - 1), height=st.integers(1, 2**31 - 1), idat=st.binary(max_size=256))
def test_claimed_sizes_are_read_or_refused(scratch, width, height, idat):
    facts = fuzz(scratch, png_header_bytes(width, height, idat=zlib.compress(idat)))
    too_many = width * height > max_pixels()
    assert (facts.unreadable is not None) == too_many
    if not too_many:
        assert (facts.format, facts.width, facts.height) == ("PNG", width, height)
        assert verify_image(scratch) is not None  # the pixel data cannot fill the claim


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@FUZZ
@given(body=st.binary(max_size=2048))
def test_jpeg_start_plus_random_bytes_never_raise(scratch, body):
    fuzz(scratch, b"\xff\xd8\xff" + body)


@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow warns about damaged TIFF tags
@FUZZ
@given(
    image_format=st.sampled_from(["PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF"]),
    cut=st.integers(0, 4000),
    flips=st.lists(st.tuples(st.integers(0, 4000), st.integers(1, 255)), max_size=4),
)
def test_damaged_real_images_never_raise(scratch, image_format, cut, flips):
    data = bytearray(encode(310, 320, image_format)[: cut or None])
    for position, mask in flips:
        if position < len(data):
            data[position] ^= mask
    fuzz(scratch, bytes(data))
