#!/bin/sh
# docs/performance.md, "The first click" (issue 11): the window started ROUNDS times (default 5), a
# preset (PRESET, default overfitting) clicked AFTER seconds (default 5) after the window became usable,
# as a user reads the window first; prints each round's click (its own time on the FX thread) and the
# longest pause in the 3 s after it, then the medians. Needs Xvfb without a display. Extra arguments go
# to the JVM, e.g. -Dharness.seeds=5 (the preset with five seeds: 25 runs).
set -eu
cd "$(dirname "$0")/../.."
test -s target/classpath.txt || scripts/classpath.sh
mvn -q -o -B -Dstyle.color=never compile
rounds=${ROUNDS:-5}
preset=${PRESET:-overfitting}
after=${AFTER:-5}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
harness='java $(cat .mvn/jvm.config) "$@" -cp "target/classes:$(cat target/classpath.txt)" org.trainlab.app.WindowHarness'
for round in $(seq 1 "$rounds"); do
    set -- -Dharness.preset="$preset" -Dharness.clickOnly=true -Dharness.clickAfter="$after" "$@"
    if [ -n "${DISPLAY:-}" ]; then
        out=$(sh -c "$harness" harness "$@" 2>>target/window-harness.log)
    else
        command -v xvfb-run >/dev/null || { echo "no display and no xvfb-run: apt-get install -y xvfb" >&2; exit 2; }
        out=$(xvfb-run -a -s "-screen 0 1366x768x24" sh -c "$harness 2>>target/window-harness.log" harness "$@")
    fi
    shift 3
    click=$(printf '%s\n' "$out" | sed -n 's/^queue_preset_ms [^ ]* \([0-9.]*\).*/\1/p')
    pause=$(printf '%s\n' "$out" | sed -n 's/^longest_fx_pulse_gap_first_3s_ms //p')
    echo "$click $pause" >> "$log"
    echo "round $round  $preset: click $click ms, longest pause in the 3 s after it $pause ms (load $(cut -d' ' -f1 /proc/loadavg))"
done
sort -n -k1 "$log" | awk '{c[NR]=$1} END {m=(NR%2)?c[(NR+1)/2]:(c[NR/2]+c[NR/2+1])/2; printf "median click %.1f ms", m}'
sort -n -k2 "$log" | awk '{p[NR]=$2} END {m=(NR%2)?p[(NR+1)/2]:(p[NR/2]+p[NR/2+1])/2; printf ", median longest pause %.1f ms (%d rounds)\n", m, NR}'
