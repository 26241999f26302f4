//! The policy corpus (`testdata/policy-corpus/*.json`): realistic scenarios, each a principal,
//! its policy sets and several requests with the expected decision, deciding gate, the Sids
//! of every matched statement (in explanation order) and the missing context keys. One test
//! per file; every request also checks that `evaluate` and `explain` agree.
//!
//! File format: `principal` (`{"type": "user" | "user_session" | "role_session" |
//! "federated_user" | "root" | "service" | "anonymous" | "web_identity", ...}`), `identity`,
//! `boundary`, `session`, `resource_policy` (+ `resource_policy_type`: `Resource` | `Trust`),
//! `resource_account`, `scp_levels`, `rcp_levels` (policy documents as JSON objects), and
//! `requests` (`action`, `resource`, `context` as simulator `ContextEntries`, `expected`,
//! optional `gate`, `matched_sids`, `missing`).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test harness over fixture files: malformed fixtures must fail loudly"
)]

use serde_json::Value;
use warden_policy::document::PolicyKind;
use warden_policy::{
    Context, Decision, EvaluationInput, PolicySet, PolicySource, PolicyType, Principal, Request,
    evaluate, explain, parse_policy,
};

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("missing string `{key}` in {v}"))
}

fn principal(v: &Value) -> Principal {
    let p = match s(v, "type") {
        "root" => Principal::root(s(v, "account")),
        "user" => Principal::user(s(v, "arn"), s(v, "id")),
        "user_session" => {
            Principal::user_session(s(v, "arn"), s(v, "id"), v["mfa"].as_bool().unwrap())
        }
        "role_session" => {
            Principal::role_session(s(v, "role_arn"), s(v, "role_id"), s(v, "session"))
        }
        "federated_user" => {
            Principal::federated_user(s(v, "user_arn"), s(v, "user_id"), s(v, "name"))
        }
        "service" => Principal::service(s(v, "name")),
        "anonymous" => Principal::anonymous(),
        "web_identity" => Principal::web_identity(s(v, "provider")),
        other => panic!("unknown principal type {other}"),
    };
    let tags: Vec<(String, String)> = v["tags"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, x)| (k.clone(), x.as_str().unwrap().to_owned()))
                .collect()
        })
        .unwrap_or_default();
    p.with_tags(tags)
        .with_boundary(v["boundary"].as_bool().unwrap_or(false))
}

fn kind(t: PolicyType) -> PolicyKind {
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

fn compile(p: &Principal, t: PolicyType, docs: &[Value]) -> PolicySet {
    let parsed: Vec<_> = docs
        .iter()
        .map(|d| {
            let text = serde_json::to_string(d).unwrap();
            parse_policy(&text, kind(t))
                .unwrap_or_else(|e| panic!("{t:?} policy rejected: {e}\n{text}"))
        })
        .collect();
    let ids: Vec<String> = (0..parsed.len()).map(|i| format!("{t:?}{i}")).collect();
    let sources: Vec<_> = parsed
        .iter()
        .zip(&ids)
        .map(|(d, id)| PolicySource::new(id, t, d))
        .collect();
    PolicySet::compile(p, &sources)
}

fn list(v: &Value) -> Vec<Value> {
    v.as_array().cloned().unwrap_or_default()
}

fn run(file: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/policy-corpus")
        .join(file);
    let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let p = principal(&case["principal"]);
    let identity = compile(&p, PolicyType::Identity, &list(&case["identity"]));
    let boundary = case["boundary"]
        .as_array()
        .map(|b| compile(&p, PolicyType::PermissionsBoundary, b));
    let session = case["session"]
        .as_array()
        .map(|b| compile(&p, PolicyType::Session, b));
    let rtype = match case["resource_policy_type"].as_str() {
        Some("Trust") => PolicyType::Trust,
        _ => PolicyType::Resource,
    };
    let resource = (!case["resource_policy"].is_null())
        .then(|| compile(&p, rtype, std::slice::from_ref(&case["resource_policy"])));
    let scp: Vec<PolicySet> = list(&case["scp_levels"])
        .iter()
        .map(|l| compile(&p, PolicyType::ServiceControl, &list(l)))
        .collect();
    let rcp: Vec<PolicySet> = list(&case["rcp_levels"])
        .iter()
        .map(|l| compile(&p, PolicyType::ResourceControl, &list(l)))
        .collect();
    let input = EvaluationInput {
        principal: &p,
        identity: &identity,
        boundary: boundary.as_ref(),
        session: session.as_ref(),
        resource_policy: resource.as_ref(),
        resource_account: case["resource_account"].as_str(),
        scp_levels: &scp,
        rcp_levels: &rcp,
    };
    let requests = list(&case["requests"]);
    assert!(!requests.is_empty());
    let mut failures = Vec::new();
    for r in &requests {
        let name = s(r, "name");
        let entries = list(&r["context"]);
        let context = Context::from_entries(entries.iter().map(|e| {
            (
                s(e, "key"),
                s(e, "type"),
                e["values"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap()),
            )
        }))
        .unwrap();
        let request = Request {
            action: s(r, "action"),
            resource: s(r, "resource"),
            context: &context,
        };
        let verdict = evaluate(&input, &request);
        let e = explain(&input, &request);
        assert_eq!(verdict, e.verdict, "{name}: evaluate and explain disagree");
        let expected = match s(r, "expected") {
            "Allow" => Decision::Allow,
            "ExplicitDeny" => Decision::ExplicitDeny,
            "ImplicitDeny" => Decision::ImplicitDeny,
            other => panic!("{name}: unknown decision {other}"),
        };
        if verdict.decision != expected {
            failures.push(format!("{name}: expected {expected:?}, got {verdict:?}"));
        }
        if let Some(gate) = r["gate"].as_str()
            && format!("{:?}", verdict.gate) != gate
        {
            failures.push(format!(
                "{name}: expected gate {gate}, got {:?}",
                verdict.gate
            ));
        }
        if let Some(sids) = r["matched_sids"].as_array() {
            let want: Vec<&str> = sids.iter().map(|x| x.as_str().unwrap()).collect();
            let got: Vec<&str> = e
                .matched
                .iter()
                .map(|m| m.sid.as_deref().unwrap_or(""))
                .collect();
            if want != got {
                failures.push(format!("{name}: matched {got:?}, expected {want:?}"));
            }
        }
        if let Some(keys) = r["missing"].as_array() {
            let want: Vec<&str> = keys.iter().map(|x| x.as_str().unwrap()).collect();
            if want != e.missing_context_keys {
                failures.push(format!(
                    "{name}: missing keys {:?}, expected {want:?}",
                    e.missing_context_keys
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{file}:\n{}", failures.join("\n"));
}

macro_rules! corpus {
    ($($name:ident: $file:expr;)*) => {$(
        #[test]
        fn $name() {
            run($file);
        }
    )*};
}

corpus! {
    abac_project_tags: "abac-project-tags.json";
    boundary_delegated_admin: "boundary-delegated-admin.json";
    mfa_protected_admin: "mfa-protected-admin.json";
    s3_bucket_cross_account: "s3-bucket-cross-account.json";
    scp_region_guardrail: "scp-region-guardrail.json";
    trust_and_assume: "trust-and-assume.json";
}

#[test]
fn every_corpus_file_is_listed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/policy-corpus");
    let count = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "json")
        })
        .count();
    assert_eq!(count, 6, "add the new corpus file to the `corpus!` list");
}
