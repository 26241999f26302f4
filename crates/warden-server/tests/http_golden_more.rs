//! Golden XML for the operations whose wire shape no other test file pins: detaching managed
//! policies from groups and roles, UpdateAssumeRolePolicy, the OIDC client-id and thumbprint
//! updates, DisableOutboundWebIdentityFederation, GetContextKeysForPrincipalPolicy, and the
//! error envelopes of the tier-3 refusals (api.md §5.20, §5.22). The XML does not depend on
//! the backend, so these run on SQLite only; the behaviour is tested on both backends in the
//! files of each area.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::golden;
use handlers_support::{ALLOW_ALL, TRUST};

const OIDC_URL: &str = "https://token.example.com/id/GOLDEN";
const OIDC_ARN: &str = "arn:aws:iam::123456789012:oidc-provider/token.example.com/id/GOLDEN";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn detach_and_update_shapes() {
    let srv = common::sqlite().await;
    srv.call("CreateGroup", &[("GroupName", "ops")])
        .await
        .assert_ok();
    srv.call(
        "CreateRole",
        &[("RoleName", "deploy"), ("AssumeRolePolicyDocument", TRUST)],
    )
    .await
    .assert_ok();
    let policy = srv
        .call(
            "CreatePolicy",
            &[("PolicyName", "all"), ("PolicyDocument", ALLOW_ALL)],
        )
        .await;
    let arn = policy.assert_ok().text("Arn").unwrap();
    for (attach, detach, holder, name, golden_name) in [
        (
            "AttachGroupPolicy",
            "DetachGroupPolicy",
            "GroupName",
            "ops",
            "detach_group_policy",
        ),
        (
            "AttachRolePolicy",
            "DetachRolePolicy",
            "RoleName",
            "deploy",
            "detach_role_policy",
        ),
    ] {
        srv.call(attach, &[(holder, name), ("PolicyArn", &arn)])
            .await
            .assert_ok();
        golden(
            golden_name,
            srv.call(detach, &[(holder, name), ("PolicyArn", &arn)])
                .await
                .assert_ok(),
        );
        // Detaching again: the policy is no longer attached (api.md §5.8).
        srv.call(detach, &[(holder, name), ("PolicyArn", &arn)])
            .await
            .assert_error(404, "NoSuchEntity", &format!("Policy {arn} was not found."));
    }
    golden(
        "update_assume_role_policy",
        srv.call(
            "UpdateAssumeRolePolicy",
            &[("RoleName", "deploy"), ("PolicyDocument", TRUST)],
        )
        .await
        .assert_ok(),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oidc_updates_and_outbound_federation_shapes() {
    let srv = common::sqlite().await;
    srv.call(
        "CreateOpenIDConnectProvider",
        &[
            ("Url", OIDC_URL),
            ("ClientIDList.member.1", "sts.amazonaws.com"),
            (
                "ThumbprintList.member.1",
                "9e99a48a9960b14926bb7f3b02e22da2b0ab7280",
            ),
        ],
    )
    .await
    .assert_ok();
    let arn = ("OpenIDConnectProviderArn", OIDC_ARN);
    golden(
        "add_client_id_to_open_id_connect_provider",
        srv.call(
            "AddClientIDToOpenIDConnectProvider",
            &[arn, ("ClientID", "my-app")],
        )
        .await
        .assert_ok(),
    );
    golden(
        "remove_client_id_from_open_id_connect_provider",
        srv.call(
            "RemoveClientIDFromOpenIDConnectProvider",
            &[arn, ("ClientID", "my-app")],
        )
        .await
        .assert_ok(),
    );
    golden(
        "update_open_id_connect_provider_thumbprint",
        srv.call(
            "UpdateOpenIDConnectProviderThumbprint",
            &[
                arn,
                (
                    "ThumbprintList.member.1",
                    "0123456789abcdef0123456789abcdef01234567",
                ),
            ],
        )
        .await
        .assert_ok(),
    );
    let provider = srv.call("GetOpenIDConnectProvider", &[arn]).await;
    let body = &provider.assert_ok().body;
    assert!(!body.contains("my-app"), "{body}");
    assert!(
        body.contains("0123456789abcdef0123456789abcdef01234567"),
        "{body}"
    );

    srv.call("EnableOutboundWebIdentityFederation", &[])
        .await
        .assert_ok();
    golden(
        "disable_outbound_web_identity_federation",
        srv.call("DisableOutboundWebIdentityFederation", &[])
            .await
            .assert_ok(),
    );
    let again = srv.call("DisableOutboundWebIdentityFederation", &[]).await;
    assert_eq!(again.code(), "FeatureDisabled", "{}", again.body);
    golden("disable_outbound_web_identity_federation_disabled", &again);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn context_keys_for_principal_policy_shape() {
    let srv = common::sqlite().await;
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    let document = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"x","s3:prefix":"home/"}}}]}"#;
    srv.call(
        "PutUserPolicy",
        &[
            ("UserName", "alice"),
            ("PolicyName", "keys"),
            ("PolicyDocument", document),
        ],
    )
    .await
    .assert_ok();
    let r = srv
        .call(
            "GetContextKeysForPrincipalPolicy",
            &[("PolicySourceArn", "arn:aws:iam::123456789012:user/alice")],
        )
        .await;
    golden("get_context_keys_for_principal_policy", r.assert_ok());
    let body = &r.body;
    assert!(body.contains("aws:PrincipalTag/team"), "{body}");
    assert!(body.contains("s3:prefix"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tier3_refusal_envelopes() {
    let srv = common::sqlite().await;
    for (op, name) in [
        (
            "EnableOrganizationsRootCredentialsManagement",
            "enable_organizations_root_credentials_management",
        ),
        (
            "DisableOrganizationsRootCredentialsManagement",
            "disable_organizations_root_credentials_management",
        ),
        (
            "EnableOrganizationsRootSessions",
            "enable_organizations_root_sessions",
        ),
        (
            "DisableOrganizationsRootSessions",
            "disable_organizations_root_sessions",
        ),
    ] {
        let r = srv.call(op, &[]).await;
        assert_eq!(r.code(), "OrganizationNotFoundException", "{}", r.body);
        golden(name, &r);
    }
    let id = ("DelegationRequestId", "dr-0123456789abcdef");
    for (op, name) in [
        ("GetDelegationRequest", "get_delegation_request"),
        ("AcceptDelegationRequest", "accept_delegation_request"),
        ("AssociateDelegationRequest", "associate_delegation_request"),
        ("RejectDelegationRequest", "reject_delegation_request"),
        ("UpdateDelegationRequest", "update_delegation_request"),
        ("SendDelegationToken", "send_delegation_token"),
    ] {
        let r = srv.call(op, &[id]).await;
        assert_eq!(r.code(), "NoSuchEntity", "{}", r.body);
        golden(name, &r);
    }
    let r = srv
        .call(
            "CreateDelegationRequest",
            &[
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
            ],
        )
        .await;
    assert_eq!(r.code(), "InvalidInput", "{}", r.body);
    golden("create_delegation_request", &r);
    let r = srv
        .call(
            "GetHumanReadableSummary",
            &[(
                "EntityArn",
                "arn:aws:iam::123456789012:delegation-request/dr-0123456789abcdef",
            )],
        )
        .await;
    assert_eq!(r.code(), "NoSuchEntity", "{}", r.body);
    golden("get_human_readable_summary", &r);
}
