#!/usr/bin/env python3
"""Issue 16's "calm when offline" bar: the real server with lookups on (their defaults: api.openalex.org,
api.crossref.org, cited pages fetched) on a machine with no network, six captures citing 150 works each
(DOIs, arXiv ids and pages on 60 hosts), left alone for --minutes. Counts what the server logged after
start-up and prints GET /api/lookups. Run on a machine without internet (DNS fails), or it goes out.

    dotnet build -c Release src/Hqt.Api
    python3 bench/offline/offline.py --minutes 10 --port 5430
"""
import argparse, json, os, secrets, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DLL = os.path.join(ROOT, "src", "Hqt.Api", "bin", "Release", "net10.0", "Hqt.Api.dll")


def call(base, token, path, body=None):
    request = urllib.request.Request(base + path, method="POST" if body is not None else "GET",
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def page(n):
    items = []
    for i in range(150):
        k = n * 150 + i
        if i % 3 == 0:
            href = f"https://doi.org/10.{1000 + k % 7}/offline.{k}"
        elif i % 3 == 1:
            href = f"https://arxiv.org/abs/2401.{k:05d}"
        else:
            href = f"https://site{k % 60}.example.net/notes/{k}"
        items.append(f'<li><a href="{href}">Notes on work {k} and its sources</a></li>')
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Offline reading {n}</title>'
            f'<meta name="citation_title" content="Offline reading {n}"><meta name="citation_author" content="Reader {n}">'
            f'</head><body><article><h1>Offline reading {n}</h1><ol class="references">{"".join(items)}</ol></article></body></html>')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--port", type=int, default=5430)
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="hqt-offline-")
    token = "hqt_" + secrets.token_urlsafe(32)
    env = dict(os.environ, Hqt__DataDirectory=data, Hqt__ApiToken=token, ASPNETCORE_ENVIRONMENT="Production", DOTNET_NOLOGO="1")
    log_path = os.path.join(data, "server.log")
    log = open(log_path, "w")
    server = subprocess.Popen(["dotnet", DLL, "--urls", f"http://127.0.0.1:{args.port}"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/health", timeout=2)
                break
            except Exception:
                time.sleep(0.2)
        log.flush()
        start_lines = sum(1 for _ in open(log_path))
        for n in range(6):
            call(base, token, "/api/captures", {"url": f"https://blog.example.com/offline/{n}", "html": page(n)})
        started = time.time()
        while time.time() - started < args.minutes * 60:
            time.sleep(5)
        status = call(base, token, "/api/lookups")
        log.flush()
        lines = open(log_path).read().splitlines()[start_lines:]
        entries = [l for l in lines if l[:6] in ("info: ", "warn: ", "fail: ", "crit: ", "dbug: ", "trce: ")]
        traces = [l for l in lines if l.lstrip().startswith("at ")]
        print(json.dumps({
            "minutes": args.minutes,
            "log_entries": len(entries), "log_lines": len(lines), "log_bytes": sum(len(l) + 1 for l in lines),
            "stack_trace_lines": len(traces),
            "status": status,
        }, indent=2))
        print("--- log after start-up ---")
        print("\n".join(lines))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
