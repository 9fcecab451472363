#!/usr/bin/env python3
"""Real-browser test of the search page: builds the site, serves it on a loopback port,
loads /tim-kiem/?q=… in headless Chromium and checks the top results it renders."""
import html
import http.server
import re
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLANSITE = ROOT / ".build" / "debug" / "plansite"

# query → (what the first result's link must end with, or None) and a check on the page text.
CASES = [
    ("so tu phap", "/co-quan/so-tu-phap/", None),
    ("Sở Tư pháp", "/co-quan/so-tu-phap/", None),
    ("27/NQ-TW", "/van-ban/27-nq-tw/", None),
    ("27-NQ/TW", "/van-ban/27-nq-tw/", None),
    ("27 NQ TW", "/van-ban/27-nq-tw/", None),
    ("nq 27", "/van-ban/27-nq-tw/", None),
    ("nghị quyết số 27", "/van-ban/27-nq-tw/", None),
    ("NQ28", "/van-ban/28-nq-tw/", None),
    ("tiêu cực", None, "tiêu cực"),
    ("duoc", None, "được"),
]

# query, filters in the URL → every result's meta line must start with this province.
FILTER_CASES = [
    ("thực hiện", {"province": "Lào Cai"}, "Lào Cai"),
    ("thực hiện", {"province": "Quảng Nam", "kind": "task"}, "Quảng Nam"),
]


def serve(folder):
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(folder), **k)
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def render(url):
    out = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000", "--dump-dom", url],
        capture_output=True, text=True, timeout=60)
    return out.stdout


def results(dom):
    block = re.search(r'<ol id="results"[^>]*>(.*?)</ol>', dom, re.S)
    items = re.findall(r'<li class="result">(.*?)</li>', block.group(1) if block else "", re.S)
    return [(re.search(r'href="([^"]+)"', i).group(1), html.unescape(i)) for i in items]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        public = Path(tmp) / "Public"
        build = subprocess.run([str(PLANSITE), "build", "--content", str(ROOT / "Content"),
                                "--templates", str(ROOT / "Templates"), "--output", str(public)],
                               capture_output=True, text=True)
        if build.returncode != 0:
            print(build.stderr)
            print("0 passed, 1 failed")
            return 1
        server = serve(public)
        base = f"http://127.0.0.1:{server.server_address[1]}/tim-kiem/?q="
        passed = failed = 0
        for query, first_link, text in CASES:
            found = results(render(base + urllib.parse.quote(query)))
            problem = None
            if not found:
                problem = "no results rendered in #results"
            elif first_link and not found[0][0].endswith(first_link):
                problem = f"first result is {found[0][0]}, expected …{first_link}"
            elif text and text not in re.sub(r"<[^>]+>", "", found[0][1]):
                problem = f"first result does not show '{text}'"
            if problem:
                failed += 1
                print(f"FAIL {query!r}: {problem}")
            else:
                passed += 1
                print(f"ok   {query!r} → {found[0][0]}")
        for query, filters, province in FILTER_CASES:
            params = urllib.parse.urlencode({"q": query, **filters})
            dom = render(base.split("?")[0] + "?" + params)
            found = results(dom)
            metas = [re.search(r'class="result__meta">([^<]*)', item) for _, item in found]
            pressed = re.findall(r'<button[^>]*aria-pressed="true"[^>]*>([^<]*)</button>', dom)
            problem = None
            if not found:
                problem = "no results rendered in #results"
            elif not all(m and html.unescape(m.group(1)).startswith(province) for m in metas):
                problem = f"a result outside {province}"
            elif not any(html.unescape(b).startswith(province) for b in pressed):
                problem = f"no pressed filter button for {province}"
            if problem:
                failed += 1
                print(f"FAIL {query!r} {filters}: {problem}")
            else:
                passed += 1
                print(f"ok   {query!r} {filters} → {len(found)} results, all in {province}")
        server.shutdown()
        print(f"{passed} passed, {failed} failed")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
