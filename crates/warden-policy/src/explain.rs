//! Explanations: what the IAM policy simulator reports (matched statements, per-type
//! decisions, missing context values) plus AWS's AccessDenied text (§6.6).
//!
//! [`explain`] runs the same decision function as [`crate::evaluate`] (with a collector for
//! missing keys), so the two cannot disagree; it then lists every applicable statement.

use crate::compile::RequestView;
use crate::compile::{PolicySet, PolicyType, StatementRef};
use crate::document::{Effect, SourceSpan};
use crate::eval::{EvaluationInput, Observed, Request, SetResult, Slot, Verdict, decide};

/// The simulator's per-type decision (`allowed`, `explicitDeny`, `implicitDeny`).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum TypeDecision {
    /// Some statement allowed and none denied.
    Allowed,
    /// A statement denied.
    ExplicitDeny,
    /// Nothing applied.
    ImplicitDeny,
}

impl TypeDecision {
    /// The simulator's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Allowed => "allowed",
            Self::ExplicitDeny => "explicitDeny",
            Self::ImplicitDeny => "implicitDeny",
        }
    }

    fn of(result: SetResult) -> Self {
        match result {
            SetResult::NoMatch => Self::ImplicitDeny,
            SetResult::Allow(..) => Self::Allowed,
            SetResult::Deny(_) => Self::ExplicitDeny,
        }
    }
}

/// One applicable statement.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct MatchedStatement {
    /// The input set it belongs to.
    pub slot: Slot,
    /// The policy identifier given at compile time.
    pub policy_id: String,
    /// The policy type.
    pub policy_type: PolicyType,
    /// Statement index within the policy and policy index within the set.
    pub at: StatementRef,
    /// The statement's `Sid`, if any.
    pub sid: Option<String>,
    /// Where the statement stands in the source text.
    pub span: SourceSpan,
    /// Its effect.
    pub effect: Effect,
}

/// A full explanation of one decision.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The verdict (identical to what [`crate::evaluate`] returns).
    pub verdict: Verdict,
    /// Every statement that applies to the request, in input order (SCP levels, RCP levels,
    /// resource, identity, boundary, session) and document order within a set.
    pub matched: Vec<MatchedStatement>,
    /// Per policy type decisions, for `EvalDecisionDetails`.
    pub type_decisions: Vec<(PolicyType, TypeDecision)>,
    /// For `PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary`: `None` when the
    /// principal has no boundary.
    pub allowed_by_boundary: Option<bool>,
    /// Context keys referenced by conditions or variables but absent from the context
    /// (lower-cased, deduplicated, in first-seen order), for `MissingContextValues`.
    pub missing_context_keys: Vec<String>,
    caller_arn: String,
    action: String,
    resource: String,
}

impl Explanation {
    /// AWS's AccessDenied message for a denial, `None` for an allow.
    pub fn access_denied_message(&self) -> Option<String> {
        self.verdict
            .access_denied_message(&self.caller_arn, &self.action, &self.resource)
    }
}

/// Explains a decision (allocation allowed). Agrees with [`crate::evaluate`] by construction.
pub fn explain(input: &EvaluationInput<'_>, request: &Request<'_>) -> Explanation {
    let mut missing: Vec<String> = Vec::new();
    let mut note = |k: &str| {
        let k = k.to_lowercase();
        if !missing.contains(&k) {
            missing.push(k);
        }
    };
    let mut observed = Observed::default();
    let verdict = decide(input, request, &mut note, &mut observed);

    let (vendor, name) = request
        .action
        .split_once(':')
        .unwrap_or((request.action, ""));
    let req = RequestView {
        vendor,
        name,
        resource: request.resource,
        context: request.context,
        principal: input.principal,
    };
    let mut matched = Vec::new();
    let mut sets: Vec<(Slot, &PolicySet)> = Vec::new();
    for (i, s) in input.scp_levels.iter().enumerate() {
        sets.push((
            Slot::ServiceControl(u16::try_from(i).unwrap_or(u16::MAX)),
            s,
        ));
    }
    for (i, s) in input.rcp_levels.iter().enumerate() {
        sets.push((
            Slot::ResourceControl(u16::try_from(i).unwrap_or(u16::MAX)),
            s,
        ));
    }
    if let Some(s) = input.resource_policy {
        sets.push((Slot::Resource, s));
    }
    sets.push((Slot::Identity, input.identity));
    if let Some(s) = input.boundary {
        sets.push((Slot::Boundary, s));
    }
    if let Some(s) = input.session {
        sets.push((Slot::Session, s));
    }
    for (slot, set) in sets {
        for st in &set.statements {
            // Only statements whose action/resource/principal target the request contribute
            // missing keys, like the simulator (conditions of unrelated statements do not).
            if st.targets(&req, false, &mut note).is_none() {
                continue;
            }
            // Evaluate every condition (no short-circuit) so all missing keys are seen.
            let mut applies = true;
            for c in st.conditions.iter() {
                applies &= c.evaluate(req.context, req.principal, &mut note);
            }
            if !applies {
                continue;
            }
            let info = set.policy(st.at);
            let (sid, span) = set
                .statement_source(st.at)
                .unwrap_or((None, SourceSpan::default()));
            matched.push(MatchedStatement {
                slot,
                policy_id: info.map(|p| p.id.to_string()).unwrap_or_default(),
                policy_type: info.map_or(PolicyType::Identity, |p| p.policy_type),
                at: st.at,
                sid: sid.map(str::to_owned),
                span,
                effect: st.effect,
            });
        }
    }

    let mut type_decisions = Vec::new();
    let mut push = |t: PolicyType, r: Option<SetResult>| {
        if let Some(r) = r {
            type_decisions.push((t, TypeDecision::of(r)));
        }
    };
    push(PolicyType::ServiceControl, observed.scp);
    push(PolicyType::ResourceControl, observed.rcp);
    let resource_type = if input.resource_policy.is_some_and(PolicySet::is_trust) {
        PolicyType::Trust
    } else {
        PolicyType::Resource
    };
    push(resource_type, observed.resource);
    push(PolicyType::Identity, observed.identity);
    push(PolicyType::PermissionsBoundary, observed.boundary);
    push(PolicyType::Session, observed.session);
    let allowed_by_boundary = observed.boundary.map(|b| matches!(b, SetResult::Allow(..)));

    Explanation {
        verdict,
        matched,
        type_decisions,
        allowed_by_boundary,
        missing_context_keys: missing,
        caller_arn: input.principal.arn().to_owned(),
        action: request.action.to_owned(),
        resource: request.resource.to_owned(),
    }
}
