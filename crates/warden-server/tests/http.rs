//! In-process HTTP tests of the pipeline and the user, group and access-key operations.
//! Every scenario is an `async fn(Server<S>)` run once per backend by `backend_tests!`.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;

use std::time::Duration;

use axum::body::Body;
use common::{ACCOUNT, ROOT, Resp, Server, form, golden, signed};
use warden_core::{InlinePolicy, PolicyHolder, Store, Transaction};

const ALLOW_ALL: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}"#;
const DENY_LIST_USERS: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ListUsers","Resource":"*"}]}"#;

/// Puts an inline policy directly through the store (the API operation belongs to another
/// module); the commit notifies the change feed like any other writer's would.
async fn put_user_policy<S: Store>(srv: &Server<S>, user: &str, name: &str, doc: &str) {
    let account = ACCOUNT.parse().unwrap();
    let mut tx = srv.store.begin().await.unwrap();
    let u = tx.user_by_name(account, user).await.unwrap().unwrap();
    tx.put_inline_policy(
        account,
        &InlinePolicy {
            holder: PolicyHolder::User(u.id),
            name: name.to_owned(),
            document: doc.to_owned(),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

async fn put_group_policy<S: Store>(srv: &Server<S>, group: &str, doc: &str) {
    let account = ACCOUNT.parse().unwrap();
    let mut tx = srv.store.begin().await.unwrap();
    let g = tx.group_by_name(account, group).await.unwrap().unwrap();
    tx.put_inline_policy(
        account,
        &InlinePolicy {
            holder: PolicyHolder::Group(g.id),
            name: "p".to_owned(),
            document: doc.to_owned(),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

// ------------------------------------------------------------------ success shapes

async fn users_golden<S: Store>(srv: Server<S>) {
    let r = srv
        .call(
            "CreateUser",
            &[
                ("UserName", "alice"),
                ("Path", "/eng/"),
                ("Tags.member.1.Key", "team"),
                ("Tags.member.1.Value", "blue"),
            ],
        )
        .await;
    r.assert_ok();
    assert_eq!(r.content_type.as_deref(), Some("text/xml"));
    assert_eq!(r.request_id, r.text("RequestId"));
    golden("create_user", &r);
    golden(
        "get_user",
        srv.call("GetUser", &[("UserName", "ALICE")])
            .await
            .assert_ok(),
    );
    golden("get_user_root", srv.call("GetUser", &[]).await.assert_ok());
    srv.call("CreateUser", &[("UserName", "bob")])
        .await
        .assert_ok();
    golden("list_users", srv.call("ListUsers", &[]).await.assert_ok());
    golden(
        "list_users_prefix",
        srv.call("ListUsers", &[("PathPrefix", "/eng/")])
            .await
            .assert_ok(),
    );
    golden(
        "tag_user",
        srv.call(
            "TagUser",
            &[
                ("UserName", "alice"),
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
        "list_user_tags",
        srv.call("ListUserTags", &[("UserName", "alice")])
            .await
            .assert_ok(),
    );
    golden(
        "untag_user",
        srv.call(
            "UntagUser",
            &[("UserName", "alice"), ("TagKeys.member.1", "team")],
        )
        .await
        .assert_ok(),
    );
    golden(
        "update_user",
        srv.call(
            "UpdateUser",
            &[
                ("UserName", "alice"),
                ("NewUserName", "carol"),
                ("NewPath", "/ops/"),
            ],
        )
        .await
        .assert_ok(),
    );
    let got = srv.call("GetUser", &[("UserName", "carol")]).await;
    assert_eq!(
        got.text("Arn").unwrap(),
        "arn:aws:iam::123456789012:user/ops/carol"
    );
    golden(
        "delete_user",
        srv.call("DeleteUser", &[("UserName", "carol")])
            .await
            .assert_ok(),
    );
    srv.call("GetUser", &[("UserName", "carol")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The user with name carol cannot be found.",
        );
}

async fn groups_golden<S: Store>(srv: Server<S>) {
    golden(
        "create_group",
        srv.call("CreateGroup", &[("GroupName", "devs"), ("Path", "/x/")])
            .await
            .assert_ok(),
    );
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    golden(
        "add_user_to_group",
        srv.call(
            "AddUserToGroup",
            &[("GroupName", "devs"), ("UserName", "alice")],
        )
        .await
        .assert_ok(),
    );
    // Idempotent.
    srv.call(
        "AddUserToGroup",
        &[("GroupName", "DEVS"), ("UserName", "alice")],
    )
    .await
    .assert_ok();
    golden(
        "get_group",
        srv.call("GetGroup", &[("GroupName", "devs")])
            .await
            .assert_ok(),
    );
    golden("list_groups", srv.call("ListGroups", &[]).await.assert_ok());
    golden(
        "list_groups_for_user",
        srv.call("ListGroupsForUser", &[("UserName", "alice")])
            .await
            .assert_ok(),
    );
    srv.call("DeleteGroup", &[("GroupName", "devs")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must remove users from group first.",
        );
    srv.call("DeleteUser", &[("UserName", "alice")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must remove user from all groups first.",
        );
    golden(
        "remove_user_from_group",
        srv.call(
            "RemoveUserFromGroup",
            &[("GroupName", "devs"), ("UserName", "alice")],
        )
        .await
        .assert_ok(),
    );
    // Not a member any more: still a success (api.md §5.5).
    srv.call(
        "RemoveUserFromGroup",
        &[("GroupName", "devs"), ("UserName", "alice")],
    )
    .await
    .assert_ok();
    // Missing user is reported before the missing group.
    srv.call(
        "RemoveUserFromGroup",
        &[("GroupName", "nope"), ("UserName", "ghost")],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The user with name ghost cannot be found.",
    );
    golden(
        "update_group",
        srv.call(
            "UpdateGroup",
            &[("GroupName", "devs"), ("NewGroupName", "admins")],
        )
        .await
        .assert_ok(),
    );
    golden(
        "delete_group",
        srv.call("DeleteGroup", &[("GroupName", "admins")])
            .await
            .assert_ok(),
    );
    srv.call("GetGroup", &[("GroupName", "admins")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The group with name admins cannot be found.",
        );
}

async fn access_keys_golden<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    let created = srv.call("CreateAccessKey", &[("UserName", "alice")]).await;
    golden("create_access_key", created.assert_ok());
    let id = created.text("AccessKeyId").unwrap();
    assert!(id.starts_with("AKIA") && id.len() == 20, "{id}");
    assert_eq!(created.text("SecretAccessKey").unwrap().len(), 40);
    golden(
        "create_access_key_root",
        srv.call("CreateAccessKey", &[]).await.assert_ok(),
    );
    golden(
        "list_access_keys",
        srv.call("ListAccessKeys", &[("UserName", "alice")])
            .await
            .assert_ok(),
    );
    golden(
        "list_access_keys_root",
        srv.call("ListAccessKeys", &[]).await.assert_ok(),
    );
    golden(
        "get_access_key_last_used_never",
        srv.call("GetAccessKeyLastUsed", &[("AccessKeyId", &id)])
            .await
            .assert_ok(),
    );
    golden(
        "update_access_key",
        srv.call(
            "UpdateAccessKey",
            &[
                ("UserName", "alice"),
                ("AccessKeyId", &id),
                ("Status", "Inactive"),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "delete_access_key",
        srv.call(
            "DeleteAccessKey",
            &[("UserName", "alice"), ("AccessKeyId", &id)],
        )
        .await
        .assert_ok(),
    );
    srv.call(
        "DeleteAccessKey",
        &[("UserName", "alice"), ("AccessKeyId", &id)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("The Access Key with id {id} cannot be found"),
    );
}

async fn last_used_is_recorded<S: Store>(srv: Server<S>) {
    let (id, secret) = srv.user_with_key("alice").await;
    put_user_policy(&srv, "alice", "all", ALLOW_ALL).await;
    srv.call_as((&id, &secret), "GetUser", &[])
        .await
        .assert_ok();
    // Recorded in the background: poll briefly.
    for _ in 0..50 {
        let r = srv
            .call("GetAccessKeyLastUsed", &[("AccessKeyId", &id)])
            .await;
        if r.text("ServiceName").as_deref() == Some("iam") {
            assert_eq!(r.text("Region").unwrap(), "us-east-1");
            assert_eq!(r.text("LastUsedDate").unwrap(), "2024-05-01T12:00:00Z");
            assert_eq!(r.text("UserName").unwrap(), "alice");
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("last use never recorded");
}

async fn get_user_without_name_is_the_caller<S: Store>(srv: Server<S>) {
    let (id, secret) = srv.user_with_key("alice").await;
    put_user_policy(&srv, "alice", "all", ALLOW_ALL).await;
    let r = srv.call_as((&id, &secret), "GetUser", &[]).await;
    r.assert_ok();
    assert_eq!(r.text("UserName").unwrap(), "alice");
    // CreateAccessKey without UserName creates a key for the calling user.
    let r = srv.call_as((&id, &secret), "CreateAccessKey", &[]).await;
    assert_eq!(r.assert_ok().text("UserName").unwrap(), "alice");
}

async fn pagination<S: Store>(srv: Server<S>) {
    for name in ["u1", "U2", "u3", "u4", "u5"] {
        srv.call("CreateUser", &[("UserName", name)])
            .await
            .assert_ok();
    }
    let mut seen = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let mut params = vec![("MaxItems", "2")];
        if let Some(m) = &marker {
            params.push(("Marker", m.as_str()));
        }
        let r = srv.call("ListUsers", &params).await;
        r.assert_ok();
        let body = r.body.clone();
        for part in body.split("<UserName>").skip(1) {
            seen.push(part.split('<').next().unwrap().to_owned());
        }
        if r.text("IsTruncated").unwrap() == "false" {
            assert!(r.text("Marker").is_none());
            break;
        }
        marker = r.text("Marker");
    }
    assert_eq!(seen, ["u1", "U2", "u3", "u4", "u5"]);
    // Access keys (oldest first) and group members page the same way.
    srv.call("CreateAccessKey", &[("UserName", "u1")])
        .await
        .assert_ok();
    srv.call("CreateAccessKey", &[("UserName", "u1")])
        .await
        .assert_ok();
    let first = srv
        .call("ListAccessKeys", &[("UserName", "u1"), ("MaxItems", "1")])
        .await;
    assert_eq!(first.assert_ok().text("IsTruncated").unwrap(), "true");
    let marker = first.text("Marker").unwrap();
    let second = srv
        .call(
            "ListAccessKeys",
            &[("UserName", "u1"), ("MaxItems", "1"), ("Marker", &marker)],
        )
        .await;
    assert_eq!(second.assert_ok().text("IsTruncated").unwrap(), "false");
    assert_ne!(first.text("AccessKeyId"), second.text("AccessKeyId"));
    srv.call("CreateGroup", &[("GroupName", "g")])
        .await
        .assert_ok();
    for name in ["u1", "u2", "u3"] {
        srv.call("AddUserToGroup", &[("GroupName", "g"), ("UserName", name)])
            .await
            .assert_ok();
    }
    let page = srv
        .call("GetGroup", &[("GroupName", "g"), ("MaxItems", "2")])
        .await;
    assert_eq!(page.assert_ok().body.matches("<UserName>").count(), 2);
    let marker = page.text("Marker").unwrap();
    let page = srv
        .call("GetGroup", &[("GroupName", "g"), ("Marker", &marker)])
        .await;
    assert_eq!(page.assert_ok().text("UserName").unwrap(), "u3");
    assert_eq!(page.text("IsTruncated").unwrap(), "false");
    srv.call("ListUsers", &[("Marker", "garbage")])
        .await
        .assert_error(400, "ValidationError", "Invalid Marker.");
}

// ------------------------------------------------------------------ errors

async fn entity_errors<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    srv.call("CreateUser", &[("UserName", "Alice")])
        .await
        .assert_error(
            409,
            "EntityAlreadyExists",
            "User with name Alice already exists.",
        );
    srv.call("CreateUser", &[("UserName", "bob")])
        .await
        .assert_ok();
    srv.call(
        "UpdateUser",
        &[("UserName", "bob"), ("NewUserName", "ALICE")],
    )
    .await
    .assert_error(
        409,
        "EntityAlreadyExists",
        "User with name ALICE already exists.",
    );
    srv.call("CreateGroup", &[("GroupName", "g")])
        .await
        .assert_ok();
    srv.call("CreateGroup", &[("GroupName", "G")])
        .await
        .assert_error(
            409,
            "EntityAlreadyExists",
            "Group with name G already exists.",
        );
    srv.call("DeleteUser", &[("UserName", "ghost")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The user with name ghost cannot be found.",
        );
    srv.call(
        "AddUserToGroup",
        &[("GroupName", "nope"), ("UserName", "alice")],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The group with name nope cannot be found.",
    );
    // Access keys: a third one is over the quota; a key of another user is not found.
    srv.call("CreateAccessKey", &[("UserName", "alice")])
        .await
        .assert_ok();
    let k2 = srv.call("CreateAccessKey", &[("UserName", "alice")]).await;
    srv.call("CreateAccessKey", &[("UserName", "alice")])
        .await
        .assert_error(
            409,
            "LimitExceeded",
            "Cannot exceed quota for AccessKeysPerUser: 2",
        );
    let k2 = k2.text("AccessKeyId").unwrap();
    srv.call(
        "UpdateAccessKey",
        &[
            ("UserName", "bob"),
            ("AccessKeyId", &k2),
            ("Status", "Inactive"),
        ],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("The Access Key with id {k2} cannot be found"),
    );
    srv.call("DeleteUser", &[("UserName", "alice")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must delete access keys first.",
        );
    srv.call("GetAccessKeyLastUsed", &[("AccessKeyId", "AKIANOSUCHKEY0000000")]).await.assert_error(
        403,
        "AccessDenied",
        "User: arn:aws:iam::123456789012:root is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key AKIANOSUCHKEY0000000",
    );
}

async fn group_quota<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    for i in 0..10 {
        let g = format!("g{i}");
        srv.call("CreateGroup", &[("GroupName", &g)])
            .await
            .assert_ok();
        srv.call(
            "AddUserToGroup",
            &[("GroupName", &g), ("UserName", "alice")],
        )
        .await
        .assert_ok();
    }
    srv.call("CreateGroup", &[("GroupName", "g10")])
        .await
        .assert_ok();
    srv.call(
        "AddUserToGroup",
        &[("GroupName", "g10"), ("UserName", "alice")],
    )
    .await
    .assert_error(
        409,
        "LimitExceeded",
        "Cannot exceed quota for GroupsPerUser: 10",
    );
}

async fn tag_rules<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    srv.call(
        "TagUser",
        &[
            ("UserName", "alice"),
            ("Tags.member.1.Key", "a"),
            ("Tags.member.1.Value", "1"),
            ("Tags.member.2.Key", "A"),
            ("Tags.member.2.Value", "2"),
        ],
    )
    .await
    .assert_error(
        400,
        "InvalidInput",
        "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
    );
    srv.call(
        "TagUser",
        &[
            ("UserName", "alice"),
            ("Tags.member.1.Key", "aws:team"),
            ("Tags.member.1.Value", "x"),
        ],
    )
    .await
    .assert_error(
        400,
        "InvalidInput",
        "Tag keys starting with 'aws:' are reserved for internal use.",
    );
    let mut params: Vec<(String, String)> = Vec::new();
    for i in 1..=51 {
        params.push((format!("Tags.member.{i}.Key"), format!("k{i}")));
        params.push((format!("Tags.member.{i}.Value"), "v".to_owned()));
    }
    let mut refs: Vec<(&str, &str)> = vec![("UserName", "bob")];
    refs.extend(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    srv.call("CreateUser", &refs).await.assert_error(
        409,
        "LimitExceeded",
        "The number of tags has reached the maximum limit.",
    );
    srv.call("GetUser", &[("UserName", "bob")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The user with name bob cannot be found.",
        );
}

async fn validation_error<S: Store>(srv: Server<S>) {
    let r = srv.call("CreateUser", &[("UserName", "bad name!")]).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "ValidationError"),
        "{}",
        r.body
    );
    assert!(
        r.message()
            .starts_with("1 validation error detected: Value at 'userName'"),
        "{}",
        r.message()
    );
    srv.call("CreateUser", &[("UserName", "a"), ("Path", "no-slashes")]).await.assert_error(
        400,
        "ValidationError",
        "The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.",
    );
    srv.call("CreateUser", &[]).await.assert_error(
        400,
        "ValidationError",
        "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null",
    );
}

async fn access_denied_messages<S: Store>(srv: Server<S>) {
    let (id, secret) = srv.user_with_key("alice").await;
    let me = (id.as_str(), secret.as_str());
    srv.call_as(me, "ListUsers", &[]).await.assert_error(
        403,
        "AccessDenied",
        "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because no identity-based policy allows the iam:ListUsers action",
    );
    // Authorization comes before existence checks (api.md §1.8).
    srv.call_as(me, "DeleteUser", &[("UserName", "ghost")]).await.assert_error(
        403,
        "AccessDenied",
        "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:DeleteUser on resource: arn:aws:iam::123456789012:user/ghost because no identity-based policy allows the iam:DeleteUser action",
    );
    put_user_policy(&srv, "alice", "all", ALLOW_ALL).await;
    wait_until(&srv, me, "ListUsers", 200).await;
    put_user_policy(&srv, "alice", "deny", DENY_LIST_USERS).await;
    wait_until(&srv, me, "ListUsers", 403).await;
    srv.call_as(me, "ListUsers", &[]).await.assert_error(
        403,
        "AccessDenied",
        "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ with an explicit deny in an identity-based policy",
    );
}

/// Tag-on-create needs `iam:TagUser` too (api.md §4.3).
async fn create_with_tags_needs_tag_permission<S: Store>(srv: Server<S>) {
    let (id, secret) = srv.user_with_key("alice").await;
    put_user_policy(
        &srv,
        "alice",
        "create",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateUser","Resource":"*"}]}"#,
    )
    .await;
    let me = (id.as_str(), secret.as_str());
    wait_until(&srv, me, "CreateUser", 200).await;
    srv.call_as(me, "CreateUser", &[("UserName", "t"), ("Tags.member.1.Key", "k"), ("Tags.member.1.Value", "v")])
        .await
        .assert_error(
            403,
            "AccessDenied",
            "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:TagUser on resource: arn:aws:iam::123456789012:user/t because no identity-based policy allows the iam:TagUser action",
        );
}

/// Polls `action` (with a unique user name for CreateUser) until it answers `status`;
/// the change feed is asynchronous, so allow it up to one second.
async fn wait_until<S: Store>(srv: &Server<S>, me: (&str, &str), action: &str, status: u16) {
    for i in 0..50 {
        let name = format!("probe{i}");
        let params: Vec<(&str, &str)> = if action == "CreateUser" {
            vec![("UserName", &name)]
        } else {
            vec![]
        };
        if srv.call_as(me, action, &params).await.status == status {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{action} never answered {status}");
}

/// The brief's cache check: attach a Deny through the API, the very next call is denied
/// (no waiting: the pipeline invalidates its own node's cache before answering).
async fn deny_enforced_on_next_call<S: Store>(srv: Server<S>) {
    let (id, secret) = srv.user_with_key("alice").await;
    let me = (id.as_str(), secret.as_str());
    srv.call(
        "PutUserPolicy",
        &[
            ("UserName", "alice"),
            ("PolicyName", "all"),
            ("PolicyDocument", ALLOW_ALL),
        ],
    )
    .await
    .assert_ok();
    srv.call_as(me, "ListUsers", &[]).await.assert_ok();
    srv.call(
        "PutUserPolicy",
        &[
            ("UserName", "alice"),
            ("PolicyName", "deny"),
            ("PolicyDocument", DENY_LIST_USERS),
        ],
    )
    .await
    .assert_ok();
    srv.call_as(me, "ListUsers", &[]).await.assert_error(
        403,
        "AccessDenied",
        "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ with an explicit deny in an identity-based policy",
    );
    srv.call(
        "DeleteUserPolicy",
        &[("UserName", "alice"), ("PolicyName", "deny")],
    )
    .await
    .assert_ok();
    srv.call_as(me, "ListUsers", &[]).await.assert_ok();
}

/// Read-your-writes: a membership change made through the API is enforced by the very
/// next call, without waiting for the change feed.
async fn cache_invalidated_by_own_writes<S: Store>(srv: Server<S>) {
    let (id, secret) = srv.user_with_key("alice").await;
    let me = (id.as_str(), secret.as_str());
    srv.call("CreateGroup", &[("GroupName", "admins")])
        .await
        .assert_ok();
    put_group_policy(&srv, "admins", ALLOW_ALL).await;
    // Warm the cache with a denial.
    assert_eq!(srv.call_as(me, "ListUsers", &[]).await.status, 403);
    srv.call(
        "AddUserToGroup",
        &[("GroupName", "admins"), ("UserName", "alice")],
    )
    .await
    .assert_ok();
    srv.call_as(me, "ListUsers", &[]).await.assert_ok();
    srv.call(
        "RemoveUserFromGroup",
        &[("GroupName", "admins"), ("UserName", "alice")],
    )
    .await
    .assert_ok();
    assert_eq!(srv.call_as(me, "ListUsers", &[]).await.status, 403);
}

// ------------------------------------------------------------------ authentication

async fn authentication_errors<S: Store>(srv: Server<S>) {
    let body = form(&[("Action", "ListUsers"), ("Version", "2010-05-08")]);
    srv.send(signed(
        ("AKIAUNKNOWN000000000", "x"),
        "iam",
        &body,
        srv.now(),
    ))
    .await
    .assert_error(
        403,
        "InvalidClientTokenId",
        "The security token included in the request is invalid.",
    );
    srv.send(signed((ROOT.0, "wrong-secret"), "iam", &body, srv.now())).await.assert_error(
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
    let old = srv.now() - Duration::from_secs(20 * 60);
    srv.send(signed(ROOT, "iam", &body, old)).await.assert_error(
        403,
        "SignatureDoesNotMatch",
        "Signature expired: 20240501T114000Z is now earlier than 20240501T114500Z (20240501T120000Z - 15 min.)",
    );
    let unsigned = http::Request::builder()
        .method("POST")
        .uri("/")
        .header("host", "localhost")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body.clone()))
        .unwrap();
    srv.send(unsigned).await.assert_error(
        403,
        "MissingAuthenticationToken",
        "Request is missing Authentication Token",
    );
    let broken = http::Request::builder()
        .method("POST")
        .uri("/")
        .header("host", "localhost")
        .header("x-amz-date", "20240501T120000Z")
        .header("authorization", "AWS4-HMAC-SHA256 Foo=bar")
        .body(Body::from(body.clone()))
        .unwrap();
    let r = srv.send(broken).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "IncompleteSignature"),
        "{}",
        r.body
    );
    // An inactive key fails authentication until reactivated.
    let (id, secret) = srv.user_with_key("alice").await;
    srv.call(
        "UpdateAccessKey",
        &[
            ("UserName", "alice"),
            ("AccessKeyId", &id),
            ("Status", "Inactive"),
        ],
    )
    .await
    .assert_ok();
    srv.call_as((&id, &secret), "GetUser", &[])
        .await
        .assert_error(
            403,
            "InvalidClientTokenId",
            "The security token included in the request is invalid.",
        );
}

async fn protocol_errors<S: Store>(srv: Server<S>) {
    let send_form = |body: String| signed(ROOT, "iam", &body, srv.now());
    srv.send(send_form(
        "Action=ListUsers&Version=2010-05-08&Bad=%zz".to_owned(),
    ))
    .await
    .assert_error(
        404,
        "MalformedQueryString",
        "The query string is malformed: invalid percent escape at byte 40",
    );
    srv.send(send_form("Action=Frobnicate&Version=2010-05-08".to_owned()))
        .await
        .assert_error(
            400,
            "InvalidAction",
            "Could not find operation Frobnicate for version 2010-05-08",
        );
    srv.send(send_form("Action=ListUsers&Version=2011-06-15".to_owned()))
        .await
        .assert_error(
            400,
            "InvalidAction",
            "Could not find operation ListUsers for version 2011-06-15",
        );
    srv.send(send_form("Version=2010-05-08".to_owned()))
        .await
        .assert_error(
            400,
            "MissingAction",
            "Could not find operation: Action parameter missing",
        );
    // Every IAM operation has a handler now (the last examples of a real operation
    // answering NotImplemented were GetAccountSummary and
    // GetOutboundWebIdentityFederationInfo); the wire mapping of NotImplemented is checked
    // by error.rs's unit tests. STS errors use the STS namespace.
    let sts = form(&[
        ("Action", "DecodeAuthorizationMessage"),
        ("Version", "2011-06-15"),
        ("EncodedMessage", "abc"),
    ]);
    let r = srv.send(signed(ROOT, "sts", &sts, srv.now())).await;
    r.assert_error(
        400,
        "InvalidAuthorizationMessageException",
        "The encoded authorization message is invalid.",
    );
    assert!(
        r.body.contains("https://sts.amazonaws.com/doc/2011-06-15/"),
        "{}",
        r.body
    );
    let r = srv
        .send(
            http::Request::builder()
                .method("PUT")
                .uri("/")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!((r.status, r.code().as_str()), (405, "MethodNotAllowed"));
    let r = srv
        .send(
            http::Request::builder()
                .method("POST")
                .uri("/_warden/dev/reset")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!((r.status, r.code().as_str()), (404, "NotFound"));
    let r = srv
        .send(
            http::Request::builder()
                .method("POST")
                .uri("/metrics")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!((r.status, r.code().as_str()), (405, "MethodNotAllowed"));
}

async fn body_limit<S: Store>(srv: Server<S>) {
    // 32 MiB of parameters is accepted (it reaches authentication and fails there only
    // because the signature is over a different body)...
    let big = format!(
        "Action=ListUsers&Version=2010-05-08&Pad={}",
        "a".repeat(32 * 1024 * 1024 - 64)
    );
    let r = srv.send(signed(ROOT, "iam", &big, srv.now())).await;
    r.assert_ok();
    // ... more is refused with an AWS-shaped error.
    let huge = format!("{big}{}", "a".repeat(1024));
    let r = srv.send(signed(ROOT, "iam", &huge, srv.now())).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (413, "RequestEntityTooLarge"),
        "{}",
        r.body
    );
}

// ------------------------------------------------------------------ audit, secrets, metrics

/// A list index is an order, not a position: a form naming `member.1000000` (or anything up
/// to u32::MAX) is recorded with one element. The audit trail once padded the array with
/// nulls up to the index, so one unauthenticated request could exhaust the server's memory.
async fn huge_list_indices_are_recorded_compactly<S: Store>(srv: Server<S>) {
    let hostile = form(&[
        ("Action", "GetCallerIdentity"),
        ("Version", "2011-06-15"),
        ("Tags.member.1000000.Key", "a"),
        ("Tags.member.7.Key", "b"),
    ]);
    // Signed (allowed) and with a bad signature (refused before any policy is read).
    srv.send(signed(ROOT, "sts", &hostile, srv.now()))
        .await
        .assert_ok();
    srv.send(signed((ROOT.0, "bad"), "sts", &hostile, srv.now()))
        .await
        .assert_error(
            403,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
        );
    let events = srv.audit().await;
    assert_eq!(events.len(), 2);
    for event in &events {
        assert_eq!(
            event["requestParameters"]["tags"],
            serde_json::json!([{"key": "b"}, {"key": "a"}]),
            "{event}"
        );
    }
}

async fn audit_events<S: Store>(srv: Server<S>) {
    let (id, secret) = srv.user_with_key("alice").await;
    srv.call_as((&id, &secret), "ListUsers", &[]).await; // denied
    srv.call("GetUser", &[("UserName", "ghost")]).await; // failed
    srv.send(signed(
        (ROOT.0, "bad"),
        "iam",
        &form(&[("Action", "ListUsers"), ("Version", "2010-05-08")]),
        srv.now(),
    ))
    .await; // failed authentication
    let events = srv.audit().await;
    let names: Vec<(&str, Option<&str>)> = events
        .iter()
        .map(|e| (e["eventName"].as_str().unwrap(), e["errorCode"].as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("CreateUser", None),
            ("CreateAccessKey", None),
            ("ListUsers", Some("AccessDenied")),
            ("GetUser", Some("NoSuchEntity")),
            ("ListUsers", Some("SignatureDoesNotMatch")),
        ]
    );
    let create = &events[0];
    assert_eq!(create["eventVersion"], "1.08");
    assert_eq!(create["eventSource"], "iam.amazonaws.com");
    assert_eq!(create["eventType"], "AwsApiCall");
    assert_eq!(create["userIdentity"]["type"], "Root");
    assert_eq!(
        create["userIdentity"]["arn"],
        "arn:aws:iam::123456789012:root"
    );
    assert_eq!(create["requestParameters"]["userName"], "alice");
    assert_eq!(create["responseElements"]["user"]["userName"], "alice");
    assert_eq!(create["recipientAccountId"], ACCOUNT);
    assert_eq!(create["readOnly"], false);
    assert_eq!(create["userAgent"], "warden-tests/1.0");
    let key = &events[1];
    assert_eq!(
        key["responseElements"]["accessKey"]["accessKeyId"],
        id.as_str()
    );
    assert!(
        !key.to_string().contains(&secret),
        "the audit log holds a secret"
    );
    let denied = &events[2];
    assert_eq!(denied["userIdentity"]["type"], "IAMUser");
    assert_eq!(denied["userIdentity"]["userName"], "alice");
    assert_eq!(denied["userIdentity"]["accessKeyId"], id.as_str());
    assert!(
        denied["errorMessage"]
            .as_str()
            .unwrap()
            .starts_with("User: arn:aws:iam::123456789012:user/alice is not authorized")
    );
    assert_eq!(denied["readOnly"], true);
    assert_eq!(denied["responseElements"], serde_json::Value::Null);
    assert_eq!(events[4]["userIdentity"]["accessKeyId"], ROOT.0);
}

async fn no_secret_in_database<S: Store>(srv: Server<S>) {
    let (_, secret) = srv.user_with_key("alice").await;
    // Checkpoint-free: read the main file and the WAL.
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(srv.dir.path()).unwrap() {
        bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
    }
    assert!(!bytes.is_empty());
    for needle in [secret.as_str(), ROOT.1] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "secret found in the database files"
        );
    }
}

async fn metrics_endpoint<S: Store>(srv: Server<S>) {
    srv.call("ListUsers", &[]).await.assert_ok();
    srv.call("GetUser", &[("UserName", "ghost")]).await;
    let r = srv
        .send(
            http::Request::builder()
                .uri("/metrics")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(
        r.body
            .contains("warden_requests_total{action=\"ListUsers\",outcome=\"success\"} 1"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("warden_requests_total{action=\"GetUser\",outcome=\"NoSuchEntity\"} 1"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("warden_request_duration_seconds_count 2"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("warden_authz_decisions_total{decision=\"allow\"} 2"),
        "{}",
        r.body
    );
}

fn _unused(_: Resp) {}

/// Two apps on one store (two "nodes"): a change made through node 1 is enforced by node 2
/// through the store's change feed, within one second.
async fn second_node_sees_changes<S: Store>(srv: Server<S>) {
    let node2 = common::second_node(&srv);
    let (id, secret) = srv.user_with_key("alice").await;
    let me = (id.as_str(), secret.as_str());
    srv.call("CreateGroup", &[("GroupName", "admins")])
        .await
        .assert_ok();
    put_group_policy(&srv, "admins", ALLOW_ALL).await;
    wait_until(&node2, me, "ListUsers", 403).await; // warm node 2's cache
    srv.call(
        "AddUserToGroup",
        &[("GroupName", "admins"), ("UserName", "alice")],
    )
    .await
    .assert_ok();
    wait_until(&node2, me, "ListUsers", 200).await;
    srv.call(
        "RemoveUserFromGroup",
        &[("GroupName", "admins"), ("UserName", "alice")],
    )
    .await
    .assert_ok();
    wait_until(&node2, me, "ListUsers", 403).await;
}

/// SQLite only: the files are where a secret would leak (PostgreSQL: see
/// `postgres_secrets_are_sealed`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_no_secret_in_database() {
    no_secret_in_database(common::sqlite().await).await;
}

/// PostgreSQL: no column of any table holds a secret in clear.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_secrets_are_sealed() {
    use sqlx::Connection;
    let db = common::TestDb::create().await;
    let srv = common::postgres(&db).await;
    let (_, secret) = srv.user_with_key("alice").await;
    let mut conn = sqlx::PgConnection::connect(&db.url()).await.unwrap();
    let dump: Vec<(String,)> = sqlx::query_as(
        "SELECT row_to_json(t)::text FROM (SELECT * FROM access_keys) t \
         UNION ALL SELECT row_to_json(a)::text FROM (SELECT * FROM audit_events) a",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    drop(conn);
    srv.store.close().await;
    drop(srv);
    db.drop_db().await;
    assert!(dump.len() >= 3, "{dump:?}");
    for (row,) in &dump {
        assert!(
            !row.contains(&secret) && !row.contains(ROOT.1),
            "secret in {row}"
        );
    }
}

/// Two nodes on one PostgreSQL database, each with its own store (pool, LISTEN
/// connection) and policy cache: a change made through node 1 is enforced by node 2
/// within one second.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_two_nodes() {
    let db = common::TestDb::create().await;
    let node1 = common::postgres(&db).await;
    let store2 = warden_store_postgres::PgStore::connect(&db.url())
        .await
        .unwrap();
    let node2 = common::server(store2, tempfile::tempdir().unwrap()).await;
    let outcome = tokio::spawn(async move {
        let (id, secret) = node1.user_with_key("alice").await;
        let me = (id.as_str(), secret.as_str());
        node1
            .call("CreateGroup", &[("GroupName", "admins")])
            .await
            .assert_ok();
        put_group_policy(&node1, "admins", ALLOW_ALL).await;
        wait_until(&node2, me, "ListUsers", 403).await;
        node1
            .call(
                "AddUserToGroup",
                &[("GroupName", "admins"), ("UserName", "alice")],
            )
            .await
            .assert_ok();
        let start = std::time::Instant::now();
        wait_until(&node2, me, "ListUsers", 200).await;
        assert!(
            start.elapsed() <= Duration::from_secs(1),
            "{:?}",
            start.elapsed()
        );
        put_user_policy(&node1, "alice", "deny", DENY_LIST_USERS).await;
        let start = std::time::Instant::now();
        wait_until(&node2, me, "ListUsers", 403).await;
        assert!(
            start.elapsed() <= Duration::from_secs(1),
            "{:?}",
            start.elapsed()
        );
        node1.store.close().await;
        node2.store.close().await;
    })
    .await;
    db.drop_db().await;
    if let Err(failure) = outcome {
        std::panic::resume_unwind(failure.into_panic());
    }
}

/// Dev mode: the reset wipes users and re-creates the root key.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dev_reset_wipes_state() {
    dev_reset_scenario(common::sqlite_dev().await).await;
}

/// Dev mode on PostgreSQL: the store is wiped in place (it used to answer 501).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dev_reset_wipes_state_on_postgres() {
    let db = common::TestDb::create().await;
    let srv = common::postgres_dev(&db).await;
    let store = srv.store.clone();
    let outcome = tokio::spawn(async move {
        dev_reset_scenario(srv).await;
    })
    .await;
    store.close().await;
    db.drop_db().await;
    if let Err(failure) = outcome {
        std::panic::resume_unwind(failure.into_panic());
    }
}

async fn dev_reset_scenario<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    let r = srv
        .send(
            http::Request::builder()
                .method("POST")
                .uri("/_warden/dev/reset")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    // The root key still works; the user is gone.
    srv.call("GetUser", &[("UserName", "alice")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The user with name alice cannot be found.",
        );
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    // Only what happened since the reset is left: the audit trail starts again.
    // (`srv.store` may be the store replaced by the reset: ask the app for the current one.)
    let store = srv.state.store().unwrap();
    let mut tx = store.begin().await.unwrap();
    let events = tx
        .audit_events(ACCOUNT.parse().unwrap(), None, 1000)
        .await
        .unwrap();
    tx.rollback().await.unwrap();
    let created = events
        .items
        .iter()
        .filter(|e| e.event_name == "CreateUser")
        .count();
    assert_eq!(created, 1);
}

macro_rules! backend_tests {
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

backend_tests!(
    users_golden,
    groups_golden,
    access_keys_golden,
    last_used_is_recorded,
    get_user_without_name_is_the_caller,
    pagination,
    entity_errors,
    group_quota,
    tag_rules,
    validation_error,
    access_denied_messages,
    create_with_tags_needs_tag_permission,
    cache_invalidated_by_own_writes,
    deny_enforced_on_next_call,
    authentication_errors,
    protocol_errors,
    body_limit,
    audit_events,
    huge_list_indices_are_recorded_compactly,
    metrics_endpoint,
    second_node_sees_changes,
);
