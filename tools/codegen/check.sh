#!/usr/bin/env bash
# Fails if crates/warden-query/src/generated/{iam,sts}.rs differ from what gen_query.py produces
# from the installed botocore models: the generated files are committed and must stay in sync.
set -euo pipefail
cd "$(dirname "$0")/../.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

python3 tools/codegen/gen_query.py --out-dir "$tmp"
status=0
for f in iam.rs sts.rs; do
    if ! diff -u "crates/warden-query/src/generated/$f" "$tmp/$f" >"$tmp/$f.diff"; then
        echo "generated/$f is out of date; run: python3 tools/codegen/gen_query.py" >&2
        head -n 40 "$tmp/$f.diff" >&2
        status=1
    fi
done
exit "$status"
