//! In-process HTTP tests of inline policies (api.md §5.8, policy.md §1.1, §1.3).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::{Server, golden};
use handlers_support::{TRUST, all_texts, collect_pages, denied, doc, percent_decode};
use warden_core::Store;

async fn setup<S: Store>(srv: &Server<S>) {
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

async fn inline_golden<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    let d = doc("s3:*");
    for (kind, key, name) in [
        ("User", "UserName", "alice"),
        ("Group", "GroupName", "devs"),
        ("Role", "RoleName", "app"),
    ] {
        let lower = kind.to_lowercase();
        golden(
            &format!("put_{lower}_policy"),
            srv.call(
                &format!("Put{kind}Policy"),
                &[(key, name), ("PolicyName", "Read"), ("PolicyDocument", &d)],
            )
            .await
            .assert_ok(),
        );
        srv.call(
            &format!("Put{kind}Policy"),
            &[
                (key, name),
                ("PolicyName", "another"),
                ("PolicyDocument", &d),
            ],
        )
        .await
        .assert_ok();
        // Lookups are case-insensitive and answer the stored spellings.
        golden(
            &format!("get_{lower}_policy"),
            srv.call(
                &format!("Get{kind}Policy"),
                &[(key, &name.to_uppercase()), ("PolicyName", "READ")],
            )
            .await
            .assert_ok(),
        );
        golden(
            &format!("list_{lower}_policies"),
            srv.call(&format!("List{kind}Policies"), &[(key, name)])
                .await
                .assert_ok(),
        );
        golden(
            &format!("delete_{lower}_policy"),
            srv.call(
                &format!("Delete{kind}Policy"),
                &[(key, name), ("PolicyName", "read")],
            )
            .await
            .assert_ok(),
        );
        let r = srv
            .call(&format!("List{kind}Policies"), &[(key, name)])
            .await;
        assert_eq!(all_texts(&r, "member"), ["another"]);
        srv.call(
            &format!("Get{kind}Policy"),
            &[(key, name), ("PolicyName", "Read")],
        )
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            &format!("The {lower} policy with name Read cannot be found."),
        );
        srv.call(
            &format!("Delete{kind}Policy"),
            &[(key, name), ("PolicyName", "Read")],
        )
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            &format!("The {lower} policy with name Read cannot be found."),
        );
        for action in [
            format!("Put{kind}Policy"),
            format!("Get{kind}Policy"),
            format!("List{kind}Policies"),
        ] {
            srv.call(
                &action,
                &[(key, "ghost"), ("PolicyName", "x"), ("PolicyDocument", &d)],
            )
            .await
            .assert_error(
                404,
                "NoSuchEntity",
                &format!("The {lower} with name ghost cannot be found."),
            );
        }
    }
}

/// Verbatim storage, URL-encoded output; a replace keeps the stored name spelling.
async fn document_round_trip<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    let text =
        "{ \"Statement\" : [ {\"Effect\":\"Allow\",\n\t\"Action\":\"s3:*\",\"Resource\":\"*\"} ] }";
    srv.call(
        "PutRolePolicy",
        &[
            ("RoleName", "app"),
            ("PolicyName", "Mixed"),
            ("PolicyDocument", text),
        ],
    )
    .await
    .assert_ok();
    let r = srv
        .call(
            "GetRolePolicy",
            &[("RoleName", "app"), ("PolicyName", "mixed")],
        )
        .await;
    assert_eq!(percent_decode(&r.text("PolicyDocument").unwrap()), text);
    assert_eq!(r.text("PolicyName").unwrap(), "Mixed");
    let legacy =
        r#"{"Version":"2008-10-17","Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*"}}"#;
    srv.call(
        "PutRolePolicy",
        &[
            ("RoleName", "app"),
            ("PolicyName", "MIXED"),
            ("PolicyDocument", legacy),
        ],
    )
    .await
    .assert_ok();
    let r = srv
        .call(
            "GetRolePolicy",
            &[("RoleName", "app"), ("PolicyName", "mixed")],
        )
        .await;
    assert_eq!(percent_decode(&r.text("PolicyDocument").unwrap()), legacy);
    assert_eq!(r.text("PolicyName").unwrap(), "Mixed");
    let r = srv.call("ListRolePolicies", &[("RoleName", "app")]).await;
    assert_eq!(all_texts(&r, "member"), ["Mixed"]);
}

async fn document_errors<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    for (d, message) in [
        ("nope", "Syntax errors in policy."),
        (
            r#"{"Statement":{"Effect":"Allow","Action":"s3:*"}}"#,
            "Policy statement must contain resources.",
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}"#,
            "Policy document should not specify a principal.",
        ),
    ] {
        srv.call(
            "PutUserPolicy",
            &[
                ("UserName", "alice"),
                ("PolicyName", "p"),
                ("PolicyDocument", d),
            ],
        )
        .await
        .assert_error(400, "MalformedPolicyDocument", message);
    }
}

macro_rules! size_cases {
    ($($name:ident: $kind:expr, $key:expr, $value:expr, $limit:expr;)*) => {$(
        /// The aggregate over all inline policies after the put is limited; replacing a
        /// policy does not count its old size (policy.md §1.3).
        async fn $name<S: Store>(srv: Server<S>) {
            setup(&srv).await;
            let put = format!("Put{}Policy", $kind);
            // A document of exactly `n` non-whitespace characters.
            let sized = |n: usize| {
                let base = doc("s3:");
                let pad = n - base.len();
                doc(&format!("s3:{}", "a".repeat(pad)))
            };
            let half = $limit / 2;
            srv.call(&put, &[($key, $value), ("PolicyName", "one"), ("PolicyDocument", &sized(half))])
                .await
                .assert_ok();
            srv.call(&put, &[($key, $value), ("PolicyName", "two"), ("PolicyDocument", &sized($limit - half))])
                .await
                .assert_ok();
            // Replacing `two` with something as large still fits; one more character does not.
            srv.call(&put, &[($key, $value), ("PolicyName", "TWO"), ("PolicyDocument", &sized($limit - half))])
                .await
                .assert_ok();
            srv.call(&put, &[($key, $value), ("PolicyName", "two"), ("PolicyDocument", &sized($limit - half + 1))])
                .await
                .assert_error(
                    409,
                    "LimitExceeded",
                    &format!("Maximum policy size of {} bytes exceeded for {} {}", $limit, $kind.to_lowercase(), $value),
                );
            srv.call(&put, &[($key, $value), ("PolicyName", "three"), ("PolicyDocument", &sized(100))])
                .await
                .assert_error(
                    409,
                    "LimitExceeded",
                    &format!("Maximum policy size of {} bytes exceeded for {} {}", $limit, $kind.to_lowercase(), $value),
                );
        }
    )*};
}

size_cases! {
    user_aggregate: "User", "UserName", "alice", 2048usize;
    group_aggregate: "Group", "GroupName", "devs", 5120usize;
    role_aggregate: "Role", "RoleName", "app", 10240usize;
}

async fn pagination_and_conflicts<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    for n in ["b", "A", "c"] {
        srv.call(
            "PutGroupPolicy",
            &[
                ("GroupName", "devs"),
                ("PolicyName", n),
                ("PolicyDocument", &doc("s3:*")),
            ],
        )
        .await
        .assert_ok();
    }
    let names = collect_pages(
        &srv,
        "ListGroupPolicies",
        &[("GroupName", "devs")],
        "2",
        "member",
    )
    .await;
    assert_eq!(names, ["A", "b", "c"]);
    srv.call("DeleteGroup", &[("GroupName", "devs")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must delete policies first.",
        );
    srv.call(
        "PutUserPolicy",
        &[
            ("UserName", "alice"),
            ("PolicyName", "p"),
            ("PolicyDocument", &doc("s3:*")),
        ],
    )
    .await
    .assert_ok();
    srv.call("DeleteUser", &[("UserName", "alice")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must delete policies first.",
        );
}

/// A user's own inline policy changes authorization at once.
async fn authorization_follows<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    let (id, secret) = srv.user_with_key("bob").await;
    let me = (id.as_str(), secret.as_str());
    srv.call_as(
        me,
        "GetUserPolicy",
        &[("UserName", "alice"), ("PolicyName", "x")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:GetUserPolicy",
            "arn:aws:iam::123456789012:user/alice",
        ),
    );
    srv.call(
        "PutUserPolicy",
        &[
            ("UserName", "bob"),
            ("PolicyName", "all"),
            ("PolicyDocument", handlers_support::ALLOW_ALL),
        ],
    )
    .await
    .assert_ok();
    srv.call_as(me, "ListRolePolicies", &[("RoleName", "app")])
        .await
        .assert_ok();
    srv.call_as(
        me,
        "PutUserPolicy",
        &[
            ("UserName", "bob"),
            ("PolicyName", "deny"),
            ("PolicyDocument", r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ListRolePolicies","Resource":"*"}]}"#),
        ],
    )
    .await
    .assert_ok();
    assert_eq!(
        srv.call_as(me, "ListRolePolicies", &[("RoleName", "app")])
            .await
            .status,
        403
    );
    srv.call(
        "DeleteUserPolicy",
        &[("UserName", "bob"), ("PolicyName", "deny")],
    )
    .await
    .assert_ok();
    srv.call_as(me, "ListRolePolicies", &[("RoleName", "app")])
        .await
        .assert_ok();
    // Group inline policies apply to members.
    srv.call(
        "AddUserToGroup",
        &[("GroupName", "devs"), ("UserName", "bob")],
    )
    .await
    .assert_ok();
    srv.call(
        "PutGroupPolicy",
        &[
            ("GroupName", "devs"),
            ("PolicyName", "deny"),
            ("PolicyDocument", r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ListRolePolicies","Resource":"*"}]}"#),
        ],
    )
    .await
    .assert_ok();
    assert_eq!(
        srv.call_as(me, "ListRolePolicies", &[("RoleName", "app")])
            .await
            .status,
        403
    );
}

backend_tests!(
    inline_golden,
    document_round_trip,
    document_errors,
    user_aggregate,
    group_aggregate,
    role_aggregate,
    pagination_and_conflicts,
    authorization_follows,
);
