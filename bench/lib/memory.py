"""Memory: peak RSS and journal size of a continuously-checked experiment (a method that sleeps for
the whole duration, http probes in the hypothesis checked every second) in both tools."""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from pathlib import Path

import benchlib as b


def experiment(base_url: str, seconds: int) -> dict:
    return {
        "version": "1.0.0",
        "title": f"Checked every second for {seconds} s",
        "description": "Memory benchmark: the hypothesis is checked continuously while the method sleeps.",
        "steady-state-hypothesis": {"title": "The service answers", "probes": [
            {"type": "probe", "name": "health", "tolerance": 200,
             "provider": {"type": "http", "url": f"{base_url}/health", "timeout": 3}},
            {"type": "probe", "name": "ready", "tolerance": [200, 204],
             "provider": {"type": "http", "url": f"{base_url}/ready", "timeout": 3}},
            {"type": "probe", "name": "author",
             "tolerance": {"type": "jsonpath", "path": "$.slideshow.author", "expect": "Yours Truly", "target": "body"},
             "provider": {"type": "http", "url": f"{base_url}/json", "timeout": 3}},
        ]},
        "method": [{"type": "action", "name": "wait", "provider": {"type": "process", "path": "sleep",
                                                                   "arguments": [str(seconds)]}}],
    }


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


class Run(threading.Thread):
    """One tool's run, with its RSS polled every second (the peak itself comes from wait4)."""

    def __init__(self, tool: str, command: list[str], work: Path, journal: Path):
        super().__init__(daemon=True)
        self.tool, self.command, self.work, self.journal = tool, command, work, journal
        self.series: list[tuple[float, int]] = []
        self.sample: b.Sample | None = None

    def run(self) -> None:
        import os
        import subprocess
        log = (self.work / f"{self.tool}.log").open("w")
        start = time.perf_counter()
        process = subprocess.Popen(self.command, cwd=self.work, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        done = threading.Event()

        def poll():
            while not done.wait(1.0):
                value = rss_kib(process.pid)
                if value:
                    self.series.append((time.perf_counter() - start, value))

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        _, status, usage = os.wait4(process.pid, 0)
        done.set()
        process.returncode = os.waitstatus_to_exitcode(status)
        log.close()
        self.sample = b.Sample(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
                               process.returncode)


def describe(run: Run) -> dict:
    journal = json.loads(run.journal.read_text())
    during = journal["steady_states"].get("during") or []
    met = sum(1 for check in during if check and check.get("steady_state_met"))

    def at(fraction: float) -> float:
        if not run.series:
            return float("nan")
        index = min(len(run.series) - 1, int(len(run.series) * fraction))
        return run.series[index][1] / 1024

    size = run.journal.stat().st_size
    return {"wall": run.sample.wall, "cpu": run.sample.cpu, "exit_code": run.sample.exit_code,
            "peak_rss_mib": run.sample.max_rss_kib / 1024, "rss_10pct_mib": at(0.1), "rss_50pct_mib": at(0.5),
            "rss_end_mib": at(1.0), "during_checks": len(during), "during_met": met, "journal_bytes": size,
            "bytes_per_check": size / len(during) if during else float("nan"), "status": journal["status"],
            "deviated": journal["deviated"], "rss_series": run.series}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=600, help="seconds the method sleeps")
    parser.add_argument("--sequential", action="store_true",
                        help="run one tool after the other (default: both at once, which halves the time)")
    args = parser.parse_args()
    b.require_chaos()
    b.ensure_faultline_built()
    info = b.machine()
    with b.Server() as server, tempfile.TemporaryDirectory(prefix="faultline-bench-") as tmp:
        work = Path(tmp)
        file = work / "continuous.json"
        file.write_text(json.dumps(experiment(server.base_url, args.duration), indent=1))
        strategy = ["--hypothesis-strategy", "continuously", "--hypothesis-frequency", "1"]
        runs = [
            Run("chaostoolkit", b.chaos("run", "--journal-path", str(work / "ctk.json"), *strategy, str(file)),
                work, work / "ctk.json"),
            Run("faultline", b.faultline("run", "--journal", str(work / "faultline.json"), "--ledger",
                                         str(work / "ledger.jsonl"), *strategy, str(file)), work, work / "faultline.json"),
        ]
        for run in runs:
            run.start()
            if args.sequential:
                run.join()
        for run in runs:
            run.join()
        for run in runs:
            if not run.journal.exists():
                raise SystemExit(f"memory: {run.tool} wrote no journal; see its log in a rerun")
        data = {run.tool: describe(run) for run in runs}
    rows = []
    for tool, name in [("chaostoolkit", "Chaos Toolkit"), ("faultline", "Faultline")]:
        d = data[tool]
        rows.append([name, f"{d['wall']:.0f} s", f"{d['peak_rss_mib']:.0f} MiB",
                     f"{d['rss_10pct_mib']:.0f} / {d['rss_50pct_mib']:.0f} / {d['rss_end_mib']:.0f} MiB",
                     f"{d['during_checks']} ({d['during_met']} met)", f"{d['journal_bytes'] / 1024:.0f} KiB",
                     f"{d['bytes_per_check']:.0f} B", f"{d['cpu']:.1f} s", f"{d['status']} / deviated {d['deviated']}"])
    ratio = data["faultline"]["peak_rss_mib"] / data["chaostoolkit"]["peak_rss_mib"]
    mode = "one after the other" if args.sequential else "both at once"
    text = (f"Method sleeps {args.duration} s; 3 http probes checked every second (`--hypothesis-strategy continuously "
            f"--hypothesis-frequency 1`); tools run {mode}. Peak RSS from wait4 (same as `/usr/bin/time -v`), RSS "
            f"polled from /proc every second. Faultline/CTK peak RSS: {ratio:.2f}x.\n\n"
            + b.table(["tool", "wall", "peak RSS", "RSS at 10% / 50% / end", "during-method checks", "journal",
                       "journal per check", "CPU", "status"], rows))
    b.write_json(b.RESULTS / f"memory-{args.duration}s.json", {"machine": info, "duration": args.duration, "results": data})
    (b.RESULTS / f"memory-{args.duration}s.md").write_text(text + "\n")
    print("## Memory\n\n" + b.machine_markdown(info) + "\n\n" + text + "\n")


if __name__ == "__main__":
    main()
