#!/usr/bin/env python3
"""Abort latency: how long after a condition turns bad is a run stopped and its fault undone?

Faultline (health guard at its default 250 ms interval) and Chaos Toolkit (a safeguards control
probing every second, --rollback-strategy always so it undoes at all) run the same experiment: move
a file away (the fault, undone by moving it back), then wait. The harness turns the health endpoint
to 503 at a random moment after the fault is in place and measures, from that moment:
  stopped  - the tool's process has exited
  undone   - the file is back (polled every millisecond)
For Faultline it also reads the journal: abort started - breach, last fault undone - breach.

Usage: python3 bench/lib/abort_latency.py [--runs N] [--tool faultline|chaos|both] [--out DIR]
Needs: ./faultline built (runner/target/faultline.jar), chaos with chaostoolkit-addons.
"""
import argparse, json, os, random, shutil, statistics, subprocess, sys, tempfile, threading, time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "runner", "target", "faultline.jar")


class Health:
    ok = True


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        status = 200 if Health.ok else 503
        body = b'{"status":"UP"}' if Health.ok else b'{"status":"DOWN"}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def experiment(tool, workdir, url):
    src = os.path.join(workdir, "service.ini")
    dst = os.path.join(workdir, "service.ini.hidden")
    with open(src, "w") as f:
        f.write("mode=live\n")
    method = [
        {"type": "action", "name": "hide-config", "provider": {"type": "python", "module": "os", "func": "rename",
                                                                "arguments": {"src": src, "dst": dst}}},
        {"type": "probe", "name": "wait", "provider": {"type": "process", "path": "sleep", "arguments": ["30"]}},
    ]
    exp = {"title": "abort latency", "description": "bench", "method": method}
    if tool == "chaos":
        exp["controls"] = [{"name": "safeguard", "provider": {"type": "python", "module": "chaosaddons.controls.safeguards",
                            "arguments": {"probes": [{"name": "healthy", "type": "probe", "frequency": 1, "tolerance": 200,
                                                      "provider": {"type": "http", "url": url, "timeout": 2}}]}}}]
        exp["rollbacks"] = [{"type": "action", "name": "restore", "provider": {"type": "python", "module": "os", "func": "rename",
                                                                              "arguments": {"src": dst, "dst": src}}}]
    else:
        exp["safety"] = {"guards": {"health": {"url": url, "failures": 1, "timeout": "2s"}},
                         "preflight": {"lock-dir": os.path.join(workdir, "locks")}}
    path = os.path.join(workdir, "experiment.json")
    with open(path, "w") as f:
        json.dump(exp, f)
    return path, src, dst


def wait_for(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.001)
    return False


def one_run(tool, url):
    workdir = tempfile.mkdtemp(prefix="abort-bench-")
    path, src, dst = experiment(tool, workdir, url)
    journal = os.path.join(workdir, "journal.json")
    if tool == "chaos":
        cmd = ["chaos", "--no-version-check", "--no-log-file", "run", "--rollback-strategy", "always", "--journal-path", journal, path]
    else:
        cmd = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR, "run", path, "--journal", journal,
               "--ledger", os.path.join(workdir, "ledger.jsonl"), "--no-report"]
    Health.ok = True
    env = dict(os.environ, FAULTLINE_HOME=os.path.join(workdir, ".faultline"))
    proc = subprocess.Popen(cmd, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        if not wait_for(lambda: os.path.exists(dst), 60):
            raise RuntimeError(tool + ": the fault was never injected")
        time.sleep(random.uniform(0.5, 1.5))
        flipped = time.monotonic()
        flipped_wall = time.time()
        Health.ok = False
        if not wait_for(lambda: os.path.exists(src), 40):
            raise RuntimeError(tool + ": the fault was not undone within 40 s")
        undone = time.monotonic()
        proc.wait(timeout=60)
        stopped = time.monotonic()
    finally:
        if proc.poll() is None:
            proc.kill()
    result = {"undone_ms": (undone - flipped) * 1000, "stopped_ms": (stopped - flipped) * 1000}
    if tool == "faultline" and os.path.exists(journal):
        with open(journal) as f:
            abort = json.load(f)["faultline"].get("abort") or {}
        if abort.get("breach_detected_at"):
            breach = parse(abort["breach_detected_at"])
            result["detect_ms"] = (breach - flipped_wall) * 1000
            result["abort_started_after_breach_ms"] = (parse(abort["abort_started_at"]) - breach) * 1000
            result["undone_after_breach_ms"] = (parse(abort["last_fault_undone_at"]) - breach) * 1000
    shutil.rmtree(workdir, ignore_errors=True)
    return result


def parse(instant):
    text = instant.rstrip("Z")
    head, _, frac = text.partition(".")
    seconds = datetime.fromisoformat(head + "+00:00").timestamp()
    return seconds + (float("0." + frac) if frac else 0.0)


def summary(values):
    values = sorted(values)
    def pct(p):
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
    return {"n": len(values), "median": statistics.median(values), "p90": pct(90), "p99": pct(99), "max": values[-1], "min": values[0]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--tool", default="both", choices=["faultline", "chaos", "both"])
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results"))
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d/health" % server.server_address[1]
    tools = ["faultline", "chaos"] if args.tool == "both" else [args.tool]
    results = {t: [] for t in tools}
    for i in range(args.runs):
        for tool in tools:  # alternating runs
            results[tool].append(one_run(tool, url))
            print("%s run %d: %s" % (tool, i + 1, {k: round(v, 1) for k, v in results[tool][-1].items()}), flush=True)
    os.makedirs(args.out, exist_ok=True)
    table = {}
    for tool, runs in results.items():
        table[tool] = {key: summary([r[key] for r in runs if key in r]) for key in sorted({k for r in runs for k in r})}
    with open(os.path.join(args.out, "abort-latency.json"), "w") as f:
        json.dump({"runs": results, "summary": table}, f, indent=1)
    print(json.dumps(table, indent=1))


if __name__ == "__main__":
    main()
