//! Tier-3 operations tied to AWS Organizations and partner delegation (api.md §5.18,
//! §5.20, §5.22): well-formed refusals, each authorized with `iam:<Op>` first.
//!
//! * Organizations root-credential management and ListOrganizationsFeatures →
//!   `OrganizationNotFoundException` (this deployment has no Organizations module).
//! * GenerateOrganizationsAccessReport → a `JobId` whose report (GetOrganizationsAccessReport)
//!   has `JobStatus` `FAILED` and `ErrorDetails` saying the account is not in an
//!   organization.
//! * Delegation requests: creation → `InvalidInput`, every lookup → `NoSuchEntity`,
//!   ListDelegationRequests → an empty list (lower-case `isTruncated`),
//!   GetHumanReadableSummary → `NoSuchEntity` (there is no delegation request to
//!   summarise).

use serde::{Deserialize, Serialize};
use warden_core::{ReportJob, ReportJobKind, Store, Transaction};
use warden_query::iam::{
    self, GenerateOrganizationsAccessReportInput, GenerateOrganizationsAccessReportOutput,
    GetOrganizationsAccessReportInput, GetOrganizationsAccessReportOutput,
    ListDelegationRequestsInput, ListDelegationRequestsOutput,
};

use super::{Cx, Reply, list_query, marker_scope, ts};
use crate::authz::Check;
use crate::error::{ApiError, InternalError};

/// `OrganizationNotFoundException`'s message (api.md §5.20, `VERIFY`).
const NO_ORGANIZATION: &str =
    "The request failed because your account is not a member of an organization.";

/// The refusal of CreateDelegationRequest (api.md §5.22).
const DELEGATION_UNSUPPORTED: &str = "Delegation requests are not supported";

/// `ErrorDetails` of a failed Organizations access report (`VERIFY`: AWS's answer for
/// standalone accounts; the code is the one AWS Organizations uses for them).
const REPORT_ERROR_CODE: &str = "AWSOrganizationsNotInUseException";
const REPORT_ERROR_MESSAGE: &str = "Your account is not a member of an organization.";

/// The Organizations feature operations (api.md §5.20): authorize on `*`, then refuse.
pub(crate) fn organizations_feature<S: Store>(
    cx: &mut Cx<'_, S>,
    operation: &str,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new(format!("iam:{operation}"), "*")])?;
    Err(ApiError::OrganizationNotFound(NO_ORGANIZATION.to_owned()))
}

/// `arn:P:iam::ACCT:delegation-request/<id>` (api.md §3.2).
fn delegation_arn<S: Store>(cx: &Cx<'_, S>, id: &str) -> String {
    format!(
        "arn:{}:iam::{}:delegation-request/{id}",
        cx.state.config().partition,
        cx.account()
    )
}

/// `NoSuchEntity` for a delegation request (`VERIFY` message).
fn no_such_delegation(id: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "The delegation request with id {id} cannot be found."
    ))
}

/// The delegation-request lookups and transitions (Get, Accept, Associate, Reject,
/// Update, SendDelegationToken): authorize on the request's ARN, then `NoSuchEntity` —
/// no delegation request ever exists here.
pub(crate) fn delegation_lookup<S: Store>(
    cx: &mut Cx<'_, S>,
    operation: &str,
    id: &str,
) -> Result<Reply, ApiError> {
    let arn = delegation_arn(cx, id);
    cx.authorize(vec![Check::new(format!("iam:{operation}"), arn)])?;
    Err(no_such_delegation(id))
}

/// CreateDelegationRequest: authorized on `delegation-request/*`, then refused with
/// `InvalidInput` (api.md §5.22).
pub(crate) fn create_delegation_request<S: Store>(
    cx: &mut Cx<'_, S>,
    input: &iam::CreateDelegationRequestInput,
) -> Result<Reply, ApiError> {
    let arn = delegation_arn(cx, "*");
    let mut check = Check::new("iam:CreateDelegationRequest", arn)
        .with_key("iam:NotificationChannel", &input.notification_channel)
        .with_key(
            "iam:DelegationDuration",
            &input.session_duration.to_string(),
        );
    if let Some(template) = &input.permissions.policy_template_arn {
        check = check.with_key("iam:TemplateArn", template);
    }
    cx.authorize(vec![check])?;
    Err(ApiError::InvalidInput(DELEGATION_UNSUPPORTED.to_owned()))
}

/// GetHumanReadableSummary: authorized on the entity ARN; there is no delegation request
/// to summarise, so `NoSuchEntity`.
pub(crate) fn get_human_readable_summary<S: Store>(
    cx: &mut Cx<'_, S>,
    input: &iam::GetHumanReadableSummaryInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new(
        "iam:GetHumanReadableSummary",
        &input.entity_arn,
    )])?;
    Err(ApiError::NoSuchEntity(format!(
        "The entity {} cannot be found.",
        input.entity_arn
    )))
}

/// ListDelegationRequests: always empty (no request ever exists here).
pub(crate) fn list_delegation_requests<S: Store>(
    cx: &mut Cx<'_, S>,
    input: &ListDelegationRequestsInput,
) -> Result<Reply, ApiError> {
    let mut check = Check::new("iam:ListDelegationRequests", "*");
    if let Some(owner) = &input.owner_id {
        check = check.with_key("iam:DelegationRequestOwner", owner);
    }
    cx.authorize(vec![check])?;
    // A marker can only come from an earlier page, and there never is one.
    let scope = marker_scope(
        "ListDelegationRequests",
        &[("OwnerId", input.owner_id.as_deref().unwrap_or(""))],
    );
    list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    Ok(Reply::result(ListDelegationRequestsOutput {
        delegation_requests: Some(Vec::new()),
        marker: None,
        is_truncated: Some(false),
    }))
}

/// A stored Organizations access report.
#[derive(Deserialize, Serialize)]
struct OrganizationsReport {
    entity_path: String,
    error_code: String,
    error_message: String,
}

/// GenerateOrganizationsAccessReport: `iam:GenerateOrganizationsAccessReport` on
/// `access-report/<EntityPath>`; records a failed job.
pub(crate) async fn generate_organizations_access_report<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GenerateOrganizationsAccessReportInput,
) -> Result<Reply, ApiError> {
    let arn = format!(
        "arn:{}:iam::{}:access-report/{}",
        cx.state.config().partition,
        cx.account(),
        input.entity_path
    );
    let mut check = Check::new("iam:GenerateOrganizationsAccessReport", arn);
    if let Some(policy) = &input.organizations_policy_id {
        check = check.with_key("iam:OrganizationsPolicyId", policy);
    }
    cx.authorize(vec![check])?;
    let report = OrganizationsReport {
        entity_path: input.entity_path.clone(),
        error_code: REPORT_ERROR_CODE.to_owned(),
        error_message: REPORT_ERROR_MESSAGE.to_owned(),
    };
    let id = cx.state.services().ids.event_id();
    cx.tx
        .insert_report_job(&ReportJob {
            account: cx.account(),
            id: id.clone(),
            kind: ReportJobKind::OrganizationsAccess,
            created: cx.now,
            completed: Some(cx.now),
            document: serde_json::to_string(&report).map_err(|_| {
                ApiError::Internal(InternalError::Contract(
                    "organizations report does not serialise",
                ))
            })?,
        })
        .await?;
    Ok(Reply::result(GenerateOrganizationsAccessReportOutput {
        job_id: Some(id.clone()),
    })
    .with_audit(serde_json::json!({"jobId": id})))
}

/// GetOrganizationsAccessReport: the failed job, or `NoSuchEntity`.
pub(crate) async fn get_organizations_access_report<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetOrganizationsAccessReportInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:GetOrganizationsAccessReport", "*")])?;
    let job = cx
        .tx
        .report_job(cx.account(), &input.job_id)
        .await?
        .filter(|j| j.kind == ReportJobKind::OrganizationsAccess)
        // VERIFY message.
        .ok_or_else(|| ApiError::NoSuchEntity(format!("No such job {} exists.", input.job_id)))?;
    let report: OrganizationsReport = serde_json::from_str(&job.document).map_err(|_| {
        ApiError::Internal(InternalError::Contract(
            "stored organizations report does not parse",
        ))
    })?;
    Ok(Reply::result(GetOrganizationsAccessReportOutput {
        job_status: "FAILED".to_owned(),
        job_creation_date: ts(job.created),
        job_completion_date: job.completed.map(ts),
        number_of_services_accessible: None,
        number_of_services_not_accessed: None,
        access_details: None,
        is_truncated: Some(false),
        marker: None,
        error_details: Some(iam::ErrorDetails {
            message: report.error_message,
            code: report.error_code,
        }),
    }))
}
