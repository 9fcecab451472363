"""The floor for bench.py: bench/cmark_floor.c, which reads every plan and parses and renders its
Markdown with libcmark-gfm alone (PlanSite's options and extensions) on all cores. A build of the
same plans cannot take less; issue 6 asks for PlanSite ≤ 1.5× the floor."""
import json
import shutil
import subprocess
from pathlib import Path

SOURCE = Path(__file__).resolve().with_name("cmark_floor.c")
HEADERS_HINT = "install libcmark-gfm-dev and libcmark-gfm-extensions-dev (`make deps` does)"


def libraries():
    """Link flags from pkg-config when it knows libcmark-gfm; its .pc file may not name the extensions."""
    flags = []
    if shutil.which("pkg-config"):
        found = subprocess.run(["pkg-config", "--cflags", "--libs", "libcmark-gfm"], capture_output=True, text=True)
        flags = found.stdout.split() if found.returncode == 0 else []
    for library in ("-lcmark-gfm", "-lcmark-gfm-extensions"):
        if library not in flags:
            flags.append(library)
    return flags


def build(binary):
    """Compiles cmark_floor.c into `binary`; exits with what to install if it cannot."""
    compiler = next((c for c in ("cc", "gcc", "clang") if shutil.which(c)), None)
    if compiler is None:
        raise SystemExit("bench: no C compiler (cc, gcc or clang) to build the cmark-gfm floor: "
                         "install gcc (`apt-get install gcc`) or put the Swift toolchain's clang on PATH.")
    Path(binary).parent.mkdir(parents=True, exist_ok=True)
    command = [compiler, "-O2", "-pthread", str(SOURCE), "-o", str(binary), *libraries()]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        missing = "cmark-gfm" in result.stderr and ("No such file" in result.stderr or "cannot find" in result.stderr
                                                    or "not found" in result.stderr)
        raise SystemExit(f"bench: could not compile the cmark-gfm floor ({' '.join(command)}):\n{result.stderr[-2000:]}"
                         + (f"\nThe cmark-gfm headers or libraries are missing: {HEADERS_HINT}." if missing else ""))
    return Path(binary)


def report(stdout):
    """The program's one line of JSON: files, bytes_in, markdown_bytes, bytes_out, threads, seconds."""
    return json.loads(stdout.strip().splitlines()[-1])
