#!/usr/bin/env bash
# Writes the site's fonts: the Noto Sans faces the PDF embeds (from the
# `notosans` crate), cut down to the characters a Danish or English plan
# uses, as WOFF2, into themes/default/static/fonts/. Run it again when the
# crate's version changes; the files are committed, so a build never needs
# Python.
#
#   bash scripts/subset-fonts.sh          (needs: pip install fonttools brotli)
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(cargo metadata --format-version 1 --locked 2>/dev/null | python3 -c '
import json, os, sys
pkgs = json.load(sys.stdin)["packages"]
print(next(os.path.dirname(p["manifest_path"]) for p in pkgs if p["name"] == "notosans"))')
out=themes/default/static/fonts
mkdir -p "$out"
# Basic Latin, Latin-1 (æ ø å é ü …), Latin Extended-A, dashes, quotes,
# bullet and ellipsis, the per mille and euro signs, arrows, minus, and the
# no-break and thin spaces the figures use.
ranges="U+0020-007E,U+00A0-00FF,U+0100-017F,U+2009,U+200B,U+2010-2015,U+2018-201E,U+2022,U+2026,U+202F,U+2030,U+20AC,U+2190-2199,U+2212"
for face in Regular Bold Italic BoldItalic; do
  pyftsubset "$src/fonts/NotoSans-$face.ttf" --unicodes="$ranges" \
    --layout-features='kern,liga,lnum,tnum' --flavor=woff2 \
    --output-file="$out/NotoSans-$face.woff2"
done
cp "$src/fonts/LICENSE_OFL.txt" "$out/LICENSE_OFL.txt"
ls -l "$out"
