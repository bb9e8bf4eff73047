#!/usr/bin/env bash
# Put Hailuo Desktop in the application menu: the .desktop entry, the icon in every size,
# and the AppStream metainfo, under a freedesktop prefix (~/.local for one user).
#
#   packaging/install-desktop-entry.sh [--prefix DIR] [--exec COMMAND]
#
# --prefix  default ~/.local (use /usr/local, as root, for every user)
# --exec    the program the menu starts; default: hailuo-desktop as found on PATH
#           (pipx puts it in ~/.local/bin; a bundle: /opt/hailuo-desktop/hailuo-desktop)
# Menus do not always search ~/.local/bin, so the entry names the program by full path.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
icons="$here/../resources/icons"
prefix="$HOME/.local"
program=""

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --exec) program=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

if [ -z "$program" ]; then
  program=$(command -v hailuo-desktop || true)
  if [ -z "$program" ]; then
    echo "hailuo-desktop is not on PATH: install it first (pipx install .) or pass --exec" >&2
    exit 1
  fi
fi
case "$program" in
  /*) ;;
  *) program="$(cd "$(dirname "$program")" && pwd)/$(basename "$program")" ;;
esac

# The Exec key wants a path with spaces or quotes inside double quotes, with \ " ` $
# escaped by a backslash; then, as in any desktop-file string, every backslash is doubled.
quoted=$program
if [[ "$program" =~ [[:space:]\"\'\\\`\$] ]]; then
  quoted=$(printf '%s' "$program" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g')
  quoted="\"$quoted\""
fi

sed_text() { printf '%s' "$1" | sed 's/[&|\\]/\\&/g'; }  # literal text in a sed replacement

share="$prefix/share"
install -d "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
sed -e "s|^Exec=hailuo-desktop|Exec=$(sed_text "$quoted")|" -e "s|^TryExec=.*|TryExec=$(sed_text "$program")|" \
  "$here/hailuo-desktop.desktop" > "$share/applications/hailuo-desktop.desktop"
install -m 644 "$here/io.github.hailuo_desktop.HailuoDesktop.metainfo.xml" "$share/metainfo/"
install -m 644 "$icons/hailuo-desktop.svg" "$share/icons/hicolor/scalable/apps/hailuo-desktop.svg"
for png in "$icons"/hailuo-desktop-*.png; do
  size=$(basename "$png" .png); size=${size##*-}
  install -D -m 644 "$png" "$share/icons/hicolor/${size}x${size}/apps/hailuo-desktop.png"
done

# Refresh the caches where the tools exist; menus pick the entry up without them too.
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "Installed the menu entry for $program under $share"
