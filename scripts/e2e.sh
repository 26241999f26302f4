#!/usr/bin/env bash
# End-to-end tests with real AWS clients against a live `warden serve --dev`:
#   1. compat/python (pytest + boto3),  2. compat/awscli/smoke.sh (aws CLI),  3. crates/warden-e2e (aws-sdk-rust).
# Builds the server once, runs the three suites on SQLite (a temporary data dir per server), then
# again on PostgreSQL in a fresh database that is dropped afterwards (plus the two-node test).
#
# PostgreSQL: WARDEN_E2E_POSTGRES=1 requires it, WARDEN_E2E_POSTGRES=0 skips it; unset, it runs
# when 127.0.0.1:5432 answers.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

postgres_wanted="${WARDEN_E2E_POSTGRES:-auto}"
skip_reason="WARDEN_E2E_POSTGRES=0"
if [[ "$postgres_wanted" == auto ]]; then
  if timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/5432' 2>/dev/null; then
    postgres_wanted=1
  else
    postgres_wanted=0
    skip_reason="nothing answers at 127.0.0.1:5432"
  fi
fi

step "build the server and the Rust e2e tests"
cargo build -p warden --locked
cargo test -p warden-e2e --locked --no-run
export WARDEN_BIN="${CARGO_TARGET_DIR:-$PWD/target}/debug/warden"

step "python dependencies"
python3 -m pip install -q --disable-pip-version-check -r compat/python/requirements.txt

run_suites() { # run_suites LABEL [cargo test args]
  local label="$1"
  shift
  step "[$label] boto3 (pytest)"
  if [[ "$label" == sqlite ]]; then
    # The two-node test needs PostgreSQL: it runs in the PostgreSQL pass, not skipped here.
    python3 -m pytest -q compat/python --ignore=compat/python/test_two_node.py
  else
    python3 -m pytest -q compat/python
  fi
  step "[$label] aws CLI smoke"
  bash compat/awscli/smoke.sh
  step "[$label] aws-sdk-rust"
  cargo test -p warden-e2e --locked -- "$@"
}

# SQLite: every server gets its own temporary data dir; the two-node test needs PostgreSQL.
WARDEN_E2E_POSTGRES=0 WARDEN_E2E_DATABASE_URL="" run_suites sqlite

if [[ "$postgres_wanted" == 1 ]]; then
  db="warden_e2e_$(date +%s)_$$"
  psql=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
  "${psql[@]}" -c "create database $db"
  trap '"${psql[@]}" -c "drop database if exists $db with (force)" || true' EXIT
  url="postgres://postgres@127.0.0.1:5432/$db"
  # Capability probe: a build without the PostgreSQL backend says so at start-up. When
  # PostgreSQL was only auto-detected, that skips the pass; WARDEN_E2E_POSTGRES=1 makes it fail.
  probe="$(cd compat/python && python3 -c 'import sys, warden_harness as h; h.start_server(database_url=sys.argv[1]).stop()' "$url" 2>&1)" || {
    if [[ "${WARDEN_E2E_POSTGRES:-auto}" != 1 ]] && grep -q 'not available in this build' <<<"$probe"; then
      skip_reason="this warden build has no PostgreSQL backend yet"
      postgres_wanted=0
    else
      printf '%s\n' "$probe" >&2
      exit 1
    fi
  }
fi
if [[ "$postgres_wanted" == 1 ]]; then
  # One database shared by every server of the run (tests use unique names); the Rust tests
  # start one server each, so run them one at a time to keep migrations from racing.
  WARDEN_E2E_POSTGRES=1 WARDEN_E2E_DATABASE_URL="$url" run_suites postgres --test-threads=1
else
  step "skipped the PostgreSQL pass: $skip_reason (set WARDEN_E2E_POSTGRES=1 to require it)"
fi

step "e2e: all suites passed"
