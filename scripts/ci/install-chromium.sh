#!/usr/bin/env bash
# Installs headless Chromium for the Mermaid render test of @ztkit/analysis (the test is skipped
# without it). Debian/Ubuntu package; needs root.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo unknown)"
  exit 0
fi
apt-get update && apt-get install -y --no-install-recommends chromium
