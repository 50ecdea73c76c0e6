#!/bin/sh
# Writes target/classpath.txt (the test class path: compile, runtime and test jars from ~/.m2) without
# the network: the dependency plugin's build-classpath needs plugin jars an offline machine may lack,
# so this reads the path Maven hands the test compiler (debug output of `test-compile`).
#   scripts/classpath.sh && java -cp "target/classes:$(cat target/classpath.txt)" org.trainlab.app.Main ...
set -eu
cd "$(dirname "$0")/.."
mvn -o -X -B test-compile 2>&1 | grep -m1 '(f) testPath = ' | sed 's/.*testPath = \[//; s/\]$//; s/, /:/g' > target/classpath.txt
test -s target/classpath.txt || { echo "no class path found in mvn -X output" >&2; exit 1; }
