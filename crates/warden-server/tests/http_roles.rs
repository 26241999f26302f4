//! In-process HTTP tests of the role operations (api.md §5.6) and role tags (§3.5).

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
    TRUST, collect_pages, denied, eventually, percent_decode, store_user_policy, user_with_policy,
};
use warden_core::Store;

async fn create<S: Store>(srv: &Server<S>, name: &str) {
    srv.call(
        "CreateRole",
        &[("RoleName", name), ("AssumeRolePolicyDocument", TRUST)],
    )
    .await
    .assert_ok();
}

async fn roles_golden<S: Store>(srv: Server<S>) {
    golden(
        "create_role",
        srv.call(
            "CreateRole",
            &[
                ("RoleName", "deployer"),
                ("Path", "/ci/"),
                ("AssumeRolePolicyDocument", TRUST),
                ("Description", "deploys things"),
                ("MaxSessionDuration", "7200"),
                ("Tags.member.1.Key", "team"),
                ("Tags.member.1.Value", "blue"),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "get_role",
        srv.call("GetRole", &[("RoleName", "DEPLOYER")])
            .await
            .assert_ok(),
    );
    create(&srv, "app").await;
    golden(
        "get_role_plain",
        srv.call("GetRole", &[("RoleName", "app")])
            .await
            .assert_ok(),
    );
    golden("list_roles", srv.call("ListRoles", &[]).await.assert_ok());
    golden(
        "list_roles_prefix",
        srv.call("ListRoles", &[("PathPrefix", "/ci/")])
            .await
            .assert_ok(),
    );
    golden(
        "update_role",
        srv.call(
            "UpdateRole",
            &[("RoleName", "app"), ("MaxSessionDuration", "43200")],
        )
        .await
        .assert_ok(),
    );
    let r = srv.call("GetRole", &[("RoleName", "app")]).await;
    assert_eq!(r.text("MaxSessionDuration").unwrap(), "43200");
    assert!(r.text("Description").is_none());
    golden(
        "update_role_description",
        srv.call(
            "UpdateRoleDescription",
            &[("RoleName", "app"), ("Description", "the app")],
        )
        .await
        .assert_ok(),
    );
    // An empty description clears it; MaxSessionDuration is kept.
    srv.call("UpdateRole", &[("RoleName", "app"), ("Description", "")])
        .await
        .assert_ok();
    let r = srv.call("GetRole", &[("RoleName", "app")]).await;
    assert!(r.text("Description").is_none(), "{}", r.body);
    assert_eq!(r.text("MaxSessionDuration").unwrap(), "43200");
    golden(
        "tag_role",
        srv.call(
            "TagRole",
            &[
                ("RoleName", "deployer"),
                ("Tags.member.1.Key", "TEAM"),
                ("Tags.member.1.Value", "red"),
                ("Tags.member.2.Key", "a"),
                ("Tags.member.2.Value", ""),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "list_role_tags",
        srv.call("ListRoleTags", &[("RoleName", "deployer")])
            .await
            .assert_ok(),
    );
    golden(
        "untag_role",
        srv.call(
            "UntagRole",
            &[("RoleName", "deployer"), ("TagKeys.member.1", "team")],
        )
        .await
        .assert_ok(),
    );
    let r = srv.call("ListRoleTags", &[("RoleName", "deployer")]).await;
    assert_eq!(handlers_support::all_texts(&r, "Key"), ["a"]);
    golden(
        "delete_role",
        srv.call("DeleteRole", &[("RoleName", "app")])
            .await
            .assert_ok(),
    );
    srv.call("GetRole", &[("RoleName", "app")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The role with name app cannot be found.",
        );
}

/// The trust policy is stored verbatim and URL-encoded on the way out (api.md §1.4).
async fn trust_policy_round_trip<S: Store>(srv: Server<S>) {
    let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ {\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"} ]\n}";
    let r = srv
        .call(
            "CreateRole",
            &[("RoleName", "r"), ("AssumeRolePolicyDocument", text)],
        )
        .await;
    r.assert_ok();
    let encoded = r.text("AssumeRolePolicyDocument").unwrap();
    assert!(
        encoded.starts_with("%7B%0A%20%20%22Version%22%3A"),
        "{encoded}"
    );
    assert_eq!(percent_decode(&encoded), text);
    for (action, params) in [("GetRole", vec![("RoleName", "r")]), ("ListRoles", vec![])] {
        let r = srv.call(action, &params).await;
        assert_eq!(
            r.text("AssumeRolePolicyDocument").unwrap(),
            encoded,
            "{action}"
        );
    }
    let new = r#"{"Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRoleWithWebIdentity"}}"#;
    srv.call(
        "UpdateAssumeRolePolicy",
        &[("RoleName", "r"), ("PolicyDocument", new)],
    )
    .await
    .assert_ok();
    let r = srv.call("GetRole", &[("RoleName", "r")]).await;
    assert_eq!(
        percent_decode(&r.text("AssumeRolePolicyDocument").unwrap()),
        new
    );
}

async fn role_errors<S: Store>(srv: Server<S>) {
    create(&srv, "app").await;
    srv.call(
        "CreateRole",
        &[("RoleName", "APP"), ("AssumeRolePolicyDocument", TRUST)],
    )
    .await
    .assert_error(
        409,
        "EntityAlreadyExists",
        "Role with name APP already exists.",
    );
    for action in ["GetRole", "DeleteRole", "ListRoleTags"] {
        srv.call(action, &[("RoleName", "ghost")])
            .await
            .assert_error(
                404,
                "NoSuchEntity",
                "The role with name ghost cannot be found.",
            );
    }
    srv.call(
        "UpdateAssumeRolePolicy",
        &[("RoleName", "ghost"), ("PolicyDocument", TRUST)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The role with name ghost cannot be found.",
    );
    srv.call(
        "UpdateRoleDescription",
        &[("RoleName", "ghost"), ("Description", "x")],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The role with name ghost cannot be found.",
    );
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "short"),
            ("AssumeRolePolicyDocument", TRUST),
            ("MaxSessionDuration", "100"),
        ],
    )
    .await
    .assert_error(
        400,
        "ValidationError",
        "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    );
    // A failed create leaves nothing behind (api.md §5.3).
    srv.call("GetRole", &[("RoleName", "short")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The role with name short cannot be found.",
        );
}

macro_rules! trust_cases {
    ($($name:ident: $doc:expr => ($status:expr, $code:expr, $message:expr);)*) => {$(
        async fn $name<S: Store>(srv: Server<S>) {
            srv.call("CreateUser", &[("UserName", "alice"), ("Path", "/eng/")]).await.assert_ok();
            create(&srv, "existing").await;
            let doc: String = $doc;
            let r = srv
                .call("CreateRole", &[("RoleName", "t"), ("AssumeRolePolicyDocument", doc.as_str())])
                .await;
            if $status == 200 {
                r.assert_ok();
            } else {
                r.assert_error($status, $code, $message);
                srv.call("GetRole", &[("RoleName", "t")]).await.assert_error(
                    404,
                    "NoSuchEntity",
                    "The role with name t cannot be found.",
                );
            }
            // UpdateAssumeRolePolicy applies the same rules.
            let u = srv
                .call("UpdateAssumeRolePolicy", &[("RoleName", "existing"), ("PolicyDocument", doc.as_str())])
                .await;
            assert_eq!(u.status, $status, "{}", u.body);
            if $status != 200 {
                assert_eq!(u.message(), $message);
            }
        }
    )*};
}

fn trust_with(principal: &str, action: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{principal},"Action":"{action}"}}]}}"#
    )
}

trust_cases! {
    trust_resource_forbidden: r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Resource":"*"}]}"#.to_owned()
        => (400, "MalformedPolicyDocument", "Has prohibited field Resource");
    trust_wrong_action: trust_with(r#""*""#, "s3:GetObject")
        => (400, "MalformedPolicyDocument", "AssumeRole policy may only specify STS AssumeRole actions.");
    trust_not_json: "nope".to_owned()
        => (400, "MalformedPolicyDocument", "This policy contains invalid Json");
    trust_missing_user: trust_with(r#"{"AWS":"arn:aws:iam::123456789012:user/bob"}"#, "sts:AssumeRole")
        => (400, "MalformedPolicyDocument", r#"Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:user/bob""#);
    trust_user_wrong_path: trust_with(r#"{"AWS":"arn:aws:iam::123456789012:user/alice"}"#, "sts:AssumeRole")
        => (400, "MalformedPolicyDocument", r#"Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:user/alice""#);
    trust_missing_role_in_list: trust_with(r#"{"AWS":["arn:aws:iam::123456789012:role/existing","arn:aws:iam::123456789012:role/nope"]}"#, "sts:AssumeRole")
        => (400, "MalformedPolicyDocument", r#"Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/nope""#);
    trust_missing_oidc: trust_with(r#"{"Federated":"arn:aws:iam::123456789012:oidc-provider/example.com"}"#, "sts:AssumeRoleWithWebIdentity")
        => (400, "MalformedPolicyDocument", r#"Invalid principal in policy: "Federated":"arn:aws:iam::123456789012:oidc-provider/example.com""#);
    trust_existing_user: trust_with(r#"{"AWS":"arn:aws:iam::123456789012:user/eng/alice"}"#, "sts:AssumeRole")
        => (200, "", "");
    trust_existing_role: trust_with(r#"{"AWS":"arn:aws:iam::123456789012:role/existing"}"#, "sts:AssumeRole")
        => (200, "", "");
    trust_foreign_account_unchecked: trust_with(r#"{"AWS":"arn:aws:iam::999999999999:user/anyone"}"#, "sts:AssumeRole")
        => (200, "", "");
    trust_account_id: trust_with(r#"{"AWS":"123456789012"}"#, "sts:AssumeRole")
        => (200, "", "");
    trust_too_large: trust_with(&format!(r#"{{"Service":"{}.amazonaws.com"}}"#, "s".repeat(2100)), "sts:AssumeRole")
        => (409, "LimitExceeded", "Cannot exceed quota for ACLSizePerRole: 2048");
}

async fn delete_conflicts<S: Store>(srv: Server<S>) {
    create(&srv, "r").await;
    let account = common::ACCOUNT.parse().unwrap();
    let mut tx = srv.store.begin().await.unwrap();
    use warden_core::Transaction;
    let role = tx.role_by_name(account, "r").await.unwrap().unwrap();
    tx.put_inline_policy(
        account,
        &warden_core::InlinePolicy {
            holder: warden_core::PolicyHolder::Role(role.id),
            name: "inline".to_owned(),
            document: handlers_support::doc("s3:*"),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    srv.call("DeleteRole", &[("RoleName", "r")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must delete policies first.",
        );
}

async fn list_pagination<S: Store>(srv: Server<S>) {
    for name in ["r1", "R2", "r3", "r4", "r5"] {
        create(&srv, name).await;
    }
    let seen = collect_pages(&srv, "ListRoles", &[], "2", "RoleName").await;
    assert_eq!(seen, ["r1", "R2", "r3", "r4", "r5"]);
    // Tags paginate too.
    srv.call(
        "TagRole",
        &[
            ("RoleName", "r1"),
            ("Tags.member.1.Key", "b"),
            ("Tags.member.1.Value", "1"),
            ("Tags.member.2.Key", "a"),
            ("Tags.member.2.Value", "2"),
            ("Tags.member.3.Key", "cc"),
            ("Tags.member.3.Value", "3"),
        ],
    )
    .await
    .assert_ok();
    let keys = collect_pages(&srv, "ListRoleTags", &[("RoleName", "r1")], "1", "Key").await;
    assert_eq!(keys, ["a", "b", "cc"]);
    srv.call("ListRoles", &[("Marker", "garbage")])
        .await
        .assert_error(400, "ValidationError", "Invalid Marker.");
}

async fn tag_rules<S: Store>(srv: Server<S>) {
    create(&srv, "r").await;
    srv.call(
        "TagRole",
        &[
            ("RoleName", "r"),
            ("Tags.member.1.Key", "k"),
            ("Tags.member.1.Value", "1"),
            ("Tags.member.2.Key", "K"),
            ("Tags.member.2.Value", "2"),
        ],
    )
    .await
    .assert_error(
        400,
        "InvalidInput",
        "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
    );
    let mut params: Vec<(String, String)> = vec![("RoleName".into(), "r".into())];
    for i in 1..=51 {
        params.push((format!("Tags.member.{i}.Key"), format!("k{i}")));
        params.push((format!("Tags.member.{i}.Value"), "v".into()));
    }
    let refs: Vec<(&str, &str)> = params
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    // 51 tags in one call: the tag quota (api.md §3.5, LimitExceeded), refused as a whole.
    srv.call("TagRole", &refs).await.assert_error(
        409,
        "LimitExceeded",
        "The number of tags has reached the maximum limit.",
    );
    let listed = srv.call("ListRoleTags", &[("RoleName", "r")]).await;
    assert!(listed.text("Key").is_none(), "{}", listed.body);
    let refs50: Vec<(&str, &str)> = refs[..101].to_vec();
    srv.call("TagRole", &refs50).await.assert_ok();
    srv.call(
        "TagRole",
        &[
            ("RoleName", "r"),
            ("Tags.member.1.Key", "extra"),
            ("Tags.member.1.Value", ""),
        ],
    )
    .await
    .assert_error(
        409,
        "LimitExceeded",
        "The number of tags has reached the maximum limit.",
    );
}

async fn access_denied<S: Store>(srv: Server<S>) {
    create(&srv, "r").await;
    let (id, secret) = srv.user_with_key("alice").await;
    let me = (id.as_str(), secret.as_str());
    srv.call_as(me, "GetRole", &[("RoleName", "r")])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied("alice", "iam:GetRole", "arn:aws:iam::123456789012:role/r"),
        );
    // Authorization comes before existence (api.md §1.8).
    srv.call_as(me, "DeleteRole", &[("RoleName", "ghost")])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied(
                "alice",
                "iam:DeleteRole",
                "arn:aws:iam::123456789012:role/ghost",
            ),
        );
    srv.call_as(me, "ListRoles", &[]).await.assert_error(
        403,
        "AccessDenied",
        &denied("alice", "iam:ListRoles", "arn:aws:iam::123456789012:role/"),
    );
    // Tag-on-create needs iam:TagRole too (api.md §4.3).
    let (id, secret) = user_with_policy(
        &srv,
        "bob",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateRole","Resource":"*"}]}"#,
    )
    .await;
    let bob = (id.as_str(), secret.as_str());
    eventually(&srv, 200, || {
        srv.call_as(
            bob,
            "CreateRole",
            &[("RoleName", "plain"), ("AssumeRolePolicyDocument", TRUST)],
        )
    })
    .await;
    srv.call_as(
        bob,
        "CreateRole",
        &[
            ("RoleName", "tagged"),
            ("Path", "/x/"),
            ("AssumeRolePolicyDocument", TRUST),
            ("Tags.member.1.Key", "k"),
            ("Tags.member.1.Value", "v"),
        ],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:TagRole",
            "arn:aws:iam::123456789012:role/x/tagged",
        ),
    );
    // Conditions on the role's tags see them (aws:ResourceTag / iam:ResourceTag).
    srv.call(
        "TagRole",
        &[
            ("RoleName", "r"),
            ("Tags.member.1.Key", "team"),
            ("Tags.member.1.Value", "blue"),
        ],
    )
    .await
    .assert_ok();
    store_user_policy(
        &srv,
        "alice",
        "tagged",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*","Condition":{"StringEquals":{"iam:ResourceTag/team":"blue"}}}]}"#,
    )
    .await;
    eventually(&srv, 200, || {
        srv.call_as(me, "GetRole", &[("RoleName", "r")])
    })
    .await;
    srv.call_as(me, "GetRole", &[("RoleName", "plain")])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied(
                "alice",
                "iam:GetRole",
                "arn:aws:iam::123456789012:role/plain",
            ),
        );
}

backend_tests!(
    roles_golden,
    trust_policy_round_trip,
    role_errors,
    trust_resource_forbidden,
    trust_wrong_action,
    trust_not_json,
    trust_missing_user,
    trust_user_wrong_path,
    trust_missing_role_in_list,
    trust_missing_oidc,
    trust_existing_user,
    trust_existing_role,
    trust_foreign_account_unchecked,
    trust_account_id,
    trust_too_large,
    delete_conflicts,
    list_pagination,
    tag_rules,
    access_denied,
);
