#!/usr/bin/env bash
# Builds Fetchboard's installers under target/installer/:
#   runtime/           a jlink'd Java runtime with only the modules the app uses, JavaFX included
#   image/Fetchboard/  the app image (jpackage), with an AOT cache trained on a real run
#   dist/*.deb         on Linux, when INSTALLER_TYPES contains "deb" (needs Debian's fakeroot)
# Run it through Maven, which builds the jar and copies the dependencies first:
#   mvn -B -Pinstaller clean package      (-Dinstaller.types=app-image for the image only)
set -euo pipefail
cd "$(dirname "$0")/.."
source installer/common.sh

version=${APP_VERSION:?run through Maven: mvn -B -Pinstaller clean package}
jar=${APP_JAR:?run through Maven}
types=${INSTALLER_TYPES:-app-image,deb}
out=target/installer
jdk=$(find_jdk)
# jpackage accepts only digits and dots: 0.1.0-SNAPSHOT -> 0.1.0.
pkg_version=${version%%-*}

# Modules, from `jdeps --print-module-deps` over the app and its jars, then checked by running:
# java.desktop because javafx.graphics requires it; java.security.jgss for pgjdbc's GSS/Kerberos
# auth; jdk.charsets so HTTP bodies in any charset decode; jdk.httpserver for the sample API;
# jdk.security.auth (com.sun.security.auth.module.UnixSystem), without which the embedded
# database's initdb fails when run as root (every sample SQL panel failed).
# Logback (the log file) needs java.logging and java.xml (jdeps over its jars, 1.5.38).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http
modules+=,java.security.jgss,java.sql,java.xml,jdk.charsets,jdk.httpserver,jdk.security.auth
modules+=,jdk.unsupported
modules+=,javafx.base,javafx.graphics,javafx.controls

rm -rf "$out/runtime" "$out/input" "$out/image" "$out/dist" "$out/train" "$out/resources"
mkdir -p "$out/input" "$out/dist"

# JavaFX goes into the runtime as named modules (no "unsupported configuration" warning, and its
# classes land in the AOT cache); only the platform jars (-linux) are real modules.
fx=("$out"/libs/javafx-*-linux.jar)
if ((${#fx[@]} != 3)); then
  echo "expected the three JavaFX linux jars in $out/libs (stale build? use clean)" >&2
  exit 1
fi
fx_path=$(IFS=:; echo "${fx[*]}")

echo "jlink: $modules"
# Temurin 25 has no jmods/; jlink links from the JDK's own image (JEP 493) and says so.
"$jdk/bin/jlink" --module-path "$fx_path" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --exclude-resources='glob:/javafx.graphics/*.so' \
  --output "$out/runtime" 2>&1 | grep -v 'linking from the run-time image' || true
[[ -x "$out/runtime/bin/java" ]] || { echo "jlink failed" >&2; exit 1; }

# JavaFX finds its native libraries in the runtime's lib/ instead of unpacking them from the jar
# to ~/.openjfx/cache on first start.
graphics=$(realpath "$out"/libs/javafx-graphics-*-linux.jar)
(cd "$out/runtime/lib" && "$jdk/bin/jar" xf "$graphics" $("$jdk/bin/jar" tf "$graphics" | grep '\.so$'))
# Temurin's native libraries keep their symbol tables (libjvm.so alone 5 MB of 30); --strip-debug
# only touches class files. Crash logs then show fewer native names: an acceptable trade.
find "$out/runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec strip --strip-unneeded {} +

# The app on the class path: its jar under a stable name, every library but JavaFX.
cp "$jar" "$out/input/fetchboard.jar"
find "$out/libs" -name '*.jar' ! -name 'javafx-*' -exec cp {} "$out/input/" \;

echo "jpackage: app image"
# Memory (issue 21): G1's default first heap is 1/64 of RAM (370 MB on a 23 GB machine) and it was
# never given back, so the idle window held ~530 MB committed (NMT). A small first heap that grows
# on demand, and a periodic collection every 10 s while idle that returns what is free, brought the
# idle window (sample open, from the jar) to 219 MB committed, 72 MB of it heap. The maximum stays
# the JVM's default (a quarter of RAM) for large results.
"$jdk/bin/jpackage" --type app-image --dest "$out/image" \
  --name Fetchboard --app-version "$pkg_version" \
  --vendor Fetchboard --copyright "Fetchboard contributors" \
  --description "Runs HTTP requests and PostgreSQL queries at once and shows the results" \
  --runtime-image "$out/runtime" --input "$out/input" \
  --main-jar fetchboard.jar --main-class dev.fetchboard.app.Launcher \
  --icon assets/icons/fetchboard-256.png \
  --java-options '--enable-native-access=javafx.graphics' \
  --java-options '-Xms32m -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30'
app="$out/image/Fetchboard"
mkdir -p "$app/lib/icons"
cp assets/icons/fetchboard.svg assets/icons/fetchboard-*.png "$app/lib/icons/"

# Replace jpackage's native Linux launcher with a script that starts the bundled runtime directly.
# The native one asks `rpm -qf` and `dpkg -S` which package owns it on every start (twice): about
# 1.3 s of a 1.8 s `fetchboard --version` on this Debian machine. Same class path, same options.
classpath=$(sed -n 's|^app\.classpath=\$APPDIR/|$app/|p' "$app/lib/app/Fetchboard.cfg" | paste -sd:)
java_options=$(sed -n 's|^java-options=||p' "$app/lib/app/Fetchboard.cfg" | paste -sd' ')
main_class=$(sed -n 's|^app\.mainclass=||p' "$app/lib/app/Fetchboard.cfg")
sed -e "s|@CLASSPATH@|$classpath|" -e "s|@JAVA_OPTIONS@|$java_options|" -e "s|@MAIN_CLASS@|$main_class|" \
  installer/linux/launcher.sh >"$app/bin/Fetchboard"
chmod 755 "$app/bin/Fetchboard"

# AOT cache (JEP 483/514/515): a training run of the packaged launcher records which classes load
# and link, and the methods it profiles; later starts map them instead of loading them again. The
# cache is bound to this runtime and these jars (the image may move: paths are checked relative to
# it), so it ships inside the image.
echo "AOT cache: training run"
aot="$(pwd)/$app/lib/app/fetchboard.aot"
mkdir -p "$out/train/api"
start_web_server "$jdk" "$out/train/api" "$out/train/server.log"
trap 'kill "$WEB_PID" 2>/dev/null || true' EXIT
write_workspace "$out/train" "$WEB_PORT"
# With a display (or Xvfb to make one) the training run opens the window too: it runs the
# workspace on the command line, then in the window, opens each panel and quits (AotTraining), so
# the window's classes are in the cache as well. Without one, only the command line is trained.
train=(run "$out/train/workspace.yaml")
# Before the command trained on, the same process runs a load probe (`run --repeat`) against the
# local server, so the request path's methods are profiled (JEP 515) and compiled sooner in a
# user's first `run --repeat` (Launcher reads fetchboard.aotTrainingRuns).
printf 'run %s -p orders -n 3000 -c 16 -f json\n' "$(pwd)/$out/train/workspace.yaml" >"$out/train/runs.txt"
train_opts="-XX:AOTCacheOutput=$aot -Xlog:aot=warning -Dfetchboard.aotTrainingRuns=$(pwd)/$out/train/runs.txt"
if [[ -z "${DISPLAY:-}" ]] && command -v Xvfb >/dev/null; then
  Xvfb :91 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  trap 'kill "$WEB_PID" "$XVFB_PID" 2>/dev/null || true' EXIT
  export DISPLAY=:91
  sleep 1
fi
if [[ -n "${DISPLAY:-}" ]]; then
  train=(gui "$out/train/workspace.yaml")
  train_opts="$train_opts -Dfetchboard.aotTraining=true"
fi
echo "AOT cache: training on: ${train[0]}"
# Its own settings folder, an absolute path (XDG says a relative one is ignored, and it was: the
# training workspace became the user's last workspace): the training run must not touch them.
XDG_CONFIG_HOME="$(pwd)/$out/train/config" JAVA_TOOL_OPTIONS="$train_opts" timeout 300 \
  "$app/bin/Fetchboard" "${train[@]}" >"$out/train/run.log" 2>&1 || {
  cat "$out/train/run.log" >&2
  exit 1
}
[[ -n "${XVFB_PID:-}" ]] && kill "$XVFB_PID" 2>/dev/null || true
[[ -s "$aot" ]] || { echo "no AOT cache written; see $out/train/run.log" >&2; exit 1; }
# The launcher passes -XX:AOTCache= whenever the cache exists; AOTMode=on fails if it does not fit.
JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$app/bin/Fetchboard" --version >/dev/null 2>&1 ||
  { echo "the AOT cache does not fit the launcher" >&2; exit 1; }
kill "$WEB_PID" 2>/dev/null || true

echo "app image: $(du -sh "$app" | cut -f1) in $app"

if [[ ",$types," == *,deb,* ]]; then
  echo "jpackage: .deb"
  # jpackage's resource names: Fetchboard.desktop replaces its generated entry; postinst/prerm
  # add the `fetchboard` command and the icon theme entries.
  mkdir -p "$out/resources"
  cp installer/linux/postinst installer/linux/prerm "$out/resources/"
  cp installer/fetchboard.desktop "$out/resources/Fetchboard.desktop"
  "$jdk/bin/jpackage" --type deb --dest "$out/dist" --app-image "$app" \
    --name Fetchboard --app-version "$pkg_version" \
    --vendor Fetchboard --copyright "Fetchboard contributors" \
    --description "Runs HTTP requests and PostgreSQL queries at once and shows the results" \
    --icon assets/icons/fetchboard-256.png --resource-dir "$out/resources" \
    --linux-package-name fetchboard --linux-deb-maintainer dev@fetchboard.dev \
    --linux-menu-group "Development;Network;" --linux-app-category devel --linux-shortcut
  ls -l "$out"/dist/*.deb
fi
