#!/usr/bin/env bash
# Re-vendors Cytoscape.js into vendor/cytoscape.esm.min.js from the version pinned in package.json (installed by
# setup-test-deps.sh): the ES-module build, renamed .js (every browser serves extension .js as JavaScript), with a
# header naming the version and carrying the MIT licence text. The extension itself has no build step.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(node -p "require('./node_modules/cytoscape/package.json').version")
licence=$(sed -n '/^\/\*\*/,/\*\//p' node_modules/cytoscape/dist/cytoscape.min.js | sed '1d;$d')
{
  echo "/*! cytoscape ${version} (npm: cytoscape@${version}, dist/cytoscape.esm.min.mjs) https://js.cytoscape.org"
  echo " * Vendored unchanged by extension/scripts/vendor-cytoscape.sh. Licence: MIT."
  echo "$licence"
  echo " */"
  cat node_modules/cytoscape/dist/cytoscape.esm.min.mjs
} > vendor/cytoscape.esm.min.js
echo "vendored cytoscape ${version}"
