#!/usr/bin/env bash
# Builds the Windows installer, target/windows/pantau-<version>-setup.exe, on Linux:
#   1. pantau.exe for x86_64-pc-windows-gnu, with its icon and version resource (build.rs);
#   2. makensis packaging/windows/pantau.nsi around it.
#
# The Rust toolchain for Windows, the first that is there:
#   - rustup's target (`rustup target add x86_64-pc-windows-gnu`), where it can be downloaded;
#   - Debian's packaged Rust (rustc-web, cargo-web, rust-web-src): the standard library is
#     compiled for Windows from its source (-Zbuild-std; RUSTC_BOOTSTRAP=1 lets the stable
#     compiler do so). Debian 12 carries Rust 1.96 this way; Pantau needs 1.95.
# Both need MinGW-w64 (gcc-mingw-w64-x86-64: linker and resource compiler) and NSIS (nsis).
# Run as root on Debian or Ubuntu, the script installs the packages that are missing; as
# anyone else it names them. If pantau.exe cannot be built here it says why and exits 1.
#
# Usage: packaging/windows/build.sh            (the installer; prints its path)
#        PANTAU_WINDOWS_EXE=path/pantau.exe packaging/windows/build.sh
#                                              (an exe built elsewhere, e.g. on Windows)
#        PANTAU_PACKAGE_PROFILE=dev packaging/windows/build.sh
#                                              (pantau.exe of Cargo's dev profile: .ci/run checks
#                                              the installer that way, in half the time; an
#                                              office's installer is built with the default, release)
set -euo pipefail
cd "$(dirname "$0")/../.."

target=x86_64-pc-windows-gnu
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
numeric=$(printf '%s' "$version" | sed 's/[^0-9.].*$//')
out_dir=target/windows
profile=${PANTAU_PACKAGE_PROFILE:-release}
case "$profile" in
    release) profile_dir=release ;;
    dev)
        profile_dir=debug
        # The installer carries the exe stripped: its line tables would be built to be thrown away.
        export CARGO_PROFILE_DEV_DEBUG=false
        ;;
    *) echo "PANTAU_PACKAGE_PROFILE is release or dev, not $profile" >&2; exit 1 ;;
esac
installer="$out_dir/pantau-$version-setup.exe"

fail() {
    echo "packaging/windows/build.sh: $*" >&2
    exit 1
}

# Installs Debian packages where we may; otherwise says which are needed.
need_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing ${missing[*]}"
        if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
            "${missing[@]}" >/dev/null; then
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
                "${missing[@]}" >/dev/null
        fi
    else
        fail "needs the packages ${missing[*]}: sudo apt-get install ${missing[*]}"
    fi
}

command -v dpkg-query >/dev/null || fail "builds on Debian or Ubuntu (dpkg-query not found)"
need_packages gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis file

exe="${PANTAU_WINDOWS_EXE:-}"
if [ -z "$exe" ]; then
    if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$target"; then
        echo "building pantau.exe with rustup's $target target"
        CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
            cargo build --profile "$profile" --locked --target "$target"
        exe="target/$target/$profile_dir/pantau.exe"
    else
        echo "rustup's $target target is not installed; using Debian's packaged Rust with -Zbuild-std"
        need_packages rustc-web cargo-web rust-web-src
        [ -d /usr/lib/rustlib/src/rust/library ] ||
            fail "the standard library's source is not in /usr/lib/rustlib/src/rust/library (rust-web-src)"
        # Debian 12 has two: 1.85 (too old) and, from bookworm-security, 1.96.
        needed=$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
        have=$(/usr/bin/rustc --version | cut -d' ' -f2)
        [ "$(printf '%s\n%s\n' "$needed" "$have" | sort -V | head -n 1)" = "$needed" ] ||
            fail "Debian's rustc is $have; Pantau needs $needed (rustc-web from bookworm-security or newer)"
        echo "$(/usr/bin/rustc --version) and $(/usr/bin/cargo --version)"
        # A target directory of its own: another compiler's artefacts are not mixed with
        # rustup's in target/.
        if ! RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
            CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
            /usr/bin/cargo build --profile "$profile" --locked --target "$target" \
            -Zbuild-std=std,panic_unwind --target-dir target/windows-build; then
            fail "pantau.exe could not be built with Debian's Rust. On a machine where rustup can
download the target, run:
    rustup target add $target
    sudo apt-get install gcc-mingw-w64-x86-64 nsis
    packaging/windows/build.sh"
        fi
        exe="target/windows-build/$target/$profile_dir/pantau.exe"
    fi
fi
[ -f "$exe" ] || fail "$exe was not built"

# A 64-bit Windows GUI program (no console window behind the app).
kind=$(file -b "$exe")
case "$kind" in
    "PE32+ executable (GUI) x86-64"*) ;;
    *) fail "$exe is not a 64-bit Windows GUI program: $kind" ;;
esac

# The installer carries the exe without its debug sections (43 MB → 31 MB).
mkdir -p "$out_dir"
x86_64-w64-mingw32-strip -o "$out_dir/pantau.exe" "$exe"
makensis -V2 -DVERSION="$version" -DNUMERIC_VERSION="$numeric" \
    -DEXE="$(realpath "$out_dir/pantau.exe")" \
    -DOUTFILE="$(realpath "$out_dir")/pantau-$version-setup.exe" \
    packaging/windows/pantau.nsi
echo "$installer ($(du -h "$installer" | cut -f1); pantau.exe built from $exe)"
