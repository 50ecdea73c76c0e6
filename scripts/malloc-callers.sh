#!/bin/sh
# Counts the C heap's large requests in the window harness (docs/performance.md, "Twelfth pass"):
# builds a malloc wrapper (gcc), preloads it into the harness's JVM and, when the JVM exits, writes one
# line per request size and call site (count, bytes, three callers) of every request of 256 KB or more,
# largest counts first. Arguments go to the harness, e.g.
#   scripts/malloc-callers.sh -Dharness.preset=overfitting -Dharness.seeds=5 -Dharness.seconds=60
set -eu
cd "$(dirname "$0")/.."
mkdir -p target/malloc-callers
gcc -O2 -shared -fPIC -o target/malloc-callers/malloc-callers.so scripts/malloc-callers/malloc-callers.c -ldl
rm -f target/malloc-callers/out.*
MALLOC_CALLERS_OUT="$PWD/target/malloc-callers/out" LD_PRELOAD="$PWD/target/malloc-callers/malloc-callers.so" \
    scripts/window-harness.sh "$@" >target/malloc-callers/harness.txt
# every process under the wrapper writes its own file (Maven, Xvfb, the shells); the harness's names libnd4j
for f in target/malloc-callers/out.*; do
    if grep -q 'libnd4j' "$f"; then
        sort -t "$(printf '\t')" -k1,1nr "$f"
    fi
done
