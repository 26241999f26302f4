//! `warden import FILE --account ID`: loads the JSON that `aws iam
//! get-account-authorization-details` writes (users, groups, roles, instance profiles,
//! customer managed policies with all versions, AWS managed policies, inline policies,
//! attachments, boundaries, tags) into one account (api.md §5.7, §5.16).
//!
//! The whole document is parsed into typed values and validated first (names, paths, ids,
//! ARNs, dates, every policy document through warden-policy's validator); every problem
//! is reported with its JSON path (`$.UserDetailList[12].UserName`) and nothing is
//! written. Then everything is written in one transaction: entities are upserted by name
//! (an existing entity keeps its id; new ones get the file's ids and dates) and the
//! relations of every imported entity are replaced by the file's, so importing the same
//! file again changes nothing.
//!
//! A running `warden serve` on PostgreSQL notices the import within a second (the commit
//! notifies every node). On SQLite the change feed is in-process only: import while the
//! server is stopped, or restart it afterwards, or its policy caches may keep using the
//! documents they had for principals they already cached.

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use serde::Deserialize;
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use warden_core::{
    AccountImport, Group, ImportCounts, ImportedPolicy, ImportedPolicyVersion, ImportedRelations,
    InstanceProfile, ResolvedPrincipal, Role, RoleLastUsed, Store, StoreError, Tag, TagTarget,
    Transaction, User, is_aws_managed_arn, name_key,
};
use warden_policy::document::PolicyKind;
use warden_server::Services;
use warden_types::AccountId;

use super::serve::{StorageArgs, StoreTask, with_store};

/// Arguments of `warden import`. With SQLite, stop `warden serve` while importing (or
/// restart it afterwards): its policy caches do not see writes of other processes.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    storage: StorageArgs,
    /// The JSON written by `aws iam get-account-authorization-details` (`-`: standard input).
    file: PathBuf,
    /// The account to load it into (it must exist: `warden account create`).
    #[arg(long)]
    account: String,
}

// ---- the input format (botocore's GetAccountAuthorizationDetailsResponse shapes)

/// The document. Unknown keys (`IsTruncated`, `Marker`) are ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct Details {
    #[serde(default)]
    pub(crate) user_detail_list: Vec<UserDetail>,
    #[serde(default)]
    pub(crate) group_detail_list: Vec<GroupDetail>,
    #[serde(default)]
    pub(crate) role_detail_list: Vec<RoleDetail>,
    #[serde(default)]
    pub(crate) policies: Vec<PolicyDetail>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct UserDetail {
    path: Option<String>,
    user_name: Option<String>,
    user_id: Option<String>,
    create_date: Option<String>,
    #[serde(default)]
    user_policy_list: Vec<InlineDetail>,
    #[serde(default)]
    group_list: Vec<String>,
    #[serde(default)]
    attached_managed_policies: Vec<AttachedDetail>,
    permissions_boundary: Option<BoundaryDetail>,
    #[serde(default)]
    tags: Vec<TagDetail>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct GroupDetail {
    path: Option<String>,
    group_name: Option<String>,
    group_id: Option<String>,
    create_date: Option<String>,
    #[serde(default)]
    group_policy_list: Vec<InlineDetail>,
    #[serde(default)]
    attached_managed_policies: Vec<AttachedDetail>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct RoleDetail {
    path: Option<String>,
    role_name: Option<String>,
    role_id: Option<String>,
    create_date: Option<String>,
    assume_role_policy_document: Option<Value>,
    #[serde(default)]
    instance_profile_list: Vec<InstanceProfileDetail>,
    #[serde(default)]
    role_policy_list: Vec<InlineDetail>,
    #[serde(default)]
    attached_managed_policies: Vec<AttachedDetail>,
    permissions_boundary: Option<BoundaryDetail>,
    #[serde(default)]
    tags: Vec<TagDetail>,
    role_last_used: Option<LastUsedDetail>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct InstanceProfileDetail {
    path: Option<String>,
    instance_profile_name: Option<String>,
    instance_profile_id: Option<String>,
    create_date: Option<String>,
    #[serde(default)]
    tags: Vec<TagDetail>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct LastUsedDetail {
    last_used_date: Option<String>,
    region: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct InlineDetail {
    policy_name: Option<String>,
    policy_document: Option<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct AttachedDetail {
    policy_arn: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct BoundaryDetail {
    permissions_boundary_arn: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct TagDetail {
    key: Option<String>,
    value: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct PolicyDetail {
    policy_name: Option<String>,
    policy_id: Option<String>,
    arn: Option<String>,
    path: Option<String>,
    default_version_id: Option<String>,
    description: Option<String>,
    create_date: Option<String>,
    update_date: Option<String>,
    is_attachable: Option<bool>,
    #[serde(default)]
    policy_version_list: Vec<VersionDetail>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct VersionDetail {
    document: Option<Value>,
    version_id: Option<String>,
    is_default_version: Option<bool>,
    create_date: Option<String>,
}

// ---- validation

/// One problem of the input, at a JSON path.
#[derive(Clone, Debug, Eq, PartialEq)]
pub(crate) struct Problem {
    /// `$.UserDetailList[12].UserName`.
    pub(crate) path: String,
    /// What is wrong.
    pub(crate) message: String,
}

/// Everything to write, validated.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// The account's entities and policies.
    pub(crate) data: AccountImport,
    /// Instance profiles with the name of their role.
    pub(crate) profiles: Vec<(InstanceProfile, String, Vec<Tag>)>,
    /// Policy ARNs attached (or used as boundary) but not in the file, with the path
    /// naming them: they must exist already (AWS managed policies loaded before, customer
    /// policies of the account; a filtered export omits them).
    pub(crate) references: Vec<(String, String)>,
    /// Group names of `GroupList`s that are not in the file, with their path: they must
    /// exist in the account already.
    pub(crate) group_references: Vec<(String, String)>,
}

/// Collects problems while turning the document into a [`Plan`].
struct Validator {
    account: AccountId,
    problems: Vec<Problem>,
}

/// Users, roles, policies: `[\w+=,.@-]+` (api.md §3.4).
fn valid_name(name: &str, max: usize) -> bool {
    !name.is_empty()
        && name.len() <= max
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c))
}

/// `/` or `/…/` of printable ASCII, at most 512 characters (api.md §3.4).
fn valid_path(path: &str) -> bool {
    path.len() <= 512
        && path.starts_with('/')
        && path.ends_with('/')
        && path.chars().all(|c| ('!'..='~').contains(&c))
}

/// Unique ids: `[\w]+`, 16 to 128 characters.
fn valid_id(id: &str) -> bool {
    (16..=128).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A JSON pointer of warden-policy (`/Statement/0/Action`) as a path suffix
/// (`.Statement[0].Action`).
fn pointer_suffix(pointer: &str) -> String {
    let mut out = String::new();
    for segment in pointer.split('/').filter(|s| !s.is_empty()) {
        if segment.bytes().all(|b| b.is_ascii_digit()) {
            out.push('[');
            out.push_str(segment);
            out.push(']');
        } else {
            out.push('.');
            out.push_str(&segment.replace("~1", "/").replace("~0", "~"));
        }
    }
    out
}

impl Validator {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// A required string field.
    fn required<'a>(&mut self, path: &str, value: Option<&'a String>) -> Option<&'a str> {
        match value {
            Some(v) => Some(v.as_str()),
            None => {
                self.problem(path, "is required");
                None
            }
        }
    }

    fn name(&mut self, path: &str, value: Option<&String>, max: usize) -> Option<String> {
        let name = self.required(path, value)?;
        if valid_name(name, max) {
            Some(name.to_owned())
        } else {
            self.problem(
                path,
                format!("`{name}` is not a valid name ([\\w+=,.@-], 1 to {max} characters)"),
            );
            None
        }
    }

    fn path(&mut self, path: &str, value: Option<&String>) -> String {
        match value {
            None => "/".to_owned(),
            Some(p) if valid_path(p) => p.clone(),
            Some(p) => {
                self.problem(path, format!("`{p}` is not a valid path (`/` or `/…/`)"));
                "/".to_owned()
            }
        }
    }

    fn id(&mut self, path: &str, value: Option<&String>, prefix: &str) -> Option<String> {
        let id = self.required(path, value)?;
        if valid_id(id) {
            Some(id.to_owned())
        } else {
            self.problem(
                path,
                format!(
                    "`{id}` is not a valid unique id (like `{prefix}…`, 16 to 128 word characters)"
                ),
            );
            None
        }
    }

    fn date(&mut self, path: &str, value: Option<&String>) -> OffsetDateTime {
        let Some(text) = value else {
            self.problem(path, "is required");
            return OffsetDateTime::UNIX_EPOCH;
        };
        match OffsetDateTime::parse(text, &Rfc3339) {
            // IAM dates have second precision (api.md §3.8).
            Ok(t) => t.replace_nanosecond(0).unwrap_or(t),
            Err(_) => {
                self.problem(path, format!("`{text}` is not an ISO 8601 date-time"));
                OffsetDateTime::UNIX_EPOCH
            }
        }
    }

    /// A policy document: a JSON object (aws CLI output) or a string, URL-encoded (raw
    /// API) or plain JSON; validated as `kind`, without a size quota when `limit` is
    /// `None`.
    fn document(
        &mut self,
        path: &str,
        value: Option<&Value>,
        kind: PolicyKind,
        limit: Option<Option<usize>>,
    ) -> Option<String> {
        let text = match value {
            None => {
                self.problem(path, "is required");
                return None;
            }
            Some(Value::Object(_)) => serde_json::to_string(value?).ok()?,
            Some(Value::String(s)) if s.trim_start().starts_with('{') => s.clone(),
            Some(Value::String(s)) => match percent_encoding::percent_decode_str(s).decode_utf8() {
                Ok(decoded) => decoded.into_owned(),
                Err(_) => {
                    self.problem(path, "is not URL-encoded UTF-8");
                    return None;
                }
            },
            Some(_) => {
                self.problem(path, "must be a JSON object or a string");
                return None;
            }
        };
        let result = match limit {
            Some(limit) => warden_policy::parse_policy_with_limit(&text, kind, limit),
            None => warden_policy::parse_policy(&text, kind),
        };
        match result {
            Ok(_) => Some(text),
            Err(errors) => {
                for e in errors.errors() {
                    self.problem(
                        &format!("{path}{}", pointer_suffix(e.path())),
                        e.message().to_owned(),
                    );
                }
                None
            }
        }
    }

    fn tags(&mut self, path: &str, tags: &[TagDetail]) -> Vec<Tag> {
        if tags.len() > 50 {
            self.problem(path, "has more than 50 tags");
        }
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (i, t) in tags.iter().enumerate() {
            let at = format!("{path}[{i}]");
            let key = self.required(&format!("{at}.Key"), t.key.as_ref());
            let value = self.required(&format!("{at}.Value"), t.value.as_ref());
            if let (Some(key), Some(value)) = (key, value) {
                if key.is_empty() || key.chars().count() > 128 || value.chars().count() > 256 {
                    self.problem(&at, "tag keys have 1 to 128 characters, values at most 256");
                }
                if !seen.insert(key.to_owned()) {
                    self.problem(&format!("{at}.Key"), format!("duplicate tag key `{key}`"));
                }
                out.push(Tag {
                    key: key.to_owned(),
                    value: value.to_owned(),
                });
            }
        }
        out
    }

    fn inline(&mut self, path: &str, list: &[InlineDetail]) -> Vec<(String, String)> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (i, p) in list.iter().enumerate() {
            let at = format!("{path}[{i}]");
            let name = self.name(&format!("{at}.PolicyName"), p.policy_name.as_ref(), 128);
            let doc = self.document(
                &format!("{at}.PolicyDocument"),
                p.policy_document.as_ref(),
                PolicyKind::Inline,
                None,
            );
            if let Some(name) = &name
                && !seen.insert(name_key(name))
            {
                self.problem(
                    &format!("{at}.PolicyName"),
                    format!("duplicate inline policy `{name}`"),
                );
            }
            if let (Some(name), Some(doc)) = (name, doc) {
                out.push((name, doc));
            }
        }
        out
    }

    fn arn(&mut self, path: &str, value: Option<&String>) -> Option<String> {
        let arn = self.required(path, value)?;
        if arn.parse::<warden_types::Arn>().is_err() || !arn.contains(":policy/") {
            self.problem(path, format!("`{arn}` is not a managed policy ARN"));
            return None;
        }
        Some(arn.to_owned())
    }
}

/// `arn` with its account field replaced by `account`: customer policies of the file
/// become policies of the account they are imported into.
fn rebase_arn(arn: &str, account: &str) -> String {
    let mut parts: Vec<&str> = arn.splitn(6, ':').collect();
    if let Some(field) = parts.get_mut(4) {
        *field = account;
    }
    parts.join(":")
}

/// The validated policies, before entities (attachments refer to them by ARN).
struct PolicyIndex {
    /// File ARN → stored ARN, for every policy of the file.
    arns: HashMap<String, String>,
}

/// Validates the whole document; `Err` holds every problem.
pub(crate) fn plan(details: &Details, account: AccountId) -> Result<Plan, Vec<Problem>> {
    let mut v = Validator {
        account,
        problems: Vec::new(),
    };
    let mut plan = Plan::default();
    let index = policies(&mut v, details, &mut plan);
    groups(&mut v, details, &index, &mut plan);
    users(&mut v, details, &index, &mut plan);
    roles(&mut v, details, &index, &mut plan);
    if v.problems.is_empty() {
        Ok(plan)
    } else {
        Err(v.problems)
    }
}

fn policies(v: &mut Validator, details: &Details, plan: &mut Plan) -> PolicyIndex {
    let mut index = PolicyIndex {
        arns: HashMap::new(),
    };
    let mut names: HashMap<(bool, String), usize> = HashMap::new();
    let mut ids: HashSet<String> = HashSet::new();
    for (i, p) in details.policies.iter().enumerate() {
        let at = format!("$.Policies[{i}]");
        let name = v.name(&format!("{at}.PolicyName"), p.policy_name.as_ref(), 128);
        let id = v.id(&format!("{at}.PolicyId"), p.policy_id.as_ref(), "ANPA");
        let path = v.path(&format!("{at}.Path"), p.path.as_ref());
        let arn = v.arn(&format!("{at}.Arn"), p.arn.as_ref());
        let created = v.date(&format!("{at}.CreateDate"), p.create_date.as_ref());
        let updated = match &p.update_date {
            Some(_) => v.date(&format!("{at}.UpdateDate"), p.update_date.as_ref()),
            None => created,
        };
        let aws = arn.as_deref().is_some_and(is_aws_managed_arn);
        if let (Some(name), Some(arn)) = (&name, &arn)
            && !arn.ends_with(&format!(":policy{path}{name}"))
        {
            v.problem(
                &format!("{at}.Arn"),
                format!("`{arn}` does not match path `{path}` and name `{name}`"),
            );
        }
        if let Some(name) = &name
            && names.insert((aws, name_key(name)), i).is_some()
        {
            v.problem(
                &format!("{at}.PolicyName"),
                format!("duplicate policy name `{name}`"),
            );
        }
        if let Some(id) = &id
            && !ids.insert(id.clone())
        {
            v.problem(&format!("{at}.PolicyId"), format!("duplicate id `{id}`"));
        }
        // Versions: AWS managed documents are AWS's, larger than the customer quota and
        // not bound to CreatePolicy's rules (identity grammar, no size quota).
        let (kind, limit) = if aws {
            (PolicyKind::Inline, Some(None))
        } else {
            (PolicyKind::Managed, None)
        };
        let mut versions = Vec::new();
        let mut default = None;
        let mut numbers = HashSet::new();
        if p.policy_version_list.is_empty() {
            v.problem(&format!("{at}.PolicyVersionList"), "has no versions");
        }
        if !aws && p.policy_version_list.len() > 5 {
            v.problem(
                &format!("{at}.PolicyVersionList"),
                "a managed policy can have up to 5 versions",
            );
        }
        for (j, ver) in p.policy_version_list.iter().enumerate() {
            let vat = format!("{at}.PolicyVersionList[{j}]");
            let number = match ver.version_id.as_deref().and_then(version_number) {
                Some(n) => Some(n),
                None => {
                    v.problem(&format!("{vat}.VersionId"), "must be `v<N>`");
                    None
                }
            };
            let doc = v.document(
                &format!("{vat}.Document"),
                ver.document.as_ref(),
                kind,
                limit,
            );
            let vcreated = match &ver.create_date {
                Some(_) => v.date(&format!("{vat}.CreateDate"), ver.create_date.as_ref()),
                None => created,
            };
            if let Some(n) = number {
                if !numbers.insert(n) {
                    v.problem(&format!("{vat}.VersionId"), "duplicate version id");
                }
                if ver.is_default_version == Some(true) {
                    if default.is_some() {
                        v.problem(&format!("{vat}.IsDefaultVersion"), "second default version");
                    }
                    default = Some(n);
                }
                if let Some(document) = doc {
                    versions.push(ImportedPolicyVersion {
                        number: n,
                        document,
                        created: vcreated,
                    });
                }
            }
        }
        let declared = p.default_version_id.as_deref().and_then(version_number);
        let default = match (declared, default) {
            (Some(d), Some(f)) if d != f => {
                v.problem(
                    &format!("{at}.DefaultVersionId"),
                    "does not name the version marked IsDefaultVersion",
                );
                None
            }
            (Some(d), _) if !numbers.contains(&d) => {
                v.problem(&format!("{at}.DefaultVersionId"), "names no listed version");
                None
            }
            (Some(d), _) | (None, Some(d)) => Some(d),
            (None, None) => {
                v.problem(&format!("{at}.DefaultVersionId"), "is required");
                None
            }
        };
        let (Some(name), Some(id), Some(arn), Some(default)) = (name, id, arn, default) else {
            continue;
        };
        let stored_arn = if aws {
            arn.clone()
        } else {
            rebase_arn(&arn, v.account.as_str())
        };
        index.arns.insert(arn.clone(), stored_arn.clone());
        let policy = ImportedPolicy {
            id,
            name,
            path,
            arn: stored_arn,
            description: p.description.clone().filter(|d| !d.is_empty()),
            created,
            updated,
            default_version: default,
            versions,
            attachable: p.is_attachable.unwrap_or(true),
        };
        if aws {
            plan.data.aws_policies.push(policy);
        } else {
            plan.data.policies.push(policy);
        }
    }
    index
}

/// `v<N>`, N > 0 without leading zeros.
fn version_number(id: &str) -> Option<u32> {
    let digits = id.strip_prefix('v')?;
    if digits.starts_with('0') || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Resolves an attached or boundary ARN: a policy of the file, or one that must exist
/// already (checked against the store before writing).
fn resolve_arn(
    v: &mut Validator,
    index: &PolicyIndex,
    plan: &mut Plan,
    path: &str,
    arn: &str,
) -> Option<String> {
    if let Some(stored) = index.arns.get(arn) {
        return Some(stored.clone());
    }
    let stored = if is_aws_managed_arn(arn) {
        arn.to_owned()
    } else {
        rebase_arn(arn, v.account.as_str())
    };
    plan.references.push((path.to_owned(), stored.clone()));
    Some(stored)
}

fn attached(
    v: &mut Validator,
    index: &PolicyIndex,
    plan: &mut Plan,
    path: &str,
    list: &[AttachedDetail],
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, a) in list.iter().enumerate() {
        let at = format!("{path}[{i}].PolicyArn");
        let Some(arn) = v.arn(&at, a.policy_arn.as_ref()) else {
            continue;
        };
        if let Some(stored) = resolve_arn(v, index, plan, &at, &arn) {
            if out.contains(&stored) {
                v.problem(&at, format!("`{arn}` is attached twice"));
            } else {
                out.push(stored);
            }
        }
    }
    // No quota check: an account's attachment quota may have been raised (api.md §3.7).
    out
}

fn boundary(
    v: &mut Validator,
    index: &PolicyIndex,
    plan: &mut Plan,
    path: &str,
    value: Option<&BoundaryDetail>,
) -> Option<String> {
    let b = value?;
    let at = format!("{path}.PermissionsBoundaryArn");
    let arn = v.arn(&at, b.permissions_boundary_arn.as_ref())?;
    resolve_arn(v, index, plan, &at, &arn)
}

/// Names seen per kind, for duplicates.
fn unique_name(
    v: &mut Validator,
    seen: &mut HashSet<String>,
    ids: &mut HashSet<String>,
    at: &str,
    name: &str,
    id: &str,
    id_field: &str,
) {
    if !seen.insert(name_key(name)) {
        v.problem(at, format!("duplicate name `{name}`"));
    }
    if !ids.insert(id.to_owned()) {
        v.problem(id_field, format!("duplicate id `{id}`"));
    }
}

fn groups(v: &mut Validator, details: &Details, index: &PolicyIndex, plan: &mut Plan) {
    let (mut seen, mut ids) = (HashSet::new(), HashSet::new());
    for (i, g) in details.group_detail_list.iter().enumerate() {
        let at = format!("$.GroupDetailList[{i}]");
        let name = v.name(&format!("{at}.GroupName"), g.group_name.as_ref(), 128);
        let id = v.id(&format!("{at}.GroupId"), g.group_id.as_ref(), "AGPA");
        let path = v.path(&format!("{at}.Path"), g.path.as_ref());
        let created = v.date(&format!("{at}.CreateDate"), g.create_date.as_ref());
        let inline = v.inline(&format!("{at}.GroupPolicyList"), &g.group_policy_list);
        let attached = attached(
            v,
            index,
            plan,
            &format!("{at}.AttachedManagedPolicies"),
            &g.attached_managed_policies,
        );
        let (Some(name), Some(id)) = (name, id) else {
            continue;
        };
        unique_name(
            v,
            &mut seen,
            &mut ids,
            &format!("{at}.GroupName"),
            &name,
            &id,
            &format!("{at}.GroupId"),
        );
        plan.data.groups.push((
            Group {
                account: v.account,
                id,
                name,
                path,
                created,
            },
            ImportedRelations {
                attached,
                inline,
                tags: Vec::new(),
            },
        ));
    }
}

fn users(v: &mut Validator, details: &Details, index: &PolicyIndex, plan: &mut Plan) {
    let group_names: HashSet<String> = plan
        .data
        .groups
        .iter()
        .map(|(g, _)| name_key(&g.name))
        .collect();
    let (mut seen, mut ids) = (HashSet::new(), HashSet::new());
    for (i, u) in details.user_detail_list.iter().enumerate() {
        let at = format!("$.UserDetailList[{i}]");
        let name = v.name(&format!("{at}.UserName"), u.user_name.as_ref(), 64);
        let id = v.id(&format!("{at}.UserId"), u.user_id.as_ref(), "AIDA");
        let path = v.path(&format!("{at}.Path"), u.path.as_ref());
        let created = v.date(&format!("{at}.CreateDate"), u.create_date.as_ref());
        let inline = v.inline(&format!("{at}.UserPolicyList"), &u.user_policy_list);
        let attached = attached(
            v,
            index,
            plan,
            &format!("{at}.AttachedManagedPolicies"),
            &u.attached_managed_policies,
        );
        let boundary = boundary(
            v,
            index,
            plan,
            &format!("{at}.PermissionsBoundary"),
            u.permissions_boundary.as_ref(),
        );
        let tags = v.tags(&format!("{at}.Tags"), &u.tags);
        let mut groups = Vec::new();
        for (j, g) in u.group_list.iter().enumerate() {
            if !group_names.contains(&name_key(g)) {
                plan.group_references
                    .push((format!("{at}.GroupList[{j}]"), g.clone()));
            }
            if !groups.iter().any(|x: &String| x.eq_ignore_ascii_case(g)) {
                groups.push(g.clone());
            }
        }
        let (Some(name), Some(id)) = (name, id) else {
            continue;
        };
        unique_name(
            v,
            &mut seen,
            &mut ids,
            &format!("{at}.UserName"),
            &name,
            &id,
            &format!("{at}.UserId"),
        );
        plan.data.users.push((
            User {
                account: v.account,
                id,
                name,
                path,
                created,
                permissions_boundary: boundary,
                password_last_used: None,
            },
            ImportedRelations {
                attached,
                inline,
                tags,
            },
            groups,
        ));
    }
}

/// `arn:P:iam::ACCOUNT:KIND{path}{name}` of the file's users and roles → unique id, to
/// bind trust-policy principals to the entity they name (policy.md §1.7.3).
fn principal_ids(details: &Details, account: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for u in &details.user_detail_list {
        if let (Some(name), Some(id)) = (&u.user_name, &u.user_id) {
            let path = u.path.as_deref().unwrap_or("/");
            out.insert(format!("iam::{account}:user{path}{name}"), id.clone());
        }
    }
    for r in &details.role_detail_list {
        if let (Some(name), Some(id)) = (&r.role_name, &r.role_id) {
            let path = r.path.as_deref().unwrap_or("/");
            out.insert(format!("iam::{account}:role{path}{name}"), id.clone());
        }
    }
    out
}

fn trust_principals(text: &str, known: &HashMap<String, String>) -> Vec<ResolvedPrincipal> {
    let Ok(document) = warden_policy::parse_policy_with_limit(text, PolicyKind::Trust, None) else {
        return Vec::new();
    };
    let mut out: Vec<ResolvedPrincipal> = Vec::new();
    for statement in &document.statements {
        let Some(clause) = &statement.principal else {
            continue;
        };
        for value in &clause.principals.aws {
            // `arn:PARTITION:iam::ACCOUNT:user/...`: the key drops `arn:PARTITION:`.
            let key = value.splitn(3, ':').nth(2).unwrap_or_default();
            if let Some(id) = known.get(key)
                && !out.iter().any(|p| p.arn == *value)
            {
                out.push(ResolvedPrincipal {
                    arn: value.clone(),
                    id: id.clone(),
                });
            }
        }
    }
    out
}

fn roles(v: &mut Validator, details: &Details, index: &PolicyIndex, plan: &mut Plan) {
    let known = principal_ids(details, v.account.as_str());
    let (mut seen, mut ids) = (HashSet::new(), HashSet::new());
    let mut profiles: HashSet<String> = HashSet::new();
    for (i, r) in details.role_detail_list.iter().enumerate() {
        let at = format!("$.RoleDetailList[{i}]");
        let name = v.name(&format!("{at}.RoleName"), r.role_name.as_ref(), 64);
        let id = v.id(&format!("{at}.RoleId"), r.role_id.as_ref(), "AROA");
        let path = v.path(&format!("{at}.Path"), r.path.as_ref());
        let created = v.date(&format!("{at}.CreateDate"), r.create_date.as_ref());
        let trust = v.document(
            &format!("{at}.AssumeRolePolicyDocument"),
            r.assume_role_policy_document.as_ref(),
            PolicyKind::Trust,
            Some(None),
        );
        let inline = v.inline(&format!("{at}.RolePolicyList"), &r.role_policy_list);
        let attached = attached(
            v,
            index,
            plan,
            &format!("{at}.AttachedManagedPolicies"),
            &r.attached_managed_policies,
        );
        let boundary = boundary(
            v,
            index,
            plan,
            &format!("{at}.PermissionsBoundary"),
            r.permissions_boundary.as_ref(),
        );
        let tags = v.tags(&format!("{at}.Tags"), &r.tags);
        let last_used = match &r.role_last_used {
            Some(LastUsedDetail {
                last_used_date: Some(date),
                region: Some(region),
            }) => Some(RoleLastUsed {
                date: v.date(&format!("{at}.RoleLastUsed.LastUsedDate"), Some(date)),
                region: region.clone(),
            }),
            _ => None,
        };
        for (j, p) in r.instance_profile_list.iter().enumerate() {
            let pat = format!("{at}.InstanceProfileList[{j}]");
            let pname = v.name(
                &format!("{pat}.InstanceProfileName"),
                p.instance_profile_name.as_ref(),
                128,
            );
            let pid = v.id(
                &format!("{pat}.InstanceProfileId"),
                p.instance_profile_id.as_ref(),
                "AIPA",
            );
            let ppath = v.path(&format!("{pat}.Path"), p.path.as_ref());
            let pcreated = v.date(&format!("{pat}.CreateDate"), p.create_date.as_ref());
            let ptags = v.tags(&format!("{pat}.Tags"), &p.tags);
            if let (Some(pname), Some(pid), Some(role)) = (pname, pid, &name) {
                if !profiles.insert(name_key(&pname)) {
                    v.problem(
                        &format!("{pat}.InstanceProfileName"),
                        format!("instance profile `{pname}` holds a second role"),
                    );
                    continue;
                }
                plan.profiles.push((
                    InstanceProfile {
                        account: v.account,
                        id: pid,
                        name: pname,
                        path: ppath,
                        created: pcreated,
                        role_id: None,
                    },
                    role.clone(),
                    ptags,
                ));
            }
        }
        let (Some(name), Some(id), Some(trust)) = (name, id, trust) else {
            continue;
        };
        unique_name(
            v,
            &mut seen,
            &mut ids,
            &format!("{at}.RoleName"),
            &name,
            &id,
            &format!("{at}.RoleId"),
        );
        let trust_principals = trust_principals(&trust, &known);
        plan.data.roles.push((
            Role {
                account: v.account,
                id,
                name,
                path,
                created,
                trust_policy: trust,
                description: None,
                max_session_duration: 3600,
                permissions_boundary: boundary,
                last_used,
                trust_principals,
            },
            ImportedRelations {
                attached,
                inline,
                tags,
            },
        ));
    }
}

// ---- writing

/// The import, run against the configured store.
struct Import {
    account: AccountId,
    plan: Plan,
    progress: Option<indicatif::ProgressBar>,
}

/// What an import did.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// Written.
    Done(ImportCounts, u64),
    /// Refused before writing, with the problems.
    Refused(Vec<Problem>),
}

impl StoreTask for Import {
    type Output = Outcome;
    const NEEDS_KEY: bool = false;

    async fn run<S: Store>(mut self, store: S, _: Services) -> anyhow::Result<Outcome> {
        let mut tx = store.begin().await?;
        if tx.account(self.account).await?.is_none() {
            bail!(
                "account {} does not exist (create it with `warden account create`)",
                self.account
            );
        }
        tx.lock_account(self.account).await?;
        // Policies and groups named but not in the file must exist already.
        let mut problems = Vec::new();
        for (path, arn) in &self.plan.references {
            if tx.policy_by_arn(self.account, arn).await?.is_none() {
                let what = if is_aws_managed_arn(arn) {
                    "an AWS managed policy that is neither in the file nor loaded"
                } else {
                    "a policy that is neither in the file nor in the account"
                };
                problems.push(Problem {
                    path: path.clone(),
                    message: format!("`{arn}` is {what}"),
                });
            }
        }
        for (path, name) in &self.plan.group_references {
            if tx.group_by_name(self.account, name).await?.is_none() {
                problems.push(Problem {
                    path: path.clone(),
                    message: format!("group `{name}` is neither in the file nor in the account"),
                });
            }
        }
        if !problems.is_empty() {
            tx.rollback().await?;
            return Ok(Outcome::Refused(problems));
        }
        rebind_trust_principals(&mut tx, self.account, &mut self.plan).await?;
        let bar = self.progress.clone();
        let report = move |n: u64| {
            if let Some(bar) = &bar {
                bar.set_position(n);
            }
        };
        let counts = tx
            .import_account(self.account, &self.plan.data, &report)
            .await
            .map_err(|e| match e {
                StoreError::Conflict { constraint } => anyhow::anyhow!(
                    "the store refused the import ({constraint}): a unique id of the file belongs to another entity (ids are unique in the whole deployment, so one export cannot be imported into two accounts); nothing was imported"
                ),
                other => other.into(),
            })?;
        let mut profiles = 0u64;
        for (profile, role_name, tags) in &self.plan.profiles {
            let role = tx
                .role_by_name(self.account, role_name)
                .await?
                .context("an imported role disappeared")?;
            let id = match tx
                .instance_profile_by_name(self.account, &profile.name)
                .await?
            {
                Some(existing) => existing.id,
                None => {
                    tx.insert_instance_profile(profile).await?;
                    profile.id.clone()
                }
            };
            tx.set_instance_profile_role(self.account, &id, Some(&role.id))
                .await?;
            tx.set_tags(self.account, &TagTarget::InstanceProfile(id), tags)
                .await?;
            profiles += 1;
        }
        tx.commit().await?;
        Ok(Outcome::Done(counts, profiles))
    }
}

/// Trust principals were resolved to the file's ids; an entity that already exists under
/// that name keeps its own id (upsert by name), so the principal binds to that id
/// (policy.md §1.7.3).
async fn rebind_trust_principals<T: Transaction>(
    tx: &mut T,
    account: AccountId,
    plan: &mut Plan,
) -> anyhow::Result<()> {
    for (role, _) in &mut plan.data.roles {
        for principal in &mut role.trust_principals {
            // `arn:P:iam::ACCOUNT:user/path/name`: the name is the last segment.
            let resource = principal.arn.splitn(6, ':').nth(5).unwrap_or_default();
            let name = resource.rsplit('/').next().unwrap_or_default();
            let existing = if resource.starts_with("user/") {
                tx.user_by_name(account, name).await?.map(|u| u.id)
            } else if resource.starts_with("role/") {
                tx.role_by_name(account, name).await?.map(|r| r.id)
            } else {
                None
            };
            if let Some(id) = existing {
                principal.id = id;
            }
        }
    }
    Ok(())
}

/// Reads and parses the file: structural errors carry their JSON path.
pub(crate) fn read_details(file: &PathBuf) -> anyhow::Result<Result<Details, Problem>> {
    let bytes = if file.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .context("while reading standard input")?;
        buf
    } else {
        std::fs::read(file).with_context(|| format!("while reading `{}`", file.display()))?
    };
    let mut de = serde_json::Deserializer::from_slice(&bytes);
    Ok(
        serde_path_to_error::deserialize::<_, Details>(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." {
                "$".to_owned()
            } else {
                format!("$.{path}")
            };
            Problem {
                path,
                message: e.into_inner().to_string(),
            }
        }),
    )
}

/// Runs `warden import`: exit 0 when imported, 1 when the input was refused.
pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let account: AccountId = args.account.parse()?;
    // Progress only for a person watching (stderr is a terminal): a spinner while the
    // document is read and validated, then a bar of the entities written.
    let terminal = std::io::stderr().is_terminal();
    let spinner = terminal.then(|| {
        let spinner = indicatif::ProgressBar::new_spinner();
        spinner.set_message("reading and validating");
        spinner.enable_steady_tick(std::time::Duration::from_millis(120));
        spinner
    });
    let checked = read_details(&args.file).map(|read| {
        read.map_err(|problem| vec![problem])
            .and_then(|details| plan(&details, account))
    });
    if let Some(spinner) = spinner {
        spinner.finish_and_clear();
    }
    let plan = match checked? {
        Ok(plan) => plan,
        Err(problems) => return Ok(refuse(&problems)),
    };
    let total = u64::try_from(
        plan.data.aws_policies.len()
            + plan.data.policies.len()
            + plan.data.groups.len()
            + plan.data.users.len()
            + plan.data.roles.len(),
    )
    .unwrap_or(u64::MAX);
    let progress = terminal.then(|| {
        let bar = indicatif::ProgressBar::new(total);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "importing {bar:40} {pos}/{len} entities ({elapsed})",
        ) {
            bar.set_style(style);
        }
        bar
    });
    let outcome = with_store(
        &args.storage,
        Import {
            account,
            plan,
            progress: progress.clone(),
        },
    );
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    match outcome? {
        Outcome::Refused(problems) => Ok(refuse(&problems)),
        Outcome::Done(c, profiles) => {
            println!("imported into account {account}:");
            println!(
                "  users:                    {} created, {} updated",
                c.users_created, c.users_updated
            );
            println!(
                "  groups:                   {} created, {} updated",
                c.groups_created, c.groups_updated
            );
            println!(
                "  roles:                    {} created, {} updated",
                c.roles_created, c.roles_updated
            );
            println!(
                "  managed policies:         {} created, {} updated",
                c.policies_created, c.policies_updated
            );
            println!(
                "  AWS managed policies:     {} created, {} updated",
                c.aws_policies_created, c.aws_policies_updated
            );
            println!("  policy versions:          {}", c.policy_versions);
            println!("  group memberships:        {}", c.memberships);
            println!("  policy attachments:       {}", c.attachments);
            println!("  inline policies:          {}", c.inline_policies);
            println!("  tags:                     {}", c.tags);
            println!("  instance profiles:        {profiles}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Prints every problem with its path; nothing was written.
fn refuse(problems: &[Problem]) -> ExitCode {
    for p in problems {
        eprintln!("{}: {}", p.path, p.message);
    }
    eprintln!(
        "error: the input has {} problem(s); nothing was imported",
        problems.len()
    );
    ExitCode::from(1)
}
