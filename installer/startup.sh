#!/usr/bin/env bash
# Measures the cold start of the packaged app (target/installer/image/Fetchboard, built by
# `mvn -B -Pinstaller clean package`): wall time from exec to exit for `--version` and a small `run`
# against a local server, with the AOT cache (as shipped) and without it (-XX:AOTMode=off), median
# of RUNS (default 7). The GUI line (exec to the window mapped, under an X display) is measured
# when the UI is in the jar; set DISPLAY (e.g. Xvfb :99) for it.
# Usage: installer/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source installer/common.sh
runs=${1:-7}
app=target/installer/image/Fetchboard/bin/Fetchboard
[[ -x "$app" ]] || { echo "no app image; run: mvn -B -Pinstaller clean package" >&2; exit 1; }
jdk=$(find_jdk)
work=target/installer/startup
rm -rf "$work" && mkdir -p "$work/api"
start_web_server "$jdk" "$work/api" "$work/server.log"
trap 'kill "$WEB_PID" 2>/dev/null || true' EXIT
write_workspace "$work" "$WEB_PORT"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Median wall time of RUNS runs of "$@", and the median CPU time (user+sys) in brackets: on a
# busy machine wall time is noisy, CPU time much less so. Output is discarded; a failure aborts.
median_ms() {
  local walls=() cpus=() i
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>&1
    read -r wall user sys <"$work/time"
    walls+=("$(awk "BEGIN{print int($wall*1000)}")")
    cpus+=("$(awk "BEGIN{print int(($user+$sys)*1000)}")")
  done
  local mid=$(((runs + 1) / 2))
  echo "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "${mid}p") ($(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${mid}p"))"
}

# Exec to the first Fetchboard window being mapped (the first frame), then close the app.
window_ms() {
  local t0 pid found
  t0=$(now_ms)
  # A settings folder of its own, fresh each time: the window opens as at a user's first start
  # (the sample workspace), not on whatever the machine's settings opened last.
  rm -rf "$work/config"
  XDG_CONFIG_HOME="$work/config" "$app" >"$work/gui.log" 2>&1 &
  pid=$!
  found=
  for _ in $(seq 600); do
    if xdotool search --onlyvisible --name Fetchboard >/dev/null 2>&1; then found=1; break; fi
    sleep 0.02
  done
  local t=$(($(now_ms) - t0))
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [[ -n "$found" ]] && echo "$t" || echo "no window"
}

unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS
# Warm the local server (its own JIT) so `run` measures Fetchboard, not the first request.
"$app" run "$work/workspace.yaml" >/dev/null
off=(env JAVA_TOOL_OPTIONS=-XX:AOTMode=off)
echo "start-up, median of $runs runs: wall ms (CPU ms); load average $(cut -d' ' -f1 /proc/loadavg)"
printf '%-34s %14s %14s\n' "" "AOT cache" "no AOT cache"
printf '%-34s %14s %14s\n' "fetchboard --version" \
  "$(median_ms "$app" --version)" "$(median_ms "${off[@]}" "$app" --version)"
printf '%-34s %14s %14s\n' "fetchboard run (2 HTTP panels)" \
  "$(median_ms "$app" run "$work/workspace.yaml")" \
  "$(median_ms "${off[@]}" "$app" run "$work/workspace.yaml")"
if "$jdk/bin/jar" tf target/installer/image/Fetchboard/lib/app/fetchboard.jar |
  grep -q "^dev/fetchboard/ui/FetchboardApp.class$"; then
  if [[ -n "${DISPLAY:-}" ]] && command -v xdotool >/dev/null; then
    printf '%-34s %14s %14s\n' "window (first frame)" "$(window_ms)" \
      "$(JAVA_TOOL_OPTIONS=-XX:AOTMode=off window_ms)"
  else
    echo "window: skipped (needs DISPLAY and xdotool)"
  fi
else
  echo "window: skipped (dev.fetchboard.ui.FetchboardApp is not in the jar yet)"
fi
