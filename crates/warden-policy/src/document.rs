//! The validated policy document: what `parse` produces and `compile` consumes.
//!
//! Values here are *validated* but still textual: patterns and condition values keep the
//! text the author wrote (after JSON unescaping), because explanations quote it and
//! because typed interpretation (globs, variables, dates, CIDRs) belongs to compilation.
//! Anything that would make the document invalid for its [`PolicyKind`] has already been
//! rejected by validation, so compilation and evaluation are total.

/// Where a document is used; decides which elements are required or forbidden and which
/// limits apply (spec policy.md §1.1, §1.5).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum PolicyKind {
    /// An inline user, group or role policy (`PutUserPolicy` ...). Version may be missing.
    Inline,
    /// A customer managed policy version; must declare `2012-10-17`; 6,144 characters.
    Managed,
    /// A managed policy used as a permissions boundary (same rules as `Managed`).
    PermissionsBoundary,
    /// A role trust policy: `Principal` required, no `Resource`, only STS assume actions.
    Trust,
    /// A generic resource-based policy: exactly one of `Principal`/`NotPrincipal`.
    Resource,
    /// An inline STS session policy; 2,048 characters.
    Session,
    /// A service control policy (no `Principal`); 5,120 characters.
    ServiceControl,
    /// A resource control policy (`Principal` must be `"*"`); 5,120 characters.
    ResourceControl,
}

/// The policy language version (`Version` element).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum Version {
    /// `2008-10-17`, also the meaning of a missing `Version`: `${...}` is literal text.
    V2008_10_17,
    /// `2012-10-17`: policy variables are interpreted.
    V2012_10_17,
}

/// A whole validated policy document.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyDocument {
    /// The language version (missing in the text means [`Version::V2008_10_17`]).
    pub version: Version,
    /// Whether the text carried a `Version` element at all.
    pub version_written: bool,
    /// The optional `Id` element.
    pub id: Option<String>,
    /// The statements in document order (a single statement object becomes a list of one).
    pub statements: Vec<Statement>,
}

/// One statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// The `Sid`, if written (may be the empty string).
    pub sid: Option<String>,
    /// `Allow` or `Deny`.
    pub effect: Effect,
    /// `Principal` or `NotPrincipal`; `None` where the kind forbids both.
    pub principal: Option<PrincipalClause>,
    /// `Action` or `NotAction` (always present after validation).
    pub action: ActionClause,
    /// `Resource` or `NotResource`; `None` for trust policies (the implicit resource is the role).
    pub resource: Option<ResourceClause>,
    /// The `Condition` element flattened to one entry per (operator, key), in document order.
    /// Empty means "no condition" (vacuously true). Unknown operators with an empty body are
    /// dropped by validation, since AWS tolerates and ignores them.
    pub conditions: Vec<Condition>,
    /// Where the statement object stands in the source text, for the simulator's
    /// `MatchedStatements` (`StartPosition`/`EndPosition`).
    pub span: SourceSpan,
}

/// The source span of a statement: `start` is the position of its opening `{`, `end` the
/// position just after its closing `}`.
///
/// VERIFY: AWS's simulator reports `Line`/`Column` for these; we use 1-based lines and
/// 1-based columns counted in characters. Kept in one type so the convention is easy to change.
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
pub struct SourceSpan {
    /// Position of the opening `{`.
    pub start: SourcePosition,
    /// Position just after the closing `}`.
    pub end: SourcePosition,
}

/// A line and column in the source text (both 1-based, columns in characters).
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
pub struct SourcePosition {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

/// The `Effect` element.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum Effect {
    /// `"Allow"`.
    Allow,
    /// `"Deny"`.
    Deny,
}

/// `Action` (positive) or `NotAction` (negated): the list of action patterns as written,
/// e.g. `iam:Get*`, `*`, `IAM:getuser`. A single string becomes a list of one.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ActionClause {
    /// True for `NotAction`.
    pub negated: bool,
    /// The patterns as written; validated (`*` or `vendor:name`).
    pub patterns: Vec<String>,
}

/// `Resource` (positive) or `NotResource` (negated): ARN patterns or `*`, as written.
/// `null` items (tolerated by AWS's legacy parser) are dropped.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ResourceClause {
    /// True for `NotResource`.
    pub negated: bool,
    /// The patterns as written; validated.
    pub patterns: Vec<String>,
}

/// `Principal` (positive) or `NotPrincipal` (negated).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct PrincipalClause {
    /// True for `NotPrincipal`.
    pub negated: bool,
    /// The principals named.
    pub principals: Principals,
}

/// The value of a `Principal`/`NotPrincipal` element.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct Principals {
    /// `"Principal": "*"` (the bare string form). `{"AWS":"*"}` is recorded in `aws` as `"*"`.
    pub wildcard: bool,
    /// `AWS` values as written: `*`, account ids, ARNs, unique ids.
    pub aws: Vec<String>,
    /// `Service` values, e.g. `ec2.amazonaws.com`.
    pub service: Vec<String>,
    /// `Federated` values: OIDC/SAML provider ARNs or built-in IdP names.
    pub federated: Vec<String>,
    /// `CanonicalUser` values (accepted, never matched).
    pub canonical_user: Vec<String>,
}

/// One (operator, key) entry of a `Condition` block with its values.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Condition {
    /// The operator with its qualifier and `IfExists` suffix.
    pub operator: ConditionOperator,
    /// The condition key as written (lookups are case-insensitive).
    pub key: String,
    /// The values as text: JSON numbers and booleans are converted to their text as written
    /// (`true`, `10`). A single value becomes a list of one; an empty array stays empty.
    pub values: Vec<String>,
}

/// A parsed operator name: `[ForAllValues:|ForAnyValue:]Base[IfExists]`.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub struct ConditionOperator {
    /// The set qualifier, if any.
    pub qualifier: Option<SetQualifier>,
    /// The base operator.
    pub base: BaseOperator,
    /// Whether the name ends in `IfExists` (never set for `Null`).
    pub if_exists: bool,
}

/// `ForAllValues:` / `ForAnyValue:`.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum SetQualifier {
    /// `ForAllValues:`.
    ForAllValues,
    /// `ForAnyValue:`.
    ForAnyValue,
}

/// The condition operators of spec policy.md §3.3.
#[allow(missing_docs, reason = "variant names are the AWS operator names")]
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum BaseOperator {
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    BinaryEquals,
    Bool,
    DateEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    DateLessThan,
    DateLessThanEquals,
    DateNotEquals,
    IpAddress,
    NotIpAddress,
    Null,
    NumericEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericNotEquals,
    StringEquals,
    StringEqualsIgnoreCase,
    StringLike,
    StringNotEquals,
    StringNotEqualsIgnoreCase,
    StringNotLike,
}

impl BaseOperator {
    /// Every operator, for lookups by name.
    pub const ALL: [Self; 27] = [
        Self::ArnEquals,
        Self::ArnLike,
        Self::ArnNotEquals,
        Self::ArnNotLike,
        Self::BinaryEquals,
        Self::Bool,
        Self::DateEquals,
        Self::DateGreaterThan,
        Self::DateGreaterThanEquals,
        Self::DateLessThan,
        Self::DateLessThanEquals,
        Self::DateNotEquals,
        Self::IpAddress,
        Self::NotIpAddress,
        Self::Null,
        Self::NumericEquals,
        Self::NumericGreaterThan,
        Self::NumericGreaterThanEquals,
        Self::NumericLessThan,
        Self::NumericLessThanEquals,
        Self::NumericNotEquals,
        Self::StringEquals,
        Self::StringEqualsIgnoreCase,
        Self::StringLike,
        Self::StringNotEquals,
        Self::StringNotEqualsIgnoreCase,
        Self::StringNotLike,
    ];

    /// The operator's AWS name, e.g. `StringEquals`.
    pub fn name(self) -> &'static str {
        match self {
            Self::ArnEquals => "ArnEquals",
            Self::ArnLike => "ArnLike",
            Self::ArnNotEquals => "ArnNotEquals",
            Self::ArnNotLike => "ArnNotLike",
            Self::BinaryEquals => "BinaryEquals",
            Self::Bool => "Bool",
            Self::DateEquals => "DateEquals",
            Self::DateGreaterThan => "DateGreaterThan",
            Self::DateGreaterThanEquals => "DateGreaterThanEquals",
            Self::DateLessThan => "DateLessThan",
            Self::DateLessThanEquals => "DateLessThanEquals",
            Self::DateNotEquals => "DateNotEquals",
            Self::IpAddress => "IpAddress",
            Self::NotIpAddress => "NotIpAddress",
            Self::Null => "Null",
            Self::NumericEquals => "NumericEquals",
            Self::NumericGreaterThan => "NumericGreaterThan",
            Self::NumericGreaterThanEquals => "NumericGreaterThanEquals",
            Self::NumericLessThan => "NumericLessThan",
            Self::NumericLessThanEquals => "NumericLessThanEquals",
            Self::NumericNotEquals => "NumericNotEquals",
            Self::StringEquals => "StringEquals",
            Self::StringEqualsIgnoreCase => "StringEqualsIgnoreCase",
            Self::StringLike => "StringLike",
            Self::StringNotEquals => "StringNotEquals",
            Self::StringNotEqualsIgnoreCase => "StringNotEqualsIgnoreCase",
            Self::StringNotLike => "StringNotLike",
        }
    }

    /// Whether this is a negated operator (`StringNotEquals`, `NotIpAddress` ...): true
    /// when the key is absent, and its values are ANDed rather than ORed.
    pub fn is_negated(self) -> bool {
        matches!(
            self,
            Self::ArnNotEquals
                | Self::ArnNotLike
                | Self::DateNotEquals
                | Self::NotIpAddress
                | Self::NumericNotEquals
                | Self::StringNotEquals
                | Self::StringNotEqualsIgnoreCase
                | Self::StringNotLike
        )
    }

    /// Whether policy variables are substituted in this operator's values (§4.2).
    pub fn takes_variables(self) -> bool {
        matches!(
            self,
            Self::ArnEquals
                | Self::ArnLike
                | Self::ArnNotEquals
                | Self::ArnNotLike
                | Self::Bool
                | Self::StringEquals
                | Self::StringEqualsIgnoreCase
                | Self::StringLike
                | Self::StringNotEquals
                | Self::StringNotEqualsIgnoreCase
                | Self::StringNotLike
        )
    }
}

impl ConditionOperator {
    /// The operator's full AWS name, e.g. `ForAnyValue:StringEqualsIfExists`.
    pub fn name(&self) -> String {
        let prefix = match self.qualifier {
            None => "",
            Some(SetQualifier::ForAllValues) => "ForAllValues:",
            Some(SetQualifier::ForAnyValue) => "ForAnyValue:",
        };
        let suffix = if self.if_exists { "IfExists" } else { "" };
        format!("{prefix}{}{suffix}", self.base.name())
    }
}
