#!/usr/bin/env bash
# Builds the Debian/Ubuntu package target/debian/pantau_<version>_amd64.deb with cargo-deb
# (installed with `cargo install --locked` when missing): the release binary, its desktop
# entry, icons, the *.pantau file type, the manual page and shell completions generated from
# the command definitions, the licences and the font's OFL.
# Usage: packaging/build-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-deb >/dev/null 2>&1 || cargo install --locked cargo-deb
cargo build --release
generated=target/packaging
rm -rf "$generated"
mkdir -p "$generated"
binary=target/release/pantau
"$binary" man >"$generated/pantau.1"
gzip -9n "$generated/pantau.1"
"$binary" completions bash >"$generated/pantau.bash"
"$binary" completions zsh >"$generated/_pantau"
"$binary" completions fish >"$generated/pantau.fish"
cargo deb --no-build
