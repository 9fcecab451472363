#!/usr/bin/env python3
"""Two PlanSite binaries on one generated corpus, in the same minutes: a before and after that a
machine's slow and fast hours do not skew as much as comparing benchmark runs of two days.

    python3 bench/compare.py SIZE RUNS BEFORE AFTER [BEFORE AFTER …]

Each named binary (a path to a release build of `plansite`) is timed in the order given, full
build (`--no-cache`) then rebuild after editing one plan, as `bench.py` times them. Name a
binary twice to alternate them. Outputs go to bench/out/compare-*; earlier ones are moved aside
and deleted only at the end (see docs/PERFORMANCE.md, the ext4 trap)."""
import sys
from pathlib import Path

import bench


def stages(stderr):
    return " · ".join(line.strip() for line in stderr.splitlines() if line.startswith("  "))


def main():
    size, bench.RUNS, binaries = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    corpus = bench.OUT / str(size)
    try:
        for index, binary in enumerate(binaries):
            site = bench.OUT / f"compare-{size}-{index}" / "Public"
            command = [binary, "build", "--content", str(corpus / "Content"), "--templates", str(bench.ROOT / "Templates"),
                       "--output", str(site), "--timings"]
            full = bench.median_runs(command + ["--no-cache"], site, lambda _: 1)
            rebuild = bench.rebuild_after_edit(command, corpus / "Content")
            print(f"{size} plans, {binary}: full {full['wall']:.2f} s wall, {full['cpu']:.2f} s CPU, {full['rss']:.0f} MB · "
                  f"rebuild {rebuild['wall']:.2f} s wall, {rebuild['cpu']:.2f} s CPU, {rebuild['rss']:.0f} MB")
            print(f"  full:    {stages(full['stderr'])}\n  rebuild: {stages(rebuild['stderr'])}", flush=True)
    finally:
        bench.TRASH.empty()


if __name__ == "__main__":
    main()
