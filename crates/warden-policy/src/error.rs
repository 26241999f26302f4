//! Policy parsing/validation errors (engineering guide §3.3): every problem found, each with a
//! JSON-pointer path, a kind and a house-style message, plus the single message AWS would
//! return for the document (spec policy.md §1.6).

use std::fmt;

/// The AWS error code a rejected document maps to on the wire.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum AwsErrorCode {
    /// `MalformedPolicyDocument` (HTTP 400): the document is invalid.
    MalformedPolicyDocument,
    /// `LimitExceeded` (HTTP 409): the document is valid but over its kind's size quota.
    LimitExceeded,
    /// `ValidationError` (HTTP 400): the raw parameter is longer than the API allows.
    ValidationError,
}

/// What kind of problem a [`PolicyError`] is. The variant decides the AWS error code and the
/// place of the problem in AWS's check order (spec policy.md §1.6).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[non_exhaustive]
pub enum PolicyErrorKind {
    /// The raw text is longer than the API parameter limit (131,072 characters).
    DocumentTooLong {
        /// The limit, in characters.
        limit: usize,
    },
    /// The non-whitespace size (§1.3) exceeds the kind's quota (`LimitExceeded`).
    TooLarge {
        /// The quota, in non-whitespace characters.
        limit: usize,
    },
    /// Not a single JSON object (not JSON, invalid UTF-8, duplicate keys, too deep ...).
    InvalidJson,
    /// Valid JSON that does not follow the policy grammar (§1.6 step 1).
    Syntax,
    /// A managed policy or boundary without `"Version": "2012-10-17"` (§1.6 step 2).
    Version,
    /// Rejected by AWS's legacy parser: effect case, bad dates, odd ARNs (§1.6 step 3).
    LegacyParsing,
    /// A `Sid` with characters outside `[0-9A-Za-z]` in an IAM-stored policy (§1.5).
    SidFormat,
    /// Two statements share a non-empty `Sid` (§1.6 step 5).
    DuplicateSid,
    /// `Action`/`NotAction` missing or empty (§1.6 step 7).
    MissingAction,
    /// `Resource`/`NotResource` missing or empty where required (§1.6 step 6).
    MissingResource,
    /// A resource that is not `*` or a well-formed ARN pattern (§1.6 step 4).
    ResourceFormat,
    /// An action that is not `*` or `vendor:name` (§1.6 step 9).
    ActionFormat,
    /// `Principal`/`NotPrincipal` in a kind that forbids it (§1.6 step 10).
    PrincipalForbidden,
    /// `NotPrincipal` in a kind that only allows `Principal` (trust, RCP).
    NotPrincipalForbidden,
    /// No `Principal` where one is required (trust, resource, RCP).
    MissingPrincipal,
    /// `Resource`/`NotResource` in a trust policy.
    ResourceForbidden,
    /// A trust-policy action other than the STS assume/tag actions.
    TrustAction,
    /// A principal value that is not acceptable (`*` inside an ARN, unknown type ...).
    InvalidPrincipal,
}

impl PolicyErrorKind {
    /// The AWS error code this kind of problem is reported with.
    pub fn aws_code(self) -> AwsErrorCode {
        match self {
            Self::DocumentTooLong { .. } => AwsErrorCode::ValidationError,
            Self::TooLarge { .. } => AwsErrorCode::LimitExceeded,
            _ => AwsErrorCode::MalformedPolicyDocument,
        }
    }

    /// Position in AWS's check order (§1.6): lower is reported first. Resource-format
    /// problems are detected at step 4 but reported after the Sid/action/resource presence
    /// checks (step 8). The recorded `{"Effect":"Deny"}` → "must contain actions" answer
    /// (§1.6.2) puts the action-presence check before the resource-presence check.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Self::DocumentTooLong { .. } => 0,
            Self::TooLarge { .. } => 1,
            Self::InvalidJson | Self::Syntax => 2,
            Self::Version => 3,
            Self::LegacyParsing => 4,
            Self::SidFormat => 5,
            Self::DuplicateSid => 6,
            Self::MissingAction => 7,
            Self::MissingResource => 8,
            Self::ResourceFormat => 9,
            Self::ActionFormat => 10,
            Self::PrincipalForbidden
            | Self::NotPrincipalForbidden
            | Self::MissingPrincipal
            | Self::ResourceForbidden
            | Self::TrustAction
            | Self::InvalidPrincipal => 11,
        }
    }
}

/// One problem in a policy document.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct PolicyError {
    path: String,
    kind: PolicyErrorKind,
    message: String,
    aws_message: String,
}

impl PolicyError {
    pub(crate) fn new(
        path: impl Into<String>,
        kind: PolicyErrorKind,
        message: impl Into<String>,
        aws_message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.into(),
            kind,
            message: message.into(),
            aws_message: aws_message.into(),
        }
    }

    /// JSON pointer (RFC 6901) to the offending element, e.g. `/Statement/2/Condition/StringLike`;
    /// empty for the whole document.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The kind of problem.
    pub fn kind(&self) -> PolicyErrorKind {
        self.kind
    }

    /// A precise description (house style), e.g. ``unknown statement element `Efect` ``.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The message AWS returns for this problem when it is the first one, e.g.
    /// `Syntax errors in policy.`
    pub fn aws_message(&self) -> &str {
        &self.aws_message
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{} (at `{}`)", self.message, self.path)
        }
    }
}

impl std::error::Error for PolicyError {}

/// Every problem found in a rejected policy document (never empty).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct PolicyErrors {
    errors: Vec<PolicyError>,
    /// Index of the problem AWS would report.
    first: usize,
}

impl PolicyErrors {
    /// Builds the collection; `None` when `errors` is empty.
    pub(crate) fn from_vec(errors: Vec<PolicyError>) -> Option<Self> {
        // The first problem in AWS's order; ties go to the problem found first, since
        // validation walks the document in the order AWS reports within a step.
        let first = errors
            .iter()
            .enumerate()
            .min_by_key(|(index, e)| (e.kind.rank(), *index))
            .map(|(index, _)| index)?;
        Some(Self { errors, first })
    }

    /// A collection of exactly one problem.
    pub(crate) fn one(error: PolicyError) -> Self {
        Self {
            errors: vec![error],
            first: 0,
        }
    }

    /// All problems, in the order they were found.
    pub fn errors(&self) -> &[PolicyError] {
        &self.errors
    }

    /// The problem AWS would report (the first failure in spec policy.md §1.6 order).
    pub fn aws_error(&self) -> &PolicyError {
        // INVARIANT: `first` indexes `errors` (checked in `from_vec`); fall back defensively.
        self.errors
            .get(self.first)
            .or_else(|| self.errors.first())
            .unwrap_or_else(|| unreachable_error())
    }

    /// The message AWS would return, e.g. `Syntax errors in policy.`
    pub fn aws_message(&self) -> &str {
        self.aws_error().aws_message()
    }

    /// The AWS error code to answer with.
    pub fn aws_code(&self) -> AwsErrorCode {
        self.aws_error().kind().aws_code()
    }
}

/// Never reached: `PolicyErrors` is constructed only from a non-empty list.
fn unreachable_error() -> &'static PolicyError {
    static FALLBACK: std::sync::OnceLock<PolicyError> = std::sync::OnceLock::new();
    FALLBACK.get_or_init(|| {
        PolicyError::new(
            "",
            PolicyErrorKind::Syntax,
            "invalid policy document",
            "Syntax errors in policy.",
        )
    })
}

impl fmt::Display for PolicyErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.errors.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PolicyErrors {}
