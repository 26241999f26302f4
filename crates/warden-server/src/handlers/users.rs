//! Users (api.md §5.4) and user tags (§3.5).

use serde_json::json;
use warden_core::{
    Constraint, CountedEntity, IdKind, KeyOwner, ListQuery, PolicyHolder, Store, StoreError,
    TagTarget, Transaction, User,
};
use warden_query::iam::{
    self, CreateUserInput, CreateUserOutput, DeleteUserInput, GetUserInput, GetUserOutput,
    ListUserTagsInput, ListUserTagsOutput, ListUsersInput, ListUsersOutput, TagUserInput,
    UntagUserInput, UpdateUserInput,
};
use warden_query::{WriteXml, XmlWriter};

use super::tagging::{self, TagKeys, Tagging};
use super::{
    Cx, Reply, UserTarget, check_new_tags, list_query, marker_scope, no_such_user, page_marker,
    sorted_tags, ts, wire_tags,
};
use crate::authz::Check;
use crate::error::ApiError;

/// Users per account (api.md §3.7).
const USERS_PER_ACCOUNT: u64 = 5000;

/// The wire `User` of a stored user (ListUsers form: no boundary, no tags).
pub(crate) fn wire_user<S: Store>(cx: &Cx<'_, S>, u: &User) -> iam::User {
    iam::User {
        path: u.path.clone(),
        user_name: u.name.clone(),
        user_id: u.id.clone(),
        arn: cx.arn("user", &u.path, &u.name),
        create_date: ts(u.created),
        password_last_used: u.password_last_used.map(ts),
        permissions_boundary: None,
        tags: None,
    }
}

fn boundary(arn: Option<&String>) -> Option<iam::AttachedPermissionsBoundary> {
    // AWS emits `Policy` although the model's enum says `PermissionsBoundaryPolicy`
    // (api.md §5.4).
    arn.map(|a| iam::AttachedPermissionsBoundary {
        permissions_boundary_type: Some("Policy".to_owned()),
        permissions_boundary_arn: Some(a.clone()),
    })
}

fn audit_user(u: &iam::User) -> serde_json::Value {
    json!({"user": {
        "path": u.path, "userName": u.user_name, "userId": u.user_id, "arn": u.arn,
        "createDate": u.create_date.to_string(),
    }})
}

/// CreateUser: path, boundary, tags; tag-on-create needs `iam:TagUser` too (api.md §4.3).
pub(crate) async fn create_user<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreateUserInput,
) -> Result<Reply, ApiError> {
    let path = input.path.clone().unwrap_or_else(|| "/".to_owned());
    let arn = cx.arn("user", &path, &input.user_name);
    let tags = input.tags.clone().unwrap_or_default();
    let mut create = Check::new("iam:CreateUser", &arn);
    if let Some(b) = &input.permissions_boundary {
        create = create.with_key("iam:PermissionsBoundary", b);
    }
    if !tags.is_empty() {
        create = create.with_request_tags(tags.iter().map(|t| (t.key.as_str(), t.value.as_str())));
    }
    let mut checks = vec![create];
    if !tags.is_empty() {
        checks.push(
            Check::new("iam:TagUser", &arn)
                .with_request_tags(tags.iter().map(|t| (t.key.as_str(), t.value.as_str()))),
        );
    }
    cx.authorize(checks)?;

    let account = cx.account();
    cx.tx.lock_account(account).await?;
    if cx
        .tx
        .user_by_name(account, &input.user_name)
        .await?
        .is_some()
    {
        return Err(user_exists(&input.user_name));
    }
    if cx.tx.count(account, CountedEntity::Users).await? >= USERS_PER_ACCOUNT {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for UsersPerAccount: {USERS_PER_ACCOUNT}"
        )));
    }
    let stored_tags = check_new_tags(&tags, &[])?;
    if let Some(b) = &input.permissions_boundary {
        check_boundary(cx, b).await?;
    }
    let user = User {
        account,
        id: cx.state.services().ids.unique_id(IdKind::User),
        name: input.user_name.clone(),
        path,
        created: cx.now,
        permissions_boundary: input.permissions_boundary.clone(),
        password_last_used: None,
    };
    cx.tx.insert_user(&user).await.map_err(|e| match e {
        StoreError::Conflict {
            constraint: Constraint::UserName,
        } => user_exists(&input.user_name),
        other => other.into(),
    })?;
    if !stored_tags.is_empty() {
        cx.tx
            .set_tags(account, &TagTarget::User(user.id.clone()), &stored_tags)
            .await?;
    }
    let mut out = wire_user(cx, &user);
    out.permissions_boundary = boundary(user.permissions_boundary.as_ref());
    if !stored_tags.is_empty() {
        out.tags = Some(wire_tags(&stored_tags));
    }
    let audit = audit_user(&out);
    Ok(Reply::result(CreateUserOutput { user: Some(out) }).with_audit(audit))
}

/// A permissions boundary must be a valid, existing managed policy ARN (api.md §5.4).
pub(crate) async fn check_boundary<S: Store>(
    cx: &mut Cx<'_, S>,
    arn: &str,
) -> Result<(), ApiError> {
    let well_formed =
        arn.starts_with("arn:") && arn.split(':').count() >= 6 && arn.contains(":policy/");
    if !well_formed {
        return Err(ApiError::InvalidInput(format!("ARN {arn} is not valid.")));
    }
    if cx.tx.policy_by_arn(cx.account(), arn).await?.is_none() {
        return Err(ApiError::NoSuchEntity(format!(
            "Scope ARN: {arn} does not exist or is not attachable."
        )));
    }
    Ok(())
}

fn user_exists(name: &str) -> ApiError {
    ApiError::EntityAlreadyExists(format!("User with name {name} already exists."))
}

/// The root pseudo-user of GetUser: no `UserName`, no `Path` (api.md §3.1).
struct RootUser {
    account: String,
    arn: String,
    created: warden_query::Timestamp,
}

impl WriteXml for RootUser {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("User");
        w.element("UserId", &self.account);
        w.element("Arn", &self.arn);
        w.timestamp_element("CreateDate", self.created);
        w.end("User");
    }
}

/// GetUser: the named user, the calling user, or root's pseudo-user.
pub(crate) async fn get_user<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetUserInput,
) -> Result<Reply, ApiError> {
    let name = match cx.user_or_caller(input.user_name.as_deref())? {
        UserTarget::Named(n) => n,
        UserTarget::Root => {
            let arn = cx.root_arn();
            cx.authorize(vec![Check::new("iam:GetUser", &arn)])?;
            let account = cx.account();
            let created = cx.tx.account(account).await?.map_or(cx.now, |a| a.created);
            return Ok(Reply::result(RootUser {
                account: account.to_string(),
                arn,
                created: ts(created),
            }));
        }
    };
    let target = cx.user(&name).await?;
    cx.authorize(vec![
        Check::new("iam:GetUser", &target.arn).with_resource_tags(&target.tags, true),
    ])?;
    let tags = target.tags.clone();
    let user = target.require(|| no_such_user(&name))?;
    let mut out = wire_user(cx, &user);
    out.permissions_boundary = boundary(user.permissions_boundary.as_ref());
    // Tags only when the user has some (api.md §5.4).
    if !tags.is_empty() {
        out.tags = Some(wire_tags(&sorted_tags(tags)));
    }
    Ok(Reply::result(GetUserOutput { user: out }))
}

/// ListUsers: by name, PathPrefix filter, paginated.
pub(crate) async fn list_users<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListUsersInput,
) -> Result<Reply, ApiError> {
    let prefix = input.path_prefix.as_deref().unwrap_or("/");
    cx.authorize(vec![Check::new(
        "iam:ListUsers",
        cx.arn("user", prefix, ""),
    )])?;
    let scope = marker_scope("ListUsers", &[("PathPrefix", prefix)]);
    let query = list_query(
        &scope,
        Some(prefix),
        input.marker.as_deref(),
        input.max_items,
    )?;
    let page = cx.tx.list_users(cx.account(), &query).await?;
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let users = page.items.iter().map(|u| wire_user(cx, u)).collect();
    Ok(Reply::result(ListUsersOutput {
        users,
        is_truncated: Some(truncated),
        marker,
    }))
}

/// UpdateUser: rename and/or move; authorized on the old and the new ARN (api.md §4.3).
pub(crate) async fn update_user<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateUserInput,
) -> Result<Reply, ApiError> {
    let target = cx.user(&input.user_name).await?;
    let current_path = target
        .entity
        .as_ref()
        .map_or_else(|| "/".to_owned(), |u| u.path.clone());
    let new_path = input.new_path.clone().unwrap_or(current_path);
    let new_name = input
        .new_user_name
        .clone()
        .unwrap_or_else(|| input.user_name.clone());
    let new_arn = cx.arn("user", &new_path, &new_name);
    let mut checks =
        vec![Check::new("iam:UpdateUser", &target.arn).with_resource_tags(&target.tags, true)];
    if new_arn != target.arn {
        checks.push(Check::new("iam:UpdateUser", &new_arn));
    }
    cx.authorize(checks)?;
    let mut user = target.require(|| no_such_user(&input.user_name))?;
    let account = cx.account();
    if input.new_user_name.is_some()
        && let Some(other) = cx.tx.user_by_name(account, &new_name).await?
        && other.id != user.id
    {
        return Err(user_exists(&new_name));
    }
    user.name = new_name.clone();
    user.path = new_path;
    cx.tx.update_user(&user).await.map_err(|e| match e {
        StoreError::Conflict {
            constraint: Constraint::UserName,
        } => user_exists(&new_name),
        other => other.into(),
    })?;
    Ok(Reply::empty().with_audit(serde_json::Value::Null))
}

/// DeleteUser: refused while dependents exist, in AWS's check order (api.md §5.4).
pub(crate) async fn delete_user<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteUserInput,
) -> Result<Reply, ApiError> {
    let target = cx.user(&input.user_name).await?;
    cx.authorize(vec![
        Check::new("iam:DeleteUser", &target.arn).with_resource_tags(&target.tags, true),
    ])?;
    let user = target.require(|| no_such_user(&input.user_name))?;
    let account = cx.account();
    let conflict =
        |what: &str| ApiError::DeleteConflict(format!("Cannot delete entity, must {what} first."));
    // api.md §5.4: the login profile is the first dependent checked.
    if cx.tx.login_profile(account, &user.id).await?.is_some() {
        return Err(conflict("delete login profile"));
    }
    if !cx
        .tx
        .access_keys(account, &KeyOwner::User(user.id.clone()))
        .await?
        .is_empty()
    {
        return Err(conflict("delete access keys"));
    }
    // Signing certificates, SSH keys, service-specific credentials (api.md §5.4 order:
    // after access keys, before MFA devices).
    if !cx
        .tx
        .signing_certificates(account, &KeyOwner::User(user.id.clone()))
        .await?
        .is_empty()
    {
        return Err(conflict("delete signing certificates"));
    }
    if !cx.tx.ssh_public_keys(account, &user.id).await?.is_empty() {
        return Err(conflict("delete SSH public keys"));
    }
    if !cx
        .tx
        .service_credentials(account, Some(&user.id))
        .await?
        .is_empty()
    {
        // Observed wording (api.md §5.4).
        return Err(conflict("remove referenced objects"));
    }
    // Assigned MFA devices (api.md §5.4 check order: after keys, before policies).
    if !cx.tx.user_mfa_devices(account, &user.id).await?.is_empty() {
        return Err(conflict("delete MFA device"));
    }
    let holder = PolicyHolder::User(user.id.clone());
    if !cx.tx.inline_policies(account, &holder).await?.is_empty() {
        return Err(conflict("delete policies"));
    }
    if !cx.tx.attached_policies(account, &holder).await?.is_empty() {
        return Err(conflict("detach all policies"));
    }
    if !cx
        .tx
        .groups_for_user(account, &user.id, &ListQuery::first(1))
        .await?
        .items
        .is_empty()
    {
        return Err(conflict("remove user from all groups"));
    }
    cx.tx
        .delete_user(account, &user.id)
        .await
        .map_err(|e| match e {
            StoreError::Conflict {
                constraint: Constraint::InUse,
            } => conflict("remove referenced objects"),
            StoreError::NotFound => no_such_user(&input.user_name),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// TagUser: upsert with case-insensitive keys; at most 50 tags (api.md §3.5).
pub(crate) async fn tag_user<S: Store>(
    cx: &mut Cx<'_, S>,
    input: TagUserInput,
) -> Result<Reply, ApiError> {
    let target = cx.user(&input.user_name).await?;
    let call = Tagging {
        target,
        action: "iam:TagUser",
        keys: TagKeys::CaseInsensitive,
    };
    tagging::tag(
        cx,
        call,
        &input.tags,
        || no_such_user(&input.user_name),
        |u| Ok(TagTarget::User(u.id)),
    )
    .await
}

/// UntagUser: removes keys (case-insensitively); absent keys are ignored.
pub(crate) async fn untag_user<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UntagUserInput,
) -> Result<Reply, ApiError> {
    let target = cx.user(&input.user_name).await?;
    let call = Tagging {
        target,
        action: "iam:UntagUser",
        keys: TagKeys::CaseInsensitive,
    };
    tagging::untag(
        cx,
        call,
        &input.tag_keys,
        || no_such_user(&input.user_name),
        |u| Ok(TagTarget::User(u.id)),
    )
    .await
}

/// ListUserTags: paginated by key.
pub(crate) async fn list_user_tags<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListUserTagsInput,
) -> Result<Reply, ApiError> {
    let target = cx.user(&input.user_name).await?;
    cx.authorize(vec![
        Check::new("iam:ListUserTags", &target.arn).with_resource_tags(&target.tags, true),
    ])?;
    let tags = target.tags.clone();
    target.require(|| no_such_user(&input.user_name))?;
    let scope = marker_scope("ListUserTags", &[("UserName", &input.user_name)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let (items, next) = super::paginate_tags(sorted_tags(tags), &query);
    let (truncated, marker) = page_marker(&scope, next.as_deref())?;
    Ok(Reply::result(ListUserTagsOutput {
        tags: wire_tags(&items),
        is_truncated: Some(truncated),
        marker,
    }))
}
