#!/usr/bin/env python3
"""Reference strings from publishers' own pages, scored against the publishers' own metadata.

A small out-of-domain check for the reference parser (issue 14): the dev corpus pages whose `citation_reference` metas
carry a `citation_title` (PLOS, Nature, IOP) also render those references as list items. Each meta is matched to the
shortest list item holding its title; the item's text (text nodes joined by spaces, scripts and styles left out) goes to
`POST /api/references/parse`, and the answer is scored against the meta: title (equal after folding, or token F1 >= 0.9,
as score_refparse.py's lenient title), year, and author recall (Nature's metas name only the first author, so author
precision is not meaningful here). Reads ../shared at run time; copies nothing.

    python3 tools/refparse-publisher-check.py URL TOKEN [-v: title misses] [-y: year misses]
"""
import os, re, json, html, sys, unicodedata, urllib.request
from html.parser import HTMLParser
SHARED = os.environ.get("HQT_SHARED") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
if not os.path.isdir(os.path.join(SHARED, "corpus", "dev")):
    sys.exit(f"no corpus at {SHARED}/corpus/dev: set HQT_SHARED")
pages = ["metascraper-citation-journals.plos.org-plosone-article-id-10.1371-journal.pone.0000001",
         "metascraper-citation-www.nature.com-articles-s41586-021-03819-2", "papis-IOPScience_002"]
def norm(s): 
    s = unicodedata.normalize("NFKC", s or "").casefold()
    s = re.sub(r"[^\w\s]", " ", s); return " ".join(s.split())
class Items(HTMLParser):
    def __init__(s): super().__init__(); s.items=[]; s.depth=0; s.cur=None; s.skip=0
    def handle_starttag(s, tag, a):
        if tag in ("script","style"): s.skip+=1
        if tag == "li": s.items.append([]); s.depth+=1
    def handle_endtag(s, tag):
        if tag in ("script","style"): s.skip-=1
        if tag == "li": s.depth-=1
    def handle_data(s, d):
        if s.depth>0 and not s.skip and s.items: s.items[-1].append(d)
rows=[]
for p in pages:
    src = open(os.path.join(SHARED, "corpus", "dev", p, "page.html"), encoding="utf-8").read()
    it = Items(); it.feed(src)
    texts = [" ".join(" ".join(x).split()) for x in it.items]
    for m in re.finditer(r'name="citation_reference" content="([^"]*)"', src):
        c = html.unescape(m.group(1))
        f = {}
        for part in c.split(";"):
            if "=" in part:
                k, v = part.split("=", 1); f.setdefault(k.strip(), []).append(v.strip())
        if "citation_title" not in f: continue
        title = f["citation_title"][0]
        cand = [t for t in texts if norm(title)[:60] in norm(t) and len(t) < 1000]
        if not cand: continue
        text = min(cand, key=len)
        year = next((int(y) for d in f.get("citation_publication_date", []) + f.get("citation_date", []) for y in re.findall(r"\b(1[5-9]\d\d|20[0-3]\d)\b", d)), None)
        authors = [a.split(",")[0].split()[-1] if "," not in a else a.split(",")[0] for a in f.get("citation_author", []) if a.strip()]
        rows.append(dict(page=p, text=text, title=title, year=year, authors=authors, journal=(f.get("citation_journal_title") or [None])[0]))
print(len(rows), file=sys.stderr)
url, token = sys.argv[1], sys.argv[2]
req = urllib.request.Request(url + "/api/references/parse", data=json.dumps({"references": [r["text"] for r in rows]}).encode(), headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
out = json.load(urllib.request.urlopen(req))["references"]
def tokf1(a, b):
    a, b = norm(a).split(), norm(b).split()
    if not a or not b: return 0
    common = sum(min(a.count(w), b.count(w)) for w in set(a))
    if not common: return 0
    p, r = common/len(a), common/len(b); return 2*p*r/(p+r)
t_ok=y_ok=a_ok=a_tot=a_ret=0
for r, o in zip(rows, out):
    ok = norm(o.get("title")) == norm(r["title"]) or tokf1(o.get("title") or "", r["title"]) >= 0.9
    t_ok += ok
    y_ok += (o.get("year") == r["year"])
    gold = {norm(a).split()[-1] for a in r["authors"] if norm(a)}
    got = {norm(a.get("family") or "").split()[-1] for a in o.get("authors") or [] if norm(a.get("family") or "")}
    a_ok += len(gold & got); a_tot += len(gold); a_ret += len(got)
    if o.get("year") != r["year"] and "-y" in sys.argv: print("YEAR:", r["text"][:160], "| gold", r["year"], "got", o.get("year"))
    if len(got - gold) and "-a" in sys.argv: print("AUTH:", r["text"][:160], "| extra", got - gold, "gold", gold)
    if not ok and "-v" in sys.argv: print("TITLE MISS:", r["text"][:200], "\n   gold:", r["title"][:100], "\n   got: ", o.get("title"))
n=len(rows); print(f"items {n}: title acc {t_ok/n:.3f}, year acc {y_ok/n:.3f}, authors P {a_ok/max(a_ret,1):.3f} R {a_ok/max(a_tot,1):.3f}")
