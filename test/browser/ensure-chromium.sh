#!/bin/sh
# pretest: the browser tests drive Debian's Chromium (npm cannot download a browser here).
# Installs it with apt-get when it is missing and fails loudly when it cannot. Also installs a
# small CJK font (fonts-wqy-microhei, 1.6 MB) so that phase names like 小红星 render in the
# screenshots; that part is best effort.
set -eu
CHROMIUM="${MARKET_SIM_CHROMIUM:-/usr/bin/chromium}"
has_cjk_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; }
if [ -x "$CHROMIUM" ]; then
  if ! has_cjk_font && [ "$(id -u)" = "0" ]; then
    echo "pretest: installing a CJK font for the browser screenshots (best effort)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-wqy-microhei >/dev/null 2>&1 \
      || { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-wqy-microhei >/dev/null 2>&1; } \
      || echo "pretest: could not install fonts-wqy-microhei; CJK text will show as boxes in screenshots" >&2
  fi
  exit 0
fi
echo "pretest: $CHROMIUM not found; installing Debian's chromium for the browser tests (test/browser/)" >&2
if [ "$(id -u)" != "0" ]; then
  echo "pretest: cannot install chromium: not root. Run 'sudo apt-get update && sudo apt-get install -y chromium' (or set MARKET_SIM_CHROMIUM to a Chromium binary) and retry." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium fonts-wqy-microhei
if [ ! -x "$CHROMIUM" ]; then
  echo "pretest: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
