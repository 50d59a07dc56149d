#!/usr/bin/env bash
# Makes a fresh Debian machine ready for the contract tests: the npm packages pinned in package-lock.json (BibTeX
# parser, citeproc-js with a style and locale, ajv, redocly, spectral) and the Kiota dotnet tool pinned in
# .config/dotnet-tools.json. pdflatex + biber are opt-in (HQT_TEST_LATEX=1) because they are too slow to install on
# every fresh machine. Measured on this project's 2-core Debian 12 machine (2026-12-06, apt's history log, load from
# other builds): the smallest set biblatex + biber need -- texlive-latex-base, texlive-latex-recommended (etoolbox),
# texlive-bibtex-extra (biblatex, logreq), biber, and lmodern for the T1 fonts -- is 134 packages, 139 MiB to
# download and 378 MiB installed; the download alone takes 22 s, the install 4 min 04 s (3:27 for latex-base +
# bibtex-extra + biber with their Perl modules, 0:19 lmodern, 0:18 latex-recommended), most of it unpacking and the
# TeX format and font-map triggers. Past the ~3 minutes a test set-up may spend, so it stays opt-in; where pdflatex
# and biber are installed the LaTeX tests always run, without them they say SKIPPED.
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
