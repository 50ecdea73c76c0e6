#!/bin/sh
# Measures the window under load (docs/performance.md): compiles, then starts WindowHarness with a
# plain `java` (so the start-up figure is the program's own, not Maven's), under Xvfb when there is
# no display, with the JVM options the window runs with (.mvn/jvm.config). Extra arguments go to
# the JVM, e.g. -Dharness.epochs=5. Where python3 is, a probe outside the JVM measures how long the
# machine itself stood still meanwhile (scripts/machine-stalls.py) and adds its figures; with
# -Dharness.listGaps=true, each long gap says how much of it the machine stood still.
#   scripts/window-harness.sh
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -Dstyle.color=never compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
harness='java $(cat .mvn/jvm.config) "$@" -cp "target/classes:$(cat target/classpath.txt)" org.trainlab.app.WindowHarness'
probe=
if command -v python3 >/dev/null; then
    python3 scripts/machine-stalls.py probe target/machine-stalls.txt &
    probe=$!
    trap 'kill "$probe" 2>/dev/null || true' EXIT
    trap 'exit 130' INT TERM   # stopped: the exit above still ends the probe
fi
status=0
if [ -n "${DISPLAY:-}" ]; then
    sh -c "$harness" harness "$@" > target/window-harness.txt || status=$?
else
    command -v xvfb-run >/dev/null || { echo "no display and no xvfb-run: apt-get install -y xvfb" >&2; exit 2; }
    # the test machine's screen; GTK's warnings about the virtual display go to a file
    xvfb-run -a -s "-screen 0 1366x768x24" sh -c "$harness 2>target/window-harness.log" harness "$@" > target/window-harness.txt || status=$?
fi
cat target/window-harness.txt
if [ -n "$probe" ]; then
    kill "$probe" 2>/dev/null || true
    [ -f target/machine-stalls.txt ] && python3 scripts/machine-stalls.py report target/machine-stalls.txt target/window-harness.txt
fi
exit "$status"
