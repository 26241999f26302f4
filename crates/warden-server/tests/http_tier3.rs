//! In-process HTTP tests of the tier-3 refusals (api.md §5.18 Organizations access
//! reports, §5.20 Organizations root-credential management, §5.22 delegation requests).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::{Server, golden};
use handlers_support::{denied, store_user_policy};
use warden_core::Store;

/// Runs each scenario on SQLite and on a fresh PostgreSQL database.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::common::sqlite().await).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::common::on_postgres(super::$name).await;
                }
            )*
        }
    };
}

const NO_ORGANIZATION: &str =
    "The request failed because your account is not a member of an organization.";

const ORGANIZATION_FEATURES: [&str; 5] = [
    "ListOrganizationsFeatures",
    "EnableOrganizationsRootCredentialsManagement",
    "DisableOrganizationsRootCredentialsManagement",
    "EnableOrganizationsRootSessions",
    "DisableOrganizationsRootSessions",
];

const REQUEST_ID: &str = "dr-0123456789abcdef";

/// The delegation-request operations that name a request by id.
const DELEGATION_LOOKUPS: [&str; 6] = [
    "GetDelegationRequest",
    "AcceptDelegationRequest",
    "AssociateDelegationRequest",
    "RejectDelegationRequest",
    "UpdateDelegationRequest",
    "SendDelegationToken",
];

fn delegation_arn(id: &str) -> String {
    format!("arn:aws:iam::123456789012:delegation-request/{id}")
}

async fn organizations_features<S: Store>(srv: Server<S>) {
    golden(
        "list_organizations_features",
        &srv.call("ListOrganizationsFeatures", &[]).await,
    );
    for op in ORGANIZATION_FEATURES {
        srv.call(op, &[])
            .await
            .assert_error(400, "OrganizationNotFoundException", NO_ORGANIZATION);
    }
    let me = srv.user_with_key("bob").await;
    let me = (me.0.as_str(), me.1.as_str());
    for op in ORGANIZATION_FEATURES {
        srv.call_as(me, op, &[]).await.assert_error(
            403,
            "AccessDenied",
            &denied("bob", &format!("iam:{op}"), "*"),
        );
    }
}

async fn organizations_access_report<S: Store>(srv: Server<S>) {
    let path = "o-a1b2c3d4e5/r-f6g7h8i9j0example";
    let r = srv
        .call("GenerateOrganizationsAccessReport", &[("EntityPath", path)])
        .await;
    golden("generate_organizations_access_report", r.assert_ok());
    let job = r.text("JobId").unwrap();
    assert_eq!(job.len(), 36);
    let r = srv
        .call("GetOrganizationsAccessReport", &[("JobId", &job)])
        .await;
    golden("get_organizations_access_report", r.assert_ok());
    assert_eq!(r.text("JobStatus").unwrap(), "FAILED");
    assert_eq!(r.text("Code").unwrap(), "AWSOrganizationsNotInUseException");
    let unknown = "ffffffff-ffff-ffff-ffff-ffffffffffff";
    srv.call("GetOrganizationsAccessReport", &[("JobId", unknown)])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            &format!("No such job {unknown} exists."),
        );
    // An access-advisor job is not an Organizations report.
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    let r = srv
        .call(
            "GenerateServiceLastAccessedDetails",
            &[("Arn", "arn:aws:iam::123456789012:user/alice")],
        )
        .await;
    let advisor_job = r.assert_ok().text("JobId").unwrap();
    assert_eq!(
        srv.call("GetOrganizationsAccessReport", &[("JobId", &advisor_job)])
            .await
            .code(),
        "NoSuchEntity"
    );
    // The model validates EntityPath.
    assert_eq!(
        srv.call(
            "GenerateOrganizationsAccessReport",
            &[("EntityPath", "not-a-path")]
        )
        .await
        .code(),
        "ValidationError"
    );

    let me = srv.user_with_key("bob").await;
    let me = (me.0.as_str(), me.1.as_str());
    srv.call_as(
        me,
        "GenerateOrganizationsAccessReport",
        &[("EntityPath", path)],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:GenerateOrganizationsAccessReport",
            &format!("arn:aws:iam::123456789012:access-report/{path}"),
        ),
    );
    srv.call_as(me, "GetOrganizationsAccessReport", &[("JobId", &job)])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied("bob", "iam:GetOrganizationsAccessReport", "*"),
        );
}

async fn delegation_requests<S: Store>(srv: Server<S>) {
    let r = srv.call("ListDelegationRequests", &[]).await;
    golden("list_delegation_requests", r.assert_ok());
    assert!(
        r.body.contains("<isTruncated>false</isTruncated>"),
        "{}",
        r.body
    );
    assert!(!r.body.contains("IsTruncated"), "{}", r.body);
    for op in DELEGATION_LOOKUPS {
        srv.call(op, &[("DelegationRequestId", REQUEST_ID)])
            .await
            .assert_error(
                404,
                "NoSuchEntity",
                &format!("The delegation request with id {REQUEST_ID} cannot be found."),
            );
    }
    let create = [
        ("Description", "let us help"),
        (
            "Permissions.PolicyTemplateArn",
            "arn:aws:iam::aws:delegation-template/Example",
        ),
        ("RequestorWorkflowId", "workflow-1"),
        (
            "NotificationChannel",
            "arn:aws:sns:us-east-1:111122223333:t",
        ),
        ("SessionDuration", "3600"),
    ];
    srv.call("CreateDelegationRequest", &create)
        .await
        .assert_error(400, "InvalidInput", "Delegation requests are not supported");
    let entity = delegation_arn(REQUEST_ID);
    srv.call("GetHumanReadableSummary", &[("EntityArn", &entity)])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            &format!("The entity {entity} cannot be found."),
        );
    // Validation before anything else: the id pattern is `[\w-]+`, 16..128.
    assert_eq!(
        srv.call("GetDelegationRequest", &[("DelegationRequestId", "short")])
            .await
            .code(),
        "ValidationError"
    );
}

async fn delegation_requests_denied<S: Store>(srv: Server<S>) {
    let me = srv.user_with_key("bob").await;
    let me = (me.0.as_str(), me.1.as_str());
    for op in DELEGATION_LOOKUPS {
        srv.call_as(me, op, &[("DelegationRequestId", REQUEST_ID)])
            .await
            .assert_error(
                403,
                "AccessDenied",
                &denied("bob", &format!("iam:{op}"), &delegation_arn(REQUEST_ID)),
            );
    }
    srv.call_as(me, "ListDelegationRequests", &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied("bob", "iam:ListDelegationRequests", "*"),
        );
    let entity = delegation_arn(REQUEST_ID);
    srv.call_as(me, "GetHumanReadableSummary", &[("EntityArn", &entity)])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied("bob", "iam:GetHumanReadableSummary", &entity),
        );
    // Allowed: the refusal comes after authorization.
    store_user_policy(
        &srv,
        "bob",
        "delegation",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*Delegation*","Resource":"*"}]}"#,
    )
    .await;
    let r = handlers_support::eventually(&srv, 404, || {
        srv.call_as(
            me,
            "GetDelegationRequest",
            &[("DelegationRequestId", REQUEST_ID)],
        )
    })
    .await;
    assert_eq!(r.code(), "NoSuchEntity");
    srv.call_as(me, "ListDelegationRequests", &[])
        .await
        .assert_ok();
}

on_both_backends!(
    organizations_features,
    organizations_access_report,
    delegation_requests,
    delegation_requests_denied,
);
