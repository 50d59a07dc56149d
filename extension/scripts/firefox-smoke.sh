#!/usr/bin/env bash
# Optional Firefox smoke run (not in tests/run-all.sh: it adds a Firefox install): installs
# firefox-esr from Debian when missing, then loads the extension in it headless against the real server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test-deps.sh
if [ ! -x /usr/bin/firefox-esr ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq firefox-esr >/dev/null
fi
node scripts/firefox-smoke.mjs
