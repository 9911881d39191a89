#!/bin/sh
# Fetchboard's launcher (bin/Fetchboard in the app image, /usr/bin/fetchboard once installed):
# starts the bundled runtime on the app's class path. build.sh fills in the class path, options and
# main class from jpackage's lib/app/Fetchboard.cfg. The AOT cache, when present, was trained on
# exactly this command line; its paths are checked relative to the image, so the image may move.
set -e
root=$(dirname "$(dirname "$(readlink -f "$0")")")
app=$root/lib/app
set -- @JAVA_OPTIONS@ -cp "@CLASSPATH@" @MAIN_CLASS@ "$@"
if [ -f "$app/fetchboard.aot" ]; then
  set -- -XX:AOTCache="$app/fetchboard.aot" "$@"
fi
exec "$root/lib/runtime/bin/java" "$@"
