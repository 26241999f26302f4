//! In-process HTTP tests of instance profiles (api.md §5.12) on SQLite and PostgreSQL.

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
use handlers_support::{ALLOW_ALL, TRUST, all_texts, collect_pages, denied, percent_decode};
use warden_core::Store;

const PROFILE_ARN: &str = "arn:aws:iam::123456789012:instance-profile/app/web";
const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/web-role";

async fn create_role<S: Store>(srv: &Server<S>, name: &str) {
    srv.call(
        "CreateRole",
        &[("RoleName", name), ("AssumeRolePolicyDocument", TRUST)],
    )
    .await
    .assert_ok();
}

async fn create_profile<S: Store>(srv: &Server<S>, name: &str) {
    srv.call("CreateInstanceProfile", &[("InstanceProfileName", name)])
        .await
        .assert_ok();
}

async fn add_role<S: Store>(srv: &Server<S>, profile: &str, role: &str) -> common::Resp {
    srv.call(
        "AddRoleToInstanceProfile",
        &[("InstanceProfileName", profile), ("RoleName", role)],
    )
    .await
}

async fn golden_flow<S: Store>(srv: Server<S>) {
    let created = srv
        .call(
            "CreateInstanceProfile",
            &[
                ("InstanceProfileName", "web"),
                ("Path", "/app/"),
                ("Tags.member.1.Key", "env"),
                ("Tags.member.1.Value", "dev"),
            ],
        )
        .await;
    golden("create_instance_profile", created.assert_ok());
    assert_eq!(created.text("Arn").unwrap(), PROFILE_ARN);
    assert!(
        created
            .text("InstanceProfileId")
            .unwrap()
            .starts_with("AIPA"),
        "{}",
        created.body
    );
    assert!(created.body.contains("<Roles/>") || created.body.contains("<Roles></Roles>"));
    golden(
        "create_instance_profile_bare",
        srv.call("CreateInstanceProfile", &[("InstanceProfileName", "bare")])
            .await
            .assert_ok(),
    );
    golden(
        "get_instance_profile_empty",
        srv.call("GetInstanceProfile", &[("InstanceProfileName", "bare")])
            .await
            .assert_ok(),
    );
    create_role(&srv, "web-role").await;
    golden(
        "add_role_to_instance_profile",
        add_role(&srv, "web", "web-role").await.assert_ok(),
    );
    let got = srv
        .call("GetInstanceProfile", &[("InstanceProfileName", "WEB")])
        .await;
    golden("get_instance_profile", got.assert_ok());
    assert_eq!(got.text("RoleName").unwrap(), "web-role");
    assert_eq!(all_texts(&got, "Arn"), vec![PROFILE_ARN, ROLE_ARN]);
    // The trust policy is URL-encoded as in GetRole (api.md §1.4).
    assert_eq!(
        percent_decode(&got.text("AssumeRolePolicyDocument").unwrap()),
        TRUST
    );
    golden(
        "list_instance_profiles",
        srv.call("ListInstanceProfiles", &[]).await.assert_ok(),
    );
    golden(
        "list_instance_profiles_for_role",
        srv.call("ListInstanceProfilesForRole", &[("RoleName", "web-role")])
            .await
            .assert_ok(),
    );
    golden(
        "tag_instance_profile",
        srv.call(
            "TagInstanceProfile",
            &[
                ("InstanceProfileName", "web"),
                ("Tags.member.1.Key", "Env"),
                ("Tags.member.1.Value", "x"),
                ("Tags.member.2.Key", "team"),
                ("Tags.member.2.Value", "core"),
            ],
        )
        .await
        .assert_ok(),
    );
    let tags = srv
        .call("ListInstanceProfileTags", &[("InstanceProfileName", "web")])
        .await;
    golden("list_instance_profile_tags", tags.assert_ok());
    // Keys are case-sensitive for instance profiles (api.md §3.5): `env` and `Env` coexist.
    assert_eq!(all_texts(&tags, "Key"), vec!["Env", "env", "team"]);
    golden(
        "untag_instance_profile",
        srv.call(
            "UntagInstanceProfile",
            &[
                ("InstanceProfileName", "web"),
                ("TagKeys.member.1", "env"),
                ("TagKeys.member.2", "absent"),
            ],
        )
        .await
        .assert_ok(),
    );
    let tags = srv
        .call("ListInstanceProfileTags", &[("InstanceProfileName", "web")])
        .await;
    assert_eq!(all_texts(&tags, "Key"), vec!["Env", "team"]);
    golden(
        "remove_role_from_instance_profile",
        srv.call(
            "RemoveRoleFromInstanceProfile",
            &[("InstanceProfileName", "web"), ("RoleName", "web-role")],
        )
        .await
        .assert_ok(),
    );
    let got = srv
        .call("GetInstanceProfile", &[("InstanceProfileName", "web")])
        .await;
    assert!(got.text("RoleName").is_none(), "{}", got.body);
    golden(
        "delete_instance_profile",
        srv.call("DeleteInstanceProfile", &[("InstanceProfileName", "web")])
            .await
            .assert_ok(),
    );
    srv.call("GetInstanceProfile", &[("InstanceProfileName", "web")])
        .await
        .assert_error(404, "NoSuchEntity", "Instance Profile web cannot be found.");
    // Tags went with the profile: a new one of the same name has none.
    create_profile(&srv, "web").await;
    let tags = srv
        .call("ListInstanceProfileTags", &[("InstanceProfileName", "web")])
        .await;
    assert!(all_texts(&tags, "Key").is_empty(), "{}", tags.body);
    // The role can be deleted once no profile holds it.
    srv.call("DeleteRole", &[("RoleName", "web-role")])
        .await
        .assert_ok();
}

async fn errors<S: Store>(srv: Server<S>) {
    create_profile(&srv, "p").await;
    srv.call("CreateInstanceProfile", &[("InstanceProfileName", "P")])
        .await
        .assert_error(
            409,
            "EntityAlreadyExists",
            "Instance Profile P already exists.",
        );
    for (action, params) in [
        ("GetInstanceProfile", vec![("InstanceProfileName", "nope")]),
        (
            "DeleteInstanceProfile",
            vec![("InstanceProfileName", "nope")],
        ),
        (
            "ListInstanceProfileTags",
            vec![("InstanceProfileName", "nope")],
        ),
        (
            "TagInstanceProfile",
            vec![
                ("InstanceProfileName", "nope"),
                ("Tags.member.1.Key", "k"),
                ("Tags.member.1.Value", "v"),
            ],
        ),
        (
            "UntagInstanceProfile",
            vec![("InstanceProfileName", "nope"), ("TagKeys.member.1", "k")],
        ),
    ] {
        srv.call(action, &params).await.assert_error(
            404,
            "NoSuchEntity",
            "Instance Profile nope cannot be found.",
        );
    }
    create_role(&srv, "r1").await;
    create_role(&srv, "r2").await;
    add_role(&srv, "nope", "r1").await.assert_error(
        404,
        "NoSuchEntity",
        "Instance Profile nope cannot be found.",
    );
    add_role(&srv, "p", "ghost").await.assert_error(
        404,
        "NoSuchEntity",
        "The role with name ghost cannot be found.",
    );
    add_role(&srv, "p", "r1").await.assert_ok();
    // At most one role; the same role again is refused the same way (api.md §5.12).
    for role in ["r2", "r1"] {
        add_role(&srv, "p", role).await.assert_error(
            409,
            "LimitExceeded",
            "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1",
        );
    }
    srv.call("DeleteInstanceProfile", &[("InstanceProfileName", "p")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must remove roles from instance profile first.",
        );
    srv.call("DeleteRole", &[("RoleName", "r1")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must remove roles from instance profile first.",
        );
    srv.call(
        "RemoveRoleFromInstanceProfile",
        &[("InstanceProfileName", "p"), ("RoleName", "r2")],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "Role r2 in Instance Profile p cannot be found.",
    );
    srv.call(
        "RemoveRoleFromInstanceProfile",
        &[("InstanceProfileName", "p"), ("RoleName", "ghost")],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The role with name ghost cannot be found.",
    );
    srv.call(
        "RemoveRoleFromInstanceProfile",
        &[("InstanceProfileName", "nope"), ("RoleName", "r1")],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "Instance Profile nope cannot be found.",
    );
    srv.call("ListInstanceProfilesForRole", &[("RoleName", "ghost")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The role with name ghost cannot be found.",
        );
    // A service-linked role cannot be put into a profile.
    srv.call(
        "CreateServiceLinkedRole",
        &[("AWSServiceName", "autoscaling.amazonaws.com")],
    )
    .await
    .assert_ok();
    srv.call("CreateInstanceProfile", &[("InstanceProfileName", "slr")])
        .await
        .assert_ok();
    add_role(&srv, "slr", "AWSServiceRoleForAutoScaling")
        .await
        .assert_error(
            400,
            "UnmodifiableEntity",
            "Cannot perform the operation on the protected role 'AWSServiceRoleForAutoScaling' - this role is only modifiable by AWS",
        );
    // Tags: exactly equal keys twice, reserved prefix.
    srv.call(
        "TagInstanceProfile",
        &[
            ("InstanceProfileName", "p"),
            ("Tags.member.1.Key", "k"),
            ("Tags.member.1.Value", "1"),
            ("Tags.member.2.Key", "k"),
            ("Tags.member.2.Value", "2"),
        ],
    )
    .await
    .assert_error(400, "InvalidInput", "Duplicate tag keys found.");
    srv.call(
        "CreateInstanceProfile",
        &[
            ("InstanceProfileName", "q"),
            ("Tags.member.1.Key", "aws:x"),
            ("Tags.member.1.Value", "1"),
        ],
    )
    .await
    .assert_error(
        400,
        "InvalidInput",
        "Tag keys starting with 'aws:' are reserved for internal use.",
    );
    // The failed create left nothing behind.
    srv.call("GetInstanceProfile", &[("InstanceProfileName", "q")])
        .await
        .assert_error(404, "NoSuchEntity", "Instance Profile q cannot be found.");
}

async fn listing<S: Store>(srv: Server<S>) {
    for (name, path) in [
        ("e", "/a/"),
        ("D", "/a/b/"),
        ("c", "/"),
        ("b", "/a/"),
        ("A", "/z/"),
    ] {
        srv.call(
            "CreateInstanceProfile",
            &[("InstanceProfileName", name), ("Path", path)],
        )
        .await
        .assert_ok();
    }
    let all = collect_pages(
        &srv,
        "ListInstanceProfiles",
        &[],
        "2",
        "InstanceProfileName",
    )
    .await;
    assert_eq!(all, vec!["A", "b", "c", "D", "e"]);
    let under_a = collect_pages(
        &srv,
        "ListInstanceProfiles",
        &[("PathPrefix", "/a/")],
        "1",
        "InstanceProfileName",
    )
    .await;
    assert_eq!(under_a, vec!["b", "D", "e"]);
    // A marker is bound to its listing's filters (api.md §1.5).
    let first = srv
        .call(
            "ListInstanceProfiles",
            &[("PathPrefix", "/a/"), ("MaxItems", "1")],
        )
        .await;
    let marker = first.text("Marker").unwrap();
    let r = srv
        .call("ListInstanceProfiles", &[("Marker", marker.as_str())])
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    // ListInstanceProfilesForRole pages over the profiles holding the role.
    create_role(&srv, "r").await;
    for p in ["e", "c", "A"] {
        add_role(&srv, p, "r").await.assert_ok();
    }
    let for_role = collect_pages(
        &srv,
        "ListInstanceProfilesForRole",
        &[("RoleName", "r")],
        "2",
        "InstanceProfileName",
    )
    .await;
    assert_eq!(for_role, vec!["A", "c", "e"]);
    // Every listed profile carries its role.
    let r = srv
        .call("ListInstanceProfilesForRole", &[("RoleName", "R")])
        .await;
    assert_eq!(all_texts(&r, "RoleName"), vec!["r", "r", "r"]);
    // Tags are paginated too.
    srv.call(
        "TagInstanceProfile",
        &[
            ("InstanceProfileName", "c"),
            ("Tags.member.1.Key", "a"),
            ("Tags.member.1.Value", "1"),
            ("Tags.member.2.Key", "bb"),
            ("Tags.member.2.Value", "2"),
            ("Tags.member.3.Key", "c"),
            ("Tags.member.3.Value", "3"),
        ],
    )
    .await
    .assert_ok();
    let keys = collect_pages(
        &srv,
        "ListInstanceProfileTags",
        &[("InstanceProfileName", "c")],
        "2",
        "Key",
    )
    .await;
    assert_eq!(keys, vec!["a", "c", "bb"]);
}

async fn authorization<S: Store>(srv: Server<S>) {
    create_role(&srv, "web-role").await;
    create_profile(&srv, "web").await;
    srv.call(
        "CreateInstanceProfile",
        &[("InstanceProfileName", "web"), ("Path", "/x/")],
    )
    .await
    .assert_error(
        409,
        "EntityAlreadyExists",
        "Instance Profile web already exists.",
    );
    let me = srv.user_with_key("bob").await;
    let me = (me.0.as_str(), me.1.as_str());
    let put = |doc: &'static str| {
        let srv = &srv;
        async move {
            srv.call(
                "PutUserPolicy",
                &[
                    ("UserName", "bob"),
                    ("PolicyName", "p"),
                    ("PolicyDocument", doc),
                ],
            )
            .await
            .assert_ok();
        }
    };
    // No policy: denied on the profile ARN with its stored path.
    srv.call_as(me, "GetInstanceProfile", &[("InstanceProfileName", "web")])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied(
                "bob",
                "iam:GetInstanceProfile",
                "arn:aws:iam::123456789012:instance-profile/web",
            ),
        );
    srv.call_as(me, "ListInstanceProfiles", &[("PathPrefix", "/x/")])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied(
                "bob",
                "iam:ListInstanceProfiles",
                "arn:aws:iam::123456789012:instance-profile/x/",
            ),
        );
    // AddRoleToInstanceProfile also needs iam:PassRole on the role (api.md §4.3 item 3).
    put(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AddRoleToInstanceProfile","Resource":"*"}]}"#).await;
    srv.call_as(
        me,
        "AddRoleToInstanceProfile",
        &[("InstanceProfileName", "web"), ("RoleName", "web-role")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:PassRole", ROLE_ARN),
    );
    // PassRole restricted to another service is not enough; to EC2 it is.
    put(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AddRoleToInstanceProfile","Resource":"*"},{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}}]}"#).await;
    let r = srv
        .call_as(
            me,
            "AddRoleToInstanceProfile",
            &[("InstanceProfileName", "web"), ("RoleName", "web-role")],
        )
        .await;
    assert_eq!(
        (r.status, r.code()),
        (403, "AccessDenied".to_owned()),
        "{}",
        r.body
    );
    put(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AddRoleToInstanceProfile","Resource":"*"},{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"},"StringLike":{"iam:AssociatedResourceArn":"arn:aws:ec2:*:123456789012:instance/*"}}}]}"#).await;
    srv.call_as(
        me,
        "AddRoleToInstanceProfile",
        &[("InstanceProfileName", "web"), ("RoleName", "web-role")],
    )
    .await
    .assert_ok();
    // Create with tags needs iam:TagInstanceProfile too (api.md §4.3 item 1).
    put(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateInstanceProfile","Resource":"*"}]}"#).await;
    srv.call_as(
        me,
        "CreateInstanceProfile",
        &[
            ("InstanceProfileName", "tagged"),
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
            "iam:TagInstanceProfile",
            "arn:aws:iam::123456789012:instance-profile/tagged",
        ),
    );
    srv.call_as(
        me,
        "CreateInstanceProfile",
        &[("InstanceProfileName", "tagged")],
    )
    .await
    .assert_ok();
    // Resource tags of the profile are visible to conditions (aws:ResourceTag).
    srv.call(
        "TagInstanceProfile",
        &[
            ("InstanceProfileName", "tagged"),
            ("Tags.member.1.Key", "team"),
            ("Tags.member.1.Value", "blue"),
        ],
    )
    .await
    .assert_ok();
    put(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetInstanceProfile","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"blue"}}}]}"#).await;
    srv.call_as(
        me,
        "GetInstanceProfile",
        &[("InstanceProfileName", "tagged")],
    )
    .await
    .assert_ok();
    let r = srv
        .call_as(me, "GetInstanceProfile", &[("InstanceProfileName", "web")])
        .await;
    assert_eq!(r.status, 403, "{}", r.body);
    put(ALLOW_ALL).await;
    srv.call_as(me, "GetInstanceProfile", &[("InstanceProfileName", "web")])
        .await
        .assert_ok();
}

/// At most 1000 instance profiles per account (api.md §3.7); 999 are written straight to
/// the store to keep the test fast.
async fn quota<S: Store>(srv: Server<S>) {
    use warden_core::Transaction;
    let account: warden_types::AccountId = common::ACCOUNT.parse().unwrap();
    let mut tx = srv.store.begin().await.unwrap();
    for n in 0..999 {
        tx.insert_instance_profile(&warden_core::InstanceProfile {
            account,
            id: format!("AIPAQUOTA{n:011}"),
            name: format!("bulk-{n}"),
            path: "/".to_owned(),
            created: time::OffsetDateTime::UNIX_EPOCH,
            role_id: None,
        })
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    create_profile(&srv, "the-1000th").await;
    srv.call(
        "CreateInstanceProfile",
        &[("InstanceProfileName", "one-too-many")],
    )
    .await
    .assert_error(
        409,
        "LimitExceeded",
        "Cannot exceed quota for InstanceProfilesPerAccount: 1000",
    );
}

/// Writes are audited with their response elements.
async fn audited<S: Store>(srv: Server<S>) {
    create_profile(&srv, "audited").await;
    let events = srv.audit().await;
    let create = events
        .iter()
        .find(|e| e["eventName"] == "CreateInstanceProfile")
        .unwrap();
    assert_eq!(
        create["responseElements"]["instanceProfile"]["instanceProfileName"],
        "audited"
    );
    assert_eq!(
        create["requestParameters"]["instanceProfileName"],
        "audited"
    );
}

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

on_both_backends!(golden_flow, errors, listing, authorization, audited, quota);
