"""Cold start: `validate FILE` in Faultline and in Chaos Toolkit, same file, alternating runs.

Besides the shipped launcher, a ladder of plain `java` command lines on the same jar shows what each
start-up option buys (the plain `java -jar` line is what the launcher ran before it set any option).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

import benchlib as b

FILES = [b.ROOT / "experiments" / "http-health.yaml", b.BENCH / "experiments" / "cold-start.json"]
JAR = b.ROOT / "runner" / "target" / "faultline.jar"
C1_SERIAL = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def static_archive(jar: Path, work: Path) -> Path:
    """The launcher's archive for another jar (same training runs, same steps), for A/B of code changes."""
    work.mkdir(parents=True, exist_ok=True)
    training = work / "training.json"
    training.write_text(json.dumps({
        "title": "class-data training run", "description": "loads the classes a run needs",
        "steady-state-hypothesis": {"title": "answers", "probes": [
            {"type": "probe", "name": "process", "tolerance": 0, "provider": {"type": "process", "path": "true"}},
            {"type": "probe", "name": "http", "tolerance": 200,
             "provider": {"type": "http", "url": "http://127.0.0.1:9/", "timeout": 1}}]},
        "method": [{"type": "action", "name": "noop", "provider": {"type": "process", "path": "true"}}]}))
    env = dict(os.environ, FAULTLINE_HOME=str(work / "home"))
    quiet = {"cwd": work, "env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run(["java", "-XX:DumpLoadedClassList=validate.classlist", "-jar", str(jar), "validate",
                    str(FILES[0]), str(training)], **quiet)
    subprocess.run(["java", "-XX:DumpLoadedClassList=run.classlist", "-jar", str(jar), "run", "--journal",
                    "journal.json", "--ledger", "ledger.jsonl", str(training)], **quiet)
    java_home = Path(os.path.realpath(shutil.which("java"))).parent.parent
    seen, lines = set(), []
    for part in [work / "validate.classlist", work / "run.classlist", java_home / "lib" / "classlist"]:
        for line in part.read_text().splitlines() if part.exists() else []:
            if line not in seen:
                seen.add(line)
                lines.append(line)
    (work / "all.classlist").write_text("\n".join(lines) + "\n")
    archive = work / "static.jsa"
    subprocess.run(["java", "-Xshare:dump", "-XX:SharedClassListFile=all.classlist", f"-XX:SharedArchiveFile={archive}",
                    "-jar", str(jar)], check=True, **quiet)
    return archive


def variants(work: Path, extra: list[str], baseline: Path | None) -> dict[str, list[str]]:
    """name -> command with a {file} placeholder."""
    dynamic = work / "dynamic.jsa"
    subprocess.run(["java", f"-XX:ArchiveClassesAtExit={dynamic}", "-jar", str(JAR), "validate", str(FILES[0])],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = {
        "Chaos Toolkit `chaos validate`": b.chaos("validate", "{file}"),
        "Faultline `./faultline validate` (launcher)": b.faultline("validate", "{file}"),
        "java -jar (no options: the launcher before)": ["java", "-jar", str(JAR), "validate", "{file}"],
        "java C1 + SerialGC": ["java", *C1_SERIAL, "-jar", str(JAR), "validate", "{file}"],
        "java C1 + SerialGC + dynamic AppCDS": ["java", *C1_SERIAL, "-Xshare:auto", f"-XX:SharedArchiveFile={dynamic}",
                                               "-jar", str(JAR), "validate", "{file}"],
    }
    if baseline:
        archive = static_archive(baseline, work / "baseline")
        out[f"baseline jar, launcher options ({baseline})"] = [
            "java", *C1_SERIAL, "-Xshare:auto", f"-XX:SharedArchiveFile={archive}", "-jar", str(baseline),
            "validate", "{file}"]
    for spec in extra:
        name, _, command = spec.partition("=")
        out[name] = shlex.split(command)
    return out


def measure(commands: dict[str, list[str]], file: Path, runs: int, warmup: int) -> dict[str, list[b.Sample]]:
    names = list(commands)
    samples = {name: [] for name in names}
    for round_ in range(warmup + runs):
        # Rotate the order every round so no variant always follows the same one.
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            command = [str(file) if part == "{file}" else part for part in commands[name]]
            sample = b.timed(command, timeout=120)
            if sample.exit_code != 0:
                raise SystemExit(f"cold start: [{' '.join(command)}] exited {sample.exit_code}; run it by hand to see why")
            if round_ >= warmup:
                samples[name].append(sample)
    return samples


def report(file: Path, samples: dict[str, list[b.Sample]]) -> tuple[str, dict]:
    ctk = next(name for name in samples if name.startswith("Chaos Toolkit"))
    ctk_median = b.summary([s.wall for s in samples[ctk]])["median"]
    rows, raw = [], {}
    for name, list_ in samples.items():
        wall = b.summary([s.wall for s in list_])
        cpu = b.summary([s.cpu for s in list_])
        rss = b.summary([s.max_rss_kib / 1024 for s in list_])
        raw[name] = {"wall": wall, "cpu": cpu, "max_rss_mib": rss, "samples": list_}
        rows.append([name, b.ms(wall["median"]), f"{b.ms(wall['p10'])} / {b.ms(wall['p90'])}",
                     f"{b.ms(wall['min'])} / {b.ms(wall['max'])}", b.ms(cpu["median"]), f"{rss['median']:.0f} MiB",
                     f"{wall['median'] / ctk_median:.2f}x"])
    title = f"`{file.relative_to(b.ROOT)}`, {len(next(iter(samples.values())))} runs each, alternating"
    text = f"{title}\n\n" + b.table(["command", "wall median", "p10 / p90", "min / max", "CPU median", "peak RSS",
                                     "vs CTK (median wall)"], rows)
    return text, raw


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--files", nargs="*", type=Path, default=FILES)
    parser.add_argument("--baseline-jar", type=Path,
                        help="another build's faultline.jar (with its lib/) to time with the launcher's options")
    parser.add_argument("--variant", action="append", default=[],
                        help="extra NAME=COMMAND to time, with {file} for the experiment")
    args = parser.parse_args()
    b.require_chaos()
    b.ensure_faultline_built()
    info = b.machine()
    with tempfile.TemporaryDirectory() as work:
        commands = variants(Path(work), args.variant, args.baseline_jar)
        texts, raw = [], {"machine": info, "commands": commands, "results": {}}
        for file in args.files:
            text, data = report(file.resolve(), measure(commands, file.resolve(), args.runs, args.warmup))
            texts.append(text)
            raw["results"][str(file)] = data
    out = "\n\n".join(texts)
    # Extra variants are experiments: keep them apart from the standard run's results.
    name = "cold-start-variants" if args.variant or args.baseline_jar else "cold-start"
    b.write_json(b.RESULTS / f"{name}.json", raw)
    (b.RESULTS / f"{name}.md").write_text(out + "\n")
    print("## Cold start\n\n" + b.machine_markdown(info) + "\n\n" + out + "\n")


if __name__ == "__main__":
    main()
