//! Code generated from botocore's models by `tools/codegen/gen_query.py` (hand-written module
//! root; `iam.rs` and `sts.rs` are generated).

pub mod iam;
pub mod sts;

#[cfg(test)]
mod tests {
    use super::{iam, sts};

    /// Compiles every translated model pattern: the justification of the `expect` in
    /// `validate::compile`.
    #[test]
    fn generated_patterns_compile() {
        for p in iam::ALL_PATTERNS.iter().chain(sts::ALL_PATTERNS.iter()) {
            let translated = p.is_match("x");
            // Touching the pattern forces compilation; the result itself is irrelevant here.
            let _ = translated;
        }
    }
}
