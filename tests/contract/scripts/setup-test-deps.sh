#!/usr/bin/env bash
# Makes a fresh Debian machine ready for the contract tests: the npm packages pinned in package-lock.json (BibTeX
# parser, citeproc-js with a style and locale, ajv, redocly, spectral) and the Kiota dotnet tool pinned in
# .config/dotnet-tools.json. pdflatex + biber are opt-in (HQT_TEST_LATEX=1): Debian's texlive-latex-base,
# -latex-recommended, -bibtex-extra, lmodern and biber take about 4 minutes and ~300 MB to install; without them
# the LaTeX test says SKIPPED.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.hqt-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
(cd ../.. && dotnet tool restore >/dev/null)

if [ "${HQT_TEST_LATEX:-0}" = "1" ] && ! { command -v pdflatex && command -v biber; } >/dev/null; then
  echo "contract setup: installing pdflatex and biber from Debian"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends texlive-latex-base texlive-latex-recommended texlive-bibtex-extra lmodern biber >/dev/null
fi
echo "contract setup: node $(node --version), kiota $(cd ../.. && dotnet kiota --version 2>/dev/null | head -1), pdflatex: $(command -v pdflatex || echo 'not installed (HQT_TEST_LATEX=1 installs it)')"
