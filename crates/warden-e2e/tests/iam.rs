//! Tier-1 IAM flows through aws-sdk-iam against a spawned `warden serve --dev` (one server per
//! test, so tests are independent and run in parallel).
//!
//! Tests of operations the server does not implement yet (or where it disagrees with the spec)
//! carry `#[cfg(feature = "pending")]`; run them with `cargo test -p warden-e2e --features pending`.
//! (None today: every flow below passes against the server.)
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test helpers may unwrap and panic"
)]

use aws_sdk_iam::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_iam::types::{StatusType, Tag};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use warden_e2e::{ACCOUNT_ID, WardenServer, unique};

/// api.md §1.4: everything but `A–Z a–z 0–9 - _ . ~` is percent-encoded with upper-case hex.
const AWS_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn arn(rest: &str) -> String {
    format!("arn:aws:iam::{ACCOUNT_ID}:{rest}")
}

/// Code, message and HTTP status of a failed call.
fn error_parts<E: ProvideErrorMetadata, R>(
    err: &SdkError<E, R>,
    status: impl Fn(&R) -> u16,
) -> (String, String, u16) {
    (
        err.code().unwrap_or("<no code>").to_owned(),
        err.message().unwrap_or("<no message>").to_owned(),
        err.raw_response().map(status).unwrap_or(0),
    )
}

fn parts<E: ProvideErrorMetadata>(
    err: &SdkError<E, aws_sdk_iam::config::http::HttpResponse>,
) -> (String, String, u16) {
    error_parts(err, |r| r.status().as_u16())
}

fn expect_err<T: std::fmt::Debug, E: ProvideErrorMetadata + std::fmt::Debug>(
    result: Result<T, SdkError<E, aws_sdk_iam::config::http::HttpResponse>>,
) -> (String, String, u16) {
    match result {
        Ok(ok) => panic!("expected an error, got {ok:?}"),
        Err(err) => parts(&err),
    }
}

fn owned(code: &str, message: &str, status: u16) -> (String, String, u16) {
    (code.to_owned(), message.to_owned(), status)
}

async fn start() -> (WardenServer, aws_sdk_iam::Client) {
    let server = WardenServer::start().unwrap();
    let iam = server.root_client().await;
    (server, iam)
}

fn allow(action: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"{action}","Resource":"*"}}]}}"#
    )
}

/// A user with an access key and a client signed with it.
async fn user_with_client(
    server: &WardenServer,
    iam: &aws_sdk_iam::Client,
    prefix: &str,
) -> (String, aws_sdk_iam::Client, String) {
    let name = unique(prefix);
    iam.create_user().user_name(&name).send().await.unwrap();
    let key = iam
        .create_access_key()
        .user_name(&name)
        .send()
        .await
        .unwrap()
        .access_key
        .unwrap();
    let client = server
        .client(key.access_key_id(), key.secret_access_key())
        .await;
    (name, client, key.access_key_id().to_owned())
}

#[tokio::test]
async fn create_get_list_delete_user() {
    let (_server, iam) = start().await;
    let name = unique("alice");
    let path = format!("/{}/", unique("p"));
    let created = iam
        .create_user()
        .user_name(&name)
        .path(&path)
        .send()
        .await
        .unwrap()
        .user
        .unwrap();
    assert_eq!(created.user_name(), name);
    assert_eq!(created.path(), path);
    assert_eq!(created.arn(), arn(&format!("user{path}{name}")));
    assert!(
        created.user_id().starts_with("AIDA"),
        "{}",
        created.user_id()
    );
    assert_eq!(created.user_id().len(), 21);
    assert!(created.tags().is_empty());

    let got = iam
        .get_user()
        .user_name(name.to_uppercase())
        .send()
        .await
        .unwrap()
        .user
        .unwrap();
    assert_eq!(got.user_name(), name, "lookup returns the stored spelling");
    assert_eq!(got.user_id(), created.user_id());

    let listed = iam.list_users().path_prefix(&path).send().await.unwrap();
    let names: Vec<&str> = listed.users().iter().map(|u| u.user_name()).collect();
    assert_eq!(names, [name.as_str()]);
    assert!(!listed.is_truncated());

    iam.delete_user().user_name(&name).send().await.unwrap();
    assert_eq!(
        expect_err(iam.get_user().user_name(&name).send().await),
        owned(
            "NoSuchEntity",
            &format!("The user with name {name} cannot be found."),
            404
        )
    );
}

#[tokio::test]
async fn duplicate_user_is_modelled_entity_already_exists() {
    let (_server, iam) = start().await;
    let name = unique("dup");
    iam.create_user().user_name(&name).send().await.unwrap();
    let err = iam
        .create_user()
        .user_name(name.to_uppercase())
        .send()
        .await
        .unwrap_err();
    // The code maps onto the modelled error shape (api.md §1.7: the code string is the contract).
    assert!(
        err.as_service_error()
            .is_some_and(|e| e.is_entity_already_exists_exception())
    );
    assert_eq!(
        parts(&err),
        owned(
            "EntityAlreadyExists",
            &format!("User with name {} already exists.", name.to_uppercase()),
            409
        )
    );
}

#[tokio::test]
async fn groups_and_membership() {
    let (_server, iam) = start().await;
    let group = unique("devs");
    let user = unique("member");
    let created = iam
        .create_group()
        .group_name(&group)
        .send()
        .await
        .unwrap()
        .group
        .unwrap();
    assert!(created.group_id().starts_with("AGPA"));
    assert_eq!(created.arn(), arn(&format!("group/{group}")));
    iam.create_user().user_name(&user).send().await.unwrap();
    iam.add_user_to_group()
        .group_name(&group)
        .user_name(&user)
        .send()
        .await
        .unwrap();
    let got = iam.get_group().group_name(&group).send().await.unwrap();
    assert_eq!(got.group().map(|g| g.group_name()), Some(group.as_str()));
    let members: Vec<&str> = got.users().iter().map(|u| u.user_name()).collect();
    assert_eq!(members, [user.as_str()]);
    let groups = iam
        .list_groups_for_user()
        .user_name(&user)
        .send()
        .await
        .unwrap();
    let names: Vec<&str> = groups.groups().iter().map(|g| g.group_name()).collect();
    assert_eq!(names, [group.as_str()]);
    assert_eq!(
        expect_err(iam.delete_group().group_name(&group).send().await),
        owned(
            "DeleteConflict",
            "Cannot delete entity, must remove users from group first.",
            409
        )
    );
    iam.remove_user_from_group()
        .group_name(&group)
        .user_name(&user)
        .send()
        .await
        .unwrap();
    iam.delete_group().group_name(&group).send().await.unwrap();
}

#[tokio::test]
async fn role_trust_policy_comes_back_percent_encoded_and_verbatim() {
    let (_server, iam) = start().await;
    let name = unique("app");
    // Unusual whitespace and characters that must survive byte for byte (api.md §1.4).
    let trust = "{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ {\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\", \"Sid\": \"Trust1\", \"Condition\": {\"StringLike\": {\"aws:PrincipalTag/team\": \"a*b~c é\"}}} ]\n}";
    let created = iam
        .create_role()
        .role_name(&name)
        .assume_role_policy_document(trust)
        .max_session_duration(7200)
        .tags(Tag::builder().key("env").value("dev").build().unwrap())
        .send()
        .await
        .unwrap()
        .role
        .unwrap();
    let encoded = utf8_percent_encode(trust, AWS_ENCODE).to_string();
    assert!(
        ["%0A", "%2A", "%20", "~", "%C3%A9"]
            .iter()
            .all(|part| encoded.contains(part))
    );
    // aws-sdk-rust hands the document back still percent-encoded.
    assert_eq!(
        created.assume_role_policy_document(),
        Some(encoded.as_str())
    );
    assert!(created.role_id().starts_with("AROA"));
    assert_eq!(created.max_session_duration(), None, "CreateRole omits it");

    let role = iam
        .get_role()
        .role_name(&name)
        .send()
        .await
        .unwrap()
        .role
        .unwrap();
    let doc = role.assume_role_policy_document().unwrap();
    assert_eq!(doc, encoded);
    assert_eq!(
        percent_decode_str(doc).decode_utf8().unwrap(),
        trust,
        "verbatim after decoding"
    );
    assert_eq!(role.max_session_duration(), Some(7200));
    assert!(role.role_last_used().is_some());
    assert_eq!(role.tags().len(), 1);
    assert_eq!(
        expect_err(iam.get_role().role_name("no-such-role").send().await),
        owned(
            "NoSuchEntity",
            "The role with name no-such-role cannot be found.",
            404
        )
    );
    iam.delete_role().role_name(&name).send().await.unwrap();
}

#[tokio::test]
async fn managed_policy_versions() {
    let (_server, iam) = start().await;
    let document = allow("s3:GetObject");
    let policy = iam
        .create_policy()
        .policy_name(unique("pol"))
        .policy_document(&document)
        .send()
        .await
        .unwrap()
        .policy
        .unwrap();
    let policy_arn = policy.arn().unwrap().to_owned();
    assert!(policy.policy_id().unwrap().starts_with("ANPA"));
    assert_eq!(policy.default_version_id(), Some("v1"));
    assert_eq!(policy.attachment_count(), Some(0));
    for n in 2..=5 {
        let v = iam
            .create_policy_version()
            .policy_arn(&policy_arn)
            .policy_document(allow(&format!("s3:Action{n}")))
            .send()
            .await
            .unwrap()
            .policy_version
            .unwrap();
        assert_eq!(v.version_id(), Some(format!("v{n}").as_str()));
        assert!(v.document().is_none(), "CreatePolicyVersion omits Document");
    }
    assert_eq!(
        expect_err(
            iam.create_policy_version()
                .policy_arn(&policy_arn)
                .policy_document(allow("s3:Six"))
                .send()
                .await
        ),
        owned(
            "LimitExceeded",
            "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.",
            409
        )
    );
    iam.delete_policy_version()
        .policy_arn(&policy_arn)
        .version_id("v3")
        .send()
        .await
        .unwrap();
    let v6 = iam
        .create_policy_version()
        .policy_arn(&policy_arn)
        .policy_document(allow("s3:Six"))
        .set_as_default(true)
        .send()
        .await
        .unwrap()
        .policy_version
        .unwrap();
    assert_eq!(v6.version_id(), Some("v6"), "version ids are never reused");
    assert!(v6.is_default_version());
    let versions: Vec<String> = iam
        .list_policy_versions()
        .policy_arn(&policy_arn)
        .send()
        .await
        .unwrap()
        .versions()
        .iter()
        .filter_map(|v| v.version_id().map(str::to_owned))
        .collect();
    assert_eq!(versions, ["v6", "v5", "v4", "v2", "v1"]);
    let v1 = iam
        .get_policy_version()
        .policy_arn(&policy_arn)
        .version_id("v1")
        .send()
        .await
        .unwrap()
        .policy_version
        .unwrap();
    let doc = v1.document().unwrap();
    assert_eq!(doc, utf8_percent_encode(&document, AWS_ENCODE).to_string());
    assert_eq!(percent_decode_str(doc).decode_utf8().unwrap(), document);
    assert_eq!(
        expect_err(
            iam.delete_policy_version()
                .policy_arn(&policy_arn)
                .version_id("v6")
                .send()
                .await
        ),
        owned(
            "DeleteConflict",
            "Cannot delete the default version of a policy.",
            409
        )
    );
}

#[tokio::test]
async fn attachments_and_inline_policies() {
    let (_server, iam) = start().await;
    let user = unique("att");
    iam.create_user().user_name(&user).send().await.unwrap();
    let policy_arn = iam
        .create_policy()
        .policy_name(unique("pol"))
        .policy_document(allow("s3:*"))
        .send()
        .await
        .unwrap()
        .policy
        .unwrap()
        .arn
        .unwrap();
    iam.attach_user_policy()
        .user_name(&user)
        .policy_arn(&policy_arn)
        .send()
        .await
        .unwrap();
    let attached = iam
        .list_attached_user_policies()
        .user_name(&user)
        .send()
        .await
        .unwrap();
    let arns: Vec<&str> = attached
        .attached_policies()
        .iter()
        .filter_map(|p| p.policy_arn())
        .collect();
    assert_eq!(arns, [policy_arn.as_str()]);
    let count = iam
        .get_policy()
        .policy_arn(&policy_arn)
        .send()
        .await
        .unwrap()
        .policy
        .unwrap()
        .attachment_count;
    assert_eq!(count, Some(1));

    let inline = "{ \"Version\": \"2012-10-17\", \"Statement\": { \"Effect\": \"Allow\", \"Action\": \"iam:GetUser\", \"Resource\": \"*\" } }";
    iam.put_user_policy()
        .user_name(&user)
        .policy_name("inline")
        .policy_document(inline)
        .send()
        .await
        .unwrap();
    let got = iam
        .get_user_policy()
        .user_name(&user)
        .policy_name("inline")
        .send()
        .await
        .unwrap();
    assert_eq!(
        got.policy_document(),
        utf8_percent_encode(inline, AWS_ENCODE).to_string()
    );
    assert_eq!(
        expect_err(iam.delete_user().user_name(&user).send().await),
        owned(
            "DeleteConflict",
            "Cannot delete entity, must delete policies first.",
            409
        )
    );
    let missing = arn(&format!("policy/{}", unique("gone")));
    assert_eq!(
        expect_err(
            iam.attach_user_policy()
                .user_name(&user)
                .policy_arn(&missing)
                .send()
                .await
        ),
        owned(
            "NoSuchEntity",
            &format!("Policy {missing} does not exist or is not attachable."),
            404
        )
    );
}

#[tokio::test]
async fn access_keys_authenticate_and_deactivate() {
    let (server, iam) = start().await;
    let (name, client, key_id) = user_with_client(&server, &iam, "keys").await;
    assert!(key_id.starts_with("AKIA") && key_id.len() == 20);
    let listed = iam
        .list_access_keys()
        .user_name(&name)
        .send()
        .await
        .unwrap();
    let ids: Vec<&str> = listed
        .access_key_metadata()
        .iter()
        .filter_map(|k| k.access_key_id())
        .collect();
    assert_eq!(ids, [key_id.as_str()]);
    // The key authenticates: the user is denied (no policy), not rejected as unknown.
    assert_eq!(
        expect_err(client.list_users().send().await).0,
        "AccessDenied"
    );
    iam.update_access_key()
        .user_name(&name)
        .access_key_id(&key_id)
        .status(StatusType::Inactive)
        .send()
        .await
        .unwrap();
    assert_eq!(
        expect_err(client.list_users().send().await),
        owned(
            "InvalidClientTokenId",
            "The security token included in the request is invalid.",
            403
        )
    );
    iam.create_access_key()
        .user_name(&name)
        .send()
        .await
        .unwrap();
    assert_eq!(
        expect_err(iam.create_access_key().user_name(&name).send().await),
        owned(
            "LimitExceeded",
            "Cannot exceed quota for AccessKeysPerUser: 2",
            409
        )
    );
    iam.delete_access_key()
        .user_name(&name)
        .access_key_id(&key_id)
        .send()
        .await
        .unwrap();
    assert_eq!(
        expect_err(
            iam.delete_access_key()
                .user_name(&name)
                .access_key_id(&key_id)
                .send()
                .await
        ),
        owned(
            "NoSuchEntity",
            &format!("The Access Key with id {key_id} cannot be found"),
            404
        )
    );
}

#[tokio::test]
async fn wrong_secret_is_signature_does_not_match() {
    let (server, _iam) = start().await;
    let client = server
        .client(
            warden_e2e::ROOT_ACCESS_KEY_ID,
            "wrong-secret-wrong-secret-wrong-secret00",
        )
        .await;
    assert_eq!(
        expect_err(client.list_users().send().await),
        owned(
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
            403
        )
    );
}

#[tokio::test]
async fn paginators_walk_every_page() {
    let (_server, iam) = start().await;
    let path = format!("/{}/", unique("pg"));
    let mut names: Vec<String> = (0..5).map(|_| unique("pu")).collect();
    for name in &names {
        iam.create_user()
            .user_name(name)
            .path(&path)
            .send()
            .await
            .unwrap();
    }
    names.sort();
    let pages: Vec<_> = iam
        .list_users()
        .path_prefix(&path)
        .max_items(2)
        .into_paginator()
        .send()
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(pages.len(), 3);
    assert!(pages[0].is_truncated() && pages[0].marker().is_some());
    assert!(!pages[2].is_truncated() && pages[2].marker().is_none());
    let seen: Vec<String> = pages
        .iter()
        .flat_map(|p| p.users().iter().map(|u| u.user_name().to_owned()))
        .collect();
    assert_eq!(seen, names);

    // The item-level paginator flattens the same listing.
    let items: Vec<String> = iam
        .list_users()
        .path_prefix(&path)
        .max_items(2)
        .into_paginator()
        .items()
        .send()
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .map(|u| u.unwrap().user_name().to_owned())
        .collect();
    assert_eq!(items, names);
}

#[tokio::test]
async fn access_denied_code_and_message_via_provide_error_metadata() {
    let (server, iam) = start().await;
    let (name, client, _) = user_with_client(&server, &iam, "denied").await;
    let err = client.list_users().send().await.unwrap_err();
    assert_eq!(err.code(), Some("AccessDenied"));
    assert_eq!(
        err.message(),
        Some(
            format!(
                "User: arn:aws:iam::{ACCOUNT_ID}:user/{name} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::{ACCOUNT_ID}:user/ because no identity-based policy allows the iam:ListUsers action"
            )
            .as_str()
        )
    );
    assert_eq!(err.raw_response().map(|r| r.status().as_u16()), Some(403));
    // Authorization precedes existence checks (api.md §1.8): a missing user is not revealed.
    assert_eq!(
        expect_err(client.get_user().user_name("nobody-here").send().await),
        owned(
            "AccessDenied",
            &format!(
                "User: arn:aws:iam::{ACCOUNT_ID}:user/{name} is not authorized to perform: iam:GetUser on resource: arn:aws:iam::{ACCOUNT_ID}:user/nobody-here because no identity-based policy allows the iam:GetUser action"
            ),
            403
        )
    );
}

#[tokio::test]
async fn user_tags_round_trip() {
    let (_server, iam) = start().await;
    let name = unique("tags");
    iam.create_user()
        .user_name(&name)
        .tags(Tag::builder().key("Team").value("blue").build().unwrap())
        .send()
        .await
        .unwrap();
    iam.tag_user()
        .user_name(&name)
        .tags(Tag::builder().key("team").value("red").build().unwrap())
        .tags(Tag::builder().key("env").value("").build().unwrap())
        .send()
        .await
        .unwrap();
    let tags = iam.list_user_tags().user_name(&name).send().await.unwrap();
    let mut pairs: Vec<(String, String)> = tags
        .tags()
        .iter()
        .map(|t| (t.key().to_lowercase(), t.value().to_owned()))
        .collect();
    pairs.sort();
    assert_eq!(
        pairs,
        [
            ("env".to_owned(), String::new()),
            ("team".to_owned(), "red".to_owned())
        ]
    );
    iam.untag_user()
        .user_name(&name)
        .tag_keys("ENV")
        .send()
        .await
        .unwrap();
    let left = iam.list_user_tags().user_name(&name).send().await.unwrap();
    assert_eq!(left.tags().len(), 1);
}

#[tokio::test]
async fn access_denied_then_allowed_then_explicitly_denied() {
    let (server, iam) = start().await;
    let (name, client, _) = user_with_client(&server, &iam, "authz").await;
    let err = client.list_users().send().await.unwrap_err();
    assert_eq!(
        parts(&err),
        owned(
            "AccessDenied",
            &format!(
                "User: arn:aws:iam::{ACCOUNT_ID}:user/{name} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::{ACCOUNT_ID}:user/ because no identity-based policy allows the iam:ListUsers action"
            ),
            403
        )
    );
    let policy_arn = iam
        .create_policy()
        .policy_name(unique("allow"))
        .policy_document(allow("iam:ListUsers"))
        .send()
        .await
        .unwrap()
        .policy
        .unwrap()
        .arn
        .unwrap();
    iam.attach_user_policy()
        .user_name(&name)
        .policy_arn(&policy_arn)
        .send()
        .await
        .unwrap();
    client.list_users().send().await.unwrap();
    iam.put_user_policy()
        .user_name(&name)
        .policy_name("deny")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ListUsers","Resource":"*"}]}"#,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        expect_err(client.list_users().send().await),
        owned(
            "AccessDenied",
            &format!(
                "User: arn:aws:iam::{ACCOUNT_ID}:user/{name} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::{ACCOUNT_ID}:user/ with an explicit deny in an identity-based policy"
            ),
            403
        )
    );
}
