#!/bin/sh
# Two JVM settings side by side on the overfitting preset's first run (EPOCHS epochs, default 8) trained
# by `train`, alternating A and B for ROUNDS rounds (default 3); prints each run's wall and CPU seconds,
# peak resident memory and the load average at its start, then the medians. Compile first
# (mvn -o -q compile). docs/performance.md uses it for:
#   scripts/lecture/ab.sh -Dtrainlab.omp.wait=default -Dtrainlab.omp.wait=passive      # decision 9
#   scripts/lecture/ab.sh -Dtrainlab.malloc.mmapThreshold=0 -Dx=default                # native memory
set -eu
cd "$(dirname "$0")/../.."
test $# -eq 2 || { echo "usage: $0 'JVM options A' 'JVM options B'" >&2; exit 2; }
test -s target/classpath.txt || scripts/classpath.sh
epochs=${EPOCHS:-8}
rounds=${ROUNDS:-3}
config=$(mktemp --suffix=.json)
out=$(mktemp -d)
trap 'rm -rf "$config" "$out"' EXIT
sed "s/\"epochs\": *[0-9]*/\"epochs\": $epochs/" scripts/lecture/overfitting-base.json > "$config"
for round in $(seq 1 "$rounds"); do
    for side in A B; do
        if [ $side = A ]; then options=$1; else options=$2; fi
        rm -rf "$out/run"
        load=$(cut -d' ' -f1 /proc/loadavg)
        # shellcheck disable=SC2086 # the options are words
        /usr/bin/time -o "$out/time" -f "%e %U %S %M" java $(cat .mvn/jvm.config) $options \
            -cp "target/classes:$(cat target/classpath.txt)" org.trainlab.app.Main train --config "$config" \
            --out "$out/run" >/dev/null 2>"$out/err" || { echo "train failed:" >&2; cat "$out/err" >&2; exit 1; }
        echo "$round $side $(tail -1 "$out/time") $load" | awk '{printf "round %s  %s  wall %7.1f s  cpu %7.1f s  peak %5.0f MB  load %s\n", $1, $2, $3, $4 + $5, $6 / 1024, $7}'
    done
done | tee "$out/all"
for side in A B; do
    for field in 5:wall:s 11:peak:MB; do
        col=${field%%:*}; rest=${field#*:}; name=${rest%%:*}; unit=${rest#*:}
        grep "  $side  " "$out/all" | awk -v c="$col" '{print $c}' | sort -n | awk -v s="$side" -v n="$name" -v u="$unit" \
            '{v[NR]=$1} END {printf "median %s %s: %.1f %s\n", n, s, (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2), u}'
    done
done
echo "A: $1"
echo "B: $2"
