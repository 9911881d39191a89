#!/usr/bin/env bash
# Renders assets/icons/fetchboard.svg to the PNG sizes desktop environments ask for. The PNGs are
# committed, so only someone changing the SVG needs this (Debian: librsvg2-bin for rsvg-convert).
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" fetchboard.svg -o "fetchboard-$size.png"
done
