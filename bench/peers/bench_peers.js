// Throughput of the peer extractors beside hqt's, over the same corpus pages, in one run and one table.
// The peers (metascraper + metascraper-author; @mozilla/readability on jsdom) run in this process, one page
// at a time, as ../shared/eval/extract/peers/run_peers.js runs them; hqt runs in a child .NET process
// (bench/Hqt.Bench.Throughput, Release, one thread), started first so the two never compete for a core.
//
// Usage: node bench_peers.js [--corpus DIR] [--rounds N] [--hqt-dll PATH] [--json OUT]
'use strict'
const fs = require('fs')
const os = require('os')
const path = require('path')
const { execFileSync } = require('child_process')
const { performance } = require('perf_hooks')
const metascraper = require('metascraper')([require('metascraper-author')()])
const { Readability } = require('@mozilla/readability')
const { JSDOM, VirtualConsole } = require('jsdom')

const repo = path.resolve(__dirname, '..', '..')
const args = process.argv.slice(2)
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback }
const corpus = path.resolve(opt('--corpus', path.join(process.env.HQT_SHARED || path.join(repo, '..', 'shared'), 'corpus', 'dev')))
const rounds = Number(opt('--rounds', '1'))
const hqtDll = opt('--hqt-dll', path.join(repo, 'bench', 'Hqt.Bench.Throughput', 'bin', 'Release', 'net10.0', 'Hqt.Bench.Throughput.dll'))
const jsonOut = opt('--json', null)

const vc = new VirtualConsole() // swallow jsdom's CSS and script noise, as the reference runner does
const PEERS = {
  'metascraper+author': async (html, url) => (await metascraper({ html, url })).author,
  'readability+jsdom': (html, url) => {
    const dom = new JSDOM(html, { url, virtualConsole: vc })
    const article = new Readability(dom.window.document).parse()
    dom.window.close()
    return article ? article.byline : null
  }
}

// The same URL rule as Hqt.Bench.Throughput's Corpus.Load and the reference runner.
function pageUrl (u) {
  try { const x = new URL(u); if (/^https?:$/.test(x.protocol)) return x.href } catch (e) {}
  return 'https://example.org/article'
}
function pct (sorted, p) { return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] }

function runHqt () {
  if (!fs.existsSync(hqtDll)) throw new Error(`${hqtDll} missing: build it with dotnet build -c Release bench/Hqt.Bench.Throughput`)
  const out = path.join(os.tmpdir(), `hqt-throughput-${process.pid}.json`)
  execFileSync('dotnet', [hqtDll, '--corpus', corpus, '--rounds', String(rounds), '--json', out], { stdio: ['ignore', 'inherit', 'inherit'] })
  const result = JSON.parse(fs.readFileSync(out, 'utf8'))
  fs.unlinkSync(out)
  return result.runs
}

async function runPeer (name, fn, pages) {
  for (const p of pages.slice(0, 5)) { try { await fn(p.html, p.url) } catch (e) {} } // warm-up, not timed
  const times = []
  let errors = 0
  for (let r = 0; r < rounds; r++) {
    for (const p of pages) {
      const s = performance.now()
      try { await fn(p.html, p.url) } catch (e) { errors++ }
      times.push(performance.now() - s)
    }
  }
  const sum = times.reduce((a, b) => a + b, 0)
  times.sort((a, b) => a - b)
  return { name, samples: times.length, pagesPerSecond: times.length / (sum / 1000), medianMs: pct(times, 0.5), p95Ms: pct(times, 0.95), maxMs: times[times.length - 1], errors }
}

;(async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(corpus, 'manifest.json'), 'utf8'))
  const pages = manifest.map(m => ({ id: m.id, url: pageUrl(m.url), html: fs.readFileSync(path.join(corpus, m.id, 'page.html'), 'utf8') }))
  console.error(`${pages.length} pages from ${corpus}, ${rounds} round(s); hqt first (child .NET process), then the peers`)

  const hqtRuns = runHqt()
  const hqt = hqtRuns.find(r => r.name === 'hqt-extract')
  const rows = [...hqtRuns.map(r => ({ ...r, errors: 0 }))]
  for (const [name, fn] of Object.entries(PEERS)) rows.push(await runPeer(name, fn, pages))

  const f = (x, d) => x.toFixed(d).padStart(10)
  console.log(`\n${'extractor'.padEnd(20)}${'pages/s'.padStart(10)}${'median ms'.padStart(10)}${'p95 ms'.padStart(10)}${'max ms'.padStart(10)}${'errors'.padStart(8)}  hqt/this (pages/s)`)
  for (const r of rows) {
    const ratio = r.name === 'hqt-extract' ? '' : `${(hqt.pagesPerSecond / r.pagesPerSecond).toFixed(2)}x`
    console.log(`${r.name.padEnd(20)}${f(r.pagesPerSecond, 1)}${f(r.medianMs, 2)}${f(r.p95Ms, 2)}${f(r.maxMs, 1)}${String(r.errors).padStart(8)}  ${ratio}`)
  }
  console.log(`(${pages.length} pages x ${rounds} round(s), one thread each; hqt/this > 1 means hqt extracts more pages per second)`)
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ corpus, rounds, pages: pages.length, rows }, null, 1))
})().catch(e => { console.error(e); process.exit(1) })
