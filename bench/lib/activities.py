"""Per-activity overhead: N http probes against the local server and N process probes (`true`),
in Faultline and in Chaos Toolkit, alternating. Times come from both journals (the Chaos Toolkit
`run[]` records, which Faultline's journal keeps with the same meaning) and from the wall clock."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
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


def micro_floors(server: b.Server, http_count: int, process_count: int) -> dict:
    """The bare cost of one request and one spawn in each tool's language: where the time goes."""
    micro = b.BENCH / "micro"
    url = f"{server.base_url}/health"
    jvm = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]  # the launcher's options

    def run(command):
        return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)

    out = {"go_http": server.floor_http("/health", http_count), "go_exec": server.floor_exec("true", process_count)}
    out["python"] = run([sys.executable, str(micro / "python_cost.py"), url, str(http_count), str(process_count)])
    for client in ("jdk", "url"):
        for handoff in ("direct", "handoff"):
            out[f"java_{client}_{handoff}"] = run([*jvm, str(micro / "HttpClientCost.java"), url, str(http_count),
                                                  client, handoff])
    for launch in ("", "-Djdk.lang.Process.launchMechanism=VFORK"):
        for files in ("discard", "tempfiles"):
            key = f"java_spawn_{'vfork' if launch else 'default'}_{files}"
            out[key] = run([*jvm, *([launch] if launch else []), str(micro / "ProcessCost.java"), "true",
                            str(process_count), files])
    return out


def floors_table(f: dict) -> str:
    rows = [
        ["GET, Go net/http, keep-alive", b.ms(f["go_http"]["keep_alive_ms"] / 1000), ""],
        ["GET, Go net/http, new connection", b.ms(f["go_http"]["new_connection_ms"] / 1000), ""],
        ["GET, Python requests, new Session (what chaoslib does)", b.ms(f["python"]["requests_session_get_ms"] / 1000), ""],
    ]
    for client, name in (("jdk", "java.net.http.HttpClient (Faultline: PATCH and other methods)"), ("url", "HttpURLConnection (Faultline: GET, POST, PUT, DELETE, HEAD, OPTIONS)")):
        for handoff, how in (("direct", "on the calling thread"), ("handoff", "handed to a worker thread")):
            d = f[f"java_{client}_{handoff}"]
            rows.append([f"GET, {name}, {how}", b.ms(d["mean_ms"] / 1000), b.ms(d["second_half_median_ms"] / 1000)])
    rows += [
        ["spawn `true`, Go os/exec", b.ms(f["go_exec"]["exec_ms"] / 1000), ""],
        ["spawn `true`, Python subprocess.run with pipes (what chaoslib does)", b.ms(f["python"]["subprocess_run_ms"] / 1000), ""],
    ]
    for launch in ("default", "vfork"):
        for files, how in (("discard", "output discarded"), ("tempfiles", "output in temp files (what Faultline does)")):
            d = f[f"java_spawn_{launch}_{files}"]
            rows.append([f"spawn `true`, Java ProcessBuilder ({'posix_spawn' if launch == 'default' else 'VFORK'}), {how}",
                         b.ms(d["mean_ms"] / 1000), ""])
    return b.table(["bare operation (fresh process, JVM with the launcher's options)", "mean", "second-half median"], rows)


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
    # Second half only: the cost once the runtime is warm (the JVM's JIT, Python's imports and caches).
    half = len(runs) // 2
    late_span = (parse_time(runs[-1]["end"]) - parse_time(runs[half]["start"])).total_seconds()
    tenth = max(1, len(durations) // 10)
    deciles = [b.percentile(durations[i:i + tenth], 50) for i in range(0, len(durations) - tenth + 1, tenth)]
    return {"decile_medians": deciles, "late_spacing": late_span / (len(runs) - half), "late_activity_median": b.percentile(durations[half:], 50),
            "status": journal["status"], "duration": journal["duration"], "activity_median": b.percentile(durations, 50),
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
        late = med(big, "late_spacing")
        data[tool] = {"wall": wall, "one_activity_wall": med(one, "wall"), "marginal_wall": marginal,
                      "spacing": spacing, "overhead": spacing - floor_ms / 1000,
                      "late_spacing": late, "late_overhead": late - floor_ms / 1000,
                      "activity_median": med(big, "activity_median"), "activity_mean": med(big, "activity_mean"),
                      "journal_duration": med(big, "duration"), "cpu": med(big, "cpu"),
                      "max_rss_mib": med(big, "max_rss_kib") / 1024, "journal_bytes": med(big, "journal_bytes"),
                      "runs": big, "one_activity_runs": one}
    ctk = data["chaostoolkit"]
    for tool, name in [("chaostoolkit", "Chaos Toolkit"), ("faultline", "Faultline")]:
        d = data[tool]
        ratio = d["overhead"] / ctk["overhead"] if ctk["overhead"] > 0 else float("nan")
        late_ratio = d["late_overhead"] / ctk["late_overhead"] if ctk["late_overhead"] > 0 else float("nan")
        rows.append([f"{count} {kind}: {name}", f"{d['wall']['median']:.2f} s ({d['wall']['p10']:.2f}-{d['wall']['p90']:.2f})",
                     f"{d['journal_duration']:.2f} s", b.ms(d["activity_median"]), b.ms(d["activity_mean"]),
                     b.ms(d["spacing"]), b.ms(d["marginal_wall"]), f"{b.ms(d['overhead'])} ({ratio:.2f}x)",
                     f"{b.ms(d['late_spacing'])} / {b.ms(d['late_overhead'])} ({late_ratio:.2f}x)",
                     f"{d['cpu']:.2f} s", f"{d['max_rss_mib']:.0f} MiB"])
    return rows, data


def warmup_table(raw: dict, args) -> str:
    rows = []
    for kind, count in (("http", args.http), ("process", args.process)):
        for tool, name in (("chaostoolkit", "Chaos Toolkit"), ("faultline", "Faultline")):
            runs = raw[f"{kind}-{count}"][tool]["runs"]
            cells = [b.ms(b.percentile([r["decile_medians"][i] for r in runs], 50)) for i in (0, 4, -1)]
            rows.append([f"{count} {kind}: {name}", *cells])
    return b.table(["experiment: tool", "first tenth", "fifth tenth", "last tenth"], rows)


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
        micro = micro_floors(server, args.http, args.process)
        floors = {"http": micro["go_http"], "process": micro["go_exec"]}
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
    rows, raw = [], {"machine": info, "floors": floors, "micro": micro, "reps": args.reps}
    # http: the overhead is what a tool adds to the cheapest possible request (Go, keep-alive). process:
    # spawn costs vary too much between runtimes for one floor, so the overhead column is the spacing.
    for kind, count, floor in [("http", args.http, floors["http"]["keep_alive_ms"]), ("process", args.process, 0.0)]:
        r, data = summarise(results, kind, count, floor)
        rows += r
        raw[f"{kind}-{count}"] = data
    headers = ["experiment: tool", "wall median (p10-p90)", "journal duration", "activity median", "activity mean",
               "spacing per activity", "marginal wall per activity", "overhead per activity (vs CTK)",
               "second half: spacing / overhead (vs CTK)", "CPU", "peak RSS"]
    text = (f"{args.reps} runs of each, alternating. Spacing = (end of the last activity - start of the first) / N, "
            "from the journal's `run[]`; marginal wall = (wall with N - wall with 1) / (N - 1). Overhead = spacing minus "
            f"one keep-alive GET from Go to the same server ({floors['http']['keep_alive_ms']:.3f} ms) for http, the "
            "spacing itself for process."
            "\n\n" + b.table(headers, rows)
            + "\n\nWarm-up: median activity duration in the first, fifth and last tenth of each run (median over runs)."
            "\n\n" + warmup_table(raw, args) + "\n\nWhere the time goes: the bare operations, same machine, same server."
            "\n\n" + floors_table(micro))
    b.write_json(b.RESULTS / "activities.json", raw)
    (b.RESULTS / "activities.md").write_text(text + "\n")
    print("## Per-activity overhead\n\n" + b.machine_markdown(info) + "\n\n" + text + "\n")


if __name__ == "__main__":
    main()
