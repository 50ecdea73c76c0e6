#!/bin/sh
# docs/performance.md, "OpenMP threads that sleep": the overfitting preset's first run (EPOCHS epochs,
# default 8) trained by `train`, alternating libgomp's own default (spin 300,000 times, then sleep) and
# the passive policy TrainLab sets (sleep at once), ROUNDS rounds (default 3); prints each run's wall
# and CPU seconds, the load average at its start, and the medians. Run it on a quiet machine and
# under load (e.g. next to a build) to see both sides. Compile first (mvn -o -q compile).
set -eu
cd "$(dirname "$0")/../.."
test -s target/classpath.txt || scripts/classpath.sh
epochs=${EPOCHS:-8}
rounds=${ROUNDS:-3}
config=$(mktemp --suffix=.json)
out=$(mktemp -d)
trap 'rm -rf "$config" "$out"' EXIT
sed "s/\"epochs\": *[0-9]*/\"epochs\": $epochs/" scripts/lecture/overfitting-base.json > "$config"
for round in $(seq 1 "$rounds"); do
    for policy in default passive; do
        rm -rf "$out/run"
        load=$(cut -d' ' -f1 /proc/loadavg)
        /usr/bin/time -o "$out/time" -f "%e %U %S" java $(cat .mvn/jvm.config) -Dtrainlab.omp.wait=$policy \
            -cp "target/classes:$(cat target/classpath.txt)" org.trainlab.app.Main train --config "$config" \
            --out "$out/run" >/dev/null 2>"$out/err" || { echo "train failed:" >&2; cat "$out/err" >&2; exit 1; }
        figures=$(tail -1 "$out/time")
        echo "$round $policy $figures $load" | awk '{printf "round %s  %-8s wall %7.1f s  cpu %7.1f s  load %s\n", $1, $2, $3, $4 + $5, $6}'
    done
done | tee "$out/all"
for policy in default passive; do
    grep " $policy " "$out/all" | awk '{print $5}' | sort -n | awk -v p="$policy" '{v[NR]=$1} END {printf "median wall %s: %.1f s\n", p, (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
done
