#!/usr/bin/env python3
"""`make bench`: PlanSite against Hugo (build) and Pagefind (search) on generated corpora.

    python3 bench/bench.py [sizes…]      default: 1000 10000; 3 runs each (BENCH_RUNS)
Prints medians of wall time, CPU time, peak memory, output size and pages per second, beside
the floor (bench/cmark_floor.c: reading the plans and parsing and rendering their Markdown with
cmark-gfm alone on all cores, see floor.py) and the time `cp -r` takes to write each tool's output
alone, the PlanSite / floor and PlanSite / Hugo ratios,
the time the search index adds, edits timed in `plansite watch` beside `hugo server`
(bench/watch.py), and bytes and requests before the first results for the benchmark queries,
beside Pagefind's."""
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import floor
import watch

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
PLANSITE = ROOT / ".build" / "release" / "plansite"
QUERIES = [("so tu phap", "/co-quan/so-tu-phap/"), ("27-NQ/TW", "/van-ban/27-nq-tw/"),
           ("ban noi chinh tinh uy", "/co-quan/ban-noi-chinh-tinh-uy/"), ("duoc", None), ("77/NQ-CP", "/van-ban/77-nq-cp/")]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
# BENCH_SEARCH=0 skips Pagefind and the browser: at 10,000 plans they take longer than the builds.
SEARCH = os.environ.get("BENCH_SEARCH", "1") != "0"
# What Pagefind indexes when the whole site is too much for it: every page a search result can be.
PAGEFIND_PAGES = "{ke-hoach,co-quan,van-ban}/*/index.html"
FLOOR_TARGET = 1.5  # issue 6: PlanSite within 1.5× the floor


def measure(command, cwd=None):
    """Wall seconds, CPU seconds and peak resident memory (MB) of one command, its stderr and stdout."""
    # Output goes to files: a pipe would fill with warnings and stall the build.
    with tempfile.TemporaryFile() as log, tempfile.TemporaryFile() as out:
        start = time.monotonic()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - start
        log.seek(0)
        out.seek(0)
        stderr, stdout = log.read().decode(), out.read().decode()
    if status != 0:
        raise SystemExit(f"{command[0]} failed:\n{stderr[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stderr, stdout


def size_of(folder):
    files = [p for p in Path(folder).rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


class Trash:
    """Outputs of earlier runs, moved aside and deleted only when the benchmark ends.

    This machine's ext4 has no journal. Without one, ext4 will not reuse an inode freed in the
    last one to five minutes, and checks every such inode it passes over by reading its inode
    table block (`recently_deleted` in fs/ext4/ialloc.c). So a build that starts right after the
    previous run's output was deleted spends most of its time creating files: perf showed over
    half of a 1,000-plan build in that check, 16.6 s against 8.9 s for the same build after five
    idle minutes. Deleting an output before each run would charge each tool for the previous
    run's cleanup, and charge most the one that writes the most files."""

    def __init__(self):
        self.folder = OUT / ".trash"

    def move(self, path):
        """Moves `path` aside, with what PlanSite keeps beside it (replaced and staging sites)."""
        path = Path(path)
        for item in [path] + sorted(path.parent.glob(f".{path.name}.replaced-*")) + sorted(path.parent.glob(f".{path.name}.staging-*")):
            if item.exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                item.rename(self.folder / f"{time.monotonic_ns()}-{item.name}")

    def empty(self):
        shutil.rmtree(self.folder, ignore_errors=True)


TRASH = Trash()


def median_runs(command, output, pages_of, cwd=None):
    """Medians of RUNS runs; `output` (None for the floor, which writes nothing) is moved aside before each."""
    runs = []
    for _ in range(RUNS):
        if output:
            TRASH.move(output)
        # The previous run's writes reach the disk now, not during this run.
        os.sync()
        runs.append(measure(command, cwd))
    megabytes, files = size_of(output) if output else (None, None)
    wall = statistics.median(r[0] for r in runs)
    return {"wall": wall, "cpu": statistics.median(r[1] for r in runs), "rss": statistics.median(r[2] for r in runs),
            "size": megabytes, "files": files, "pages_per_s": pages_of(output) / wall, "stderr": runs[-1][3],
            "stdout": [r[4] for r in runs]}


def run_floor(binary, content):
    """The floor on one Content folder: wait4 figures as for the builds, and the program's own seconds."""
    result = median_runs([str(binary), str(content)], None, lambda _: 0)
    reports = [floor.report(stdout) for stdout in result["stdout"]]
    result.update(reports[-1], inner=statistics.median(r["seconds"] for r in reports))
    result["pages_per_s"] = result["files"] / result["wall"]
    return result


def run_write_floor(site, copies):
    """The other floor: the time to write a finished site's files, and nothing else. `cp -r` copies
    it from the page cache (it was just written) to a new folder on the same disk: every folder
    made, every file created and its bytes written, as a build must. A build of that site cannot
    take less on this disk; see docs/PERFORMANCE.md, "What writing a site costs"."""
    copies.mkdir(parents=True, exist_ok=True)
    result = median_runs(["cp", "-r", str(site), str(copies / "site")], copies / "site", lambda _: 0)
    TRASH.move(copies / "site")
    return result


def browser(url):
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=30000",
                          f"--user-data-dir=/tmp/bench-profile-{time.monotonic_ns()}", "--dump-dom", url],
                         capture_output=True, text=True, timeout=120).stdout
    match = re.search(r'<pre id="bench">(.*?)</pre>', dom, re.S)
    return json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&")) if match else None


def search_costs(site, engines=("plansite", "pagefind"), queries=QUERIES):
    shutil.copy(ROOT / "bench" / "search-bench.html", site / "search-bench.html")
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(site), **k)
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/search-bench.html"
    rows = []
    for query, expected in queries:
        row = {"query": query, "expected": expected}
        for engine in engines:
            row[engine] = browser(f"{base}?engine={engine}&q={urllib.parse.quote(query)}")
        rows.append(row)
    server.shutdown()
    return rows


def rebuild_after_edit(command, content):
    """A warm build with the cache, then RUNS edits of one plan, each followed by a rebuild."""
    plan = sorted(Path(content).glob("*.md"))[len(list(Path(content).glob("*.md"))) // 2]
    original = plan.read_text(encoding="utf-8")
    TRASH.move(command[command.index("--output") + 1])
    # Twice, so that each timed rebuild finds the site replaced by the one before, as a
    # rebuild after the first does (see OutputFolder.startCleanup).
    measure(command)
    measure(command)
    runs = []
    try:
        for run in range(RUNS):
            plan.write_text(original.replace("\n## ", f"\nĐã sửa lần {run + 1}.\n\n## ", 1), encoding="utf-8")
            os.sync()
            runs.append(measure(command))
    finally:
        plan.write_text(original, encoding="utf-8")
    measure(command)
    runs.sort(key=lambda r: r[0])
    wall, cpu, rss, stderr, stdout = runs[len(runs) // 2]
    kept = re.search(r"\((\d+) unchanged; (\d+) plans from the cache\)", stdout)
    return {"wall": wall, "cpu": cpu, "rss": rss, "stderr": stderr,
            "kept": f"{kept.group(1)} files kept, {kept.group(2)} plans from the cache" if kept else "nothing kept"}


def browser_once(site, query):
    """PlanSite's cost for one query when Pagefind could not run."""
    rows = search_costs(site, engines=("plansite",), queries=[(query, None)])
    return rows[0]["plansite"]


def main():
    # A trash left by an interrupted benchmark is emptied at the end too, not before timing.
    try:
        run_sizes([int(s) for s in sys.argv[1:]] or [1000, 10000])
    finally:
        TRASH.empty()


def run_sizes(sizes):
    floor_binary = floor.build(OUT / "cmark_floor")
    for size in sizes:
        corpus = OUT / str(size)
        if not (corpus / "Content").exists():
            subprocess.run([sys.executable, str(ROOT / "bench" / "generate_corpus.py"), str(size), str(corpus)], check=True)
        site = corpus / "Public"
        plan_pages = lambda output: len(list((Path(output) / "ke-hoach").glob("*/index.html")))
        command = [str(PLANSITE), "build", "--content", str(corpus / "Content"), "--templates", str(ROOT / "Templates"),
                   "--output", str(site), "--timings"]
        ours = median_runs(command + ["--no-cache"], site, plan_pages)
        index_seconds = float(re.search(r"search index\s+([\d.]+) s", ours["stderr"]).group(1))
        hugo_out = corpus / "hugo-public"
        hugo = median_runs(["hugo", "--source", str(corpus / "hugo"), "--destination", str(hugo_out), "--quiet"], hugo_out,
                           lambda output: len(list((Path(output) / "ke-hoach").glob("*/index.html"))))
        base = run_floor(floor_binary, corpus / "Content")
        written = {name: run_write_floor(output, corpus / f"write-floor-{name}") for name, output in (("plansite", site), ("hugo", hugo_out))}
        print(f"\n## {size} plans (median of {RUNS} runs, {os.cpu_count()} cores)\n")
        print("| | wall s | CPU s | peak MB | output MB | files | plans/s |")
        print("|---|---|---|---|---|---|---|")
        for name, r in (("PlanSite", ours), ("Hugo 0.111", hugo)):
            print(f"| {name} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['rss']:.0f} | {r['size']:.0f} | {r['files']} | {r['pages_per_s']:.0f} |")
        print(f"| floor: cmark-gfm alone, {base['threads']} threads | {base['wall']:.2f} | {base['cpu']:.2f} | {base['rss']:.0f} | – | – | {base['pages_per_s']:.0f} |")
        for name, tool in (("plansite", "PlanSite"), ("hugo", "Hugo")):
            w = written[name]
            print(f"| floor: writing {tool}'s output alone (`cp -r`) | {w['wall']:.2f} | {w['cpu']:.2f} | {w['rss']:.0f} | {w['size']:.0f} | {w['files']} | – |")
        print(f"\nThe floor: reading {base['files']} plans and parsing and rendering their {base['markdown_bytes'] / 1e6:.0f} MB of Markdown "
              f"with cmark-gfm alone on {base['threads']} threads, {base['inner']:.2f} s inside the program.")
        ratio = ours["wall"] / base["wall"]
        print(f"PlanSite / floor wall time: {ratio:.2f} (target ≤ {FLOOR_TARGET}: {'met' if ratio <= FLOOR_TARGET else 'not met'}). "
              f"PlanSite / Hugo wall time: {ours['wall'] / hugo['wall']:.2f}. PlanSite's search index: {index_seconds:.2f} s of the build.")
        print(f"Writing the output alone: PlanSite's {written['plansite']['wall']:.2f} s ({written['plansite']['wall'] / base['wall']:.1f}× the cmark-gfm floor, "
              f"{written['plansite']['wall'] / hugo['wall']:.2f}× Hugo's whole build), Hugo's {written['hugo']['wall']:.2f} s. "
              f"Each tool / its own output written alone: PlanSite {ours['wall'] / written['plansite']['wall']:.2f}, "
              f"Hugo {hugo['wall'] / written['hugo']['wall']:.2f}.")
        print(f"Stages: {' · '.join(l.strip() for l in ours['stderr'].splitlines() if l.startswith('  '))}", flush=True)
        rebuild = rebuild_after_edit(command, corpus / "Content")
        print(f"Rebuild after editing one plan (with the cache, median of {RUNS}): {rebuild['wall']:.2f} s wall, {rebuild['cpu']:.2f} s CPU, "
              f"peak {rebuild['rss']:.0f} MB; {rebuild['kept']}.")
        print(f"Stages: {' · '.join(l.strip() for l in rebuild['stderr'].splitlines() if l.startswith('  '))}", flush=True)
        watched = {tool: watch.measure(tool, corpus) for tool in ("plansite", "hugo")}
        print(f"\nIn a process that stays running (`plansite watch`, `hugo server --renderToDisk`), from the edited file saved to "
              f"the tool's line saying it is written (median of {RUNS} edits; then one task added):\n")
        print("| | first build s | prose edit s | task added s | peak MB |")
        print("|---|---|---|---|---|")
        for tool, r in watched.items():
            print(f"| {tool} | {r['first']:.2f} | {r['prose']:.3f} | {r['task']:.2f} | {r['peak']:.0f} |")
        p, h = watched["plansite"], watched["hugo"]
        print(f"\nPlanSite / Hugo: prose edit {p['prose'] / h['prose']:.2f}, task added {p['task'] / h['task']:.2f}. "
              f"PlanSite said: {p['said']} / {p['task_said'][:160]}", flush=True)
        if not SEARCH:
            continue
        start = time.monotonic()
        pagefind = subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", str(site)], capture_output=True)
        if pagefind.returncode != 0:
            print(f"Pagefind failed to index the whole site (exit {pagefind.returncode}; -9 is the kernel killing it, "
                  f"usually out of memory) after {time.monotonic() - start:.0f} s. Indexing each plan, agency and document "
                  f"page once instead ({PAGEFIND_PAGES}), without the pages by province, quarter and data that repeat them.")
            start = time.monotonic()
            pagefind = subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", str(site), "--glob", PAGEFIND_PAGES],
                                      capture_output=True)
        if pagefind.returncode != 0:
            print(f"Pagefind failed again (exit {pagefind.returncode}) after {time.monotonic() - start:.0f} s; its search is not measured.")
            for query, _ in QUERIES:
                print(f"PlanSite {query!r}: {browser_once(site, query)}")
            continue
        print(f"Pagefind indexing: {time.monotonic() - start:.2f} s.")
        print("\nBytes and requests before the first results (engine code included; index bytes alone in brackets).\n")
        print("| query | PlanSite bytes | requests | first result | Pagefind bytes | requests | first result | bytes ratio |")
        print("|---|---|---|---|---|---|---|---|")
        for row in search_costs(site):
            a, b = row["plansite"] or {}, row["pagefind"] or {}
            ratio = (b.get("bytes", 0) / a["bytes"]) if a.get("bytes") else 0
            mark = lambda r: ("✓ " if row["expected"] and str(r.get("first", "")).endswith(row["expected"]) else "") + str(r.get("first"))
            print(f"| {row['query']} | {a.get('bytes', 0):,} ({a.get('indexBytes', 0):,}) | {a.get('requests')} | {mark(a)} | "
                  f"{b.get('bytes', 0):,} ({b.get('indexBytes', 0):,}) | {b.get('requests')} | {mark(b)} | {ratio:.1f}× |")


if __name__ == "__main__":
    main()
