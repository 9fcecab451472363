#!/usr/bin/env python3
"""Rebuilds in a process that stays running: `plansite watch`, and `hugo server` beside it.

    python3 bench/watch.py CORPUS [plansite|hugo]…     e.g. bench/out/10000

Starts the watcher on CORPUS, waits for its first build, then edits the middle plan RUNS times
(adds a sentence before its first heading, as bench.py's rebuild does), and times each edit from
the moment the file is written to the line the watcher prints when its output is up to date.
Then once more with a task added, which changes the plan's agencies' pages and the search index,
and with a task added to each of BENCH_TASK_EDITS - 1 other plans (default 5 in all), each put
back after. Prints the medians, and the watcher's peak memory (VmHWM) after all of them."""
import os
import re
import select
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# PLANSITE_BIN: another build of plansite, to compare two binaries run by run.
PLANSITE = Path(os.environ.get("PLANSITE_BIN", str(ROOT / ".build" / "release" / "plansite")))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
TASK_EDITS = int(os.environ.get("BENCH_TASK_EDITS", "5"))
TASK = "\n1. Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật của tỉnh, hoàn thành trong năm 2025.\n"


def watcher(tool, corpus, output):
    if tool == "plansite":
        command = [str(PLANSITE), "watch", "--content", str(corpus / "Content"), "--templates", str(ROOT / "Templates"),
                   "--output", str(output), "--interval", "2", "--timings"]
        done = re.compile(r"^(Updated|Built|Build failed)")
        content = corpus / "Content"
    else:
        command = ["hugo", "server", "--source", str(corpus / "hugo"), "--renderToDisk", "--destination", str(output),
                   "--disableLiveReload", "--port", "13131"]
        # "Built in …" after the first build, "Total in …" after each rebuild.
        done = re.compile(r"(Built|Total) in \d+ ms")
        content = corpus / "hugo" / "content" / "ke-hoach"
    return command, done, content


def wait_for(process, pattern, lines, timeout=1800):
    """The first line the watcher prints that matches, read straight from the pipe: a buffered
    reader would hold lines that select() then never reports."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        while lines.pending and b"\n" in lines.pending:
            raw, lines.pending = lines.pending.split(b"\n", 1)
            line = raw.decode(errors="replace")
            lines.append(line)
            if pattern.search(line):
                return line
        if read_some(process, lines, 1):
            continue
        if process.poll() is not None:
            raise SystemExit(f"the watcher stopped: {lines[-20:]}")
    raise SystemExit("the watcher did not answer in time")


class Lines(list):
    pending = b""


def read_some(process, lines, timeout):
    """Adds what the watcher prints within `timeout` seconds to `lines.pending`; False if nothing."""
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    chunk = os.read(process.stdout.fileno(), 1 << 16) if ready else b""
    lines.pending += chunk
    return bool(chunk)


def stages(process, lines):
    """The stage timings `plansite watch --timings` printed after its last line, read until the
    pipe is quiet for half a second."""
    timing = re.compile(r"^  (\S.*?)\s+(\d+\.\d+) s  \(CPU (\d+\.\d+) s")
    found = []
    while read_some(process, lines, 0.5):
        pass
    while b"\n" in lines.pending:
        raw, lines.pending = lines.pending.split(b"\n", 1)
        match = timing.match(raw.decode(errors="replace"))
        if match:
            found.append((match.group(1), float(match.group(2))))
    return found


def peak_mb(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def settle():
    """Waits for the disk to write out what the last build or edit left in memory. Otherwise an
    edit made a second after a build that wrote gigabytes competes with that write-back, which
    an author saving a few seconds later would not see; both watchers get the same."""
    os.sync()
    time.sleep(0.2)


def add_task(process, done, lines, plan, original):
    """Adds a task under "TỔ CHỨC THỰC HIỆN" and times it to the watcher's line."""
    settle()
    start = time.monotonic()
    heading = original.index("TỔ CHỨC THỰC HIỆN")
    cut = original.index("\n1. ", heading) if "\n1. " in original[heading:] else len(original)
    plan.write_text(original[:cut] + TASK + original[cut:], encoding="utf-8")
    line = wait_for(process, done, lines)
    return time.monotonic() - start, line


def measure(tool, corpus):
    output = corpus.resolve() / f"watch-{tool}"
    command, done, content = watcher(tool, corpus, output)
    plans = sorted(content.glob("*.md"))
    plan = plans[len(plans) // 2]
    original = plan.read_text(encoding="utf-8")
    lines = Lines()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        start = time.monotonic()
        wait_for(process, done, lines)
        first = time.monotonic() - start
        time.sleep(1)
        prose, said = [], []
        for run in range(RUNS):
            settle()
            start = time.monotonic()
            plan.write_text(original.replace("\n## ", f"\nĐã sửa lần {run + 1}.\n\n## ", 1), encoding="utf-8")
            line = wait_for(process, done, lines)
            prose.append(time.monotonic() - start)
            said.append(line.strip())
            time.sleep(0.5)
        task, task_line = add_task(process, done, lines, plan, original)
        task_stages = stages(process, lines)
        # More task edits, each to another plan: what a session holds grows with the plans edited.
        others = [plans[len(plans) * k // 7] for k in range(1, 7) if plans[len(plans) * k // 7] != plan][:TASK_EDITS - 1]
        more = []
        for other in others:
            text = other.read_text(encoding="utf-8")
            try:
                more.append(add_task(process, done, lines, other, text) + (stages(process, lines),))
            finally:
                other.write_text(text, encoding="utf-8")
            wait_for(process, done, lines)
            time.sleep(0.5)
        peak = peak_mb(process.pid)
    finally:
        plan.write_text(original, encoding="utf-8")
        os.killpg(process.pid, signal.SIGTERM)
        process.wait()
    return {"first": first, "prose": statistics.median(prose), "prose_runs": prose, "said": said[len(said) // 2],
            "task": task, "task_said": task_line.strip(), "task_stages": task_stages, "more": more, "peak": peak}


def main():
    corpus = Path(sys.argv[1])
    for tool in sys.argv[2:] or ["plansite"]:
        r = measure(tool, corpus)
        print(f"{tool}: first build {r['first']:.2f} s; prose edit, saved to written: median {r['prose']:.3f} s "
              f"({', '.join(f'{t:.3f}' for t in r['prose_runs'])}); task added: {r['task']:.2f} s, then to other plans: "
              f"{', '.join(f'{t:.2f}' for t, _, _ in r['more']) or '-'} s; peak {r['peak']:.0f} MB", flush=True)
        task = r['task_said']
        print(f"  {r['said']}\n  {task if len(task) < 320 else task[:160] + ' … ' + task[-160:]}", flush=True)
        edits = [(r["task"], r["task_stages"])] + [(t, found) for t, _, found in r["more"]]
        if len(edits) > 1:
            times = [t for t, _ in edits]
            print(f"  task added, all {len(times)} plans: median {statistics.median(times):.2f} s, "
                  f"{min(times):.2f}–{max(times):.2f} s", flush=True)
        named = [name for name, _ in r["task_stages"]]
        if named:
            medians = [(name, statistics.median(dict(found).get(name, 0) for _, found in edits)) for name in named]
            print(f"  task added, median by stage (s): {'; '.join(f'{name} {value:.3f}' for name, value in medians)}", flush=True)
        for _, line, _ in r["more"]:
            print(f"  … {line.strip()[-100:]}", flush=True)


if __name__ == "__main__":
    main()
