#!/bin/sh
# docs/performance.md, "Lecture time": runs scripts/lecture/Concurrency.java (see its comment) on the compiled
# classes with the same class path the tests use; compile first (mvn -o -q compile) and make the
# class path once (scripts/classpath.sh). Settings: the overfitting preset's first run.
set -eu
cd "$(dirname "$0")/../.."
test -s target/classpath.txt || scripts/classpath.sh
exec java -cp "target/classes:$(cat target/classpath.txt)" scripts/lecture/Concurrency.java scripts/lecture/overfitting-base.json ${EPOCHS:-10} ${ROUNDS:-3} ${BATCHES:-32 64} 2>target/lecture-concurrency.log
