//! Shared helpers for the evaluation tests: build scenarios from JSON policy text and check
//! that the fast path and `explain` agree on every decision.

#![allow(
    dead_code,
    unreachable_pub,
    reason = "each test file uses a different subset of the helpers"
)]
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test helpers: a broken fixture must fail the test loudly"
)]

pub mod workload;

use warden_policy::document::{PolicyDocument, PolicyKind};
use warden_policy::{
    Context, Decision, EvaluationInput, Gate, PolicySet, PolicySource, PolicyType, Principal,
    Request, Verdict, evaluate, explain, parse_policy,
};

pub const ACCT: &str = "111122223333";
pub const FOREIGN: &str = "444455556666";

pub fn alice() -> Principal {
    Principal::user("arn:aws:iam::111122223333:user/alice", "AIDAALICE")
}

pub fn bob() -> Principal {
    Principal::user("arn:aws:iam::444455556666:user/bob", "AIDABOB")
}

pub fn s1() -> Principal {
    Principal::role_session("arn:aws:iam::111122223333:role/app/R", "AROAR", "s1")
}

pub fn fed1() -> Principal {
    Principal::federated_user("arn:aws:iam::111122223333:user/alice", "AIDAALICE", "fed1")
}

/// Parses a policy, panicking with the validation errors if it is invalid.
pub fn doc(text: &str, kind: PolicyKind) -> PolicyDocument {
    match parse_policy(text, kind) {
        Ok(d) => d,
        Err(e) => panic!("invalid test policy ({kind:?}): {e}\n{text}"),
    }
}

/// `P(A, R)` of spec §7: an identity policy allowing action(s) `a` on resource(s) `r`
/// (each given as JSON text, e.g. `"\"iam:*\""`).
pub fn p(a: &str, r: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Action":"{a}","Resource":"{r}"}}}}"#
    )
}

/// A 2012-10-17 document with the given statement objects (JSON text).
pub fn stmts(statements: &[&str]) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        statements.join(",")
    )
}

fn kind_of(t: PolicyType) -> PolicyKind {
    match t {
        PolicyType::Identity => PolicyKind::Inline,
        PolicyType::Resource => PolicyKind::Resource,
        PolicyType::Trust => PolicyKind::Trust,
        PolicyType::PermissionsBoundary => PolicyKind::PermissionsBoundary,
        PolicyType::Session => PolicyKind::Session,
        PolicyType::ServiceControl => PolicyKind::ServiceControl,
        PolicyType::ResourceControl => PolicyKind::ResourceControl,
    }
}

/// Compiles a set of policies of one type.
pub fn set(principal: &Principal, t: PolicyType, texts: &[String]) -> PolicySet {
    let docs: Vec<PolicyDocument> = texts.iter().map(|x| doc(x, kind_of(t))).collect();
    let names: Vec<String> = (0..docs.len()).map(|i| format!("policy{i}")).collect();
    let sources: Vec<PolicySource<'_>> = docs
        .iter()
        .zip(&names)
        .map(|(d, n)| PolicySource::new(n, t, d))
        .collect();
    PolicySet::compile(principal, &sources)
}

/// Compiles already-parsed documents of one type, with save-time principal resolution.
pub fn set_of_docs(
    principal: &Principal,
    t: PolicyType,
    docs: &[PolicyDocument],
    resolved: &[(&str, &str)],
) -> PolicySet {
    let names: Vec<String> = (0..docs.len()).map(|i| format!("doc{i}")).collect();
    let sources: Vec<PolicySource<'_>> = docs
        .iter()
        .zip(&names)
        .map(|(d, n)| PolicySource::new(n, t, d))
        .collect();
    PolicySet::compile_resolved(principal, &sources, resolved)
}

/// A scenario: the principal and every policy set in force.
#[derive(Clone, Debug)]
pub struct Case {
    pub principal: Principal,
    pub identity: Vec<String>,
    pub boundary: Option<Vec<String>>,
    pub session: Option<Vec<String>>,
    pub resource: Option<(PolicyType, String)>,
    pub resource_account: Option<String>,
    pub scp: Vec<Vec<String>>,
    pub rcp: Vec<Vec<String>>,
    /// Identity documents given as parsed ASTs (for patterns the parser cannot express).
    pub identity_docs: Vec<PolicyDocument>,
    /// Save-time resolution of principal entries of the resource/trust policy.
    pub resolved: Vec<(String, String)>,
}

impl Case {
    pub fn new(principal: Principal) -> Self {
        Self {
            principal,
            identity: Vec::new(),
            boundary: None,
            session: None,
            resource: None,
            resource_account: None,
            scp: Vec::new(),
            rcp: Vec::new(),
            identity_docs: Vec::new(),
            resolved: Vec::new(),
        }
    }

    pub fn identity_doc(mut self, document: PolicyDocument) -> Self {
        self.identity_docs.push(document);
        self
    }

    pub fn resolve(mut self, arn: &str, unique_id: &str) -> Self {
        self.resolved.push((arn.to_owned(), unique_id.to_owned()));
        self
    }

    pub fn identity(mut self, texts: &[String]) -> Self {
        self.identity.extend(texts.iter().cloned());
        self
    }

    /// Attaches a boundary (and marks the principal as having one).
    pub fn boundary(mut self, texts: &[String]) -> Self {
        self.boundary = Some(texts.to_vec());
        self.principal = self.principal.with_boundary(true);
        self
    }

    pub fn session(mut self, texts: &[String]) -> Self {
        self.session = Some(texts.to_vec());
        self
    }

    pub fn resource_policy(mut self, text: &str) -> Self {
        self.resource = Some((PolicyType::Resource, text.to_owned()));
        self
    }

    pub fn trust(mut self, text: &str) -> Self {
        self.resource = Some((PolicyType::Trust, text.to_owned()));
        self
    }

    pub fn resource_account(mut self, account: &str) -> Self {
        self.resource_account = Some(account.to_owned());
        self
    }

    pub fn scp_level(mut self, texts: &[String]) -> Self {
        self.scp.push(texts.to_vec());
        self
    }

    pub fn rcp_level(mut self, texts: &[String]) -> Self {
        self.rcp.push(texts.to_vec());
        self
    }

    /// Evaluates one request with both the fast path and `explain`, asserting that they
    /// agree, and returns the verdict.
    pub fn check(&self, action: &str, resource: &str, context: &Context) -> Verdict {
        let pr = &self.principal;
        let mut docs: Vec<PolicyDocument> = self
            .identity
            .iter()
            .map(|x| doc(x, PolicyKind::Inline))
            .collect();
        docs.extend(self.identity_docs.iter().cloned());
        let identity = set_of_docs(pr, PolicyType::Identity, &docs, &[]);
        let boundary = self
            .boundary
            .as_ref()
            .map(|b| set(pr, PolicyType::PermissionsBoundary, b));
        let session = self
            .session
            .as_ref()
            .map(|s| set(pr, PolicyType::Session, s));
        let resolved: Vec<(&str, &str)> = self
            .resolved
            .iter()
            .map(|(a, i)| (a.as_str(), i.as_str()))
            .collect();
        let resource_policy = self
            .resource
            .as_ref()
            .map(|(t, text)| set_of_docs(pr, *t, &[doc(text, kind_of(*t))], &resolved));
        let scp: Vec<PolicySet> = self
            .scp
            .iter()
            .map(|l| set(pr, PolicyType::ServiceControl, l))
            .collect();
        let rcp: Vec<PolicySet> = self
            .rcp
            .iter()
            .map(|l| set(pr, PolicyType::ResourceControl, l))
            .collect();
        let input = EvaluationInput {
            principal: pr,
            identity: &identity,
            boundary: boundary.as_ref(),
            session: session.as_ref(),
            resource_policy: resource_policy.as_ref(),
            resource_account: self.resource_account.as_deref(),
            scp_levels: &scp,
            rcp_levels: &rcp,
        };
        let request = Request {
            action,
            resource,
            context,
        };
        let verdict = evaluate(&input, &request);
        let explanation = explain(&input, &request);
        assert_eq!(
            verdict, explanation.verdict,
            "fast path and explain disagree"
        );
        verdict
    }
}

/// Asserts a decision and, for denials, optionally the deciding gate.
pub fn assert_verdict(v: Verdict, decision: Decision, gate: Option<Gate>) {
    assert_eq!(v.decision, decision, "verdict: {v:?}");
    if let Some(g) = gate {
        assert_eq!(v.gate, g, "verdict: {v:?}");
    }
}

pub fn ctx() -> Context {
    Context::new()
}
