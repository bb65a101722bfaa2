#!/usr/bin/env bash
# Startup and memory of the packaged gateway on Java 17 and Java 25, with and without their class-loading caches.
# See bench/README.md ("Startup: Java 17 vs Java 25"). Usage: bench/startup.sh (after ./mvnw package -DskipTests)
# Env: STARTS=3 (starts per variant), LOAD_SECONDS=10 (load after the first answer, for the RSS under load),
#      JAVA25_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
HELPER="$BENCH_DIR/bench.py"
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
STARTS="${STARTS:-3}"
LOAD_SECONDS="${LOAD_SECONDS:-10}"
JAVA17="$(command -v java)"
JAVA25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
# the production container's options (see bench/README.md)
OPTS="-XX:MaxRAM=768m -XX:MaxRAMPercentage=60 -XX:+UseG1GC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=12"
SIM_PORT=19131; GW_PORT=19132
WORK="$(mktemp -d /tmp/cdr-gateway-startup.XXXXXX)"
PIDS=()

log() { printf '[startup %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
cleanup() { for p in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

[[ -f "$JAR" ]] || die "no $JAR: run ./mvnw package -DskipTests first"
[[ -x "$JAVA25" ]] || die "no Java 25 at $JAVA25 (set JAVA25_HOME)"
command -v wrk >/dev/null || die "wrk is missing (bench/run.sh installs it)"

log "simulator on :$SIM_PORT"
java -Dquarkus.profile=demo -Dquarkus.http.port=$SIM_PORT -Dsimulator.anchor-date=2026-03-25 -Dsimulator.latency=PT0S \
  -jar "$JAR" >"$WORK/sim.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null -H "X-Auth-ID: PA_SIMULATOR" -H "X-Auth-Token: sim-partner-token" \
    "http://127.0.0.1:$SIM_PORT/sim/api/v1/partner/accounts?page=1&per_page=1" 2>/dev/null && break
  sleep 0.2
done
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$WORK/key.pem" -pubout -outform DER | base64 | tr -d '\n')
python3 "$HELPER" prepare "http://127.0.0.1:$SIM_PORT" "$WORK/key.pem" "$WORK" >&2

# start VARIANT JAVA [extra options...]: one start; appends a JSON line to $WORK/starts.jsonl
start() {
  local variant=$1 java=$2; shift 2
  local t0; t0=$(date +%s%N)
  # shellcheck disable=SC2086 # OPTS is a list of options
  "$java" $OPTS "$@" -Dquarkus.http.port=$GW_PORT -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.oidc.public-key="$PUBLIC_KEY" -Dquarkus.oidc.token.issuer=https://bench.local \
    -Dgateway.tenants.bench.partner.auth-id=PA_SIMULATOR -Dgateway.tenants.bench.partner.auth-token=sim-partner-token \
    -Dquarkus.rest-client.vobiz-partner.url="http://127.0.0.1:$SIM_PORT/sim" \
    -Dquarkus.rest-client.vobiz-account.url="http://127.0.0.1:$SIM_PORT/sim" \
    -Dgateway.cursor-secret=bench-cursor-secret-0123456789abc -Dgateway.cache.enabled=false \
    -Dquarkus.log.console.json.enabled=false -Dquarkus.log.category.\"dev.cdrgateway.ops.AccessLog\".level=WARN \
    -Dquarkus.shutdown.delay-enabled=false -jar "$JAR" >"$WORK/gw-$variant.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  local first; first=$(python3 "$HELPER" startup "http://127.0.0.1:$GW_PORT" "$WORK/s1_gw.json" "$t0" 90) \
    || { tail -20 "$WORK/gw-$variant.log" >&2; die "$variant did not answer"; }
  local idle; idle=$(python3 "$HELPER" rss "$pid")
  python3 "$HELPER" rsspoll "$pid" "$WORK/rss-$variant.json" &
  local poller=$!
  wrk -t2 -c8 -d"${LOAD_SECONDS}s" -s "$WORK/s2_gw.lua" "http://127.0.0.1:$GW_PORT" >/dev/null 2>&1 || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  wait "$poller" 2>/dev/null || true
  python3 - "$variant" "$first" "$idle" "$WORK/rss-$variant.json" >>"$WORK/starts.jsonl" <<'EOF'
import json, sys
variant, first, idle, peak = sys.argv[1], float(sys.argv[2]), json.loads(sys.argv[3]), json.load(open(sys.argv[4]))
print(json.dumps({"variant": variant, "first_ms": first, "idle_rss_kb": idle["rss_kb"], "peak_rss_kb": peak["peak_rss_kb"]}))
EOF
  log "$variant: first answer after $(printf '%.0f' "$first") ms"
}

# training runs: the same options, one request and LOAD_SECONDS of load, then a clean exit writes the archive
train() {
  local variant=$1 java=$2; shift 2
  log "training $variant"
  start "train-$variant" "$java" "$@"
}

CDS="$WORK/app-cds.jsa"; AOT="$WORK/app.aot"
train jdk17-appcds "$JAVA17" -XX:ArchiveClassesAtExit="$CDS"
train jdk25-aot "$JAVA25" -XX:+UseCompactObjectHeaders -XX:AOTCacheOutput="$AOT"
[[ -f "$CDS" ]] || die "no AppCDS archive written"
[[ -f "$AOT" ]] || die "no AOT cache written"
for i in $(seq 1 "$STARTS"); do
  start jdk17 "$JAVA17"
  start jdk17-appcds "$JAVA17" -XX:SharedArchiveFile="$CDS" -Xshare:on
  start jdk25 "$JAVA25"
  start jdk25-coh "$JAVA25" -XX:+UseCompactObjectHeaders
  start jdk25-aot "$JAVA25" -XX:+UseCompactObjectHeaders -XX:AOTCache="$AOT"
done

python3 - "$WORK/starts.jsonl" "$("$JAVA17" -version 2>&1 | head -1)" "$("$JAVA25" -version 2>&1 | head -1)" \
  "$(ls -l "$CDS" | awk '{print $5}')" "$(ls -l "$AOT" | awk '{print $5}')" <<'EOF' | tee "$BENCH_DIR/startup-last-run.md"
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if not json.loads(l)["variant"].startswith("train-")]
print(f"Java 17: `{sys.argv[2]}`; Java 25: `{sys.argv[3]}`; AppCDS archive {int(sys.argv[4]) // 1048576} MiB, "
      f"AOT cache {int(sys.argv[5]) // 1048576} MiB\n")
print("| variant | starts | first answer ms (median, min–max) | RSS after first answer MiB (median) | peak RSS under load MiB (median) |")
print("|---|---:|---|---:|---:|")
for v in ["jdk17", "jdk17-appcds", "jdk25", "jdk25-coh", "jdk25-aot"]:
    r = [x for x in rows if x["variant"] == v]
    if not r:
        continue
    f = [x["first_ms"] for x in r]
    print(f"| {v} | {len(r)} | {statistics.median(f):.0f} ({min(f):.0f}–{max(f):.0f}) | "
          f"{statistics.median(x['idle_rss_kb'] for x in r) / 1024:.0f} | {statistics.median(x['peak_rss_kb'] for x in r) / 1024:.0f} |")
EOF
log "raw results in $WORK"
