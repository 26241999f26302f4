//! Roles (api.md §5.6) and role tags (§3.5).

use serde_json::json;
use warden_core::{
    Constraint, CountedEntity, IdKind, PolicyHolder, ResolvedPrincipal, Role, Store, StoreError,
    TagTarget, Transaction,
};
use warden_policy::document::PolicyKind;
use warden_query::iam::{
    self, CreateRoleInput, CreateRoleOutput, DeleteRoleInput, GetRoleInput, GetRoleOutput,
    ListRoleTagsInput, ListRoleTagsOutput, ListRolesInput, ListRolesOutput, TagRoleInput,
    UntagRoleInput, UpdateAssumeRolePolicyInput, UpdateRoleDescriptionInput,
    UpdateRoleDescriptionOutput, UpdateRoleInput, UpdateRoleOutput,
};
use warden_types::{AccountId, Arn};

use super::resolve::{create_checks, no_such_role, policy_error, wire_boundary, with_boundary};
use super::tagging::{self, TagKeys, Tagging};
use super::users::check_boundary;
use super::{
    Cx, Reply, check_new_tags, list_query, marker_scope, page_marker, sorted_tags, ts, wire_tags,
};
use crate::authz::Check;
use crate::error::ApiError;

/// Roles per account (api.md §3.7).
const ROLES_PER_ACCOUNT: u64 = 1000;
/// Default `MaxSessionDuration` (api.md §5.6).
const DEFAULT_MAX_SESSION: u32 = 3600;

/// The wire `Role` in ListRoles form: trust policy (URL-encoded by the writer, api.md
/// §1.4), description when set, `MaxSessionDuration`; no tags, boundary or last use.
pub(crate) fn wire_role<S: Store>(cx: &Cx<'_, S>, r: &Role) -> iam::Role {
    iam::Role {
        path: r.path.clone(),
        role_name: r.name.clone(),
        role_id: r.id.clone(),
        arn: cx.arn("role", &r.path, &r.name),
        create_date: ts(r.created),
        assume_role_policy_document: Some(r.trust_policy.clone()),
        description: r.description.clone(),
        max_session_duration: i32::try_from(r.max_session_duration).ok(),
        permissions_boundary: None,
        tags: None,
        role_last_used: None,
    }
}

fn role_exists(name: &str) -> ApiError {
    ApiError::EntityAlreadyExists(format!("Role with name {name} already exists."))
}

fn audit_role(r: &iam::Role) -> serde_json::Value {
    json!({"role": {
        "path": r.path, "roleName": r.role_name, "roleId": r.role_id, "arn": r.arn,
        "createDate": r.create_date.to_string(),
    }})
}

/// Validates a trust policy (policy.md §1.6 trust rules, size quota) and resolves its
/// principals (policy.md §1.7.3): a user or role ARN, or an OIDC provider ARN, of an
/// account served here must name an existing entity.
/// Returns the user and role ARNs it resolved, with their unique ids, to be stored with
/// the role (§1.7.3 point 2).
pub(crate) async fn validate_trust_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    text: &str,
) -> Result<Vec<ResolvedPrincipal>, ApiError> {
    let document =
        warden_policy::parse_policy(text, PolicyKind::Trust).map_err(|e| policy_error(&e))?;
    let mut resolved: Vec<ResolvedPrincipal> = Vec::new();
    for statement in &document.statements {
        let Some(clause) = &statement.principal else {
            continue;
        };
        for value in &clause.principals.aws {
            match resolve_principal(cx, value).await? {
                Resolution::Unchecked => {}
                Resolution::Missing => return Err(invalid_principal("AWS", value)),
                Resolution::Entity(id) => {
                    if !resolved.iter().any(|p| p.arn == *value) {
                        resolved.push(ResolvedPrincipal {
                            arn: value.clone(),
                            id,
                        });
                    }
                }
            }
        }
        for value in &clause.principals.federated {
            if resolve_principal(cx, value).await? == Resolution::Missing {
                return Err(invalid_principal("Federated", value));
            }
        }
    }
    Ok(resolved)
}

/// What a principal value of a trust policy names (policy.md §1.7.3).
#[derive(Debug, Eq, PartialEq)]
enum Resolution {
    /// Not a user, role or provider ARN of an account hosted here: accepted unchecked.
    Unchecked,
    /// A user, role or provider of an account hosted here that does not exist.
    Missing,
    /// An existing user or role, by unique id.
    Entity(String),
}

/// The document a role's trust policy is shown as (policy.md §1.7.3 point 3): the stored
/// text, except that the string token of each resolved principal whose entity no longer
/// exists is re-rendered as the entity's unique id, as AWS does; all other bytes are kept.
pub(crate) async fn shown_trust_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    role: &Role,
) -> Result<String, ApiError> {
    let mut text = role.trust_policy.clone();
    for principal in &role.trust_principals {
        if entity_exists(cx, principal).await? {
            continue;
        }
        // The ARN was written as a JSON string; ARNs need no escaping, so the token is the
        // ARN in quotes (an escaped spelling is left as written).
        let token = format!("\"{}\"", principal.arn);
        text = text.replace(&token, &format!("\"{}\"", principal.id));
    }
    Ok(text)
}

/// Whether the entity a resolved principal was bound to still exists.
async fn entity_exists<S: Store>(
    cx: &mut Cx<'_, S>,
    principal: &ResolvedPrincipal,
) -> Result<bool, ApiError> {
    let Ok(arn) = principal.arn.parse::<Arn>() else {
        return Ok(true);
    };
    let Ok(account) = arn.account().parse::<AccountId>() else {
        return Ok(true);
    };
    if arn.resource().starts_with("user/") {
        Ok(cx.tx.user_by_id(account, &principal.id).await?.is_some())
    } else if arn.resource().starts_with("role/") {
        Ok(cx.tx.role_by_id(account, &principal.id).await?.is_some())
    } else {
        Ok(true)
    }
}

fn invalid_principal(kind: &str, value: &str) -> ApiError {
    ApiError::MalformedPolicyDocument(format!(
        "Invalid principal in policy: \"{kind}\":\"{value}\""
    ))
}

/// What a principal value names at save time: anything that is not a user, role or OIDC
/// provider ARN of an account hosted here is accepted unchecked (account ids, root ARNs,
/// services, other installations' accounts — policy.md §1.7.3).
async fn resolve_principal<S: Store>(
    cx: &mut Cx<'_, S>,
    value: &str,
) -> Result<Resolution, ApiError> {
    let Ok(arn) = value.parse::<Arn>() else {
        return Ok(Resolution::Unchecked);
    };
    if arn.partition() != cx.state.config().partition
        || arn.service() != "iam"
        || !arn.region().is_empty()
    {
        return Ok(Resolution::Unchecked);
    }
    let Ok(account) = arn.account().parse::<AccountId>() else {
        return Ok(Resolution::Unchecked);
    };
    if cx.tx.account(account).await?.is_none() {
        return Ok(Resolution::Unchecked);
    }
    let resource = arn.resource();
    if let Some(url) = resource.strip_prefix("oidc-provider/") {
        return Ok(if cx.tx.oidc_provider(account, url).await?.is_some() {
            Resolution::Unchecked
        } else {
            Resolution::Missing
        });
    }
    let Some((kind, rest)) = resource.split_once('/') else {
        return Ok(Resolution::Unchecked);
    };
    // `<kind>{path}{name}`: the path is everything up to the last `/`.
    let (path, name) = match rest.rfind('/') {
        Some(i) => (
            format!("/{}", rest.get(..=i).unwrap_or_default()),
            rest.get(i + 1..).unwrap_or_default(),
        ),
        None => ("/".to_owned(), rest),
    };
    if name.is_empty() {
        return Ok(Resolution::Missing);
    }
    let id = match kind {
        "user" => cx
            .tx
            .user_by_name(account, name)
            .await?
            .filter(|u| u.path == path && u.name == name)
            .map(|u| u.id),
        "role" => cx
            .tx
            .role_by_name(account, name)
            .await?
            .filter(|r| r.path == path && r.name == name)
            .map(|r| r.id),
        _ => return Ok(Resolution::Unchecked),
    };
    Ok(id.map_or(Resolution::Missing, Resolution::Entity))
}

/// CreateRole: trust policy, path, description, max session, boundary, tags; tag-on-create
/// needs `iam:TagRole` too, a boundary sets `iam:PermissionsBoundary` (api.md §4.3).
pub(crate) async fn create_role<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreateRoleInput,
) -> Result<Reply, ApiError> {
    let path = input.path.clone().unwrap_or_else(|| "/".to_owned());
    let arn = cx.arn("role", &path, &input.role_name);
    let tags = input.tags.clone().unwrap_or_default();
    let create = with_boundary(
        Check::new("iam:CreateRole", &arn),
        input.permissions_boundary.as_deref(),
    );
    cx.authorize(create_checks(create, "iam:TagRole", &arn, &tags))?;

    let account = cx.account();
    cx.tx.lock_account(account).await?;
    if cx
        .tx
        .role_by_name(account, &input.role_name)
        .await?
        .is_some()
    {
        return Err(role_exists(&input.role_name));
    }
    if cx.tx.count(account, CountedEntity::Roles).await? >= ROLES_PER_ACCOUNT {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for RolesPerAccount: {ROLES_PER_ACCOUNT}"
        )));
    }
    let stored_tags = check_new_tags(&tags, &[])?;
    if let Some(b) = &input.permissions_boundary {
        check_boundary(cx, b).await?;
    }
    let trust_principals = validate_trust_policy(cx, &input.assume_role_policy_document).await?;
    let role = Role {
        account,
        id: cx.state.services().ids.unique_id(IdKind::Role),
        name: input.role_name.clone(),
        path,
        created: cx.now,
        trust_policy: input.assume_role_policy_document.clone(),
        description: input.description.clone(),
        max_session_duration: input
            .max_session_duration
            .and_then(|d| u32::try_from(d).ok())
            .unwrap_or(DEFAULT_MAX_SESSION),
        permissions_boundary: input.permissions_boundary.clone(),
        last_used: None,
        trust_principals,
    };
    cx.tx.insert_role(&role).await.map_err(|e| match e {
        StoreError::Conflict {
            constraint: Constraint::RoleName,
        } => role_exists(&input.role_name),
        other => other.into(),
    })?;
    if !stored_tags.is_empty() {
        cx.tx
            .set_tags(account, &TagTarget::Role(role.id.clone()), &stored_tags)
            .await?;
    }
    // CreateRole does not return MaxSessionDuration or RoleLastUsed (observed, api.md §5.6).
    let mut out = wire_role(cx, &role);
    out.max_session_duration = None;
    out.permissions_boundary = wire_boundary(role.permissions_boundary.as_ref());
    if !stored_tags.is_empty() {
        out.tags = Some(wire_tags(&stored_tags));
    }
    let audit = audit_role(&out);
    Ok(Reply::result(CreateRoleOutput { role: out }).with_audit(audit))
}

/// GetRole: everything, with `MaxSessionDuration`, `RoleLastUsed` (empty when never used)
/// and `Tags` only when present.
pub(crate) async fn get_role<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetRoleInput,
) -> Result<Reply, ApiError> {
    let target = cx.role(&input.role_name).await?;
    let boundary = target
        .entity
        .as_ref()
        .and_then(|r| r.permissions_boundary.clone());
    cx.authorize(vec![with_boundary(
        Check::new("iam:GetRole", &target.arn).with_resource_tags(&target.tags, true),
        boundary.as_deref(),
    )])?;
    let tags = target.tags.clone();
    let role = target.require(|| no_such_role(&input.role_name))?;
    let mut out = full_role(cx, &role, tags, true);
    out.assume_role_policy_document = Some(shown_trust_policy(cx, &role).await?);
    Ok(Reply::result(GetRoleOutput { role: out }))
}

/// The role as GetRole shows it; `with_usage` adds `MaxSessionDuration`/`RoleLastUsed`.
fn full_role<S: Store>(
    cx: &Cx<'_, S>,
    role: &Role,
    tags: Vec<warden_core::Tag>,
    with_usage: bool,
) -> iam::Role {
    let mut out = wire_role(cx, role);
    out.permissions_boundary = wire_boundary(role.permissions_boundary.as_ref());
    if !tags.is_empty() {
        out.tags = Some(wire_tags(&sorted_tags(tags)));
    }
    if with_usage {
        out.role_last_used = Some(match &role.last_used {
            Some(u) => iam::RoleLastUsed {
                last_used_date: Some(ts(u.date)),
                region: Some(u.region.clone()),
            },
            None => iam::RoleLastUsed::default(),
        });
    } else {
        out.max_session_duration = None;
    }
    out
}

/// ListRoles: by name, PathPrefix filter, paginated.
pub(crate) async fn list_roles<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListRolesInput,
) -> Result<Reply, ApiError> {
    let prefix = input.path_prefix.as_deref().unwrap_or("/");
    cx.authorize(vec![Check::new(
        "iam:ListRoles",
        cx.arn("role", prefix, ""),
    )])?;
    let scope = marker_scope("ListRoles", &[("PathPrefix", prefix)]);
    let query = list_query(
        &scope,
        Some(prefix),
        input.marker.as_deref(),
        input.max_items,
    )?;
    let page = cx.tx.list_roles(cx.account(), &query).await?;
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let mut roles = Vec::with_capacity(page.items.len());
    for r in &page.items {
        let mut out = wire_role(cx, r);
        out.assume_role_policy_document = Some(shown_trust_policy(cx, r).await?);
        roles.push(out);
    }
    Ok(Reply::result(ListRolesOutput {
        roles,
        is_truncated: Some(truncated),
        marker,
    }))
}

/// Resolves and authorizes a role operation with the role's boundary as
/// `iam:PermissionsBoundary` (api.md §4.5); returns the role and its tags.
async fn authorized_role<S: Store>(
    cx: &mut Cx<'_, S>,
    action: &str,
    name: &str,
) -> Result<(Role, Vec<warden_core::Tag>), ApiError> {
    let target = cx.role(name).await?;
    let boundary = target
        .entity
        .as_ref()
        .and_then(|r| r.permissions_boundary.clone());
    cx.authorize(vec![with_boundary(
        Check::new(action, &target.arn).with_resource_tags(&target.tags, true),
        boundary.as_deref(),
    )])?;
    let tags = target.tags.clone();
    let role = target.require(|| no_such_role(name))?;
    Ok((role, tags))
}

/// UpdateRole: only the given fields change; an empty `Description` clears it.
pub(crate) async fn update_role<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateRoleInput,
) -> Result<Reply, ApiError> {
    let (mut role, _) = authorized_role(cx, "iam:UpdateRole", &input.role_name).await?;
    super::service_linked_roles::ensure_modifiable(&role)?;
    if let Some(d) = &input.description {
        role.description = (!d.is_empty()).then(|| d.clone());
    }
    if let Some(m) = input
        .max_session_duration
        .and_then(|m| u32::try_from(m).ok())
    {
        role.max_session_duration = m;
    }
    cx.tx.update_role(&role).await?;
    Ok(Reply::result(UpdateRoleOutput {}))
}

/// UpdateRoleDescription: sets the description and returns the role (observed without
/// `MaxSessionDuration` and `RoleLastUsed`, api.md §5.6).
pub(crate) async fn update_role_description<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateRoleDescriptionInput,
) -> Result<Reply, ApiError> {
    let (mut role, tags) =
        authorized_role(cx, "iam:UpdateRoleDescription", &input.role_name).await?;
    role.description = (!input.description.is_empty()).then(|| input.description.clone());
    cx.tx.update_role(&role).await?;
    Ok(Reply::result(UpdateRoleDescriptionOutput {
        role: Some({
            let mut out = full_role(cx, &role, tags, false);
            out.assume_role_policy_document = Some(shown_trust_policy(cx, &role).await?);
            out
        }),
    }))
}

/// UpdateAssumeRolePolicy: validates like CreateRole and replaces the trust policy
/// verbatim; sessions already issued are unaffected.
pub(crate) async fn update_assume_role_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateAssumeRolePolicyInput,
) -> Result<Reply, ApiError> {
    let (mut role, _) = authorized_role(cx, "iam:UpdateAssumeRolePolicy", &input.role_name).await?;
    super::service_linked_roles::ensure_modifiable(&role)?;
    role.trust_principals = validate_trust_policy(cx, &input.policy_document).await?;
    role.trust_policy = input.policy_document.clone();
    cx.tx.update_role(&role).await?;
    Ok(Reply::empty())
}

/// DeleteRole: refused while policies are attached or embedded (api.md §5.6); boundary and
/// tags do not block.
pub(crate) async fn delete_role<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteRoleInput,
) -> Result<Reply, ApiError> {
    let (role, _) = authorized_role(cx, "iam:DeleteRole", &input.role_name).await?;
    super::service_linked_roles::ensure_modifiable(&role)?;
    let account = cx.account();
    let conflict =
        |what: &str| ApiError::DeleteConflict(format!("Cannot delete entity, must {what} first."));
    let holder = PolicyHolder::Role(role.id.clone());
    if !cx.tx.attached_policies(account, &holder).await?.is_empty() {
        return Err(conflict("detach all policies"));
    }
    if !cx.tx.inline_policies(account, &holder).await?.is_empty() {
        return Err(conflict("delete policies"));
    }
    // A role in an instance profile cannot be deleted (api.md §5.12).
    let in_profiles = cx
        .tx
        .instance_profiles_for_role(account, &role.id, &warden_core::ListQuery::first(1))
        .await?;
    if !in_profiles.items.is_empty() {
        return Err(conflict("remove roles from instance profile"));
    }
    cx.tx
        .delete_role(account, &role.id)
        .await
        .map_err(|e| match e {
            StoreError::Conflict {
                constraint: Constraint::InUse,
            } => conflict("remove referenced objects"),
            StoreError::NotFound => no_such_role(&input.role_name),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// TagRole: case-insensitive keys like users (api.md §3.5).
pub(crate) async fn tag_role<S: Store>(
    cx: &mut Cx<'_, S>,
    input: TagRoleInput,
) -> Result<Reply, ApiError> {
    let target = cx.role(&input.role_name).await?;
    let call = Tagging {
        target,
        action: "iam:TagRole",
        keys: TagKeys::CaseInsensitive,
    };
    tagging::tag(
        cx,
        call,
        &input.tags,
        || no_such_role(&input.role_name),
        |r| Ok(TagTarget::Role(r.id)),
    )
    .await
}

/// UntagRole: removes keys case-insensitively; absent keys are ignored.
pub(crate) async fn untag_role<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UntagRoleInput,
) -> Result<Reply, ApiError> {
    let target = cx.role(&input.role_name).await?;
    let call = Tagging {
        target,
        action: "iam:UntagRole",
        keys: TagKeys::CaseInsensitive,
    };
    tagging::untag(
        cx,
        call,
        &input.tag_keys,
        || no_such_role(&input.role_name),
        |r| Ok(TagTarget::Role(r.id)),
    )
    .await
}

/// ListRoleTags: paginated by key.
pub(crate) async fn list_role_tags<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListRoleTagsInput,
) -> Result<Reply, ApiError> {
    let target = cx.role(&input.role_name).await?;
    cx.authorize(vec![
        Check::new("iam:ListRoleTags", &target.arn).with_resource_tags(&target.tags, true),
    ])?;
    let tags = target.tags.clone();
    target.require(|| no_such_role(&input.role_name))?;
    let scope = marker_scope("ListRoleTags", &[("RoleName", &input.role_name)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let (items, next) = super::paginate_tags(sorted_tags(tags), &query);
    let (truncated, marker) = page_marker(&scope, next.as_deref())?;
    Ok(Reply::result(ListRoleTagsOutput {
        tags: wire_tags(&items),
        is_truncated: Some(truncated),
        marker,
    }))
}
