//! The `iam-authz-v1` authorization benchmark: Warden's policy engine and `cedar-policy` on the
//! same 1,000 requests, measured in one `cargo bench -p warden-bench` run.
//!
//! The workload (`/work/shared/bench/WORKLOAD.md`, copied to `data/iam-authz-v1/`) is one IAM
//! user with 10 policies / 40 statements and 1,000 requests with expected decisions. Every
//! engine is first checked to reproduce all 1,000 decisions ([`cedar::CedarEngine::verify`],
//! [`warden::WardenEngine::verify`]), then timed:
//!
//! - **decide**: the request already in the engine's typed form;
//! - **build + decide**: from the workload's JSON-ish request to a decision;
//! - **one-time**: compile / parse the policies and build the entity store.
//!
//! The bench (`benches/authz.rs`) prints percentiles of individually timed calls
//! ([`stats`]) and criterion's mean per decision side by side; `docs/performance.md` records
//! the figures.

pub mod cedar;
pub mod stats;
pub mod warden;
pub mod workload;

use std::fmt;

use workload::Expected;

/// What an engine answered for one request.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Outcome {
    /// Allowed.
    Allow,
    /// Denied, without saying why (Cedar).
    Deny,
    /// Denied by an explicit Deny statement (Warden).
    ExplicitDeny,
    /// Denied because nothing allows it (Warden).
    ImplicitDeny,
    /// The request could not be built for the engine.
    Error,
}

/// One request an engine decided differently from the workload's expectation.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct Mismatch {
    /// The request id.
    pub id: u32,
    /// What the workload expects.
    pub expected: Expected,
    /// What the engine answered.
    pub actual: Outcome,
}

/// An engine did not reproduce the workload's decisions.
#[derive(Debug, thiserror::Error)]
#[error("{engine}: {} of {total} decisions differ from the expected ones (first: {})", mismatches.len(), FirstMismatches(mismatches))]
pub struct VerifyError {
    /// The engine's name.
    pub engine: &'static str,
    /// How many requests were checked.
    pub total: usize,
    /// Every request decided differently.
    pub mismatches: Vec<Mismatch>,
}

impl VerifyError {
    /// `Ok` when there are no mismatches, else the error.
    ///
    /// # Errors
    /// The [`VerifyError`] carrying `mismatches` when it is not empty.
    pub fn check(
        engine: &'static str,
        total: usize,
        mismatches: Vec<Mismatch>,
    ) -> Result<(), Self> {
        if mismatches.is_empty() {
            Ok(())
        } else {
            Err(Self {
                engine,
                total,
                mismatches,
            })
        }
    }
}

/// Displays the first few mismatches of a list, for error messages.
struct FirstMismatches<'a>(&'a [Mismatch]);

impl fmt::Display for FirstMismatches<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, m) in self.0.iter().take(5).enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "#{} expected {:?} got {:?}", m.id, m.expected, m.actual)?;
        }
        Ok(())
    }
}
