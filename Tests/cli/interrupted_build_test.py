#!/usr/bin/env python3
"""Interrupted builds: runs .build/debug/plansite, kills it with SIGKILL while it writes a
large site, and checks that the previous site is intact byte for byte and that the next
build clears what the killed one left and succeeds. Also a build that died between its two
renames (the old site moved aside, the new one not yet in place)."""
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLANSITE = ROOT / ".build" / "debug" / "plansite"
# Every run counts deadlines from the same day, so two builds of one input are identical.
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}

PLAN = """---
title: "Kế hoạch thực hiện Nghị quyết số 27-NQ/TW, bản {n}"
issuer: "Ủy ban nhân dân tỉnh Thái Nguyên"
province: "Thái Nguyên"
implements: ["27-NQ/TW"]
---

Thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương.

## II. NHIỆM VỤ

1.1. Rà soát, hoàn thiện hệ thống văn bản quy phạm pháp luật của tỉnh.

- Chủ trì: Sở Tư pháp
- Phối hợp: Văn phòng Ủy ban nhân dân tỉnh
- Thời hạn: Quý IV năm 2024
"""


def content(folder, count):
    folder.mkdir(parents=True)
    for n in range(1, count + 1):
        (folder / f"ke-hoach-{n}.md").write_text(PLAN.format(n=n), encoding="utf-8")
    return folder


def build(site, content_folder):
    return subprocess.run([str(PLANSITE), "build", "--content", str(content_folder), "--templates", str(ROOT / "Templates"),
                           "--output", str(site / "Public")], capture_output=True, text=True, env=ENV, timeout=300)


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(site):
    # A cached build keeps the site it replaced until the next build deletes it: not a leftover.
    return sorted(p.name for p in site.iterdir() if p.name.startswith(".Public") and not p.name.startswith(".Public.replaced-"))


def killed_while_writing(site):
    small, large = content(site / "Small", 3), content(site / "Large", 300)
    first = build(site, small)
    if first.returncode != 0:
        return [f"the first build failed: {first.stderr}"]
    before = snapshot(site / "Public")

    process = subprocess.Popen([str(PLANSITE), "build", "--content", str(large), "--templates", str(ROOT / "Templates"),
                                "--output", str(site / "Public")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    staging = site / f".Public.staging-{process.pid}"
    # Kill it once plan pages are being written: part of the new site is on disk, not all of it.
    # The folder comes before its first page, and on a busy disk well before it.
    def writing():
        try:
            return any((staging / "ke-hoach").iterdir())
        except FileNotFoundError:
            return False
    deadline = time.monotonic() + 120
    while not writing() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    if process.wait() != -signal.SIGKILL:
        return ["the large build ended before it could be killed: give it more plans"]

    problems = []
    written = len(list((staging / "ke-hoach").iterdir()))
    if not 0 < written < 300:
        problems.append(f"expected part of the new site in the staging folder, found {written} of 300 plan pages")
    if snapshot(site / "Public") != before:
        problems.append("the previous site changed while the killed build ran")
    if leftovers(site) != [staging.name]:
        problems.append(f"expected the killed build's staging folder, found {leftovers(site)}")
    again = build(site, small)
    if again.returncode != 0:
        problems.append(f"the next build failed: {again.stderr}")
    if leftovers(site):
        problems.append(f"the next build left {leftovers(site)}")
    if snapshot(site / "Public") != before:
        problems.append("the next build did not produce the same site")
    return problems


def killed_between_renames(site):
    good = content(site / "Good", 2)
    if build(site, good).returncode != 0:
        return ["the first build failed"]
    before = snapshot(site / "Public")
    # What a build killed after moving the old site aside, before moving the new one in, leaves.
    (site / "Public").rename(site / ".Public.old-999999")
    (site / ".Public.staging-999999").mkdir()
    broken = site / "Broken"
    broken.mkdir()
    (broken / "a.md").write_text("---\ntitle: \"Thiếu cơ quan ban hành\"\n---\n", encoding="utf-8")
    failed = build(site, broken)
    problems = []
    if failed.returncode != 1 or "Broken/a.md:2:1: error: front matter is missing 'issuer'" not in failed.stderr:
        problems.append(f"expected the broken plan's error, got: {failed.stderr}")
    if not (site / "Public").is_dir() or snapshot(site / "Public") != before:
        problems.append("the previous site was not put back")
    if leftovers(site):
        problems.append(f"the failed build left {leftovers(site)}")
    return problems


def main():
    passed = failed = 0
    for case in (killed_while_writing, killed_between_renames):
        with tempfile.TemporaryDirectory() as tmp:
            problems = case(Path(tmp))
        if problems:
            failed += 1
            print(f"FAIL {case.__name__}:")
            for problem in problems:
                print(f"     {problem}")
        else:
            passed += 1
            print(f"ok   {case.__name__}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
