//! `warden export --account ID [-o FILE]`: writes an account in the format of `aws iam
//! get-account-authorization-details` (documents as JSON objects, as the aws CLI prints
//! them), which `warden import` reads back (api.md §5.16).
//!
//! AWS managed policies are exported when the account uses them (attached or as a
//! boundary), as GetAccountAuthorizationDetails does with `AWSManagedPolicy`.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use serde_json::{Map, Value, json};
use time::OffsetDateTime;
use time::macros::format_description;
use warden_core::{
    ListQuery, ManagedPolicy, PolicyHolder, PolicyScope, PolicyUsage, Store, Tag, TagTarget,
    Transaction,
};
use warden_server::Services;
use warden_types::AccountId;

use super::serve::{StorageArgs, StoreTask, with_store};

/// Arguments of `warden export`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    storage: StorageArgs,
    /// The account to export.
    #[arg(long)]
    account: String,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    /// The partition of the ARNs written.
    #[arg(long, default_value = "aws")]
    partition: String,
}

/// The aws CLI's date spelling: `2024-01-02T03:04:05+00:00`.
fn date(t: OffsetDateTime) -> String {
    let format = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]+00:00");
    t.to_offset(time::UtcOffset::UTC)
        .format(&format)
        .unwrap_or_default()
}

/// A stored document as the aws CLI prints it: the parsed JSON object.
fn document(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()))
}

fn tags(list: &[Tag]) -> Value {
    Value::Array(
        list.iter()
            .map(|t| json!({"Key": t.key, "Value": t.value}))
            .collect(),
    )
}

fn attached(list: &[ManagedPolicy]) -> Value {
    Value::Array(
        list.iter()
            .map(|p| json!({"PolicyName": p.name, "PolicyArn": p.arn}))
            .collect(),
    )
}

fn boundary(arn: Option<&String>, out: &mut Map<String, Value>) {
    if let Some(arn) = arn {
        out.insert(
            "PermissionsBoundary".to_owned(),
            json!({
                "PermissionsBoundaryType": "PermissionsBoundaryPolicy",
                "PermissionsBoundaryArn": arn,
            }),
        );
    }
}

/// The export task.
struct Export {
    account: AccountId,
    partition: String,
}

impl Export {
    fn arn(&self, kind: &str, path: &str, name: &str) -> String {
        format!(
            "arn:{}:iam::{}:{kind}{path}{name}",
            self.partition, self.account
        )
    }

    async fn inline<T: Transaction>(
        &self,
        tx: &mut T,
        holder: &PolicyHolder,
    ) -> anyhow::Result<Value> {
        let list = tx.inline_policies(self.account, holder).await?;
        Ok(Value::Array(
            list.iter()
                .map(|p| json!({"PolicyName": p.name, "PolicyDocument": document(&p.document)}))
                .collect(),
        ))
    }
}

impl StoreTask for Export {
    type Output = Value;
    const NEEDS_KEY: bool = false;

    async fn run<S: Store>(self, store: S, _: Services) -> anyhow::Result<Value> {
        let account = self.account;
        let mut tx = store.begin().await?;
        if tx.account(account).await?.is_none() {
            bail!("account {account} does not exist");
        }
        let mut users = Vec::new();
        let mut query = ListQuery::first(1000);
        loop {
            let page = tx.list_users(account, &query).await?;
            for u in &page.items {
                let holder = PolicyHolder::User(u.id.clone());
                let mut groups = Vec::new();
                let mut gq = ListQuery::first(1000);
                loop {
                    let gp = tx.groups_for_user(account, &u.id, &gq).await?;
                    groups.extend(gp.items.iter().map(|g| Value::String(g.name.clone())));
                    match gp.next {
                        Some(next) => gq = gq.after(&next),
                        None => break,
                    }
                }
                let mut out = Map::new();
                out.insert("Path".into(), json!(u.path));
                out.insert("UserName".into(), json!(u.name));
                out.insert("UserId".into(), json!(u.id));
                out.insert("Arn".into(), json!(self.arn("user", &u.path, &u.name)));
                out.insert("CreateDate".into(), json!(date(u.created)));
                out.insert(
                    "UserPolicyList".into(),
                    self.inline(&mut tx, &holder).await?,
                );
                out.insert("GroupList".into(), Value::Array(groups));
                let attached_list = tx.attached_policies(account, &holder).await?;
                out.insert("AttachedManagedPolicies".into(), attached(&attached_list));
                boundary(u.permissions_boundary.as_ref(), &mut out);
                let user_tags = tx.tags(account, &TagTarget::User(u.id.clone())).await?;
                if !user_tags.is_empty() {
                    out.insert("Tags".into(), tags(&user_tags));
                }
                users.push(Value::Object(out));
            }
            match page.next {
                Some(next) => query = query.after(&next),
                None => break,
            }
        }

        let mut groups = Vec::new();
        let mut query = ListQuery::first(1000);
        loop {
            let page = tx.list_groups(account, &query).await?;
            for g in &page.items {
                let holder = PolicyHolder::Group(g.id.clone());
                let attached_list = tx.attached_policies(account, &holder).await?;
                groups.push(json!({
                    "Path": g.path,
                    "GroupName": g.name,
                    "GroupId": g.id,
                    "Arn": self.arn("group", &g.path, &g.name),
                    "CreateDate": date(g.created),
                    "GroupPolicyList": self.inline(&mut tx, &holder).await?,
                    "AttachedManagedPolicies": attached(&attached_list),
                }));
            }
            match page.next {
                Some(next) => query = query.after(&next),
                None => break,
            }
        }

        let mut roles = Vec::new();
        let mut query = ListQuery::first(1000);
        loop {
            let page = tx.list_roles(account, &query).await?;
            for r in &page.items {
                let holder = PolicyHolder::Role(r.id.clone());
                let role_arn = self.arn("role", &r.path, &r.name);
                let role_summary = json!({
                    "Path": r.path,
                    "RoleName": r.name,
                    "RoleId": r.id,
                    "Arn": role_arn,
                    "CreateDate": date(r.created),
                    "AssumeRolePolicyDocument": document(&r.trust_policy),
                });
                let mut profiles = Vec::new();
                let mut pq = ListQuery::first(1000);
                loop {
                    let pp = tx.instance_profiles_for_role(account, &r.id, &pq).await?;
                    for p in &pp.items {
                        let mut out = Map::new();
                        out.insert("Path".into(), json!(p.path));
                        out.insert("InstanceProfileName".into(), json!(p.name));
                        out.insert("InstanceProfileId".into(), json!(p.id));
                        out.insert(
                            "Arn".into(),
                            json!(self.arn("instance-profile", &p.path, &p.name)),
                        );
                        out.insert("CreateDate".into(), json!(date(p.created)));
                        out.insert("Roles".into(), json!([role_summary.clone()]));
                        let ptags = tx
                            .tags(account, &TagTarget::InstanceProfile(p.id.clone()))
                            .await?;
                        if !ptags.is_empty() {
                            out.insert("Tags".into(), tags(&ptags));
                        }
                        profiles.push(Value::Object(out));
                    }
                    match pp.next {
                        Some(next) => pq = pq.after(&next),
                        None => break,
                    }
                }
                let mut out = Map::new();
                out.insert("Path".into(), json!(r.path));
                out.insert("RoleName".into(), json!(r.name));
                out.insert("RoleId".into(), json!(r.id));
                out.insert("Arn".into(), json!(role_arn));
                out.insert("CreateDate".into(), json!(date(r.created)));
                out.insert("AssumeRolePolicyDocument".into(), document(&r.trust_policy));
                out.insert("InstanceProfileList".into(), Value::Array(profiles));
                out.insert(
                    "RolePolicyList".into(),
                    self.inline(&mut tx, &holder).await?,
                );
                let attached_list = tx.attached_policies(account, &holder).await?;
                out.insert("AttachedManagedPolicies".into(), attached(&attached_list));
                boundary(r.permissions_boundary.as_ref(), &mut out);
                let role_tags = tx.tags(account, &TagTarget::Role(r.id.clone())).await?;
                if !role_tags.is_empty() {
                    out.insert("Tags".into(), tags(&role_tags));
                }
                out.insert(
                    "RoleLastUsed".into(),
                    match &r.last_used {
                        Some(u) => json!({"LastUsedDate": date(u.date), "Region": u.region}),
                        None => json!({}),
                    },
                );
                roles.push(Value::Object(out));
            }
            match page.next {
                Some(next) => query = query.after(&next),
                None => break,
            }
        }

        let mut policies = Vec::new();
        for (scope, usage) in [
            (PolicyScope::Local, PolicyUsage::Any),
            (PolicyScope::Aws, PolicyUsage::Attached),
        ] {
            let mut query = ListQuery::first(1000);
            loop {
                let page = tx
                    .list_scoped_policies(account, scope, usage, &query)
                    .await?;
                for p in &page.items {
                    let versions = tx.policy_versions(account, &p.id).await?;
                    let mut out = Map::new();
                    out.insert("PolicyName".into(), json!(p.name));
                    out.insert("PolicyId".into(), json!(p.id));
                    out.insert("Arn".into(), json!(p.arn));
                    out.insert("Path".into(), json!(p.path));
                    out.insert("DefaultVersionId".into(), json!(p.default_version_id));
                    out.insert("AttachmentCount".into(), json!(p.attachment_count));
                    out.insert(
                        "PermissionsBoundaryUsageCount".into(),
                        json!(p.boundary_usage_count),
                    );
                    out.insert("IsAttachable".into(), json!(p.attachable));
                    if let Some(d) = &p.description {
                        out.insert("Description".into(), json!(d));
                    }
                    out.insert("CreateDate".into(), json!(date(p.created)));
                    out.insert("UpdateDate".into(), json!(date(p.updated)));
                    out.insert(
                        "PolicyVersionList".into(),
                        Value::Array(
                            versions
                                .iter()
                                .map(|v| {
                                    json!({
                                        "Document": document(&v.document),
                                        "VersionId": v.version_id,
                                        "IsDefaultVersion": v.is_default,
                                        "CreateDate": date(v.created),
                                    })
                                })
                                .collect(),
                        ),
                    );
                    policies.push(Value::Object(out));
                }
                match page.next {
                    Some(next) => query = query.after(&next),
                    None => break,
                }
            }
        }
        tx.rollback().await?;
        Ok(json!({
            "UserDetailList": users,
            "GroupDetailList": groups,
            "RoleDetailList": roles,
            "Policies": policies,
            "IsTruncated": false,
        }))
    }
}

/// Runs `warden export`.
pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let account: AccountId = args.account.parse()?;
    let value = with_store(
        &args.storage,
        Export {
            account,
            partition: args.partition.clone(),
        },
    )?;
    let text = serde_json::to_string_pretty(&value)?;
    match &args.output {
        Some(path) => std::fs::write(path, format!("{text}\n"))
            .with_context(|| format!("while writing `{}`", path.display()))?,
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            writeln!(out, "{text}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
