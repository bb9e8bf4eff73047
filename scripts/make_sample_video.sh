#!/bin/sh
# Regenerates resources/sample.mp4: the clip the simulator serves as every task's result.
# A real, playable H.264 MP4 (yuv420p, 640x360, 6 s, 24 fps) of ffmpeg's moving test
# pattern, encoded small (well under 400 KB) so the repository and the wheel stay light.
# faststart puts the moov box first so a player can start before the whole file is in.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out="${1:-$here/resources/sample.mp4}"
ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=size=640x360:rate=24:duration=6" \
    -c:v libx264 -profile:v main -preset veryslow -crf 34 -pix_fmt yuv420p \
    -movflags +faststart -an "$out"
echo "wrote $out ($(wc -c < "$out") bytes)"
