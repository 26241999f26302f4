//! The Warden side of the comparison: `user0042`'s effective policy set parsed and compiled by
//! `warden-policy`, requests turned into `warden_policy::Context`s and decided with
//! `warden_policy::evaluate`.
//!
//! Only identity-based policies take part (WORKLOAD.md "Evaluation semantics (v1)"), so the
//! evaluation input is the principal and its compiled identity set, nothing else.

use warden_policy::document::{PolicyDocument, PolicyKind};
use warden_policy::{
    Context, Decision, EvaluationInput, PolicyErrors, PolicySet, PolicySource, PolicyType,
    Principal, Request, evaluate, parse_policy,
};

use crate::workload::{PRINCIPAL, Workload, WorkloadError, WorkloadRequest};
use crate::{Mismatch, Outcome, VerifyError};

/// Why the Warden side could not be built.
#[derive(Debug, thiserror::Error)]
pub enum WardenError {
    /// The workload files could not be read.
    #[error(transparent)]
    Workload(#[from] WorkloadError),
    /// A policy document could not be turned back into JSON text.
    #[error("policy {policy}: {source}")]
    Serialize {
        /// The policy name.
        policy: String,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
    /// A policy document was rejected by `warden_policy::parse_policy`.
    #[error("policy {policy}: {source}")]
    Parse {
        /// The policy name.
        policy: String,
        /// The parse/validation errors.
        #[source]
        source: Box<PolicyErrors>,
    },
}

/// A parsed policy with its name (the input of compilation).
#[derive(Clone, Debug)]
pub struct NamedDocument {
    /// The policy name (`pol000`).
    pub name: String,
    /// The validated document.
    pub document: PolicyDocument,
}

/// A workload request in Warden's typed form (the input of the decide-only measurement):
/// action and resource borrowed from the workload, context built and typed once.
#[derive(Clone, Debug)]
pub struct PreparedRequest<'a> {
    /// The action as sent.
    pub action: &'a str,
    /// The resource ARN or `*`.
    pub resource: &'a str,
    /// The typed request context.
    pub context: Context,
}

/// `user0042`'s compiled identity policy set, ready to decide.
#[derive(Clone, Debug)]
pub struct WardenEngine {
    principal: Principal,
    documents: Vec<NamedDocument>,
    policies: PolicySet,
}

impl WardenEngine {
    /// Parses and compiles the principal's effective policy set.
    ///
    /// # Errors
    /// [`WardenError`] if the workload or a policy document is rejected.
    pub fn new(workload: &Workload) -> Result<Self, WardenError> {
        let principal = principal(workload)?;
        let documents = parse_documents(workload)?;
        let policies = compile(&principal, &documents);
        Ok(Self {
            principal,
            documents,
            policies,
        })
    }

    /// The principal the set was compiled for.
    #[must_use]
    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    /// The parsed documents (the input of [`compile`]).
    #[must_use]
    pub fn documents(&self) -> &[NamedDocument] {
        &self.documents
    }

    /// The compiled set.
    #[must_use]
    pub fn policies(&self) -> &PolicySet {
        &self.policies
    }

    /// Decides a request whose context is already built (the "decide" measurement).
    #[must_use]
    pub fn decide(&self, action: &str, resource: &str, context: &Context) -> Decision {
        let input = EvaluationInput::new(&self.principal, &self.policies);
        let request = Request {
            action,
            resource,
            context,
        };
        evaluate(&input, &request).decision
    }

    /// Decides a prepared request.
    #[must_use]
    pub fn decide_prepared(&self, request: &PreparedRequest<'_>) -> Decision {
        self.decide(request.action, request.resource, &request.context)
    }

    /// Builds the context from the workload request and decides (the "build + decide"
    /// measurement).
    #[must_use]
    pub fn build_and_decide(&self, request: &WorkloadRequest) -> Decision {
        let context = build_context(request);
        self.decide(&request.action, &request.resource, &context)
    }

    /// Checks that the engine reproduces every expected decision, explicit and implicit
    /// denials distinguished, through both the prepared and the build-and-decide path.
    ///
    /// # Errors
    /// [`VerifyError`] listing every request decided differently.
    pub fn verify(&self, workload: &Workload) -> Result<(), VerifyError> {
        let prepared = prepare(workload);
        let mut mismatches = Vec::new();
        for (request, ready) in workload.requests.iter().zip(&prepared) {
            for decision in [self.decide_prepared(ready), self.build_and_decide(request)] {
                let actual = outcome(decision);
                let ok = matches!(
                    (request.expected, decision),
                    (crate::workload::Expected::Allow, Decision::Allow)
                        | (
                            crate::workload::Expected::ExplicitDeny,
                            Decision::ExplicitDeny
                        )
                        | (
                            crate::workload::Expected::ImplicitDeny,
                            Decision::ImplicitDeny
                        )
                );
                if !ok {
                    mismatches.push(Mismatch {
                        id: request.id,
                        expected: request.expected,
                        actual,
                    });
                    break;
                }
            }
        }
        VerifyError::check("warden", workload.requests.len(), mismatches)
    }
}

fn outcome(decision: Decision) -> Outcome {
    match decision {
        Decision::Allow => Outcome::Allow,
        Decision::ExplicitDeny => Outcome::ExplicitDeny,
        Decision::ImplicitDeny => Outcome::ImplicitDeny,
    }
}

/// The workload principal as an IAM user with long-term credentials: ARN
/// `arn:aws:iam::<account>:user/user0042` (so `aws:username` = `user0042`) and its IAM tags
/// as `aws:PrincipalTag/*`.
///
/// # Errors
/// [`WardenError::Workload`] if the user is missing.
pub fn principal(workload: &Workload) -> Result<Principal, WardenError> {
    let set = workload.principal_set(PRINCIPAL)?;
    let arn = format!(
        "arn:aws:iam::{}:user/{}",
        workload.account.account_id, set.user.name
    );
    // The unique id is not referenced by the workload's policies; any stable AIDA id will do.
    let unique_id = format!("AIDA{}", set.user.name.to_ascii_uppercase());
    Ok(Principal::user(&arn, &unique_id)
        .with_tags(set.user.tags.iter().map(|(k, v)| (k.as_str(), v.as_str()))))
}

/// The principal's 10 policy documents as JSON text, with their names (what an IAM API call
/// such as `CreatePolicy` would hand to the parser).
///
/// # Errors
/// [`WardenError`] if the principal is missing or a document does not serialise.
pub fn policy_texts(workload: &Workload) -> Result<Vec<(String, String)>, WardenError> {
    let set = workload.principal_set(PRINCIPAL)?;
    set.policies
        .iter()
        .map(|p| {
            serde_json::to_string(&p.document)
                .map(|text| (p.name.clone(), text))
                .map_err(|source| WardenError::Serialize {
                    policy: p.name.clone(),
                    source,
                })
        })
        .collect()
}

/// Parses named policy texts as customer managed policy documents.
///
/// # Errors
/// [`WardenError::Parse`] if a document does not validate.
pub fn parse_texts(texts: &[(String, String)]) -> Result<Vec<NamedDocument>, WardenError> {
    texts
        .iter()
        .map(|(name, text)| {
            parse_policy(text, PolicyKind::Managed)
                .map(|document| NamedDocument {
                    name: name.clone(),
                    document,
                })
                .map_err(|e| WardenError::Parse {
                    policy: name.clone(),
                    source: Box::new(e),
                })
        })
        .collect()
}

/// Parses the principal's 10 policies ([`policy_texts`] then [`parse_texts`]).
///
/// # Errors
/// [`WardenError`] if a document does not serialise or does not validate.
pub fn parse_documents(workload: &Workload) -> Result<Vec<NamedDocument>, WardenError> {
    parse_texts(&policy_texts(workload)?)
}

/// Compiles parsed documents as identity-based policies for `principal` (the one-time cost
/// measured as "warden compile").
#[must_use]
pub fn compile(principal: &Principal, documents: &[NamedDocument]) -> PolicySet {
    let sources: Vec<PolicySource<'_>> = documents
        .iter()
        .map(|d| PolicySource::new(&d.name, PolicyType::Identity, &d.document))
        .collect();
    PolicySet::compile(principal, &sources)
}

/// Builds the typed context of a workload request: `aws:SourceIp` as an IP address,
/// `aws:CurrentTime` as a date, `aws:MultiFactorAuthPresent` as a boolean (all parsed here,
/// once), every other key (the `aws:ResourceTag/*` keys) as a string. The types are the ones
/// `ValueType::of_key` gives these well-known keys, so [`ContextBuilder::auto`] types them
/// (one key lookup, no allocation for the names of well-known keys); the builder is sized
/// to the request's key count up front.
///
/// [`ContextBuilder::auto`]: warden_policy::ContextBuilder::auto
#[must_use]
pub fn build_context(request: &WorkloadRequest) -> Context {
    request
        .context
        .iter()
        .fold(
            Context::builder_with_capacity(request.context.len()),
            |builder, (key, value)| builder.auto(key, value),
        )
        .build()
}

/// Every workload request in Warden's typed form.
#[must_use]
pub fn prepare(workload: &Workload) -> Vec<PreparedRequest<'_>> {
    workload
        .requests
        .iter()
        .map(|r| PreparedRequest {
            action: &r.action,
            resource: &r.resource,
            context: build_context(r),
        })
        .collect()
}
