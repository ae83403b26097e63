#!/usr/bin/env bash
# Checks the Windows installer the way a clerk's PC would meet it, under Wine:
#   - pantau.exe is a 64-bit GUI program with Pantau's icon and version resource;
#   - a silent install (/S) for the current user, without administrator rights, puts pantau.exe,
#     the licences and the uninstaller in %LOCALAPPDATA%\Programs\Pantau, the Start-menu
#     shortcut, the .pantau file type (opened by pantau.exe "%1") and the Apps entry;
#   - the installed pantau.exe answers --version, makes the demo database and summarises it;
#   - the silent uninstall removes all of that and keeps the user's data.
# Builds the installer first (packaging/windows/build.sh; incremental). Run as root on
# Debian or Ubuntu it installs what it uses when missing: Wine (wine, wine64), icoutils,
# ImageMagick and MinGW-w64 (for the test-only DLL, see wine/bcryptprimitives.c).
set -euo pipefail
cd "$(dirname "$0")/../.."

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
installer="target/windows/pantau-$version-setup.exe"
packaging/windows/build.sh

fail() {
    echo "packaging/windows/test-installer.sh: $*" >&2
    exit 1
}

missing=()
command -v wine >/dev/null || missing+=(wine wine64)
command -v wrestool >/dev/null || missing+=(icoutils)
command -v identify >/dev/null || missing+=(imagemagick)
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
            >/dev/null
    else
        fail "needs ${missing[*]}: sudo apt-get install ${missing[*]}"
    fi
fi

work=$(mktemp -d)
trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# Everything here runs without a window.
unset DISPLAY WAYLAND_DISPLAY

# 1. The exe the installer carries (build.sh leaves it beside the installer).
exe=target/windows/pantau.exe
file -b "$exe" | grep '^PE32+ executable (GUI) x86-64' >/dev/null || fail "$exe is not a 64-bit GUI program"
wrestool -l "$exe" | grep -- '--type=14' >/dev/null || fail "$exe has no icon group"
wrestool -l "$exe" | grep -- '--type=16' >/dev/null || fail "$exe has no version resource"
strings -el "$exe" | grep -x 'Pantau e-KTP' >/dev/null || fail "$exe's version resource does not name Pantau e-KTP"
strings -el "$exe" | grep -x "$version" >/dev/null || fail "$exe's version resource does not say $version"
wrestool -x --type=14 "$exe" >"$work/icon.ico"
# The same pictures (size and pixel signature of each), whatever the container's layout.
pictures() { identify -format '%w %#\n' "$1"; }
[ "$(pictures "$work/icon.ico")" = "$(pictures assets/icons/pantau.ico)" ] ||
    fail "$exe's icon is not assets/icons/pantau.ico"
file -b "$installer" | grep '^PE32+ executable (GUI) x86-64' >/dev/null || fail "$installer is not a 64-bit installer"

# 2. A silent install, as an ordinary user.
wineboot --init >/dev/null 2>&1
# Wine 8 lacks a DLL every Windows 10 has; see wine/bcryptprimitives.c.
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    packaging/windows/wine/bcryptprimitives.c -ladvapi32
wine "$installer" /S
wineserver -w
user_dir=$(ls -d "$WINEPREFIX"/drive_c/users/* | grep -v '/Public$' | head -n 1)
local_dir="$user_dir/AppData/Local"
roaming_dir="$user_dir/AppData/Roaming"
inst="$local_dir/Programs/Pantau"
for f in pantau.exe uninstall.exe LICENSE-MIT.txt LICENSE-APACHE.txt OFL-NotoSans.txt; do
    [ -f "$inst/$f" ] || fail "$f is not in %LOCALAPPDATA%\\Programs\\Pantau"
done
[ -f "$roaming_dir/Microsoft/Windows/Start Menu/Programs/Pantau e-KTP.lnk" ] ||
    fail "no Start-menu shortcut"

reg_value() { # key [value name]: the value's data as reg.exe prints it
    local args=(reg query "$1")
    if [ $# -gt 1 ]; then args+=(/v "$2"); else args+=(/ve); fi
    wine "${args[@]}" 2>/dev/null | tr -d '\r' | awk -F'REG_[A-Z_]+[[:space:]]+' 'NF > 1 { print $2 }'
}
[ "$(reg_value 'HKCU\Software\Classes\.pantau')" = "Pantau.Database" ] ||
    fail ".pantau is not Pantau.Database in HKCU\\Software\\Classes"
command=$(reg_value 'HKCU\Software\Classes\Pantau.Database\shell\open\command')
[[ "$command" == '"C:\users\'*'\AppData\Local\Programs\Pantau\pantau.exe" "%1"' ]] ||
    fail "a .pantau file would open with: $command"
[[ "$(reg_value 'HKCU\Software\Classes\Pantau.Database\DefaultIcon')" == *'pantau.exe,0' ]] ||
    fail ".pantau files have no icon"
uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Pantau e-KTP'
[ "$(reg_value "$uninstall_key" DisplayName)" = "Pantau e-KTP" ] || fail "no entry in Apps"
[ "$(reg_value "$uninstall_key" DisplayVersion)" = "$version" ] || fail "the Apps entry's version"
if wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Pantau e-KTP' \
    >/dev/null 2>&1; then
    fail "the installer wrote to HKLM (it is a per-user install)"
fi

# 3. The installed program: its command line, on a database in the user's data folder.
run() { wine "$inst/pantau.exe" "$@" 2>&1 | tr -d '\r'; }
run --version | grep -x "pantau $version" >/dev/null || fail "pantau.exe --version: $(run --version)"
data_win='C:\users\Public\pantau-test.pantau'
run demo --db "$data_win" | grep 'dibuat' >/dev/null || fail "pantau.exe demo did not make the demo"
summary=$(run summary --db "$data_win" --as-of 2016-10-05)
grep -Eq '^JUMLAH +771.000 +570.000 ' <<<"$summary" || fail "pantau.exe summary: $summary"
mkdir -p "$local_dir/Pantau/data"
echo "a clerk's database" >"$local_dir/Pantau/data/kantor.pantau"

# 4. A silent uninstall (run in place, so it is done when wine returns).
wine "$inst/uninstall.exe" /S "_?=C:\\users\\$(basename "$user_dir")\\AppData\\Local\\Programs\\Pantau"
wineserver -w
for f in pantau.exe LICENSE-MIT.txt LICENSE-APACHE.txt OFL-NotoSans.txt; do
    [ ! -e "$inst/$f" ] || fail "the uninstaller left $f"
done
[ ! -e "$roaming_dir/Microsoft/Windows/Start Menu/Programs/Pantau e-KTP.lnk" ] ||
    fail "the uninstaller left the shortcut"
[ -z "$(reg_value 'HKCU\Software\Classes\Pantau.Database\shell\open\command')" ] ||
    fail "the uninstaller left the file type"
[ -z "$(reg_value "$uninstall_key" DisplayName)" ] || fail "the uninstaller left the Apps entry"
[ -f "$local_dir/Pantau/data/kantor.pantau" ] || fail "the uninstaller removed the user's data"
[ -f "$WINEPREFIX/drive_c/users/Public/pantau-test.pantau" ] || fail "the uninstaller removed a database"
echo "installer ok: $installer"
