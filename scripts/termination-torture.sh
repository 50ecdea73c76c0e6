#!/usr/bin/env bash
# Terminates the real program while it trains, 20 times each way, and checks every end is clean:
# no native crash (exit code, no hs_err_pid*.log) and every finished epoch kept (run.json, autosave).
#   - the command line (train --autosave): SIGTERM at a random moment, from JVM start-up to mid-epoch
#   - the window (headless through Monocle, four runs at once): SIGTERM at a random moment in training
#   - the window: File > Quit and closing the window while four runs train
# Usage: scripts/termination-torture.sh [KILLS [EXITS [SEED]]]   (defaults: 20, 5, random)
#   WINDOW_KILLS=N  a different number of SIGTERMs to the window (0 skips it; CLI_KILLS likewise)
#   STARTUP_SECONDS=N  how long a case may take to reach its first finished epoch (default 1800): the
#     runs train at the lowest OS priority, so on a machine busy with other work this takes minutes
# The same checks run in the default test suite with 3 + 1 + 1 + 1 ends (TerminationTest).
# MAVEN_ARGS passes options to Maven (e.g. MAVEN_ARGS=-o to stay offline).
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-20}"
exits="${2:-5}"
seed="${3:-$RANDOM$RANDOM}"
cli_kills="${CLI_KILLS:-$kills}"
window_kills="${WINDOW_KILLS:-$kills}"
startup="${STARTUP_SECONDS:-1800}"
echo "termination torture: $cli_kills SIGTERMs to the command line, $window_kills to the window, $exits File > Quit, $exits window closes; seed $seed"
report=target/surefire-reports/TEST-org.trainlab.app.TerminationTest.xml
rm -f "$report"
# shellcheck disable=SC2086
mvn -B -ntp ${MAVEN_ARGS:-} -q test -Dtest=TerminationTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtermination.kills="$cli_kills" -Dtermination.windowKills="$window_kills" -Dtermination.exits="$exits" \
    -Dtermination.seed="$seed" -Dtermination.startupSeconds="$startup" | sed 's/\x1b\[[0-9;]*m//g' | grep '^termination' || true
echo "took $((SECONDS / 60)) min $((SECONDS % 60)) s; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -f "$report" ] || grep -q '<failure\|<error' "$report"; then
    echo "FAILED: see $report"
    exit 1
fi
echo "all clean: $cli_kills + $window_kills SIGTERMs, $exits Quits, $exits closes; no hs_err_pid*.log, every printed (command line) or saved (window) epoch restored"
