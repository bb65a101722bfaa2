#!/usr/bin/env bash
# Benchmark of cdr-gateway against the simulated Vobiz upstream. See bench/README.md.
# Usage: bench/run.sh            (full run, about 12 minutes)
#        QUICK=1 bench/run.sh    (developer run, about 3 minutes: scenarios 1-3 on the no-latency simulator only)
# Env: QUICK=0 (1 = only the no-latency simulator, gateways A and B, 8- and 1-connection rows of scenarios 1-3;
#      its defaults are WRK_SECONDS=6 WARMUP_SECONDS=2 JIT_WARMUP=20)
#      WRK_SECONDS=10 (measured run) WARMUP_SECONDS=3 (run before each measured run) JIT_WARMUP=40 (seconds of
#      load per query right after each gateway start, so the JIT has compiled the hot paths; see README)
#      SKIP_BUILD=0 SKIP_LOG_ON=1 (0 = also the instance with the per-request INFO log line on)
#      DIAG=0 (1 = also the tenant-concurrency=64 diagnostic instance)
#      MESH=1 (0 = no rows of the generated GraphQL Mesh gateway, bench/mesh/, the reference of issue 13)
#      PROFILE= (a row such as s1, s2, s3, s1_c1 or s2_c1: records that row's measured run with JFR and writes
#      bench/profile-<row>-cpu.txt and bench/profile-<row>-alloc.txt; s1/s2/s3 mean their 8-connection rows)
#      GATEWAY_JAVA_OPTS: JVM options of every gateway instance; the default is what the production container runs
#      with (deploy/k8s: 768 MiB memory limit, JAVA_MAX_MEM_RATIO=60, so a 460 MiB heap at most; G1 as
#      src/main/docker/Dockerfile.jvm selects it, with the heap-free ratios run-java.sh adds)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
HELPER="$BENCH_DIR/bench.py"
QUICK="${QUICK:-0}"
if [[ "$QUICK" == 1 ]]; then # shorter everything: about 3 minutes
  WRK_SECONDS="${WRK_SECONDS:-6}"; WARMUP_SECONDS="${WARMUP_SECONDS:-2}"; JIT_WARMUP="${JIT_WARMUP:-20}"
else
  WRK_SECONDS="${WRK_SECONDS:-10}"; WARMUP_SECONDS="${WARMUP_SECONDS:-3}"; JIT_WARMUP="${JIT_WARMUP:-40}"
fi
SKIP_BUILD="${SKIP_BUILD:-0}"
SKIP_LOG_ON="${SKIP_LOG_ON:-1}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--XX:MaxRAM=768m -XX:MaxRAMPercentage=60 -XX:+UseG1GC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=12 -XX:+ExitOnOutOfMemoryError}"
CONNS=8 # the main rows' connection count (issue 13 states its targets at 8 connections)
DIAG="${DIAG:-0}"
MESH="${MESH:-1}"
PROFILE="${PROFILE:-}"
ANCHOR_DATE=2026-03-25

# Ports (19000-19999): three simulators, one port per gateway instance
SIM0_PORT=19101; SIM20_PORT=19102; SIM50_PORT=19103; SIM50B_PORT=19104
GW_PORT_BASE=19200
MESH_PORT=19301

WORK="$(mktemp -d /tmp/cdr-gateway-bench.XXXXXX)"
RESULTS="$WORK/results.jsonl"
PEAKS="$WORK/peaks.jsonl"
STARTUPS="$WORK/startups.jsonl"
: >"$RESULTS"; : >"$PEAKS"; : >"$STARTUPS"

STARTED_PIDS=()
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ $rc -ne 0 ]]; then log "failed (exit $rc); logs kept in $WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

stop_pid() { # pid [grace seconds, default 10]: stops one process this script started and forgets it
  local pid=$1 grace=${2:-10} keep=() p
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((grace * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${STARTED_PIDS[@]}"; do [[ "$p" == "$pid" ]] || keep+=("$p"); done
  STARTED_PIDS=("${keep[@]+"${keep[@]}"}")
}

# --- 1. prerequisites ----------------------------------------------------------------------------
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
for tool in curl openssl python3 java; do
  command -v "$tool" >/dev/null || die "'$tool' is missing: install it (Debian/Ubuntu: apt-get install -y $( [[ $tool == java ]] && echo openjdk-17-jdk-headless || echo "$tool")) and run again"
done
if ! command -v wrk >/dev/null; then
  log "installing wrk (apt-get)"
  command -v apt-get >/dev/null || die "wrk is missing and apt-get is not available: install wrk 4.x yourself"
  as_root apt-get update -qq >"$WORK/apt.log" 2>&1 || die "apt-get update failed, see $WORK/apt.log"
  as_root apt-get install -y -qq wrk >>"$WORK/apt.log" 2>&1 || die "apt-get install wrk failed, see $WORK/apt.log"
fi
CLK_TCK=$(getconf CLK_TCK)
PROFILE_OPTS=()
if [[ -n "$PROFILE" ]]; then
  [[ "$PROFILE" =~ ^[a-z0-9_]+$ ]] || die "PROFILE must be a row name such as s1, s2, s3, s1_c1"
  command -v jcmd >/dev/null || die "PROFILE needs 'jcmd' (a full JDK, not a JRE) next to java"
  # deep enough for Vert.x + SmallRye + graphql-java stacks; only takes effect while a recording runs
  PROFILE_OPTS=(-XX:FlightRecorderOptions:stackdepth=256)
  python3 "$HELPER" jfc "$WORK/profile.jfc"
fi
PROFILED=""

# --- 2. build --------------------------------------------------------------------------------------
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
if [[ "$SKIP_BUILD" != 1 || ! -f "$JAR" ]]; then
  log "building the jar (./mvnw -q -B package -DskipTests)"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests) >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; die "build failed"; }
fi
[[ -f "$JAR" ]] || die "no $JAR after the build"

# the reference generic gateway (issue 13): GraphQL Mesh generated from bench/mesh/openapi.yaml, Node
MESH_DIR="$BENCH_DIR/mesh"
if [[ "$MESH" == 0 ]]; then
  log "MESH=0: skipping the generated Mesh gateway rows"
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "node/npm not found: skipping the generated Mesh gateway rows (install Node.js 20+ to get them)"
  MESH=0
else
  if [[ ! -d "$MESH_DIR/node_modules" ]]; then
    log "installing the Mesh gateway's packages (npm ci in bench/mesh, once)"
    (cd "$MESH_DIR" && npm ci --no-audit --no-fund) >"$WORK/npm.log" 2>&1 || { tail -20 "$WORK/npm.log" >&2; die "npm ci failed in bench/mesh"; }
  fi
  (cd "$MESH_DIR" && VOBIZ_URL=unused node node_modules/.bin/mesh build) >"$WORK/mesh-build.log" 2>&1 \
    || { tail -20 "$WORK/mesh-build.log" >&2; die "mesh build failed in bench/mesh"; }
fi

# --- 3. simulators ---------------------------------------------------------------------------------
wait_http() { # url pid timeout_s [header...]
  local url=$1 pid=$2 timeout=$3; shift 3
  local args=() h
  for h in "$@"; do args+=(-H "$h"); done
  local end=$((SECONDS + timeout))
  until curl -fsS -o /dev/null "${args[@]+"${args[@]}"}" "$url" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || die "process $pid exited while waiting for $url"
    ((SECONDS < end)) || die "timeout waiting for $url"
    sleep 0.2
  done
}

start_sim() { # name port latency [extra -D...]
  local name=$1 port=$2 latency=$3; shift 3
  java -Dquarkus.profile=demo -Dquarkus.http.port="$port" -Dsimulator.anchor-date=$ANCHOR_DATE \
    -Dsimulator.latency="$latency" "$@" -jar "$JAR" >"$WORK/$name.log" 2>&1 &
  STARTED_PIDS+=("$!")
  eval "${name}_PID=$!"
}
if [[ "$QUICK" == 1 ]]; then
  log "QUICK=1: starting the no-latency simulator on :$SIM0_PORT only"
  start_sim sim0 $SIM0_PORT PT0S
  SIMS=("sim0 $SIM0_PORT")
else
  log "starting simulators on :$SIM0_PORT (no latency), :$SIM20_PORT (20 ms), :$SIM50_PORT (50 ms), :$SIM50B_PORT (50 ms, 50 customers)"
  start_sim sim0 $SIM0_PORT PT0S
  start_sim sim20 $SIM20_PORT PT0.02S
  start_sim sim50 $SIM50_PORT PT0.05S
  start_sim sim50b $SIM50B_PORT PT0.05S -Dsimulator.customers=50
  SIMS=("sim0 $SIM0_PORT" "sim20 $SIM20_PORT" "sim50 $SIM50_PORT" "sim50b $SIM50B_PORT")
fi
for s in "${SIMS[@]}"; do
  set -- $s
  pid_var="${1}_PID"
  # the first data request waits for the generated dataset
  wait_http "http://127.0.0.1:$2/sim/api/v1/partner/accounts?page=1&per_page=1" "${!pid_var}" 120 \
    "X-Auth-ID: PA_SIMULATOR" "X-Auth-Token: sim-partner-token"
done

# --- 4. keys, tokens, request specs ----------------------------------------------------------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$WORK/key.pem" -pubout -outform DER | base64 | tr -d '\n')
python3 "$HELPER" prepare "http://127.0.0.1:$SIM0_PORT" "$WORK/key.pem" "$WORK" >&2
# the direct requests themselves must work
for spec in s1_direct s2_direct s4_direct1 s4_seq5 s5_direct; do
  python3 "$HELPER" check "http://127.0.0.1:$SIM0_PORT" "$WORK/$spec.json"
done

# --- gateway instances -------------------------------------------------------------------------------
GW_PID=""; GW_PORT=""; GW_NAME=""; RSSPOLL_PID=""; GW_INDEX=0
start_gateway() { # name sim_port cache_enabled log_level [extra -D...]
  local name=$1 sim_port=$2 cache=$3 level=$4; shift 4
  GW_INDEX=$((GW_INDEX + 1)); GW_PORT=$((GW_PORT_BASE + GW_INDEX)); GW_NAME=$name
  local t0; t0=$(date +%s%N)
  # With PROFILE, JFR runs from the start (a rolling 30 s in memory, thrown away): started later, its own start-up
  # (event classes loaded, code recompiled around them) would land in the profiled run and cost most of its CPU.
  local jfr=()
  [[ -n "$PROFILE" ]] && jfr=("-XX:StartFlightRecording=name=bench-init,settings=$WORK/profile.jfc,maxage=30s")
  # shellcheck disable=SC2086 # GATEWAY_JAVA_OPTS is a list of options
  java $GATEWAY_JAVA_OPTS "${jfr[@]}" \
    -Dquarkus.http.port="$GW_PORT" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.oidc.public-key="$PUBLIC_KEY" -Dquarkus.oidc.token.issuer=https://bench.local \
    -Dgateway.tenants.bench.partner.auth-id=PA_SIMULATOR \
    -Dgateway.tenants.bench.partner.auth-token=sim-partner-token \
    -Dquarkus.rest-client.vobiz-partner.url="http://127.0.0.1:$sim_port/sim" \
    -Dquarkus.rest-client.vobiz-account.url="http://127.0.0.1:$sim_port/sim" \
    -Dgateway.cursor-secret=bench-cursor-secret-0123456789abc \
    -Dgateway.cache.enabled="$cache" \
    -Dquarkus.log.console.json.enabled=false \
    -Dquarkus.log.category.\"dev.cdrgateway.ops.AccessLog\".level="$level" \
    -Dquarkus.shutdown.delay-enabled=false \
    "${PROFILE_OPTS[@]+"${PROFILE_OPTS[@]}"}" "$@" -jar "$JAR" >"$WORK/gw-$name.log" 2>&1 &
  GW_PID=$!
  STARTED_PIDS+=("$GW_PID")
  python3 "$HELPER" rsspoll "$GW_PID" "$WORK/rss-$name.json" &
  RSSPOLL_PID=$!
  STARTED_PIDS+=("$RSSPOLL_PID")
  local first_ms
  first_ms=$(python3 "$HELPER" startup "http://127.0.0.1:$GW_PORT" "$WORK/${STARTUP_SPEC:-s1_gw}.json" "$t0" 90) \
    || { tail -30 "$WORK/gw-$name.log" >&2; die "gateway $name did not serve GraphQL"; }
  local idle idle2 started
  idle=$(python3 "$HELPER" rss "$GW_PID")
  sleep 2
  idle2=$(python3 "$HELPER" rss "$GW_PID")
  wait_http "http://127.0.0.1:$GW_PORT/q/health/ready" "$GW_PID" 30
  started=$(grep -o 'started in [0-9.]*s' "$WORK/gw-$name.log" | head -1 | grep -o '[0-9.]*' | head -1 || true)
  python3 - "$STARTUPS" "$name" "$first_ms" "$idle" "$idle2" "${started:-?}" <<'EOF'
import json, sys
out, name, first, idle, idle2, started = sys.argv[1:]
with open(out, "a") as f:
    f.write(json.dumps({"instance": name, "first_response_ms": float(first), "idle_rss_kb": json.loads(idle)["rss_kb"],
                        "idle2_rss_kb": json.loads(idle2)["rss_kb"], "quarkus_started": started}) + "\n")
EOF
  log "gateway $name up on :$GW_PORT (upstream :$sim_port, cache=$cache, log=$level): first GraphQL answer ${first_ms%.*} ms after exec"
}

stop_gateway() {
  sleep 0.3 # let the RSS poller take a last sample
  python3 - "$PEAKS" "$GW_NAME" "$WORK/rss-$GW_NAME.json" <<'EOF'
import json, sys
out, name, f = sys.argv[1:]
r = json.load(open(f))
r["instance"] = name
open(out, "a").write(json.dumps(r) + "\n")
EOF
  stop_pid "$GW_PID" "${1:-10}"
  stop_pid "$RSSPOLL_PID"
  GW_PID=""
}

# load NAME URL SPEC CONNECTIONS [gateway]: warm-up run, then the measured run with --latency
load() {
  local name=$1 url=$2 spec=$3 conns=$4 target=${5:-direct}
  local threads=$(( conns < 2 ? 1 : 2 ))
  local profiling=0
  if [[ -n "$PROFILE" && $target == gateway && ( $name == "$PROFILE" || $name == "${PROFILE}_c$CONNS" ) ]]; then
    profiling=1
    # The gateway was started with a recording of the same settings (start_gateway), so starting this one changes
    # nothing in the JVM.
  fi
  wrk -t"$threads" -c"$conns" -d"${WARMUP_SECONDS}s" -s "$WORK/$spec.lua" "$url" >"$WORK/warm-$name.txt" 2>&1 \
    || die "wrk warm-up failed for $name: $(tail -5 "$WORK/warm-$name.txt")"
  local cpu0="" cpu1="" m0="" m1="" extra='{}'
  if [[ $profiling == 1 ]]; then
    log "  PROFILE: JFR on for the measured run of $name"
    jcmd "$GW_PID" JFR.start name=bench settings="$WORK/profile.jfc" filename="$WORK/profile-$PROFILE.jfr" \
      >"$WORK/jcmd-$name.log" 2>&1 || die "jcmd JFR.start failed: $(cat "$WORK/jcmd-$name.log")"
  fi
  local pid=$GW_PID
  [[ $target == mesh ]] && pid=$MESH_PID
  if [[ $target == gateway ]]; then m0=$(python3 "$HELPER" metrics "$url"); fi
  if [[ $target != direct ]]; then cpu0=$(python3 "$HELPER" cpu "$pid"); fi
  wrk -t"$threads" -c"$conns" -d"${WRK_SECONDS}s" --latency -s "$WORK/$spec.lua" "$url" >"$WORK/wrk-$name.txt" 2>&1 \
    || die "wrk failed for $name: $(tail -5 "$WORK/wrk-$name.txt")"
  if [[ $target != direct ]]; then
    cpu1=$(python3 "$HELPER" cpu "$pid")
    local d='{}'
    if [[ $target == gateway ]]; then
      m1=$(python3 "$HELPER" metrics "$url")
      d=$(python3 "$HELPER" delta "$m0" "$m1")
    fi
    if [[ $profiling == 1 ]]; then
      { jcmd "$GW_PID" JFR.stop name=bench && jcmd "$GW_PID" JFR.stop name=bench-init; } >>"$WORK/jcmd-$name.log" 2>&1 \
        || die "jcmd JFR.stop failed: $(cat "$WORK/jcmd-$name.log")"
    fi
    local requests
    requests=$(grep -o '"requests":[0-9]*' "$WORK/wrk-$name.txt" | head -1 | cut -d: -f2)
    extra=$(python3 - "$cpu0" "$cpu1" "$CLK_TCK" "${requests:-0}" "$d" <<'EOF'
import json, sys
(c0, j0), (c1, j1) = map(int, sys.argv[1].split()), map(int, sys.argv[2].split())
tck, n, d = int(sys.argv[3]), int(sys.argv[4]), json.loads(sys.argv[5])
d["cpu_ms"] = (c1 - c0) * 1000.0 / tck
d["cpu_ms_per_req"] = d["cpu_ms"] / n if n else 0.0
if j1 or j0:
    d["jit_ms_per_req"] = (j1 - j0) * 1000.0 / tck / n if n else 0.0
if "alloc_bytes" in d and n:
    d["alloc_kb_per_req"] = d["alloc_bytes"] / 1024.0 / n
print(json.dumps(d))
EOF
)
  fi
  if [[ $profiling == 1 ]]; then extra=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d["profiled"]=True; print(json.dumps(d))' "$extra"); fi
  python3 "$HELPER" record "$RESULTS" "$name" "$WORK/wrk-$name.txt" "$extra" >&2
  if [[ $profiling == 1 ]]; then
    PROFILED=$name
    python3 "$HELPER" profile "$WORK/profile-$PROFILE.jfr" "$BENCH_DIR/profile-$PROFILE" \
      "$(python3 "$HELPER" row "$RESULTS" "$name")" >&2
  fi
}

jit_warm() { # SPEC CONNECTIONS SECONDS: untimed load right after a gateway start (JIT compilation)
  log "  JIT warm-up: $1, $2 connections, $3 s"
  wrk -t2 -c"$2" -d"$3s" -s "$WORK/$1.lua" "$GW" >"$WORK/jit-$GW_NAME-$1.txt" 2>&1 || die "wrk JIT warm-up failed"
}

seq_load() { # NAME URL SPEC: sequential requests on one connection (python), same timing as wrk
  python3 "$HELPER" seq "$2" "$WORK/$3.json" "$WARMUP_SECONDS" "$WRK_SECONDS" >"$WORK/wrk-$1.txt"
  python3 "$HELPER" record "$RESULTS" "$1" "$WORK/wrk-$1.txt" '{}' >&2
}

SIM0="http://127.0.0.1:$SIM0_PORT"; SIM20="http://127.0.0.1:$SIM20_PORT"; SIM50="http://127.0.0.1:$SIM50_PORT"

# --- 5. scenarios ------------------------------------------------------------------------------------
log "direct upstream baselines"
load d1_c1 "$SIM0" s1_direct 1
load d1_c$CONNS "$SIM0" s1_direct $CONNS
load d2_c1 "$SIM0" s2_direct 1
load d2_c$CONNS "$SIM0" s2_direct $CONNS
if [[ "$QUICK" != 1 ]]; then
  load d5_c$CONNS "$SIM0" s5_direct $CONNS
  load d4one_c1 "$SIM50" s4_direct1 1
  seq_load d4seq_c1 "$SIM50" s4_seq5
  load dl20_c64 "$SIM20" s2_direct 64
fi

if [[ "$QUICK" == 1 ]]; then
  log "gateway A: cache off, no upstream latency (scenarios 1, 2; startup 6)"
else
  log "gateway A: cache off, no upstream latency (scenarios 1, 2, 5; startup 6)"
fi
start_gateway A "$SIM0_PORT" false WARN
GW="http://127.0.0.1:$GW_PORT"
for spec in s1_gw s2_gw s5_gw; do python3 "$HELPER" check "$GW" "$WORK/$spec.json"; done
jit_warm s1_gw 8 "$JIT_WARMUP"; jit_warm s2_gw 8 "$JIT_WARMUP"
[[ "$QUICK" == 1 ]] || jit_warm s5_gw 8 $((JIT_WARMUP / 2))
load s1_c1 "$GW" s1_gw 1 gateway
load s2_c1 "$GW" s2_gw 1 gateway
load s1_c$CONNS "$GW" s1_gw $CONNS gateway
load s2_c$CONNS "$GW" s2_gw $CONNS gateway
if [[ "$QUICK" != 1 ]]; then
  load s5_c$CONNS "$GW" s5_gw $CONNS gateway
  # Automatic Persisted Queries: the client registers the document once, then sends its hash alone
  for spec in s2apq_reg s2apq_gw s2apqget_gw; do python3 "$HELPER" check "$GW" "$WORK/$spec.json"; done
  jit_warm s2apq_gw 8 $((JIT_WARMUP / 4)); jit_warm s2apqget_gw 8 $((JIT_WARMUP / 4))
  load s2apq_c$CONNS "$GW" s2apq_gw $CONNS gateway
  load s2apqget_c$CONNS "$GW" s2apqget_gw $CONNS gateway
fi
stop_gateway

if [[ "$QUICK" != 1 ]]; then
  # AppCDS with the JDK's dynamic archive, made with the same JVM options (an archive made with other options, such as
  # the one -Dquarkus.package.jar.appcds.enabled=true builds, is refused when the heap settings differ): a training
  # start (T) that answers one request and exits writes it, then S starts with it.
  CDS="$WORK/app-cds.jsa"
  log "gateway T: AppCDS training start (writes $CDS on exit)"
  start_gateway T "$SIM0_PORT" false WARN -XX:ArchiveClassesAtExit="$CDS"
  stop_gateway 120 # writing the archive on exit takes longer than a normal stop
  if [[ -f "$CDS" ]]; then
    log "gateway S: startup only, with the AppCDS archive"
    start_gateway S "$SIM0_PORT" false WARN -XX:SharedArchiveFile="$CDS" -Xshare:on
    stop_gateway
  else
    log "no AppCDS archive was written; skipping the AppCDS startup row"
  fi
fi

log "gateway B: cache on, warm (scenario 3)"
start_gateway B "$SIM0_PORT" true WARN
GW="http://127.0.0.1:$GW_PORT"
python3 "$HELPER" check "$GW" "$WORK/s2_gw.json"
jit_warm s2_gw 8 "$JIT_WARMUP"
load s3_c$CONNS "$GW" s2_gw $CONNS gateway   # its warm-up run fills the cache
stop_gateway

if [[ "$MESH" != 0 ]]; then
  log "generated Mesh gateway (Node, one process) on :$MESH_PORT, no-latency upstream (scenarios 1 and 2)"
  t0=$(date +%s%N)
  (cd "$MESH_DIR" && exec env VOBIZ_URL="$SIM0/sim" NODE_ENV=production node node_modules/.bin/mesh start \
    --port "$MESH_PORT") >"$WORK/mesh.log" 2>&1 &
  MESH_PID=$!
  STARTED_PIDS+=("$MESH_PID")
  python3 "$HELPER" rsspoll "$MESH_PID" "$WORK/rss-mesh.json" &
  MESH_RSSPOLL_PID=$!
  STARTED_PIDS+=("$MESH_RSSPOLL_PID")
  MESH_URL="http://127.0.0.1:$MESH_PORT"
  mesh_first=$(python3 "$HELPER" startup "$MESH_URL" "$WORK/m1_mesh.json" "$t0" 60) \
    || { tail -30 "$WORK/mesh.log" >&2; die "the Mesh gateway did not serve GraphQL"; }
  log "Mesh gateway up: first GraphQL answer ${mesh_first%.*} ms after exec"
  # real data, not just HTTP 200: the uuid asked for, 20 rows and a summary
  for spec in m1_mesh m2_mesh; do python3 "$HELPER" check "$MESH_URL" "$WORK/$spec.json"; done
  GW="$MESH_URL"; GW_NAME=mesh
  jit_warm m1_mesh 8 $((JIT_WARMUP / 4)); jit_warm m2_mesh 8 $((JIT_WARMUP / 4))
  load mesh1_c$CONNS "$MESH_URL" m1_mesh $CONNS mesh
  load mesh2_c$CONNS "$MESH_URL" m2_mesh $CONNS mesh
  sleep 0.3
  python3 - "$PEAKS" "$WORK/rss-mesh.json" "$mesh_first" <<'EOF'
import json, sys
out, f, first = sys.argv[1:]
r = json.load(open(f))
r.update({"instance": "mesh", "first_response_ms": float(first)})
open(out, "a").write(json.dumps(r) + "\n")
EOF
  stop_pid "$MESH_PID"
  stop_pid "$MESH_RSSPOLL_PID"
fi

if [[ "$QUICK" != 1 ]]; then
  log "gateway C: cache off, 50 ms upstream latency (scenario 4)"
  start_gateway C "$SIM50_PORT" false WARN
  GW="http://127.0.0.1:$GW_PORT"
  python3 "$HELPER" check "$GW" "$WORK/s4_gw.json"
  jit_warm s4_gw 16 $((JIT_WARMUP * 3 / 4))
  load s4_c1 "$GW" s4_gw 1 gateway
  stop_gateway

  log "gateway D: cache off, 20 ms upstream latency, 64 connections"
  start_gateway D "$SIM20_PORT" false WARN
  GW="http://127.0.0.1:$GW_PORT"
  jit_warm s2_gw 16 "$JIT_WARMUP"
  load l20_c64 "$GW" s2_gw 64 gateway
  stop_gateway

  log "gateway G: cache on, 50 ms upstream latency, 50 customers (dashboard analytics, issue 7)"
  STARTUP_SPEC=ts_jit start_gateway G "$SIM50B_PORT" true WARN
  GW="http://127.0.0.1:$GW_PORT"
  log "  JIT warm-up: ts_jit, lb_jit (other filters and windows than the measured ones)"
  python3 "$HELPER" coldwarm "$GW" "$WORK/ts_jit.json" 0 "$WORK/jit-analytics.jsonl" ts_jit >&2
  python3 "$HELPER" coldwarm "$GW" "$WORK/lb_jit.json" 0 "$WORK/jit-analytics.jsonl" lb_jit >&2
  python3 "$HELPER" coldwarm "$GW" "$WORK/ts_cold.json" 5 "$RESULTS" ts >&2
  python3 "$HELPER" coldwarm "$GW" "$WORK/lb_cold.json" 5 "$RESULTS" lb >&2
  stop_gateway

  if [[ "$DIAG" == 1 ]]; then
    log "gateway E: as D with gateway.upstream.tenant-concurrency=64 (diagnostic, not a default)"
    start_gateway E "$SIM20_PORT" false WARN -Dgateway.upstream.tenant-concurrency=64
    GW="http://127.0.0.1:$GW_PORT"
    jit_warm s2_gw 16 "$JIT_WARMUP"
    load l20tc_c64 "$GW" s2_gw 64 gateway
    stop_gateway
  fi

  if [[ "$SKIP_LOG_ON" != 1 ]]; then
    log "gateway F: as A with the per-request INFO log line on"
    start_gateway F "$SIM0_PORT" false INFO
    GW="http://127.0.0.1:$GW_PORT"
    jit_warm s1_gw 8 "$JIT_WARMUP"; jit_warm s2_gw 8 "$JIT_WARMUP"; jit_warm s5_gw 8 $((JIT_WARMUP / 2))  # as A
    load s1log_c1 "$GW" s1_gw 1 gateway
    load s1log_c$CONNS "$GW" s1_gw $CONNS gateway
    stop_gateway
  fi
fi

# --- 6. table ----------------------------------------------------------------------------------------
QUICK="$QUICK" GATEWAY_JAVA_OPTS="$GATEWAY_JAVA_OPTS" python3 - "$WORK/facts.json" "$STARTUPS" "$PEAKS" "$WRK_SECONDS" "$WARMUP_SECONDS" "$(nproc)" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$JIT_WARMUP" <<'EOF'
import json, sys
out, startups, peaks, wrk_s, warm_s, nproc, date, jit = sys.argv[1:]
import os
sizes_file = os.path.join(os.path.dirname(out), "request-bytes.json")
json.dump({"startups": [json.loads(l) for l in open(startups)], "peaks": [json.loads(l) for l in open(peaks)],
           "request_bytes": json.load(open(sizes_file)) if os.path.exists(sizes_file) else {},
           "java_opts": os.environ.get("GATEWAY_JAVA_OPTS", ""), "quick": os.environ.get("QUICK") == "1",
           "wrk_seconds": int(wrk_s), "warmup_seconds": int(warm_s), "nproc": nproc, "date": date,
           "jit_warmup": int(jit)}, open(out, "w"))
EOF
python3 "$HELPER" table "$RESULTS" "$WORK/facts.json" "$BENCH_DIR/last-run.md"
if [[ -n "$PROFILE" ]]; then
  if [[ -n "$PROFILED" ]]; then
    log "profile of $PROFILED: bench/profile-$PROFILE-cpu.txt, bench/profile-$PROFILE-alloc.txt (recording $WORK/profile-$PROFILE.jfr)"
  else
    log "WARNING: PROFILE=$PROFILE matched no gateway row of this run (try s1, s2, s3, s1_c1, s2_c1)"
  fi
fi
log "table written to bench/last-run.md; raw results and logs in $WORK (total ${SECONDS} s)"
exit 0
