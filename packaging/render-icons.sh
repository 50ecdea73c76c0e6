#!/usr/bin/env bash
# Renders assets/icon/trainlab.svg to the PNG sizes the desktops ask for (committed, so a build needs
# no SVG renderer). Needs rsvg-convert or ImageMagick's convert.
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"
for size in 16 32 48 64 128 256 512; do
    if command -v rsvg-convert >/dev/null 2>&1; then
        rsvg-convert -w "$size" -h "$size" trainlab.svg -o "trainlab-$size.png"
    else
        convert -background none -density 300 trainlab.svg -resize "${size}x${size}" "trainlab-$size.png"
    fi
done
echo "rendered $(ls trainlab-*.png | wc -l) sizes into assets/icon"
