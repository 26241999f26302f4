//! Instance profiles (api.md §5.12) and their tags (§3.5: case-sensitive keys).
//!
//! A profile holds at most one role. Warden has no EC2: a profile's role is what a workload
//! registered with `warden workload register` receives from the container credentials
//! endpoint (`crate::workload`).

use serde_json::json;
use warden_core::{CountedEntity, InstanceProfile, Store, Tag, TagTarget, Transaction};
use warden_query::iam::{
    self, AddRoleToInstanceProfileInput, CreateInstanceProfileInput, CreateInstanceProfileOutput,
    DeleteInstanceProfileInput, GetInstanceProfileInput, GetInstanceProfileOutput,
    ListInstanceProfileTagsInput, ListInstanceProfileTagsOutput, ListInstanceProfilesForRoleInput,
    ListInstanceProfilesForRoleOutput, ListInstanceProfilesInput, ListInstanceProfilesOutput,
    RemoveRoleFromInstanceProfileInput, TagInstanceProfileInput, UntagInstanceProfileInput,
};

use super::resolve::{apply_exact_tags, create_checks, no_such_role};
use super::roles::{shown_trust_policy, wire_role};
use super::tagging::{self, TagKeys, Tagging};
use super::{
    Cx, Reply, Target, list_query, marker_scope, page_marker, paginate_tags, sorted_tags, ts,
    wire_tags,
};
use crate::authz::Check;
use crate::error::ApiError;

/// Instance profiles per account (api.md §3.7; AWS's message is unrecorded, `VERIFY`).
const PROFILES_PER_ACCOUNT: u64 = 1000;
/// Roles per instance profile (AWS quota `InstanceSessionsPerInstanceProfile`).
const ROLES_PER_PROFILE: u32 = 1;
/// The service a role is passed to by AddRoleToInstanceProfile (api.md §4.3 item 3).
const PASSED_TO_SERVICE: &str = "ec2.amazonaws.com";

/// `Instance Profile <name> cannot be found.` (AWS's wording).
fn no_such_profile(name: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("Instance Profile {name} cannot be found."))
}

fn profile_exists(name: &str) -> ApiError {
    ApiError::EntityAlreadyExists(format!("Instance Profile {name} already exists."))
}

/// Resolves an instance profile by name for authorization (api.md §4.2: stored path, `/`
/// when missing).
async fn profile_target<S: Store>(
    cx: &mut Cx<'_, S>,
    name: &str,
) -> Result<Target<InstanceProfile>, ApiError> {
    let account = cx.account();
    let entity = cx.tx.instance_profile_by_name(account, name).await?;
    let (path, tags) = match &entity {
        Some(p) => (
            p.path.clone(),
            cx.tx
                .tags(account, &TagTarget::InstanceProfile(p.id.clone()))
                .await?,
        ),
        None => ("/".to_owned(), Vec::new()),
    };
    Ok(Target {
        arn: cx.arn("instance-profile", &path, name),
        tags,
        entity,
    })
}

/// Resolves and authorizes `action` on the named profile, then requires it.
async fn authorized_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    action: &str,
    name: &str,
) -> Result<(InstanceProfile, Vec<Tag>), ApiError> {
    let target = profile_target(cx, name).await?;
    cx.authorize(vec![
        Check::new(action, &target.arn).with_resource_tags(&target.tags, false),
    ])?;
    let tags = target.tags.clone();
    let profile = target.require(|| no_such_profile(name))?;
    Ok((profile, tags))
}

/// The wire `InstanceProfile`. Its role is shown like the AWS documentation's examples of
/// GetInstanceProfile / ListInstanceProfiles: path, name, id, ARN, create date and the trust
/// policy (URL-encoded by the writer, as in GetRole); no description, max session duration,
/// boundary, tags or last use (`VERIFY` against a live account).
async fn wire_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    profile: &InstanceProfile,
    tags: Option<Vec<Tag>>,
) -> Result<iam::InstanceProfile, ApiError> {
    let mut roles = Vec::new();
    if let Some(role_id) = &profile.role_id
        && let Some(role) = cx.tx.role_by_id(profile.account, role_id).await?
    {
        let mut out = wire_role(cx, &role);
        out.description = None;
        out.max_session_duration = None;
        out.assume_role_policy_document = Some(shown_trust_policy(cx, &role).await?);
        roles.push(out);
    }
    Ok(iam::InstanceProfile {
        path: profile.path.clone(),
        instance_profile_name: profile.name.clone(),
        instance_profile_id: profile.id.clone(),
        arn: cx.arn("instance-profile", &profile.path, &profile.name),
        create_date: ts(profile.created),
        roles,
        tags: tags.map(|t| wire_tags(&sorted_tags(t))),
    })
}

fn audit_profile(p: &iam::InstanceProfile) -> serde_json::Value {
    json!({"instanceProfile": {
        "path": p.path, "instanceProfileName": p.instance_profile_name,
        "instanceProfileId": p.instance_profile_id, "arn": p.arn,
        "createDate": p.create_date.to_string(), "roles": [],
    }})
}

/// CreateInstanceProfile: tag-on-create needs `iam:TagInstanceProfile` too (api.md §4.3).
pub(crate) async fn create_instance_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreateInstanceProfileInput,
) -> Result<Reply, ApiError> {
    let path = input.path.clone().unwrap_or_else(|| "/".to_owned());
    let name = input.instance_profile_name.clone();
    let arn = cx.arn("instance-profile", &path, &name);
    let tags = input.tags.clone().unwrap_or_default();
    cx.authorize(create_checks(
        Check::new("iam:CreateInstanceProfile", &arn),
        "iam:TagInstanceProfile",
        &arn,
        &tags,
    ))?;
    let account = cx.account();
    // The name check happens under the account lock, so two concurrent creates of one name
    // cannot both pass it.
    cx.tx.lock_account(account).await?;
    if cx
        .tx
        .instance_profile_by_name(account, &name)
        .await?
        .is_some()
    {
        return Err(profile_exists(&name));
    }
    if cx
        .tx
        .count(account, CountedEntity::InstanceProfiles)
        .await?
        >= PROFILES_PER_ACCOUNT
    {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for InstanceProfilesPerAccount: {PROFILES_PER_ACCOUNT}"
        )));
    }
    let stored_tags = apply_exact_tags(&[], &tags)?;
    let profile = InstanceProfile {
        account,
        id: cx
            .state
            .services()
            .ids
            .unique_id(warden_core::IdKind::InstanceProfile),
        name,
        path,
        created: cx.now,
        role_id: None,
    };
    cx.tx.insert_instance_profile(&profile).await?;
    if !stored_tags.is_empty() {
        cx.tx
            .set_tags(
                account,
                &TagTarget::InstanceProfile(profile.id.clone()),
                &stored_tags,
            )
            .await?;
    }
    // Tags only when given (like CreateRole); `Roles` is always there, empty.
    let out = wire_profile(
        cx,
        &profile,
        (!stored_tags.is_empty()).then_some(stored_tags),
    )
    .await?;
    let audit = audit_profile(&out);
    Ok(Reply::result(CreateInstanceProfileOutput {
        instance_profile: out,
    })
    .with_audit(audit))
}

/// GetInstanceProfile: with its role and `Tags` always (empty when none, api.md §5.12).
pub(crate) async fn get_instance_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetInstanceProfileInput,
) -> Result<Reply, ApiError> {
    let (profile, tags) =
        authorized_profile(cx, "iam:GetInstanceProfile", &input.instance_profile_name).await?;
    let out = wire_profile(cx, &profile, Some(tags)).await?;
    Ok(Reply::result(GetInstanceProfileOutput {
        instance_profile: out,
    }))
}

/// DeleteInstanceProfile: refused while the profile holds a role.
pub(crate) async fn delete_instance_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteInstanceProfileInput,
) -> Result<Reply, ApiError> {
    let (profile, _) = authorized_profile(
        cx,
        "iam:DeleteInstanceProfile",
        &input.instance_profile_name,
    )
    .await?;
    if profile.role_id.is_some() {
        return Err(ApiError::DeleteConflict(
            "Cannot delete entity, must remove roles from instance profile first.".to_owned(),
        ));
    }
    cx.tx
        .delete_instance_profile(cx.account(), &profile.id)
        .await?;
    Ok(Reply::empty())
}

/// ListInstanceProfiles: by name, `PathPrefix` filter, paginated; no tags (like ListRoles).
pub(crate) async fn list_instance_profiles<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListInstanceProfilesInput,
) -> Result<Reply, ApiError> {
    let prefix = input.path_prefix.as_deref().unwrap_or("/");
    cx.authorize(vec![Check::new(
        "iam:ListInstanceProfiles",
        cx.arn("instance-profile", prefix, ""),
    )])?;
    let scope = marker_scope("ListInstanceProfiles", &[("PathPrefix", prefix)]);
    let query = list_query(
        &scope,
        Some(prefix),
        input.marker.as_deref(),
        input.max_items,
    )?;
    let page = cx.tx.list_instance_profiles(cx.account(), &query).await?;
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let mut profiles = Vec::with_capacity(page.items.len());
    for p in &page.items {
        profiles.push(wire_profile(cx, p, None).await?);
    }
    Ok(Reply::result(ListInstanceProfilesOutput {
        instance_profiles: profiles,
        is_truncated: Some(truncated),
        marker,
    }))
}

/// ListInstanceProfilesForRole: authorized on the role (api.md §4.2), paginated.
pub(crate) async fn list_instance_profiles_for_role<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListInstanceProfilesForRoleInput,
) -> Result<Reply, ApiError> {
    let target = cx.role(&input.role_name).await?;
    cx.authorize(vec![
        Check::new("iam:ListInstanceProfilesForRole", &target.arn)
            .with_resource_tags(&target.tags, true),
    ])?;
    let role = target.require(|| no_such_role(&input.role_name))?;
    let scope = marker_scope(
        "ListInstanceProfilesForRole",
        &[("RoleName", &input.role_name)],
    );
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let page = cx
        .tx
        .instance_profiles_for_role(cx.account(), &role.id, &query)
        .await?;
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let mut profiles = Vec::with_capacity(page.items.len());
    for p in &page.items {
        profiles.push(wire_profile(cx, p, None).await?);
    }
    Ok(Reply::result(ListInstanceProfilesForRoleOutput {
        instance_profiles: profiles,
        is_truncated: Some(truncated),
        marker,
    }))
}

/// AddRoleToInstanceProfile: `iam:AddRoleToInstanceProfile` on the profile, then
/// `iam:PassRole` on the role with `iam:PassedToService` = `ec2.amazonaws.com` and
/// `iam:AssociatedResourceArn` = `arn:P:ec2:*:ACCT:instance/*` (api.md §4.3 item 3).
/// A profile that already holds a role (this one or another) → `LimitExceeded`.
pub(crate) async fn add_role_to_instance_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    input: AddRoleToInstanceProfileInput,
) -> Result<Reply, ApiError> {
    let profile = profile_target(cx, &input.instance_profile_name).await?;
    let role = cx.role(&input.role_name).await?;
    let associated = format!(
        "arn:{}:ec2:*:{}:instance/*",
        cx.state.config().partition,
        cx.account()
    );
    cx.authorize(vec![
        Check::new("iam:AddRoleToInstanceProfile", &profile.arn)
            .with_resource_tags(&profile.tags, false),
        Check::new("iam:PassRole", &role.arn)
            .with_resource_tags(&role.tags, true)
            .with_key("iam:PassedToService", PASSED_TO_SERVICE)
            .with_key("iam:AssociatedResourceArn", &associated),
    ])?;
    let profile = profile.require(|| no_such_profile(&input.instance_profile_name))?;
    let role = role.require(|| no_such_role(&input.role_name))?;
    // A service-linked role belongs to its service (api.md §5.12).
    super::service_linked_roles::ensure_modifiable(&role)?;
    if profile.role_id.is_some() {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for InstanceSessionsPerInstanceProfile: {ROLES_PER_PROFILE}"
        )));
    }
    cx.tx
        .set_instance_profile_role(cx.account(), &profile.id, Some(&role.id))
        .await?;
    Ok(Reply::empty())
}

/// RemoveRoleFromInstanceProfile: the role must be the one in the profile.
pub(crate) async fn remove_role_from_instance_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    input: RemoveRoleFromInstanceProfileInput,
) -> Result<Reply, ApiError> {
    let (profile, _) = authorized_profile(
        cx,
        "iam:RemoveRoleFromInstanceProfile",
        &input.instance_profile_name,
    )
    .await?;
    let role = cx
        .tx
        .role_by_name(cx.account(), &input.role_name)
        .await?
        .ok_or_else(|| no_such_role(&input.role_name))?;
    if profile.role_id.as_deref() != Some(role.id.as_str()) {
        return Err(ApiError::NoSuchEntity(format!(
            "Role {} in Instance Profile {} cannot be found.",
            input.role_name, input.instance_profile_name
        )));
    }
    cx.tx
        .set_instance_profile_role(cx.account(), &profile.id, None)
        .await?;
    Ok(Reply::empty())
}

/// TagInstanceProfile: case-sensitive keys (api.md §3.5).
pub(crate) async fn tag_instance_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    input: TagInstanceProfileInput,
) -> Result<Reply, ApiError> {
    let target = profile_target(cx, &input.instance_profile_name).await?;
    let call = Tagging {
        target,
        action: "iam:TagInstanceProfile",
        keys: TagKeys::Exact,
    };
    tagging::tag(
        cx,
        call,
        &input.tags,
        || no_such_profile(&input.instance_profile_name),
        |p| Ok(TagTarget::InstanceProfile(p.id)),
    )
    .await
}

/// UntagInstanceProfile: absent keys are ignored.
pub(crate) async fn untag_instance_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UntagInstanceProfileInput,
) -> Result<Reply, ApiError> {
    let target = profile_target(cx, &input.instance_profile_name).await?;
    let call = Tagging {
        target,
        action: "iam:UntagInstanceProfile",
        keys: TagKeys::Exact,
    };
    tagging::untag(
        cx,
        call,
        &input.tag_keys,
        || no_such_profile(&input.instance_profile_name),
        |p| Ok(TagTarget::InstanceProfile(p.id)),
    )
    .await
}

/// ListInstanceProfileTags: paginated by key.
pub(crate) async fn list_instance_profile_tags<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListInstanceProfileTagsInput,
) -> Result<Reply, ApiError> {
    let (_, tags) = authorized_profile(
        cx,
        "iam:ListInstanceProfileTags",
        &input.instance_profile_name,
    )
    .await?;
    let scope = marker_scope(
        "ListInstanceProfileTags",
        &[("InstanceProfileName", &input.instance_profile_name)],
    );
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let (items, next) = paginate_tags(sorted_tags(tags), &query);
    let (truncated, marker) = page_marker(&scope, next.as_deref())?;
    Ok(Reply::result(ListInstanceProfileTagsOutput {
        tags: wire_tags(&items),
        is_truncated: Some(truncated),
        marker,
    }))
}
