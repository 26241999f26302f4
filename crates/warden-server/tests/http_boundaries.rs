//! In-process HTTP tests of permissions boundaries (api.md §5.4, §5.6, §5.8).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::{Server, golden};
use handlers_support::{ALLOW_ALL, TRUST, denied, doc};
use warden_core::Store;

const B1: &str = "arn:aws:iam::123456789012:policy/b1";
const B2: &str = "arn:aws:iam::123456789012:policy/b2";

async fn setup<S: Store>(srv: &Server<S>) {
    srv.call(
        "CreatePolicy",
        &[("PolicyName", "b1"), ("PolicyDocument", &doc("iam:List*"))],
    )
    .await
    .assert_ok();
    srv.call(
        "CreatePolicy",
        &[("PolicyName", "b2"), ("PolicyDocument", &doc("iam:Get*"))],
    )
    .await
    .assert_ok();
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    srv.call(
        "CreateRole",
        &[("RoleName", "app"), ("AssumeRolePolicyDocument", TRUST)],
    )
    .await
    .assert_ok();
}

async fn usage<S: Store>(srv: &Server<S>, arn: &str) -> String {
    srv.call("GetPolicy", &[("PolicyArn", arn)])
        .await
        .text("PermissionsBoundaryUsageCount")
        .unwrap()
}

async fn boundaries_golden<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    golden(
        "put_user_permissions_boundary",
        srv.call(
            "PutUserPermissionsBoundary",
            &[("UserName", "alice"), ("PermissionsBoundary", B1)],
        )
        .await
        .assert_ok(),
    );
    golden(
        "get_user_with_boundary",
        srv.call("GetUser", &[("UserName", "alice")])
            .await
            .assert_ok(),
    );
    golden(
        "put_role_permissions_boundary",
        srv.call(
            "PutRolePermissionsBoundary",
            &[("RoleName", "app"), ("PermissionsBoundary", B1)],
        )
        .await
        .assert_ok(),
    );
    golden(
        "get_role_with_boundary",
        srv.call("GetRole", &[("RoleName", "app")])
            .await
            .assert_ok(),
    );
    assert_eq!(usage(&srv, B1).await, "2");
    // Replacing moves the usage count.
    srv.call(
        "PutRolePermissionsBoundary",
        &[("RoleName", "app"), ("PermissionsBoundary", B2)],
    )
    .await
    .assert_ok();
    assert_eq!(usage(&srv, B1).await, "1");
    assert_eq!(usage(&srv, B2).await, "1");
    golden(
        "delete_user_permissions_boundary",
        srv.call("DeleteUserPermissionsBoundary", &[("UserName", "alice")])
            .await
            .assert_ok(),
    );
    golden(
        "delete_role_permissions_boundary",
        srv.call("DeleteRolePermissionsBoundary", &[("RoleName", "app")])
            .await
            .assert_ok(),
    );
    assert_eq!(usage(&srv, B1).await, "0");
    assert_eq!(usage(&srv, B2).await, "0");
    assert!(
        srv.call("GetUser", &[("UserName", "alice")])
            .await
            .text("PermissionsBoundary")
            .is_none()
    );
    // Without a boundary: still a success (api.md §5.8).
    srv.call("DeleteRolePermissionsBoundary", &[("RoleName", "app")])
        .await
        .assert_ok();
}

async fn boundary_errors<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    let ghost = "arn:aws:iam::123456789012:policy/ghost";
    for (action, key, name) in [
        ("PutUserPermissionsBoundary", "UserName", "alice"),
        ("PutRolePermissionsBoundary", "RoleName", "app"),
    ] {
        srv.call(action, &[(key, name), ("PermissionsBoundary", ghost)])
            .await
            .assert_error(
                404,
                "NoSuchEntity",
                &format!("Scope ARN: {ghost} does not exist or is not attachable."),
            );
        srv.call(
            action,
            &[
                (key, name),
                ("PermissionsBoundary", "not-an-arn-at-all-xyz"),
            ],
        )
        .await
        .assert_error(
            400,
            "InvalidInput",
            "ARN not-an-arn-at-all-xyz is not valid.",
        );
    }
    srv.call(
        "PutUserPermissionsBoundary",
        &[("UserName", "ghost"), ("PermissionsBoundary", B1)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The user with name ghost cannot be found.",
    );
    srv.call("DeleteRolePermissionsBoundary", &[("RoleName", "ghost")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The role with name ghost cannot be found.",
        );
    // CreateRole and CreateUser validate the boundary with the same rules.
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "r"),
            ("AssumeRolePolicyDocument", TRUST),
            ("PermissionsBoundary", ghost),
        ],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("Scope ARN: {ghost} does not exist or is not attachable."),
    );
    srv.call(
        "CreateUser",
        &[("UserName", "u"), ("PermissionsBoundary", ghost)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("Scope ARN: {ghost} does not exist or is not attachable."),
    );
    let r = srv
        .call(
            "CreateRole",
            &[
                ("RoleName", "r"),
                ("AssumeRolePolicyDocument", TRUST),
                ("PermissionsBoundary", B1),
            ],
        )
        .await;
    r.assert_ok();
    assert_eq!(r.text("PermissionsBoundaryArn").unwrap(), B1);
    assert_eq!(r.text("PermissionsBoundaryType").unwrap(), "Policy");
    // A boundary in use blocks DeletePolicy; it does not block DeleteRole.
    srv.call("DeletePolicy", &[("PolicyArn", B1)])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete a policy attached to entities.",
        );
    srv.call("DeleteRole", &[("RoleName", "r")])
        .await
        .assert_ok();
    assert_eq!(usage(&srv, B1).await, "0");
}

/// The boundary caps the user's permissions from the next call on; the action carries
/// `iam:PermissionsBoundary`.
async fn boundary_applies<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    let (id, secret) = srv.user_with_key("bob").await;
    let me = (id.as_str(), secret.as_str());
    srv.call(
        "PutUserPolicy",
        &[
            ("UserName", "bob"),
            ("PolicyName", "all"),
            ("PolicyDocument", ALLOW_ALL),
        ],
    )
    .await
    .assert_ok();
    srv.call_as(me, "GetRole", &[("RoleName", "app")])
        .await
        .assert_ok();
    srv.call(
        "PutUserPermissionsBoundary",
        &[("UserName", "bob"), ("PermissionsBoundary", B1)],
    )
    .await
    .assert_ok();
    // b1 allows iam:List* only.
    srv.call_as(me, "ListRoles", &[]).await.assert_ok();
    srv.call_as(me, "GetRole", &[("RoleName", "app")]).await.assert_error(
        403,
        "AccessDenied",
        "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:GetRole on resource: arn:aws:iam::123456789012:role/app because no permissions boundary allows the iam:GetRole action",
    );
    srv.call("DeleteUserPermissionsBoundary", &[("UserName", "bob")])
        .await
        .assert_ok();
    srv.call_as(me, "GetRole", &[("RoleName", "app")])
        .await
        .assert_ok();

    // A policy may allow setting only a given boundary (iam:PermissionsBoundary).
    let cond = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":["iam:PutUserPermissionsBoundary","iam:CreateRole"],"Resource":"*","Condition":{{"StringEquals":{{"iam:PermissionsBoundary":"{B2}"}}}}}}]}}"#
    );
    srv.call(
        "DeleteUserPolicy",
        &[("UserName", "bob"), ("PolicyName", "all")],
    )
    .await
    .assert_ok();
    srv.call(
        "PutUserPolicy",
        &[
            ("UserName", "bob"),
            ("PolicyName", "cond"),
            ("PolicyDocument", &cond),
        ],
    )
    .await
    .assert_ok();
    srv.call_as(
        me,
        "PutUserPermissionsBoundary",
        &[("UserName", "alice"), ("PermissionsBoundary", B2)],
    )
    .await
    .assert_ok();
    srv.call_as(
        me,
        "PutUserPermissionsBoundary",
        &[("UserName", "alice"), ("PermissionsBoundary", B1)],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:PutUserPermissionsBoundary",
            "arn:aws:iam::123456789012:user/alice",
        ),
    );
    srv.call_as(
        me,
        "CreateRole",
        &[("RoleName", "nb"), ("AssumeRolePolicyDocument", TRUST)],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:CreateRole", "arn:aws:iam::123456789012:role/nb"),
    );
    srv.call_as(
        me,
        "CreateRole",
        &[
            ("RoleName", "nb"),
            ("AssumeRolePolicyDocument", TRUST),
            ("PermissionsBoundary", B2),
        ],
    )
    .await
    .assert_ok();
}

backend_tests!(boundaries_golden, boundary_errors, boundary_applies);
