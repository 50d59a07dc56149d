#!/usr/bin/env python3
"""Measure the reference parser on labelled references it has never seen, labelled by someone else: GROBID's.

Python 3 standard library only. Converts a folder of GROBID citation training files (TEI, `<bibl>` per reference,
the fields tagged inline in the original text) into the `dev.jsonl` line format of ../shared/eval/refparse, then runs
that folder's own scorer on it (`score_refparse.py --data ... --split all`), and breaks the result down per kind of
source and per kind of miss.

    # convert only (writes the jsonl, prints the scorer commands)
    python3 tools/refparse-grobid-check.py --corpus /tmp/grobid-citations --out /tmp/grobid-check.jsonl

    # convert and score a running server in parse and page mode, with per-kind figures and the miss taxonomy
    python3 tools/refparse-grobid-check.py --corpus /tmp/grobid-citations --out /tmp/grobid-check.jsonl \
        --url http://127.0.0.1:5410 --token "$HQT_TOKEN" --mode both --report-dir /tmp/grobid-check

The data (GROBID, kermitt2/grobid, `grobid-trainer/resources/dataset/citation/corpus/`, Apache-2.0) is read from a
folder outside the repository; nothing of it is kept here. docs/benchmarks/refparse-grobid-check.md says which files,
how to fetch them, and what the figures are.

Input
  Every `*.xml` file in --corpus. GROBID's corpus has three shapes and all are read the same way: TEI
  (`<TEI><text><back><listBibl><bibl>`), bare `<tei><listBibl><bibl>` and the older `<citations><bibl>`. Each
  `<bibl>...</bibl>` is cut out of the file text and parsed on its own (so a file fetched only in part still gives
  its complete references, and one malformed reference does not lose the file); one that does not parse as XML is
  counted and skipped. `*.header-reference.xml` / `*.training.header.reference.xml` files are the paper's own
  masthead line ("Cite this as: TBM 2011;1:110-122"), not a reference-list item: skipped unless --with-headers.

Mapping decisions (GROBID TEI -> the refparse gold fields; the rest of the gold rules are that README's)
  text       the bibl's text with every tag removed (`<lb/>` read as a space) and whitespace collapsed: exactly what
             a reader sees, citation numbers, "-," / "--," same-author dashes and "Available at" notes kept.
  authors    family names from every `<author>` segment in order, by the scorer's own `split_names` (imported from
             score_refparse.py), so the rules are the README's: et al. dropped, particles kept, "et" / "and" / "&"
             split. `<orgName>` (GROBID's label for a collaboration, "R Development Core Team", "CDF Collaboration",
             "OECD") is NOT an author: AnyStyle would mostly label such a body `author`; this is one of the
             convention differences the miss taxonomy counts.
  editors    the same from every `<editor>` segment (the scorer scores editors only when there are no authors).
  title      the first `<title level="a">` (article, chapter, paper), else the first `level="m"` (book, report,
             proceedings volume, thesis), else the first title with no level. A `level="j"` or `level="s"` title is
             never the title. So a book's title is its `m` title, and a chapter's is its `a` title (its book is the
             container), as in AnyStyle's labels.
  container  the first `level="j"` title (journal), else, when there is an `a` title, the first `m` title (the book
             or proceedings a chapter or paper is in), else the first `level="s"` (series) title.
  year       the first plausible year (1500-2030) in the `<date>` segments, in order ("2007a" -> 2007,
             "20 January 2016" -> 2016).
  volume     the first `<biblScope unit="volume">` (older files: `type="vol"`).
  issue      the first `<biblScope unit="issue">` (also `type="issue"`, `unit="number"`).
  pages      the first `<biblScope unit="page">` (older files: `type="pp"`), a leading "pp"/"p." and the spaces
             around the dash dropped ("pp645-669" -> "645-669", "978 -985" -> "978-985"); a `from`/`to` pair is
             joined "from-to".
  publisher  the first `<publisher>`; location: the first `<pubPlace>`.
  doi        the first `<idno type="DOI">` with its spaces removed ("doi :10 .1098/x" -> "10.1098/x"), else the first
             DOI anywhere in the text (as the README does for AnyStyle's urls); lower case.
  url        the first `<ptr>` (GROBID's `type="web"`), spaces removed. arxiv: an `<idno type="arxiv">`, else the
             first arXiv identifier in the text. isbn: an `<idno type="ISBN">`.
  Every segment: whitespace collapsed; the spaces, commas, semicolons, colons, quotes and unbalanced brackets
  around it stripped from its ends (a title's closing full stop too: "Case Study." -> "Case Study").

Left out, as the README leaves them out of dev.jsonl: references with neither a title nor a container (GROBID
labels lone arXiv numbers, URLs, "private communication" and 3GPP spec numbers as references too), and exact
repeats of a text already kept. Every item is `"split": "dev-test"`; `source` is the kind of source (below);
`id` is `grobid-<file stem>-<n>`, n the bibl's place in its file.

Kinds of source
  FILE_KINDS names the kind of every file of the sample, assigned by reading it (the file names do not say).
  A file not listed is "unclassified".

Miss taxonomy (--report-dir, from the scorer's --json-out)
  Each field miss is put in one kind by the rules in classify_misses: GROBID-convention kinds (the gold says
  something AnyStyle's labels would not) and parser kinds (the parse is wrong by any labelling). The report also
  re-scores with the systematic convention differences normalised, saying exactly how (see NORMALISATIONS and normalised).
"""
import argparse
import collections
import html
import importlib.util
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_REFPARSE = os.path.join(os.path.dirname(REPO), "shared", "eval", "refparse")

# The kind of every file in the sample (docs/benchmarks/refparse-grobid-check.md lists the files), by reading it.
FILE_KINDS = {
    # physics: HEP, nuclear, astrophysics, condensed matter, gravitation, fluids, instrumentation, mathematical physics
    # (arXiv, APS, Springer, IOP, Elsevier, AIP, World Scientific; numbered and author-year styles)
    **{stem: "physics" for stem in (
        "1708.00594", "37-nature23005", "16-ncc11332", "18-128-3-477", "43-2007_31_1181-1184_853674", "23-v48p1279",
        "submission_102", "submission_233", "submission_87", "submission_90", "submission_106", "submission_107",
        "submission_109", "submission_95", "submission_278", "9911409", "PhysRevD.95.076006",
        "24-10.1007%2Fs00220-017-2869-y", "aa31418-17", "44-Inan_et_al-2016-Fortschritte_der_Physik",
        "1-s2.0-S0168900217307076-main", "1-s2.0-S0375947417303342-main", "26-10.1007%2Fs10714-017-2253-4",
        "42-1708.07621", "Mullen_2017_ApJ_844_7", "20-10.1007%2Fs002180050352", "0811.1109",
        "22-Ianjamasimanana_2017_AJ_153_213", "40-Alexandrov_2017_J._Inst._12_P08013", "39-10.1007%2Fs10582-006-0411-0",
        "Cromer_2017_J._Phys._A%3A_Math._Theor._50_345402", "29-10.1007%2Fs10509-017-3128-6",
        "31-10.1134%2FS0021364009170044", "13-Bergmann_2017_Class._Quantum_Grav._34_065002",
        "28-10.1007%2Fs11232-010-0050-2", "36-Bashir_2017_EPL_118_41001", "41-Lawrie_2017_Phys._Scr._92_094006",
        "38-Zeng_2017_Chinese_Phys._C_41_087003")},
    # chemistry: Canadian Journal of Chemistry, 1980s, French-language lists: "et" between names, all-capital names,
    # "Dans", "Éditeurs", "Thèse", and almost never an article title
    **{stem: "chemistry" for stem in (
        "10.v89-170", "100.v84-264", "125.v83-368", "0.CanadianJournalOfChemistry", "2.v91-008", "101.v84-254",
        "8.v89-145", "4.v90-043")},
    # mathematics, statistics, economics, finance, climate: author-year styles, quoted titles, "--," same-author dashes
    **{stem: "maths-stats-econ" for stem in ("20486792", "26259662", "0506081", "2108.04818", "17-1%2E4991657")},
    # engineering standards (3GPP, ITU, ISO): 'TS 23.501: "Title".'
    **{stem: "standards" for stem in ("XP051753810", "XP051756923", "XP051753930")},
    # science policy / history: a book chapter on CERN's organisation (reports, web pages, The Economist, proceedings)
    "42-9789814749145_0011": "policy-book",
}

BIBL = re.compile(r"<bibl(?:\s[^>]*)?>.*?</bibl>", re.S)
YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20[0-2]\d|2030)(?!\d)")
DOI_ANY = re.compile(r"10\.\d{4,9}/[^\s\"<>]+", re.I)
ARXIV = re.compile(r"(?:arXiv\s*:\s*)?((?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)", re.I)
ARXIV_IN_TEXT = re.compile(r"arXiv\s*:\s*((?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)", re.I)


def load_scorer(refparse_dir):
    path = os.path.join(refparse_dir, "score_refparse.py")
    if not os.path.exists(path):
        sys.exit(f"no scorer at {path}: give --refparse (the ../shared/eval/refparse folder)")
    spec = importlib.util.spec_from_file_location("score_refparse", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, path


def local(tag):
    return tag.rsplit("}", 1)[-1]


def collapse(s):
    return " ".join((s or "").split())


def seg_text(el):
    return collapse("".join(el.itertext()))


def strip_ends(s, title=False):
    """The punctuation that belongs to the reference around a segment, off its ends."""
    s = collapse(s)
    prev = None
    while s and s != prev:
        prev = s
        s = s.strip(" ,;:\"'“”‘’«»")
        for o, c in (("(", ")"), ("[", "]")):
            if s.endswith(c) and s.count(o) < s.count(c):
                s = s[:-1]
            if s.startswith(o) and s.count(o) > s.count(c):
                s = s[1:]
        if title and s.endswith(".") and not re.search(r"(?:\b[A-Z]|\.\.)\.$", s):
            s = s[:-1]
    return s


def kind_of(stem):
    return FILE_KINDS.get(stem, "unclassified")


def file_stem(name):
    for suffix in (".training.references.tei.xml", ".training.references.xml", ".tranining.references.xml",
                   ".training.header.reference.xml", ".header-reference.xml", ".references.tei.xml", ".tei.xml", ".xml"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def scope_unit(el):
    return (el.get("unit") or el.get("type") or "").casefold()


def clean_pages(el):
    if el.get("from") and el.get("to"):
        return f"{el.get('from')}-{el.get('to')}"
    s = seg_text(el)
    s = re.sub(r"^\s*p{1,2}\s*\.?\s*", "", s, flags=re.I)
    s = re.sub(r"\s*([-\u2010-\u2015\u2212])\s*", r"\1", s)
    return strip_ends(s) or None


def convert_bibl(raw, scorer):
    """One <bibl> fragment -> (text, gold) or None when it does not parse."""
    frag = re.sub(r"<lb\s*/>", " ", raw)
    try:
        el = ET.fromstring(frag)
    except ET.ParseError:
        try:  # HTML entities GROBID's files sometimes carry (&nbsp;): unescape those, keep the XML ones
            el = ET.fromstring(re.sub(r"&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)(\w+);",
                                      lambda m: html.unescape(m.group(0)), frag))
        except ET.ParseError:
            return None
    text = seg_text(el)
    segs = collections.defaultdict(list)
    for e in el.iter():
        if e is el:
            continue
        segs[local(e.tag)].append(e)

    authors = [n for a in segs["author"] for n in scorer.split_names(seg_text(a))]
    editors = [n for a in segs["editor"] for n in scorer.split_names(seg_text(a), editors=True)]

    titles = collections.defaultdict(list)
    for t in segs["title"]:
        titles[(t.get("level") or "").casefold()].append(strip_ends(seg_text(t)))
    a, m, j, s, none = (titles.get(k, []) for k in ("a", "m", "j", "s", ""))
    title = (a or m or none or [None])[0]
    title = strip_ends(title, title=True) if title else None
    container = j[0] if j else (m[0] if a and m else (s[0] if s else None))

    year = None
    for d in segs["date"]:
        y = YEAR.search(seg_text(d))
        if y:
            year = int(y.group(1))
            break

    def first_scope(units):
        for b in segs["biblScope"]:
            if scope_unit(b) in units:
                return b
        return None

    vol, iss, pg = first_scope({"volume", "vol"}), first_scope({"issue", "number", "no"}), first_scope({"page", "pp", "pages"})

    doi = None
    for i in segs["idno"]:
        if (i.get("type") or "").casefold() == "doi":
            doi = re.sub(r"\s+", "", seg_text(i))
            break
    if not doi:
        m_doi = DOI_ANY.search(text)
        doi = m_doi.group(0) if m_doi else None
    if doi:
        m_doi = DOI_ANY.search(doi)
        doi = m_doi.group(0).rstrip(".,;:)]}").casefold() if m_doi else None

    arxiv = None
    for i in segs["idno"]:
        if (i.get("type") or "").casefold() == "arxiv":
            m_ax = ARXIV.search(re.sub(r"\s+", "", seg_text(i)))
            arxiv = m_ax.group(1) if m_ax else None
            break
    if not arxiv:
        m_ax = ARXIV_IN_TEXT.search(re.sub(r"arXiv\s*:\s*", "arXiv:", text))
        arxiv = m_ax.group(1) if m_ax else None
    isbn = next((seg_text(i) for i in segs["idno"] if (i.get("type") or "").casefold() == "isbn"), None)
    url = next((re.sub(r"\s+", "", seg_text(p)) or p.get("target") for p in segs["ptr"]), None)

    def first(tag):
        return strip_ends(seg_text(segs[tag][0])) or None if segs[tag] else None

    gold = {
        "authors": authors, "editors": editors, "title": title or None, "year": year, "container": container or None,
        "volume": strip_ends(seg_text(vol)) or None if vol is not None else None,
        "issue": strip_ends(seg_text(iss)) or None if iss is not None else None,
        "pages": clean_pages(pg) if pg is not None else None,
        "publisher": first("publisher"), "location": first("pubPlace"),
        "doi": doi, "url": url, "arxiv": arxiv, "isbn": isbn,
    }
    # What the taxonomy needs to know about the labels, kept apart from the gold the scorer reads.
    facts = {
        "org_names": [strip_ends(seg_text(o)) for o in segs["orgName"]],
        "title_levels": {k: v for k, v in titles.items() if v},
        "notes": [strip_ends(seg_text(n)) for n in segs["note"]],
        "pages_count": sum(1 for b in segs["biblScope"] if scope_unit(b) in {"page", "pp", "pages"}),
        "scopes": [(scope_unit(b), strip_ends(seg_text(b))) for b in segs["biblScope"]],
        "dates": [seg_text(d) for d in segs["date"]],
    }
    return text, gold, facts


def convert(corpus, scorer, with_headers=False):
    items, facts, stats = [], {}, collections.Counter()
    seen = set()
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".xml"):
            continue
        if ("header-reference" in name or "header.reference" in name) and not with_headers:
            stats["header files skipped"] += 1
            continue
        stem = file_stem(name)
        raw = open(os.path.join(corpus, name), encoding="utf-8").read()
        stats["files"] += 1
        for n, m in enumerate(BIBL.finditer(raw), 1):
            stats["bibl elements"] += 1
            got = convert_bibl(m.group(0), scorer)
            if got is None:
                stats["left out: not well-formed XML"] += 1
                continue
            text, gold, f = got
            if not text:
                stats["left out: empty"] += 1
                continue
            if not gold["title"] and not gold["container"]:
                stats["left out: neither title nor container"] += 1
                continue
            if text in seen:
                stats["left out: exact repeat"] += 1
                continue
            seen.add(text)
            iid = f"grobid-{stem}-{n:03d}"
            items.append({"id": iid, "source": kind_of(stem), "split": "dev-test", "text": text, "gold": gold})
            facts[iid] = f
    stats["items kept"] = len(items)
    return items, facts, stats


# ---------------------------------------------------------------- misses


MEETING = re.compile(r"^(?:proc\b|proceedings\b|\d+(?:st|nd|rd|th)\s+(?:symp|int|conf|meeting|workshop)|[a-z]+ meeting\b|"
                     r"talk given|conf(?:erence)?\b|workshop\b|symposium\b)", re.I)
# GROBID's texts come from PDF extraction: a space before a full stop or comma inside names and journal abbreviations
# ("Phys .Rev .Lett .", "KlessenR .S .,Bromm V", "Gen.Reltiv .Gravit .") or glued words ("Science350 ,413"). A web page
# rarely reads like that, so the figures are also given with and without it.
PDF_SPACING = re.compile(r"[A-Za-z] \.(?=[A-Za-z]| [A-Z]\b)|\S ,(?=\S)")
SERIES_LETTER = re.compile(r"^\s*([A-H])\s*(?=\d)")


def _keys(sc, names):
    return {sc.family_key(sc.family_of(n)) for n in names} - {""}


def classify_misses(item, r, facts, sc, confidence=None):
    """(field, kind) for every field of one scored item that is not fully right (lenient for title and container).
    'grobid: ...' kinds are the labels' doing (a convention AnyStyle's labels do not share, or a slip in GROBID's own
    labels, checked by hand on examples); 'parser: ...' kinds are wrong by any labelling. The rules read only the
    gold, the label facts, the answer and the text, never the id or the file."""
    out = []
    g, p, s = item["gold"], r["pred"], r["score"]
    text = item["text"]
    f = facts.get(item["id"], {})
    levels = f.get("title_levels", {})
    unsure = confidence is not None and confidence < 0.2
    gnames = g.get("authors") or g.get("editors") or []
    gkeys = {sc.family_key(n) for n in gnames} - {""}

    def miss(field):
        ret, gold, _, cl = s[field]
        return (ret or gold) and cl != max(ret, gold)

    if miss("title"):
        gt, pt = g.get("title"), p.get("title")
        gc = g.get("container") or ""
        if gt and "a" not in levels and MEETING.match(gt):
            out.append(("title", "grobid: a proceedings or meeting name labelled as the title"))
        elif gt and not pt:
            out.append(("title", "parser: unsure parse, no title" if unsure else "parser: no title returned"))
        elif pt and not gt:
            if _keys(sc, [pt]) & gkeys or any(w.isupper() and len(w) > 2 for w in pt.split()):
                out.append(("title", "parser: an author's name taken as the title (no-title reference)"))
            elif gc and sc.norm_text(pt) == sc.norm_text(gc):
                out.append(("title", "parser: the journal taken as the title (no-title reference)"))
            elif gc and sc.norm_text(pt) and sc.norm_text(pt) in sc.norm_text(gc):
                out.append(("title", "parser: a piece of the journal name taken as the title (no-title reference)"))
            else:
                out.append(("title", "parser: a title where the reference has none"))
        elif gc and sc.norm_text(pt) == sc.norm_text(gc):
            out.append(("title", "parser: the container taken as the title"))
        elif sc.norm_text(gt) in sc.norm_text(pt):
            extra = set(sc.norm_text(pt).replace(sc.norm_text(gt), " ").split())
            if extra & set(sc.norm_text(gc).split()):
                out.append(("title", "parser: title runs into the container or series"))
            else:
                out.append(("title", "parser: title runs into a note, a year or the authors"))
        elif sc.norm_text(pt) in sc.norm_text(gt):
            if re.search(r"\b(?:j|phys|rev|lett|climate|proc)\b", sc.norm_text(gt)[len(sc.norm_text(pt)):]):
                out.append(("title", "grobid: the title label runs over the journal name"))
            else:
                out.append(("title", "parser: title cut short"))
        else:
            out.append(("title", "parser: another span taken as the title"))

    if miss("authors"):
        pnames = p.get("authors") or []
        pkeys = _keys(sc, pnames)
        orgs = f.get("org_names") or []
        okeys = {sc.family_key(o) for o in orgs} | {sc.family_key(w) for o in orgs for w in o.split()}
        lost = [n for n in gnames if sc.family_key(n) not in pkeys]
        extra = [a for a in pnames if sc.family_key(sc.family_of(a)) not in gkeys]
        if not gkeys and pkeys and orgs and pkeys & okeys:
            out.append(("authors", "grobid: a collaboration or body labelled orgName, not author"))
        elif not gkeys and pkeys and re.match(r"^\s*[-\u2010-\u2015]{1,3}\s*[,.]", text):
            out.append(("authors", "grobid: same-author dash, the names not repeated"))
        elif gkeys and not pkeys and unsure:
            out.append(("authors", "parser: unsure parse (no title or journal found), names withheld"))
        elif gkeys and not pkeys:
            out.append(("authors", "parser: no names returned"))
        elif lost and re.search(r"\bet\s*$", text[: max(0, text.find(lost[0]))].strip()[-4:] + " ") is None and \
                any(re.search(r"\bet\s+[^,]*" + re.escape(n), text) for n in lost):
            out.append(("authors", "parser: French 'et' not read as 'and' (the names after it lost)"))
        elif extra and any(sc.junk_name(a) for a in extra):
            out.append(("authors", "parser: a journal word taken as a name (Nucl, Phys)"))
        elif lost and all(n.isupper() for n in lost):
            out.append(("authors", "parser: all-capital names missed"))
        elif extra:
            out.append(("authors", "parser: wrong or badly split names"))
        else:
            out.append(("authors", "parser: some names missed"))

    if miss("year"):
        ret, gold, _, _ = s["year"]
        if gold and not ret:
            out.append(("year", "parser: no year returned"))
        elif ret and not gold:
            out.append(("year", "grobid: no date labelled" if re.search(r"\b(?:1[5-9]|20)\d\d\b", text) else "parser: a year where there is none"))
        else:
            out.append(("year", "parser: a page or another number taken as the year"))

    if miss("container"):
        gc, pc = g.get("container"), p.get("container")
        gt = g.get("title")
        if gt and "a" not in levels and MEETING.match(gt) and pc and sc.norm_text(pc).startswith(sc.norm_text(gt)[:20]):
            out.append(("container", "grobid: a proceedings or meeting name labelled as the title"))
        elif gc and not pc:
            if unsure:
                out.append(("container", "parser: unsure parse, no container"))
            elif "a" in levels and "m" in levels and "j" not in levels:
                out.append(("container", "parser: no container (the book or proceedings of a chapter or paper)"))
            else:
                out.append(("container", "parser: no container returned"))
        elif pc and not gc:
            out.append(("container", "parser: a container where the reference has none"))
        elif sc.norm_text(gc) in sc.norm_text(pc):
            out.append(("container", "parser: container runs into the authors, volume or place"))
        elif sc.norm_text(pc) in sc.norm_text(gc):
            out.append(("container", "parser: container cut short"))
        else:
            out.append(("container", "parser: another span taken as the container"))

    scopes = f.get("scopes", [])
    units = [u for u, _ in scopes]
    vol_twice = units.count("volume") + units.count("vol") >= 2 and not any(u in ("page", "pp", "pages") for u in units)
    page_twice = units.count("page") + units.count("pp") >= 2 and not any(u in ("volume", "vol") for u in units)
    for field in ("volume", "pages", "doi"):
        if not miss(field):
            continue
        ret, gold, _, _ = s[field]
        gv, pv = g.get(field), p.get(field)
        if field == "volume" and gv and pv and SERIES_LETTER.sub("", str(gv)) == SERIES_LETTER.sub("", str(pv)):
            out.append((field, "grobid: series letter inside or outside the volume (B143 / 143)"))
        elif field == "pages" and vol_twice and pv:
            out.append((field, "grobid: label slip, the pages labelled volume"))
        elif field == "volume" and page_twice:
            out.append((field, "grobid: label slip, the volume labelled pages"))
        elif field == "pages" and page_twice:
            out.append((field, "grobid: label slip, the volume labelled pages"))
        elif gold and not ret:
            out.append((field, f"parser: unsure parse, no {field}" if unsure and field == "volume" else f"parser: no {field} returned"))
        elif ret and not gold:
            out.append((field, f"parser: a {field} where the reference has none"))
        else:
            out.append((field, f"parser: wrong {field}"))
    return out


NORMALISATIONS = {
    "N1": "a collaboration or body that GROBID labels orgName (and no author or editor) counts as the author",
    "N2": "a proceedings or meeting name that GROBID labels as the only (level m) title, with no article title, is the "
          "container, not the title (AnyStyle labels it container-title)",
    "N3": "a series letter before a volume number is dropped on both sides (\"B143\" = \"143\", \"D26\" = \"26\")",
    "N4": "GROBID's label slips: two volume scopes and no page scope make the second the pages; two page scopes and no "
          "volume scope make the first the volume",
}


def normalised(item, pred, facts, rules=("N1", "N2", "N3", "N4")):
    """(gold, pred, applied rules) with the systematic GROBID conventions brought to AnyStyle's (NORMALISATIONS).
    Only what a rule names changes; the parser's own misses stay misses."""
    g, p = dict(item["gold"]), dict(pred)
    f = facts.get(item["id"], {})
    levels = f.get("title_levels", {})
    applied = []
    if "N1" in rules and not g.get("authors") and not g.get("editors") and f.get("org_names"):
        g["authors"] = [f["org_names"][0]]
        applied.append("N1")
    if "N2" in rules and g.get("title") and "a" not in levels and MEETING.match(g["title"]):
        g["container"], g["title"] = g["title"], None
        applied.append("N2")
    if "N3" in rules and (g.get("volume") and SERIES_LETTER.match(str(g["volume"])) or p.get("volume") and SERIES_LETTER.match(str(p["volume"]))):
        g["volume"] = SERIES_LETTER.sub("", str(g["volume"])) if g.get("volume") else g.get("volume")
        p["volume"] = SERIES_LETTER.sub("", str(p["volume"])) if p.get("volume") else p.get("volume")
        applied.append("N3")
    if "N4" in rules:
        scopes = f.get("scopes", [])
        vols = [t for u, t in scopes if u in ("volume", "vol")]
        pages = [t for u, t in scopes if u in ("page", "pp", "pages")]
        if len(vols) >= 2 and not pages:
            g["volume"], g["pages"] = vols[0], vols[1]
            applied.append("N4")
        elif len(pages) >= 2 and not vols:
            g["volume"], g["pages"] = pages[0], pages[1]
            applied.append("N4")
    return g, p, applied


def fetch_confidence(items, args):
    """The server's own confidence for each item (parse mode), when it gives one: the taxonomy tells an unsure parse
    (fields withheld on purpose) from a confident wrong one. A server without it gives None."""
    out = {}
    url = args.url.rstrip("/") + "/api/references/parse"
    for i in range(0, len(items), 200):
        batch = items[i: i + 200]
        req = urllib.request.Request(url, data=json.dumps({"references": [it["text"] for it in batch]}).encode("utf-8"),
                                     headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {args.token}"} if args.token else {})},
                                     method="POST")
        try:
            with urllib.request.urlopen(req, timeout=args.timeout) as resp:
                got = json.loads(resp.read().decode("utf-8"))
        except (urllib.error.URLError, ValueError):
            return {}
        got = got.get("references") if isinstance(got, dict) else got
        for it, ref in zip(batch, got or []):
            c = ref.get("confidence") if isinstance(ref, dict) else None
            out[it["id"]] = float(c) if isinstance(c, (int, float)) else None
    return out


# ---------------------------------------------------------------- main


def run_scorer(scorer_path, data, mode, args, json_out, show_misses=0):
    cmd = [sys.executable, scorer_path, "--mode", mode, "--url", args.url, "--data", data, "--split", "all",
           "--json-out", json_out, "--label", f"{mode} grobid-check"]
    if args.token:
        cmd += ["--token", args.token]
    if show_misses:
        cmd += ["--show-misses", str(show_misses)]
    print("$ " + " ".join(c if c != args.token else '"$HQT_TOKEN"' for c in cmd), flush=True)
    res = subprocess.run(cmd, capture_output=True, text=True)
    sys.stdout.write(res.stdout)
    if res.returncode != 0:
        sys.exit(f"scorer failed: {res.stderr[-2000:]}")
    return json.load(open(json_out, encoding="utf-8")), res.stdout


def line(label, s):
    f = s["fields"]
    fmt = lambda x: "  n/a" if x is None else f"{x:.3f}"  # noqa: E731
    return (f"| {label} | {s['items']} | {fmt(s['all_strict']['f1'])} | {fmt(f['title']['f1_lenient'])} | "
            f"{fmt(f['authors']['f1'])} | {fmt(f['year']['f1'])} | {fmt(f['container']['f1_lenient'])} | "
            f"{fmt(f['volume']['f1'])} | {fmt(f['pages']['f1'])} | {fmt(f['doi']['f1'])} | "
            f"{fmt(s['title_authors_year_lenient']['f1'])} | {100 * (s['junk']['rate'] or 0):.1f} % | {s['empty_parses']} |")


HEADER = ("| set | items | all fields F1 (strict) | title | authors | year | container | volume | pages | doi | "
          "title+authors+year | junk | empty |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def report(items, facts, result, sc, mode, out_dir, confidence):
    by_id = {it["id"]: it for it in items}
    results = []
    for r in result["items"]:
        it = by_id[r["id"]]
        results.append({**r, "gold": it["gold"], "text": it["text"], "source": it["source"]})
    lines = [f"## {mode} mode", "", HEADER, line("all", sc.summarise(results))]
    kinds = collections.Counter(r["source"] for r in results)
    for k, _ in kinds.most_common():
        lines.append(line(k, sc.summarise([r for r in results if r["source"] == k])))
    noisy = [r for r in results if PDF_SPACING.search(r["text"])]
    lines.append(line("text with PDF spacing artefacts", sc.summarise(noisy)))
    lines.append(line("text without them", sc.summarise([r for r in results if not PDF_SPACING.search(r["text"])])))
    titled = [r for r in results if r["gold"].get("title")]
    lines.append(line("items with a title", sc.summarise(titled)))
    lines.append(line("items without a title", sc.summarise([r for r in results if not r["gold"].get("title")])))
    conf = {i: c for i, c in confidence.items() if c is not None}
    if conf:
        sure = [r for r in results if conf.get(r["id"], 1.0) >= 0.2]
        lines.append(line("parse confident (>= 0.2)", sc.summarise(sure)))
        lines += ["", f"Unsure parses (confidence < 0.2, people withheld): {len(results) - len(sure)} of {len(results)} "
                      f"({', '.join(f'{k} {n}' for k, n in collections.Counter(r['source'] for r in results if conf.get(r['id'], 1.0) < 0.2).most_common())})."]

    # normalised: the same answers against the gold with GROBID's systematic conventions brought to AnyStyle's
    lines += ["", "Normalised (the same answers; rules in NORMALISATIONS, applied to the items named):", "", HEADER]
    applied_total = collections.Counter()
    for rules in (("N1",), ("N2",), ("N3",), ("N4",), ("N1", "N2", "N3", "N4")):
        renorm = []
        for r in results:
            g, pr, applied = normalised(by_id[r["id"]], r["pred"], facts, rules)
            if len(rules) == 4:
                applied_total.update(applied)
            renorm.append({**r, "gold": g, "pred": pr, "score": sc.score_item(g, pr)})
        lines.append(line("all, " + "+".join(rules), sc.summarise(renorm)))
    lines += [""] + [f"- {k} ({applied_total[k]} items): {v}" for k, v in NORMALISATIONS.items()]

    tally = collections.Counter()
    examples = collections.defaultdict(list)
    for r in results:
        for field, kind in classify_misses(by_id[r["id"]], r, facts, sc, confidence.get(r["id"])):
            tally[(field, kind)] += 1
            if len(examples[(field, kind)]) < 6:
                got = r["pred"].get(field)
                want = r["gold"].get(field) if field != "authors" else (r["gold"].get("authors") or r["gold"].get("editors"))
                examples[(field, kind)].append({"id": r["id"], "source": r["source"], "text": r["text"][:220], "gold": want, "got": got})
    lines += ["", "### Misses by kind", "", "| field | kind | items |", "|---|---|---|"]
    for (field, kind), n in sorted(tally.items(), key=lambda x: (x[0][0], x[0][1].split(":")[0], -x[1])):
        lines.append(f"| {field} | {kind} | {n} |")
    side = collections.Counter()
    for (field, kind), n in tally.items():
        side[kind.split(":")[0]] += n
    lines += ["", "Field misses by side: " + ", ".join(f"{k} {n}" for k, n in side.most_common())]
    md = "\n".join(lines) + "\n"
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, f"report-{mode}.md"), "w", encoding="utf-8") as fh:
        fh.write(md)
    with open(os.path.join(out_dir, f"miss-examples-{mode}.json"), "w", encoding="utf-8") as fh:
        json.dump({f"{k[0]} | {k[1]}": v for k, v in examples.items()}, fh, ensure_ascii=False, indent=1)
    print(md)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="/tmp/grobid-citations", help="folder of GROBID citation TEI files")
    ap.add_argument("--out", default="/tmp/grobid-check.jsonl", help="where the converted jsonl goes (outside the repo)")
    ap.add_argument("--refparse", default=DEFAULT_REFPARSE, help="the ../shared/eval/refparse folder (scorer)")
    ap.add_argument("--with-headers", action="store_true", help="also read *.header-reference.xml files")
    ap.add_argument("--url", help="server base URL; without it the script converts and prints the scorer commands")
    ap.add_argument("--token", default=os.environ.get("HQT_TOKEN"))
    ap.add_argument("--mode", choices=["parse", "page", "both"], default="parse")
    ap.add_argument("--report-dir", default="/tmp/grobid-check", help="scorer json, per-kind report and miss examples")
    ap.add_argument("--show-misses", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()

    sc, scorer_path = load_scorer(args.refparse)
    items, facts, stats = convert(args.corpus, sc, args.with_headers)
    if not items:
        sys.exit(f"no references converted from {args.corpus}")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    facts_path = os.path.splitext(args.out)[0] + ".facts.json"
    with open(facts_path, "w", encoding="utf-8") as fh:
        json.dump(facts, fh, ensure_ascii=False)
    print(f"converted {args.corpus}: " + ", ".join(f"{k}={v}" for k, v in stats.items()))
    print("kinds: " + ", ".join(f"{k}={v}" for k, v in collections.Counter(it["source"] for it in items).most_common()))
    print(f"wrote {args.out}")

    modes = ["parse", "page"] if args.mode == "both" else [args.mode]
    if not args.url:
        for mode in modes:
            print(f"python3 {scorer_path} --mode {mode} --url URL --token \"$HQT_TOKEN\" --data {args.out} --split all")
        return
    os.makedirs(args.report_dir, exist_ok=True)
    confidence = fetch_confidence(items, args)
    for mode in modes:
        result, _ = run_scorer(scorer_path, args.out, mode, args, os.path.join(args.report_dir, f"scored-{mode}.json"),
                               args.show_misses)
        report(items, facts, result, sc, mode, args.report_dir, confidence)


if __name__ == "__main__":
    main()
