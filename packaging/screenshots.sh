#!/usr/bin/env bash
# Takes a screenshot of every screen of the real window under Xvfb, for the README.
# Needs: xvfb imagemagick xdotool libgl1 libegl1 libgl1-mesa-dri libxkbcommon-x11-0 (Debian).
# Usage: packaging/screenshots.sh [path/to/pantau]   (default: target/release/pantau)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-target/release/pantau}
out=assets/screenshots
mkdir -p "$out"
display=:97
home=$(mktemp -d)
Xvfb "$display" -screen 0 1280x820x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$app" "$xvfb" 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 2
HOME="$home" DISPLAY="$display" "$binary" --demo >"$home/app.log" 2>&1 &
app=$!
# The demo database is built on first start and the forecasts run in the background.
sleep 25
shot() { DISPLAY="$display" xdotool mousemove 1275 815; sleep 1; DISPLAY="$display" import -window root "$out/$1.png"; }
click() { DISPLAY="$display" xdotool mousemove "$1" "$2" click 1; sleep "${3:-3}"; }
window=$(DISPLAY="$display" xdotool search --name "Pantau e-KTP" | head -1)
DISPLAY="$display" xdotool windowfocus --sync "$window"
# The dashboard as of the article's day (Ctrl+D, the date, Enter): 5 October 2016.
DISPLAY="$display" xdotool key ctrl+d; sleep 1
DISPLAY="$display" xdotool type --delay 50 "5/10/2016"; DISPLAY="$display" xdotool key Return
sleep 15
shot 1-ringkasan
scroll() { DISPLAY="$display" xdotool mousemove 700 500; for _ in $(seq "$1"); do DISPLAY="$display" xdotool click 5; done; sleep 2; }
scroll 5; shot 1e-ringkasan-tertinggal
scroll 9; shot 1b-ringkasan-grafik
scroll 9; shot 1d-ringkasan-ketepatan
scroll 8; shot 1c-ringkasan-cakupan
# Back to the latest day for the other screens.
click 790 43
# Left navigation: Entri Harian, Blangko, Gangguan, Target & Tenggat, Unit, Laporan, Pengaturan.
click 60 80; shot 2-entri-harian
click 60 111; shot 3-blangko
click 60 142; shot 4-gangguan
click 60 173; shot 5-target-tenggat
click 60 204; shot 6-unit
click 60 235; shot 7-laporan
click 60 266; shot 7b-pengaturan
# English.
click 255 12; click 60 80; shot 8-daily-entry-english
click 60 297; shot 9b-exchange-english
kill "$app"; sleep 1

# Kiriman: a district with three kecamatan PCs, one bundle lost on the way (Torjun's second
# waits for it), one report corrected at both ends (Omben), as the clerks' commands leave it.
export PANTAU_TODAY=2017-06-28
ex="$home/exchange"; mkdir -p "$ex/usb"
p() { HOME="$home" "$binary" "$@" >/dev/null; }
p demo --db "$ex/d.pantau"
for unit in Torjun Omben Camplong; do p exchange setup --db "$ex/d.pantau" --unit "$unit" --out "$ex/$unit.pantau"; done
p add-report --db "$ex/Torjun.pantau" --unit Torjun --date 2017-06-26 --recorded 9 --sent 8 --printed 0
p exchange send --db "$ex/Torjun.pantau" --out "$ex"
p add-report --db "$ex/Torjun.pantau" --unit Torjun --date 2017-06-27 --recorded 11 --sent 9 --printed 0
p exchange send --db "$ex/Torjun.pantau" --out "$ex/usb"
p add-report --db "$ex/Omben.pantau" --unit Omben --date 2017-06-26 --recorded 12 --sent 10 --printed 0
p exchange send --db "$ex/Omben.pantau" --out "$ex/usb"
p exchange receive --db "$ex/d.pantau" "$ex"/usb/*.pantau-kirim
p add-report --db "$ex/d.pantau" --unit Omben --date 2017-06-26 --recorded 14 --sent 10 --printed 0 --note "dikoreksi kabupaten"
p add-report --db "$ex/Omben.pantau" --unit Omben --date 2017-06-26 --recorded 13 --sent 11 --printed 0 --note "salah ketik"
p exchange send --db "$ex/Omben.pantau" --out "$ex/usb"
p exchange receive --db "$ex/d.pantau" "$ex/usb/Omben-000002.pantau-kirim"
p exchange send --db "$ex/d.pantau" --unit Omben --out "$ex/usb"
p exchange receive --db "$ex/Omben.pantau" "$ex/usb/Omben-dari-kabupaten-000001.pantau-kirim"
mkdir -p "$ex/home"  # a fresh home: the app opens in Indonesian, as a new install does
for file in d Omben; do
  HOME="$ex/home" DISPLAY="$display" "$binary" "$ex/$file.pantau" >"$home/app.log" 2>&1 &
  app=$!
  sleep 8
  window=$(DISPLAY="$display" xdotool search --name "Pantau e-KTP" | head -1)
  DISPLAY="$display" xdotool windowfocus "$window"
  click 60 297
  if [ "$file" = d ]; then shot 9-kiriman; else shot 9c-kiriman-kecamatan; fi
  kill "$app"; sleep 1
done
echo "screenshots in $out:"
ls "$out"
