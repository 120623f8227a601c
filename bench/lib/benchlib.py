"""Shared pieces of the Faultline benchmarks: paths, the two tools' command lines, timing of one
process (wall clock, CPU, peak RSS), statistics, the local HTTP server, machine details and
Markdown tables. Standard library only."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, asdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
RESULTS = Path(os.environ.get("FAULTLINE_BENCH_RESULTS", BENCH / "results"))
FAULTLINE = ROOT / "faultline"
CHAOS = ["chaos", "--no-version-check", "--no-log-file"]


def faultline(*args: str) -> list[str]:
    return [str(FAULTLINE), *args]


def chaos(*args: str) -> list[str]:
    return [*CHAOS, *args]


@dataclass(frozen=True)
class Sample:
    """One timed process: wall-clock and CPU seconds, peak RSS in KiB, exit code."""
    wall: float
    cpu: float
    max_rss_kib: int
    exit_code: int


def timed(command: list[str], cwd: Path | None = None, env: dict | None = None,
          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout: float = 3600) -> Sample:
    """Runs a command to completion and measures it with wait4 (exact CPU and peak RSS of the child)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL)
    # A blocking wait4 keeps the harness off the CPU while the measured process runs.
    killer = threading.Timer(timeout, process.kill)
    killer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        killer.cancel()
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, process.returncode)


def percentile(values: list[float], p: float) -> float:
    """Linear-interpolated percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(values: list[float]) -> dict:
    return {"n": len(values), "median": percentile(values, 50), "p10": percentile(values, 10),
            "p90": percentile(values, 90), "min": min(values), "max": max(values),
            "mean": sum(values) / len(values)}


def table(headers: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.0995 else f"{seconds * 1000:.2f} ms"


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, default=lambda o: asdict(o)))


class Server:
    """The local httpbin-like target (bench/server, Go), built on first use into the results folder."""

    def __init__(self):
        self.binary = RESULTS / "bin" / "benchserver"
        self.process = None
        self.base_url = None

    def build(self) -> Path:
        source = BENCH / "server"
        newest = max(p.stat().st_mtime for p in source.iterdir())
        if not self.binary.exists() or self.binary.stat().st_mtime < newest:
            self.binary.parent.mkdir(parents=True, exist_ok=True)
            env = dict(os.environ, GOTOOLCHAIN="local", GOFLAGS="-mod=mod", CGO_ENABLED="0")
            subprocess.run(["go", "build", "-o", str(self.binary), "."], cwd=source, env=env, check=True)
        return self.binary

    def __enter__(self) -> "Server":
        self.build()
        self.process = subprocess.Popen([str(self.binary), "-listen", "127.0.0.1:0"], stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().strip()
        if not line.startswith("listening "):
            raise RuntimeError(f"benchserver did not start: [{line}]")
        self.base_url = line.split(" ", 1)[1]
        return self

    def status(self, code: int) -> None:
        import urllib.request
        urllib.request.urlopen(f"{self.base_url}/_bench/status?code={code}", timeout=5).read()

    def floor_http(self, path: str, n: int) -> dict:
        out = subprocess.run([str(self.binary), "-floor-http", self.base_url + path, "-n", str(n)],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out)

    def floor_exec(self, program: str, n: int) -> dict:
        out = subprocess.run([str(self.binary), "-floor-exec", program, "-n", str(n)],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out)

    def __exit__(self, *exc) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)


def _first_line(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        return (done.stdout + done.stderr).strip()
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"unavailable ({e})"


def machine() -> dict:
    """Machine details the brief asks every result to carry."""
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {
        "date_utc": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()),
        "nproc": _first_line(["nproc"]),
        "cpu_model": cpu,
        "free_g": _first_line(["free", "-g"]),
        "kernel": platform.release(),
        "java": _first_line(["java", "-version"]),
        "python": sys.version.split()[0],
        "chaostoolkit": _first_line([*CHAOS, "--version"]),
        "chaostoolkit_lib": _first_line([sys.executable, "-c", "import chaoslib; print(chaoslib.__version__)"])
        if shutil.which("chaos") else "not installed",
        "faultline_commit": _first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
        "loadavg": Path("/proc/loadavg").read_text().split()[:3],
    }


def machine_markdown(m: dict) -> str:
    java = m["java"].splitlines()
    return "\n".join([
        f"- date (UTC): {m['date_utc']}; Faultline commit `{m['faultline_commit']}`",
        f"- `nproc`: {m['nproc']}; CPU: {m['cpu_model']}; kernel {m['kernel']}",
        "- `free -g`: " + re.sub(r"\s+", " ", m["free_g"].splitlines()[1]) if len(m["free_g"].splitlines()) > 1 else "",
        f"- `java -version`: {java[0] if java else '?'} / {java[1] if len(java) > 1 else ''}",
        f"- Python {m['python']}; `chaos --version`: {m['chaostoolkit']}; chaostoolkit-lib {m['chaostoolkit_lib']}",
        f"- load average when this part started: {' '.join(m['loadavg'])}",
    ])


def ensure_faultline_built() -> None:
    """The launcher builds the jar and the class-data archive on first use; do it before timing anything."""
    subprocess.run(faultline("--version"), check=True, stdout=subprocess.DEVNULL)


def require_chaos() -> None:
    if not shutil.which("chaos"):
        sys.exit("bench: the Chaos Toolkit CLI `chaos` is needed (pip install chaostoolkit)")
