#!/usr/bin/env bash
# Every test hqt has, from a clean clone: the .NET suites (xunit) and the extension's suites
# (node --test for its pure modules, Playwright + Debian chromium end to end against the real server), and the
# contract tests (tests/contract: a BibTeX parser, the CSL-JSON schema, citeproc-js, redocly, spectral, a Kiota
# client and, with HQT_TEST_LATEX=1, pdflatex + biber, all against the real server).
# The API suite runs twice: on SQLite (the default) and on PostgreSQL, against a throwaway cluster this script starts
# (tests/scripts/postgres-cluster.sh: Debian's postgresql, installed when missing) and stops on exit.
# Installs what it needs first. Ends with one plain line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
log_dir=artifacts/test-logs
mkdir -p "$log_dir"
passed=0 failed=0 skipped=0 status=0

# "Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13" → add to the totals.
count_dotnet() {
  while read -r f p s; do
    failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
  done < <(sed -nE 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/p' "$1")
}

# node's TAP summary: "# pass 5" / "# fail 0" / "# skipped 0".
count_node() {
  local p f s
  p=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$1" | tail -1); f=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$1" | tail -1)
  s=$(sed -nE 's/^# skipped ([0-9]+)$/\1/p' "$1" | tail -1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  if [ -z "$p" ] && [ -z "$f" ]; then failed=$((failed + 1)); echo "!! $1: no test summary (the suite did not run)"; fi
}

# "API suite on sqlite: N passed, M failed": the Hqt.Api.Tests line of a dotnet test log.
api_counts() {
  sed -nE 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*Hqt\.Api\.Tests\.dll.*/\2 passed, \1 failed, \3 skipped/p' "$1" | tail -1
}

echo "== .NET tests (the API suite on SQLite)"
if ! dotnet test hqt-api.sln --nologo 2>&1 | tee "$log_dir/dotnet.log"; then status=1; fi
count_dotnet "$log_dir/dotnet.log"
if ! grep -qE "Passed!|Failed!" "$log_dir/dotnet.log"; then failed=$((failed + 1)); echo "!! dotnet test ran no test (build failed?)"; fi
sqlite_line="API suite on sqlite: $(api_counts "$log_dir/dotnet.log")"

echo "== the API suite again, on PostgreSQL (a throwaway cluster)"
postgres_line="API suite on postgres: not run"
pg_dir=""
stop_postgres() { [ -n "$pg_dir" ] && bash tests/scripts/postgres-cluster.sh stop "$pg_dir"; pg_dir=""; }
trap stop_postgres EXIT
pg_env=$(bash tests/scripts/postgres-cluster.sh start); pg_status=$?
if [ "$pg_status" -eq 0 ]; then
  eval "$pg_env"; pg_dir=$HQT_TEST_POSTGRES_DIR
  if ! HQT_TEST_DATABASE=postgres dotnet test tests/Hqt.Api.Tests --no-build --nologo 2>&1 | tee "$log_dir/dotnet-postgres.log"; then status=1; fi
  count_dotnet "$log_dir/dotnet-postgres.log"
  if ! grep -qE "Passed!|Failed!" "$log_dir/dotnet-postgres.log"; then failed=$((failed + 1)); echo "!! the PostgreSQL run ran no test"; fi
  postgres_line="API suite on postgres: $(api_counts "$log_dir/dotnet-postgres.log")"
  stop_postgres
elif [ "$pg_status" -eq 2 ]; then
  echo "!! SKIPPED: no PostgreSQL here and none can be installed (not root, no sudo): the API suite did not run on PostgreSQL"
  postgres_line="API suite on postgres: SKIPPED (no PostgreSQL)"
else
  failed=$((failed + 1)); status=1; echo "!! the PostgreSQL cluster did not start"
  postgres_line="API suite on postgres: cluster failed to start"
fi

if [ -f extension/package.json ]; then
  echo "== extension tests"
  bash extension/scripts/setup-test-deps.sh || { status=1; failed=$((failed + 1)); }
  if ! (cd extension && node --test test/) 2>&1 | tee "$log_dir/extension-unit.log"; then status=1; fi
  count_node "$log_dir/extension-unit.log"
  if [ -d extension/e2e ]; then
    if ! (cd extension && node --test --test-concurrency=1 e2e/) 2>&1 | tee "$log_dir/extension-e2e.log"; then status=1; fi
    count_node "$log_dir/extension-e2e.log"
  fi
fi

echo "== contract tests (real consumers of the exports and openapi.yaml)"
bash tests/contract/scripts/setup-test-deps.sh || { status=1; failed=$((failed + 1)); }
if ! (cd tests/contract && node --test --test-concurrency=1) 2>&1 | tee "$log_dir/contract.log"; then status=1; fi
count_node "$log_dir/contract.log"

# The names of what failed, at the end where a CI log's tail shows them (dotnet: "  Failed Name [12 ms]";
# node's TAP: "not ok 3 - name").
failures=$(for log in "$log_dir"/dotnet*.log; do
    [ -f "$log" ] && grep -E '^\s+Failed [A-Za-z_]' "$log" | sed -E "s/^\s+/$(basename "$log" .log): /"
  done | sort -u
  grep -hE '^not ok [0-9]+ - ' "$log_dir"/extension-*.log "$log_dir"/contract.log 2>/dev/null)
if [ -n "$failures" ]; then echo "== failed:"; echo "$failures"; fi
echo "$sqlite_line"
echo "$postgres_line"
[ "$failed" -gt 0 ] && status=1
[ "$skipped" -gt 0 ] && echo "($skipped skipped: see the log lines marked SKIPPED)"
echo "$passed passed, $failed failed"
exit $status
