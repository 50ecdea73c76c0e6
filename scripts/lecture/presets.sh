#!/bin/sh
# docs/performance.md, "Every shipped preset, click to last point" (issue 11): each preset of
# assets/presets/index.json queued in the window (scripts/window-harness.sh -Dharness.preset=ID),
# ROUNDS rounds (default 3), the presets taking turns; prints each run's figures, then each preset's
# median. Needs Xvfb without a display. Extra arguments go to the JVM.
set -eu
cd "$(dirname "$0")/../.."
mvn -q -B -Dstyle.color=never compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
ids=$(sed -n 's/.*"presets"[^[]*\[\(.*\)\].*/\1/p' assets/presets/index.json | tr -d ' "' | tr ',' '\n' | sed 's/\.json$//')
rounds=${ROUNDS:-3}
log=target/lecture-presets.txt
: > "$log"
run() {
    harness='java $(cat .mvn/jvm.config) "$@" -cp "target/classes:$(cat target/classpath.txt)" org.trainlab.app.WindowHarness'
    if [ -n "${DISPLAY:-}" ]; then
        sh -c "$harness" harness "$@" 2>>target/window-harness.log
    else
        command -v xvfb-run >/dev/null || { echo "no display and no xvfb-run: apt-get install -y xvfb" >&2; exit 2; }
        xvfb-run -a -s "-screen 0 1366x768x24" sh -c "$harness 2>>target/window-harness.log" harness "$@"
    fi
}
for round in $(seq 1 "$rounds"); do
    for id in $ids; do
        out=$(run -Dharness.preset="$id" "$@")
        seconds=$(printf '%s\n' "$out" | sed -n 's/^click_to_last_point_s //p')
        first=$(printf '%s\n' "$out" | sed -n 's/^longest_fx_pulse_gap_first_3s_ms //p')
        done_runs=$(printf '%s\n' "$out" | sed -n 's/^runs_completed \([0-9]* of [0-9]*\).*/\1/p')
        echo "$id $seconds" >> "$log"
        echo "round $round  $id: click to last point $seconds s, runs completed $done_runs, longest pause in the 3 s after the click $first ms (load $(cut -d' ' -f1 /proc/loadavg))"
    done
done
echo "medians of $rounds (target: 60 s):"
for id in $ids; do
    grep "^$id " "$log" | awk '{print $2}' | sort -n | awk -v id="$id" '{v[NR]=$1} END {printf "  %-16s %s s\n", id, (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
done
