"""The media core on real H.264 clips, checked by independent readers (ffprobe, a fresh PyAV)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import threading
import time
from fractions import Fraction
from pathlib import Path

import pytest
from PIL import Image

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.domain.task import Task
from hailuo_desktop.services import media
from tests.fixtures.videos import decoded_frames, mean_difference, packets, write_clip

# PNG holds the decoder's RGB exactly; the slack covers a different YUV->RGB rounding.
SAME_PICTURE = 2.0


def ffprobe(path: Path, *args: str) -> dict:
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-of", "json", *args, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def decodes_cleanly(path: Path) -> bool:
    """ffmpeg decodes every frame and reports no error at all."""
    result = subprocess.run(
        ["ffmpeg", "-v", "error", "-xerror", "-i", str(path), "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0 and result.stderr == ""


@pytest.fixture
def clip(tmp_path) -> Path:
    return write_clip(tmp_path / "clip.mp4", 1.0)


def a_task(video: Path | None, **fields) -> Task:
    values = {
        "id": "3f2a9c1e7b6d4e0f8a1b2c3d4e5f6a7b",
        "provider": "kie",
        "model": "hailuo/2-3-image-to-video-standard",
        "kind": "i2v",
        "prompt": "A fox turns its head toward the camera / then runs off [Pan left]",
        "duration": 6,
        "resolution": "768P",
        "state": TaskState.SUCCEEDED,
        "remote_id": "kie-777",
        "video_path": str(video) if video else None,
        "created_at": 1_767_225_600.0,
        "finished_at": 1_767_225_700.0,
        "cost": 30.0,
        "cost_unit": "credits",
        "charged_cost": 30.0,
    }
    return Task(**(values | fields))


# --- frames -------------------------------------------------------------------------------
def test_last_frame_is_the_real_last_decoded_frame(clip, tmp_path):
    frames = decoded_frames(clip)
    info = media.last_frame(clip, tmp_path / "last.png")
    still = Image.open(info.path)
    assert (info.index, still.size) == (len(frames) - 1, (448, 320))
    assert mean_difference(still, frames[-1]) == 0  # the same decoder's picture, kept losslessly
    # not a keyframe before it, not the frame before it
    assert mean_difference(still, frames[-2]) > 3 * SAME_PICTURE
    assert mean_difference(still, frames[0]) > 50


@pytest.mark.parametrize("keyint", [250, 5])
def test_the_last_frame_of_a_clip_with_one_keyframe_or_many(tmp_path, keyint):
    """One keyframe: every frame before the end is decoded or skipped; many: only the last group."""
    clip = write_clip(tmp_path / "clip.mp4", 1.5, keyint=keyint)
    info = media.last_frame(clip, tmp_path / "last.png")
    frames = decoded_frames(clip)
    assert info.index == len(frames) - 1 == 35
    assert mean_difference(Image.open(info.path), frames[-1]) == 0


def test_frame_at_gives_the_frame_on_screen(clip, tmp_path):
    frames = decoded_frames(clip)
    for seconds, index in ((0.0, 0), (0.5, 12), (0.51, 12), (13 / 24, 13), (1.0, 23)):
        info = media.frame_at(clip, seconds, tmp_path / f"at-{seconds}.png")
        assert info.index == index
        assert mean_difference(Image.open(info.path), frames[index]) < SAME_PICTURE
    with pytest.raises(media.FrameOutOfRange) as refused:
        media.frame_at(clip, 1.5, tmp_path / "late.png")
    assert refused.value.params == {"seconds": 1.5, "duration": 1.0}
    assert not (tmp_path / "late.png").exists()


def test_a_file_that_is_no_video_is_refused_in_words(tmp_path):
    fake = tmp_path / "fake.mp4"
    fake.write_bytes(b"\x00\x00\x00\x18ftypisom" + b"garbage" * 50)
    with pytest.raises(media.VideoUnreadable, match="fake.mp4"):
        media.last_frame(fake, tmp_path / "x.png")
    with pytest.raises(media.VideoUnreadable, match="not there"):
        media.probe(tmp_path / "missing.mp4")


def test_poster_frames_are_cached_and_safe_across_threads(clip, tmp_path):
    cache = tmp_path / "posters"
    results: list[Path] = []
    threads = [
        threading.Thread(target=lambda: results.append(media.poster_frame(clip, cache, max_side=160))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1 and [p.name for p in cache.iterdir()] == [results[0].name]
    poster = Image.open(results[0])
    assert poster.format == "JPEG" and max(poster.size) == 160
    frames = [f.resize(poster.size) for f in decoded_frames(clip)]
    # the clip has keyframes at 0, 10 and 20: the one nearest the middle (12) is taken whole
    assert mean_difference(poster, frames[10]) < 8  # JPEG and scaling
    assert mean_difference(poster, frames[0]) > 50 and mean_difference(poster, frames[23]) > 50
    before = results[0].stat().st_mtime_ns
    assert media.poster_frame(clip, cache, max_side=160) == results[0]
    assert results[0].stat().st_mtime_ns == before  # served from the cache, not written again


def test_a_poster_without_a_keyframe_near_the_middle_is_still_from_the_middle(tmp_path):
    clip = write_clip(tmp_path / "one-keyframe.mp4", 1.0, keyint=250)
    poster = Image.open(media.poster_frame(clip, tmp_path / "posters", max_side=160))
    frames = [f.resize(poster.size) for f in decoded_frames(clip)]
    nearest = min(range(len(frames)), key=lambda i: mean_difference(poster, frames[i]))
    assert 9 <= nearest <= 12  # the middle, or a frame just before it (B-frames are skipped)


# --- export -------------------------------------------------------------------------------
def test_export_keeps_the_providers_packets_and_tags_the_prompt(clip, tmp_path):
    task = a_task(clip)
    [exported] = media.export_takes([task], tmp_path / "out")
    date = time.strftime("%Y%m%d-%H%M%S", time.localtime(task.created_at))
    assert (
        exported.video.name
        == f"{date}_A-fox-turns-its-head-toward-the-camera_kie_hailuo-2-3-image-to-video-standard_1.mp4"
    )
    tags = ffprobe(exported.video, "-show_entries", "format_tags")["format"]["tags"]
    assert tags["comment"] == task.prompt
    assert tags["title"] == "A fox turns its head toward the camera / then runs off [Pan…"
    assert packets(exported.video) == packets(clip)  # byte for byte, same timestamps
    assert decodes_cleanly(exported.video)
    assert exported.video.read_bytes()[4:8] == b"ftyp" and b"moov" in exported.video.read_bytes()[:64]  # faststart
    sidecar = json.loads(exported.sidecar.read_text("utf-8"))
    assert exported.sidecar == exported.video.with_suffix(".json")
    assert sidecar["prompt"] == task.prompt and sidecar["provider"] == "kie" and sidecar["task_id"] == task.id
    assert sidecar["provider_task_id"] == "kie-777" and sidecar["created_at"] == "2026-01-01T00:00:00Z"
    assert sidecar["cost"] == {"estimate": 30.0, "charged": 30.0, "unit": "credits", "charge_status": None}
    assert sidecar["video"]["frames"] == 24 and sidecar["file"] == exported.video.name


def test_export_names_the_source_image_and_its_hash(clip, tmp_path):
    image = tmp_path / "my photo.png"
    Image.new("RGB", (400, 300), (10, 20, 30)).save(image)
    digest = hashlib.sha256(image.read_bytes()).hexdigest()
    [exported] = media.export_takes([a_task(clip, image_path=str(image), image_sha256=digest)], tmp_path / "out")
    facts = json.loads(exported.sidecar.read_text("utf-8"))["source_image"]
    assert facts == {"file_name": "my photo.png", "sha256": digest, "url": None}


def test_export_never_overwrites(clip, tmp_path):
    out = tmp_path / "out"
    task = a_task(clip)
    first = media.export_takes([task, task], out, template="{id}.mp4")
    again = media.export_takes([task], out, template="{id}.mp4")
    names = [e.video.name for e in first + again]
    assert names == ["3f2a9c1e.mp4", "3f2a9c1e-2.mp4", "3f2a9c1e-3.mp4"]
    assert sorted(p.name for p in out.iterdir()) == sorted(names + [n.replace(".mp4", ".json") for n in names])
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary left behind


def test_export_refuses_before_writing_anything(clip, tmp_path):
    out = tmp_path / "out"
    unfinished = a_task(None, id="9" * 32, state=TaskState.RUNNING)
    with pytest.raises(media.NoVideo, match="no video yet"):
        media.export_takes([a_task(clip), unfinished], out)
    with pytest.raises(media.TemplateError, match="not a field"):
        media.export_takes([a_task(clip)], out, template="{nope}.mp4")
    assert not out.exists() or not list(out.iterdir())


@pytest.mark.parametrize(
    "template, name",
    [
        ("{prompt:12}", "A-fox-turns.mp4"),
        ("{provider}-{n:03}.mp4", "kie-007.mp4"),
        ("{prompt}", None),
    ],
)
def test_names_are_safe_and_cut(template, name):
    task = a_task(None, prompt="A fox turns/../../etc/passwd \x00 <CON> 夜の狐 " * 3)
    rendered = media.render_name(template, task, 7)
    if name:
        assert rendered == name
    assert "/" not in rendered and "\x00" not in rendered and ".." not in rendered
    assert rendered.endswith(".mp4") and len(rendered.encode()) <= 210
    assert "夜の狐" in media.render_name("{prompt}", task, 1)


@pytest.mark.parametrize("template", ["../{n}.mp4", "{nope}", "{prompt:x}", "{n:q}", "{", "---"])
def test_bad_templates_say_why(template):
    with pytest.raises(media.TemplateError) as refused:
        media.render_name(template, a_task(None), 1)
    assert refused.value.params["template"] == template and refused.value.code == "bad_template"


# --- join ---------------------------------------------------------------------------------
def test_join_sums_frames_and_duration(tmp_path):
    a = write_clip(tmp_path / "a.mp4", 1.0)
    b = write_clip(tmp_path / "b.mp4", 1.5, hue=200)
    result = media.join_videos([a, b], tmp_path / "joined.mp4", title="two takes")
    assert result.offsets == [0.0, 1.0]
    stream = ffprobe(result.path, "-count_frames", "-show_entries", "stream=nb_read_frames,codec_name:format=duration")
    assert int(stream["streams"][0]["nb_read_frames"]) == 24 + 36
    assert float(stream["format"]["duration"]) == pytest.approx(2.5, abs=1e-3)
    assert decodes_cleanly(result.path)
    assert packets(result.path) and [p[0] for p in packets(result.path)] == [p[0] for p in packets(a) + packets(b)]
    frames = decoded_frames(result.path)
    assert mean_difference(frames[23], decoded_frames(a)[-1]) < SAME_PICTURE
    assert mean_difference(frames[24], decoded_frames(b)[0]) < SAME_PICTURE
    assert result.info.frames == 60 and result.info.fps == Fraction(24)


@pytest.mark.parametrize(
    "options, prop",
    [
        ({"size": (256, 240)}, "size"),
        ({"fps": 30}, "frame_rate"),
        ({"preset": "ultrafast"}, "codec_parameters"),  # Constrained Baseline instead of High: another SPS
    ],
)
def test_join_refuses_mismatched_takes_and_says_why(tmp_path, options, prop):
    a = write_clip(tmp_path / "a.mp4", 0.5)
    b = write_clip(tmp_path / "b.mp4", 0.5, **options)
    with pytest.raises(media.JoinMismatch) as refused:
        media.join_videos([a, b], tmp_path / "joined.mp4")
    assert refused.value.params["property"] == prop and refused.value.params["index"] == 2
    assert "Take 2" in refused.value.message
    assert not (tmp_path / "joined.mp4").exists()


def test_join_says_when_it_left_the_sound_out(tmp_path):
    a = write_clip(tmp_path / "a.mp4", 0.5, sound=True)
    assert ffprobe(a, "-show_entries", "stream=codec_type")["streams"][1]["codec_type"] == "audio"
    result = media.join_videos([a, a], tmp_path / "joined.mp4")
    assert result.sound_left_out and not result.info.has_audio and result.info.frames == 24
    plain = write_clip(tmp_path / "p.mp4", 0.5)
    assert not media.join_videos([plain, plain], tmp_path / "plain.mp4").sound_left_out


def test_export_keeps_the_sound(tmp_path):
    a = write_clip(tmp_path / "a.mp4", 0.5, sound=True)
    [exported] = media.export_takes([a_task(a)], tmp_path / "out")
    kinds = [s["codec_type"] for s in ffprobe(exported.video, "-show_entries", "stream=codec_type")["streams"]]
    assert kinds == ["video", "audio"] and decodes_cleanly(exported.video)


def test_the_sidecar_names_the_models_defaults_when_the_task_left_them_open(clip, tmp_path):
    [exported] = media.export_takes([a_task(clip, duration=None, resolution=None)], tmp_path / "out")
    sidecar = json.loads(exported.sidecar.read_text("utf-8"))
    assert (sidecar["duration"], sidecar["resolution"]) == (6, "768P")


def test_join_never_overwrites(tmp_path):
    a = write_clip(tmp_path / "a.mp4", 0.5)
    target = tmp_path / "joined.mp4"
    target.write_bytes(b"mine")
    with pytest.raises(media.TargetExists):
        media.join_videos([a, a], target)
    assert target.read_bytes() == b"mine"


def test_sequence_export_lists_the_takes(tmp_path):
    a = write_clip(tmp_path / "a.mp4", 1.0)
    b = write_clip(tmp_path / "b.mp4", 1.0, hue=90)
    first = a_task(a)
    second = a_task(b, id="4" * 32, prompt="the fox runs on", parent_id=first.id)
    exported = media.export_sequence([first, second], tmp_path / "out" / "sequence.mp4")
    document = json.loads(exported.sidecar.read_text("utf-8"))
    assert [t["task_id"] for t in document["takes"]] == [first.id, second.id]
    assert [t["offset_seconds"] for t in document["takes"]] == [0.0, 1.0]
    assert document["takes"][1]["parent_id"] == first.id and document["video"]["frames"] == 48
    tags = ffprobe(exported.video, "-show_entries", "format_tags")["format"]["tags"]
    assert tags["comment"] == f"1. {first.prompt}\n2. the fox runs on"
