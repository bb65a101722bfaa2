#!/usr/bin/env python3
"""Helper of bench/run.sh (standard library only): tokens, request specs, wrk Lua scripts, sanity checks,
a sequential-load loop, startup polling, /proc sampling, gateway metrics and the result table.

Every request spec is a JSON list of {"method", "path", "headers", "body"}; the same spec is turned into a
wrk Lua script (relative paths, so one script serves any host:port) and is used for the sanity checks.
"""
import base64
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ISSUER = "https://bench.local"
AUDIENCE = "cdr-gateway"
TENANT = "bench"
ANCHOR_DATE = "2026-03-25"  # the simulators' last day of data (bench/run.sh sets the same)
PARTNER_ID = "PA_SIMULATOR"
PARTNER_TOKEN = "sim-partner-token"

# --- GraphQL documents -----------------------------------------------------------------------------

CALL_QUERY = """query Call($uuid: ID!, $customerId: ID!) {
  call(uuid: $uuid, customerId: $customerId) {
    uuid customerId direction status callerNumber calleeNumber
    timing { startedAt answeredAt endedAt durationSeconds ringSeconds talkSeconds }
    billing { billableSeconds cost { amount currency } totalCost { amount currency } }
    hangup { cause rawCause meaning code name disposition source failureCode failureReason }
    quality { mos jitterMs packetLossPercent codec hasMedia lowMos highJitter highPacketLoss degraded }
    sip { callId userAgent networkAddress carrierIp }
    context region originationRegion campaignId trunkId
    customer { name }
  }
}"""

PAGE_QUERY = """query CustomerPage($id: ID!) {
  customer(id: $id) {
    calls(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        uuid direction status callerNumber calleeNumber
        timing { startedAt durationSeconds talkSeconds }
        billing { totalCost { amount currency } }
        hangup { cause meaning source }
        quality { mos jitterMs packetLossPercent degraded } } }
      summary { totalCalls answeredCalls answerRate averageCallDurationSeconds
        totalDurationSeconds billableSeconds totalCost { amount currency } lastCallAt }
    }
  }
}"""

BIG_QUERY = """query Window($id: ID!) {
  customer(id: $id) {
    calls(first: 500) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { uuid direction status timing { startedAt durationSeconds } billing { totalCost { amount currency } } } }
    }
  }
}"""

GLOBAL_QUERY = """query GlobalLog {
  calls(first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { uuid customerId direction status timing { startedAt durationSeconds } hangup { cause } } }
    summary { totalCalls answeredCalls answerRate }
  }
}"""


SERIES_QUERY = """query Series($id: ID!, $from: Date!, $to: Date!, $filter: CallFilter) {
  callTimeSeries(customerId: $id, granularity: DAY, fromDate: $from, toDate: $to, filter: $filter) {
    buckets { fromDate billableMinutes summary { totalCalls answeredCalls answerRate averageCallDurationSeconds
      totalCost { amount currency } } }
  }
}"""

LEADERBOARD_QUERY = """query Leaderboard($filter: CallFilter!) {
  leaderboard(metric: CALLS, filter: $filter, top: 10) {
    complete consideredCustomers
    entries { rank value customer { id name } summary { totalCalls answerRate totalCost { amount currency } } }
  }
}"""


# The generated Mesh gateway's schema (bench/mesh/openapi.yaml) is the upstream's, field for field: the page with 10
# fields a row, the paging block and the summary (one upstream call, as the summary comes with the page); the call
# with 17 fields. The closest equivalents of PAGE_QUERY and CALL_QUERY a generic gateway offers.
MESH_PAGE_QUERY = """query Page($auth: String!) {
  accountCdrs(auth_id: $auth, page: 1, per_page: 20) {
    pagination { page per_page total pages has_next }
    data { uuid call_direction caller_id_number destination_number start_time duration billsec total_cost currency
      hangup_cause }
    summary { totalCalls answeredCalls answerRate avgCallDuration total_duration_seconds total_billable_seconds
      total_cost last_call_at }
  }
}"""

MESH_CALL_QUERY = """query Call($auth: String!, $uuid: String!) {
  accountCdr(auth_id: $auth, uuid: $uuid) {
    data { uuid account_id call_direction caller_id_number destination_number start_time answer_time end_time
      duration billsec ring_time total_cost currency hangup_cause hangup_source mos codec }
  }
}"""


# --- small utilities -------------------------------------------------------------------------------

def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign_jwt(key_file: str, claims: dict) -> str:
    header = b64url(json.dumps({"alg": "RS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = b64url(json.dumps(claims, separators=(",", ":")).encode())
    signing_input = f"{header}.{payload}".encode()
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key_file], input=signing_input,
                               capture_output=True, check=True).stdout
    return f"{header}.{payload}.{b64url(signature)}"


def token(key_file: str, groups, customer_id=None) -> str:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": "bench-" + (customer_id or "partner"), "iat": now - 60,
              "exp": now + 10 * 365 * 24 * 3600, "tenant": TENANT, "groups": groups}
    if customer_id:
        claims["customer_id"] = customer_id
    return sign_jwt(key_file, claims)


def http_get_json(url: str, headers: dict):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def gql(token_value: str, query: str, variables=None) -> dict:
    return {"method": "POST", "path": "/graphql",
            "headers": {"Authorization": "Bearer " + token_value, "Content-Type": "application/json",
                        "Accept": "application/json"},
            "body": json.dumps({"query": query, "variables": variables or {}}, separators=(",", ":"))}


def apq_extensions(query: str) -> dict:
    return {"persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(query.encode()).hexdigest()}}


def gql_apq(token_value: str, query: str, variables: dict, register=False) -> dict:
    """An Automatic Persisted Query POST: the hash alone, or (register=True) the hash with the document."""
    body = {"extensions": apq_extensions(query), "variables": variables}
    if register:
        body["query"] = query
    return {"method": "POST", "path": "/graphql",
            "headers": {"Authorization": "Bearer " + token_value, "Content-Type": "application/json",
                        "Accept": "application/json"},
            "body": json.dumps(body, separators=(",", ":"))}


def gql_apq_get(token_value: str, query: str, variables: dict) -> dict:
    """An Automatic Persisted Query as Apollo's useGETForHashedQueries sends it: GET with the hash only."""
    params = urllib.parse.urlencode({"extensions": json.dumps(apq_extensions(query), separators=(",", ":")),
                                     "variables": json.dumps(variables, separators=(",", ":"))})
    return {"method": "GET", "path": "/graphql?" + params,
            "headers": {"Authorization": "Bearer " + token_value, "Accept": "application/json"}, "body": None}


def request_bytes(r: dict) -> int:
    """What a client sends per request, without headers common to every variant: request target plus body."""
    return len(r["path"].encode()) + (len(r["body"].encode()) if r["body"] is not None else 0)


def mesh_gql(auth_id: str, auth_token: str, query: str, variables: dict, expect: list) -> dict:
    """A GraphQL request to the Mesh gateway, which passes the caller's Vobiz pair through. `check` requires, for each
    [path, value] of `expect`, the answer's value at that path under "data" to equal value; an int value asks for a
    list of that many non-empty rows, True for any value that is not null, 0 or empty."""
    return {"method": "POST", "path": "/graphql",
            "headers": {"X-Auth-ID": auth_id, "X-Auth-Token": auth_token, "Content-Type": "application/json",
                        "Accept": "application/json"},
            "body": json.dumps({"query": query, "variables": variables}, separators=(",", ":")),
            "expect": expect}


def direct(path: str, auth_id: str, auth_token: str) -> dict:
    return {"method": "GET", "path": path, "headers": {"X-Auth-ID": auth_id, "X-Auth-Token": auth_token},
            "body": None}


def lua_string(value: str) -> str:
    level = "=" * 6
    assert f"]{level}]" not in value
    return f"[{level}[{value}]{level}]"


def write_lua(path: str, requests: list, mode: str) -> None:
    lines = ["-- generated by bench/bench.py; one request per wrk.format() entry",
             "local reqs = {}", "local n = 0", "local counter = 0", f'local mode = "{mode}"',
             "setup = function(thread) counter = counter + 1; thread:set('tid', counter) end",
             "init = function(args)",
             "  local t = {}"]
    for r in requests:
        headers = ", ".join(f"[ {lua_string(k)} ] = {lua_string(v)}" for k, v in r["headers"].items())
        body = lua_string(r["body"]) if r["body"] is not None else "nil"
        lines.append(f"  t[#t+1] = wrk.format({lua_string(r['method'])}, {lua_string(r['path'])}, {{{headers}}}, {body})")
    lines += ["  reqs = t",
              "  math.randomseed(os.time() * 1000 + (tonumber(tid) or 0) * 7919)",
              "  n = tonumber(tid) or 0",
              "end",
              "request = function()",
              "  if mode == 'alternate' then n = n + 1; return reqs[(n % #reqs) + 1] end",
              "  return reqs[math.random(#reqs)]",
              "end",
              "done = function(summary, latency, requests)",
              "  local e = summary.errors",
              "  io.write(string.format('WRKJSON {\"requests\":%d,\"duration_us\":%d,\"p50_us\":%.0f,\"p90_us\":%.0f,"
              "\"p99_us\":%.0f,\"mean_us\":%.1f,\"max_us\":%.0f,\"err_connect\":%d,\"err_read\":%d,\"err_write\":%d,"
              "\"err_status\":%d,\"err_timeout\":%d}\\n', summary.requests, summary.duration, latency:percentile(50),"
              " latency:percentile(90), latency:percentile(99), latency.mean, latency.max, e.connect, e.read, e.write,"
              " e.status, e.timeout))",
              "end"]
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


# --- subcommands -----------------------------------------------------------------------------------

def prepare(sim_url: str, key_file: str, out_dir: str) -> None:
    """Reads customers and calls from the simulator, signs tokens, writes every scenario's spec and Lua."""
    partner = {"X-Auth-ID": PARTNER_ID, "X-Auth-Token": PARTNER_TOKEN}
    accounts = http_get_json(f"{sim_url}/sim/api/v1/partner/accounts?page=1&per_page=100", partner)
    rows = accounts.get("data") or accounts.get("accounts") or accounts.get("objects") or accounts.get("items")
    if rows is None:
        rows = next(v for v in accounts.values() if isinstance(v, list))
    creds = {}
    for row in rows:
        auth_id = row.get("auth_id") or row.get("id")
        if row.get("auth_token"):
            creds[auth_id] = row["auth_token"]
    if "MA_SIM00001" not in creds or "MA_SIM00002" not in creds:
        sys.exit(f"simulator customer records lack auth tokens: {sorted(creds)[:5]}")
    # 200 call uuids of MA_SIM00001, read through the account API with its own pair
    uuids = []
    for page in (1, 2):
        listing = http_get_json(f"{sim_url}/sim/api/v1/Account/MA_SIM00001/cdr?page={page}&per_page=100",
                                {"X-Auth-ID": "MA_SIM00001", "X-Auth-Token": creds["MA_SIM00001"]})
        items = listing.get("data") or listing.get("objects") or listing.get("cdrs") or \
            next(v for v in listing.values() if isinstance(v, list))
        uuids += [i.get("call_uuid") or i.get("uuid") or i.get("call_id") for i in items]
    uuids = [u for u in uuids if u]
    if len(uuids) < 150:
        sys.exit(f"only {len(uuids)} call uuids found for MA_SIM00001")

    partner_jwt = token(key_file, ["partner-admin"])
    customer_jwts = {cid: token(key_file, ["customer"], cid) for cid in sorted(creds)}
    with open(os.path.join(out_dir, "tokens.json"), "w") as f:
        json.dump({"partner": partner_jwt, "customers": customer_jwts}, f)

    acct = lambda cid, rest: direct(f"/sim/api/v1/Account/{cid}/cdr{rest}", cid, creds[cid])
    specs = {
        # (1) lookup by uuid: partner user, customer MA_SIM00001 (has an own token -> account route)
        "s1_gw": ([gql(partner_jwt, CALL_QUERY, {"uuid": u, "customerId": "MA_SIM00001"}) for u in uuids], "random"),
        "s1_direct": ([acct("MA_SIM00001", "/" + u) for u in uuids], "random"),
        # (2)/(3) a customer user's 20-call page + summary; each request one of the account-route customers
        "s2_gw": ([gql(customer_jwts[c], PAGE_QUERY, {"id": c}) for c in sorted(creds)], "random"),
        "s2_direct": ([acct(c, "?page=1&per_page=20") for c in sorted(creds)], "random"),
        # (4) first: 500 of MA_SIM00001 (account route) = 5 upstream pages of 100
        "s4_gw": ([gql(partner_jwt, BIG_QUERY, {"id": "MA_SIM00001"})], "random"),
        "s4_direct1": ([acct("MA_SIM00001", "?page=1&per_page=100")], "random"),
        "s4_seq5": ([acct("MA_SIM00001", f"?page={p}&per_page=100") for p in range(1, 6)], "sequence"),
        # (5) customer user MA_SIM00002 and partner user alternating
        "s5_gw": ([gql(customer_jwts["MA_SIM00002"], PAGE_QUERY, {"id": "MA_SIM00002"}),
                   gql(partner_jwt, GLOBAL_QUERY)], "alternate"),
        # (2) with Automatic Persisted Queries: one registration, then the hash alone (POST and GET)
        "s2apq_reg": ([gql_apq(customer_jwts[c], PAGE_QUERY, {"id": c}, register=True) for c in sorted(creds)[:1]],
                      "random"),
        "s2apq_gw": ([gql_apq(customer_jwts[c], PAGE_QUERY, {"id": c}) for c in sorted(creds)], "random"),
        "s2apqget_gw": ([gql_apq_get(customer_jwts[c], PAGE_QUERY, {"id": c}) for c in sorted(creds)], "random"),
        # the generated Mesh gateway (issue 13's reference): the same two operations through its generated schema
        "m1_mesh": ([mesh_gql("MA_SIM00001", creds["MA_SIM00001"], MESH_CALL_QUERY, {"auth": "MA_SIM00001", "uuid": u},
                              [[["accountCdr", "data", "uuid"], u]]) for u in uuids], "random"),
        "m2_mesh": ([mesh_gql(c, creds[c], MESH_PAGE_QUERY, {"auth": c},
                              [[["accountCdrs", "data"], 20], [["accountCdrs", "summary", "totalCalls"], True],
                               [["accountCdrs", "pagination", "total"], True]])
                     for c in sorted(creds)], "random"),
        "s5_direct": ([acct("MA_SIM00002", "?page=1&per_page=20"),
                       direct("/sim/api/v1/partner/cdrs?page=1&per_page=20", PARTNER_ID, PARTNER_TOKEN)],
                      "alternate"),
    }
    # Issue 7 rows: 90 daily buckets of one customer, and a leaderboard over the 50 customers of the 50 ms simulator
    # (its own instance with simulator.customers=50). Each "cold" request is a set no earlier request has read; the
    # JIT warm-up uses other sets (other filters or windows), so "cold" means a cold cache in a warm JVM.
    from datetime import date, timedelta
    anchor = date.fromisoformat(ANCHOR_DATE)
    series_from, series_to = str(anchor - timedelta(days=89)), str(anchor)
    fifty = [f"MA_SIM{n:05d}" for n in range(1, 51)]
    series = lambda variant: [gql(partner_jwt, SERIES_QUERY, {"id": c, "from": series_from, "to": series_to,
                                                             "filter": variant}) for c in fifty]
    specs["ts_jit"] = (series({"direction": "INBOUND"}) + series({"minDurationSeconds": 5})
                       + series({"minDurationSeconds": 10}), "sequence")
    specs["ts_cold"] = (series({"direction": "OUTBOUND"}), "sequence")
    window = lambda k, extra: dict({"fromDate": str(anchor - timedelta(days=89 - k)),
                                    "toDate": str(anchor - timedelta(days=60 - k))}, **extra)
    specs["lb_jit"] = ([gql(partner_jwt, LEADERBOARD_QUERY, {"filter": window(k, {})}) for k in range(30)],
                       "sequence")
    specs["lb_cold"] = ([gql(partner_jwt, LEADERBOARD_QUERY, {"filter": window(k, {"direction": "OUTBOUND"})})
                         for k in range(20)], "sequence")
    sizes = {}
    for name, (requests, mode) in specs.items():
        sizes[name] = statistics.mean(request_bytes(r) for r in requests)
        with open(os.path.join(out_dir, name + ".json"), "w") as f:
            json.dump({"mode": mode, "requests": requests}, f)
        write_lua(os.path.join(out_dir, name + ".lua"), requests, mode)
    with open(os.path.join(out_dir, "request-bytes.json"), "w") as f:
        json.dump(sizes, f)
    print(f"prepared: {len(creds)} customers with own tokens, {len(uuids)} call uuids of MA_SIM00001")


def send(base_url: str, r: dict, timeout=30):
    data = r["body"].encode() if r["body"] is not None else None
    request = urllib.request.Request(base_url + r["path"], data=data, method=r["method"], headers=r["headers"])
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def check(base_url: str, spec_file: str) -> None:
    """Sends up to 5 distinct requests of a spec; fails unless every answer is 200 with data and no errors."""
    spec = json.load(open(spec_file))
    requests = spec["requests"]
    sample = requests if len(requests) <= 5 else [requests[i * len(requests) // 5] for i in range(5)]
    for r in sample:
        status, body = send(base_url, r)
        ok = status == 200
        if ok and r["path"] == "/graphql":
            doc = json.loads(body)
            ok = not doc.get("errors") and doc.get("data") and all(v is not None for v in doc["data"].values())
            for path, expected in r.get("expect", []) if ok else []:
                value = doc["data"]
                for key in path:
                    value = value.get(key) if isinstance(value, dict) else None
                if expected is True:
                    ok = ok and bool(value)
                elif isinstance(expected, int):
                    ok = ok and isinstance(value, list) and len(value) == expected and all(value)
                else:
                    ok = ok and value == expected
        if not ok:
            sys.exit(f"sanity check failed for {os.path.basename(spec_file)} {r['method']} {r['path']}: "
                     f"HTTP {status} {body[:400]!r}")


def seq(base_url: str, spec_file: str, warmup: float, duration: float) -> None:
    """Runs the spec's requests one after another on one keep-alive connection; one sample = the whole sequence."""
    import http.client
    from urllib.parse import urlparse
    spec = json.load(open(spec_file))
    url = urlparse(base_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    samples, errors = [], 0

    def one_sequence():
        nonlocal errors
        for r in spec["requests"]:
            conn.request(r["method"], r["path"], body=r["body"], headers=r["headers"])
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors += 1

    end_warm = time.monotonic() + warmup
    while time.monotonic() < end_warm:
        one_sequence()
    samples.clear()
    errors = 0
    start = time.monotonic()
    while time.monotonic() - start < duration:
        t0 = time.perf_counter()
        one_sequence()
        samples.append((time.perf_counter() - t0) * 1e6)
    elapsed = time.monotonic() - start
    samples.sort()
    pick = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))]
    print("WRKJSON " + json.dumps({"requests": len(samples), "duration_us": int(elapsed * 1e6),
                                   "p50_us": pick(0.5), "p90_us": pick(0.9), "p99_us": pick(0.99),
                                   "mean_us": statistics.mean(samples), "max_us": samples[-1],
                                   "err_connect": 0, "err_read": 0, "err_write": 0, "err_status": errors,
                                   "err_timeout": 0}))


def coldwarm(base_url: str, spec_file: str, warm_seconds: float, out_file: str, name: str) -> None:
    """Sends each request of the spec once, in order (each reads a set nothing read before: a cold cache), then
    repeats the first one for warm_seconds (now cached); records both latency distributions."""
    import http.client
    from urllib.parse import urlparse
    spec = json.load(open(spec_file))
    url = urlparse(base_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)

    def timed(r):
        t0 = time.perf_counter()
        conn.request(r["method"], r["path"], body=r["body"], headers=r["headers"])
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - t0) * 1e6
        doc = json.loads(body)
        if response.status != 200 or doc.get("errors") or not doc.get("data"):
            sys.exit(f"{name}: HTTP {response.status} {body[:300]!r}")
        return elapsed

    cold = sorted(timed(r) for r in spec["requests"])
    warm = []
    end = time.monotonic() + warm_seconds
    while time.monotonic() < end:
        warm.append(timed(spec["requests"][0]))
    warm.sort()
    pick = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))] if xs else None
    result = {"name": name, "cold_n": len(cold), "cold_p50_us": pick(cold, 0.5), "cold_p90_us": pick(cold, 0.9),
              "cold_max_us": cold[-1], "warm_n": len(warm), "warm_p50_us": pick(warm, 0.5),
              "warm_p99_us": pick(warm, 0.99)}
    with open(out_file, "a") as f:
        f.write(json.dumps(result) + "\n")
    print(f"  {name}: cold p50 {fmt_ms(result['cold_p50_us'])} (max {fmt_ms(result['cold_max_us'])}), "
          f"warm p50 {fmt_ms(result['warm_p50_us'])}", flush=True)


def startup(base_url: str, spec_file: str, t0_ns: int, timeout_s: float) -> None:
    """Polls one GraphQL request every 10 ms until it answers 200 with data; prints ms since t0_ns."""
    r = json.load(open(spec_file))["requests"][0]
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        try:
            status, body = send(base_url, r, timeout=5)
            if status == 200:
                doc = json.loads(body)
                if doc.get("data") and not doc.get("errors"):
                    print((time.time_ns() - t0_ns) / 1e6)
                    return
        except (OSError, ValueError):
            pass
        time.sleep(0.01)
    sys.exit("gateway did not answer a GraphQL request in time")


def cpu_ticks(pid: str) -> None:
    """Prints the process's utime+stime and, separately, that of its JIT compiler threads (C1/C2)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    total = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    jit = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            comm = open(f"/proc/{pid}/task/{task}/comm").read()
            if "Compiler" in comm:
                t = open(f"/proc/{pid}/task/{task}/stat").read().rsplit(")", 1)[1].split()
                jit += int(t[11]) + int(t[12])
        except OSError:
            pass
    print(f"{total} {jit}")


def status_kb(pid: str, key: str) -> int:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def rss(pid: str) -> None:
    print(json.dumps({"rss_kb": status_kb(pid, "VmRSS"), "hwm_kb": status_kb(pid, "VmHWM")}))


def rsspoll(pid: str, out_file: str) -> None:
    """Samples VmRSS every 100 ms while the process lives; keeps the max (and VmHWM) in out_file."""
    peak = 0
    while True:
        try:
            peak = max(peak, status_kb(pid, "VmRSS"))
            hwm = status_kb(pid, "VmHWM")
        except OSError:
            return
        with open(out_file + ".tmp", "w") as f:
            json.dump({"peak_rss_kb": peak, "hwm_kb": hwm}, f)
        os.replace(out_file + ".tmp", out_file)
        time.sleep(0.1)


def metrics(base_url: str) -> None:
    """Gateway counters: upstream requests (all endpoints, attempts), GraphQL operations by outcome, and the JVM's
    allocation counter (Micrometer's jvm_gc_memory_allocated_bytes_total, advanced at each young GC by what the young
    generation held) with the young generation's current occupancy (jvm_memory_used_bytes of the Eden pool)."""
    text = urllib.request.urlopen(base_url + "/q/metrics", timeout=10).read().decode()
    upstream, by_endpoint, ops = 0.0, {}, {}
    allocated, eden = None, 0.0
    for line in text.splitlines():
        if line.startswith("jvm_gc_memory_allocated_bytes_total"):
            allocated = float(line.rsplit("}", 1)[-1].split()[0] if "}" in line else line.split()[1])
        elif line.startswith("jvm_memory_used_bytes{") and "Eden Space" in line:
            eden += float(line.split("} ", 1)[1].split()[0])
        if line.startswith("gateway_upstream_requests_seconds_count{"):
            value = float(line.split("} ", 1)[1].split()[0])  # value, then maybe an exemplar
            upstream += value
            endpoint = line.split('endpoint="', 1)[1].split('"', 1)[0]
            by_endpoint[endpoint] = by_endpoint.get(endpoint, 0) + value
        elif line.startswith("gateway_graphql_operations_seconds_count{"):
            outcome = line.split('outcome="', 1)[1].split('"', 1)[0] if 'outcome="' in line else "?"
            ops[outcome] = ops.get(outcome, 0) + float(line.split("} ", 1)[1].split()[0])
    print(json.dumps({"upstream": upstream, "by_endpoint": by_endpoint, "ops": ops, "allocated": allocated,
                      "eden": eden}))


def record(out_file: str, name: str, wrk_out: str, extra_json: str) -> None:
    line = next((l for l in open(wrk_out) if l.startswith("WRKJSON ")), None)
    if line is None:
        sys.exit(f"no result from load run {name}: {open(wrk_out).read()[-2000:]}")
    result = json.loads(line[len("WRKJSON "):])
    result.update(json.loads(extra_json))
    result["name"] = name
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6) if result["duration_us"] else 0
    errors = sum(result[k] for k in ("err_connect", "err_read", "err_write", "err_status", "err_timeout"))
    result["errors"] = errors
    with open(out_file, "a") as f:
        f.write(json.dumps(result) + "\n")
    print(f"  {name}: {result['rps']:.0f} req/s, p50 {result['p50_us'] / 1000:.2f} ms, "
          f"p99 {result['p99_us'] / 1000:.2f} ms, errors {errors}", flush=True)


def delta(before_json: str, after_json: str) -> None:
    """Prints the difference of two `metrics` outputs."""
    b, a = json.loads(before_json), json.loads(after_json)
    ops_b, ops_a = b["ops"], a["ops"]
    ok = ops_a.get("ok", 0) - ops_b.get("ok", 0)
    not_ok = sum(v for k, v in ops_a.items() if k != "ok") - sum(v for k, v in ops_b.items() if k != "ok")
    endpoints = {k: a["by_endpoint"].get(k, 0) - b["by_endpoint"].get(k, 0) for k in a["by_endpoint"]}
    result = {"upstream_calls": a["upstream"] - b["upstream"], "ops_ok": ok, "ops_not_ok": not_ok,
              "by_endpoint": {k: v for k, v in endpoints.items() if v}}
    if a.get("allocated") is not None and b.get("allocated") is not None:
        # The counter includes, at the first young GC of the window, what was allocated before the window (the Eden
        # occupancy at its start) and leaves out what was allocated after the last GC (the occupancy at its end).
        result["alloc_bytes"] = a["allocated"] - b["allocated"] + a["eden"] - b["eden"]
    print(json.dumps(result))


# --- profiling (PROFILE=<scenario>) ----------------------------------------------------------------

PROFILE_PACKAGES = ("dev.cdrgateway.", "graphql.", "io.smallrye.", "io.quarkus.", "io.vertx.", "com.fasterxml.",
                    "jakarta.", "org.eclipse.parsson.")


def jfc(out_file: str) -> None:
    """Writes the JDK's `profile` JFR settings with allocation statistics per thread every second (for the
    allocation cross-check) and a denser allocation sample; method sampling stays at 10 ms."""
    import re
    import shutil
    java_home = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which("java"))))
    text = open(os.path.join(java_home, "lib", "jfr", "profile.jfc")).read()

    def setting(event, name, value):
        nonlocal text
        pattern = re.compile(r'(<event name="' + re.escape(event) + r'">.*?<setting name="' + name
                             + r'"[^>]*>)[^<]*(</setting>)', re.S)
        text, n = pattern.subn(lambda m: m.group(1) + value + m.group(2), text, count=1)
        if n != 1:
            sys.exit(f"profile.jfc has no {event} {name} setting")
    setting("jdk.ExecutionSample", "period", "10 ms")
    setting("jdk.ObjectAllocationSample", "throttle", "1000/s")
    setting("jdk.ThreadAllocationStatistics", "period", "1 s")
    with open(out_file, "w") as f:
        f.write(text)


def jfr_tool() -> str:
    """The `jfr` tool of the JDK that runs the gateway (JDK 17 reads its own recordings)."""
    import shutil
    java_home = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which("java"))))
    tool = os.path.join(java_home, "bin", "jfr")
    return tool if os.path.exists(tool) else (shutil.which("jfr") or "jfr")


def jfr_events(jfr_file: str, event: str):
    """Yields (fields, frames) per event of `jfr print` text output: the event's scalar fields as strings and its
    stack frames leaf first, each "pkg.Class.method(Args) line: N" (up to 256 frames)."""
    proc = subprocess.Popen([jfr_tool(), "print", "--stack-depth", "256", "--events", event, jfr_file],
                            stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
    fields, frames, in_stack = {}, [], False
    for line in proc.stdout:
        line = line.rstrip("\n")
        if line.endswith("{") and not line.startswith(" "):
            fields, frames, in_stack = {}, [], False
        elif line == "}":
            yield fields, frames
        elif line.startswith("  stackTrace = ["):
            in_stack = True
        elif in_stack:
            if line.strip() == "]":
                in_stack = False
            elif line.strip() != "...":
                frames.append(line.strip())
        elif " = " in line:
            k, v = line.strip().split(" = ", 1)
            fields[k] = v
    if proc.wait() != 0:
        sys.exit(f"jfr print failed for {jfr_file}")


def frame_method(frame: str) -> str:
    return frame.split("(", 1)[0]


def frame_site(frame: str) -> str:
    method = frame_method(frame)
    return method + (":" + frame.rsplit("line: ", 1)[1] if "line: " in frame else "")


def parse_bytes(value: str) -> float:
    number, unit = value.split()[:2]
    scale = {"bytes": 1, "byte": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3, "TB": 1024 ** 4}[unit]
    return float(number) * scale


def jfr_allocated(jfr_file: str) -> float:
    """Bytes allocated by all threads over the recording, from jdk.ThreadAllocationStatistics (each thread's
    cumulative count, sampled every second and at the recording's start and end): sum of last - first."""
    out = subprocess.run([jfr_tool(), "print", "--json", "--events", "jdk.ThreadAllocationStatistics", jfr_file],
                         capture_output=True, text=True, check=True).stdout
    per_thread = {}
    for e in json.loads(out)["recording"]["events"]:
        v = e["values"]
        thread = v["thread"]["javaThreadId"] if v.get("thread") else None
        lo, hi = per_thread.get(thread, (v["allocated"], v["allocated"]))
        per_thread[thread] = (min(lo, v["allocated"]), max(hi, v["allocated"]))
    return float(sum(hi - lo for lo, hi in per_thread.values()))


def profile(jfr_file: str, prefix: str, row_json: str) -> None:
    """Text summaries of a recording of one measured run: <prefix>-cpu.txt and <prefix>-alloc.txt."""
    from collections import Counter
    row = json.loads(row_json)
    requests = row.get("requests") or 0
    head = (f"# {os.path.basename(prefix)}: JFR of the measured run `{row.get('name')}` ({requests} requests, "
            f"{row.get('rps', 0):.0f} req/s, CPU {row.get('cpu_ms_per_req', 0):.3f} ms/req with JFR on)\n"
            f"# recording: {jfr_file}\n")

    self_counts, inclusive, by_package, states = Counter(), Counter(), Counter(), Counter()
    samples = 0
    for fields, frames in jfr_events(jfr_file, "jdk.ExecutionSample"):
        if not frames:
            continue
        samples += 1
        self_counts[frame_method(frames[0])] += 1
        seen = {frame_method(f) for f in frames}
        for m in seen:
            if m.startswith(PROFILE_PACKAGES):
                inclusive[m] += 1
        for p in PROFILE_PACKAGES:
            if any(m.startswith(p) for m in seen):
                by_package[p] += 1
        states[fields.get("sampledThread", "?").split('"')[1] if '"' in fields.get("sampledThread", "") else "?"] += 1
    pct = lambda n: 100.0 * n / samples if samples else 0.0
    out = [head, f"Execution samples (every 10 ms per running Java thread): {samples}", ""]
    out.append("## Top 40 frames by self samples (the method on top of the stack)")
    out.append(f"{'samples':>8} {'%':>6}  method")
    for m, n in self_counts.most_common(40):
        out.append(f"{n:8d} {pct(n):6.1f}  {m}")
    out += ["", "## Samples whose stack contains a package (inclusive)", f"{'samples':>8} {'%':>6}  package"]
    for p in PROFILE_PACKAGES:
        out.append(f"{by_package[p]:8d} {pct(by_package[p]):6.1f}  {p.rstrip('.')}")
    out += ["", "## Top 40 frames by inclusive samples (stack contains), packages: "
            + ", ".join(p.rstrip(".") for p in PROFILE_PACKAGES), f"{'samples':>8} {'%':>6}  method"]
    for m, n in inclusive.most_common(40):
        out.append(f"{n:8d} {pct(n):6.1f}  {m}")
    out += ["", "## Samples by thread (top 10)", f"{'samples':>8} {'%':>6}  thread"]
    for t, n in states.most_common(10):
        out.append(f"{n:8d} {pct(n):6.1f}  {t}")
    with open(prefix + "-cpu.txt", "w") as f:
        f.write("\n".join(out) + "\n")

    sites, classes, app_sites = Counter(), Counter(), Counter()
    total, count = 0.0, 0
    # A thread's first sample weighs everything it allocated since it started (there is no earlier sample to count
    # from), far more than the recording's own allocation: each thread's first sample is left out.
    events = sorted(((fields.get("eventThread", "?"), fields.get("startTime", ""), n), fields, frames)
                    for n, (fields, frames) in enumerate(jfr_events(jfr_file, "jdk.ObjectAllocationSample")))
    first = {}
    for (thread, start, _), _f, _s in events:
        first.setdefault(thread, start)
    for (thread, start, _), fields, frames in events:
        if first.get(thread) == start:
            first[thread] = None  # only one sample dropped per thread
            continue
        weight = parse_bytes(fields.get("weight", "0 bytes"))
        total += weight
        count += 1
        classes[fields.get("objectClass", "?").split(" (classLoader", 1)[0]] += weight
        if frames:
            sites[frame_site(frames[0])] += weight
            app = next((f for f in frames if frame_method(f).startswith(PROFILE_PACKAGES)), None)
            app_sites[frame_site(app) if app else "(no frame in the listed packages)"] += weight
    mb = lambda b: b / 1024 / 1024
    share = lambda b: 100.0 * b / total if total else 0.0
    thread_total = jfr_allocated(jfr_file)
    out = [head, f"Allocation samples: {count}, total weight {mb(total):.1f} MB "
           f"({total / 1024 / requests:.0f} KB/req)" if requests else f"Allocation samples: {count}",
           f"Allocated per jdk.ThreadAllocationStatistics over the recording: {mb(thread_total):.1f} MB"
           + (f" ({thread_total / 1024 / requests:.0f} KB/req)" if requests else ""),
           f"Allocated per Micrometer (jvm_gc_memory_allocated_bytes_total + Eden change) over the measured run: "
           + (f"{mb(row['alloc_bytes']):.1f} MB ({row['alloc_kb_per_req']:.0f} KB/req)" if "alloc_bytes" in row
              and requests else "–"), ""]
    out += ["## Top 30 allocation sites by weight (top frame)", f"{'MB':>9} {'%':>6}  site"]
    for site, w in sites.most_common(30):
        out.append(f"{mb(w):9.1f} {share(w):6.1f}  {site}")
    out += ["", "## Top 30 allocation sites by weight (first frame in the listed packages)", f"{'MB':>9} {'%':>6}  site"]
    for site, w in app_sites.most_common(30):
        out.append(f"{mb(w):9.1f} {share(w):6.1f}  {site}")
    out += ["", "## Top 30 allocated classes by weight", f"{'MB':>9} {'%':>6}  class"]
    for c, w in classes.most_common(30):
        out.append(f"{mb(w):9.1f} {share(w):6.1f}  {c}")
    with open(prefix + "-alloc.txt", "w") as f:
        f.write("\n".join(out) + "\n")
    print(f"  profile: {prefix}-cpu.txt ({samples} samples), {prefix}-alloc.txt ({count} samples)", flush=True)


def row_of(results_file: str, name: str) -> None:
    """Prints the recorded result of one row (JSON)."""
    row = None
    for line in open(results_file):
        r = json.loads(line)
        if r["name"] == name:
            row = r
    print(json.dumps(row or {}))


def fmt_ms(us):
    return "–" if us is None else f"{us / 1000:.2f} ms"


def table(results_file: str, facts_file: str, out_file: str) -> None:
    results = {}
    for line in open(results_file):
        r = json.loads(line)
        results[r["name"]] = r
    facts = json.load(open(facts_file))
    rows = [
        ("1. call by uuid, cache off, 1 conn (account route, MA_SIM00001)", "s1_c1", "d1_c1"),
        ("1. call by uuid, cache off, 8 conn", "s1_c8", "d1_c8"),
        ("1. same, 1 conn, per-request INFO log on", "s1log_c1", "d1_c1"),
        ("1. same, 8 conn, per-request INFO log on", "s1log_c8", "d1_c8"),
        ("2. customer 20-call page + summary, cache off, 1 conn", "s2_c1", "d2_c1"),
        ("2. customer 20-call page + summary, cache off, 8 conn", "s2_c8", "d2_c8"),
        ("2. same as an Automatic Persisted Query: POST with the hash only, 8 conn", "s2apq_c8", "d2_c8"),
        ("2. same as an Automatic Persisted Query: GET with the hash only, 8 conn", "s2apqget_c8", "d2_c8"),
        ("3. same, cache on (warm), 8 conn", "s3_c8", "d2_c8"),
        ("4. first: 500 (5 pages), 50 ms upstream, 1 conn vs 5 sequential direct", "s4_c1", "d4seq_c1"),
        ("4. first: 500 (5 pages), 50 ms upstream, 1 conn vs 1 direct call", "s4_c1", "d4one_c1"),
        ("5. customer + partner users 50/50, cache off, 8 conn", "s5_c8", "d5_c8"),
        ("generated Mesh gateway: 1. call by uuid (17 fields), 8 conn", "mesh1_c8", "d1_c8"),
        ("generated Mesh gateway: 2. 20-call page (10 fields a row) + summary, 8 conn", "mesh2_c8", "d2_c8"),
        ("20 ms upstream, 64 conn (scenario 2 query)", "l20_c64", "dl20_c64"),
        ("20 ms upstream, 64 conn, tenant-concurrency=64 (diagnostic)", "l20tc_c64", "dl20_c64"),
    ]
    out = ["| scenario | gateway req/s | p50 | p99 | CPU ms/req | alloc KB/req | direct req/s | direct p50 | ratio | upstream calls/req | of CPU: JIT ms/req | gateway CPU ÷ Mesh CPU |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    mesh_of = {"s1_c8": "mesh1_c8", "s2_c8": "mesh2_c8", "s2apq_c8": "mesh2_c8", "s2apqget_c8": "mesh2_c8"}
    for label, g, d in rows:
        gr, dr = results.get(g), results.get(d)
        if gr is None:
            continue
        ratio = f"{gr['rps'] / dr['rps']:.2f}" if dr and dr["rps"] else "–"
        if g == "s4_c1" and dr:
            ratio = f"{gr['p50_us'] / dr['p50_us']:.2f} (p50)"
        errs = f" ⚠ {gr['errors']} errors" if gr["errors"] else ""
        if gr.get("profiled"):
            errs += " (JFR on)"
        if gr.get("ops_not_ok"):
            errs += f" ⚠ {gr['ops_not_ok']:.0f} GraphQL non-ok"
        upstream = f"{gr['upstream_calls'] / gr['requests']:.2f}" if gr.get("requests") and "upstream_calls" in gr else "–"
        upstream += f" | {gr['jit_ms_per_req']:.3f}" if "jit_ms_per_req" in gr else " | –"
        mr = results.get(mesh_of.get(g))
        upstream += (f" | {gr['cpu_ms_per_req'] / mr['cpu_ms_per_req']:.2f}" if mr and mr.get("cpu_ms_per_req")
                     else " | –")
        alloc = f"{gr['alloc_kb_per_req']:.0f}" if "alloc_kb_per_req" in gr else "–"
        out.append(f"| {label}{errs} | {gr['rps']:.0f} | {fmt_ms(gr['p50_us'])} | {fmt_ms(gr['p99_us'])} | "
                   f"{gr['cpu_ms_per_req']:.3f} | {alloc} | {dr['rps']:.0f} | {fmt_ms(dr['p50_us'])} | {ratio} | {upstream} |"
                   if dr else
                   f"| {label}{errs} | {gr['rps']:.0f} | {fmt_ms(gr['p50_us'])} | {fmt_ms(gr['p99_us'])} | "
                   f"{gr['cpu_ms_per_req']:.3f} | {alloc} | – | – | – | {upstream} |")
    out.append("")
    out.append("Ratio = gateway req/s ÷ direct req/s at the same connection count (scenario 4: gateway p50 ÷ direct p50). "
               "Upstream calls/req from the gateway's `gateway_upstream_requests_seconds_count` delta. "
               "JIT ms/req: the part of CPU ms/req spent in the JVM's C1/C2 compiler threads (still compiling = not warm). "
               "Alloc KB/req: heap bytes the gateway JVM allocated during the measured run ÷ requests (Micrometer's "
               "`jvm_gc_memory_allocated_bytes_total` delta corrected by the Eden occupancy change). "
               "Mesh rows: one Node process (`@graphql-mesh/cli` 0.103.2, OpenAPI handler, bench/mesh/), CPU from /proc "
               "as for the gateway; gateway CPU ÷ Mesh CPU compares the 8-connection rows of the same operation.")
    out.append("")
    sizes = facts.get("request_bytes", {})
    if sizes and "s2apq_c8" in results:
        out.append("Persisted queries (scenario 2 query, cache off, 8 connections): bytes a client sends per request "
                   "(request target + body; headers are the same for all three) and gateway cost:")
        out.append("")
        out.append("| variant | request bytes | CPU ms/req | p50 |")
        out.append("|---|---:|---:|---:|")
        for label, spec, row in (("full query (POST)", "s2_gw", "s2_c8"), ("APQ hash only (POST)", "s2apq_gw", "s2apq_c8"),
                                 ("APQ hash only (GET)", "s2apqget_gw", "s2apqget_c8")):
            r = results.get(row)
            if r and spec in sizes:
                out.append(f"| {label} | {sizes[spec]:.0f} | {r['cpu_ms_per_req']:.3f} | {fmt_ms(r['p50_us'])} |")
        out.append("")
    analytics = [results[n] for n in ("ts", "lb") if n in results]
    if analytics:
        out.append("Dashboard analytics, 50 ms upstream latency, cache on, one connection (target: cold under 10 × 50 ms "
                   "= 500 ms, warm under 20 ms):")
        out.append("")
        out.append("| query | cold p50 | cold p90 | cold max | cold requests | warm p50 | warm p99 |")
        out.append("|---|---:|---:|---:|---:|---:|---:|")
        labels = {"ts": "time series, 90 daily buckets (one customer)", "lb": "leaderboard over 50 customers, top 10"}
        for r in analytics:
            out.append(f"| {labels[r['name']]} | {fmt_ms(r['cold_p50_us'])} | {fmt_ms(r['cold_p90_us'])} | "
                       f"{fmt_ms(r['cold_max_us'])} | {r['cold_n']} | {fmt_ms(r['warm_p50_us'])} | "
                       f"{fmt_ms(r['warm_p99_us'])} |")
        out.append("")
    s = [x for x in facts["startups"] if x["instance"] not in ("S", "T")]
    cds = [x for x in facts["startups"] if x["instance"] == "S"]
    first = s[0]
    out.append(f"- **Startup (6)**: process start → first successful GraphQL response (a real `call(uuid)` lookup): "
               f"**{first['first_response_ms']:.0f} ms** on the first gateway start "
               f"(Quarkus \"started in\" {first.get('quarkus_started', '?')} s); all {len(s)} gateway starts: "
               + ", ".join(f"{x['first_response_ms']:.0f}" for x in s) + " ms")
    if cds:
        out.append(f"- **Startup with AppCDS** (a JDK dynamic archive written by a training start with the same "
                   f"options, `-XX:ArchiveClassesAtExit`, then `-XX:SharedArchiveFile -Xshare:on`): first GraphQL response after "
                   f"**{cds[0]['first_response_ms']:.0f} ms** (Quarkus \"started in\" {cds[0].get('quarkus_started', '?')} s)")
    out.append(f"- **Idle RSS** right after that first response: {first['idle_rss_kb'] / 1024:.0f} MB "
               f"(after 2 s idle: {first['idle2_rss_kb'] / 1024:.0f} MB)")
    mesh = next((p for p in facts["peaks"] if p["instance"] == "mesh"), None)
    peaks = [p for p in facts["peaks"] if p["instance"] not in ("S", "T", "mesh")]
    worst = max(peaks, key=lambda p: p["peak_rss_kb"])
    out.append(f"- **Peak RSS** of the gateway under load: **{worst['peak_rss_kb'] / 1024:.0f} MB** "
               f"(VmHWM {worst['hwm_kb'] / 1024:.0f} MB, instance `{worst['instance']}`); per instance: "
               + ", ".join(f"{p['instance']} {p['peak_rss_kb'] / 1024:.0f}" for p in peaks) + " MB")
    if mesh:
        out.append(f"- **Generated Mesh gateway** (Node, one process): first GraphQL answer "
                   f"{mesh['first_response_ms']:.0f} ms after exec; peak RSS **{mesh['peak_rss_kb'] / 1024:.0f} MB** "
                   f"(VmHWM {mesh['hwm_kb'] / 1024:.0f} MB)")
    if facts.get("quick"):
        out.append("- **QUICK=1 run**: no-latency simulator, gateways A and B only (scenarios 1–3) and the Mesh rows; "
                   "not a run for RESULTS.md")
    out.append(f"- wrk {facts['wrk_seconds']} s measured after {facts['warmup_seconds']} s warm-up per row; "
               f"after {facts.get('jit_warmup', '?')} s of untimed JIT warm-up load per query on each gateway start; "
               f"127.0.0.1 only; gateway = prod profile, real OIDC (RS256), JVM options "
               f"`{facts.get('java_opts') or 'none (defaults)'}`; "
               f"per-request INFO log line off (`dev.cdrgateway.ops.AccessLog` at WARN) except the \"INFO log on\" rows; "
               f"{facts['nproc']} cores shared by wrk, gateway and simulator; {facts['date']}")
    text = "\n".join(out) + "\n"
    with open(out_file, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"prepare": prepare, "check": check, "seq": lambda u, s, w, d: seq(u, s, float(w), float(d)),
     "startup": lambda u, s, t, to: startup(u, s, int(t), float(to)), "cpu": cpu_ticks, "rss": rss,
     "rsspoll": rsspoll, "metrics": metrics, "record": record, "delta": delta, "table": table,
     "coldwarm": lambda u, s, w, o, n: coldwarm(u, s, float(w), o, n), "jfc": jfc, "profile": profile,
     "row": row_of}[command](*args)
