//! The AWS IAM policy language: parse, validate, compile, evaluate and explain.
//!
//! Pure: no I/O, no async, no clock (the request time is part of the request context).
//!
//! # Pipeline
//!
//! ```text
//! policy text ──parse_policy──▶ PolicyDocument ──PolicySet::compile──▶ PolicySet
//!   (wire)        (validate)     (document.rs)     (+ Principal)         (compiled)
//!                                                                              │
//!        Request { action, resource, context } + EvaluationInput ──evaluate──▶ Verdict
//!                                                                 ──explain───▶ Explanation
//! ```
//!
//! * **Wire → document** ([`parse_policy`]): JSON is parsed and validated per
//!   [`document::PolicyKind`]; everything that could fail later is rejected here, so
//!   compilation and evaluation are total.
//! * **Document → compiled** ([`PolicySet::compile`]): done once per principal. Action and
//!   resource patterns are tokenised and classified (any / exact / prefix / suffix / glob,
//!   [`pattern`]); principal-derived variables (`${aws:username}`, `${aws:PrincipalTag/k}`,
//!   [`variables`]) are substituted; typed condition values (numbers, dates, CIDRs, base64,
//!   [`value`]) are parsed; `Principal`/`NotPrincipal` clauses are matched against the
//!   caller ([`principal`]); statements are indexed by exact `vendor:name` and by vendor,
//!   denies first. A set is only valid for the principal it was compiled for.
//! * **Compiled → decision** ([`evaluate`]): the algorithm of spec policy.md §6 ([`eval`]):
//!   per-set results, explicit deny first, SCP/RCP levels, the resource-policy principal
//!   classes (direct / entity / account), identity, boundary and session gates, the role
//!   trust rule, cross-account evaluation and the operation restrictions on temporary
//!   credentials. It returns a `Copy` [`Verdict`] (decision, deciding gate, deciding
//!   statement) and allocates nothing: candidate statements come from a hash lookup of the
//!   case-folded action, context keys are pre-lowered at compile time, request strings are
//!   never rebuilt.
//! * **Explanation** ([`explain()`]): runs the same decision function with a collector for
//!   missing context keys, then lists every applicable statement (policy id, type, index,
//!   Sid, source span), per-type decisions for the simulator, and AWS's AccessDenied text.
//!   Sharing the decision function is what guarantees `explain` and `evaluate` agree.
//!
//! Semantics and the choices made on the spec's `VERIFY` points are written up in
//! `docs/manual/evaluation.md`.

pub mod date;
pub mod document;
pub mod error;
mod json;
mod parse;
pub mod size;
mod validate;

pub use error::{AwsErrorCode, PolicyError, PolicyErrorKind, PolicyErrors};
pub use parse::{parse_policy, parse_policy_bytes, parse_policy_with_limit};
pub use size::policy_size;

pub mod compile;
pub mod condition;
pub mod context;
pub mod eval;
pub mod explain;
pub mod pattern;
pub mod principal;
pub mod simulate;
pub mod value;
pub mod variables;

pub use compile::{PolicyInfo, PolicySet, PolicySource, PolicyType, StatementRef};
pub use context::{Context, ContextBuilder, ContextError, ContextValue, ValueType};
pub use eval::{
    DecidingStatement, Decision, EvaluationInput, Gate, Request, Slot, Verdict, evaluate,
};
pub use explain::{Explanation, MatchedStatement, TypeDecision, explain};
pub use principal::{MatchClass, Principal, PrincipalKind};
