//! The decision algorithm (spec policy.md §6): per-set results (§6.2), principal classes for
//! resource-based grants (§6.3), same-account (§6.4) and cross-account (§6.5) evaluation,
//! permissions boundaries (§6.7), `NotPrincipal` (§6.8), SCP/RCP levels (§6.9) and the
//! operation-level restrictions of §6.10 that depend only on the principal type and action.
//!
//! [`evaluate`] is the fast path: it returns a small `Copy` [`Verdict`] and allocates nothing.
//! [`crate::explain()`] runs the very same (private) `decide` function with a collector attached.

use crate::compile::{ACTION_KNOWN, PolicySet, PolicyType, RequestView, StatementRef};
use crate::context::Context;
use crate::principal::{MatchClass, Principal, PrincipalKind};

/// The outcome of an authorization decision.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum Decision {
    /// Allowed.
    Allow,
    /// Denied by an applicable `Deny` statement.
    ExplicitDeny,
    /// Denied because nothing (or not every required gate) allowed it.
    ImplicitDeny,
}

/// What decided a [`Verdict`].
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum Gate {
    /// `sts:GetCallerIdentity` (and `sts:GetSessionToken` for long-term credentials): never
    /// subject to policies (§6.4 step 2).
    Unconditional,
    /// A restriction on the use of temporary credentials (§6.10), before any policy.
    OperationRestriction,
    /// The root user's implicit full access in its own account (§6.4 step 3).
    RootUser,
    /// Identity-based policies.
    Identity,
    /// The resource-based (or trust) policy.
    Resource,
    /// The permissions boundary.
    PermissionsBoundary,
    /// Session policies.
    Session,
    /// Service control policies.
    ServiceControl,
    /// Resource control policies.
    ResourceControl,
}

impl Gate {
    /// The policy-type phrase used in AccessDenied messages, for policy gates.
    pub fn message_phrase(self) -> Option<&'static str> {
        Some(match self {
            Self::Identity => PolicyType::Identity.message_phrase(),
            Self::Resource => PolicyType::Resource.message_phrase(),
            Self::PermissionsBoundary => PolicyType::PermissionsBoundary.message_phrase(),
            Self::Session => PolicyType::Session.message_phrase(),
            Self::ServiceControl => PolicyType::ServiceControl.message_phrase(),
            Self::ResourceControl => PolicyType::ResourceControl.message_phrase(),
            Self::Unconditional | Self::OperationRestriction | Self::RootUser => return None,
        })
    }
}

/// Which input set a statement reference points into.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum Slot {
    /// [`EvaluationInput::identity`].
    Identity,
    /// [`EvaluationInput::boundary`].
    Boundary,
    /// [`EvaluationInput::session`].
    Session,
    /// [`EvaluationInput::resource_policy`].
    Resource,
    /// [`EvaluationInput::scp_levels`], by level index.
    ServiceControl(u16),
    /// [`EvaluationInput::rcp_levels`], by level index.
    ResourceControl(u16),
}

/// A statement that decided a verdict.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub struct DecidingStatement {
    /// The set it belongs to.
    pub slot: Slot,
    /// The statement within that set.
    pub at: StatementRef,
}

/// The fast-path result: a decision and a fixed-size reason.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub struct Verdict {
    /// The decision.
    pub decision: Decision,
    /// The gate that decided: for denials the first failing gate in §6.4 order, for allows
    /// the gate that granted.
    pub gate: Gate,
    /// The deciding statement (the Deny that matched, or the Allow that granted), if any.
    pub statement: Option<DecidingStatement>,
}

impl Verdict {
    fn new(decision: Decision, gate: Gate, statement: Option<DecidingStatement>) -> Self {
        Self {
            decision,
            gate,
            statement,
        }
    }

    /// Whether the request is allowed.
    pub fn is_allowed(&self) -> bool {
        self.decision == Decision::Allow
    }

    /// AWS's AccessDenied message for a denial (§6.6), `None` for an allow.
    pub fn access_denied_message(
        &self,
        caller_arn: &str,
        action: &str,
        resource: &str,
    ) -> Option<String> {
        let head = format!(
            "User: {caller_arn} is not authorized to perform: {action} on resource: {resource}"
        );
        match self.decision {
            Decision::Allow => None,
            Decision::ExplicitDeny => Some(match self.gate.message_phrase() {
                Some(phrase) => {
                    let article = if phrase.starts_with(['a', 'e', 'i', 'o', 'u']) {
                        "an"
                    } else {
                        "a"
                    };
                    format!("{head} with an explicit deny in {article} {phrase}")
                }
                None => head,
            }),
            Decision::ImplicitDeny => Some(match (self.gate, self.gate.message_phrase()) {
                (Gate::OperationRestriction, _) if is_action(action, "sts", "GetSessionToken") => {
                    "Cannot call GetSessionToken with session credentials".to_owned()
                }
                (_, Some(phrase)) => {
                    format!("{head} because no {phrase} allows the {action} action")
                }
                (_, None) => head,
            }),
        }
    }
}

/// A request: one action, one resource ARN (or `*`), and the context.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    /// The action, `service:Name`.
    pub action: &'a str,
    /// The resource ARN, or `*` for actions without resource-level permissions.
    pub resource: &'a str,
    /// The request context (request-supplied keys; principal keys come from the principal).
    pub context: &'a Context,
}

/// Everything that takes part in a decision besides the request. All sets must have been
/// compiled for `principal`.
#[derive(Clone, Copy, Debug)]
pub struct EvaluationInput<'a> {
    /// The caller.
    pub principal: &'a Principal,
    /// Identity-based policies of the caller's entity (user + groups, or role; the
    /// federating user's for federated sessions; empty for root).
    pub identity: &'a PolicySet,
    /// The entity's permissions boundary, if it has one.
    pub boundary: Option<&'a PolicySet>,
    /// Session policies: `None` when none were supplied at session creation, `Some` (even
    /// empty) when some were.
    pub session: Option<&'a PolicySet>,
    /// The resource-based policy of the target (for STS assume actions: the trust policy).
    pub resource_policy: Option<&'a PolicySet>,
    /// The account owning the resource; `None` means the caller's account.
    pub resource_account: Option<&'a str>,
    /// SCPs of the principal's account path, one set per level (root, OUs, account); empty
    /// when Organizations is not modelled or the account is the management account.
    pub scp_levels: &'a [PolicySet],
    /// RCPs of the resource account's path, one set per level.
    pub rcp_levels: &'a [PolicySet],
}

impl<'a> EvaluationInput<'a> {
    /// An input with only identity policies.
    pub fn new(principal: &'a Principal, identity: &'a PolicySet) -> Self {
        Self {
            principal,
            identity,
            boundary: None,
            session: None,
            resource_policy: None,
            resource_account: None,
            scp_levels: &[],
            rcp_levels: &[],
        }
    }
}

/// The §6.2 result of one policy set.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum SetResult {
    NoMatch,
    Allow(StatementRef, Option<MatchClass>),
    Deny(StatementRef),
}

impl SetResult {
    fn is_allow(self) -> bool {
        matches!(self, Self::Allow(..))
    }
}

/// Evaluates one set: `Deny` if any applicable Deny, else `Allow` (with the strongest
/// principal class) if any applicable Allow, else `NoMatch`.
pub(crate) fn eval_set(
    set: &PolicySet,
    req: &RequestView<'_>,
    missing: &mut impl FnMut(&str),
) -> SetResult {
    let candidates = set.candidates(req.vendor, req.name);
    for &e in candidates.denies() {
        if let Some(st) = set.statement(e & !ACTION_KNOWN)
            && st.applies(req, e & ACTION_KNOWN != 0, missing).is_some()
        {
            return SetResult::Deny(st.at);
        }
    }
    let mut best: Option<(StatementRef, Option<MatchClass>)> = None;
    for &e in candidates.allows() {
        let Some(st) = set.statement(e & !ACTION_KNOWN) else {
            continue;
        };
        let Some(class) = st.applies(req, e & ACTION_KNOWN != 0, missing) else {
            continue;
        };
        if best.is_none_or(|(_, c)| class > c) {
            best = Some((st.at, class));
        }
        // No principal element (class None) or a direct match cannot be bettered.
        if class.is_none() || class == Some(MatchClass::Direct) {
            return SetResult::Allow(st.at, class);
        }
    }
    match best {
        Some((at, class)) => SetResult::Allow(at, class),
        None => SetResult::NoMatch,
    }
}

/// Case-insensitive check of `vendor:Name`.
fn is_action(action: &str, vendor: &str, name: &str) -> bool {
    action
        .split_once(':')
        .is_some_and(|(v, n)| v.eq_ignore_ascii_case(vendor) && n.eq_ignore_ascii_case(name))
}

/// §6.10: restrictions on *using* temporary credentials, enforced before policies.
fn operation_restricted(kind: PrincipalKind, mfa: bool, vendor: &str, name: &str) -> bool {
    let sts = vendor.eq_ignore_ascii_case("sts");
    let iam = vendor.eq_ignore_ascii_case("iam");
    let named = |n: &str| name.eq_ignore_ascii_case(n);
    match kind {
        // AssumeRole* sessions cannot call GetFederationToken or GetSessionToken.
        PrincipalKind::RoleSession => {
            sts && (named("GetFederationToken") || named("GetSessionToken"))
        }
        // GetFederationToken sessions: no IAM at all, no STS except GetCallerIdentity.
        PrincipalKind::FederatedUser => iam || (sts && !named("GetCallerIdentity")),
        // GetSessionToken sessions: IAM only with MFA; STS only AssumeRole / GetCallerIdentity.
        PrincipalKind::UserSession => {
            (iam && !mfa) || (sts && !named("AssumeRole") && !named("GetCallerIdentity"))
        }
        PrincipalKind::Service | PrincipalKind::Anonymous | PrincipalKind::WebIdentity => {
            sts && named("GetSessionToken")
        }
        PrincipalKind::Root | PrincipalKind::User => false,
    }
}

const TRUST_ACTIONS: [&str; 6] = [
    "AssumeRole",
    "AssumeRoleWithSAML",
    "AssumeRoleWithWebIdentity",
    "TagSession",
    "SetSourceIdentity",
    "SetContext",
];

/// Per-set results computed during a decision, reported to explanations.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Observed {
    pub(crate) identity: Option<SetResult>,
    pub(crate) boundary: Option<SetResult>,
    pub(crate) session: Option<SetResult>,
    pub(crate) resource: Option<SetResult>,
    /// Aggregates over levels: `Some(Deny)` if any level denied, `Some(Allow)` if every
    /// level allowed, `Some(NoMatch)` otherwise.
    pub(crate) scp: Option<SetResult>,
    pub(crate) rcp: Option<SetResult>,
}

/// The fast path: decide without allocating.
pub fn evaluate(input: &EvaluationInput<'_>, request: &Request<'_>) -> Verdict {
    let mut observed = Observed::default();
    decide(input, request, &mut |_| {}, &mut observed)
}

fn deny_at(slot: Slot, gate: Gate, at: StatementRef) -> Verdict {
    Verdict::new(
        Decision::ExplicitDeny,
        gate,
        Some(DecidingStatement { slot, at }),
    )
}

fn implicit(gate: Gate) -> Verdict {
    Verdict::new(Decision::ImplicitDeny, gate, None)
}

/// Evaluates guardrail levels (SCP or RCP): explicit deny at any level, else every level
/// must allow. Returns the aggregate and the first deny.
fn eval_levels(
    levels: &[PolicySet],
    req: &RequestView<'_>,
    missing: &mut impl FnMut(&str),
    slot: fn(u16) -> Slot,
) -> (SetResult, Option<DecidingStatement>) {
    let mut all_allow = true;
    for (i, set) in levels.iter().enumerate() {
        match eval_set(set, req, missing) {
            SetResult::Deny(at) => {
                return (
                    SetResult::Deny(at),
                    Some(DecidingStatement {
                        slot: slot(u16::try_from(i).unwrap_or(u16::MAX)),
                        at,
                    }),
                );
            }
            SetResult::Allow(..) => {}
            SetResult::NoMatch => all_allow = false,
        }
    }
    let agg = if all_allow {
        // The aggregate's statement is not meaningful; levels are reported individually.
        SetResult::Allow(
            StatementRef {
                policy: 0,
                statement: 0,
            },
            None,
        )
    } else {
        SetResult::NoMatch
    };
    (agg, None)
}

/// The decision algorithm shared by [`evaluate`] and [`crate::explain()`].
pub(crate) fn decide(
    input: &EvaluationInput<'_>,
    request: &Request<'_>,
    missing: &mut impl FnMut(&str),
    observed: &mut Observed,
) -> Verdict {
    let p = input.principal;
    let kind = p.kind();
    let (vendor, name) = request
        .action
        .split_once(':')
        .unwrap_or((request.action, ""));

    // §6.4 step 2: unconditional operations (explicit denies are ignored).
    if vendor.eq_ignore_ascii_case("sts") && name.eq_ignore_ascii_case("GetCallerIdentity") {
        return Verdict::new(Decision::Allow, Gate::Unconditional, None);
    }
    if operation_restricted(kind, p.session_mfa(), vendor, name) {
        return implicit(Gate::OperationRestriction);
    }
    if vendor.eq_ignore_ascii_case("sts") && name.eq_ignore_ascii_case("GetSessionToken") {
        // Only long-term IAM user / root credentials get here; not authorized by policies.
        return Verdict::new(Decision::Allow, Gate::Unconditional, None);
    }

    let req = RequestView {
        vendor,
        name,
        resource: request.resource,
        context: request.context,
        principal: p,
    };

    // §6.4 step 4: an explicit deny anywhere wins; reported in the order SCP, RCP,
    // resource-based, identity, boundary, session.
    // SCPs govern principals of member accounts; service principals belong to no account.
    let scp_levels: &[PolicySet] = if kind == PrincipalKind::Service {
        &[]
    } else {
        input.scp_levels
    };
    let (scp, scp_deny) = eval_levels(scp_levels, &req, missing, Slot::ServiceControl);
    if !scp_levels.is_empty() {
        observed.scp = Some(scp);
    }
    if let Some(d) = scp_deny {
        return Verdict::new(Decision::ExplicitDeny, Gate::ServiceControl, Some(d));
    }
    // RCPs do not apply to service principals (§6.4 step 5).
    let rcp_applies = kind != PrincipalKind::Service && !input.rcp_levels.is_empty();
    let rcp = if rcp_applies {
        let (rcp, rcp_deny) = eval_levels(input.rcp_levels, &req, missing, Slot::ResourceControl);
        observed.rcp = Some(rcp);
        if let Some(d) = rcp_deny {
            return Verdict::new(Decision::ExplicitDeny, Gate::ResourceControl, Some(d));
        }
        rcp
    } else {
        SetResult::Allow(
            StatementRef {
                policy: 0,
                statement: 0,
            },
            None,
        )
    };
    let resource = input.resource_policy.map(|s| eval_set(s, &req, missing));
    observed.resource = resource;
    if let Some(SetResult::Deny(at)) = resource {
        return deny_at(Slot::Resource, Gate::Resource, at);
    }
    let identity = eval_set(input.identity, &req, missing);
    observed.identity = Some(identity);
    if let SetResult::Deny(at) = identity {
        return deny_at(Slot::Identity, Gate::Identity, at);
    }
    let boundary = input.boundary.map(|s| eval_set(s, &req, missing));
    observed.boundary = boundary;
    if let Some(SetResult::Deny(at)) = boundary {
        return deny_at(Slot::Boundary, Gate::PermissionsBoundary, at);
    }
    let session = input.session.map(|s| eval_set(s, &req, missing));
    observed.session = session;
    if let Some(SetResult::Deny(at)) = session {
        return deny_at(Slot::Session, Gate::Session, at);
    }

    // §6.4 step 5: guardrails, each level must allow.
    if !rcp.is_allow() {
        return implicit(Gate::ResourceControl);
    }
    if !scp_levels.is_empty() && !scp.is_allow() {
        return implicit(Gate::ServiceControl);
    }

    let resource_allow = match resource {
        Some(SetResult::Allow(at, class)) => Some((at, class.unwrap_or(MatchClass::Direct))),
        _ => None,
    };
    let resource_verdict = |at: StatementRef| {
        Verdict::new(
            Decision::Allow,
            Gate::Resource,
            Some(DecidingStatement {
                slot: Slot::Resource,
                at,
            }),
        )
    };

    // Special role-trust rule (§6.4): the trust policy must allow the assume actions.
    let trust_action = vendor.eq_ignore_ascii_case("sts")
        && TRUST_ACTIONS.iter().any(|a| name.eq_ignore_ascii_case(a));
    if trust_action
        && input.resource_policy.is_some_and(PolicySet::is_trust)
        && resource_allow.is_none()
    {
        return implicit(Gate::Resource);
    }
    // Web-identity / SAML callers have no identity side: the trust policy alone decides.
    if kind == PrincipalKind::WebIdentity {
        return match resource_allow {
            Some((at, _)) => resource_verdict(at),
            None => implicit(Gate::Resource),
        };
    }

    let cross_account = !matches!(kind, PrincipalKind::Service | PrincipalKind::Anonymous)
        && input.resource_account.is_some_and(|a| a != p.account());
    let mut entity_allow = false;
    if cross_account {
        // §6.5: the resource side must allow in any class.
        let Some((at, _)) = resource_allow else {
            return implicit(Gate::Resource);
        };
        if kind == PrincipalKind::Root {
            return resource_verdict(at);
        }
    } else {
        if kind == PrincipalKind::Root {
            return Verdict::new(Decision::Allow, Gate::RootUser, None);
        }
        match resource_allow {
            Some((at, MatchClass::Direct)) => return resource_verdict(at),
            Some((_, MatchClass::Entity)) => entity_allow = true,
            _ => {}
        }
    }

    // §6.4 step 7: identity policies (or an entity-class resource grant).
    let identity_at = match identity {
        SetResult::Allow(at, _) => Some(at),
        _ => None,
    };
    if identity_at.is_none() && !entity_allow {
        return implicit(Gate::Identity);
    }
    // Step 8: the boundary limits identity and entity-class grants.
    if boundary.is_some_and(|b| !b.is_allow()) {
        return implicit(Gate::PermissionsBoundary);
    }
    // Step 9: session policies.
    match (kind, session) {
        (PrincipalKind::RoleSession | PrincipalKind::FederatedUser, Some(s)) if !s.is_allow() => {
            return implicit(Gate::Session);
        }
        // A GetFederationToken session without session policies has no permissions except
        // direct resource-policy grants.
        (PrincipalKind::FederatedUser, None) => return implicit(Gate::Session),
        _ => {}
    }
    match identity_at {
        Some(at) => Verdict::new(
            Decision::Allow,
            Gate::Identity,
            Some(DecidingStatement {
                slot: Slot::Identity,
                at,
            }),
        ),
        None => match resource_allow {
            Some((at, _)) => resource_verdict(at),
            None => implicit(Gate::Identity),
        },
    }
}
