#!/usr/bin/env bash
# What the tests need besides Rust, installed when missing (Debian/Ubuntu; run as root or with sudo):
# - poppler-utils: the rendering tests read PDFs as a person's tools do (pdftotext, pdfinfo, pdffonts);
# - faketime: they run hyoka under another clock to show that output does not depend on it;
# - chromium, nodejs, npm, and playwright-core from tests/e2e/package-lock.json: the browser test of
#   `hyoka serve` drives Debian's Chromium (never a downloaded browser);
# - fonts-morisawa-bizud-gothic: the Japanese text of its screenshots (the PDF uses the bundled fonts).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pdftotext >/dev/null && command -v pdffonts >/dev/null || need+=(poppler-utils)
command -v faketime >/dev/null || need+=(faketime)
command -v chromium >/dev/null || need+=(chromium)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
fc-list 2>/dev/null | grep "BIZ UDPGothic" >/dev/null || need+=(fonts-morisawa-bizud-gothic)
if [ ${#need[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ ! -d tests/e2e/node_modules ]; then
  npm ci --prefix tests/e2e --no-audit --no-fund
fi
