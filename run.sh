#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine:
#   bash run.sh demo    install everything, then start the app in demo mode (no key needed)
#   bash run.sh test    install everything, then run the whole test suite
# Extra arguments after `test` go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
venv="$here/.venv"

apt_packages=(
  # Qt offscreen and on a real screen
  libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0 libgssapi-krb5-2
  fonts-dejavu-core xvfb xauth libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-xfixes0 libxcb-xkb1 libxcb-glx0 libxcb-util1
  # Chinese glyphs for the zh_CN translation; GTK 3 for Qt's gtk3 theme (the system's dark palette)
  fonts-wqy-microhei libgtk-3-0
  # QtMultimedia will not import without libpulse0
  libpulse0 libdrm2 libxrandr2 libxext6 libxrender1
  # the OS keyring (Secret Service) and a session bus
  gnome-keyring dbus-daemon dbus-x11
  # benchmarks compare downloads against curl; ffprobe is the tests' independent video reader
  curl ffmpeg
  # the PyInstaller bundle (objdump, strip) and the desktop-entry / AppStream validators
  binutils desktop-file-utils appstream
)

install_system() {
  local missing=()
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    return 0
  fi
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python() {
  local stamp="$venv/.installed"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -e ".[test,bundle]"
    touch "$stamp"
  fi
}

run_demo() {
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No screen found: starting the demo on a virtual screen (xvfb-run)."
    exec xvfb-run -a -s "-screen 0 1280x800x24" "$venv/bin/hailuo-desktop" --demo "$@"
  fi
  exec "$venv/bin/hailuo-desktop" --demo "$@"
}

run_tests() {
  # A private HOME holds a throwaway login keyring; the real Secret Service answers on a
  # private session bus, and a virtual screen serves the screenshot tests.
  local test_home
  test_home=$(mktemp -d)
  set +e
  HOME="$test_home" dbus-run-session -- sh -c '
    echo -n ci-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    export HAILUO_PRIVATE_KEYRING=1  # a throwaway keyring: tests may use the real service name
    exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" -m pytest "$@"' "$venv/bin/python" "$@"
  local rc=$?
  set -e
  rm -rf "$test_home"
  if [ $rc -eq 5 ]; then
    echo "pytest collected no tests" >&2
    return 1
  fi
  return $rc
}

case "${1:-}" in
  demo) shift; install_system; install_python; run_demo "$@" ;;
  test) shift; install_system; install_python; run_tests "$@" ;;
  *) echo "usage: bash run.sh demo|test [args]" >&2; exit 2 ;;
esac
