#!/usr/bin/env bash
# Makes a fresh Debian machine ready for the extension's tests: Debian's unbranded chromium (branded
# Chrome ignores --load-extension) and the npm packages pinned in package-lock.json. playwright-core
# never downloads a browser; the e2e suite drives /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "setup-test-deps: installing chromium from Debian"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

# npm ci from the committed lock file, skipped when node_modules was installed from this very lock file.
stamp=node_modules/.hqt-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
echo "setup-test-deps: $(/usr/bin/chromium --version 2>/dev/null | head -1), node $(node --version)"
