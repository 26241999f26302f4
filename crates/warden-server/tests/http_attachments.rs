//! In-process HTTP tests of policy attachments and ListEntitiesForPolicy (api.md §5.7,
//! §5.8).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::{Server, golden};
use handlers_support::{
    TRUST, all_texts, collect_pages, denied, doc, eventually, user_with_policy,
};
use warden_core::Store;

fn arn(name: &str) -> String {
    format!("arn:aws:iam::123456789012:policy/{name}")
}

async fn setup<S: Store>(srv: &Server<S>) {
    for p in ["p1", "p2"] {
        srv.call(
            "CreatePolicy",
            &[("PolicyName", p), ("PolicyDocument", &doc("s3:*"))],
        )
        .await
        .assert_ok();
    }
    srv.call(
        "CreatePolicy",
        &[
            ("PolicyName", "p3"),
            ("Path", "/x/"),
            ("PolicyDocument", &doc("s3:*")),
        ],
    )
    .await
    .assert_ok();
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    srv.call("CreateGroup", &[("GroupName", "devs")])
        .await
        .assert_ok();
    srv.call(
        "CreateRole",
        &[("RoleName", "app"), ("AssumeRolePolicyDocument", TRUST)],
    )
    .await
    .assert_ok();
}

async fn attachments_golden<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    golden(
        "attach_user_policy",
        srv.call(
            "AttachUserPolicy",
            &[("UserName", "alice"), ("PolicyArn", &arn("p2"))],
        )
        .await
        .assert_ok(),
    );
    srv.call(
        "AttachUserPolicy",
        &[("UserName", "ALICE"), ("PolicyArn", &arn("p1"))],
    )
    .await
    .assert_ok();
    // Already attached: success, no duplicate.
    srv.call(
        "AttachUserPolicy",
        &[("UserName", "alice"), ("PolicyArn", &arn("p2"))],
    )
    .await
    .assert_ok();
    golden(
        "list_attached_user_policies",
        srv.call("ListAttachedUserPolicies", &[("UserName", "alice")])
            .await
            .assert_ok(),
    );
    golden(
        "attach_group_policy",
        srv.call(
            "AttachGroupPolicy",
            &[("GroupName", "devs"), ("PolicyArn", &arn("p1"))],
        )
        .await
        .assert_ok(),
    );
    golden(
        "list_attached_group_policies",
        srv.call("ListAttachedGroupPolicies", &[("GroupName", "devs")])
            .await
            .assert_ok(),
    );
    golden(
        "attach_role_policy",
        srv.call(
            "AttachRolePolicy",
            &[("RoleName", "app"), ("PolicyArn", &arn("p1"))],
        )
        .await
        .assert_ok(),
    );
    srv.call(
        "AttachRolePolicy",
        &[("RoleName", "app"), ("PolicyArn", &arn("x/p3"))],
    )
    .await
    .assert_ok();
    golden(
        "list_attached_role_policies",
        srv.call("ListAttachedRolePolicies", &[("RoleName", "app")])
            .await
            .assert_ok(),
    );
    let r = srv
        .call(
            "ListAttachedRolePolicies",
            &[("RoleName", "app"), ("PathPrefix", "/x/")],
        )
        .await;
    assert_eq!(all_texts(&r, "PolicyName"), ["p3"]);
    let r = srv.call("GetPolicy", &[("PolicyArn", &arn("p1"))]).await;
    assert_eq!(r.text("AttachmentCount").unwrap(), "3");
    golden(
        "list_entities_for_policy",
        srv.call("ListEntitiesForPolicy", &[("PolicyArn", &arn("p1"))])
            .await
            .assert_ok(),
    );
    let r = srv
        .call(
            "ListEntitiesForPolicy",
            &[("PolicyArn", &arn("p1")), ("EntityFilter", "Role")],
        )
        .await;
    assert_eq!(all_texts(&r, "RoleName"), ["app"]);
    assert!(
        r.text("UserName").is_none() && r.text("GroupName").is_none(),
        "{}",
        r.body
    );
    golden(
        "detach_user_policy",
        srv.call(
            "DetachUserPolicy",
            &[("UserName", "alice"), ("PolicyArn", &arn("p2"))],
        )
        .await
        .assert_ok(),
    );
    srv.call(
        "DetachGroupPolicy",
        &[("GroupName", "devs"), ("PolicyArn", &arn("p1"))],
    )
    .await
    .assert_ok();
    srv.call(
        "DetachRolePolicy",
        &[("RoleName", "app"), ("PolicyArn", &arn("p1"))],
    )
    .await
    .assert_ok();
    let r = srv
        .call("ListAttachedUserPolicies", &[("UserName", "alice")])
        .await;
    assert_eq!(all_texts(&r, "PolicyName"), ["p1"]);
    let r = srv.call("GetPolicy", &[("PolicyArn", &arn("p1"))]).await;
    assert_eq!(r.text("AttachmentCount").unwrap(), "1");
}

async fn attachment_errors<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    srv.call(
        "AttachUserPolicy",
        &[
            ("UserName", "alice"),
            ("PolicyArn", "not-an-arn-at-all-xyz"),
        ],
    )
    .await
    .assert_error(
        400,
        "ValidationError",
        "ARN not-an-arn-at-all-xyz is not valid.",
    );
    let ghost = arn("ghost");
    for (action, key, name) in [
        ("AttachUserPolicy", "UserName", "alice"),
        ("AttachGroupPolicy", "GroupName", "devs"),
        ("AttachRolePolicy", "RoleName", "app"),
    ] {
        srv.call(action, &[(key, name), ("PolicyArn", &ghost)])
            .await
            .assert_error(
                404,
                "NoSuchEntity",
                &format!("Policy {ghost} does not exist or is not attachable."),
            );
    }
    // Another account's policy cannot be attached.
    let foreign = "arn:aws:iam::999999999999:policy/p1";
    srv.call(
        "AttachUserPolicy",
        &[("UserName", "alice"), ("PolicyArn", foreign)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("Policy {foreign} does not exist or is not attachable."),
    );
    for (action, key, what) in [
        ("AttachUserPolicy", "UserName", "user"),
        ("AttachGroupPolicy", "GroupName", "group"),
        ("AttachRolePolicy", "RoleName", "role"),
        ("ListAttachedUserPolicies", "UserName", "user"),
        ("ListAttachedGroupPolicies", "GroupName", "group"),
        ("ListAttachedRolePolicies", "RoleName", "role"),
    ] {
        srv.call(action, &[(key, "ghost"), ("PolicyArn", &arn("p1"))])
            .await
            .assert_error(
                404,
                "NoSuchEntity",
                &format!("The {what} with name ghost cannot be found."),
            );
    }
    srv.call(
        "DetachUserPolicy",
        &[("UserName", "alice"), ("PolicyArn", &arn("p1"))],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("Policy {} was not found.", arn("p1")),
    );
    srv.call("ListEntitiesForPolicy", &[("PolicyArn", &ghost)])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            &format!("Policy {ghost} does not exist or is not attachable."),
        );
    // Attached entities block deletion on both sides.
    srv.call(
        "AttachRolePolicy",
        &[("RoleName", "app"), ("PolicyArn", &arn("p1"))],
    )
    .await
    .assert_ok();
    srv.call("DeleteRole", &[("RoleName", "app")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must detach all policies first.",
        );
    srv.call("DeletePolicy", &[("PolicyArn", &arn("p1"))])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete a policy attached to entities.",
        );
}

macro_rules! quota_cases {
    ($($name:ident: $action:expr, $key:expr, $value:expr => $message:expr;)*) => {$(
        async fn $name<S: Store>(srv: Server<S>) {
            setup(&srv).await;
            for i in 0..11 {
                let name = format!("q{i}");
                srv.call("CreatePolicy", &[("PolicyName", &name), ("PolicyDocument", &doc("s3:*"))])
                    .await
                    .assert_ok();
                let r = srv.call($action, &[($key, $value), ("PolicyArn", &arn(&name))]).await;
                if i < 10 {
                    r.assert_ok();
                } else {
                    r.assert_error(409, "LimitExceeded", $message);
                }
            }
            // Re-attaching one already attached is still fine at the limit.
            srv.call($action, &[($key, $value), ("PolicyArn", &arn("q0"))]).await.assert_ok();
        }
    )*};
}

quota_cases! {
    user_quota: "AttachUserPolicy", "UserName", "alice" => "Cannot exceed quota for PoliciesPerUser: 10";
    group_quota: "AttachGroupPolicy", "GroupName", "devs" => "Cannot exceed quota for PoliciesPerGroup: 10";
    role_quota: "AttachRolePolicy", "RoleName", "app" => "Cannot exceed quota for PoliciesPerRole: 10";
}

async fn entities_pagination<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    for u in ["u1", "u2"] {
        srv.call("CreateUser", &[("UserName", u), ("Path", "/p/")])
            .await
            .assert_ok();
        srv.call(
            "AttachUserPolicy",
            &[("UserName", u), ("PolicyArn", &arn("p1"))],
        )
        .await
        .assert_ok();
    }
    srv.call(
        "AttachGroupPolicy",
        &[("GroupName", "devs"), ("PolicyArn", &arn("p1"))],
    )
    .await
    .assert_ok();
    srv.call(
        "AttachRolePolicy",
        &[("RoleName", "app"), ("PolicyArn", &arn("p1"))],
    )
    .await
    .assert_ok();
    // A boundary use shows up unless the usage filter excludes it.
    srv.call(
        "PutUserPermissionsBoundary",
        &[("UserName", "alice"), ("PermissionsBoundary", &arn("p1"))],
    )
    .await
    .assert_ok();
    let ids = collect_pages(
        &srv,
        "ListEntitiesForPolicy",
        &[("PolicyArn", &arn("p1"))],
        "2",
        "GroupName",
    )
    .await;
    assert_eq!(ids, ["devs"]);
    let users = collect_pages(
        &srv,
        "ListEntitiesForPolicy",
        &[("PolicyArn", &arn("p1"))],
        "1",
        "UserName",
    )
    .await;
    assert_eq!(users, ["alice", "u1", "u2"]);
    let r = srv
        .call(
            "ListEntitiesForPolicy",
            &[
                ("PolicyArn", &arn("p1")),
                ("PolicyUsageFilter", "PermissionsPolicy"),
            ],
        )
        .await;
    assert_eq!(all_texts(&r, "UserName"), ["u1", "u2"]);
    let r = srv
        .call(
            "ListEntitiesForPolicy",
            &[
                ("PolicyArn", &arn("p1")),
                ("PolicyUsageFilter", "PermissionsBoundary"),
            ],
        )
        .await;
    assert_eq!(all_texts(&r, "UserName"), ["alice"]);
    assert!(all_texts(&r, "RoleName").is_empty());
    let r = srv
        .call(
            "ListEntitiesForPolicy",
            &[("PolicyArn", &arn("p1")), ("PathPrefix", "/p/")],
        )
        .await;
    assert_eq!(all_texts(&r, "UserName"), ["u1", "u2"]);
    assert!(all_texts(&r, "RoleName").is_empty());
    let names = collect_pages(
        &srv,
        "ListAttachedUserPolicies",
        &[("UserName", "u1")],
        "1",
        "PolicyName",
    )
    .await;
    assert_eq!(names, ["p1"]);
}

/// Attaching a Deny policy takes effect for the very next call.
async fn deny_takes_effect<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    let (id, secret) = user_with_policy(&srv, "bob", handlers_support::ALLOW_ALL).await;
    let me = (id.as_str(), secret.as_str());
    eventually(&srv, 200, || srv.call_as(me, "ListRoles", &[])).await;
    srv.call(
        "CreatePolicy",
        &[
            ("PolicyName", "deny"),
            ("PolicyDocument", r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ListRoles","Resource":"*"}]}"#),
        ],
    )
    .await
    .assert_ok();
    srv.call_as(
        me,
        "AttachUserPolicy",
        &[("UserName", "bob"), ("PolicyArn", &arn("deny"))],
    )
    .await
    .assert_ok();
    srv.call_as(me, "ListRoles", &[]).await.assert_error(
        403,
        "AccessDenied",
        "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::123456789012:role/ with an explicit deny in an identity-based policy",
    );
    // Via a group too, and detaching restores access.
    srv.call(
        "DetachUserPolicy",
        &[("UserName", "bob"), ("PolicyArn", &arn("deny"))],
    )
    .await
    .assert_ok();
    srv.call_as(me, "ListRoles", &[]).await.assert_ok();
    srv.call(
        "AddUserToGroup",
        &[("GroupName", "devs"), ("UserName", "bob")],
    )
    .await
    .assert_ok();
    srv.call(
        "AttachGroupPolicy",
        &[("GroupName", "devs"), ("PolicyArn", &arn("deny"))],
    )
    .await
    .assert_ok();
    assert_eq!(srv.call_as(me, "ListRoles", &[]).await.status, 403);
}

/// iam:PolicyARN is available to conditions; the resource is the entity.
async fn access_denied<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    let (id, secret) = user_with_policy(
        &srv,
        "bob",
        &format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"*","Condition":{{"ArnEquals":{{"iam:PolicyARN":"{}"}}}}}}]}}"#,
            arn("p1")
        ),
    )
    .await;
    let me = (id.as_str(), secret.as_str());
    let p1 = arn("p1");
    let params = [("UserName", "alice"), ("PolicyArn", p1.as_str())];
    eventually(&srv, 200, || srv.call_as(me, "AttachUserPolicy", &params)).await;
    srv.call_as(
        me,
        "AttachUserPolicy",
        &[("UserName", "alice"), ("PolicyArn", &arn("p2"))],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:AttachUserPolicy",
            "arn:aws:iam::123456789012:user/alice",
        ),
    );
    srv.call_as(me, "ListEntitiesForPolicy", &[("PolicyArn", &arn("p1"))])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied("bob", "iam:ListEntitiesForPolicy", &arn("p1")),
        );
    srv.call_as(
        me,
        "DetachGroupPolicy",
        &[("GroupName", "ghost"), ("PolicyArn", &arn("p1"))],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:DetachGroupPolicy",
            "arn:aws:iam::123456789012:group/ghost",
        ),
    );
}

backend_tests!(
    attachments_golden,
    attachment_errors,
    user_quota,
    group_quota,
    role_quota,
    entities_pagination,
    deny_takes_effect,
    access_denied,
);
