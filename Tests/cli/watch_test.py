#!/usr/bin/env python3
"""`plansite watch` as a writer uses it: started on a copy of the real content, it builds the
site; a plan's prose saved from an "editor" (a copy renamed over the file, as many editors save)
is written into the output in place, so is a new task (with the pages that list it), a task for an
agency no plan named before makes it build again, and a broken plan leaves the output as it was; a mistyped folder stops it at once. After each step the output must equal a clean `plansite build`. The
watcher is stopped with SIGTERM, as a service manager would."""
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLANSITE = ROOT / ".build" / "debug" / "plansite"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
PLAN = "gia-lai-ke-hoach-hanh-dong-27-nq-tw.md"


class Watcher:
    def __init__(self, site):
        self.site = site
        self.process = subprocess.Popen(
            [str(PLANSITE), "watch", "--content", str(site / "Content"), "--templates", str(ROOT / "Templates"),
             "--output", str(site / "Public"), "--interval", "30"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV, start_new_session=True)
        self.pending = b""

    def line(self, pattern, timeout=120):
        """The next line the watcher prints that matches; the long --interval means only inotify wakes it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while b"\n" in self.pending:
                raw, self.pending = self.pending.split(b"\n", 1)
                text = raw.decode(errors="replace")
                if re.search(pattern, text):
                    return text
            ready, _, _ = select.select([self.process.stdout], [], [], 1)
            if ready:
                self.pending += os.read(self.process.stdout.fileno(), 1 << 16)
            elif self.process.poll() is not None:
                sys.exit(f"FAIL: the watcher stopped: {self.pending.decode(errors='replace')[-2000:]}")
        sys.exit(f"FAIL: no line matching {pattern!r} within {timeout} s")

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        return self.process.wait(timeout=30)


def save(path, text):
    """As an editor saves: a copy beside the file, renamed over it."""
    copy = path.with_name(f".{path.name}.swp")
    copy.write_text(text, encoding="utf-8")
    os.replace(copy, path)


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def same_as_clean_build(site, step):
    clean = site / "Clean"
    shutil.rmtree(clean, ignore_errors=True)
    subprocess.run([str(PLANSITE), "build", "--content", str(site / "Content"), "--templates", str(ROOT / "Templates"),
                    "--output", str(clean), "--no-cache"], check=True, capture_output=True, env=ENV)
    ours, theirs = snapshot(site / "Public"), snapshot(clean)
    different = sorted(p for p in set(ours) | set(theirs) if ours.get(p) != theirs.get(p))
    if different:
        sys.exit(f"FAIL: {step}: the output differs from a clean build in {different[:5]}")
    print(f"ok: {step}")


def mistyped_folder_stops():
    result = subprocess.run([str(PLANSITE), "watch", "--content", "/nonexistent/Content", "--templates", str(ROOT / "Templates")],
                            capture_output=True, text=True, env=ENV, timeout=60)
    if result.returncode != 1 or "content folder not found at /nonexistent/Content" not in result.stderr:
        sys.exit(f"FAIL: a mistyped content folder should stop watch with status 1 and name it: {result.returncode} {result.stderr}")
    print("ok: a mistyped folder stops watch")


def main():
    mistyped_folder_stops()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        shutil.copytree(ROOT / "Content", site / "Content")
        plan = site / "Content" / PLAN
        original = plan.read_text(encoding="utf-8")
        watcher = Watcher(site)
        try:
            watcher.line(r"^Built \d+ plans")
            same_as_clean_build(site, "first build")

            save(plan, original.replace("\n## ", "\nĐoạn văn mới.\n\n## ", 1))
            updated = watcher.line(r"^(Updated|Built|Build failed)")
            if not updated.startswith(f"Updated Content/{PLAN}") or f"ke-hoach/{PLAN[:-3]}/index.html" not in updated:
                sys.exit(f"FAIL: a prose edit should be written in place, got: {updated}")
            same_as_clean_build(site, "prose written in place")

            heading = original.index("TỔ CHỨC THỰC HIỆN")
            def with_task(agency):
                return (original[:heading] + f"TỔ CHỨC THỰC HIỆN\n\n1. {agency} chủ trì rà soát văn bản, hoàn thành trong năm 2025.\n"
                        + original[heading + len("TỔ CHỨC THỰC HIỆN"):])
            save(plan, with_task("Sở Tư pháp"))
            updated = watcher.line(r"^(Updated|Built|Build failed)")
            if not updated.startswith(f"Updated Content/{PLAN}") or "co-quan/so-tu-phap/index.html" not in updated:
                sys.exit(f"FAIL: a new task should be written in place with its agency's page, got: {updated[:300]}")
            same_as_clean_build(site, "a new task written in place")

            save(plan, with_task("Công an tỉnh"))
            built = watcher.line(r"^(Updated|Built|Build failed)")
            if not built.startswith("Built"):
                sys.exit(f"FAIL: a task for an agency with no page yet should build the site again, got: {built[:300]}")
            same_as_clean_build(site, "a new agency built again")

            before = snapshot(site / "Public")
            save(plan, original.replace("title:", "title: [", 1))
            watcher.line(r"^Build failed; .* was left as it was")
            if snapshot(site / "Public") != before:
                sys.exit("FAIL: a broken plan changed the output")
            print("ok: a broken plan left the output as it was")
        finally:
            stopped = watcher.stop()
        # It waits for a file patched in place to be whole, then ends as a stopped service should.
        if stopped != 128 + signal.SIGTERM:
            sys.exit(f"FAIL: the watcher stopped by SIGTERM should end with status {128 + signal.SIGTERM}, not {stopped}")
        print("ok: stopped by SIGTERM")


if __name__ == "__main__":
    main()
