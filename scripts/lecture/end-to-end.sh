#!/bin/sh
# docs/performance.md, "End to end against PyTorch" (issue 11): `train` of assets/experiments/tutorial-cnn.json
# against the same settings exported as PyTorch code, both with two threads, process start to end,
# alternating, ROUNDS rounds (default 5). Needs Debian's python3-torch (apt-get install python3-torch).
# Compile first (mvn -o -q compile).
set -eu
cd "$(dirname "$0")/../.."
test -s target/classpath.txt || scripts/classpath.sh
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "no torch for /usr/bin/python3: apt-get install -y python3-torch" >&2; exit 2; }
# shellcheck disable=SC2046 # the JVM options are words
exec java -cp "target/classes:$(cat target/classpath.txt)" scripts/lecture/EndToEnd.java \
    "${CONFIG:-assets/experiments/tutorial-cnn.json}" "${ROUNDS:-5}" $(cat .mvn/jvm.config)
