# Shared by build.sh, smoke.sh and startup.sh (sourced, not run).

# JDK 25 (jlink, jpackage, jwebserver). Maven itself runs on 17 and its toolchain is not visible to
# a script, so look where the toolchains plugin looks: JDK25_HOME, else /usr/lib/jvm.
find_jdk() {
  local home
  for home in "${JDK25_HOME:-}" /usr/lib/jvm/*; do
    [[ -n "$home" && -x "$home/bin/jpackage" && -f "$home/release" ]] || continue
    if grep -Eq '^JAVA_VERSION="(2[5-9]|[3-9][0-9])' "$home/release"; then
      echo "$home"
      return
    fi
  done
  echo "no JDK 25 with jpackage found under /usr/lib/jvm (set JDK25_HOME)" >&2
  return 1
}

# Serves directory $2 on 127.0.0.1 with the JDK's jwebserver, logging to $3; sets WEB_PID and
# WEB_PORT. A free port is chosen by the server (port 0) and read back from its log.
start_web_server() {
  local jdk=$1 dir=$2 log=$3 i
  "$jdk/bin/jwebserver" -b 127.0.0.1 -p 0 -d "$(cd "$dir" && pwd)" >"$log" 2>&1 &
  WEB_PID=$!
  for i in $(seq 100); do
    WEB_PORT=$(grep -o 'port [0-9]*' "$log" | head -1 | cut -d' ' -f2 || true)
    [[ -n "$WEB_PORT" ]] && return 0
    sleep 0.1
  done
  echo "jwebserver did not start: $(cat "$log")" >&2
  return 1
}

# A small workspace against that server: one table panel with checks, one value panel. Written to
# $1/workspace.yaml with its data in $1/api/ (served by start_web_server $1/api).
write_workspace() {
  local dir=$1 port=$2
  mkdir -p "$dir/api"
  {
    printf '{"count":3,"status":"ok","items":['
    printf '{"id":1,"customer":{"name":"Ada"},"total":12.5},'
    printf '{"id":2,"customer":{"name":"Linus"},"total":7},'
    printf '{"id":3,"customer":{"name":"Grace"},"total":42}]}\n'
  } >"$dir/api/orders.json"
  cat >"$dir/workspace.yaml" <<YAML
fetchboard: 1
name: Packaging check
panels:
  - id: orders
    title: Orders
    http:
      url: http://127.0.0.1:$port/orders.json
      timeout: 5s
    rows: \$.items
    checks:
      - status: 200
      - jsonPath:
          path: \$.count
          greaterThan: 0
  - id: status
    title: Status
    http:
      url: http://127.0.0.1:$port/orders.json
    view: value
    value: \$.status
YAML
}
