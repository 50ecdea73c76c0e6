#!/usr/bin/env bash
# Builds TrainLab's installer for the OS it runs on with jpackage, the version taken from pom.xml:
#   Linux: a .deb (menu entry under Education, icon, session files *.trainlab.json open in TrainLab)
#   Windows: an .msi (WiX on the PATH) or else an .exe; macOS: a .dmg
# The image inside is trimmed: a jlink runtime without debug symbols, man pages or headers, with the
# JDK's class-data-sharing archive generated into it (--generate-cds-archive), so the JVM starts faster.
# (An application archive made at build time with -XX:ArchiveClassesAtExit does not load once the
# package is installed elsewhere on Java 17: it records the class path's folder.)
#   bash packaging/build-installer.sh [--type deb|rpm|msi|exe|dmg|app-image]   -> target/installer/
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS=0

version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
version="${version%-SNAPSHOT}"          # installers want plain numbers
case "$(uname -s)" in
    Linux*) type=deb; icon=assets/icon/trainlab-256.png ;;
    Darwin*) type=dmg; icon=target/installer-work/trainlab.icns ;;
    MINGW*|MSYS*|CYGWIN*) if command -v candle >/dev/null 2>&1 || command -v wix >/dev/null 2>&1; then type=msi; else type=exe; fi
        icon=target/installer-work/trainlab.ico ;;
    *) echo "unknown OS $(uname -s)" >&2; exit 1 ;;
esac
[ "${1:-}" = "--type" ] && type="$2"

work=target/installer-work
rm -rf "$work" target/installer
mkdir -p "$work/lib" target/installer
mvn -q -B ${MAVEN_ARGS:-} -DskipTests package
mvn -q -B ${MAVEN_ARGS:-} org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$work/lib"
cp target/trainlab-*.jar "$work/lib/"
jar="$(basename target/trainlab-*.jar)"

# Only the OS's own native builds: ND4J's platform jars for other OSes and CPUs are never loaded.
os="$(uname -s | tr 'A-Z' 'a-z')"; arch="$(uname -m)"; [ "$arch" = "aarch64" ] && arch=arm64; [ "$arch" = "amd64" ] && arch=x86_64
case "$os" in linux*) os=linux ;; darwin*) os=macosx ;; *) os=windows ;; esac
for f in "$work"/lib/*-linux-* "$work"/lib/*-macosx-* "$work"/lib/*-windows-* "$work"/lib/*-android-* "$work"/lib/*-ios-*; do
    [ -e "$f" ] || continue
    case "$(basename "$f")" in *"-$os-$arch"*|*"-$os-"*"$arch"*) ;; *) rm -f "$f" ;; esac
done

# DL4J's layers and fastutil (17 MB), which only they use, are for the tests (the engine is compared
# with DL4J's layers); the program never loads a DL4J class (its engine runs on ND4J, and "copy as
# code" writes DL4J as text), and no other jar refers to either.
rm -f "$work"/lib/deeplearning4j-nn-*.jar "$work"/lib/fastutil-*.jar

# Icons in the OS's format, from the committed PNGs (packaging/render-icons.sh draws them from the SVG)
if [ "$type" = dmg ] && command -v iconutil >/dev/null 2>&1; then
    mkdir -p "$work/trainlab.iconset"
    for s in 16 32 128 256 512; do cp "assets/icon/trainlab-$s.png" "$work/trainlab.iconset/icon_${s}x${s}.png"; done
    iconutil -c icns "$work/trainlab.iconset" -o "$work/trainlab.icns"
elif [ "$type" = msi ] || [ "$type" = exe ]; then
    convert assets/icon/trainlab-{16,32,48,256}.png "$work/trainlab.ico" 2>/dev/null || icon=""
fi

# The Java modules: what jdeps finds (java.net.http and jdk.management in TrainLab, java.sql in the
# Jackson builds, java.desktop, java.logging, java.xml, jdk.unsupported), jdk.crypto.ec for the dataset
# downloads' TLS, and jdk.localedata trimmed to English and Korean: the Korean window formats numbers
# and dates with its data (FormatData_ko). java.naming and java.scripting went: nothing loads them.
modules=java.base,java.desktop,java.logging,java.management,java.net.http,java.sql,java.xml,jdk.unsupported,jdk.management,jdk.crypto.ec,jdk.localedata
jvm_options="-Dfile.encoding=UTF-8 $(tr "\n" " " < .mvn/jvm.config)"   # one line; the heap cap is .mvn/jvm.config's (docs/performance.md, "Native memory")

# 1. the app image, 2. the installer around it
jpackage --type app-image --name TrainLab --app-version "$version" --vendor TrainLab \
    --input "$work/lib" --main-jar "$jar" --main-class org.trainlab.app.Main \
    --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive --include-locales=en,ko" \
    ${icon:+--icon "$icon"} --java-options "$jvm_options" --dest "$work/image"
# jlink's --generate-cds-archive writes two archives: classes.jsa and classes_nocoops.jsa, the second
# only for heaps over 32 GB (no compressed oops); the launcher's -Xmx (a few GB at most) never uses it (10 MB).
find "$work/image" -name classes_nocoops.jsa -delete
if [ "$type" = app-image ]; then
    cp -r "$work/image/"* target/installer/
else
    extra=()
    if [ "$type" = deb ] || [ "$type" = rpm ]; then
        # packaging/linux/TrainLab.desktop: jpackage's desktop entry with %f on the Exec line, so a file
        # manager hands the double-clicked session file to TrainLab (jpackage's own has no field code)
        extra+=(--linux-package-name trainlab --linux-menu-group Education --linux-app-category education
                --linux-shortcut --linux-deb-maintainer "trainlab@localhost" --resource-dir packaging/linux)
    fi
    [ "$type" = msi ] || [ "$type" = exe ] && extra+=(--win-menu --win-menu-group TrainLab --win-shortcut --win-dir-chooser)
    # jpackage has dpkg-deb pack the .deb with xz at its default level, which took over 20 minutes on a
    # busy 2-core machine; the jars and the jlink runtime inside are compressed already, so gzip costs a
    # few MB and a minute. dpkg-deb (1.21.10 and later) takes the compressor from the environment;
    # DEB_COMPRESSOR=xz DEB_COMPRESSOR_LEVEL=6 restores the old behaviour.
    export DPKG_DEB_COMPRESSOR_TYPE="${DEB_COMPRESSOR:-gzip}" DPKG_DEB_COMPRESSOR_LEVEL="${DEB_COMPRESSOR_LEVEL:-6}"
    cat > "$work/session.properties" <<PROPS
extension=trainlab.json
mime-type=application/x-trainlab-session
description=TrainLab session
${icon:+icon=$icon}
PROPS
    jpackage --type "$type" --name TrainLab --app-version "$version" --vendor TrainLab \
        --description "A workbench for deep-learning training techniques" \
        --app-image "$work/image/$( [ "$type" = dmg ] && echo TrainLab.app || echo TrainLab )" \
        --file-associations "$work/session.properties" ${icon:+--icon "$icon"} "${extra[@]}" --dest target/installer
fi
ls -la target/installer
# what the image holds
image="$work/image/TrainLab"; [ -d "$image" ] || image="$work/image/TrainLab.app/Contents"
du -sm "$image"; du -sm "$image"/lib/* | sort -rn | head -3
du -sm "$image"/lib/app/*.jar 2>/dev/null | sort -rn | head -6 | sed 's/^/MB /'
echo "took $((SECONDS / 60)) min $((SECONDS % 60)) s"
