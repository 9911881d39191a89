#!/usr/bin/env bash
# Smoke check of the packaged app (target/installer/image/Fetchboard, built by
# `mvn -B -Pinstaller -Dinstaller.types=app-image clean package`), run by .ci/run. It proves the
# image works on its own jlink'd runtime: the version comes from the jar manifest, the AOT cache is
# accepted, `run` reaches a local server with the right exit codes, and — once the UI is in the
# jar — the window opens under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
source installer/common.sh
app=target/installer/image/Fetchboard/bin/Fetchboard
[[ -x "$app" ]] || { echo "no app image; run: mvn -B -Pinstaller clean package" >&2; exit 1; }
jdk=$(find_jdk)
work=target/installer/smoke
rm -rf "$work" && mkdir -p "$work/api"
cleanup() { kill ${WEB_PID:-} ${XVFB_PID:-} 2>/dev/null || true; }
trap cleanup EXIT
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
# Never inherit JVM options from the caller: the image must work as shipped.
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS

# 1. --version: the project version from the manifest (not the "-dev" fallback), no JavaFX loaded.
version=$("$app" --version) || fail "--version exited $?"
echo "$version"
[[ "$version" =~ ^fetchboard\ [0-9]+\.[0-9]+\.[0-9]+ && "$version" != *-dev* ]] ||
  fail "--version does not show the jar's Implementation-Version"

# 2. The AOT cache is used: AOTMode=on makes the JVM refuse to start if the cache does not match.
JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$app" --version >/dev/null 2>"$work/aot.log" ||
  fail "AOT cache rejected: $(cat "$work/aot.log")"

# 3. run: a workspace against a local server succeeds (exit 0) with every panel ok.
start_web_server "$jdk" "$work/api" "$work/server.log"
write_workspace "$work" "$WEB_PORT"
XDG_STATE_HOME="$PWD/$work/state" "$app" run "$work/workspace.yaml" --format json \
  >"$work/run.json" 2>"$work/run.err" || fail "run exited $?: $(cat "$work/run.err")"
[[ $(grep -c '"ok":true' "$work/run.json") == 2 ]] || fail "run output: $(cat "$work/run.json")"
echo "run: 2 panels ok"
# The runtime has what Logback needs: the log file is there and stderr stayed empty.
[[ -f "$work/state/fetchboard/fetchboard.log" ]] || fail "no log file under \$XDG_STATE_HOME"
[[ ! -s "$work/run.err" ]] || fail "run printed to stderr: $(cat "$work/run.err")"
echo "run: log file written, stderr empty"

# 4. Exit codes: 1 when a panel fails (nothing listens on port 1), 2 for a missing file.
sed 's|http://127.0.0.1:[0-9]*/|http://127.0.0.1:1/|' "$work/workspace.yaml" >"$work/refused.yaml"
rc=0; "$app" run "$work/refused.yaml" >/dev/null 2>&1 || rc=$?
[[ $rc == 1 ]] || fail "a failing panel exited $rc, expected 1"
rc=0; "$app" run "$work/missing.yaml" >/dev/null 2>&1 || rc=$?
[[ $rc == 2 ]] || fail "a missing workspace exited $rc, expected 2"
echo "run: exit codes 1 (panel failed) and 2 (missing file)"

# 5. The window, under Xvfb, when the UI exists on this build.
if ! "$jdk/bin/jar" tf target/installer/image/Fetchboard/lib/app/fetchboard.jar |
  grep -q '^dev/fetchboard/ui/FetchboardApp.class$'; then
  echo "window: skipped (dev.fetchboard.ui.FetchboardApp is not in the jar yet)"
  exit 0
fi
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=$display
"$app" >"$work/gui.log" 2>&1 &
gui_pid=$!
for _ in $(seq 300); do
  if xdotool search --onlyvisible --name Fetchboard >/dev/null 2>&1; then
    echo "window: Fetchboard is on screen"
    kill "$gui_pid" 2>/dev/null || true
    exit 0
  fi
  kill -0 "$gui_pid" 2>/dev/null || fail "the app exited before showing a window: $(cat "$work/gui.log")"
  sleep 0.1
done
kill "$gui_pid" 2>/dev/null || true
fail "no Fetchboard window within 30 s: $(cat "$work/gui.log")"
