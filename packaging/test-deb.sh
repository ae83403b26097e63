#!/usr/bin/env bash
# Builds the Debian package and checks it as an office PC would get it: extracted with
# `dpkg-deb -x` into a temporary root, every file in its place, the desktop entry valid, the
# run-time dependencies declared, and the extracted binary working (`--version`, and `summary`
# on the illustrative data). Needs dpkg-deb and desktop-file-validate (desktop-file-utils).
# Usage: packaging/test-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# (No `grep -q` after a pipe here: it stops reading at its match, and with pipefail the writer's
# SIGPIPE would fail the check.)
packaging/build-deb.sh
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
deb=target/debian/pantau_${version}-1_amd64.deb
[ -f "$deb" ] || deb=$(ls target/debian/pantau_"${version}"*_amd64.deb | head -1)
echo "checking $deb"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
for file in \
  usr/bin/pantau \
  usr/share/applications/pantau.desktop \
  usr/share/mime/packages/pantau.xml \
  usr/share/icons/hicolor/scalable/apps/pantau.svg \
  usr/share/icons/hicolor/48x48/apps/pantau.png \
  usr/share/icons/hicolor/128x128/apps/pantau.png \
  usr/share/icons/hicolor/256x256/apps/pantau.png \
  usr/share/man/man1/pantau.1.gz \
  usr/share/bash-completion/completions/pantau \
  usr/share/zsh/vendor-completions/_pantau \
  usr/share/fish/vendor_completions.d/pantau.fish \
  usr/share/doc/pantau/copyright \
  usr/share/doc/pantau/LICENSE-MIT \
  usr/share/doc/pantau/LICENSE-APACHE \
  usr/share/doc/pantau/OFL-NotoSans.txt; do
  [ -s "$root/$file" ] || { echo "missing or empty in the package: /$file"; exit 1; }
done
desktop-file-validate "$root/usr/share/applications/pantau.desktop"
grep -q 'glob pattern="\*.pantau"' "$root/usr/share/mime/packages/pantau.xml"
zcat "$root/usr/share/man/man1/pantau.1.gz" | grep '^\.TH pantau 1' >/dev/null
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libgl1 libegl1 libgl1-mesa-dri libxkbcommon-x11-0 libx11-6 libxcursor1 libxi6 \
  libwayland-client0 "xdg-desktop-portal-gtk | zenity"; do
  case "$depends" in
    *"$needed"*) ;;
    *) echo "Depends lacks $needed: $depends"; exit 1 ;;
  esac
done
"$root/usr/bin/pantau" --version | grep "^pantau $version" >/dev/null
"$root/usr/bin/pantau" demo --db "$root/demo.pantau" >/dev/null
PANTAU_LANG=en "$root/usr/bin/pantau" summary --db "$root/demo.pantau" --as-of 2016-10-05 \
  | grep "Torjun" >/dev/null
echo "package ok: $deb ($(du -h "$deb" | cut -f1))"
