"""Verdict parity: every http/process (and os.path) experiment of the Chaos Toolkit corpus, pointed at
the local server, run by both tools; status, deviated and each hypothesis probe's tolerance_met are
compared. Corpus files are read where they are and rewritten into a temporary folder, never copied
into the repository. Each http experiment also runs once more with the server answering 503."""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import benchlib as b

CORPUS = Path(os.environ.get("FAULTLINE_CTK_CORPUS", b.ROOT.parent / "shared" / "ctk-corpus"))
RUNNABLE = {"http", "process", "python:os.path"}
URL = re.compile(r"https?://(?:localhost|127\.0\.0\.1|(?:[\w-]+\.)+[a-z]{2,})(?::\d+)?")


@dataclass
class Recipe:
    """What a corpus file needs to run here: environment, fixtures in its working folder, controls."""
    env: dict = field(default_factory=dict)           # values may use {base} and {hostport}
    files: dict = field(default_factory=dict)         # relative path -> content
    hup_ignoring_pid_files: list = field(default_factory=list)  # pid files of stand-in services
    certificates: list = field(default_factory=list)  # PEM files to create with openssl
    skip_controls: list = field(default_factory=list)
    # Programs replaced by a stub that prints its arguments and exits 1, so that no experiment can
    # reach a real cluster or Docker daemon this machine may be configured for.
    stubs: list = field(default_factory=list)


RECIPES = {
    "vfarcic__go-demo-8__chaos__network-dos.yaml": Recipe(env={"INGRESS_HOST": "{hostport}"}, stubs=["kubectl"]),
    "kgruszka__chaos-demo__chaos__experiment.json": Recipe(stubs=["docker"]),
    "chrisp777__chaostoolkit-example__experiment-quote-storage-process-kill.json":
        Recipe(env={"STORAGE_URL": "{base}/quotes", "RETRIEVAL_URL": "{base}/quote"}),
    "caruccio__chaostoolkit-k8s-demo__experiments__demo.json":
        Recipe(hup_ignoring_pid_files=["astre.pid", "sunset.pid"], certificates=["expired-cert.pem", "valid-cert.pem"]),
    "chaostoolkit__chaostoolkit__tests__fixtures__check-file-exists-deviated.json":
        Recipe(files={"tests/fixtures/dummy.txt": "dummy\n"}),
    "chaostoolkit__chaostoolkit__tests__fixtures__check-file-exists.json": Recipe(files={"tests/conftest.py": "\n"}),
    "chaostoolkit__chaostoolkit__tests__fixtures__override-hypothesis-runtime-strategy.json":
        Recipe(files={"tests/conftest.py": "\n"}),
    "chaostoolkit__chaostoolkit__tests__fixtures__override-rollbacks-runtime-strategy.json":
        Recipe(files={"tests/conftest.py": "\n"}),
    "chaostoolkit__chaostoolkit__tests__fixtures__well-formed-experiment.json":
        Recipe(files={"tests/fixtures/svc.ini": "[svc]\n"}),
    "chaostoolkit-incubator__community-playground__interactive-controls__samples__simple-interactive-experiment.json":
        Recipe(skip_controls=["chaossimpleinteract.control"]),
    "chaostoolkit-incubator__community-playground__interactive-controls__samples__yorn-interactive-experiment.json":
        Recipe(skip_controls=["chaosyorn.control"]),
}


def corpus_files() -> list[tuple[str, str]]:
    """(file name, providers) of every corpus experiment that only uses http, process and os.path."""
    out = []
    with (CORPUS / "INDEX.tsv").open() as index:
        for row in csv.DictReader(index, delimiter="\t"):
            providers = {p for p in row["providers_used"].split(",") if p}
            if providers <= RUNNABLE:
                out.append((row["file_name"], ",".join(sorted(providers)) or "(none listed)"))
    return out


def prepare(name: str, base: str, folder: Path, helpers: list) -> tuple[Path, dict]:
    """A working folder with the rewritten file and its fixtures; returns the file and the environment."""
    recipe = RECIPES.get(name, Recipe())
    folder.mkdir(parents=True)
    text = (CORPUS / name).read_text()
    target = folder / name
    target.write_text(URL.sub(base, text))
    for relative, content in recipe.files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(content)
    for pid_file in recipe.hup_ignoring_pid_files:
        # A stand-in service that survives the experiment's SIGHUP (nohup ignores it), killed afterwards.
        helper = subprocess.Popen(["nohup", "sleep", "300"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        helpers.append(helper)
        (folder / pid_file).write_text(f"{helper.pid}\n")
    for pem in recipe.certificates:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(folder / f"{pem}.key"),
                        "-out", str(folder / pem), "-days", "1", "-subj", "/CN=localhost"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    hostport = base.split("://", 1)[1]
    env = dict(os.environ, **{k: v.format(base=base, hostport=hostport) for k, v in recipe.env.items()})
    if recipe.stubs:
        stubs = folder / "stub-bin"
        stubs.mkdir()
        for program in recipe.stubs:
            (stubs / program).write_text(f"#!/bin/sh\necho \"{program} (benchmark stub) $*\" >&2\nexit 1\n")
            (stubs / program).chmod(0o755)
        env["PATH"] = f"{stubs}{os.pathsep}{env['PATH']}"
    return target, env


def needs_dry_pause(file: Path) -> bool:
    return '"pauses"' in file.read_text() or "pauses:" in file.read_text()


def refusal(log: Path) -> str:
    """The first error a tool printed when it refused a file."""
    for line in log.read_text(errors="replace").splitlines():
        plain = re.sub(r"\x1b\[[0-9;]*m", "", line)
        if "ERROR]" in plain:
            return plain.split("ERROR]", 1)[1].strip()
        if ": error: " in plain:
            return plain.split(": error: ", 1)[1].strip()
    return "no reason printed"


def verdict(journal: Path | None, exit_code: int, log: Path) -> dict:
    if journal is None or not journal.exists():
        return {"status": f"refused (exit {exit_code}): {refusal(log)}", "deviated": None, "before": None,
                "after": None}
    j = json.loads(journal.read_text())

    def probes(state):
        return None if not state else [p.get("tolerance_met") for p in state.get("probes", [])]

    states = j.get("steady_states") or {}
    return {"status": j["status"], "deviated": j["deviated"], "before": probes(states.get("before")),
            "after": probes(states.get("after")), "exit_code": exit_code,
            "outcome": (j.get("faultline") or {}).get("outcome"),
            "failed_actions": [r["activity"].get("name") for r in j.get("run", [])
                               if r["status"] == "failed" and r["activity"].get("type") == "action"],
            "rollbacks": len(j.get("rollbacks", []))}


def show(v: dict) -> str:
    if v["deviated"] is None:
        return v["status"]

    def marks(values):
        return "-" if values is None else "".join("✓" if x else ("✗" if x is False else "?") for x in values) or "(none)"

    text = f"{v['status']}, deviated {str(v['deviated']).lower()}, before {marks(v['before'])}, after {marks(v['after'])}"
    return text + (f" ({v['outcome']})" if v.get("outcome") else "")


def compare(ctk: dict, fl: dict, skipped_controls: list) -> str:
    same = lambda: all(ctk[k] == fl[k] for k in ("status", "deviated", "before", "after"))  # noqa: E731
    if ctk["deviated"] is None and fl["deviated"] is None:
        return "same (both refuse the file)"
    if same():
        return "same" + (f" (Faultline with `--skip-control {' '.join(skipped_controls)}`)" if skipped_controls else "")
    if (ctk["status"] == "completed" and ctk["before"] and False in ctk["before"] and fl["status"] == "failed"
            and fl.get("outcome") == "not-met" and fl["before"] == ctk["before"]):
        return "different, deliberate: steady state not met before the method (CTK `completed`, Faultline `failed`/not-met)"
    if (fl.get("outcome") == "error" and ctk["failed_actions"] and ctk["status"] == "completed"
            and fl["before"] == ctk["before"]):
        return (f"different, deliberate: method action {ctk['failed_actions']} failed (CTK goes on and says `completed`, "
                "Faultline stops with outcome error)")
    return "DIFFERENT (not a documented difference)"


def run_tool(tool: str, file: Path, env: dict, extra: list[str], log: Path) -> tuple[Path, int]:
    journal = file.parent / f"{tool}-journal.json"
    if tool == "chaostoolkit":
        command = b.chaos("run", "--journal-path", str(journal), *extra, str(file))
    else:
        command = b.faultline("run", "--journal", str(journal), "--ledger", str(file.parent / "ledger.jsonl"),
                              *extra, str(file))
    with log.open("w") as out:
        out.write("$ " + " ".join(command) + "\n")
        out.flush()
        code = subprocess.run(command, cwd=file.parent, env=env, stdout=out, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL, timeout=300).returncode
    return journal, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="run only corpus files whose name contains this")
    parser.add_argument("--no-failing", action="store_true", help="skip the second run with the server answering 503")
    args = parser.parse_args()
    b.require_chaos()
    b.ensure_faultline_built()
    if not (CORPUS / "INDEX.tsv").exists():
        raise SystemExit(f"parity: no Chaos Toolkit corpus at [{CORPUS}]; set FAULTLINE_CTK_CORPUS to its folder")
    info = b.machine()
    files = [(n, p) for n, p in corpus_files() if not args.only or args.only in n]
    rows, raw = [], []
    logs = b.RESULTS / "parity-logs"
    shutil.rmtree(logs, ignore_errors=True)
    logs.mkdir(parents=True)
    with b.Server() as server, tempfile.TemporaryDirectory(prefix="faultline-parity-") as tmp:
        for name, providers in files:
            modes = [200] + ([] if args.no_failing or "http" not in providers else [503])
            for status in modes:
                server.status(status)
                results, helpers = {}, []
                try:
                    for tool in ("chaostoolkit", "faultline"):
                        folder = Path(tmp) / f"{name}-{status}-{tool}"
                        file, env = prepare(name, server.base_url, folder, helpers)
                        extra = ["--dry", "pause"] if needs_dry_pause(file) else []
                        log = logs / f"{name}-{status}-{tool}.log"
                        journal, code = run_tool(tool, file, env, extra, log)
                        v = verdict(journal if journal.exists() else None, code, log)
                        skipped = []
                        recipe = RECIPES.get(name, Recipe())
                        if tool == "faultline" and v["deviated"] is None and recipe.skip_controls:
                            # Faultline refuses controls it does not implement; run again, deliberately without them.
                            v["without_skip"] = v["status"]
                            skipped = recipe.skip_controls
                            extra = extra + [a for c in skipped for a in ("--skip-control", c)]
                            log = log.with_suffix(".skip-control.log")
                            journal, code = run_tool(tool, file, env, extra, log)
                            v = dict(verdict(journal if journal.exists() else None, code, log), without_skip=v["status"])
                        results[tool] = (v, extra, skipped)
                finally:
                    for helper in helpers:
                        helper.kill()
                        helper.wait()
                (ctk, ctk_args, _), (fl, fl_args, skipped) = results["chaostoolkit"], results["faultline"]
                outcome = compare(ctk, fl, skipped)
                if skipped:
                    outcome += f"; without it Faultline refuses the file ({fl['without_skip']}): documented"
                short = name if len(name) < 70 else name[:33] + "…" + name[-33:]
                rows.append([f"`{short}`", "200" if status == 200 else "503", show(ctk), show(fl), outcome])
                raw.append({"file": name, "providers": providers, "server_status": status, "chaostoolkit": ctk,
                            "faultline": fl, "chaostoolkit_args": ctk_args, "faultline_args": fl_args, "result": outcome})
        server.status(200)
    same = sum(1 for r in raw if r["result"].startswith("same"))
    deliberate = sum(1 for r in raw if r["result"].startswith("different, deliberate"))
    unexplained = len(raw) - same - deliberate
    text = (f"{len(files)} corpus files ({CORPUS}), {len(raw)} runs per tool: {same} same, {deliberate} different "
            f"for a documented reason, {unexplained} different without one. ✓/✗ are each hypothesis probe's "
            "`tolerance_met`; `--dry pause` was passed to both tools where a file pauses.\n\n"
            + b.table(["corpus file", "server", "Chaos Toolkit", "Faultline", "result"], rows))
    b.write_json(b.RESULTS / "parity.json", {"machine": info, "runs": raw})
    (b.RESULTS / "parity.md").write_text(text + "\n")
    print("## Verdict parity\n\n" + b.machine_markdown(info) + "\n\n" + text + "\n")


if __name__ == "__main__":
    main()
