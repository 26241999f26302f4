//! Managed-policy attachments to users, groups and roles, and ListEntitiesForPolicy
//! (api.md §5.7, §5.8).

use warden_core::{ListQuery, ManagedPolicy, PolicyHolder, Store, Transaction, name_key};
use warden_query::iam::{
    self, AttachGroupPolicyInput, AttachRolePolicyInput, AttachUserPolicyInput,
    DetachGroupPolicyInput, DetachRolePolicyInput, DetachUserPolicyInput,
    ListAttachedGroupPoliciesInput, ListAttachedGroupPoliciesOutput, ListAttachedRolePoliciesInput,
    ListAttachedRolePoliciesOutput, ListAttachedUserPoliciesInput, ListAttachedUserPoliciesOutput,
    ListEntitiesForPolicyInput, ListEntitiesForPolicyOutput,
};
use warden_types::Arn;

use super::resolve::{
    HolderKind, paginate, policy_not_attachable, policy_not_found, with_boundary,
};
use super::{Cx, Reply, list_query, marker_scope, page_marker};
use crate::authz::Check;
use crate::error::ApiError;

/// Managed policies attached to one user, group or role (api.md §3.7).
const POLICIES_PER_HOLDER: usize = 10;

/// `ARN <x> is not valid.` — a `ValidationError` for attachments (observed, api.md §5.8).
fn check_arn(arn: &str) -> Result<(), ApiError> {
    match arn.parse::<Arn>() {
        Ok(_) => Ok(()),
        Err(_) => Err(ApiError::Validation(format!("ARN {arn} is not valid."))),
    }
}

/// Attach{User,Group,Role}Policy: authorized on the entity with `iam:PolicyARN` (and the
/// entity's boundary as `iam:PermissionsBoundary`, api.md §4.5); idempotent; at most 10.
async fn attach<S: Store>(
    cx: &mut Cx<'_, S>,
    kind: HolderKind,
    name: &str,
    policy_arn: &str,
) -> Result<Reply, ApiError> {
    check_arn(policy_arn)?;
    let target = cx.holder(kind, name).await?;
    let action = format!("iam:Attach{}Policy", kind.title());
    let mut check = target.check(&action).with_key("iam:PolicyARN", policy_arn);
    if kind != HolderKind::Group {
        check = with_boundary(check, target.boundary.as_deref());
    }
    cx.authorize(vec![check])?;
    let Some((id, _)) = target.found.clone() else {
        return Err(target.missing(name));
    };
    target.ensure_modifiable(name)?;
    let account = cx.account();
    let policy = cx
        .tx
        .policy_by_arn(account, policy_arn)
        .await?
        .ok_or_else(|| policy_not_attachable(policy_arn))?;
    // Service-linked role policies (AWS managed, `IsAttachable` false) are attached by
    // AWS only (api.md §5.7; message `VERIFY`, as reported by AWS clients).
    if !policy.attachable {
        return Err(ApiError::PolicyNotAttachable(
            "Cannot attach a Service Role Policy to a Customer Role.".to_owned(),
        ));
    }
    cx.tx.lock_account(account).await?;
    let holder = kind.holder(&id);
    let attached = cx.tx.attached_policies(account, &holder).await?;
    if attached.iter().any(|p| p.id == policy.id) {
        return Ok(Reply::empty());
    }
    if attached.len() >= POLICIES_PER_HOLDER {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for PoliciesPer{}: {POLICIES_PER_HOLDER}",
            kind.title()
        )));
    }
    cx.tx.attach_policy(account, &holder, &policy.id).await?;
    Ok(Reply::empty())
}

/// Detach…Policy: `Policy <arn> was not found.` when not attached (api.md §5.8).
async fn detach<S: Store>(
    cx: &mut Cx<'_, S>,
    kind: HolderKind,
    name: &str,
    policy_arn: &str,
) -> Result<Reply, ApiError> {
    check_arn(policy_arn)?;
    let target = cx.holder(kind, name).await?;
    let action = format!("iam:Detach{}Policy", kind.title());
    let mut check = target.check(&action).with_key("iam:PolicyARN", policy_arn);
    if kind != HolderKind::Group {
        check = with_boundary(check, target.boundary.as_deref());
    }
    cx.authorize(vec![check])?;
    let Some((id, _)) = target.found.clone() else {
        return Err(target.missing(name));
    };
    target.ensure_modifiable(name)?;
    let account = cx.account();
    let Some(policy) = cx.tx.policy_by_arn(account, policy_arn).await? else {
        return Err(policy_not_found(policy_arn));
    };
    if !cx
        .tx
        .detach_policy(account, &kind.holder(&id), &policy.id)
        .await?
    {
        return Err(policy_not_found(policy_arn));
    }
    Ok(Reply::empty())
}

/// One page of the attached policies of an entity (attachment order, `PathPrefix` on the
/// policy path).
async fn list_attached<S: Store>(
    cx: &mut Cx<'_, S>,
    kind: HolderKind,
    name: &str,
    path_prefix: Option<&str>,
    marker: Option<&str>,
    max_items: Option<i32>,
) -> Result<(Vec<iam::AttachedPolicy>, bool, Option<String>), ApiError> {
    let target = cx.holder(kind, name).await?;
    let action = format!("iam:ListAttached{}Policies", kind.title());
    cx.authorize(vec![target.check(&action)])?;
    let Some((id, _)) = target.found.clone() else {
        return Err(target.missing(name));
    };
    let prefix = path_prefix.unwrap_or("/");
    let operation = format!("ListAttached{}Policies", kind.title());
    let scope = marker_scope(&operation, &[("Id", &id), ("PathPrefix", prefix)]);
    let query = list_query(&scope, Some(prefix), marker, max_items)?;
    // Keys are attachment positions: the listing keeps attachment order (api.md §5.8).
    let attached: Vec<(usize, ManagedPolicy)> = cx
        .tx
        .attached_policies(cx.account(), &kind.holder(&id))
        .await?
        .into_iter()
        .enumerate()
        .filter(|(_, p)| p.path.starts_with(prefix))
        .collect();
    let page = paginate(attached, &query, |(i, _)| format!("{i:06}"));
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let items = page
        .items
        .into_iter()
        .map(|(_, p)| iam::AttachedPolicy {
            policy_name: Some(p.name),
            policy_arn: Some(p.arn),
        })
        .collect();
    Ok((items, truncated, marker))
}

/// AttachUserPolicy.
pub(crate) async fn attach_user_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: AttachUserPolicyInput,
) -> Result<Reply, ApiError> {
    attach(cx, HolderKind::User, &input.user_name, &input.policy_arn).await
}

/// AttachGroupPolicy.
pub(crate) async fn attach_group_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: AttachGroupPolicyInput,
) -> Result<Reply, ApiError> {
    attach(cx, HolderKind::Group, &input.group_name, &input.policy_arn).await
}

/// AttachRolePolicy.
pub(crate) async fn attach_role_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: AttachRolePolicyInput,
) -> Result<Reply, ApiError> {
    attach(cx, HolderKind::Role, &input.role_name, &input.policy_arn).await
}

/// DetachUserPolicy.
pub(crate) async fn detach_user_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DetachUserPolicyInput,
) -> Result<Reply, ApiError> {
    detach(cx, HolderKind::User, &input.user_name, &input.policy_arn).await
}

/// DetachGroupPolicy.
pub(crate) async fn detach_group_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DetachGroupPolicyInput,
) -> Result<Reply, ApiError> {
    detach(cx, HolderKind::Group, &input.group_name, &input.policy_arn).await
}

/// DetachRolePolicy.
pub(crate) async fn detach_role_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DetachRolePolicyInput,
) -> Result<Reply, ApiError> {
    detach(cx, HolderKind::Role, &input.role_name, &input.policy_arn).await
}

/// ListAttachedUserPolicies.
pub(crate) async fn list_attached_user_policies<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListAttachedUserPoliciesInput,
) -> Result<Reply, ApiError> {
    let (items, truncated, marker) = list_attached(
        cx,
        HolderKind::User,
        &input.user_name,
        input.path_prefix.as_deref(),
        input.marker.as_deref(),
        input.max_items,
    )
    .await?;
    Ok(Reply::result(ListAttachedUserPoliciesOutput {
        attached_policies: Some(items),
        is_truncated: Some(truncated),
        marker,
    }))
}

/// ListAttachedGroupPolicies.
pub(crate) async fn list_attached_group_policies<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListAttachedGroupPoliciesInput,
) -> Result<Reply, ApiError> {
    let (items, truncated, marker) = list_attached(
        cx,
        HolderKind::Group,
        &input.group_name,
        input.path_prefix.as_deref(),
        input.marker.as_deref(),
        input.max_items,
    )
    .await?;
    Ok(Reply::result(ListAttachedGroupPoliciesOutput {
        attached_policies: Some(items),
        is_truncated: Some(truncated),
        marker,
    }))
}

/// ListAttachedRolePolicies.
pub(crate) async fn list_attached_role_policies<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListAttachedRolePoliciesInput,
) -> Result<Reply, ApiError> {
    let (items, truncated, marker) = list_attached(
        cx,
        HolderKind::Role,
        &input.role_name,
        input.path_prefix.as_deref(),
        input.marker.as_deref(),
        input.max_items,
    )
    .await?;
    Ok(Reply::result(ListAttachedRolePoliciesOutput {
        attached_policies: Some(items),
        is_truncated: Some(truncated),
        marker,
    }))
}

/// One entity using a policy, with the sort key that orders groups, users, roles
/// (api.md §1.5: one page counts across the three lists).
struct EntityUse {
    kind: HolderKind,
    name: String,
    id: String,
}

impl EntityUse {
    fn key(&self) -> String {
        let rank = match self.kind {
            HolderKind::Group => 1,
            HolderKind::User => 2,
            HolderKind::Role => 3,
        };
        format!("{rank}:{}", name_key(&self.name))
    }
}

/// ListEntitiesForPolicy: groups, users and roles using the policy as permissions policy
/// and/or boundary (`PolicyUsageFilter`), filtered by `EntityFilter` and the entity path.
pub(crate) async fn list_entities_for_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListEntitiesForPolicyInput,
) -> Result<Reply, ApiError> {
    let target = cx.policy(&input.policy_arn).await?;
    cx.authorize(vec![
        Check::new("iam:ListEntitiesForPolicy", &target.arn)
            .with_resource_tags(&target.tags, false),
    ])?;
    let policy = target.require(|| policy_not_attachable(&input.policy_arn))?;
    let account = cx.account();
    let prefix = input.path_prefix.as_deref().unwrap_or("/");
    let filter = input.entity_filter.as_deref().unwrap_or("");
    let usage = input.policy_usage_filter.as_deref().unwrap_or("");
    let wanted = |kind: HolderKind| match filter {
        "User" => kind == HolderKind::User,
        "Group" => kind == HolderKind::Group,
        "Role" => kind == HolderKind::Role,
        // Customer policies are local: `AWSManagedPolicy` keeps nothing.
        "AWSManagedPolicy" => false,
        _ => true,
    };
    let mut uses: Vec<EntityUse> = Vec::new();
    if usage != "PermissionsBoundary" {
        for holder in cx.tx.policy_holders(account, &policy.id).await? {
            let found = match holder {
                PolicyHolder::User(id) => cx
                    .tx
                    .user_by_id(account, &id)
                    .await?
                    .map(|u| (HolderKind::User, u.name, u.id, u.path)),
                PolicyHolder::Group(id) => cx
                    .tx
                    .group_by_id(account, &id)
                    .await?
                    .map(|g| (HolderKind::Group, g.name, g.id, g.path)),
                PolicyHolder::Role(id) => cx
                    .tx
                    .role_by_id(account, &id)
                    .await?
                    .map(|r| (HolderKind::Role, r.name, r.id, r.path)),
            };
            if let Some((kind, name, id, path)) = found
                && wanted(kind)
                && path.starts_with(prefix)
            {
                uses.push(EntityUse { kind, name, id });
            }
        }
    }
    if usage != "PermissionsPolicy" && policy.boundary_usage_count > 0 {
        let mut query = ListQuery {
            path_prefix: prefix.to_owned(),
            after: None,
            limit: 1000,
        };
        if wanted(HolderKind::User) {
            loop {
                let page = cx.tx.list_users(account, &query).await?;
                for u in page.items {
                    if u.permissions_boundary.as_deref() == Some(policy.arn.as_str()) {
                        uses.push(EntityUse {
                            kind: HolderKind::User,
                            name: u.name,
                            id: u.id,
                        });
                    }
                }
                match page.next {
                    Some(next) => query = query.after(&next),
                    None => break,
                }
            }
        }
        if wanted(HolderKind::Role) {
            query.after = None;
            loop {
                let page = cx.tx.list_roles(account, &query).await?;
                for r in page.items {
                    if r.permissions_boundary.as_deref() == Some(policy.arn.as_str()) {
                        uses.push(EntityUse {
                            kind: HolderKind::Role,
                            name: r.name,
                            id: r.id,
                        });
                    }
                }
                match page.next {
                    Some(next) => query = query.after(&next),
                    None => break,
                }
            }
        }
    }
    uses.sort_by_key(EntityUse::key);
    // An entity using the policy both ways is listed once.
    uses.dedup_by(|a, b| a.kind == b.kind && a.id == b.id);

    let scope = marker_scope(
        "ListEntitiesForPolicy",
        &[
            ("PolicyArn", &input.policy_arn),
            ("EntityFilter", filter),
            ("PathPrefix", prefix),
            ("PolicyUsageFilter", usage),
        ],
    );
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let page = paginate(uses, &query, EntityUse::key);
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let mut out = ListEntitiesForPolicyOutput {
        policy_groups: Some(Vec::new()),
        policy_users: Some(Vec::new()),
        policy_roles: Some(Vec::new()),
        is_truncated: Some(truncated),
        marker,
    };
    for u in page.items {
        match u.kind {
            HolderKind::Group => out
                .policy_groups
                .get_or_insert_default()
                .push(iam::PolicyGroup {
                    group_name: Some(u.name),
                    group_id: Some(u.id),
                }),
            HolderKind::User => out
                .policy_users
                .get_or_insert_default()
                .push(iam::PolicyUser {
                    user_name: Some(u.name),
                    user_id: Some(u.id),
                }),
            HolderKind::Role => out
                .policy_roles
                .get_or_insert_default()
                .push(iam::PolicyRole {
                    role_name: Some(u.name),
                    role_id: Some(u.id),
                }),
        }
    }
    Ok(Reply::result(out))
}
