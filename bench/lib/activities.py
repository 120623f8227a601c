"""Per-activity overhead: N http probes against the local server and N process probes (`true`),
in Faultline and in Chaos Toolkit, alternating. Times come from both journals (the Chaos Toolkit
`run[]` records, which Faultline's journal keeps with the same meaning) and from the wall clock."""

from __future__ import annotations

import argparse
import json
import tempfile
from datetime import datetime
from pathlib import Path

import benchlib as b


def experiment(kind: str, count: int, base_url: str) -> dict:
    if kind == "http":
        provider = {"type": "http", "url": f"{base_url}/health", "timeout": 5}
    else:
        provider = {"type": "process", "path": "true"}
    return {
        "version": "1.0.0",
        "title": f"{count} {kind} probes",
        "description": "Per-activity overhead benchmark: the method is only probes, nothing is checked.",
        "method": [{"type": "probe", "name": f"{kind}-{i}", "provider": provider} for i in range(count)],
    }


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.rstrip("Z"))


def journal_metrics(path: Path, count: int) -> dict:
    journal = json.loads(path.read_text())
    runs = journal["run"]
    statuses = {r["status"] for r in runs}
    if len(runs) != count or statuses != {"succeeded"}:
        raise SystemExit(f"activities: {path} has {len(runs)} run records with statuses {statuses}; expected "
                         f"{count} succeeded")
    durations = [r["duration"] for r in runs]
    span = (parse_time(runs[-1]["end"]) - parse_time(runs[0]["start"])).total_seconds()
    return {"status": journal["status"], "duration": journal["duration"], "activity_median": b.percentile(durations, 50),
            "activity_mean": sum(durations) / len(durations), "activity_p90": b.percentile(durations, 90),
            "span": span, "spacing": span / count, "journal_bytes": path.stat().st_size}


def run_once(tool: str, file: Path, work: Path, count: int, index: int) -> dict:
    journal = work / f"{tool}-{file.stem}-{index}.json"
    if tool == "faultline":
        command = b.faultline("run", "--journal", str(journal), "--ledger", str(work / "ledger.jsonl"), str(file))
    else:
        command = b.chaos("run", "--journal-path", str(journal), str(file))
    log = (work / f"{journal.stem}.log").open("w")
    sample = b.timed(command, cwd=work, stdout=log, stderr=log, timeout=1800)
    log.close()
    if sample.exit_code != 0 or not journal.exists():
        raise SystemExit(f"activities: {' '.join(command)} exited {sample.exit_code}; see {log.name}")
    return {"wall": sample.wall, "cpu": sample.cpu, "max_rss_kib": sample.max_rss_kib,
            **journal_metrics(journal, count)}


def summarise(results: dict, kind: str, count: int, floor_ms: float) -> tuple[list[list], dict]:
    rows, data = [], {}
    for tool in ["chaostoolkit", "faultline"]:
        big, one = results[(tool, kind, count)], results[(tool, kind, 1)]
        med = lambda runs, key: b.percentile([r[key] for r in runs], 50)  # noqa: E731
        wall = b.summary([r["wall"] for r in big])
        marginal = (med(big, "wall") - med(one, "wall")) / (count - 1)
        spacing = med(big, "spacing")
        data[tool] = {"wall": wall, "one_activity_wall": med(one, "wall"), "marginal_wall": marginal,
                      "spacing": spacing, "overhead": spacing - floor_ms / 1000,
                      "activity_median": med(big, "activity_median"), "activity_mean": med(big, "activity_mean"),
                      "journal_duration": med(big, "duration"), "cpu": med(big, "cpu"),
                      "max_rss_mib": med(big, "max_rss_kib") / 1024, "journal_bytes": med(big, "journal_bytes"),
                      "runs": big, "one_activity_runs": one}
    for tool, name in [("chaostoolkit", "Chaos Toolkit"), ("faultline", "Faultline")]:
        d = data[tool]
        ratio = d["overhead"] / data["chaostoolkit"]["overhead"] if data["chaostoolkit"]["overhead"] > 0 else float("nan")
        rows.append([f"{count} {kind}: {name}", f"{d['wall']['median']:.2f} s ({d['wall']['p10']:.2f}-{d['wall']['p90']:.2f})",
                     f"{d['journal_duration']:.2f} s", b.ms(d["activity_median"]), b.ms(d["activity_mean"]),
                     b.ms(d["spacing"]), b.ms(d["marginal_wall"]), b.ms(d["overhead"]), f"{ratio:.2f}",
                     f"{d['cpu']:.2f} s", f"{d['max_rss_mib']:.0f} MiB"])
    return rows, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--http", type=int, default=1000, help="http probes in the big experiment")
    parser.add_argument("--process", type=int, default=200, help="process probes in the big experiment")
    parser.add_argument("--reps", type=int, default=3, help="runs of each (tool, experiment), alternating")
    args = parser.parse_args()
    b.require_chaos()
    b.ensure_faultline_built()
    info = b.machine()
    results: dict = {}
    with b.Server() as server, tempfile.TemporaryDirectory(prefix="faultline-bench-") as tmp:
        work = Path(tmp)
        floors = {"http": server.floor_http("/health", 1000), "process": server.floor_exec("true", 200)}
        plan = []
        for kind, count in [("http", args.http), ("process", args.process)]:
            for n in (count, 1):
                file = work / f"{kind}-{n}.json"
                file.write_text(json.dumps(experiment(kind, n, server.base_url), indent=1))
                plan.append((kind, n, file))
        for rep in range(args.reps):
            for kind, n, file in plan:
                order = ["chaostoolkit", "faultline"] if rep % 2 == 0 else ["faultline", "chaostoolkit"]
                for tool in order:
                    results.setdefault((tool, kind, n), []).append(run_once(tool, file, work, n, rep))
    rows, raw = [], {"machine": info, "floors": floors, "reps": args.reps}
    for kind, count, floor in [("http", args.http, floors["http"]["keep_alive_ms"]),
                               ("process", args.process, floors["process"]["exec_ms"])]:
        r, data = summarise(results, kind, count, floor)
        rows += r
        raw[f"{kind}-{count}"] = data
    headers = ["experiment: tool", "wall median (p10-p90)", "journal duration", "activity median", "activity mean",
               "spacing per activity", "marginal wall per activity", "overhead per activity", "overhead vs CTK",
               "CPU", "peak RSS"]
    text = (f"{args.reps} runs of each, alternating. Floors (bench/server, Go, same machine): one keep-alive GET "
            f"{floors['http']['keep_alive_ms']:.3f} ms, one GET on a new connection "
            f"{floors['http']['new_connection_ms']:.3f} ms, one fork/exec of `true` {floors['process']['exec_ms']:.3f} ms."
            "\n\n" + b.table(headers, rows))
    b.write_json(b.RESULTS / "activities.json", raw)
    (b.RESULTS / "activities.md").write_text(text + "\n")
    print("## Per-activity overhead\n\n" + b.machine_markdown(info) + "\n\n" + text + "\n")


if __name__ == "__main__":
    main()
