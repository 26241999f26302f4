//! Session rules with AWS's exact error texts: durations and role chaining (api.md §7.1),
//! `PackedPolicySize` (§6.11), session tags and transitive tags (§6.2 step 2, §7.3), and what
//! each kind of credentials may call (§7.6).

use crate::token::{IssuingOperation, SessionKind, SessionRecord};

// ---------------------------------------------------------------------------------------
// Durations (§7.1)
// ---------------------------------------------------------------------------------------

/// The operation asking for a duration, with what its limits depend on.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum DurationRequest {
    /// `AssumeRole`: the role's `MaxSessionDuration`, and whether the caller uses temporary
    /// credentials (role chaining: 1-hour cap).
    AssumeRole {
        /// The role's `MaxSessionDuration` (3,600–43,200).
        role_max: i64,
        /// The caller signs with temporary credentials of any kind (§7.1).
        chaining: bool,
    },
    /// `AssumeRoleWithWebIdentity` (never chaining).
    AssumeRoleWithWebIdentity {
        /// The role's `MaxSessionDuration`.
        role_max: i64,
    },
    /// `AssumeRoleWithSAML`.
    AssumeRoleWithSaml {
        /// The role's `MaxSessionDuration`.
        role_max: i64,
        /// Seconds from now until the assertion's `SessionNotOnOrAfter`, when it has one.
        not_on_or_after_in: Option<i64>,
    },
    /// `GetSessionToken` (by the root user: 1 hour at most).
    GetSessionToken {
        /// The caller is the account root user.
        root: bool,
    },
    /// `GetFederationToken` (by the root user: 1 hour at most).
    GetFederationToken {
        /// The caller is the account root user.
        root: bool,
    },
    /// `AssumeRoot` (tier 3): at most 900 seconds.
    AssumeRoot,
}

/// A refused `DurationSeconds`; every variant is a `ValidationError` (400).
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum DurationError {
    /// Outside the model range (§1.6; STS echoes the value).
    #[error(
        "1 validation error detected: Value '{value}' at 'durationSeconds' failed to satisfy constraint: Member must have value {bound}"
    )]
    ModelRange {
        /// The requested value.
        value: i64,
        /// `less than or equal to <max>` or `greater than or equal to <min>`.
        bound: String,
    },
    /// Above the role's `MaxSessionDuration`.
    #[error("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")]
    ExceedsRoleMax,
    /// Above one hour while role chaining.
    #[error(
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."
    )]
    ExceedsChainingLimit,
}

impl DurationError {
    /// The wire error code.
    pub fn code(&self) -> &'static str {
        "ValidationError"
    }
}

/// One hour: the role-chaining cap and the root user's GetSessionToken/GetFederationToken cap.
pub const ONE_HOUR: i64 = 3_600;

/// The granted session duration in seconds for `requested` (`None` = the default), checked
/// in the order of api.md §6.2 step 7: model range, role maximum, chaining cap.
pub fn session_duration(
    req: DurationRequest,
    requested: Option<i64>,
) -> Result<i64, DurationError> {
    let (model_min, model_max, default) = match req {
        DurationRequest::AssumeRole { .. }
        | DurationRequest::AssumeRoleWithWebIdentity { .. }
        | DurationRequest::AssumeRoleWithSaml { .. } => (900, 43_200, ONE_HOUR),
        DurationRequest::GetSessionToken { root }
        | DurationRequest::GetFederationToken { root } => {
            (900, 129_600, if root { ONE_HOUR } else { 43_200 })
        }
        DurationRequest::AssumeRoot => (0, 900, 900),
    };
    let value = requested.unwrap_or(default);
    if value < model_min {
        return Err(DurationError::ModelRange {
            value,
            bound: format!("greater than or equal to {model_min}"),
        });
    }
    if value > model_max {
        return Err(DurationError::ModelRange {
            value,
            bound: format!("less than or equal to {model_max}"),
        });
    }
    match req {
        DurationRequest::AssumeRole { role_max, chaining } => {
            if value > role_max {
                return Err(DurationError::ExceedsRoleMax);
            }
            if chaining && value > ONE_HOUR {
                return Err(DurationError::ExceedsChainingLimit);
            }
            Ok(value)
        }
        DurationRequest::AssumeRoleWithWebIdentity { role_max } => {
            if value > role_max {
                return Err(DurationError::ExceedsRoleMax);
            }
            Ok(value)
        }
        DurationRequest::AssumeRoleWithSaml {
            role_max,
            not_on_or_after_in,
        } => {
            if value > role_max {
                return Err(DurationError::ExceedsRoleMax);
            }
            // AWS: the session lasts "for the duration that you specify, or until the time
            // specified in the SAML authentication response's SessionNotOnOrAfter value,
            // whichever is shorter" — a silent cap, not an error.
            Ok(not_on_or_after_in.map_or(value, |limit| value.min(limit.max(0))))
        }
        // Root: capped to one hour rather than rejected (api.md §6.5, `VERIFY`).
        DurationRequest::GetSessionToken { root }
        | DurationRequest::GetFederationToken { root } => {
            Ok(if root { value.min(ONE_HOUR) } else { value })
        }
        DurationRequest::AssumeRoot => Ok(value),
    }
}

// ---------------------------------------------------------------------------------------
// PackedPolicySize (§6.11)
// ---------------------------------------------------------------------------------------

/// Units of the policy budget (inline policy without whitespace + managed ARNs).
pub const POLICY_BUDGET: usize = 1_000;
/// Units of the tag budget (Σ key + value lengths).
pub const TAG_BUDGET: usize = 2_048;

/// A session whose policies or tags exceed the packed budget: `PackedPolicyTooLarge` (400).
#[derive(Clone, Copy, Debug, thiserror::Error, PartialEq, Eq)]
pub enum PackedPolicyTooLarge {
    /// The session policies are too large.
    #[error("Packed policy consumes {0}% of allotted space, please use smaller policy.")]
    Policy(u64),
    /// The session tags are too large.
    #[error("Packed size of session tags consumes {0}% of allotted space.")]
    Tags(u64),
}

impl PackedPolicyTooLarge {
    /// The wire error code.
    pub fn code(&self) -> &'static str {
        "PackedPolicyTooLarge"
    }
}

/// The length of a JSON text without the whitespace outside strings, in characters.
pub fn json_len_without_whitespace(text: &str) -> usize {
    let mut in_string = false;
    let mut escaped = false;
    let mut n = 0;
    for c in text.chars() {
        if in_string {
            n += 1;
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            n += 1;
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            n += 1;
        }
    }
    n
}

fn percent(units: usize, budget: usize) -> u64 {
    let units = units as u64;
    let budget = budget as u64;
    (100 * units).div_ceil(budget)
}

/// `PackedPolicySize` for a session's inline policy, managed policy ARNs and all its
/// session tags (passed + inherited transitive ones): `max(policy %, tag %)`, or the error
/// of the first budget exceeded (policies first).
pub fn packed_policy_size(
    policy: Option<&str>,
    policy_arns: &[String],
    session_tags: &[(String, String)],
) -> Result<u64, PackedPolicyTooLarge> {
    let policy_units = policy.map_or(0, json_len_without_whitespace)
        + policy_arns.iter().map(|a| a.chars().count()).sum::<usize>();
    let tag_units: usize = session_tags
        .iter()
        .map(|(k, v)| k.chars().count() + v.chars().count())
        .sum();
    let policy_pct = percent(policy_units, POLICY_BUDGET);
    let tag_pct = percent(tag_units, TAG_BUDGET);
    if policy_pct > 100 {
        return Err(PackedPolicyTooLarge::Policy(policy_pct));
    }
    if tag_pct > 100 {
        return Err(PackedPolicyTooLarge::Tags(tag_pct));
    }
    Ok(policy_pct.max(tag_pct))
}

// ---------------------------------------------------------------------------------------
// Session tags (§6.2 step 2, §7.3)
// ---------------------------------------------------------------------------------------

/// A refused tag set: `InvalidParameterValue` (400).
#[derive(Clone, Copy, Debug, thiserror::Error, PartialEq, Eq)]
pub enum TagError {
    /// Two passed keys equal case-insensitively.
    #[error("Duplicate tag keys found. Please note that Tag keys are case insensitive.")]
    DuplicateKeys,
    /// A transitive key that is not among the passed tags.
    #[error("The specified transitive tag key must be included in the requested tags.")]
    TransitiveKeyNotInTags,
    /// A passed key equal to a transitive key inherited from the calling session.
    #[error(
        "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session."
    )]
    ConflictsWithInherited,
    /// A key or value starting with `aws:` (AWS's text not recorded: `VERIFY`).
    #[error("Tag keys and values can't start with the reserved prefix 'aws:'.")]
    ReservedPrefix,
}

impl TagError {
    /// The wire error code.
    pub fn code(&self) -> &'static str {
        "InvalidParameterValue"
    }
}

fn eq_ci(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.chars().zip(b.chars()).all(|(x, y)| lower(x) == lower(y))
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn reserved(s: &str) -> bool {
    s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:"))
}

/// Checks the tags and transitive keys passed to an AssumeRole* call against the calling
/// session's inherited transitive keys (§6.2 step 2, in AWS's order).
pub fn validate_session_tags(
    tags: &[(String, String)],
    transitive_keys: &[String],
    inherited_transitive_keys: &[String],
) -> Result<(), TagError> {
    for (i, (k, _)) in tags.iter().enumerate() {
        if tags.iter().skip(i + 1).any(|(other, _)| eq_ci(k, other)) {
            return Err(TagError::DuplicateKeys);
        }
    }
    if transitive_keys
        .iter()
        .any(|t| !tags.iter().any(|(k, _)| eq_ci(k, t)))
    {
        return Err(TagError::TransitiveKeyNotInTags);
    }
    if tags
        .iter()
        .any(|(k, _)| inherited_transitive_keys.iter().any(|i| eq_ci(k, i)))
    {
        return Err(TagError::ConflictsWithInherited);
    }
    if tags.iter().any(|(k, v)| reserved(k) || reserved(v)) {
        return Err(TagError::ReservedPrefix);
    }
    Ok(())
}

/// The transitive tags a calling session passes on to a session it creates by chaining:
/// its tags whose keys are transitive (§7.3).
pub fn inherited_transitive_tags(caller: &SessionRecord) -> Vec<(String, String)> {
    caller
        .tags
        .iter()
        .filter(|(k, _)| caller.transitive_tag_keys.iter().any(|t| eq_ci(k, t)))
        .cloned()
        .collect()
}

/// Replaces (case-insensitively, keeping the new spelling, in place) or appends each tag.
fn overlay(base: &mut Vec<(String, String)>, tags: &[(String, String)]) {
    for (k, v) in tags {
        match base.iter_mut().find(|(bk, _)| eq_ci(bk, k)) {
            Some(slot) => *slot = (k.clone(), v.clone()),
            None => base.push((k.clone(), v.clone())),
        }
    }
}

/// The tags of a new session (§7.3).
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct SessionTags {
    /// The principal tags: entity tags overlaid by inherited transitive tags, then by the
    /// passed session tags.
    pub principal_tags: Vec<(String, String)>,
    /// The session tags proper (inherited transitive + passed): what `PackedPolicySize`
    /// counts and what `aws:RequestTag/*` exposes.
    pub session_tags: Vec<(String, String)>,
    /// The transitive keys of the new session: inherited ones, then the passed ones.
    pub transitive_keys: Vec<String>,
}

/// Merges the entity's tags (role tags, or the user's tags for GetFederationToken), the
/// transitive tags inherited from the calling session and the passed tags (§7.3). Call
/// [`validate_session_tags`] first.
pub fn merge_session_tags(
    entity_tags: &[(String, String)],
    inherited: &[(String, String)],
    passed: &[(String, String)],
    passed_transitive_keys: &[String],
) -> SessionTags {
    let mut principal_tags = entity_tags.to_vec();
    overlay(&mut principal_tags, inherited);
    overlay(&mut principal_tags, passed);
    let mut session_tags = inherited.to_vec();
    overlay(&mut session_tags, passed);
    let mut transitive_keys: Vec<String> = Vec::new();
    for key in inherited
        .iter()
        .map(|(k, _)| k)
        .chain(passed_transitive_keys.iter())
    {
        if !transitive_keys.iter().any(|t| eq_ci(t, key)) {
            transitive_keys.push(key.clone());
        }
    }
    SessionTags {
        principal_tags,
        session_tags,
        transitive_keys,
    }
}

// ---------------------------------------------------------------------------------------
// What each kind of credentials may call (§7.6)
// ---------------------------------------------------------------------------------------

/// The service of the called operation.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Service {
    /// IAM (`iam:`).
    Iam,
    /// STS (`sts:`).
    Sts,
}

impl Service {
    fn prefix(self) -> &'static str {
        match self {
            Self::Iam => "iam",
            Self::Sts => "sts",
        }
    }
}

/// A call refused because of the kind of credentials: `AccessDenied` (403).
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
#[error("{message}")]
pub struct CallerDenied {
    /// AWS's message.
    pub message: String,
}

impl CallerDenied {
    /// The wire error code.
    pub fn code(&self) -> &'static str {
        "AccessDenied"
    }
}

/// Whether a caller may call `service`:`action` at all, before policy evaluation (§7.6).
/// `session` is `None` for long-term keys. `caller_arn` and `resource` fill the
/// policy §6.6 message shape used where AWS's text is not recorded.
pub fn check_caller(
    session: Option<&SessionRecord>,
    service: Service,
    action: &str,
    caller_arn: &str,
    resource: &str,
) -> Result<(), CallerDenied> {
    let Some(session) = session else {
        return Ok(());
    };
    let denied = || CallerDenied {
        message: format!(
            "User: {caller_arn} is not authorized to perform: {}:{action} on resource: {resource}",
            service.prefix()
        ),
    };
    if service == Service::Sts {
        match action {
            "GetSessionToken" => {
                return Err(CallerDenied {
                    message: "Cannot call GetSessionToken with session credentials".to_owned(),
                });
            }
            // AWS's text not recorded (`VERIFY`); mirrors the GetSessionToken one.
            "GetFederationToken" => {
                return Err(CallerDenied {
                    message: "Cannot call GetFederationToken with session credentials".to_owned(),
                });
            }
            _ => {}
        }
    }
    let allowed = match (session.kind, service) {
        (SessionKind::FederatedUser, Service::Iam) => false,
        (SessionKind::FederatedUser, Service::Sts) => action == "GetCallerIdentity",
        (SessionKind::UserSession | SessionKind::RootSession, Service::Sts)
            if session.operation == IssuingOperation::GetSessionToken =>
        {
            matches!(action, "AssumeRole" | "GetCallerIdentity")
        }
        (SessionKind::UserSession | SessionKind::RootSession, Service::Iam)
            if session.operation == IssuingOperation::GetSessionToken =>
        {
            session.mfa_present
        }
        // Role sessions (and AssumeRoot sessions): everything but GST/GFT, handled above.
        _ => true,
    };
    if allowed { Ok(()) } else { Err(denied()) }
}
