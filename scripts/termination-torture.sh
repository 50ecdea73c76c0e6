#!/usr/bin/env bash
# Terminates the real program while it trains, 20 times each way, and checks every end is clean:
# no native crash (exit code, no hs_err_pid*.log) and every finished epoch kept (run.json, autosave).
#   - the command line (train --autosave): SIGTERM at a random moment, from JVM start-up to mid-epoch
#   - the window (headless through Monocle, four runs at once): SIGTERM at a random moment in training
#   - the window: File > Quit and closing the window while four runs train
# Usage: scripts/termination-torture.sh [KILLS [EXITS [SEED]]]   (defaults: 20, 5, random)
# The same checks run in the default test suite with 3 + 1 + 1 + 1 ends (TerminationTest).
# MAVEN_ARGS passes options to Maven (e.g. MAVEN_ARGS=-o to stay offline).
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-20}"
exits="${2:-5}"
seed="${3:-$RANDOM$RANDOM}"
echo "termination torture: $kills SIGTERMs to the command line, $kills to the window, $exits File > Quit, $exits window closes; seed $seed"
report=target/surefire-reports/TEST-org.trainlab.app.TerminationTest.xml
rm -f "$report"
# shellcheck disable=SC2086
mvn -B -ntp ${MAVEN_ARGS:-} -q test -Dtest=TerminationTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtermination.kills="$kills" -Dtermination.windowKills="$kills" -Dtermination.exits="$exits" \
    -Dtermination.seed="$seed" | grep '^termination' || true
if [ ! -f "$report" ] || grep -q '<failure\|<error' "$report"; then
    echo "FAILED: see $report"
    exit 1
fi
echo "all clean"
