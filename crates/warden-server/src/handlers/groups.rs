//! Groups and memberships (api.md §5.5).

use serde_json::json;
use warden_core::{
    Constraint, CountedEntity, Group, IdKind, ListQuery, PolicyHolder, Store, StoreError,
    Transaction,
};
use warden_query::iam::{
    self, AddUserToGroupInput, CreateGroupInput, CreateGroupOutput, DeleteGroupInput,
    GetGroupInput, GetGroupOutput, ListGroupsForUserInput, ListGroupsForUserOutput,
    ListGroupsInput, ListGroupsOutput, RemoveUserFromGroupInput, UpdateGroupInput,
};

use super::users::wire_user;
use super::{
    Cx, Reply, Target, list_query, marker_scope, no_such_group, no_such_user, page_marker, ts,
};
use crate::authz::Check;
use crate::error::ApiError;

/// Groups per account (api.md §3.7).
const GROUPS_PER_ACCOUNT: u64 = 300;
/// Groups a user may belong to (api.md §3.7).
const GROUPS_PER_USER: usize = 10;

fn wire_group<S: Store>(cx: &Cx<'_, S>, g: &Group) -> iam::Group {
    iam::Group {
        path: g.path.clone(),
        group_name: g.name.clone(),
        group_id: g.id.clone(),
        arn: cx.arn("group", &g.path, &g.name),
        create_date: ts(g.created),
    }
}

fn group_exists(name: &str) -> ApiError {
    ApiError::EntityAlreadyExists(format!("Group with name {name} already exists."))
}

/// Resolves a group by name for authorization (groups have no tags).
async fn group_target<S: Store>(cx: &mut Cx<'_, S>, name: &str) -> Result<Target<Group>, ApiError> {
    let entity = cx.tx.group_by_name(cx.account(), name).await?;
    let path = entity.as_ref().map_or("/", |g| g.path.as_str()).to_owned();
    Ok(Target {
        arn: cx.arn("group", &path, name),
        tags: Vec::new(),
        entity,
    })
}

/// CreateGroup.
pub(crate) async fn create_group<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreateGroupInput,
) -> Result<Reply, ApiError> {
    let path = input.path.clone().unwrap_or_else(|| "/".to_owned());
    let arn = cx.arn("group", &path, &input.group_name);
    cx.authorize(vec![Check::new("iam:CreateGroup", &arn)])?;
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    if cx
        .tx
        .group_by_name(account, &input.group_name)
        .await?
        .is_some()
    {
        return Err(group_exists(&input.group_name));
    }
    if cx.tx.count(account, CountedEntity::Groups).await? >= GROUPS_PER_ACCOUNT {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for GroupsPerAccount: {GROUPS_PER_ACCOUNT}"
        )));
    }
    let group = Group {
        account,
        id: cx.state.services().ids.unique_id(IdKind::Group),
        name: input.group_name.clone(),
        path,
        created: cx.now,
    };
    cx.tx.insert_group(&group).await.map_err(|e| match e {
        StoreError::Conflict {
            constraint: Constraint::GroupName,
        } => group_exists(&input.group_name),
        other => other.into(),
    })?;
    let out = wire_group(cx, &group);
    let audit = json!({"group": {
        "path": out.path, "groupName": out.group_name, "groupId": out.group_id,
        "arn": out.arn, "createDate": out.create_date.to_string(),
    }});
    Ok(Reply::result(CreateGroupOutput { group: out }).with_audit(audit))
}

/// GetGroup: the group and its members, paginated over the members.
pub(crate) async fn get_group<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetGroupInput,
) -> Result<Reply, ApiError> {
    let target = group_target(cx, &input.group_name).await?;
    cx.authorize(vec![Check::new("iam:GetGroup", &target.arn)])?;
    let group = target.require(|| no_such_group(&input.group_name))?;
    let scope = marker_scope("GetGroup", &[("GroupName", &group.id)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let page = cx.tx.group_members(cx.account(), &group.id, &query).await?;
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let users = page.items.iter().map(|u| wire_user(cx, u)).collect();
    Ok(Reply::result(GetGroupOutput {
        group: wire_group(cx, &group),
        users,
        is_truncated: Some(truncated),
        marker,
    }))
}

/// ListGroups: by name, PathPrefix filter, paginated.
pub(crate) async fn list_groups<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListGroupsInput,
) -> Result<Reply, ApiError> {
    let prefix = input.path_prefix.as_deref().unwrap_or("/");
    cx.authorize(vec![Check::new(
        "iam:ListGroups",
        cx.arn("group", prefix, ""),
    )])?;
    let scope = marker_scope("ListGroups", &[("PathPrefix", prefix)]);
    let query = list_query(
        &scope,
        Some(prefix),
        input.marker.as_deref(),
        input.max_items,
    )?;
    let page = cx.tx.list_groups(cx.account(), &query).await?;
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let groups = page.items.iter().map(|g| wire_group(cx, g)).collect();
    Ok(Reply::result(ListGroupsOutput {
        groups,
        is_truncated: Some(truncated),
        marker,
    }))
}

/// UpdateGroup: rename and/or move, authorized on the old and new ARN (api.md §4.3).
pub(crate) async fn update_group<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateGroupInput,
) -> Result<Reply, ApiError> {
    let target = group_target(cx, &input.group_name).await?;
    let current_path = target
        .entity
        .as_ref()
        .map_or_else(|| "/".to_owned(), |g| g.path.clone());
    let new_path = input.new_path.clone().unwrap_or(current_path);
    let new_name = input
        .new_group_name
        .clone()
        .unwrap_or_else(|| input.group_name.clone());
    let new_arn = cx.arn("group", &new_path, &new_name);
    let mut checks = vec![Check::new("iam:UpdateGroup", &target.arn)];
    if new_arn != target.arn {
        checks.push(Check::new("iam:UpdateGroup", &new_arn));
    }
    cx.authorize(checks)?;
    let mut group = target.require(|| no_such_group(&input.group_name))?;
    if let Some(other) = cx.tx.group_by_name(cx.account(), &new_name).await?
        && other.id != group.id
    {
        return Err(group_exists(&new_name));
    }
    group.name = new_name.clone();
    group.path = new_path;
    cx.tx.update_group(&group).await.map_err(|e| match e {
        StoreError::Conflict {
            constraint: Constraint::GroupName,
        } => group_exists(&new_name),
        other => other.into(),
    })?;
    Ok(Reply::empty())
}

/// DeleteGroup: refused while it has members or policies (api.md §5.5).
pub(crate) async fn delete_group<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteGroupInput,
) -> Result<Reply, ApiError> {
    let target = group_target(cx, &input.group_name).await?;
    cx.authorize(vec![Check::new("iam:DeleteGroup", &target.arn)])?;
    let group = target.require(|| no_such_group(&input.group_name))?;
    let account = cx.account();
    let conflict =
        |what: &str| ApiError::DeleteConflict(format!("Cannot delete entity, must {what} first."));
    if !cx
        .tx
        .group_members(account, &group.id, &ListQuery::first(1))
        .await?
        .items
        .is_empty()
    {
        return Err(conflict("remove users from group"));
    }
    let holder = PolicyHolder::Group(group.id.clone());
    if !cx.tx.inline_policies(account, &holder).await?.is_empty() {
        return Err(conflict("delete policies"));
    }
    if !cx.tx.attached_policies(account, &holder).await?.is_empty() {
        return Err(conflict("detach all policies"));
    }
    cx.tx
        .delete_group(account, &group.id)
        .await
        .map_err(|e| match e {
            StoreError::Conflict {
                constraint: Constraint::InUse,
            } => conflict("remove users from group"),
            StoreError::NotFound => no_such_group(&input.group_name),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// AddUserToGroup: idempotent; a user belongs to at most 10 groups.
pub(crate) async fn add_user_to_group<S: Store>(
    cx: &mut Cx<'_, S>,
    input: AddUserToGroupInput,
) -> Result<Reply, ApiError> {
    let target = group_target(cx, &input.group_name).await?;
    cx.authorize(vec![Check::new("iam:AddUserToGroup", &target.arn)])?;
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    let group = target.require(|| no_such_group(&input.group_name))?;
    let user = cx
        .tx
        .user_by_name(account, &input.user_name)
        .await?
        .ok_or_else(|| no_such_user(&input.user_name))?;
    let current = cx
        .tx
        .groups_for_user(account, &user.id, &ListQuery::first(1000))
        .await?
        .items;
    if current.iter().any(|g| g.id == group.id) {
        return Ok(Reply::empty());
    }
    if current.len() >= GROUPS_PER_USER {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for GroupsPerUser: {GROUPS_PER_USER}"
        )));
    }
    cx.tx
        .add_user_to_group(account, &group.id, &user.id)
        .await?;
    Ok(Reply::empty())
}

/// RemoveUserFromGroup: a non-member succeeds; the user is checked before the group.
pub(crate) async fn remove_user_from_group<S: Store>(
    cx: &mut Cx<'_, S>,
    input: RemoveUserFromGroupInput,
) -> Result<Reply, ApiError> {
    let target = group_target(cx, &input.group_name).await?;
    cx.authorize(vec![Check::new("iam:RemoveUserFromGroup", &target.arn)])?;
    let account = cx.account();
    let user = cx
        .tx
        .user_by_name(account, &input.user_name)
        .await?
        .ok_or_else(|| no_such_user(&input.user_name))?;
    let group = target.require(|| no_such_group(&input.group_name))?;
    cx.tx
        .remove_user_from_group(account, &group.id, &user.id)
        .await?;
    Ok(Reply::empty())
}

/// ListGroupsForUser: the user's groups by name, paginated.
pub(crate) async fn list_groups_for_user<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListGroupsForUserInput,
) -> Result<Reply, ApiError> {
    let target = cx.user(&input.user_name).await?;
    cx.authorize(vec![
        Check::new("iam:ListGroupsForUser", &target.arn).with_resource_tags(&target.tags, true),
    ])?;
    let user = target.require(|| no_such_user(&input.user_name))?;
    let scope = marker_scope("ListGroupsForUser", &[("UserName", &user.id)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let page = cx
        .tx
        .groups_for_user(cx.account(), &user.id, &query)
        .await?;
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let groups = page.items.iter().map(|g| wire_group(cx, g)).collect();
    Ok(Reply::result(ListGroupsForUserOutput {
        groups,
        is_truncated: Some(truncated),
        marker,
    }))
}
