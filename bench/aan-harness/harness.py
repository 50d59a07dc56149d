#!/usr/bin/env python3
"""End-to-end lookup harness on the AAN dev scenarios, through the real API (issue 6).

It:
  1. serves every AAN paper as an HTML page on a loopback "web" spread over a few loopback addresses
     (127.0.0.1-4, as if several sites): citation_* metas, citation_reference metas and a reference list whose
     links point at the other loopback pages, robots.txt included;
  2. starts the real hqt API once on a fresh data directory with lookups on, allow-listed for 127.0.0.0/8 only
     (OpenAlex and Crossref point at the loopback web too: nothing can leave the machine);
  3. gives each scenario its own reader (a user with a token, written into the fresh database: the API has no
     sign-up endpoint) and captures that reader's pages with POST /api/captures;
  4. waits until every reader's GET /api/lookups shows the queue drained (one round upstream);
  5. reads each reader's GET /api/suggestions?kind=work&limit=50, maps each suggestion's URL back to its AAN id,
     and adds the reader's top 10 people (kind=person) as the run's authors, each mapped back to AAN's spelling
     of the name (same letters, any order: "Peter F. Brown" is "Brown, Peter F.");
and writes a run file for score.py:

  python3 bench/aan-harness/harness.py --out artifacts/aan-lookups-run.jsonl
  python3 ../shared/eval/suggest/score.py score --run artifacts/aan-lookups-run.jsonl \
      --scenarios ../shared/eval/suggest/scenarios-dev.jsonl --track lookup

Python 3 standard library only. Reads ../shared; copies nothing into the repository.
"""
import argparse
import hashlib
import collections
import html
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import zlib
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("HQT_SHARED", os.path.join(os.path.dirname(REPO), "shared"))
TOKEN = "aan-harness-Gm4Xq8Kz2Vw7Lp3Rn9Tc"
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


class Web:
    """Every AAN paper at http://127.0.0.<k>:<port>/aan/<id>, k chosen by a hash of the id."""

    def __init__(self, port, hosts, papers, cites):
        self.port, self.hosts, self.papers, self.cites = port, hosts, papers, cites
        self.hits = collections.Counter()
        self.servers = []

    def url(self, pid):
        return f"http://127.0.0.{1 + zlib.crc32(pid.encode()) % self.hosts}:{self.port}/aan/{pid}"

    def page(self, pid):
        """A paper page as a publisher would serve it: Highwire citation_* metas and a linked reference list."""
        p = self.papers[pid]
        e = lambda s: html.escape(str(s), quote=True)
        metas = [f'<meta name="citation_title" content="{e(p["title"])}">']
        metas += [f'<meta name="citation_author" content="{e(a)}">' for a in p["authors"]]
        metas.append(f'<meta name="citation_publication_date" content="{e(p["year"])}">')
        metas.append(f'<meta name="citation_conference_title" content="{e(p["venue"])}">')
        items = []
        for rid in self.cites.get(pid, []):
            r = self.papers.get(rid)
            if r is None:
                continue
            url = self.url(rid)
            parts = [f"citation_title={r['title']}"] + [f"citation_author={a}" for a in r["authors"]]
            parts += [f"citation_publication_date={r['year']}", f"citation_url={url}"]
            metas.append(f'<meta name="citation_reference" content="{e("; ".join(parts))}">')
            items.append(f'<li>{e("; ".join(r["authors"]))} ({e(r["year"])}). <a href="{e(url)}">{e(r["title"])}</a>. <i>{e(r["venue"])}</i>.</li>')
        return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{e(p["title"])}</title>
<link rel="canonical" href="{e(self.url(pid))}">
{chr(10).join(metas)}
</head><body><header><nav><a href="/">AAN loopback web</a></nav></header>
<article><h1>{e(p["title"])}</h1><p class="authors">{e("; ".join(p["authors"]))}</p>
<p>{e(p["venue"])}, {e(p["year"])}.</p>
<section id="references"><h2>References</h2><ol class="references">
{chr(10).join(items)}
</ol></section></article></body></html>"""

    def start(self):
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/robots.txt":
                    return self.reply(200, "text/plain", "User-agent: *\nAllow: /\n")
                m = PAGE_PATH.match(self.path)
                if not m or m.group(1) not in web.papers:
                    return self.reply(404, "text/plain", "not found")
                web.hits[m.group(1)] += 1
                self.reply(200, "text/html; charset=utf-8", web.page(m.group(1)))

            def reply(self, status, ctype, body):
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        for k in range(1, self.hosts + 1):
            server = ThreadingHTTPServer((f"127.0.0.{k}", self.port), Handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self.servers.append(server)

    def stop(self):
        for server in self.servers:
            server.shutdown()

    def aan_id(self, url):
        if url and url.startswith("http://127.0.0."):
            m = PAGE_PATH.search(url)
            if m:
                return m.group(1)
        return None


def name_key(name):
    """The same person however the name is ordered or accented: "Brown, Peter F." and "Peter F. Brown" share a key."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(sorted(re.findall(r"[a-z]+", plain)))


def author_index(papers):
    """Person suggestions map back to AAN's spelling of the name, as work suggestions map back to AAN ids by URL."""
    index = {}
    for p in papers.values():
        for a in p["authors"]:
            index.setdefault(name_key(a), a)
    return index


# --------------------------------------------------------------------------- the API

def call(api, token, method, path, body=None, timeout=120):
    data = json.dumps(body).encode("utf-8") if body is not None else None
    req = urllib.request.Request(api + path, data=data, method=method, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read().decode("utf-8") or "null")


def start_api(dll, port, data_dir, web, concurrency, max_per_capture):
    env = dict(os.environ)
    env.update({
        "Hqt__ApiToken": TOKEN,
        "Hqt__DataDirectory": data_dir,
        "Hqt__CaptureBurst": "100000",
        "Hqt__Lookups__Enabled": "true",
        "Hqt__Lookups__AllowedNetworks__0": "127.0.0.0/8",
        "Hqt__Lookups__OpenAlexBaseUrl": f"http://127.0.0.1:{web.port}/openalex",
        "Hqt__Lookups__CrossrefBaseUrl": f"http://127.0.0.1:{web.port}/crossref",
        "Hqt__Lookups__RequestsPerSecond": "0",
        "Hqt__Lookups__Concurrency": str(concurrency),
        "Hqt__Lookups__PollInterval": "00:00:00.200",
        "Hqt__Lookups__MaxLookupsPerCapture": str(max_per_capture),
        "Logging__LogLevel__Default": "Warning",
    })
    proc = subprocess.Popen(["dotnet", dll, "--urls", f"http://127.0.0.1:{port}"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=data_dir)
    api = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("API exited: " + proc.stderr.read().decode("utf-8", "replace")[-2000:])
        try:
            call(api, TOKEN, "GET", "/api/lookups", timeout=2)
            return proc, api
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("API did not start")


def add_reader(data_dir, name, token):
    """A user and bearer token, as TokenStore stores them (SHA-256 hex of the token); the API has no sign-up route."""
    now = time.strftime("%Y-%m-%dT%H:%M:%S.0000000+00:00", time.gmtime())
    with sqlite3.connect(os.path.join(data_dir, "hqt.db"), timeout=30) as db:
        user_id = db.execute("INSERT INTO users (name, created_at) VALUES (?, ?) RETURNING id", (name, now)).fetchone()[0]
        db.execute("INSERT INTO api_tokens (user_id, token_hash, created_at) VALUES (?, ?, ?)",
                   (user_id, hashlib.sha256(token.encode()).hexdigest(), now))


# --------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenarios", default=os.path.join(SHARED, "eval", "suggest", "scenarios-dev.jsonl"))
    ap.add_argument("--out", default=os.path.join(REPO, "artifacts", "aan-lookups-run.jsonl"))
    ap.add_argument("--api-dll", default=os.path.join(REPO, "src", "Hqt.Api", "bin", "Release", "net10.0", "Hqt.Api.dll"))
    ap.add_argument("--build", action="store_true", help="dotnet build -c Release first")
    ap.add_argument("--api-port", type=int, default=5190)
    ap.add_argument("--web-port", type=int, default=5191)
    ap.add_argument("--hosts", type=int, default=4, help="loopback addresses the web is spread over")
    ap.add_argument("--concurrency", type=int, default=4, help="Hqt:Lookups:Concurrency")
    ap.add_argument("--limit", type=int, default=0, help="only the first N scenarios")
    ap.add_argument("--only", help="a regex on scenario ids")
    ap.add_argument("--max-per-capture", type=int, default=150)
    ap.add_argument("--wait", type=float, default=3600, help="seconds to wait for the lookups to drain")
    ap.add_argument("--keep", action="store_true", help="keep the data directory")
    a = ap.parse_args()

    if a.build:
        subprocess.run(["dotnet", "build", "-c", "Release", "--nologo", "-v", "q", os.path.join(REPO, "src", "Hqt.Api")], check=True)
    if not os.path.exists(a.api_dll):
        sys.exit(f"{a.api_dll} not found: run with --build")

    papers, cites = load_aan(os.path.join(SHARED, "eval", "suggest"))
    aan_authors = author_index(papers)
    web = Web(a.web_port, a.hosts, papers, cites)
    web.start()
    with open(a.scenarios, encoding="utf-8") as fh:
        scenarios = [json.loads(l) for l in fh if l.strip()]
    if a.only:
        scenarios = [s for s in scenarios if re.search(a.only, s["scenario_id"])]
    if a.limit:
        scenarios = scenarios[: a.limit]

    data_dir = tempfile.mkdtemp(prefix="hqt-aan-harness-")
    started = time.time()
    proc, api = start_api(a.api_dll, a.api_port, data_dir, web, a.concurrency, a.max_per_capture)
    try:
        tokens = {}
        for sc in scenarios:
            tokens[sc["scenario_id"]] = "aan-" + hashlib.sha256(sc["scenario_id"].encode()).hexdigest()[:24]
            add_reader(data_dir, sc["scenario_id"], tokens[sc["scenario_id"]])
        captures = 0
        for sc in scenarios:
            for c in sc["request"]["captures"]:
                call(api, tokens[sc["scenario_id"]], "POST", "/api/captures",
                     {"url": web.url(c["id"]), "title": c.get("title"), "html": web.page(c["id"])})
                captures += 1
        captured = time.time()
        print(f"captured {captures} pages for {len(scenarios)} readers in {captured - started:.0f}s", flush=True)

        pending, statuses, last = set(tokens), {}, 0.0
        deadline = time.time() + a.wait
        while pending and time.time() < deadline:
            for sid in sorted(pending):
                s = call(api, tokens[sid], "GET", "/api/lookups")
                statuses[sid] = s
                if s["queued"] == 0 and s["running"] == 0:
                    pending.discard(sid)
            if time.time() - last > 30:
                done = sum(s["done"] for s in statuses.values())
                print(f"  lookups: {done} done, {len(pending)} readers still waiting ({time.time() - captured:.0f}s)", flush=True)
                last = time.time()
            if pending:
                time.sleep(1)
        looked_up = time.time()

        os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
        outcomes, mapped, missing = collections.Counter(), 0, False
        with open(a.out, "w", encoding="utf-8") as out:
            for sc in scenarios:
                sid = sc["scenario_id"]
                try:
                    answer = call(api, tokens[sid], "GET", "/api/suggestions?kind=work&limit=50")
                except urllib.error.HTTPError as e:
                    if e.code != 404:
                        raise
                    missing, answer = True, {"items": []}
                suggestions, seen = [], set()
                for item in answer.get("items", []):
                    aan = web.aan_id(item.get("url"))
                    if aan and aan not in seen:
                        seen.add(aan)
                        suggestions.append({"id": aan, "score": item.get("score"), "reason": item.get("reason")})
                try:
                    people = call(api, tokens[sid], "GET", "/api/suggestions?kind=person&limit=10").get("items", [])
                except urllib.error.HTTPError:
                    people = []
                mapped += len(suggestions)
                outcomes.update(statuses.get(sid, {}).get("outcomes", {}))
                out.write(json.dumps({"scenario_id": sid, "suggestions": suggestions,
                                      "authors": [{"name": aan_authors.get(name_key(p["title"]), p["title"])}
                                                  for p in people if p.get("title")]}) + "\n")
        if missing:
            print("!! GET /api/suggestions answered 404: this build has no suggestions endpoint; the run file has no suggestions")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        web.stop()
        if not a.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    end = time.time()
    print(f"{len(scenarios)} scenarios: captures {captured - started:.0f}s, lookups {looked_up - captured:.0f}s, "
          f"suggestions {end - looked_up:.0f}s, total {end - started:.0f}s")
    print(f"lookup outcomes {dict(outcomes)}; pages served {sum(web.hits.values())}; {mapped} suggestions mapped to AAN ids"
          + (f"; still pending: {len(pending)} readers" if pending else ""))
    print(f"run file: {a.out}" + (f" (data kept in {data_dir})" if a.keep else ""))


if __name__ == "__main__":
    main()
