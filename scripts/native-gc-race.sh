#!/bin/sh
# Decision 10 on demand: a dense layer's bias added in a loop while another thread collects garbage,
# first as ND4J's addiRowVector does it (expected: the JVM dies with SIGSEGV in sd::DataBuffer::primary),
# then through Ops (expected: it survives). Usage: scripts/native-gc-race.sh [seconds per mode, default 30]
set -u
cd "$(dirname "$0")/.."
seconds=${1:-30}
mvn -q -B -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
out=$(mktemp -d)
for mode in plain ops; do
    java -XX:-CreateCoredumpOnCrash -XX:ErrorFile="$out/hs_err_$mode.log" -cp "$cp" org.trainlab.engine.nn.GcRace "$mode" "$seconds" \
        > "$out/$mode.log" 2>&1
    code=$?
    if grep -q survived "$out/$mode.log"; then
        echo "$(grep survived "$out/$mode.log") (exit code $code)"
    else
        echo "$mode: the JVM died (exit code $code): $(grep -m1 -A1 'Problematic frame' "$out/$mode.log" | tail -1)"
    fi
done
rm -rf "$out"
