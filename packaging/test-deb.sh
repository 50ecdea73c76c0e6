#!/usr/bin/env bash
# The .deb end to end, as a user gets it: build it, install it with dpkg -i, check the menu entry
# (Education, icon) and the session-file association, train one short run headless through the
# installed launcher, time the start-up against `mvn exec:java`, open the installed window under Xvfb
# for a screenshot (and once more with a session file, as the file manager opens it), then remove the
# package and check nothing is left. Needs root (dpkg), Xvfb, xwininfo and ImageMagick's import.
#   bash packaging/test-deb.sh            (SKIP_BUILD=1 reuses target/installer/*.deb;
#   offline: MAVEN_ARGS=-o MVN_EXEC=org.codehaus.mojo:exec-maven-plugin:3.5.0:java, a version in ~/.m2)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS=0
out="${OUT:-target/deb-test}"
rm -rf "$out"; mkdir -p "$out"
out="$(cd "$out" && pwd)"
[ "${SKIP_BUILD:-}" = 1 ] || bash packaging/build-installer.sh --type deb
deb="$(ls target/installer/trainlab_*.deb | head -1)"
echo "package: $deb, $(du -m "$deb" | cut -f1) MB"

# a bare machine (a container, CI) lacks what every desktop has: xdg-utils (the package's
# post-install registers the menu entry and MIME type with it) and the system menu folders
command -v xdg-desktop-menu >/dev/null 2>&1 || apt-get install -y -q xdg-utils
mkdir -p /usr/share/applications /usr/share/desktop-directories /etc/xdg/menus
dpkg -i "$deb"
trap 'dpkg -r trainlab >/dev/null 2>&1 || true' EXIT
launcher=/opt/trainlab/bin/TrainLab
echo "installed: $(du -sm /opt/trainlab | cut -f1) MB in /opt/trainlab"
desktop="$(ls /usr/share/applications/*rainlab*.desktop 2>/dev/null | head -1)"; desktop="${desktop:-$(dpkg -L trainlab | grep 'TrainLab\.desktop$' | head -1)}"
echo "menu entry: $desktop"
grep -E '^(Name|Exec|Icon|Categories|MimeType)=' "$desktop" | sed 's/^/  /'
grep -q 'Categories=.*Education' "$desktop" || { echo "FAIL: not in the Education menu"; exit 1; }
grep -q '^Exec=.*%[fFuU]' "$desktop" || { echo "FAIL: the Exec line takes no file (%f)"; exit 1; }
icon="$(grep -m1 '^Icon=' "$desktop" | cut -d= -f2-)"; [ -s "$icon" ] || { echo "FAIL: no icon file $icon"; exit 1; }
echo "icon: $icon ($(identify -format '%wx%h' "$icon" 2>/dev/null || echo '?'))"
mime="$(dpkg -L trainlab | grep -i 'mime\|xml$' | head -3 || true)"
echo "mime files: ${mime:-none}"
if command -v xdg-mime >/dev/null 2>&1; then
    echo "  *.trainlab.json opens with: $(xdg-mime query default application/x-trainlab-session || echo '?')"
fi

# one short run headless, through the installed launcher, in a fresh home
export HOME="$out/home"; mkdir -p "$HOME"
printf '{"name": "Installed", "data": {"trainSize": 500}, "model": {"kind": "MLP"}, "training": {"epochs": 2, "batchSize": 50}}' > "$out/short.json"
"$launcher" train --config "$out/short.json" --out "$out/run" --session "$out/demo.trainlab.json" | tee "$out/train.log"
grep -q '"epoch" : 2' "$out/run/run.json" || grep -q '"epoch": 2' "$out/run/run.json" || { echo "FAIL: no epoch 2 in run.json"; exit 1; }

# start-up: the installed launcher against mvn exec:java, the same command (--version), alternately
for i in 1 2 3; do
    s=$(date +%s%N); "$launcher" --version >/dev/null; e=$(date +%s%N); echo "installed $(( (e - s) / 1000000 ))" >> "$out/startup.txt"
    s=$(date +%s%N); mvn -q ${MAVEN_ARGS:-} ${MVN_EXEC:-exec:java} -Dexec.mainClass=org.trainlab.app.Main -Dexec.args=--version >/dev/null 2>&1 || echo "note: mvn exec:java failed" >&2
    e=$(date +%s%N); echo "mvn $(( (e - s) / 1000000 ))" >> "$out/startup.txt"
done
for who in installed mvn; do
    echo "start-up to --version, median of 3, $who: $(grep "^$who " "$out/startup.txt" | cut -d' ' -f2 | sort -n | sed -n 2p) ms"
done

# the installed window under Xvfb: start-up to the drawn main window, against mvn exec:java (the same
# window from the source tree), alternately, 3 each, each with a data folder of its own (nothing to restore)
Xvfb :73 -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null; dpkg -r trainlab >/dev/null 2>&1 || true' EXIT
export DISPLAY=:73
sleep 2
window_up() { # name, command...: ms from the start until the TrainLab window is mapped AND drawn (or 300 s)
    local name="$1" s e p sd; shift
    s=$(date +%s%N); "$@" >>"$out/window-startup.log" 2>&1 & p=$!
    while :; do
        # mapped is not usable: the window first shows flat black or white; drawn controls vary the screen
        if xwininfo -root -children 2>/dev/null | grep -q '"TrainLab'; then
            import -window root "$out/startup-$name.png" 2>/dev/null || true
            sd="$(convert "$out/startup-$name.png" -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)"
            awk -v s="$sd" 'BEGIN { exit !(s > 0.04) }' && break
        fi
        sleep 0.3
        if ! kill -0 "$p" 2>/dev/null || [ $(( ($(date +%s%N) - s) / 1000000000 )) -ge 300 ]; then
            echo "$name never" >> "$out/window-startup.txt"; kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; return 0
        fi
    done
    e=$(date +%s%N); echo "$name $(( (e - s) / 1000000 ))" >> "$out/window-startup.txt"
    kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true
    while xwininfo -root -children 2>/dev/null | grep -q '"TrainLab'; do sleep 0.2; done
}
for i in 1 2 3; do
    JAVA_TOOL_OPTIONS="-Dtrainlab.data.dir=$out/w-installed-$i" window_up installed "$launcher"
    window_up mvn mvn -q ${MAVEN_ARGS:-} ${MVN_EXEC:-exec:java} -Dexec.mainClass=org.trainlab.app.Main -Dtrainlab.data.dir="$out/w-mvn-$i"
done
for who in installed mvn; do
    echo "start-up to the window, median of 3, $who: $(grep "^$who " "$out/window-startup.txt" | cut -d' ' -f2 | sort -n | sed -n 2p) ms ($(grep "^$who " "$out/window-startup.txt" | cut -d' ' -f2 | tr '\n' ' '))"
done

# the installed window in Korean, training the overfitting preset, for a screenshot
JAVA_TOOL_OPTIONS='-Dtrainlab.language=ko -Dtrainlab.preset=overfitting' "$launcher" >"$out/window.log" 2>&1 & p=$!
sleep "${WINDOW_WAIT:-75}"; import -window root "$out/window.png"; kill "$p" 2>/dev/null || true; wait "$p" || true

# the session file opened as a file manager opens it: the MIME database names its type from the
# file name, xdg-mime the desktop entry for that type, whose Exec line gets the file for %f
update-mime-database /usr/share/mime >/dev/null 2>&1 || true
globbed="$(grep -h 'trainlab' /usr/share/mime/globs2 2>/dev/null | head -1 || true)"
echo "MIME glob: ${globbed:-none}"
[ -n "$globbed" ] || { echo "FAIL: *.trainlab.json is not in the MIME database"; exit 1; }
entry="$(xdg-mime query default application/x-trainlab-session)"
exec_line="$(grep -m1 '^Exec=' "/usr/share/applications/$entry" | cut -d= -f2-)"
echo "opens with $entry: Exec=$exec_line"
open_cmd="${exec_line//%f/\"$out/demo.trainlab.json\"}"; open_cmd="${open_cmd//%F/\"$out/demo.trainlab.json\"}"
open_cmd="${open_cmd//%u/\"$out/demo.trainlab.json\"}"; open_cmd="${open_cmd//%U/\"$out/demo.trainlab.json\"}"
[ "$open_cmd" != "$exec_line" ] || open_cmd="$open_cmd \"$out/demo.trainlab.json\""
# (a data folder of its own: the SIGTERM above left a session to restore, whose question would cover it)
JAVA_TOOL_OPTIONS="-Dtrainlab.data.dir=$out/open-data" sh -c "exec $open_cmd" >"$out/open.log" 2>&1 & p=$!
sleep "${WINDOW_WAIT:-75}"; import -window root "$out/open.png"; kill "$p" 2>/dev/null || true; wait "$p" || true
kill "$xvfb"
ls -la "$out"/*.png
! ls "$out"/hs_err* /opt/trainlab/hs_err* "$HOME"/hs_err* 2>/dev/null || { echo "FAIL: native crash"; exit 1; }

dpkg -r trainlab
trap - EXIT
echo "after dpkg -r: $(dpkg-query -W -f='${Status}' trainlab 2>/dev/null || echo 'not known')"
dpkg -P trainlab >/dev/null   # the postrm's purge step; nothing of it is left in dpkg's records
if [ -e /opt/trainlab ] || [ -e "$desktop" ] || [ -e /usr/share/mime/packages/trainlab-TrainLab-MimeInfo.xml ] \
    || grep -q trainlab /usr/share/mime/globs2 2>/dev/null; then echo "FAIL: left behind after removal"; ls -la /opt/trainlab "$desktop" 2>&1; exit 1; fi
echo "removed cleanly; the whole test took $((SECONDS / 60)) min $((SECONDS % 60)) s"
