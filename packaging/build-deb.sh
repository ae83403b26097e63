#!/usr/bin/env bash
# Builds the Debian/Ubuntu package target/debian/pantau_<version>_amd64.deb with cargo-deb
# (installed with `cargo install --locked` when missing): the release binary, its desktop
# entry, icons, the *.pantau file type, the manual page and shell completions generated from
# the command definitions, the licences and the font's OFL.
# Usage: packaging/build-deb.sh
#        PANTAU_PACKAGE_PROFILE=dev packaging/build-deb.sh
#            (the binary of Cargo's dev profile, the one `cargo test` has just built: .ci/run
#            checks the package's making and contents that way without a second, release build;
#            the package an office installs is always built with the default, release)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${PANTAU_PACKAGE_PROFILE:-release}
case "$profile" in
  release) profile_dir=release ;;
  dev) profile_dir=debug ;;
  *) echo "PANTAU_PACKAGE_PROFILE is release or dev, not $profile" >&2; exit 1 ;;
esac
# cargo-deb 3.8 takes the dev profile (with a warning); the version is pinned so that CI keeps
# doing so.
command -v cargo-deb >/dev/null 2>&1 || cargo install --locked cargo-deb --version "~3.8"
cargo build --profile "$profile"
generated=target/packaging
rm -rf "$generated"
mkdir -p "$generated"
binary=target/$profile_dir/pantau
"$binary" man >"$generated/pantau.1"
gzip -9n "$generated/pantau.1"
"$binary" completions bash >"$generated/pantau.bash"
"$binary" completions zsh >"$generated/_pantau"
"$binary" completions fish >"$generated/pantau.fish"
cargo deb --no-build --profile "$profile"
