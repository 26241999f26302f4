//! Service-linked roles (api.md §5.6, tier 3): CreateServiceLinkedRole,
//! DeleteServiceLinkedRole, GetServiceLinkedRoleDeletionStatus, and the protection of
//! roles under `/aws-service-role/` against ordinary role operations
//! ([`ensure_modifiable`]).
//!
//! Deviation: AWS attaches the service's AWS managed policy to the new role; this
//! deployment ships no AWS managed policies, so the role is created without it.

use serde_json::json;
use warden_core::{
    Constraint, CountedEntity, IdKind, ReportJob, ReportJobKind, Role, Store, StoreError,
    Transaction,
};
use warden_query::iam::{
    CreateServiceLinkedRoleInput, CreateServiceLinkedRoleOutput, DeleteServiceLinkedRoleInput,
    DeleteServiceLinkedRoleOutput, GetServiceLinkedRoleDeletionStatusInput,
    GetServiceLinkedRoleDeletionStatusOutput,
};

use super::resolve::no_such_role;
use super::roles::wire_role;
use super::{Cx, Reply};
use crate::authz::Check;
use crate::error::ApiError;

/// The path prefix of every service-linked role.
pub(crate) const SERVICE_ROLE_PATH: &str = "/aws-service-role/";
/// The role-name prefix of every service-linked role.
const NAME_PREFIX: &str = "AWSServiceRoleFor";
/// Roles per account (api.md §3.7), shared with CreateRole.
const ROLES_PER_ACCOUNT: u64 = 1000;
/// AWS's default maximum session duration.
const MAX_SESSION: u32 = 3600;
/// The longest role name (the model's `roleNameType`).
const MAX_ROLE_NAME: usize = 64;

/// A service that has service-linked roles: its principal, the role-name suffix, and
/// whether it accepts a `CustomSuffix` (from AWS's documentation of each service).
struct LinkedService {
    principal: &'static str,
    suffix: &'static str,
    custom_suffix: bool,
}

const fn service(principal: &'static str, suffix: &'static str, custom: bool) -> LinkedService {
    LinkedService {
        principal,
        suffix,
        custom_suffix: custom,
    }
}

/// The built-in table of services (api.md §5.6; extend as needed).
const SERVICES: &[LinkedService] = &[
    service("access-analyzer.amazonaws.com", "AccessAnalyzer", false),
    service("autoscaling.amazonaws.com", "AutoScaling", true),
    service("backup.amazonaws.com", "Backup", false),
    service("batch.amazonaws.com", "Batch", false),
    service("cloudtrail.amazonaws.com", "CloudTrail", false),
    service("compute-optimizer.amazonaws.com", "ComputeOptimizer", false),
    service("config.amazonaws.com", "Config", false),
    service(
        "dynamodb.application-autoscaling.amazonaws.com",
        "ApplicationAutoScaling_DynamoDBTable",
        false,
    ),
    service("ecs.amazonaws.com", "ECS", false),
    service(
        "ecs.application-autoscaling.amazonaws.com",
        "ApplicationAutoScaling_ECSService",
        false,
    ),
    service("eks-nodegroup.amazonaws.com", "AmazonEKSNodegroup", false),
    service("eks.amazonaws.com", "AmazonEKS", false),
    service("elasticache.amazonaws.com", "ElastiCache", false),
    service("elasticbeanstalk.amazonaws.com", "ElasticBeanstalk", true),
    service(
        "elasticloadbalancing.amazonaws.com",
        "ElasticLoadBalancing",
        false,
    ),
    service("elasticmapreduce.amazonaws.com", "EMRCleanup", false),
    service("es.amazonaws.com", "AmazonElasticsearchService", false),
    service("fsx.amazonaws.com", "AmazonFSx", false),
    service(
        "globalaccelerator.amazonaws.com",
        "GlobalAccelerator",
        false,
    ),
    service("guardduty.amazonaws.com", "AmazonGuardDuty", false),
    service("inspector2.amazonaws.com", "AmazonInspector2", false),
    service("kafka.amazonaws.com", "Kafka", false),
    service("lex.amazonaws.com", "LexBots", true),
    service(
        "opensearchservice.amazonaws.com",
        "AmazonOpenSearchService",
        false,
    ),
    service("ops.apigateway.amazonaws.com", "APIGateway", false),
    service("organizations.amazonaws.com", "Organizations", false),
    service("rds.amazonaws.com", "RDS", false),
    service("redshift.amazonaws.com", "Redshift", false),
    service("securityhub.amazonaws.com", "SecurityHub", false),
    service("servicequotas.amazonaws.com", "ServiceQuotas", false),
    service("spot.amazonaws.com", "EC2Spot", false),
    service("spotfleet.amazonaws.com", "EC2SpotFleet", false),
    service("ssm.amazonaws.com", "AmazonSSM", false),
    service("sso.amazonaws.com", "SSO", false),
    service("support.amazonaws.com", "Support", false),
    service("transitgateway.amazonaws.com", "VPCTransitGateway", false),
    service("trustedadvisor.amazonaws.com", "TrustedAdvisor", false),
];

fn linked_service(principal: &str) -> Option<&'static LinkedService> {
    SERVICES.iter().find(|s| s.principal == principal)
}

/// Whether a role is service-linked (it lives under `/aws-service-role/`).
pub(crate) fn is_service_linked(role: &Role) -> bool {
    role.path.starts_with(SERVICE_ROLE_PATH)
}

/// `UnmodifiableEntity` for ordinary role operations on a service-linked role (api.md
/// §5.6): UpdateAssumeRolePolicy, Put/DeleteRolePolicy, Attach/DetachRolePolicy,
/// Put/DeleteRolePermissionsBoundary, UpdateRole, DeleteRole, AddRoleToInstanceProfile.
/// Call after authorization and the existence check.
pub(crate) fn ensure_modifiable(role: &Role) -> Result<(), ApiError> {
    if is_service_linked(role) {
        return Err(unmodifiable(&role.name));
    }
    Ok(())
}

/// The refusal of [`ensure_modifiable`].
pub(crate) fn unmodifiable(role_name: &str) -> ApiError {
    // VERIFY text (api.md §5.6).
    ApiError::UnmodifiableEntity(format!(
        "Cannot perform the operation on the protected role '{role_name}' - this role is only modifiable by AWS"
    ))
}

/// The trust policy of a service-linked role: the service may assume it.
fn trust_policy(principal: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Service":"{principal}"}},"Action":"sts:AssumeRole"}}]}}"#
    )
}

/// CreateServiceLinkedRole: `AWSServiceRoleFor<Suffix>[_<CustomSuffix>]` under
/// `/aws-service-role/<service>/`, trusting the service.
pub(crate) async fn create_service_linked_role<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreateServiceLinkedRoleInput,
) -> Result<Reply, ApiError> {
    let known = linked_service(&input.aws_service_name);
    // The resource is the role the call would create (api.md §4.2); for an unknown
    // service the name is derived from the service name itself.
    let base = known.map_or_else(
        || format!("{NAME_PREFIX}{}", input.aws_service_name),
        |s| format!("{NAME_PREFIX}{}", s.suffix),
    );
    let name = match &input.custom_suffix {
        Some(custom) => format!("{base}_{custom}"),
        None => base,
    };
    let path = format!("{SERVICE_ROLE_PATH}{}/", input.aws_service_name);
    let arn = cx.arn("role", &path, &name);
    cx.authorize(vec![
        Check::new("iam:CreateServiceLinkedRole", &arn)
            .with_key("iam:AWSServiceName", &input.aws_service_name),
    ])?;
    let Some(service) = known else {
        // VERIFY message (api.md §5.6).
        return Err(ApiError::InvalidInput(format!(
            "Invalid service name: {}",
            input.aws_service_name
        )));
    };
    if input.custom_suffix.is_some() && !service.custom_suffix {
        return Err(ApiError::InvalidInput(format!(
            "Custom suffix is not allowed for {}",
            service.principal
        )));
    }
    if name.chars().count() > MAX_ROLE_NAME {
        // VERIFY message: the combined name exceeds the role-name limit.
        return Err(ApiError::InvalidInput(format!(
            "Service role name {name} exceeds the maximum length of {MAX_ROLE_NAME} characters."
        )));
    }
    let taken = || {
        ApiError::InvalidInput(format!(
            "Service role name {name} has been taken in this account, please try a different suffix."
        ))
    };
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    if cx.tx.role_by_name(account, &name).await?.is_some() {
        return Err(taken());
    }
    if cx.tx.count(account, CountedEntity::Roles).await? >= ROLES_PER_ACCOUNT {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for RolesPerAccount: {ROLES_PER_ACCOUNT}"
        )));
    }
    let role = Role {
        account,
        id: cx.state.services().ids.unique_id(IdKind::Role),
        name: name.clone(),
        path,
        created: cx.now,
        trust_policy: trust_policy(service.principal),
        description: input.description.filter(|d| !d.is_empty()),
        max_session_duration: MAX_SESSION,
        permissions_boundary: None,
        last_used: None,
        trust_principals: Vec::new(),
    };
    cx.tx.insert_role(&role).await.map_err(|e| match e {
        StoreError::Conflict {
            constraint: Constraint::RoleName,
        } => taken(),
        other => other.into(),
    })?;
    // Shown like CreateRole's result: no MaxSessionDuration or RoleLastUsed.
    let mut out = wire_role(cx, &role);
    out.max_session_duration = None;
    let audit = json!({"role": {
        "path": out.path, "roleName": out.role_name, "roleId": out.role_id, "arn": out.arn,
        "createDate": out.create_date.to_string(),
    }});
    Ok(Reply::result(CreateServiceLinkedRoleOutput { role: Some(out) }).with_audit(audit))
}

/// The stored state of a deletion task.
#[derive(serde::Deserialize, serde::Serialize)]
struct DeletionTask {
    status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

/// DeleteServiceLinkedRole: deletes the role at once (api.md §5.6) and records the
/// deletion task, `SUCCEEDED`, or `FAILED` when the role is still in use.
pub(crate) async fn delete_service_linked_role<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteServiceLinkedRoleInput,
) -> Result<Reply, ApiError> {
    let target = cx.role(&input.role_name).await?;
    cx.authorize(vec![
        Check::new("iam:DeleteServiceLinkedRole", &target.arn)
            .with_resource_tags(&target.tags, true),
    ])?;
    let role = target.require(|| no_such_role(&input.role_name))?;
    let Some(service) = role
        .path
        .strip_prefix(SERVICE_ROLE_PATH)
        .and_then(|rest| rest.strip_suffix('/'))
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
    else {
        // VERIFY: AWS's answer for an ordinary role is not recorded.
        return Err(ApiError::InvalidInput(format!(
            "Role {} is not a service-linked role.",
            role.name
        )));
    };
    let account = cx.account();
    let task_id = format!(
        "task/aws-service-role/{service}/{}/{}",
        role.name,
        cx.state.services().ids.event_id()
    );
    let task = match cx.tx.delete_role(account, &role.id).await {
        Ok(()) => DeletionTask {
            status: "SUCCEEDED".to_owned(),
            reason: None,
        },
        Err(StoreError::Conflict {
            constraint: Constraint::InUse,
        }) => DeletionTask {
            status: "FAILED".to_owned(),
            reason: Some(format!(
                "Role {} is still in use and cannot be deleted.",
                role.name
            )),
        },
        Err(other) => return Err(other.into()),
    };
    cx.tx
        .insert_report_job(&ReportJob {
            account,
            id: task_id.clone(),
            kind: ReportJobKind::ServiceLinkedRoleDeletion,
            created: cx.now,
            completed: Some(cx.now),
            document: serde_json::to_string(&task).map_err(|_| {
                ApiError::Internal(crate::error::InternalError::Contract(
                    "deletion task does not serialise",
                ))
            })?,
        })
        .await?;
    Ok(Reply::result(DeleteServiceLinkedRoleOutput {
        deletion_task_id: task_id.clone(),
    })
    .with_audit(json!({"deletionTaskId": task_id})))
}

/// GetServiceLinkedRoleDeletionStatus: the recorded task's status; unknown task →
/// `NoSuchEntity`, malformed task id → `InvalidInput`.
pub(crate) async fn get_service_linked_role_deletion_status<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetServiceLinkedRoleDeletionStatusInput,
) -> Result<Reply, ApiError> {
    // `task/aws-service-role/<service>/<role>/<uuid>` names the role it deleted, the
    // resource of the check (api.md §4.5: role*).
    let parts: Vec<&str> = input.deletion_task_id.split('/').collect();
    let (service, role_name) = match parts.as_slice() {
        ["task", "aws-service-role", service, role, id]
            if !service.is_empty() && !role.is_empty() && !id.is_empty() =>
        {
            ((*service).to_owned(), (*role).to_owned())
        }
        _ => {
            cx.authorize(vec![Check::new(
                "iam:GetServiceLinkedRoleDeletionStatus",
                "*",
            )])?;
            // VERIFY message.
            return Err(ApiError::InvalidInput(format!(
                "Invalid deletion task id: {}",
                input.deletion_task_id
            )));
        }
    };
    let path = format!("{SERVICE_ROLE_PATH}{service}/");
    let arn = cx.arn("role", &path, &role_name);
    cx.authorize(vec![Check::new(
        "iam:GetServiceLinkedRoleDeletionStatus",
        &arn,
    )])?;
    let job = cx
        .tx
        .report_job(cx.account(), &input.deletion_task_id)
        .await?
        .filter(|j| j.kind == ReportJobKind::ServiceLinkedRoleDeletion)
        .ok_or_else(|| {
            // VERIFY message.
            ApiError::NoSuchEntity(format!(
                "Deletion task {} cannot be found.",
                input.deletion_task_id
            ))
        })?;
    let task: DeletionTask = serde_json::from_str(&job.document).map_err(|_| {
        ApiError::Internal(crate::error::InternalError::Contract(
            "stored deletion task does not parse",
        ))
    })?;
    Ok(Reply::result(GetServiceLinkedRoleDeletionStatusOutput {
        status: task.status,
        reason: task
            .reason
            .map(|reason| warden_query::iam::DeletionTaskFailureReasonType {
                reason: Some(reason),
                role_usage_list: Some(Vec::new()),
            }),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_table_is_sorted_and_unique() {
        let names: Vec<&str> = SERVICES.iter().map(|s| s.principal).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
    }

    #[test]
    fn trust_policy_is_a_valid_trust_document() {
        let text = trust_policy("autoscaling.amazonaws.com");
        assert!(
            warden_policy::parse_policy(&text, warden_policy::document::PolicyKind::Trust).is_ok()
        );
    }
}
