//! In-process HTTP tests of AWS managed policies (api.md §5.7): loaded into the
//! deployment-wide namespace by an import (`Transaction::import_account`, what `warden
//! import` calls), then readable, listable, attachable from every account with per-account
//! usage counts, read-only for customers, and seen by the policy cache when re-imported.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::{ACCOUNT, Server};
use handlers_support::{all_texts, denied, eventually};
use warden_core::{AccountImport, ImportedPolicy, ImportedPolicyVersion, Store, Transaction};

const ARN: &str = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
const SLR_ARN: &str = "arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy";

fn allow(actions: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":{actions},"Resource":"*"}}]}}"#
    )
}

/// Loads (or reloads) the AWS managed policy `IAMReadOnlyAccess` with `document`.
async fn load<S: Store>(srv: &Server<S>, document: &str) {
    let created = time::OffsetDateTime::from_unix_timestamp(1_423_248_000).unwrap();
    let data = AccountImport {
        aws_policies: vec![
            ImportedPolicy {
                id: "ANPAAWSIAMREADONLY001".to_owned(),
                name: "IAMReadOnlyAccess".to_owned(),
                path: "/".to_owned(),
                arn: ARN.to_owned(),
                description: Some("Provides read only access to IAM".to_owned()),
                created,
                updated: created,
                default_version: 1,
                versions: vec![ImportedPolicyVersion {
                    number: 1,
                    document: document.to_owned(),
                    created,
                }],
                attachable: true,
            },
            ImportedPolicy {
                id: "ANPAAWSSUPPORTSLR0001".to_owned(),
                name: "AWSSupportServiceRolePolicy".to_owned(),
                path: "/aws-service-role/".to_owned(),
                arn: SLR_ARN.to_owned(),
                description: None,
                created,
                updated: created,
                default_version: 1,
                versions: vec![ImportedPolicyVersion {
                    number: 1,
                    document: allow(r#""support:*""#),
                    created,
                }],
                attachable: false,
            },
        ],
        ..AccountImport::default()
    };
    let mut tx = srv.store.begin().await.unwrap();
    tx.import_account(ACCOUNT.parse().unwrap(), &data, &|_| {})
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn read_and_list<S: Store>(srv: Server<S>) {
    // Not loaded: not found, and Scope=AWS lists nothing.
    srv.call("GetPolicy", &[("PolicyArn", ARN)])
        .await
        .assert_error(404, "NoSuchEntity", &format!("Policy {ARN} was not found."));
    load(&srv, &allow(r#"["iam:Get*","iam:List*"]"#)).await;
    let r = srv.call("GetPolicy", &[("PolicyArn", ARN)]).await;
    r.assert_ok();
    assert_eq!(r.text("PolicyName").unwrap(), "IAMReadOnlyAccess");
    assert_eq!(r.text("PolicyId").unwrap(), "ANPAAWSIAMREADONLY001");
    assert_eq!(r.text("Arn").unwrap(), ARN);
    assert_eq!(r.text("DefaultVersionId").unwrap(), "v1");
    assert_eq!(r.text("AttachmentCount").unwrap(), "0");
    assert_eq!(r.text("CreateDate").unwrap(), "2015-02-06T18:40:00Z");
    let v = srv
        .call(
            "GetPolicyVersion",
            &[("PolicyArn", ARN), ("VersionId", "v1")],
        )
        .await;
    v.assert_ok();
    assert!(v.text("Document").unwrap().contains("iam%3AGet%2A"));

    srv.call(
        "CreatePolicy",
        &[
            ("PolicyName", "IAMReadOnlyAccess"),
            ("PolicyDocument", &allow(r#""s3:*""#)),
        ],
    )
    .await
    .assert_ok();
    let local = "arn:aws:iam::123456789012:policy/IAMReadOnlyAccess";
    let arns = |scope: &'static str| {
        let srv = &srv;
        async move {
            let r = srv.call("ListPolicies", &[("Scope", scope)]).await;
            r.assert_ok();
            all_texts(&r, "Arn")
        }
    };
    assert_eq!(arns("AWS").await, [SLR_ARN, ARN]);
    assert_eq!(arns("Local").await, [local]);
    assert_eq!(arns("All").await, [SLR_ARN, local, ARN]);
    // Paginated one by one, both policies of the same name appear once each, by name
    // then ARN.
    let mut seen = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let mut params = vec![("Scope", "All"), ("MaxItems", "1")];
        if let Some(m) = &marker {
            params.push(("Marker", m));
        }
        let page = srv.call("ListPolicies", &params).await;
        page.assert_ok();
        seen.extend(all_texts(&page, "Arn"));
        marker = page.text("Marker");
        if page.text("IsTruncated").unwrap() == "false" {
            break;
        }
    }
    assert_eq!(seen, [SLR_ARN, local, ARN]);
}

/// An operation, its parameters besides `PolicyArn`, and AWS's refusal message.
type Refusal = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

async fn read_only_for_customers<S: Store>(srv: Server<S>) {
    load(&srv, &allow(r#""iam:Get*""#)).await;
    let cases: [Refusal; 6] = [
        (
            "DeletePolicy",
            &[],
            "Cannot delete policies outside your own account.",
        ),
        (
            "CreatePolicyVersion",
            &[(
                "PolicyDocument",
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
            )],
            "Cannot update policies outside your own account.",
        ),
        (
            "SetDefaultPolicyVersion",
            &[("VersionId", "v1")],
            "Cannot update policies outside your own account.",
        ),
        (
            "DeletePolicyVersion",
            &[("VersionId", "v1")],
            "Cannot delete policy versions for policies outside your own account.",
        ),
        (
            "TagPolicy",
            &[("Tags.member.1.Key", "k"), ("Tags.member.1.Value", "v")],
            "Cannot tag policies outside your own account.",
        ),
        (
            "UntagPolicy",
            &[("TagKeys.member.1", "k")],
            "Cannot untag policies outside your own account.",
        ),
    ];
    for (action, extra, message) in cases {
        let mut params = vec![("PolicyArn", ARN)];
        params.extend_from_slice(extra);
        srv.call(action, &params)
            .await
            .assert_error(403, "AccessDenied", message);
    }
    // Unchanged.
    let r = srv.call("ListPolicyVersions", &[("PolicyArn", ARN)]).await;
    assert_eq!(all_texts(&r, "VersionId"), ["v1"]);
}

async fn attach_and_reimport_reach_the_policy_cache<S: Store>(srv: Server<S>) {
    load(&srv, &allow(r#""iam:GetUser""#)).await;
    let me = srv.user_with_key("alice").await;
    let me = (me.0.as_str(), me.1.as_str());
    srv.call("CreateGroup", &[("GroupName", "readers")])
        .await
        .assert_ok();
    srv.call(
        "AttachUserPolicy",
        &[("UserName", "alice"), ("PolicyArn", ARN)],
    )
    .await
    .assert_ok();
    srv.call(
        "AttachGroupPolicy",
        &[("GroupName", "readers"), ("PolicyArn", ARN)],
    )
    .await
    .assert_ok();
    let r = srv
        .call("ListAttachedUserPolicies", &[("UserName", "alice")])
        .await;
    assert_eq!(all_texts(&r, "PolicyArn"), [ARN]);
    let r = srv.call("GetPolicy", &[("PolicyArn", ARN)]).await;
    assert_eq!(r.text("AttachmentCount").unwrap(), "2");
    let r = srv
        .call("ListEntitiesForPolicy", &[("PolicyArn", ARN)])
        .await;
    assert_eq!(all_texts(&r, "UserName"), ["alice"]);
    assert_eq!(all_texts(&r, "GroupName"), ["readers"]);

    // The policy grants what it allows.
    srv.call_as(me, "GetUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    srv.call_as(me, "ListUsers", &[]).await.assert_error(
        403,
        "AccessDenied",
        &denied("alice", "iam:ListUsers", "arn:aws:iam::123456789012:user/"),
    );
    // A re-import with a new document reaches the cached policies.
    load(&srv, &allow(r#"["iam:GetUser","iam:ListUsers"]"#)).await;
    eventually(&srv, 200, || srv.call_as(me, "ListUsers", &[])).await;

    srv.call(
        "DetachUserPolicy",
        &[("UserName", "alice"), ("PolicyArn", ARN)],
    )
    .await
    .assert_ok();
    let r = srv.call("GetPolicy", &[("PolicyArn", ARN)]).await;
    assert_eq!(r.text("AttachmentCount").unwrap(), "1");
}

/// Each scenario on SQLite and on PostgreSQL (the import's SQL runs on both).
macro_rules! both_backends {
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

/// Service-linked role policies are listed with `IsAttachable` false and cannot be
/// attached (api.md §5.7).
async fn not_attachable<S: Store>(srv: Server<S>) {
    load(&srv, &allow(r#""iam:Get*""#)).await;
    let r = srv.call("GetPolicy", &[("PolicyArn", SLR_ARN)]).await;
    assert_eq!(r.text("IsAttachable").unwrap(), "false");
    let r = srv.call("GetPolicy", &[("PolicyArn", ARN)]).await;
    assert_eq!(r.text("IsAttachable").unwrap(), "true");
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "support"),
            ("AssumeRolePolicyDocument", handlers_support::TRUST),
        ],
    )
    .await
    .assert_ok();
    srv.call(
        "AttachRolePolicy",
        &[("RoleName", "support"), ("PolicyArn", SLR_ARN)],
    )
    .await
    .assert_error(
        400,
        "PolicyNotAttachable",
        "Cannot attach a Service Role Policy to a Customer Role.",
    );
}

both_backends!(
    not_attachable,
    read_and_list,
    read_only_for_customers,
    attach_and_reimport_reach_the_policy_cache,
);
