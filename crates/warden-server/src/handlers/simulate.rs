//! The policy simulator API (api.md §5.19): SimulateCustomPolicy, SimulatePrincipalPolicy,
//! GetContextKeysForCustomPolicy, GetContextKeysForPrincipalPolicy.
//!
//! The simulation itself is `warden_policy::simulate`, the same code `warden policy
//! simulate` runs, so the API and the CLI give the same answers; this file only loads the
//! entity's stored policies, authorizes and renders the wire types.
//!
//! Choices:
//! * an invalid policy of the request answers `MalformedPolicyDocument` with the policy
//!   language's AWS message (as every other operation taking a document; api.md §5.19
//!   leaves the code `VERIFY`), other rejected inputs (`ResourcePolicy` without `CallerArn`,
//!   bad context entries, a foreign `Marker`) `InvalidInput`;
//! * the simulated caller without `CallerArn` is the simulator's placeholder user
//!   `arn:aws:iam::123456789012:user/warden-simulator` (custom, as the CLI) or the simulated
//!   user (principal; a session of the role for a role, a placeholder user for a group);
//! * `SourcePolicyId` of a stored policy is its name (inline and managed), with
//!   `SourcePolicyType` `user`/`group`/`role` (inline) or `user-managed`/`aws-managed`.

use warden_core::{ManagedPolicy, PolicyHolder, Store, Transaction};
use warden_policy::document::PolicyDocument;
use warden_policy::simulate::{
    self, ContextEntryInput, EntityPolicy, PolicySourceType, SimulationError, SimulationInput,
    SimulationOutput,
};
use warden_query::iam::{
    self, GetContextKeysForCustomPolicyInput, GetContextKeysForPolicyOutput,
    GetContextKeysForPrincipalPolicyInput, SimulateCustomPolicyInput, SimulatePolicyOutput,
    SimulatePrincipalPolicyInput,
};

use super::resolve::{HolderKind, HolderTarget, policy_error};
use super::{Cx, Reply};
use crate::authz::Check;
use crate::error::{ApiError, InternalError};

/// SimulateCustomPolicy: `iam:SimulateCustomPolicy` on `*` (api.md §4.2).
pub(crate) async fn simulate_custom_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: SimulateCustomPolicyInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:SimulateCustomPolicy", "*")])?;
    let simulation = SimulationInput {
        policy_input_list: input.policy_input_list,
        permissions_boundary_policy_input_list: input
            .permissions_boundary_policy_input_list
            .unwrap_or_default(),
        action_names: input.action_names,
        resource_arns: input.resource_arns.unwrap_or_default(),
        resource_policy: input.resource_policy,
        resource_owner: input.resource_owner,
        caller_arn: input.caller_arn,
        // No default caller: the simulator's placeholder user, exactly as `warden policy
        // simulate` (simulating as the calling root would allow everything, §6.4 step 3).
        default_caller_arn: None,
        caller_required_with_resource_policy: true,
        context_entries: context_entries(input.context_entries),
        resource_handling_option: input.resource_handling_option,
        max_items: input.max_items.map(i64::from),
        marker: input.marker,
        ..SimulationInput::default()
    };
    let output = simulate::simulate(&simulation).map_err(simulation_error)?;
    Ok(Reply::result(wire_output(output)))
}

/// SimulatePrincipalPolicy: `iam:SimulatePrincipalPolicy` on the `PolicySourceArn` entity
/// (api.md §4.2), then `NoSuchEntity` if it does not exist.
pub(crate) async fn simulate_principal_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: SimulatePrincipalPolicyInput,
) -> Result<Reply, ApiError> {
    let (kind, name) = source_entity(&input.policy_source_arn)?;
    let target = cx.holder(kind, &name).await?;
    cx.authorize(vec![target.check("iam:SimulatePrincipalPolicy")])?;
    let loaded = load_entity(cx, kind, &name, &target).await?;
    let simulation = SimulationInput {
        entity_policies: loaded.policies,
        entity_boundary: loaded.boundary,
        policy_input_list: input.policy_input_list.unwrap_or_default(),
        permissions_boundary_policy_input_list: input
            .permissions_boundary_policy_input_list
            .unwrap_or_default(),
        action_names: input.action_names,
        resource_arns: input.resource_arns.unwrap_or_default(),
        resource_policy: input.resource_policy,
        resource_owner: input.resource_owner,
        caller_arn: input.caller_arn,
        // The simulated user calls itself; a role is simulated as one of its sessions; a
        // group's policies as those of a placeholder user of the account.
        default_caller_arn: Some(match kind {
            HolderKind::Group => cx.arn("user", "/", "warden-simulator"),
            HolderKind::User | HolderKind::Role => target.arn.clone(),
        }),
        // AWS: CallerArn is required with a ResourcePolicy unless PolicySourceArn is a user.
        caller_required_with_resource_policy: kind != HolderKind::User,
        context_entries: context_entries(input.context_entries),
        resource_handling_option: input.resource_handling_option,
        max_items: input.max_items.map(i64::from),
        marker: input.marker,
    };
    let output = simulate::simulate(&simulation).map_err(simulation_error)?;
    Ok(Reply::result(wire_output(output)))
}

/// GetContextKeysForCustomPolicy: `iam:GetContextKeysForCustomPolicy` on `*`.
pub(crate) async fn get_context_keys_for_custom_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetContextKeysForCustomPolicyInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:GetContextKeysForCustomPolicy", "*")])?;
    let documents =
        simulate::parse_policy_input_list(&input.policy_input_list).map_err(simulation_error)?;
    Ok(Reply::result(GetContextKeysForPolicyOutput {
        context_key_names: Some(simulate::context_keys(&documents)),
    }))
}

/// GetContextKeysForPrincipalPolicy: `iam:GetContextKeysForPrincipalPolicy` on the entity;
/// the keys of its policies (boundary excluded: AWS lists the policies "attached to" the
/// entity, `VERIFY`), then of `PolicyInputList`.
pub(crate) async fn get_context_keys_for_principal_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetContextKeysForPrincipalPolicyInput,
) -> Result<Reply, ApiError> {
    let (kind, name) = source_entity(&input.policy_source_arn)?;
    let target = cx.holder(kind, &name).await?;
    cx.authorize(vec![target.check("iam:GetContextKeysForPrincipalPolicy")])?;
    let loaded = load_entity(cx, kind, &name, &target).await?;
    let mut documents: Vec<PolicyDocument> = Vec::new();
    for policy in &loaded.policies {
        let kind = match policy.source_type {
            PolicySourceType::AwsManaged | PolicySourceType::UserManaged => {
                warden_policy::document::PolicyKind::Managed
            }
            _ => warden_policy::document::PolicyKind::Inline,
        };
        let document = warden_policy::parse_policy(&policy.text, kind).map_err(|source| {
            ApiError::Internal(InternalError::StoredPolicy {
                id: policy.id.clone(),
                source,
            })
        })?;
        documents.push(document);
    }
    documents.extend(
        simulate::parse_policy_input_list(&input.policy_input_list.unwrap_or_default())
            .map_err(simulation_error)?,
    );
    Ok(Reply::result(GetContextKeysForPolicyOutput {
        context_key_names: Some(simulate::context_keys(&documents)),
    }))
}

/// `arn:P:iam::ACCT:user/path/name` → (kind, name). Anything else is not an entity the
/// simulator can load.
fn source_entity(arn: &str) -> Result<(HolderKind, String), ApiError> {
    let invalid = || ApiError::InvalidInput(format!("Invalid Entity Arn: {arn}"));
    let mut parts = arn.splitn(6, ':');
    let (Some("arn"), Some(_), Some("iam"), Some(""), Some(_), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(invalid());
    };
    let (kind, rest) = resource.split_once('/').ok_or_else(invalid)?;
    let kind = match kind {
        "user" => HolderKind::User,
        "group" => HolderKind::Group,
        "role" => HolderKind::Role,
        _ => return Err(invalid()),
    };
    let name = rest.rsplit('/').next().unwrap_or(rest);
    if name.is_empty() {
        return Err(invalid());
    }
    Ok((kind, name.to_owned()))
}

/// The entity's identity policies and boundary, as stored.
struct LoadedEntity {
    policies: Vec<EntityPolicy>,
    boundary: Option<EntityPolicy>,
}

async fn load_entity<S: Store>(
    cx: &mut Cx<'_, S>,
    kind: HolderKind,
    name: &str,
    target: &HolderTarget,
) -> Result<LoadedEntity, ApiError> {
    let Some((id, _)) = &target.found else {
        return Err(target.missing(name));
    };
    let account = cx.account();
    let mut policies = Vec::new();
    let inline_type = match kind {
        HolderKind::User => PolicySourceType::User,
        HolderKind::Group => PolicySourceType::Group,
        HolderKind::Role => PolicySourceType::Role,
    };
    collect(cx, &kind.holder(id), inline_type, &mut policies).await?;
    if kind == HolderKind::User {
        // A user's simulation includes the policies of every group it belongs to.
        let mut query = warden_core::ListQuery::first(1000);
        loop {
            let page = cx.tx.groups_for_user(account, id, &query).await?;
            for group in &page.items {
                let holder = PolicyHolder::Group(group.id.clone());
                collect(cx, &holder, PolicySourceType::Group, &mut policies).await?;
            }
            match page.next {
                Some(next) => query = query.after(&next),
                None => break,
            }
        }
    }
    let boundary = match &target.boundary {
        // A boundary naming a policy this deployment does not have allows nothing, as in
        // authorization (authz.rs); a statement matching no action stands in for the
        // empty set (a document needs one statement).
        Some(arn) => match cx.tx.policy_by_arn(account, arn).await? {
            Some(policy) => Some(managed(cx, &policy).await?),
            None => Some(EntityPolicy {
                id: arn.clone(),
                source_type: managed_type(arn),
                text: r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"*","Resource":"*"}]}"#
                    .to_owned(),
            }),
        },
        None => None,
    };
    Ok(LoadedEntity { policies, boundary })
}

async fn collect<S: Store>(
    cx: &mut Cx<'_, S>,
    holder: &PolicyHolder,
    inline_type: PolicySourceType,
    out: &mut Vec<EntityPolicy>,
) -> Result<(), ApiError> {
    let account = cx.account();
    for inline in cx.tx.inline_policies(account, holder).await? {
        out.push(EntityPolicy {
            id: inline.name,
            source_type: inline_type,
            text: inline.document,
        });
    }
    for policy in cx.tx.attached_policies(account, holder).await? {
        out.push(managed(cx, &policy).await?);
    }
    Ok(())
}

async fn managed<S: Store>(
    cx: &mut Cx<'_, S>,
    policy: &ManagedPolicy,
) -> Result<EntityPolicy, ApiError> {
    let account = cx.account();
    let version = cx
        .tx
        .policy_version(account, &policy.id, &policy.default_version_id)
        .await?
        .ok_or(ApiError::Internal(InternalError::Contract(
            "managed policy without its default version",
        )))?;
    Ok(EntityPolicy {
        id: policy.name.clone(),
        source_type: managed_type(&policy.arn),
        text: version.document,
    })
}

/// AWS managed policies live in the pseudo-account `aws` (`arn:aws:iam::aws:policy/…`).
fn managed_type(arn: &str) -> PolicySourceType {
    if arn.split(':').nth(4) == Some("aws") {
        PolicySourceType::AwsManaged
    } else {
        PolicySourceType::UserManaged
    }
}

fn context_entries(entries: Option<Vec<iam::ContextEntry>>) -> Vec<ContextEntryInput> {
    entries
        .unwrap_or_default()
        .into_iter()
        .map(|e| ContextEntryInput {
            name: e.context_key_name.unwrap_or_default(),
            values: e.context_key_values.unwrap_or_default(),
            type_name: e.context_key_type.unwrap_or_default(),
        })
        .collect()
}

fn simulation_error(error: SimulationError) -> ApiError {
    match error {
        SimulationError::MalformedPolicy { errors, .. } => policy_error(&errors),
        SimulationError::StoredPolicy { id, errors } => {
            ApiError::Internal(InternalError::StoredPolicy { id, source: errors })
        }
        other => ApiError::InvalidInput(other.to_string()),
    }
}

fn wire_output(output: SimulationOutput) -> SimulatePolicyOutput {
    SimulatePolicyOutput {
        evaluation_results: Some(output.evaluation_results.iter().map(wire_result).collect()),
        // The wire always carries IsTruncated (false on the last page), as listings do.
        is_truncated: Some(output.is_truncated.unwrap_or(false)),
        marker: output.marker,
    }
}

fn wire_result(r: &simulate::EvaluationResult) -> iam::EvaluationResult {
    iam::EvaluationResult {
        eval_action_name: r.eval_action_name.clone(),
        eval_resource_name: Some(r.eval_resource_name.clone()),
        eval_decision: r.eval_decision.to_owned(),
        matched_statements: Some(r.matched_statements.iter().map(wire_statement).collect()),
        missing_context_values: Some(r.missing_context_values.clone()),
        organizations_decision_detail: None,
        permissions_boundary_decision_detail: r.allowed_by_permissions_boundary.map(boundary),
        eval_decision_details: r.eval_decision_details.clone(),
        resource_specific_results: r.resource_specific_results.as_ref().map(|list| {
            list.iter()
                .map(|s| iam::ResourceSpecificResult {
                    eval_resource_name: s.eval_resource_name.clone(),
                    eval_resource_decision: s.eval_resource_decision.to_owned(),
                    matched_statements: Some(
                        s.matched_statements.iter().map(wire_statement).collect(),
                    ),
                    missing_context_values: Some(s.missing_context_values.clone()),
                    eval_decision_details: s.eval_decision_details.clone(),
                    permissions_boundary_decision_detail: s
                        .allowed_by_permissions_boundary
                        .map(boundary),
                })
                .collect()
        }),
    }
}

fn wire_statement(m: &simulate::MatchedStatement) -> iam::Statement {
    let position = |p: simulate::StatementPosition| iam::Position {
        line: Some(i32::try_from(p.line).unwrap_or(i32::MAX)),
        column: Some(i32::try_from(p.column).unwrap_or(i32::MAX)),
    };
    iam::Statement {
        source_policy_id: Some(m.source_policy_id.clone()),
        source_policy_type: m.source_policy_type.map(|t| t.as_str().to_owned()),
        start_position: Some(position(m.start_position)),
        end_position: Some(position(m.end_position)),
    }
}

fn boundary(allowed: bool) -> iam::PermissionsBoundaryDecisionDetail {
    iam::PermissionsBoundaryDecisionDetail {
        allowed_by_permissions_boundary: Some(allowed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! source_arn {
        ($($name:ident: $arn:expr => $expected:expr;)*) => {$(
            #[test]
            fn $name() {
                let got = source_entity($arn).ok().map(|(k, n)| (k.word(), n));
                assert_eq!(got, $expected.map(|(k, n): (&str, &str)| (k, n.to_owned())));
            }
        )*};
    }

    source_arn! {
        user_with_path: "arn:aws:iam::123456789012:user/division/alice" => Some(("user", "alice"));
        group: "arn:aws:iam::123456789012:group/admins" => Some(("group", "admins"));
        role: "arn:aws:iam::123456789012:role/app" => Some(("role", "app"));
        policy_is_refused: "arn:aws:iam::123456789012:policy/p" => None::<(&str, &str)>;
        s3_is_refused: "arn:aws:s3:::bucket/user/x" => None::<(&str, &str)>;
        trailing_slash_is_refused: "arn:aws:iam::123456789012:user/" => None::<(&str, &str)>;
    }

    #[test]
    fn aws_managed_policies_are_recognised_by_their_account() {
        assert_eq!(
            managed_type("arn:aws:iam::aws:policy/ReadOnlyAccess"),
            PolicySourceType::AwsManaged
        );
        assert_eq!(
            managed_type("arn:aws:iam::123456789012:policy/p"),
            PolicySourceType::UserManaged
        );
    }
}
