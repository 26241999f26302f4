#!/usr/bin/env bash
# Runs every test of the project: the README's test command, used as is by .ci/run.
# Unit, integration and doc tests of every crate (benches are compiled by clippy in CI, and
# run on demand with `cargo bench`), then the end-to-end suites with real AWS clients.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace --locked
bash scripts/e2e.sh
