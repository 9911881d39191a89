#!/usr/bin/env bash
# Builds Fetchboard's Linux app image (always) and .deb (with --deb) from `mvn package` output:
# a jlink'd runtime of only the modules needed, JavaFX's native libraries inside it, the app's jars,
# the icon, a desktop entry and a `fetchboard` command for the CLI. Output: target/installer/.
#   installer/build.sh          app image: target/installer/Fetchboard/bin/Fetchboard
#   installer/build.sh --deb    also target/installer/fetchboard_<version>_amd64.deb (needs fakeroot)
set -euo pipefail
cd "$(dirname "$0")/.."

JDK=${JDK25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}
[ -x "$JDK/bin/jpackage" ] || { echo "no JDK 25 with jpackage found (set JDK25_HOME)" >&2; exit 2; }
JAR=$(ls target/fetchboard-*.jar 2>/dev/null | head -1)
[ -n "$JAR" ] || { echo "run mvn package first (target/fetchboard-*.jar is missing)" >&2; exit 2; }
VERSION=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)
APP_VERSION=${VERSION%%-*}
OUT=target/installer
# Modules found with jdeps over the app and its libraries, plus jdk.unsupported (JavaFX), the
# zip file system (the embedded PostgreSQL unpacks its binaries) and elliptic-curve TLS.
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,java.transaction.xa,java.xml,jdk.httpserver,jdk.unsupported,jdk.zipfs,jdk.crypto.ec,jdk.localedata

rm -rf "$OUT"
mkdir -p "$OUT/input/lib"
cp "$JAR" "$OUT/input/fetchboard.jar"
# Runtime libraries only, and of the embedded PostgreSQL binaries only Linux x86-64's (~90 MB less).
mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$OUT/input/lib" \
  -DexcludeArtifactIds=embedded-postgres-binaries-darwin-amd64,embedded-postgres-binaries-windows-amd64,embedded-postgres-binaries-linux-amd64-alpine
# The jar's manifest must find the libraries: jpackage puts the input folder on the class path,
# so list them there.
CLASSPATH_ITEMS=$(cd "$OUT/input" && ls lib/*.jar | tr '\n' ':' )

"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$OUT/runtime" 2> >(grep -v "jmods" >&2 || true)
# JavaFX's native libraries in the runtime, so the first start does not unpack them to ~/.openjfx.
unzip -j -o -q "$OUT"/input/lib/javafx-graphics-*-linux.jar '*.so' -d "$OUT/runtime/lib"

JAVA_OPTS=(--java-options "--enable-native-access=ALL-UNNAMED" --java-options "-Xshare:auto")
cat > "$OUT/cli.properties" <<PROPS
main-class=dev.fetchboard.Launcher
arguments=--help
java-options=--enable-native-access=ALL-UNNAMED
PROPS

"$JDK/bin/jpackage" --type app-image --name Fetchboard --app-version "$APP_VERSION" \
  --vendor "Fetchboard" --description "Runs many HTTP requests and PostgreSQL queries at once, live" \
  --input "$OUT/input" --main-jar fetchboard.jar --main-class dev.fetchboard.Launcher \
  --runtime-image "$OUT/runtime" --icon assets/icons/fetchboard-256.png "${JAVA_OPTS[@]}" \
  --add-launcher fetchboard="$OUT/cli.properties" --dest "$OUT"
echo "app image: $OUT/Fetchboard ($(du -sh "$OUT/Fetchboard" | cut -f1))"

if [ "${1:-}" = "--deb" ]; then
  command -v fakeroot >/dev/null || { echo "the .deb needs Debian's fakeroot (apt-get install fakeroot)" >&2; exit 2; }
  "$JDK/bin/jpackage" --type deb --name fetchboard --app-version "$APP_VERSION" \
    --vendor "Fetchboard" --description "Runs many HTTP requests and PostgreSQL queries at once, live" \
    --app-image "$OUT/Fetchboard" --resource-dir installer/linux \
    --linux-package-name fetchboard --linux-shortcut --linux-menu-group "Development;Network;" \
    --linux-app-category devel --install-dir /opt --dest "$OUT"
  echo "deb: $(ls "$OUT"/*.deb) ($(du -sh "$OUT"/*.deb | cut -f1))"
fi
