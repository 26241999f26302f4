#!/usr/bin/env bash
# HTTP load benchmark: Warden (SQLite, PostgreSQL) vs moto, signed GetUser and a denied call,
# 1 and 32 keep-alive connections. Server pinned to core 0, wrk to core 1. See
# docs/performance-http.md for the method and the figures.
#
#   bench/http/run.sh                 # build, run everything, print a table
#   DURATION=15 bench/http/run.sh     # measured seconds per run (default 10; warm-up 3 s)
#   SKIP_BUILD=1 SKIP_MOTO=1 SKIP_POSTGRES=1 SKIP_CEILING=1 bench/http/run.sh
# The "ceiling" rows serve a fixed 403 with the same HTTP stack and nothing else
# (crates/warden-server/examples/http_ceiling.rs): the most any handler can do here.
#
# Needs: wrk (apt-get install -y wrk), python3 with boto3 and moto[server] (moto_server),
# taskset, and for the PostgreSQL rows psql + a server at 127.0.0.1:5432 (user postgres).
# Every server and database it creates is removed on exit (trap). Traffic: 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"

DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
CONNS="${CONNS:-1 32}"
SERVER_CPU="${SERVER_CPU:-0}"
CLIENT_CPU="${CLIENT_CPU:-1}"
ROOT_KEY="AKIABENCHROOT00000001"
ROOT_SECRET="benchbenchbenchbenchbenchbenchbenchbench" # 40 chars, throw-away (dev mode)
ACCOUNT="123456789012"

for tool in wrk taskset python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

work="$(mktemp -d -t warden-loadbench-XXXXXX)"
results="$work/results.tsv"
server_pid=""
pg_db=""
psql=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)

stop_server() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
cleanup() {
  stop_server
  if [[ -n "$pg_db" ]]; then
    "${psql[@]}" -c "drop database if exists $pg_db with (force)" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_port() { # wait_port PORT: up to 30 s
  for _ in $(seq 300); do
    if timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; then return 0; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then echo "server exited" >&2; return 1; fi
    sleep 0.1
  done
  echo "server did not listen on $1" >&2
  return 1
}
load() { cut -d' ' -f1-3 /proc/loadavg; }

# measure SERVER STORAGE CALL CONNS REQUEST_FILE PORT
measure() {
  local server="$1" storage="$2" call="$3" conns="$4" req="$5" port="$6"
  local url="http://127.0.0.1:$port/" before after line
  local wrk=(taskset -c "$CLIENT_CPU" wrk -t1 -c"$conns" --timeout 5s -s bench/http/replay.lua)
  before="$(load)"
  LOADBENCH_REQUEST="$req" timeout $((WARMUP + 30)) "${wrk[@]}" -d"${WARMUP}s" "$url" >/dev/null
  line="$(LOADBENCH_REQUEST="$req" timeout $((DURATION + 30)) "${wrk[@]}" -d"${DURATION}s" --latency "$url" \
    | tee -a "$work/wrk.log" | grep '^LOADBENCH ')"
  after="$(load)"
  # key=value pairs -> shell variables (all integers, from our own replay.lua)
  local requests duration_us non2xx connect_err read_err write_err timeouts p50_us p90_us p99_us max_us
  eval "$(sed 's/^LOADBENCH //; s/ /; /g' <<<"$line")"
  local errors=$((connect_err + read_err + write_err + timeouts))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$storage" "$call" "$conns" \
    "$(awk -v r="$requests" -v d="$duration_us" 'BEGIN{printf "%.0f", r*1e6/d}')" \
    "$p50_us" "$p90_us" "$p99_us" "$max_us" "$requests" "$non2xx" "$errors" "$before -> $after" >>"$results"
  printf '  %-6s %-8s %-8s c=%-3s %s\n' "$server" "$storage" "$call" "$conns" "$line"
}

start_warden() { # start_warden PORT [--database-url URL]
  local port="$1"
  shift
  taskset -c "$SERVER_CPU" "$work/warden" serve --dev --listen "127.0.0.1:$port" \
    --account-id "$ACCOUNT" --root-access-key-id "$ROOT_KEY" --root-secret-access-key "$ROOT_SECRET" \
    --log warn "$@" >"$work/warden-$port.log" 2>&1 &
  server_pid=$!
  wait_port "$port"
}

bench_warden() { # bench_warden STORAGE [--database-url URL]
  local storage="$1" port reqdir
  shift
  port="$(free_port)"
  reqdir="$work/$storage"
  mkdir -p "$reqdir"
  echo "==> warden $storage on 127.0.0.1:$port (core $SERVER_CPU), wrk on core $CLIENT_CPU"
  start_warden "$port" "$@"
  python3 bench/http/prepare.py --endpoint "http://127.0.0.1:$port" --key "$ROOT_KEY" \
    --secret "$ROOT_SECRET" --out "$reqdir"
  for call in ${CALLS:-getuser denied assumerole sessiondenied}; do
    for c in $CONNS; do measure warden "$storage" "$call" "$c" "$reqdir/$call.lua" "$port"; done
  done
  stop_server
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(load)"
if [[ -z "${SKIP_BUILD:-}" && -z "${WARDEN_BIN:-}" ]]; then
  echo "==> cargo build --release -p warden"
  cargo build --release -p warden
fi
if [[ -z "${SKIP_BUILD:-}" && -z "${SKIP_CEILING:-}" ]]; then
  echo "==> cargo build --release -p warden-server --example http_ceiling"
  cargo build --release -p warden-server --example http_ceiling
fi
# Run a copy: other jobs on this machine may rebuild target/release during the run.
# WARDEN_BIN=path benchmarks another build (e.g. one made in a separate worktree).
bin="${WARDEN_BIN:-$root/target/release/warden}"
cp "$bin" "$work/warden"
echo "warden binary: $bin ($(stat -c '%y' "$bin")), git $(git rev-parse --short HEAD)"

bench_warden sqlite

if [[ -z "${SKIP_POSTGRES:-}" ]]; then
  pg_db="warden_loadbench_$(date +%s)_$$"
  "${psql[@]}" -c "create database $pg_db"
  bench_warden postgres --database-url "postgres://postgres@127.0.0.1:5432/$pg_db"
  "${psql[@]}" -c "drop database if exists $pg_db with (force)"
  pg_db=""
fi

# The machine's ceiling: the same HTTP stack answering a fixed 403, nothing else
# (crates/warden-server/examples/http_ceiling.rs). No handler can be faster on this machine.
if [[ -z "${SKIP_CEILING:-}" ]]; then
  port="$(free_port)"
  echo "==> http_ceiling on 127.0.0.1:$port (core $SERVER_CPU)"
  cp "$root/target/release/examples/http_ceiling" "$work/http_ceiling"
  taskset -c "$SERVER_CPU" "$work/http_ceiling" "127.0.0.1:$port" >"$work/ceiling.log" 2>&1 &
  server_pid=$!
  wait_port "$port"
  # Any request will do; the denied call's is the one Warden answered.
  for c in $CONNS; do measure ceiling none fixed403 "$c" "$work/sqlite/denied.lua" "$port"; done
  stop_server
fi

if [[ -z "${SKIP_MOTO:-}" ]]; then
  command -v moto_server >/dev/null || { echo "missing: moto_server (pip install 'moto[server]')" >&2; exit 1; }
  port="$(free_port)"
  echo "==> moto_server on 127.0.0.1:$port (core $SERVER_CPU)"
  taskset -c "$SERVER_CPU" moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  server_pid=$!
  wait_port "$port"
  mkdir -p "$work/moto"
  # moto accepts any credentials; the request is signed all the same, like an SDK's.
  python3 bench/http/prepare.py --moto --endpoint "http://127.0.0.1:$port" --key AKIAMOTOBENCH0000001 \
    --secret "$ROOT_SECRET" --out "$work/moto"
  for c in $CONNS; do measure moto memory getuser "$c" "$work/moto/getuser.lua" "$port"; done
  stop_server
fi

# Table + verdicts. Targets (one server core, 32 connections): GetUser >= 30,000 req/s,
# denied >= 80,000 req/s, p99 <= 5 ms, GetUser >= 50x moto at the same connection count;
# AssumeRole >= 10,000 req/s and session-signed denied >= 50,000 req/s (STS issue).
echo
awk -F'\t' '
  { k = $1 "/" $2 "/" $3 "/" $4; rps[k] = $5; p99[k] = $8; rows[NR] = $0 }
  END {
    print "| server | storage | call | conns | req/s | p50 ms | p90 ms | p99 ms | max ms | requests | non-2xx | socket errors | load 1/5/15 before -> after | vs moto | of ceiling | verdict |"
    print "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|"
    for (i = 1; i <= NR; i++) {
      split(rows[i], f, "\t")
      ratio = "-"; verdict = "-"; share = "-"
      m = "moto/memory/getuser/" f[4]
      top = "ceiling/none/fixed403/" f[4]
      if (f[1] == "warden" && (top in rps) && rps[top] > 0) share = sprintf("%.0f%%", 100 * f[5] / rps[top])
      if (f[1] == "warden" && f[3] == "getuser" && (m in rps) && rps[m] > 0) ratio = sprintf("%.1fx", f[5] / rps[m])
      if (f[1] == "warden" && f[4] == 32) {
        # IAM issue: GetUser 30,000, denied 80,000; STS issue: AssumeRole 10,000,
        # session-signed denied 50,000 (all on one server core at 32 connections).
        want = (f[3] == "getuser") ? 30000 : (f[3] == "denied") ? 80000 : (f[3] == "assumerole") ? 10000 : 50000
        ok = (f[5] >= want) && (f[8] <= 5000)
        if (f[3] == "getuser" && (m in rps)) ok = ok && (f[5] >= 50 * rps[m])
        verdict = ok ? "PASS" : "MISS"
      }
      printf "| %s | %s | %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %d | %d | %d | %s | %s | %s | %s |\n", \
        f[1], f[2], f[3], f[4], f[5], f[6]/1000, f[7]/1000, f[8]/1000, f[9]/1000, f[10], f[11], f[12], f[13], ratio, share, verdict
    }
  }' "$results" | tee "${LOADBENCH_OUT:-/dev/null}"

# Sanity of what was measured: GetUser must be all 2xx, the denied call all non-2xx (403).
awk -F'\t' '(($3 == "getuser" || $3 == "assumerole") && $11 != 0) || (($3 == "denied" || $3 == "sessiondenied" || $3 == "fixed403") && $11 != $10) || $12 != 0 {
  print "WARNING: unexpected statuses or socket errors in: " $1 " " $2 " " $3 " c=" $4; bad = 1 }
  END { exit bad }' "$results" || echo "(see the non-2xx / socket errors columns)"
