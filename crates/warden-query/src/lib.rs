//! The AWS *query* protocol for Warden's IAM and STS endpoints: form decoding into typed,
//! validated inputs, XML responses and the error envelope. No I/O.
//!
//! The pipeline for one request (api.md §1.8):
//!
//! 1. [`QueryParams::parse_merged`] decodes the query string and body ([`DecodeError`] →
//!    `MalformedQueryString`).
//! 2. [`IamOperation::from_action`] / [`StsOperation::from_action`] resolve `Action`.
//! 3. [`IamRequest::from_query`] / [`StsRequest::from_query`] (or one input type's
//!    [`FromQuery::from_query`]) decode the typed input and check every model constraint,
//!    producing AWS's exact `ValidationError` message ([`ValidationErrors`]).
//! 4. The operation's output struct is rendered with [`success_response`] (or
//!    [`empty_response`] for operations without output, see [`IamOperation::output`]); errors
//!    with [`error_response`].
//!
//! # Design
//!
//! The per-operation types in [`iam`] and [`sts`] are generated from botocore's service models by
//! `tools/codegen/gen_query.py` and committed; `tools/codegen/check.sh` re-runs the generator and
//! fails on any difference. Everything the generated code needs at run time — the decoder, the
//! message texts, XML escaping — is hand-written here, so each wire rule exists exactly once.
//! Model patterns are translated from Java regex syntax at generation time and compiled lazily,
//! once per distinct pattern.
//!
//! # Choices where AWS's behaviour is not recorded (api.md `VERIFY` items)
//!
//! - A value that is not an integer / boolean yields the clause `Member must be a valid
//!   integer` / `Member must be a valid boolean` inside the usual `ValidationError`.
//! - Several violations of one member are reported in the order of AWS's recorded bracketed
//!   form: maximum length, minimum length, pattern, enum.
//! - STS echoes list values as `[a, b]`; lists of structures as `[{Key=k, Value=v}]`.
//! - List elements are numbered in error paths by position after sorting by `N` (gaps close).
//! - Lengths count Unicode scalar values, not UTF-16 units.
//! - Characters XML 1.0 cannot carry (C0 controls other than tab/LF/CR) are written as U+FFFD.

pub mod decode;
pub mod encode;
pub mod error;
pub mod pagination;
pub mod validate;

mod generated;

pub use decode::{DecodeError, QueryParams, parse_index};
pub use encode::{Timestamp, WriteXml, XmlWriter, empty_response, success_response};
pub use error::{Fault, ServiceError, error_response};
pub use generated::{iam, sts};
pub use iam::{IamError, IamOperation, IamRequest};
pub use pagination::{MarkerError, MarkerKeyTooLongError, decode_marker, encode_marker, page_size};
pub use sts::{StsError, StsOperation, StsRequest};
pub use validate::ValidationErrors;

/// The two services spoken over the query protocol (api.md §1.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    /// IAM, API version `2010-05-08`.
    Iam,
    /// STS, API version `2011-06-15`.
    Sts,
}

impl Service {
    /// The XML namespace of responses and errors.
    #[must_use]
    pub const fn namespace(self) -> &'static str {
        match self {
            Self::Iam => "https://iam.amazonaws.com/doc/2010-05-08/",
            Self::Sts => "https://sts.amazonaws.com/doc/2011-06-15/",
        }
    }

    /// The model API version clients send as `Version`.
    #[must_use]
    pub const fn version(self) -> &'static str {
        match self {
            Self::Iam => "2010-05-08",
            Self::Sts => "2011-06-15",
        }
    }

    /// The SigV4 signing name (`iam`, `sts`).
    #[must_use]
    pub const fn signing_name(self) -> &'static str {
        match self {
            Self::Iam => "iam",
            Self::Sts => "sts",
        }
    }
}

/// Whether an operation's response carries a result element (api.md §1.3 rules 2-3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutputKind {
    /// No output shape: the response holds only `ResponseMetadata`.
    None,
    /// An output shape with members: `<{Op}Result>` comes first.
    Result,
    /// An output shape without members (`UpdateRole`): an empty `<{Op}Result/>`.
    EmptyResult,
}

/// Typed decoding of one operation input from the request parameters.
pub trait FromQuery: Sized {
    /// Decodes and validates every member.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] listing every violated model constraint.
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors>;
}
