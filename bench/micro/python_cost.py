"""What one GET (a new requests.Session each time, as chaoslib's http provider does) and one
subprocess.run with captured output (as its process provider does) cost in Python: the floor under
Chaos Toolkit's activities. Usage: python3 python_cost.py URL COUNT_HTTP COUNT_PROCESS (prints JSON)."""

import json
import subprocess
import sys
import time

import requests


def main() -> None:
    url, http_count, process_count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    start = time.perf_counter()
    for _ in range(http_count):
        with requests.Session() as session:
            session.get(url, timeout=5).text
    http_ms = (time.perf_counter() - start) * 1000 / http_count
    start = time.perf_counter()
    for _ in range(process_count):
        subprocess.run(["true"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=5)
    process_ms = (time.perf_counter() - start) * 1000 / process_count
    print(json.dumps({"requests_session_get_ms": round(http_ms, 4), "subprocess_run_ms": round(process_ms, 4)}))


if __name__ == "__main__":
    main()
