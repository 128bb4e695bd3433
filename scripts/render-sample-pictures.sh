#!/usr/bin/env bash
# Renders the sample bank's pictures from their sources in item-bank/media-sources/
# (HTML and SVG, each page giving its size as <meta name="picture-size"
# content="WIDTHxHEIGHT">) with Debian's headless Chromium, and stores each PNG
# in item-bank/data/items/media/ under the SHA-256 of its bytes, as the bank
# names its pictures (docs/formats.md). The PNGs are committed, so neither the
# build nor CI renders anything; run this after changing a source, then put the
# new name in the item. A changed picture is a new version of every item
# showing it: an item version used in a sitting never changes. Chromium must
# be the one named by $CHROMIUM (default: chromium) and the DejaVu fonts
# installed (fonts-dejavu-core), or the bytes, and so the names, differ.
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=${CHROMIUM:-chromium}
sources=item-bank/media-sources
media=item-bank/data/items/media
list=$sources/rendered.txt
mkdir -p "$media"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

declare -A before=()
if [ -f "$list" ]; then
  while read -r page name; do before[$page]=$name; done < <(grep -v '^#' "$list")
fi

{
  echo "# Written by scripts/render-sample-pictures.sh: each source page and the media file rendered from it."
  for page in "$sources"/*.html; do
    base=$(basename "$page")
    size=$(sed -n 's/.*<meta name="picture-size" content="\([0-9]*\)x\([0-9]*\)".*/\1,\2/p' "$page")
    if [ -z "$size" ]; then
      echo "$page: no <meta name=\"picture-size\" content=\"WIDTHxHEIGHT\">" >&2
      exit 1
    fi
    # --hide-scrollbars and a scale of 1: the picture is exactly the page's size, one pixel per CSS pixel.
    "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
      --window-size="$size" --screenshot="$work/shot.png" "file://$PWD/$page" >/dev/null 2>&1
    name=$(sha256sum "$work/shot.png" | cut -c1-64).png
    cp "$work/shot.png" "$media/$name"
    echo "$base $name"
    bytes=$(stat -c %s "$media/$name")
    echo "$base -> $name ($bytes bytes)" >&2
    if [ -n "${before[$base]:-}" ] && [ "${before[$base]}" != "$name" ]; then
      echo "  changed: items naming ${before[$base]} need a new version naming $name" >&2
    fi
  done
} > "$work/list"
mv "$work/list" "$list"
