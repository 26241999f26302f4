//! The `iam-authz-v1` workload: the account, the 1,000 requests and the two Cedar translations.
//!
//! The files are copied verbatim from the normative definition (`WORKLOAD.md`, checksums in
//! `data/iam-authz-v1/SHA256SUMS`) and embedded at compile time, so neither the benchmark nor the
//! tests read anything outside the crate at run time.

use std::collections::BTreeMap;

use serde::Deserialize;

/// `account.json`, verbatim.
pub const ACCOUNT_JSON: &str = include_str!("../data/iam-authz-v1/account.json");
/// `requests.jsonl`, verbatim: one request object per line.
pub const REQUESTS_JSONL: &str = include_str!("../data/iam-authz-v1/requests.jsonl");
/// `cedar-sliced-like.cedar`: wildcard actions written as `context.act like "..."`.
pub const CEDAR_LIKE: &str = include_str!("../data/iam-authz-v1/cedar-sliced-like.cedar");
/// `cedar-sliced-groups.cedar`: wildcard actions written as action groups (`action in [...]`).
pub const CEDAR_GROUPS: &str = include_str!("../data/iam-authz-v1/cedar-sliced-groups.cedar");

/// The principal every request of the workload is made by (WORKLOAD.md "Account").
pub const PRINCIPAL: &str = "user0042";

/// Why the workload could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum WorkloadError {
    /// `account.json` is not the expected shape.
    #[error("account.json: {0}")]
    Account(#[source] serde_json::Error),
    /// A line of `requests.jsonl` is not the expected shape.
    #[error("requests.jsonl line {line}: {source}")]
    Request {
        /// 1-based line number.
        line: usize,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
    /// A user named by the workload is missing from the account.
    #[error("unknown user {0}")]
    UnknownUser(String),
    /// A group named by a user is missing from the account.
    #[error("unknown group {0}")]
    UnknownGroup(String),
    /// A policy named by a user or group attachment is missing from the account.
    #[error("unknown policy {0}")]
    UnknownPolicy(String),
}

/// The account file (`account.json`).
#[derive(Clone, Debug, Deserialize)]
pub struct Account {
    /// `123456789012`.
    pub account_id: String,
    /// 1,000 users.
    pub users: Vec<User>,
    /// 50 groups.
    pub groups: Vec<Group>,
    /// 200 customer-managed policies.
    pub policies: Vec<Policy>,
}

/// One IAM user of the account.
#[derive(Clone, Debug, Deserialize)]
pub struct User {
    /// The user name (`user0042`).
    pub name: String,
    /// Names of the groups the user belongs to, in file order.
    pub groups: Vec<String>,
    /// Names of the managed policies attached directly to the user.
    pub attached_policies: Vec<String>,
    /// The user's IAM tags (the source of `aws:PrincipalTag/*`).
    pub tags: BTreeMap<String, String>,
}

/// One IAM group of the account.
#[derive(Clone, Debug, Deserialize)]
pub struct Group {
    /// The group name (`group00`).
    pub name: String,
    /// Names of the managed policies attached to the group.
    pub attached_policies: Vec<String>,
}

/// One customer-managed policy.
#[derive(Clone, Debug, Deserialize)]
pub struct Policy {
    /// The policy name (`pol000`).
    pub name: String,
    /// The policy ARN.
    pub arn: String,
    /// The policy document as JSON.
    pub document: serde_json::Value,
}

/// The decision the workload expects for a request (the reference evaluator's verdict).
#[derive(Clone, Copy, Debug, Deserialize, Eq, Hash, PartialEq)]
pub enum Expected {
    /// Some Allow statement matches and no Deny does.
    Allow,
    /// A Deny statement matches.
    ExplicitDeny,
    /// Nothing allows the request.
    ImplicitDeny,
}

impl Expected {
    /// Whether the request is allowed (the only distinction Cedar makes).
    #[must_use]
    pub fn is_allow(self) -> bool {
        self == Self::Allow
    }
}

/// One line of `requests.jsonl`.
#[derive(Clone, Debug, Deserialize)]
pub struct WorkloadRequest {
    /// 0-based request number.
    pub id: u32,
    /// Always `user0042`.
    pub principal: String,
    /// The action as a client sends it (`s3:GetObject`, mixed case).
    pub action: String,
    /// The resource ARN, or `*` for actions without resource-level permissions.
    pub resource: String,
    /// The request-supplied context keys (`aws:SourceIp`, `aws:CurrentTime`,
    /// `aws:MultiFactorAuthPresent`, `aws:ResourceTag/<tag>`), all as strings.
    pub context: BTreeMap<String, String>,
    /// The expected decision.
    pub expected: Expected,
    /// `allow`, `implicit-nomatch`, `implicit-condition` or `explicit`.
    pub category: String,
}

/// The whole workload, parsed.
#[derive(Clone, Debug)]
pub struct Workload {
    /// The account.
    pub account: Account,
    /// The 1,000 requests in file order.
    pub requests: Vec<WorkloadRequest>,
}

/// The principal under test with everything its effective policy set needs.
#[derive(Clone, Debug)]
pub struct PrincipalSet<'a> {
    /// The user.
    pub user: &'a User,
    /// Its groups, in the user's order.
    pub groups: Vec<&'a Group>,
    /// Its effective policies: the directly attached ones first, then each group's in order.
    /// A policy reachable twice is listed once (IAM evaluates a policy once however attached).
    pub policies: Vec<&'a Policy>,
}

impl Workload {
    /// Parses the embedded workload files.
    ///
    /// # Errors
    /// [`WorkloadError`] if a file does not have the shape of `iam-authz-v1`.
    pub fn load() -> Result<Self, WorkloadError> {
        let account: Account =
            serde_json::from_str(ACCOUNT_JSON).map_err(WorkloadError::Account)?;
        let requests = REQUESTS_JSONL
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| {
                serde_json::from_str(line).map_err(|source| WorkloadError::Request {
                    line: i + 1,
                    source,
                })
            })
            .collect::<Result<Vec<WorkloadRequest>, _>>()?;
        Ok(Self { account, requests })
    }

    /// The named user, its groups and its effective policy set.
    ///
    /// # Errors
    /// [`WorkloadError`] if the user, one of its groups or one of the attached policies is
    /// missing from the account.
    pub fn principal_set(&self, user: &str) -> Result<PrincipalSet<'_>, WorkloadError> {
        let account = &self.account;
        let user = account
            .users
            .iter()
            .find(|u| u.name == user)
            .ok_or_else(|| WorkloadError::UnknownUser(user.to_owned()))?;
        let groups = user
            .groups
            .iter()
            .map(|g| {
                account
                    .groups
                    .iter()
                    .find(|x| &x.name == g)
                    .ok_or_else(|| WorkloadError::UnknownGroup(g.clone()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut policies: Vec<&Policy> = Vec::new();
        let names = user
            .attached_policies
            .iter()
            .chain(groups.iter().flat_map(|g| g.attached_policies.iter()));
        for name in names {
            let policy = account
                .policies
                .iter()
                .find(|p| &p.name == name)
                .ok_or_else(|| WorkloadError::UnknownPolicy(name.clone()))?;
            if !policies.iter().any(|p| p.name == policy.name) {
                policies.push(policy);
            }
        }
        Ok(PrincipalSet {
            user,
            groups,
            policies,
        })
    }
}
