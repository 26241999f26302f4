//! Inline policies of users, groups and roles (api.md §5.8, policy.md §1.1, §1.3).

use warden_core::{InlinePolicy, Store, Transaction, name_key};
use warden_policy::document::PolicyKind;
use warden_policy::size::{
    INLINE_GROUP_AGGREGATE_LIMIT, INLINE_ROLE_AGGREGATE_LIMIT, INLINE_USER_AGGREGATE_LIMIT,
};
use warden_query::iam::{
    DeleteGroupPolicyInput, DeleteRolePolicyInput, DeleteUserPolicyInput, GetGroupPolicyInput,
    GetGroupPolicyOutput, GetRolePolicyInput, GetRolePolicyOutput, GetUserPolicyInput,
    GetUserPolicyOutput, ListGroupPoliciesInput, ListGroupPoliciesOutput, ListRolePoliciesInput,
    ListRolePoliciesOutput, ListUserPoliciesInput, ListUserPoliciesOutput, PutGroupPolicyInput,
    PutRolePolicyInput, PutUserPolicyInput,
};

use super::resolve::{HolderKind, HolderTarget, paginate, policy_error, with_boundary};
use super::{Cx, Reply, list_query, marker_scope, page_marker};
use crate::authz::Check;
use crate::error::ApiError;

/// The aggregate size limit of a holder kind (policy.md §1.1).
fn aggregate_limit(kind: HolderKind) -> usize {
    match kind {
        HolderKind::User => INLINE_USER_AGGREGATE_LIMIT,
        HolderKind::Group => INLINE_GROUP_AGGREGATE_LIMIT,
        HolderKind::Role => INLINE_ROLE_AGGREGATE_LIMIT,
    }
}

fn no_such_inline(kind: HolderKind, name: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "The {} policy with name {name} cannot be found.",
        kind.word()
    ))
}

/// The check of an inline-policy action; the user and role actions that change the holder
/// carry its boundary as `iam:PermissionsBoundary` (api.md §4.5: Put/Delete only).
fn inline_check(target: &HolderTarget, action: &str, modifies: bool) -> Check {
    let check = target.check(action);
    if modifies && target.kind != HolderKind::Group {
        with_boundary(check, target.boundary.as_deref())
    } else {
        check
    }
}

/// Resolves, authorizes and requires the holder; returns `(unique id, stored name)`.
/// `modifies`: the action changes the holder's policies (Put/Delete).
async fn authorized_holder<S: Store>(
    cx: &mut Cx<'_, S>,
    kind: HolderKind,
    name: &str,
    action: &str,
    modifies: bool,
) -> Result<(String, String), ApiError> {
    let target = cx.holder(kind, name).await?;
    cx.authorize(vec![inline_check(&target, action, modifies)])?;
    let found = target.found.clone().ok_or_else(|| target.missing(name))?;
    // A service-linked role's policies are the service's (api.md §5.6).
    if modifies {
        target.ensure_modifiable(name)?;
    }
    Ok(found)
}

/// Put…Policy: upsert by name (case-insensitive, stored spelling kept); the document is
/// stored verbatim; the holder's aggregate size after the change is limited.
async fn put<S: Store>(
    cx: &mut Cx<'_, S>,
    kind: HolderKind,
    name: &str,
    policy_name: &str,
    document: &str,
) -> Result<Reply, ApiError> {
    let (id, stored_name) = authorized_holder(
        cx,
        kind,
        name,
        &format!("iam:Put{}Policy", kind.title()),
        true,
    )
    .await?;
    warden_policy::parse_policy(document, PolicyKind::Inline).map_err(|e| policy_error(&e))?;
    let account = cx.account();
    let holder = kind.holder(&id);
    // The aggregate counts every inline policy after the put: a same-named policy is
    // replaced, so its old size does not count (policy.md §1.3).
    let others: usize = cx
        .tx
        .inline_policies(account, &holder)
        .await?
        .iter()
        .filter(|p| name_key(&p.name) != name_key(policy_name))
        .map(|p| warden_policy::policy_size(&p.document))
        .sum();
    let limit = aggregate_limit(kind);
    if others + warden_policy::policy_size(document) > limit {
        return Err(ApiError::LimitExceeded(format!(
            "Maximum policy size of {limit} bytes exceeded for {} {stored_name}",
            kind.word()
        )));
    }
    cx.tx
        .put_inline_policy(
            account,
            &InlinePolicy {
                holder,
                name: policy_name.to_owned(),
                document: document.to_owned(),
            },
        )
        .await?;
    Ok(Reply::empty())
}

/// Get…Policy: `(stored holder name, stored policy name, document)`.
async fn get<S: Store>(
    cx: &mut Cx<'_, S>,
    kind: HolderKind,
    name: &str,
    policy_name: &str,
) -> Result<(String, String, String), ApiError> {
    let (id, stored_name) = authorized_holder(
        cx,
        kind,
        name,
        &format!("iam:Get{}Policy", kind.title()),
        false,
    )
    .await?;
    let policy = cx
        .tx
        .inline_policy(cx.account(), &kind.holder(&id), policy_name)
        .await?
        .ok_or_else(|| no_such_inline(kind, policy_name))?;
    Ok((stored_name, policy.name, policy.document))
}

/// Delete…Policy.
async fn delete<S: Store>(
    cx: &mut Cx<'_, S>,
    kind: HolderKind,
    name: &str,
    policy_name: &str,
) -> Result<Reply, ApiError> {
    let (id, _) = authorized_holder(
        cx,
        kind,
        name,
        &format!("iam:Delete{}Policy", kind.title()),
        true,
    )
    .await?;
    if !cx
        .tx
        .delete_inline_policy(cx.account(), &kind.holder(&id), policy_name)
        .await?
    {
        return Err(no_such_inline(kind, policy_name));
    }
    Ok(Reply::empty())
}

/// List…Policies: names sorted case-insensitively, paginated.
async fn list<S: Store>(
    cx: &mut Cx<'_, S>,
    kind: HolderKind,
    name: &str,
    marker: Option<&str>,
    max_items: Option<i32>,
) -> Result<(Vec<String>, bool, Option<String>), ApiError> {
    let (id, _) = authorized_holder(
        cx,
        kind,
        name,
        &format!("iam:List{}Policies", kind.title()),
        false,
    )
    .await?;
    let operation = format!("List{}Policies", kind.title());
    let scope = marker_scope(&operation, &[("Id", &id)]);
    let query = list_query(&scope, None, marker, max_items)?;
    let mut names: Vec<String> = cx
        .tx
        .inline_policies(cx.account(), &kind.holder(&id))
        .await?
        .into_iter()
        .map(|p| p.name)
        .collect();
    names.sort_by_key(|n| name_key(n));
    let page = paginate(names, &query, |n| name_key(n));
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    Ok((page.items, truncated, marker))
}

/// PutUserPolicy.
pub(crate) async fn put_user_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: PutUserPolicyInput,
) -> Result<Reply, ApiError> {
    put(
        cx,
        HolderKind::User,
        &input.user_name,
        &input.policy_name,
        &input.policy_document,
    )
    .await
}

/// PutGroupPolicy.
pub(crate) async fn put_group_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: PutGroupPolicyInput,
) -> Result<Reply, ApiError> {
    put(
        cx,
        HolderKind::Group,
        &input.group_name,
        &input.policy_name,
        &input.policy_document,
    )
    .await
}

/// PutRolePolicy.
pub(crate) async fn put_role_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: PutRolePolicyInput,
) -> Result<Reply, ApiError> {
    put(
        cx,
        HolderKind::Role,
        &input.role_name,
        &input.policy_name,
        &input.policy_document,
    )
    .await
}

/// GetUserPolicy: the document URL-encoded, verbatim (api.md §1.4).
pub(crate) async fn get_user_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetUserPolicyInput,
) -> Result<Reply, ApiError> {
    let (user_name, policy_name, policy_document) =
        get(cx, HolderKind::User, &input.user_name, &input.policy_name).await?;
    Ok(Reply::result(GetUserPolicyOutput {
        user_name,
        policy_name,
        policy_document,
    }))
}

/// GetGroupPolicy.
pub(crate) async fn get_group_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetGroupPolicyInput,
) -> Result<Reply, ApiError> {
    let (group_name, policy_name, policy_document) =
        get(cx, HolderKind::Group, &input.group_name, &input.policy_name).await?;
    Ok(Reply::result(GetGroupPolicyOutput {
        group_name,
        policy_name,
        policy_document,
    }))
}

/// GetRolePolicy.
pub(crate) async fn get_role_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetRolePolicyInput,
) -> Result<Reply, ApiError> {
    let (role_name, policy_name, policy_document) =
        get(cx, HolderKind::Role, &input.role_name, &input.policy_name).await?;
    Ok(Reply::result(GetRolePolicyOutput {
        role_name,
        policy_name,
        policy_document,
    }))
}

/// DeleteUserPolicy.
pub(crate) async fn delete_user_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteUserPolicyInput,
) -> Result<Reply, ApiError> {
    delete(cx, HolderKind::User, &input.user_name, &input.policy_name).await
}

/// DeleteGroupPolicy.
pub(crate) async fn delete_group_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteGroupPolicyInput,
) -> Result<Reply, ApiError> {
    delete(cx, HolderKind::Group, &input.group_name, &input.policy_name).await
}

/// DeleteRolePolicy.
pub(crate) async fn delete_role_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteRolePolicyInput,
) -> Result<Reply, ApiError> {
    delete(cx, HolderKind::Role, &input.role_name, &input.policy_name).await
}

/// ListUserPolicies.
pub(crate) async fn list_user_policies<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListUserPoliciesInput,
) -> Result<Reply, ApiError> {
    let (policy_names, truncated, marker) = list(
        cx,
        HolderKind::User,
        &input.user_name,
        input.marker.as_deref(),
        input.max_items,
    )
    .await?;
    Ok(Reply::result(ListUserPoliciesOutput {
        policy_names,
        is_truncated: Some(truncated),
        marker,
    }))
}

/// ListGroupPolicies.
pub(crate) async fn list_group_policies<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListGroupPoliciesInput,
) -> Result<Reply, ApiError> {
    let (policy_names, truncated, marker) = list(
        cx,
        HolderKind::Group,
        &input.group_name,
        input.marker.as_deref(),
        input.max_items,
    )
    .await?;
    Ok(Reply::result(ListGroupPoliciesOutput {
        policy_names,
        is_truncated: Some(truncated),
        marker,
    }))
}

/// ListRolePolicies.
pub(crate) async fn list_role_policies<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListRolePoliciesInput,
) -> Result<Reply, ApiError> {
    let (policy_names, truncated, marker) = list(
        cx,
        HolderKind::Role,
        &input.role_name,
        input.marker.as_deref(),
        input.max_items,
    )
    .await?;
    Ok(Reply::result(ListRolePoliciesOutput {
        policy_names,
        is_truncated: Some(truncated),
        marker,
    }))
}
