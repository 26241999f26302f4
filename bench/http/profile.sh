#!/usr/bin/env bash
# Where does Warden's time go under load? Starts `warden serve --dev` (SQLite, or PostgreSQL
# with DATABASE_URL=...), pinned to core 0, drives CALL (getuser | denied) with wrk on core 1
# at CONNS connections, and samples the server with `perf record` for SECONDS seconds.
#
#   bench/http/profile.sh getuser            # prints the top of `perf report` (self and children)
#   CONNS=32 SECONDS_=8 bench/http/profile.sh denied
#
# Needs the release build (cargo build --release -p warden; line tables are on in
# [profile.release]) and perf. Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
call="${1:-getuser}"
CONNS="${CONNS:-32}"
secs="${SECONDS_:-6}"
ROOT_KEY="AKIABENCHROOT00000001"
ROOT_SECRET="benchbenchbenchbenchbenchbenchbenchbench"
work="$(mktemp -d -t warden-loadprof-XXXXXX)"
server_pid=""
wrk_pid=""
cleanup() {
  [[ -n "$wrk_pid" ]] && kill "$wrk_pid" 2>/dev/null || true
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
extra=()
[[ -n "${DATABASE_URL:-}" ]] && extra=(--database-url "$DATABASE_URL")
taskset -c 0 target/release/warden serve --dev --listen "127.0.0.1:$port" --account-id 123456789012 \
  --root-access-key-id "$ROOT_KEY" --root-secret-access-key "$ROOT_SECRET" --log warn "${extra[@]}" \
  >"$work/warden.log" 2>&1 &
server_pid=$!
for _ in $(seq 300); do
  timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null && break
  sleep 0.1
done
python3 bench/http/prepare.py --endpoint "http://127.0.0.1:$port" --key "$ROOT_KEY" --secret "$ROOT_SECRET" --out "$work"
LOADBENCH_REQUEST="$work/$call.lua" timeout $((secs + 30)) taskset -c 1 wrk -t1 -c"$CONNS" -d$((secs + 5))s \
  -s bench/http/replay.lua "http://127.0.0.1:$port/" >"$work/wrk.out" &
wrk_pid=$!
sleep 2
timeout $((secs + 30)) perf record -F 997 --call-graph dwarf,16384 -p "$server_pid" -o "$work/perf.data" -- sleep "$secs" 2>/dev/null
wait "$wrk_pid" || true
wrk_pid=""
grep -E 'Requests/sec|LOADBENCH' "$work/wrk.out"
# (`|| true`: head closes the pipe early, which pipefail would turn into a failure)
echo "==> samples per thread (at ${secs} s x 997 Hz, one fully busy core is about $((secs * 997)) samples)"
perf report -i "$work/perf.data" --no-children --sort comm --stdio -g none 2>/dev/null | grep -E '^#.*Samples|^ +[0-9]' | head -20 || true
echo "==> self time (top 40)"
perf report -i "$work/perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -40 || true
echo "==> inclusive time (top 70)"
perf report -i "$work/perf.data" --children --sort symbol --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -70 || true
if [[ -n "${PERF_OUT:-}" ]]; then cp "$work/perf.data" "$PERF_OUT"; fi
