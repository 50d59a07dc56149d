#!/usr/bin/env python3
"""End-to-end lookup harness on the AAN dev scenarios, through the real API (issue 6).

For each scenario it:
  1. serves every AAN paper as an HTML page on a loopback "web" (citation_* metas, citation_reference
     metas and a reference list whose links point at the other loopback pages), robots.txt included;
  2. starts the real hqt API on a fresh data directory with lookups on, allow-listed for that loopback web
     only (OpenAlex and Crossref point at the loopback web too: nothing can leave the machine);
  3. captures the reader's pages with POST /api/captures;
  4. waits until GET /api/lookups shows the queue drained (one round upstream: the captures' references are fetched);
  5. reads GET /api/suggestions?kind=work&limit=50 and maps each suggestion's URL back to its AAN id;
and writes a run file for score.py:

  python3 bench/aan-harness/harness.py --out artifacts/aan-lookups-run.jsonl
  python3 ../shared/eval/suggest/score.py score --run artifacts/aan-lookups-run.jsonl \
      --scenarios ../shared/eval/suggest/scenarios-dev.jsonl --track lookup

Python 3 standard library only. Reads ../shared; copies nothing into the repository.
"""
import argparse
import collections
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("HQT_SHARED", os.path.join(os.path.dirname(REPO), "shared"))
TOKEN = "aan-harness"
PAGE_PATH = re.compile(r"/aan/([A-Za-z0-9.\-]+)$")


# --------------------------------------------------------------------------- the loopback web

def load_aan(folder):
    papers, cites = {}, collections.defaultdict(list)
    with open(os.path.join(folder, "aan-papers.tsv"), encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            pid, year, venue, title, authors = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
            papers[pid] = {"year": year, "venue": venue, "title": title, "authors": [a for a in authors.split(" ; ") if a]}
    with open(os.path.join(folder, "aan-citations.tsv"), encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            citing, cited = line.rstrip("\n").split("\t")
            cites[citing].append(cited)
    return papers, cites


def page_html(base, pid, papers, cites):
    """A paper page as a publisher would serve it: Highwire citation_* metas and a linked reference list."""
    p = papers[pid]
    e = lambda s: html.escape(str(s), quote=True)
    metas = [f'<meta name="citation_title" content="{e(p["title"])}">']
    metas += [f'<meta name="citation_author" content="{e(a)}">' for a in p["authors"]]
    metas.append(f'<meta name="citation_publication_date" content="{e(p["year"])}">')
    metas.append(f'<meta name="citation_conference_title" content="{e(p["venue"])}">')
    items = []
    for rid in cites.get(pid, []):
        r = papers.get(rid)
        if r is None:
            continue
        url = f"{base}/aan/{rid}"
        parts = [f"citation_title={r['title']}"] + [f"citation_author={a}" for a in r["authors"]]
        parts += [f"citation_publication_date={r['year']}", f"citation_url={url}"]
        metas.append(f'<meta name="citation_reference" content="{e("; ".join(parts))}">')
        authors = "; ".join(r["authors"])
        items.append(f'<li>{e(authors)} ({e(r["year"])}). <a href="{e(url)}">{e(r["title"])}</a>. <i>{e(r["venue"])}</i>.</li>')
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{e(p["title"])}</title>
<link rel="canonical" href="{e(base)}/aan/{e(pid)}">
{chr(10).join(metas)}
</head><body><header><nav><a href="{e(base)}/">AAN loopback web</a></nav></header>
<article><h1>{e(p["title"])}</h1><p class="authors">{e("; ".join(p["authors"]))}</p>
<p>{e(p["venue"])}, {e(p["year"])}.</p>
<section id="references"><h2>References</h2><ol class="references">
{chr(10).join(items)}
</ol></section></article></body></html>"""


def serve_web(port, papers, cites):
    base = f"http://127.0.0.1:{port}"
    hits = collections.Counter()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/robots.txt":
                return self.reply(200, "text/plain", "User-agent: *\nAllow: /\n")
            m = PAGE_PATH.match(self.path)
            if not m or m.group(1) not in papers:
                return self.reply(404, "text/plain", "not found")
            hits[m.group(1)] += 1
            self.reply(200, "text/html; charset=utf-8", page_html(base, m.group(1), papers, cites))

        def reply(self, status, ctype, body):
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base, hits


# --------------------------------------------------------------------------- the API

def call(api, method, path, body=None, timeout=120):
    data = json.dumps(body).encode("utf-8") if body is not None else None
    req = urllib.request.Request(api + path, data=data, method=method, headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read().decode("utf-8") or "null")


def start_api(dll, port, data_dir, web_base, max_per_capture):
    env = dict(os.environ)
    env.update({
        "Hqt__ApiToken": TOKEN,
        "Hqt__DataDirectory": data_dir,
        "Hqt__Lookups__Enabled": "true",
        "Hqt__Lookups__AllowedNetworks__0": "127.0.0.1",
        "Hqt__Lookups__OpenAlexBaseUrl": web_base + "/openalex",
        "Hqt__Lookups__CrossrefBaseUrl": web_base + "/crossref",
        "Hqt__Lookups__RequestsPerSecond": "0",
        "Hqt__Lookups__PollInterval": "00:00:00.200",
        "Hqt__Lookups__MaxLookupsPerCapture": str(max_per_capture),
        "Logging__LogLevel__Default": "Warning",
    })
    proc = subprocess.Popen(["dotnet", dll, "--urls", f"http://127.0.0.1:{port}"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=data_dir)
    api = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("API exited: " + proc.stderr.read().decode("utf-8", "replace")[-2000:])
        try:
            call(api, "GET", "/api/lookups", timeout=2)
            return proc, api
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("API did not start")


def wait_idle(api, timeout):
    deadline = time.time() + timeout
    while True:
        s = call(api, "GET", "/api/lookups")
        if s["queued"] == 0 and s["running"] == 0:
            return s
        if time.time() > deadline:
            return s
        time.sleep(0.2)


def to_aan_id(url, base):
    if url and url.startswith(base):
        m = PAGE_PATH.search(url)
        if m:
            return m.group(1)
    return None


# --------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenarios", default=os.path.join(SHARED, "eval", "suggest", "scenarios-dev.jsonl"))
    ap.add_argument("--out", default=os.path.join(REPO, "artifacts", "aan-lookups-run.jsonl"))
    ap.add_argument("--api-dll", default=os.path.join(REPO, "src", "Hqt.Api", "bin", "Release", "net10.0", "Hqt.Api.dll"))
    ap.add_argument("--build", action="store_true", help="dotnet build -c Release first")
    ap.add_argument("--api-port", type=int, default=5190)
    ap.add_argument("--web-port", type=int, default=5191)
    ap.add_argument("--limit", type=int, default=0, help="only the first N scenarios")
    ap.add_argument("--only", help="a regex on scenario ids")
    ap.add_argument("--max-per-capture", type=int, default=150)
    ap.add_argument("--wait", type=float, default=300, help="seconds to wait for one scenario's lookups")
    ap.add_argument("--keep", action="store_true", help="keep the data directories")
    a = ap.parse_args()

    if a.build:
        subprocess.run(["dotnet", "build", "-c", "Release", "--nologo", "-v", "q", os.path.join(REPO, "src", "Hqt.Api")], check=True)
    if not os.path.exists(a.api_dll):
        sys.exit(f"{a.api_dll} not found: run with --build")

    papers, cites = load_aan(os.path.join(SHARED, "eval", "suggest"))
    web, base, hits = serve_web(a.web_port, papers, cites)
    with open(a.scenarios, encoding="utf-8") as fh:
        scenarios = [json.loads(l) for l in fh if l.strip()]
    if a.only:
        scenarios = [s for s in scenarios if re.search(a.only, s["scenario_id"])]
    if a.limit:
        scenarios = scenarios[: a.limit]

    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    root = tempfile.mkdtemp(prefix="hqt-aan-harness-")
    started = time.time()
    totals = collections.Counter()
    with open(a.out, "w", encoding="utf-8") as out:
        for n, sc in enumerate(scenarios, 1):
            t0 = time.time()
            data_dir = os.path.join(root, sc["scenario_id"])
            os.makedirs(data_dir)
            proc, api = start_api(a.api_dll, a.api_port, data_dir, base, a.max_per_capture)
            try:
                for c in sc["request"]["captures"]:
                    url = f"{base}/aan/{c['id']}"
                    call(api, "POST", "/api/captures", {"url": url, "title": c.get("title"), "html": page_html(base, c["id"], papers, cites)})
                status = wait_idle(api, a.wait)
                try:
                    answer = call(api, "GET", "/api/suggestions?kind=work&limit=50")
                except urllib.error.HTTPError as e:
                    if e.code != 404:
                        raise
                    print("!! GET /api/suggestions answered 404: this build has no suggestions endpoint", flush=True)
                    answer = {"items": []}
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
            suggestions, seen = [], set()
            for item in answer.get("items", []):
                aan = to_aan_id(item.get("url"), base)
                if aan and aan not in seen:
                    seen.add(aan)
                    suggestions.append({"id": aan, "score": item.get("score"), "reason": item.get("reason")})
            out.write(json.dumps({"scenario_id": sc["scenario_id"], "suggestions": suggestions}) + "\n")
            out.flush()
            totals.update({k: v for k, v in status.get("outcomes", {}).items()})
            totals["scenarios"] += 1
            print(f"[{n}/{len(scenarios)}] {sc['scenario_id']}: {len(sc['request']['captures'])} captures, "
                  f"lookups done={status['done']} failed={status['failed']} left={status['queued'] + status['running']} "
                  f"{dict(status.get('outcomes', {}))}, {len(suggestions)} suggestions mapped, {time.time() - t0:.1f}s", flush=True)
            if not a.keep:
                shutil.rmtree(data_dir, ignore_errors=True)
    web.shutdown()
    elapsed = time.time() - started
    print(f"{totals['scenarios']} scenarios in {elapsed:.0f}s ({elapsed / max(1, totals['scenarios']):.1f}s each); "
          f"lookup outcomes {dict((k, v) for k, v in totals.items() if k != 'scenarios')}; pages served {sum(hits.values())}")
    print(f"run file: {a.out}")
    if not a.keep:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
