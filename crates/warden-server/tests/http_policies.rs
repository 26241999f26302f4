//! In-process HTTP tests of managed policies and versions (api.md §5.7).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::{Server, golden};
use handlers_support::{all_texts, collect_pages, denied, doc, percent_decode, user_with_policy};
use warden_core::Store;

const ARN: &str = "arn:aws:iam::123456789012:policy/team/readers";

async fn create<S: Store>(srv: &Server<S>, name: &str) -> String {
    let r = srv
        .call(
            "CreatePolicy",
            &[("PolicyName", name), ("PolicyDocument", &doc("s3:Get*"))],
        )
        .await;
    r.assert_ok();
    r.text("Arn").unwrap()
}

async fn policies_golden<S: Store>(srv: Server<S>) {
    golden(
        "create_policy",
        srv.call(
            "CreatePolicy",
            &[
                ("PolicyName", "readers"),
                ("Path", "/team/"),
                ("PolicyDocument", &doc("s3:Get*")),
                ("Description", "read things"),
                ("Tags.member.1.Key", "Team"),
                ("Tags.member.1.Value", "blue"),
                ("Tags.member.2.Key", "team"),
                ("Tags.member.2.Value", "red"),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "get_policy",
        srv.call("GetPolicy", &[("PolicyArn", ARN)])
            .await
            .assert_ok(),
    );
    create(&srv, "plain").await;
    golden(
        "get_policy_untagged",
        srv.call(
            "GetPolicy",
            &[("PolicyArn", "arn:aws:iam::123456789012:policy/plain")],
        )
        .await
        .assert_ok(),
    );
    golden(
        "list_policies",
        srv.call("ListPolicies", &[]).await.assert_ok(),
    );
    golden(
        "list_policies_aws_scope",
        srv.call("ListPolicies", &[("Scope", "AWS")])
            .await
            .assert_ok(),
    );
    srv.advance(60);
    golden(
        "create_policy_version",
        srv.call(
            "CreatePolicyVersion",
            &[
                ("PolicyArn", ARN),
                ("PolicyDocument", &doc("s3:*")),
                ("SetAsDefault", "true"),
            ],
        )
        .await
        .assert_ok(),
    );
    let r = srv.call("GetPolicy", &[("PolicyArn", ARN)]).await;
    assert_eq!(r.text("DefaultVersionId").unwrap(), "v2");
    assert_eq!(r.text("UpdateDate").unwrap(), "2024-05-01T12:01:00Z");
    assert_eq!(r.text("CreateDate").unwrap(), "2024-05-01T12:00:00Z");
    golden(
        "get_policy_version",
        srv.call(
            "GetPolicyVersion",
            &[("PolicyArn", ARN), ("VersionId", "v1")],
        )
        .await
        .assert_ok(),
    );
    golden(
        "list_policy_versions",
        srv.call("ListPolicyVersions", &[("PolicyArn", ARN)])
            .await
            .assert_ok(),
    );
    golden(
        "set_default_policy_version",
        srv.call(
            "SetDefaultPolicyVersion",
            &[("PolicyArn", ARN), ("VersionId", "v1")],
        )
        .await
        .assert_ok(),
    );
    golden(
        "delete_policy_version",
        srv.call(
            "DeletePolicyVersion",
            &[("PolicyArn", ARN), ("VersionId", "v2")],
        )
        .await
        .assert_ok(),
    );
    golden(
        "tag_policy",
        srv.call(
            "TagPolicy",
            &[
                ("PolicyArn", ARN),
                ("Tags.member.1.Key", "a"),
                ("Tags.member.1.Value", "1"),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "list_policy_tags",
        srv.call("ListPolicyTags", &[("PolicyArn", ARN)])
            .await
            .assert_ok(),
    );
    golden(
        "untag_policy",
        srv.call(
            "UntagPolicy",
            &[("PolicyArn", ARN), ("TagKeys.member.1", "team")],
        )
        .await
        .assert_ok(),
    );
    let r = srv.call("ListPolicyTags", &[("PolicyArn", ARN)]).await;
    assert_eq!(all_texts(&r, "Key"), ["a", "Team"]);
    golden(
        "delete_policy",
        srv.call("DeletePolicy", &[("PolicyArn", ARN)])
            .await
            .assert_ok(),
    );
    srv.call("GetPolicy", &[("PolicyArn", ARN)])
        .await
        .assert_error(404, "NoSuchEntity", &format!("Policy {ARN} was not found."));
}

/// Documents are stored verbatim and URL-encoded on output (api.md §1.4).
async fn document_round_trip<S: Store>(srv: Server<S>) {
    let text = "{\n \"Version\": \"2012-10-17\",\n \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:Get*\", \"Resource\": \"arn:aws:s3:::b/a b\"}\n}";
    let r = srv
        .call(
            "CreatePolicy",
            &[("PolicyName", "p"), ("PolicyDocument", text)],
        )
        .await;
    r.assert_ok();
    let arn = r.text("Arn").unwrap();
    let v = srv
        .call(
            "GetPolicyVersion",
            &[("PolicyArn", &arn), ("VersionId", "v1")],
        )
        .await;
    let encoded = v.text("Document").unwrap();
    assert!(
        encoded.contains("%2A") && encoded.contains("%20") && encoded.contains("%0A"),
        "{encoded}"
    );
    assert_eq!(percent_decode(&encoded), text);
    // CreatePolicyVersion and ListPolicyVersions omit the document.
    let c = srv
        .call(
            "CreatePolicyVersion",
            &[("PolicyArn", &arn), ("PolicyDocument", text)],
        )
        .await;
    c.assert_ok();
    assert!(c.text("Document").is_none());
    assert!(
        srv.call("ListPolicyVersions", &[("PolicyArn", &arn)])
            .await
            .text("Document")
            .is_none()
    );
}

/// Version ids are never reused; at most 5 versions (api.md §5.7).
async fn versions<S: Store>(srv: Server<S>) {
    let arn = create(&srv, "p").await;
    for _ in 0..4 {
        srv.call(
            "CreatePolicyVersion",
            &[("PolicyArn", &arn), ("PolicyDocument", &doc("s3:*"))],
        )
        .await
        .assert_ok();
    }
    srv.call("CreatePolicyVersion", &[("PolicyArn", &arn), ("PolicyDocument", &doc("s3:*"))])
        .await
        .assert_error(
            409,
            "LimitExceeded",
            "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.",
        );
    let ids = collect_pages(
        &srv,
        "ListPolicyVersions",
        &[("PolicyArn", &arn)],
        "2",
        "VersionId",
    )
    .await;
    assert_eq!(ids, ["v5", "v4", "v3", "v2", "v1"]);
    for v in ["v2", "v5"] {
        srv.call(
            "DeletePolicyVersion",
            &[("PolicyArn", &arn), ("VersionId", v)],
        )
        .await
        .assert_ok();
    }
    let r = srv
        .call(
            "CreatePolicyVersion",
            &[("PolicyArn", &arn), ("PolicyDocument", &doc("s3:*"))],
        )
        .await;
    assert_eq!(r.text("VersionId").unwrap(), "v6");
    assert_eq!(r.text("IsDefaultVersion").unwrap(), "false");
    srv.call(
        "DeletePolicyVersion",
        &[("PolicyArn", &arn), ("VersionId", "v1")],
    )
    .await
    .assert_error(
        409,
        "DeleteConflict",
        "Cannot delete the default version of a policy.",
    );
    for (action, v) in [
        ("GetPolicyVersion", "v2"),
        ("DeletePolicyVersion", "v9"),
        ("SetDefaultPolicyVersion", "v5"),
    ] {
        srv.call(action, &[("PolicyArn", &arn), ("VersionId", v)])
            .await
            .assert_error(
                404,
                "NoSuchEntity",
                &format!("Policy {arn} version {v} does not exist or is not attachable."),
            );
    }
    // More than one version blocks DeletePolicy.
    srv.call("DeletePolicy", &[("PolicyArn", &arn)]).await.assert_error(
        409,
        "DeleteConflict",
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
}

async fn policy_errors<S: Store>(srv: Server<S>) {
    create(&srv, "p").await;
    srv.call(
        "CreatePolicy",
        &[
            ("PolicyName", "P"),
            ("Path", "/other/"),
            ("PolicyDocument", &doc("s3:*")),
        ],
    )
    .await
    .assert_error(
        409,
        "EntityAlreadyExists",
        "A policy called P already exists. Duplicate names are not allowed.",
    );
    srv.call(
        "CreatePolicy",
        &[
            ("PolicyName", "old"),
            (
                "PolicyDocument",
                r#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
            ),
        ],
    )
    .await
    .assert_error(
        400,
        "MalformedPolicyDocument",
        "Policy document must be version 2012-10-17 or greater.",
    );
    srv.call(
        "CreatePolicy",
        &[("PolicyName", "bad"), ("PolicyDocument", "not json")],
    )
    .await
    .assert_error(400, "MalformedPolicyDocument", "Syntax errors in policy.");
    let big = doc(&format!("s3:{}", "a".repeat(6200)));
    srv.call(
        "CreatePolicy",
        &[("PolicyName", "big"), ("PolicyDocument", &big)],
    )
    .await
    .assert_error(
        409,
        "LimitExceeded",
        "Cannot exceed quota for PolicySize: 6144",
    );
    srv.call("CreatePolicy", &[("PolicyName", "x"), ("Path", "/a b/"), ("PolicyDocument", &doc("s3:*"))])
        .await
        .assert_error(
            400,
            "ValidationError",
            "The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.",
        );
    let ghost = "arn:aws:iam::123456789012:policy/ghost";
    for action in [
        "GetPolicy",
        "DeletePolicy",
        "ListPolicyVersions",
        "ListPolicyTags",
    ] {
        srv.call(action, &[("PolicyArn", ghost)])
            .await
            .assert_error(
                404,
                "NoSuchEntity",
                &format!("Policy {ghost} was not found."),
            );
    }
    // Another account's policy is not found here (api.md §5.7).
    let foreign = "arn:aws:iam::999999999999:policy/p";
    srv.call("GetPolicy", &[("PolicyArn", foreign)])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            &format!("Policy {foreign} was not found."),
        );
    // Case-sensitive tag keys: exact duplicates are refused.
    srv.call(
        "TagPolicy",
        &[
            ("PolicyArn", "arn:aws:iam::123456789012:policy/p"),
            ("Tags.member.1.Key", "k"),
            ("Tags.member.1.Value", "1"),
            ("Tags.member.2.Key", "k"),
            ("Tags.member.2.Value", "2"),
        ],
    )
    .await
    .assert_error(400, "InvalidInput", "Duplicate tag keys found.");
}

/// OnlyAttached, PolicyUsageFilter, PathPrefix and pagination of ListPolicies.
async fn list_filters<S: Store>(srv: Server<S>) {
    for name in ["a1", "A2", "a3", "a4", "a5"] {
        create(&srv, name).await;
    }
    srv.call(
        "CreatePolicy",
        &[
            ("PolicyName", "z"),
            ("Path", "/sub/"),
            ("PolicyDocument", &doc("s3:*")),
        ],
    )
    .await
    .assert_ok();
    let names = collect_pages(&srv, "ListPolicies", &[], "2", "PolicyName").await;
    assert_eq!(names, ["a1", "A2", "a3", "a4", "a5", "z"]);
    // ListPolicies' PathPrefix follows the policy-path pattern (model).
    let r = srv.call("ListPolicies", &[("PathPrefix", "/sub/")]).await;
    assert_eq!(all_texts(&r, "PolicyName"), ["z"]);
    srv.call("CreateUser", &[("UserName", "u")])
        .await
        .assert_ok();
    srv.call(
        "AttachUserPolicy",
        &[
            ("UserName", "u"),
            ("PolicyArn", "arn:aws:iam::123456789012:policy/a3"),
        ],
    )
    .await
    .assert_ok();
    srv.call(
        "PutUserPermissionsBoundary",
        &[
            ("UserName", "u"),
            ("PermissionsBoundary", "arn:aws:iam::123456789012:policy/a4"),
        ],
    )
    .await
    .assert_ok();
    let only = |params: Vec<(&'static str, &'static str)>| {
        let srv = &srv;
        async move {
            all_texts(
                &srv.call("ListPolicies", &params)
                    .await
                    .assert_ok()
                    .clone_body(),
                "PolicyName",
            )
        }
    };
    assert_eq!(only(vec![("OnlyAttached", "true")]).await, ["a3", "a4"]);
    assert_eq!(
        only(vec![("PolicyUsageFilter", "PermissionsPolicy")]).await,
        ["a3"]
    );
    assert_eq!(
        only(vec![("PolicyUsageFilter", "PermissionsBoundary")]).await,
        ["a4"]
    );
    assert_eq!(
        only(vec![("Scope", "Local"), ("OnlyAttached", "true")]).await,
        ["a3", "a4"]
    );
    let r = srv
        .call(
            "GetPolicy",
            &[("PolicyArn", "arn:aws:iam::123456789012:policy/a4")],
        )
        .await;
    assert_eq!(r.text("PermissionsBoundaryUsageCount").unwrap(), "1");
    assert_eq!(r.text("AttachmentCount").unwrap(), "0");
    // Used as a boundary or attached: not deletable.
    for p in ["a3", "a4"] {
        srv.call(
            "DeletePolicy",
            &[(
                "PolicyArn",
                &format!("arn:aws:iam::123456789012:policy/{p}"),
            )],
        )
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete a policy attached to entities.",
        );
    }
}

trait CloneBody {
    fn clone_body(&self) -> common::Resp;
}

impl CloneBody for common::Resp {
    fn clone_body(&self) -> common::Resp {
        common::Resp {
            status: self.status,
            body: self.body.clone(),
            request_id: self.request_id.clone(),
            content_type: self.content_type.clone(),
        }
    }
}

/// A new default version takes effect for the next authorization.
async fn default_version_takes_effect<S: Store>(srv: Server<S>) {
    let arn = create(&srv, "p").await; // allows s3:Get* only
    let (id, secret) = srv.user_with_key("alice").await;
    let me = (id.as_str(), secret.as_str());
    srv.call(
        "AttachUserPolicy",
        &[("UserName", "alice"), ("PolicyArn", &arn)],
    )
    .await
    .assert_ok();
    srv.call_as(me, "ListRoles", &[]).await.assert_error(
        403,
        "AccessDenied",
        &denied("alice", "iam:ListRoles", "arn:aws:iam::123456789012:role/"),
    );
    srv.call(
        "CreatePolicyVersion",
        &[
            ("PolicyArn", &arn),
            ("PolicyDocument", &doc("iam:List*")),
            ("SetAsDefault", "true"),
        ],
    )
    .await
    .assert_ok();
    srv.call_as(me, "ListRoles", &[]).await.assert_ok();
    srv.call(
        "SetDefaultPolicyVersion",
        &[("PolicyArn", &arn), ("VersionId", "v1")],
    )
    .await
    .assert_ok();
    srv.call_as(me, "ListRoles", &[]).await.assert_error(
        403,
        "AccessDenied",
        &denied("alice", "iam:ListRoles", "arn:aws:iam::123456789012:role/"),
    );
}

async fn access_denied<S: Store>(srv: Server<S>) {
    let (id, secret) = user_with_policy(&srv, "alice", &doc("s3:*")).await;
    let me = (id.as_str(), secret.as_str());
    let r = handlers_support::eventually(&srv, 403, || {
        srv.call_as(me, "GetPolicy", &[("PolicyArn", ARN)])
    })
    .await;
    r.assert_error(403, "AccessDenied", &denied("alice", "iam:GetPolicy", ARN));
    srv.call_as(
        me,
        "CreatePolicy",
        &[
            ("PolicyName", "n"),
            ("Path", "/x/"),
            ("PolicyDocument", &doc("s3:*")),
        ],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "alice",
            "iam:CreatePolicy",
            "arn:aws:iam::123456789012:policy/x/n",
        ),
    );
    srv.call_as(me, "ListPolicies", &[]).await.assert_error(
        403,
        "AccessDenied",
        &denied(
            "alice",
            "iam:ListPolicies",
            "arn:aws:iam::123456789012:policy/",
        ),
    );
}

backend_tests!(
    policies_golden,
    document_round_trip,
    versions,
    policy_errors,
    list_filters,
    default_version_takes_effect,
    access_denied,
);
