"""Taking finished takes out of the app: remuxed copies with readable names, tags and sidecars."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ... import __version__
from ...domain.task import Task
from .copy import join_videos, write_tagged_copy
from .errors import NoVideo, TargetExists, VideoUnreadable
from .files import numbered, place_new, temporary_beside, write_new_text
from .names import DEFAULT_TEMPLATE, render_name
from .probe import probe
from .sidecar import SEQUENCE_FORMAT, TAKE_FORMAT, take_sidecar

TITLE_LENGTH = 60


@dataclass(frozen=True)
class ExportedFile:
    video: Path
    sidecar: Path
    task_id: str

    def as_json(self) -> dict[str, str]:
        return {"task_id": self.task_id, "video": str(self.video), "sidecar": str(self.sidecar)}


def export_takes(tasks: Sequence[Task], to_dir: str | Path, template: str = DEFAULT_TEMPLATE) -> list[ExportedFile]:
    """Each task's video as `<to_dir>/<name>.mp4` with a `<name>.json` sidecar.

    The template and every task are checked before the first file is written; a name
    already taken (by a video or a sidecar) gets `-2`, `-3`, ...
    """
    names = [render_name(template, task, n) for n, task in enumerate(tasks, start=1)]
    videos = [video_of(task) for task in tasks]
    folder = Path(to_dir).expanduser()
    return [_export_one(task, video, folder / name) for task, video, name in zip(tasks, videos, names)]


def export_sequence(tasks: Sequence[Task], output: str | Path) -> ExportedFile:
    """The takes joined (stream copy) into `output`, with a sidecar listing them in order."""
    videos = [video_of(task) for task in tasks]
    output = Path(output).expanduser()
    if output.suffix.lower() != ".mp4":
        output = output.with_name(output.name + ".mp4")
    sidecar = output.with_suffix(".json")
    if sidecar.exists():
        raise TargetExists(f"{sidecar} already exists; nothing was overwritten.", path=str(sidecar))
    comment = "\n".join(f"{n}. {task.prompt}" for n, task in enumerate(tasks, start=1))
    joined = join_videos(videos, output, title=_title(tasks[0].prompt) if tasks else None, comment=comment)
    takes = [{**take_sidecar(task), "offset_seconds": round(offset, 6)} for task, offset in zip(tasks, joined.offsets)]
    document = {
        "format": SEQUENCE_FORMAT,
        "app": f"hailuo-desktop {__version__}",
        "file": joined.path.name,
        "video": joined.info.as_json(),
        "sound_left_out": joined.sound_left_out,
        "takes": takes,
    }
    write_new_text(sidecar, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return ExportedFile(joined.path, sidecar, tasks[0].id)


def video_of(task: Task) -> Path:
    """The task's video on disk, or NoVideo saying why not."""
    if task.video_path and Path(task.video_path).is_file():
        return Path(task.video_path)
    if task.video_path:
        raise VideoUnreadable(
            f"The video of task {task.id[:8]} is no longer at {task.video_path}.",
            task_id=task.id,
            path=task.video_path,
            reason="missing",
        )
    raise NoVideo(
        f"Task {task.id[:8]} has no video yet (it is {task.state.value}).", task_id=task.id, state=task.state.value
    )


def _export_one(task: Task, video: Path, target: Path) -> ExportedFile:
    with temporary_beside(target, ".mp4") as temporary:
        write_tagged_copy(video, temporary, title=_title(task.prompt), comment=task.prompt or None)
        number = 1
        while True:
            candidate = numbered(target, number)
            number += 1
            if candidate.with_suffix(".json").exists():
                continue
            try:
                placed = place_new(temporary, candidate)
            except TargetExists:
                continue
            break
    sidecar = _write_sidecar(task, placed)
    return ExportedFile(placed, sidecar, task.id)


def _write_sidecar(task: Task, video: Path) -> Path:
    document = {
        "format": TAKE_FORMAT,
        "app": f"hailuo-desktop {__version__}",
        "file": video.name,
        "video": probe(video).as_json(),
        **take_sidecar(task),
    }
    return write_new_text(video.with_suffix(".json"), json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def _title(prompt: str) -> str | None:
    """The prompt's start: cut at a word boundary when one is near."""
    prompt = " ".join(prompt.split())
    if len(prompt) <= TITLE_LENGTH:
        return prompt or None
    cut = prompt[:TITLE_LENGTH]
    space = cut.rfind(" ")
    return (cut[:space] if space > TITLE_LENGTH // 2 else cut).rstrip(" ,.;:") + "…"
