#!/usr/bin/env bash
# Builds a self-contained TrainLab application image for this OS with jpackage: a trimmed Java
# runtime (jlink) plus the jars on the classpath (docs/decisions/0003). Run from anywhere:
#   bash packaging/build-app-image.sh            -> target/dist/TrainLab/
# Pass --type deb|rpm|dmg|msi|exe instead of the default app-image where the OS tools exist.
# The launcher gets the JVM options of .mvn/jvm.config, which `mvn exec:java` runs the window with.
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"; [ "$type" = "--type" ] && type="$2"
mvn -q -B -DskipTests package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib
cp target/trainlab-*.jar target/lib/
rm -rf target/dist
jpackage --type "$type" --name TrainLab --app-version 0.1.0 \
  --input target/lib --main-jar "$(basename target/trainlab-*.jar)" --main-class org.trainlab.app.Main \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.management,jdk.crypto.ec \
  --java-options "-Dfile.encoding=UTF-8 $(tr "\n" " " < .mvn/jvm.config)" \
  --dest target/dist
echo "built target/dist ($type)"
