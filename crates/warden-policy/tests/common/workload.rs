//! Loader for the `iam-authz-v1` benchmark workload (`testdata/iam-authz-v1/`), shared by
//! `tests/workload.rs` and usable from benches with
//! `#[path = "../tests/common/workload.rs"] mod workload;`.
//!
//! Builds the principal's effective identity policy set (its attached policies, then the
//! policies of each of its groups, in account-file order), the principal with its IAM tags,
//! and every request with a typed context (`ValueType::of_key`: `aws:SourceIp` as IP,
//! `aws:CurrentTime` as date, `aws:MultiFactorAuthPresent` as boolean, the rest strings).

#![allow(
    dead_code,
    unreachable_pub,
    reason = "shared by several test targets that each use a subset"
)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test fixture loader: malformed fixtures must fail loudly"
)]

use std::path::{Path, PathBuf};

use serde_json::Value;
use warden_policy::document::{PolicyDocument, PolicyKind};
use warden_policy::{
    Context, Decision, PolicySet, PolicySource, PolicyType, Principal, parse_policy,
};

/// The principal every workload request is made by.
pub const PRINCIPAL: &str = "user0042";

/// One workload request with its typed context and expected decision.
#[derive(Clone, Debug)]
pub struct WorkloadRequest {
    pub id: u64,
    pub action: String,
    pub resource: String,
    pub context: Context,
    pub expected: Decision,
    pub category: String,
}

/// The loaded workload.
#[derive(Clone, Debug)]
pub struct Workload {
    pub principal: Principal,
    /// (policy name, document) in evaluation order.
    pub policies: Vec<(String, PolicyDocument)>,
    pub requests: Vec<WorkloadRequest>,
}

impl Workload {
    /// Compiles the principal's identity policy set.
    pub fn compile(&self) -> PolicySet {
        let sources: Vec<PolicySource<'_>> = self
            .policies
            .iter()
            .map(|(name, doc)| PolicySource::new(name, PolicyType::Identity, doc))
            .collect();
        PolicySet::compile(&self.principal, &sources)
    }
}

/// The directory of the copied workload files.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/iam-authz-v1")
}

/// Loads the workload for `user` from `dir` (`account.json`, `requests.jsonl`).
pub fn load(dir: &Path, user: &str) -> Workload {
    let account: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("account.json")).unwrap()).unwrap();
    let account_id = account["account_id"].as_str().unwrap();
    let users = account["users"].as_array().unwrap();
    let me = users
        .iter()
        .find(|u| u["name"] == user)
        .unwrap_or_else(|| panic!("user {user} not in account.json"));
    let tags: Vec<(String, String)> = me["tags"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
        .collect();
    let principal = Principal::user(
        &format!("arn:aws:iam::{account_id}:user/{user}"),
        &format!("AIDA{}", user.to_ascii_uppercase()),
    )
    .with_tags(tags);

    let mut names: Vec<String> = me["attached_policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    for group in me["groups"].as_array().unwrap() {
        let g = account["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["name"] == *group)
            .unwrap();
        names.extend(
            g["attached_policies"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned()),
        );
    }
    let policies = names
        .into_iter()
        .map(|name| {
            let p = account["policies"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"] == name.as_str())
                .unwrap();
            let text = serde_json::to_string(&p["document"]).unwrap();
            let doc = parse_policy(&text, PolicyKind::Managed)
                .unwrap_or_else(|e| panic!("policy {name} rejected: {e}"));
            (name, doc)
        })
        .collect();

    let requests = std::fs::read_to_string(dir.join("requests.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let r: Value = serde_json::from_str(line).unwrap();
            let context = r["context"]
                .as_object()
                .unwrap()
                .iter()
                .fold(Context::builder(), |b, (k, v)| {
                    b.auto(k, v.as_str().unwrap())
                })
                .build();
            let expected = match r["expected"].as_str().unwrap() {
                "Allow" => Decision::Allow,
                "ExplicitDeny" | "Deny" => Decision::ExplicitDeny,
                "ImplicitDeny" => Decision::ImplicitDeny,
                other => panic!("unknown expected decision {other}"),
            };
            WorkloadRequest {
                id: r["id"].as_u64().unwrap(),
                action: r["action"].as_str().unwrap().to_owned(),
                resource: r["resource"].as_str().unwrap().to_owned(),
                context,
                expected,
                category: r["category"].as_str().unwrap().to_owned(),
            }
        })
        .collect();
    Workload {
        principal,
        policies,
        requests,
    }
}
