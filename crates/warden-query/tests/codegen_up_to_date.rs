//! The committed `src/generated/{iam,sts}.rs` equal what `tools/codegen/gen_query.py` produces
//! from the installed botocore models (runs `tools/codegen/check.sh`).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test helpers outside #[test] functions may fail loudly"
)]

use std::path::PathBuf;
use std::process::Command;

#[test]
fn generated_code_is_up_to_date() {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tools/codegen/check.sh");
    let out = Command::new("bash")
        .arg(&script)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    assert!(
        out.status.success(),
        "generated code differs from the models (needs python3 with botocore and rustfmt; if \
         botocore was upgraded on purpose, run `python3 tools/codegen/gen_query.py` and review \
         the diff):\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
