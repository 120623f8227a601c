#!/usr/bin/env bash
# Measures how long reading a journal and rendering its reports takes, and how big the reports are,
# for the journal of a long run (default: one hour of 1-second samples and 1,000 activities).
#   bench/report-render.sh [seconds] [activities] [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl reports -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/report-bench.classpath -Dmdep.includeScope=test >/dev/null
classpath="reports/target/test-classes:reports/target/classes:$(cat reports/target/report-bench.classpath)"

echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo), $(java -version 2>&1 | head -1)"
echo "command: JAVA_OPTS=\"${JAVA_OPTS:-}\" bench/report-render.sh ${*:-}"
# JAVA_OPTS: e.g. -XX:TieredStopAtLevel=1 to see what a CLI start-up setting changes for the cold figure.
exec java ${JAVA_OPTS:-} -cp "$classpath" dev.faultline.report.ReportRenderBench "$@"
