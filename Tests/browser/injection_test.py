#!/usr/bin/env python3
"""Real-browser injection test: builds a site whose plan, agencies, documents and settings
carry script-injection attempts, serves it on a loopback port that records every request
to /trap/…, loads its pages and search results in headless Chromium, and checks that each
attempt shows as text and that no script ran: no trap request, no changed title, no element
or event handler the attempts tried to create."""
import html.parser
import http.server
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_test import PLANSITE, ROOT, render  # noqa: E402  (one way to start Chromium)


def trap(name):
    """JavaScript that reports to the test server; no parentheses, which agency lists drop."""
    return f"fetch`/trap/{name}`"


# Each attempt carries a marker word, so a test can find it in search and on the page.
TITLE = f"Kế hoạch xsstitle <script>{trap('title')}</script> \"><svg onload={trap('title2')}> </script> {{{{> header}}}}"
FIELDS = {
    "kind": f"Kế hoạch <img src=x onerror={trap('kind')}>",
    "number": "01/KH-<b>xssnumber</b>",
    "issuer": f"Ủy ban xssissuer <iframe src=javascript:{trap('issuer')}>",
    "province": f"Tỉnh xssprovince <img src=x onerror={trap('province')}>",
    "signer": "Người ký xsssigner <script>document.title='PWNED'</script>",
}
RECIPIENT = f"Nơi nhận xssrecipient '><img src=x onerror={trap('recipient')}>"
LEAD = f"Sở Thử xsslead \"><svg/onload={trap('lead')}>"
SUPPORT = "Ban Thử xsssupport <img src=x onerror=document.title='PWNED'>"
TASK = f"Rà soát xsstask <img src=x onerror=document.title='PWNED'> {{{{{{pageTitle}}}}}} {{{{#site}}}}{{{{title}}}}{{{{/site}}}}"
DOCUMENT = f"Về xssdocument </script><script>{trap('document')}</script>"
AGENCY_NOTE = f"Ghi chú xssnote <img src=x onerror={trap('note')}>"
SITE_TITLE = f"Trang xsssite <img src=x onerror={trap('site')}>"
# Tags written as text in the body (escaped in Markdown); unescaped tags in it are raw HTML, dropped.
BODY = f"Văn bản xssbody </script><script>{trap('inline')}</script> kết thúc."


def markdown_text(text, tags=False):
    """The same text written in a Markdown paragraph: backticks would open code spans, and
    a well-formed tag would be raw HTML."""
    text = text.replace("`", "\\`")
    return text.replace("<", "\\<") if tags else text


PLAN = f"""---
title: {json.dumps(TITLE, ensure_ascii=False)}
{chr(10).join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in FIELDS.items())}
implements: ["27-NQ/TW"]
recipients: [{json.dumps(RECIPIENT, ensure_ascii=False)}]
---

Thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022. {markdown_text(BODY, tags=True)}

<script>{trap('raw-block')}</script>

Ảnh <img src="x" onerror="{trap('raw-inline')}"> và [liên kết xsslink](javascript:{trap('link')}) và <javascript:{trap('autolink')}>.

## II. NHIỆM VỤ

1.1. {markdown_text(TASK)}

- Chủ trì: {markdown_text(LEAD)}
- Phối hợp: {markdown_text(SUPPORT)}
"""

AGENCIES = f"- name: {json.dumps(LEAD, ensure_ascii=False)}\n  note: {json.dumps(AGENCY_NOTE, ensure_ascii=False)}\n"
DOCUMENTS = f"- number: \"27-NQ/TW\"\n  title: {json.dumps(DOCUMENT, ensure_ascii=False)}\n  issuer: \"Ban xssdocissuer <b>x</b>\"\n"
SITE = f"title: {json.dumps(SITE_TITLE, ensure_ascii=False)}\nraw_html: false\n"

# Page → the attempts it must show as text.
PAGES = {
    "/ke-hoach/thu/": [TITLE, *FIELDS.values(), RECIPIENT, LEAD, SUPPORT, TASK, SITE_TITLE,
                       BODY],
    "/": [TITLE, FIELDS["province"]],
    "/co-quan/": [LEAD, SUPPORT],
    "/co-quan/so-thu-xsslead-svg-onload-fetch-trap-lead/": [LEAD, AGENCY_NOTE, TASK],
    "/van-ban/27-nq-tw/": [DOCUMENT, TITLE],
}
# Search query → the attempts the rendered results must show as text.
SEARCHES = {
    "xsstitle": [TITLE],
    "xsslead": [LEAD],
    "xsstask": [TASK],
    f"<img src=x onerror={trap('query')}>": [],
}


class Traps(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records what an injected script would fetch."""
    hits = []

    def do_GET(self):
        if self.path.startswith("/trap/"):
            Traps.hits.append(self.path)
            self.send_response(204)
            self.end_headers()
        else:
            super().do_GET()

    def log_message(self, *args):
        pass


class DOM(html.parser.HTMLParser):
    """The text a reader sees, and every element or attribute an attempt could have made."""
    MADE_BY_ATTEMPTS = {"svg", "img", "iframe", "object", "embed", "b"}

    def __init__(self, dom):
        super().__init__(convert_charrefs=True)
        self.text, self.title, self.problems, self.skip, self.in_title = [], "", [], 0, False
        self.feed(dom)
        self.text = " ".join(" ".join(self.text).split())

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event handler {name}={value!r}")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag}> has {name}={value!r}")
        src = dict(attrs).get("src") or ""
        if tag == "script" and not src.endswith("/assets/search-page.js"):
            self.problems.append(f"a <script> element: {attrs}")
        if tag in self.MADE_BY_ATTEMPTS:
            self.problems.append(f"a <{tag}> element: {attrs}")
        self.skip += tag in ("script", "style")
        self.in_title = tag == "title"

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")
        self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.text.append(data)


def check(url, expected):
    before = len(Traps.hits)
    try:
        dom = DOM(render(url))
    except subprocess.TimeoutExpired:
        return ["Chromium did not finish the page in time (did a script open a dialog?)"]
    problems = list(dom.problems)
    if not dom.text:
        problems.append("the page rendered no text")
    for attempt in expected:
        if " ".join(attempt.split()) not in dom.text:
            problems.append(f"does not show as text: {attempt!r}")
    if "PWNED" in dom.title:
        problems.append(f"a script changed the title to {dom.title!r}")
    problems += [f"a script fetched {hit}" for hit in Traps.hits[before:]]
    return problems


def main():
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        shutil.copytree(ROOT / "Templates", site / "Templates")
        (site / "Content").mkdir()
        for name, text in [("thu.md", PLAN), ("agencies.yml", AGENCIES), ("documents.yml", DOCUMENTS), ("site.yml", SITE)]:
            (site / "Content" / name).write_text(text, encoding="utf-8")
        build = subprocess.run([str(PLANSITE), "build", "--content", str(site / "Content"),
                                "--templates", str(site / "Templates"), "--output", str(site / "Public")],
                               capture_output=True, text=True)
        if build.returncode != 0:
            print(build.stderr)
            print("0 passed, 1 failed")
            return 1
        handler = lambda *a, **k: Traps(*a, directory=str(site / "Public"), **k)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        cases = [(path, base + path, expected) for path, expected in PAGES.items()]
        cases += [(f"search {query!r}", f"{base}/tim-kiem/?q={urllib.parse.quote(query)}", expected + [query])
                  for query, expected in SEARCHES.items()]
        passed = failed = 0
        for name, url, expected in cases:
            problems = check(url, expected)
            if problems:
                failed += 1
                print(f"FAIL {name}:")
                for problem in problems:
                    print(f"     {problem}")
            else:
                passed += 1
                print(f"ok   {name}")
        server.shutdown()
        print(f"{passed} passed, {failed} failed")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
