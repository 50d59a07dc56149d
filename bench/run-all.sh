#!/usr/bin/env bash
# Every hqt benchmark in one command: builds Release, runs each bench, prints one summary at the end.
#   bash bench/run-all.sh            # everything (about 10-20 minutes on 2 idle cores)
#   QUICK=1 bash bench/run-all.sh    # fewer rounds, captures and mutations: a smoke run of the same commands
# Reads the corpus from ../shared (or $HQT_SHARED); writes logs and JSON to artifacts/bench/.
# Speed figures from a shared machine are noisy: compare the ratios, and read the load average printed below.
# Exits non-zero when a bench fails to build or run (or the fuzz finds an exception); a bar that is missed
# is reported in the summary (HOLDS/FAILS), not as an exit code.
set -uo pipefail
cd "$(dirname "$0")/.."
out=artifacts/bench
mkdir -p "$out"
summary=()
status=0
note() { summary+=("$1"); }

quick=${QUICK:-}
rounds=$([ -n "$quick" ] && echo 1 || echo 3)
captures=$([ -n "$quick" ] && echo 150 || echo 600)
mutations=$([ -n "$quick" ] && echo 1000 || echo 10000)

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"

echo "== build (Release)"
for p in src/Hqt.Api bench/Hqt.Bench.Throughput bench/Hqt.Bench.Ingest bench/Hqt.Bench.Extraction; do
  dotnet build -c Release --nologo -v q "$p" >"$out/build-$(basename "$p").log" 2>&1 || { echo "!! build of $p failed: $out/build-$(basename "$p").log"; exit 1; }
done
bin() { echo "bench/$1/bin/Release/net10.0/$1.dll"; }

echo "== extraction throughput beside the peers (bench/peers: metascraper, readability; hqt in the same run)"
if command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -d bench/peers/node_modules ] || [ bench/peers/package-lock.json -nt bench/peers/node_modules ]; then
    (cd bench/peers && npm ci --no-audit --no-fund) || { echo "!! npm ci failed"; status=1; }
  fi
  if node bench/peers/bench_peers.js --rounds "$rounds" --json "$out/peers.json" 2>&1 | tee "$out/peers.log"; then
    note "peers:      $(node -e '
      const r = require(process.argv[1]).rows; const h = r.find(x => x.name === "hqt-extract");
      console.log(r.filter(x => x !== h).map(x => `${x.name} ${x.pagesPerSecond.toFixed(1)}/s (hqt ${(h.pagesPerSecond / x.pagesPerSecond).toFixed(1)}x)`).join(", ") + `; hqt-extract ${h.pagesPerSecond.toFixed(1)}/s`)' "$PWD/$out/peers.json")"
  else status=1; note "peers:      FAILED (see $out/peers.log)"; fi
else
  echo "node/npm not found: peers skipped"; note "peers:      skipped (no node)"
  dotnet "$(bin Hqt.Bench.Throughput)" --rounds "$rounds" | tee "$out/throughput.log"
fi

echo "== extraction vs AngleSharp's bare parse: per-page medians on one core (bars: metadata+authors <= 1.3x, full <= 1.6x)"
pin=(); command -v taskset >/dev/null && pin=(taskset -c "$(( $(nproc) - 1 ))")
if "${pin[@]}" dotnet "$(bin Hqt.Bench.Extraction)" --medians "$([ -n "$quick" ] && echo 3 || echo 15)" 2>&1 | tee "$out/extraction-medians.log"; then
  note "extraction: $(grep -m1 '^ratio parse+metadata+authors' "$out/extraction-medians.log"); $(grep -m1 '^ratio full Extract' "$out/extraction-medians.log")"
else status=1; note "extraction: FAILED (see $out/extraction-medians.log)"; fi

echo "== extractor fuzz: $mutations mutated corpus pages (bar: no exception, none over 1 s)"
if dotnet "$(bin Hqt.Bench.Throughput)" --fuzz "$mutations" --json "$out/fuzz.json" 2>"$out/fuzz.err" | tee "$out/fuzz.log"; then :; else status=1; fi
note "fuzz:       $(grep -m1 '^fuzz:' "$out/fuzz.log" | sed 's/^fuzz: //')"

echo "== ingest: POST /api/captures on the real server (Release, Kestrel, SQLite) at concurrency 1, 8, 32"
dotnet "$(bin Hqt.Bench.Ingest)" --profile 2>&1 | tee "$out/ingest-profile.log"
if dotnet "$(bin Hqt.Bench.Ingest)" --count "$captures" --seconds 30 --json "$out/ingest.json" 2>&1 | tee "$out/ingest.log"; then
  note "ingest:     $(grep -m1 '^bar' "$out/ingest.log")"
else status=1; note "ingest:     FAILED (see $out/ingest.log)"; fi

# Benches other engineers own: run each one on this branch with its own documented arguments; skip the absent.
others_args() {
  case "$1" in
    Hqt.Bench.Extraction) if [ -n "$quick" ]; then echo "--medians 1"; else echo "--filter * --job short"; fi ;;  # whole-corpus BenchmarkDotNet
    Hqt.Bench.Library) if [ -n "$quick" ]; then echo "--captures 300 --requests 20"; fi ;;
    *) ;;
  esac
}
others=$(cd bench && ls -d Hqt.Bench.* 2>/dev/null | grep -vxE 'Hqt.Bench.(Extraction|Ranking|Throughput|Ingest)')
set -f # "--filter *" is an argument, not a glob
for b in Hqt.Bench.Extraction Hqt.Bench.Ranking $others; do
  if [ -d "bench/$b" ]; then
    echo "== $b $(others_args "$b")"
    # shellcheck disable=SC2046 # the arguments are words on purpose
    if dotnet run -c Release --project "bench/$b" -- $(others_args "$b") </dev/null 2>&1 | tee "$out/$b.log"; then note "$b: ran (figures in $out/$b.log and docs/benchmarks/)"
    else status=1; note "$b: FAILED (see $out/$b.log)"; fi
  else
    echo "== $b: bench/$b is not on this branch, skipped"; note "$b: skipped (not on this branch)"
  fi
done
set +f

echo
echo "== summary ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${summary[@]}"
exit $status
