//! Customer managed policies, their versions and tags (api.md §5.7, §3.5).

use serde_json::json;
use warden_core::{
    Constraint, CountedEntity, IdKind, ManagedPolicy, NewPolicy, PolicyScope, PolicyUsage,
    PolicyVersion, Store, StoreError, Tag, TagTarget, Transaction,
};
use warden_policy::document::PolicyKind;
use warden_query::iam::{
    self, CreatePolicyInput, CreatePolicyOutput, CreatePolicyVersionInput,
    CreatePolicyVersionOutput, DeletePolicyInput, DeletePolicyVersionInput, GetPolicyInput,
    GetPolicyOutput, GetPolicyVersionInput, GetPolicyVersionOutput, ListPoliciesInput,
    ListPoliciesOutput, ListPolicyTagsInput, ListPolicyTagsOutput, ListPolicyVersionsInput,
    ListPolicyVersionsOutput, SetDefaultPolicyVersionInput, TagPolicyInput, UntagPolicyInput,
};

use super::resolve::{apply_exact_tags, create_checks, paginate, policy_error, policy_not_found};
use super::tagging::{self, TagKeys, Tagging};
use super::{Cx, Reply, list_query, marker_scope, page_marker, sorted_tags, ts, wire_tags};
use crate::authz::Check;
use crate::error::ApiError;

/// Customer managed policies per account (api.md §3.7).
const POLICIES_PER_ACCOUNT: u64 = 1500;
/// Versions per managed policy (api.md §3.7).
const VERSIONS_PER_POLICY: usize = 5;

/// The wire `Policy` in ListPolicies form (no description, no tags).
pub(crate) fn wire_policy(p: &ManagedPolicy) -> iam::Policy {
    iam::Policy {
        policy_name: Some(p.name.clone()),
        policy_id: Some(p.id.clone()),
        arn: Some(p.arn.clone()),
        path: Some(p.path.clone()),
        default_version_id: Some(p.default_version_id.clone()),
        attachment_count: Some(i32::try_from(p.attachment_count).unwrap_or(i32::MAX)),
        permissions_boundary_usage_count: Some(
            i32::try_from(p.boundary_usage_count).unwrap_or(i32::MAX),
        ),
        is_attachable: Some(p.attachable),
        description: None,
        create_date: Some(ts(p.created)),
        update_date: Some(ts(p.updated)),
        tags: None,
    }
}

fn wire_version(v: &PolicyVersion, with_document: bool) -> iam::PolicyVersion {
    iam::PolicyVersion {
        document: with_document.then(|| v.document.clone()),
        version_id: Some(v.version_id.clone()),
        is_default_version: Some(v.is_default),
        create_date: Some(ts(v.created)),
    }
}

/// Refuses changes to an AWS managed policy: they are shared by every account and
/// read-only for customers (api.md §5.7), `AccessDenied` (403) with AWS's message.
fn refuse_aws_managed(policy: &ManagedPolicy, message: &str) -> Result<(), ApiError> {
    if policy.is_aws_managed() {
        return Err(ApiError::AccessDenied(message.to_owned()));
    }
    Ok(())
}

fn policy_exists(name: &str) -> ApiError {
    ApiError::EntityAlreadyExists(format!(
        "A policy called {name} already exists. Duplicate names are not allowed."
    ))
}

fn no_such_version(arn: &str, version: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "Policy {arn} version {version} does not exist or is not attachable."
    ))
}

/// Validates a managed policy document: `2012-10-17` required, 6,144 non-whitespace
/// characters at most (policy.md §1.4, §1.1).
fn validate_managed(text: &str) -> Result<(), ApiError> {
    warden_policy::parse_policy(text, PolicyKind::Managed)
        .map(|_| ())
        .map_err(|e| policy_error(&e))
}

/// Resolves and authorizes an operation on a policy ARN (resource: the ARN as given,
/// api.md §4.2), then requires it (`Policy <arn> was not found.`).
async fn authorized_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    action: &str,
    arn: &str,
) -> Result<(ManagedPolicy, Vec<Tag>), ApiError> {
    let target = cx.policy(arn).await?;
    cx.authorize(vec![
        Check::new(action, &target.arn).with_resource_tags(&target.tags, false),
    ])?;
    let tags = target.tags.clone();
    let policy = target.require(|| policy_not_found(arn))?;
    Ok((policy, tags))
}

/// CreatePolicy: `v1` becomes the default; tag-on-create needs `iam:TagPolicy` too.
pub(crate) async fn create_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreatePolicyInput,
) -> Result<Reply, ApiError> {
    let path = input.path.clone().unwrap_or_else(|| "/".to_owned());
    let arn = cx.arn("policy", &path, &input.policy_name);
    let tags = input.tags.clone().unwrap_or_default();
    cx.authorize(create_checks(
        Check::new("iam:CreatePolicy", &arn),
        "iam:TagPolicy",
        &arn,
        &tags,
    ))?;
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    // Names are unique per account regardless of path (api.md §5.7).
    if cx
        .tx
        .policy_by_name(account, &input.policy_name)
        .await?
        .is_some()
    {
        return Err(policy_exists(&input.policy_name));
    }
    if cx.tx.count(account, CountedEntity::Policies).await? >= POLICIES_PER_ACCOUNT {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for PoliciesPerAccount: {POLICIES_PER_ACCOUNT}"
        )));
    }
    let stored_tags = apply_exact_tags(&[], &tags)?;
    validate_managed(&input.policy_document)?;
    let policy = cx
        .tx
        .insert_policy(&NewPolicy {
            account,
            id: cx.state.services().ids.unique_id(IdKind::Policy),
            name: input.policy_name.clone(),
            path,
            arn,
            description: input.description.clone(),
            created: cx.now,
            document: input.policy_document.clone(),
        })
        .await
        .map_err(|e| match e {
            StoreError::Conflict {
                constraint: Constraint::PolicyName,
            } => policy_exists(&input.policy_name),
            other => other.into(),
        })?;
    if !stored_tags.is_empty() {
        cx.tx
            .set_tags(account, &TagTarget::Policy(policy.id.clone()), &stored_tags)
            .await?;
    }
    // CreatePolicy does not echo the description (observed, api.md §5.7).
    let mut out = wire_policy(&policy);
    if !stored_tags.is_empty() {
        out.tags = Some(wire_tags(&stored_tags));
    }
    let audit = json!({"policy": {
        "policyName": policy.name, "policyId": policy.id, "arn": policy.arn,
        "path": policy.path, "defaultVersionId": policy.default_version_id,
    }});
    Ok(Reply::result(CreatePolicyOutput { policy: Some(out) }).with_audit(audit))
}

/// GetPolicy: with the description when set and `Tags` always (observed).
pub(crate) async fn get_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetPolicyInput,
) -> Result<Reply, ApiError> {
    let (policy, tags) = authorized_policy(cx, "iam:GetPolicy", &input.policy_arn).await?;
    let mut out = wire_policy(&policy);
    out.description = policy.description;
    out.tags = Some(wire_tags(&sorted_tags(tags)));
    Ok(Reply::result(GetPolicyOutput { policy: Some(out) }))
}

/// ListPolicies: `Scope`, `OnlyAttached`, `PolicyUsageFilter`, `PathPrefix`, paginated by
/// name. AWS managed policies are those loaded by `warden import` (api.md §5.7).
pub(crate) async fn list_policies<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListPoliciesInput,
) -> Result<Reply, ApiError> {
    let prefix = input.path_prefix.as_deref().unwrap_or("/");
    cx.authorize(vec![Check::new(
        "iam:ListPolicies",
        cx.arn("policy", prefix, ""),
    )])?;
    let scope_param = input.scope.as_deref().unwrap_or("All");
    let only_attached = input.only_attached.unwrap_or(false);
    let filter = input.policy_usage_filter.as_deref().unwrap_or("");
    // A usage filter implies "attached in that role", so it is the narrower of the two.
    let usage = match (filter, only_attached) {
        ("PermissionsPolicy", _) => PolicyUsage::AsPermissions,
        ("PermissionsBoundary", _) => PolicyUsage::AsBoundary,
        (_, true) => PolicyUsage::Attached,
        (_, false) => PolicyUsage::Any,
    };
    let attached = if only_attached { "true" } else { "false" };
    let scope = marker_scope(
        "ListPolicies",
        &[
            ("Scope", scope_param),
            ("OnlyAttached", attached),
            ("PathPrefix", prefix),
            ("PolicyUsageFilter", filter),
        ],
    );
    let query = list_query(
        &scope,
        Some(prefix),
        input.marker.as_deref(),
        input.max_items,
    )?;
    let owner = match scope_param {
        "AWS" => PolicyScope::Aws,
        "Local" => PolicyScope::Local,
        _ => PolicyScope::All,
    };
    let page = cx
        .tx
        .list_scoped_policies(cx.account(), owner, usage, &query)
        .await?;
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    Ok(Reply::result(ListPoliciesOutput {
        policies: Some(page.items.iter().map(wire_policy).collect()),
        is_truncated: Some(truncated),
        marker,
    }))
}

/// DeletePolicy: refused while attached or used as a boundary, and while versions other
/// than the default exist (api.md §5.7).
pub(crate) async fn delete_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeletePolicyInput,
) -> Result<Reply, ApiError> {
    let (policy, _) = authorized_policy(cx, "iam:DeletePolicy", &input.policy_arn).await?;
    refuse_aws_managed(&policy, "Cannot delete policies outside your own account.")?;
    let attached =
        || ApiError::DeleteConflict("Cannot delete a policy attached to entities.".to_owned());
    if policy.attachment_count + policy.boundary_usage_count > 0 {
        return Err(attached());
    }
    let account = cx.account();
    if cx.tx.policy_versions(account, &policy.id).await?.len() > 1 {
        return Err(ApiError::DeleteConflict(
            "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy."
                .to_owned(),
        ));
    }
    cx.tx
        .delete_policy(account, &policy.id)
        .await
        .map_err(|e| match e {
            StoreError::Conflict {
                constraint: Constraint::InUse,
            } => attached(),
            StoreError::NotFound => policy_not_found(&input.policy_arn),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// CreatePolicyVersion: at most 5 versions; ids are never reused (the store numbers
/// them); `SetAsDefault` switches the effective version at once.
pub(crate) async fn create_policy_version<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreatePolicyVersionInput,
) -> Result<Reply, ApiError> {
    let (policy, _) = authorized_policy(cx, "iam:CreatePolicyVersion", &input.policy_arn).await?;
    refuse_aws_managed(&policy, "Cannot update policies outside your own account.")?;
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    if cx.tx.policy_versions(account, &policy.id).await?.len() >= VERSIONS_PER_POLICY {
        return Err(ApiError::LimitExceeded(
            "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version."
                .to_owned(),
        ));
    }
    validate_managed(&input.policy_document)?;
    let version = cx
        .tx
        .insert_policy_version(
            account,
            &policy.id,
            &input.policy_document,
            cx.now,
            input.set_as_default.unwrap_or(false),
        )
        .await?;
    let audit = json!({"policyVersion": {
        "versionId": version.version_id, "isDefaultVersion": version.is_default,
    }});
    Ok(Reply::result(CreatePolicyVersionOutput {
        policy_version: Some(wire_version(&version, false)),
    })
    .with_audit(audit))
}

/// GetPolicyVersion: the document URL-encoded, verbatim (api.md §1.4).
pub(crate) async fn get_policy_version<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetPolicyVersionInput,
) -> Result<Reply, ApiError> {
    let (policy, _) = authorized_policy(cx, "iam:GetPolicyVersion", &input.policy_arn).await?;
    let version = cx
        .tx
        .policy_version(cx.account(), &policy.id, &input.version_id)
        .await?
        .ok_or_else(|| no_such_version(&input.policy_arn, &input.version_id))?;
    Ok(Reply::result(GetPolicyVersionOutput {
        policy_version: Some(wire_version(&version, true)),
    }))
}

/// The sort key of a version in newest-first order: ascending keys for descending
/// numbers (api.md §1.5).
fn version_key(v: &PolicyVersion) -> String {
    let n: u64 = v
        .version_id
        .strip_prefix('v')
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    format!("{:020}", u64::MAX / 2 - n.min(u64::MAX / 2))
}

/// ListPolicyVersions: newest first, without documents.
pub(crate) async fn list_policy_versions<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListPolicyVersionsInput,
) -> Result<Reply, ApiError> {
    let (policy, _) = authorized_policy(cx, "iam:ListPolicyVersions", &input.policy_arn).await?;
    let scope = marker_scope("ListPolicyVersions", &[("PolicyArn", &input.policy_arn)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let versions = cx.tx.policy_versions(cx.account(), &policy.id).await?;
    let page = paginate(versions, &query, version_key);
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    Ok(Reply::result(ListPolicyVersionsOutput {
        versions: Some(page.items.iter().map(|v| wire_version(v, false)).collect()),
        is_truncated: Some(truncated),
        marker,
    }))
}

/// DeletePolicyVersion: never the default one.
pub(crate) async fn delete_policy_version<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeletePolicyVersionInput,
) -> Result<Reply, ApiError> {
    let (policy, _) = authorized_policy(cx, "iam:DeletePolicyVersion", &input.policy_arn).await?;
    refuse_aws_managed(
        &policy,
        "Cannot delete policy versions for policies outside your own account.",
    )?;
    cx.tx
        .delete_policy_version(cx.account(), &policy.id, &input.version_id)
        .await
        .map_err(|e| match e {
            StoreError::Conflict {
                constraint: Constraint::DefaultPolicyVersion,
            } => ApiError::DeleteConflict(
                "Cannot delete the default version of a policy.".to_owned(),
            ),
            StoreError::NotFound => no_such_version(&input.policy_arn, &input.version_id),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// SetDefaultPolicyVersion: the next authorization uses the new default (the pipeline
/// invalidates the account's compiled policies after every write).
pub(crate) async fn set_default_policy_version<S: Store>(
    cx: &mut Cx<'_, S>,
    input: SetDefaultPolicyVersionInput,
) -> Result<Reply, ApiError> {
    let (policy, _) =
        authorized_policy(cx, "iam:SetDefaultPolicyVersion", &input.policy_arn).await?;
    refuse_aws_managed(&policy, "Cannot update policies outside your own account.")?;
    let account = cx.account();
    if cx
        .tx
        .policy_version(account, &policy.id, &input.version_id)
        .await?
        .is_none()
    {
        return Err(no_such_version(&input.policy_arn, &input.version_id));
    }
    cx.tx
        .set_default_policy_version(account, &policy.id, &input.version_id, cx.now)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => no_such_version(&input.policy_arn, &input.version_id),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// TagPolicy: case-sensitive keys (api.md §3.5).
pub(crate) async fn tag_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: TagPolicyInput,
) -> Result<Reply, ApiError> {
    let target = cx.policy(&input.policy_arn).await?;
    let call = Tagging {
        target,
        action: "iam:TagPolicy",
        keys: TagKeys::Exact,
    };
    let missing = || policy_not_found(&input.policy_arn);
    tagging::tag(cx, call, &input.tags, missing, |policy| {
        // AWS managed policies are not taggable (api.md §3.5; message `VERIFY`).
        refuse_aws_managed(&policy, "Cannot tag policies outside your own account.")?;
        Ok(TagTarget::Policy(policy.id))
    })
    .await
}

/// UntagPolicy: removes exactly matching keys; absent keys are ignored.
pub(crate) async fn untag_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UntagPolicyInput,
) -> Result<Reply, ApiError> {
    let target = cx.policy(&input.policy_arn).await?;
    let call = Tagging {
        target,
        action: "iam:UntagPolicy",
        keys: TagKeys::Exact,
    };
    let missing = || policy_not_found(&input.policy_arn);
    tagging::untag(cx, call, &input.tag_keys, missing, |policy| {
        refuse_aws_managed(&policy, "Cannot untag policies outside your own account.")?;
        Ok(TagTarget::Policy(policy.id))
    })
    .await
}

/// ListPolicyTags: paginated by key.
pub(crate) async fn list_policy_tags<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListPolicyTagsInput,
) -> Result<Reply, ApiError> {
    let (_, tags) = authorized_policy(cx, "iam:ListPolicyTags", &input.policy_arn).await?;
    let scope = marker_scope("ListPolicyTags", &[("PolicyArn", &input.policy_arn)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let (items, next) = super::paginate_tags(sorted_tags(tags), &query);
    let (truncated, marker) = page_marker(&scope, next.as_deref())?;
    Ok(Reply::result(ListPolicyTagsOutput {
        tags: wire_tags(&items),
        is_truncated: Some(truncated),
        marker,
    }))
}
