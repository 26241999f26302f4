//! Trust policies bind the users and roles they name by unique id (policy.md §1.7.3
//! points 2-3, spec case 68): a deleted-and-recreated principal with the same name is not
//! trusted, and the document shows the unique id in place of a deleted principal's ARN.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::{ACCOUNT, Resp, Server, form, signed};
use handlers_support::{all_texts, percent_decode};
use warden_core::Store;

const ALLOW_ASSUME: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#;

fn trust(principal: &str) -> String {
    // Odd spacing on purpose: everything but the principal token must come back unchanged.
    format!(
        r#"{{"Version":"2012-10-17", "Statement":[ {{"Effect":"Allow","Principal":{{"AWS":"{principal}"}},"Action":"sts:AssumeRole"}}]}}"#
    )
}

/// Creates user `name` with an access key and an identity policy allowing AssumeRole;
/// returns its unique id and key.
async fn user<S: Store>(srv: &Server<S>, name: &str) -> (String, (String, String)) {
    let r = srv.call("CreateUser", &[("UserName", name)]).await;
    r.assert_ok();
    let id = r.text("UserId").unwrap();
    let k = srv.call("CreateAccessKey", &[("UserName", name)]).await;
    k.assert_ok();
    srv.call(
        "PutUserPolicy",
        &[
            ("UserName", name),
            ("PolicyName", "assume"),
            ("PolicyDocument", ALLOW_ASSUME),
        ],
    )
    .await
    .assert_ok();
    (
        id,
        (
            k.text("AccessKeyId").unwrap(),
            k.text("SecretAccessKey").unwrap(),
        ),
    )
}

async fn delete_user<S: Store>(srv: &Server<S>, name: &str, key: &str) {
    for (action, params) in [
        (
            "DeleteUserPolicy",
            vec![("UserName", name), ("PolicyName", "assume")],
        ),
        (
            "DeleteAccessKey",
            vec![("UserName", name), ("AccessKeyId", key)],
        ),
        ("DeleteUser", vec![("UserName", name)]),
    ] {
        srv.call(action, &params).await.assert_ok();
    }
}

/// Asserts that the assume call succeeded.
fn assumed(r: &Resp) {
    assert!(r.body.contains("<AssumeRoleResult>"), "{}", r.body);
}

async fn assume<S: Store>(srv: &Server<S>, creds: &(String, String), role_arn: &str) -> Resp {
    let body = form(&[
        ("Action", "AssumeRole"),
        ("Version", "2011-06-15"),
        ("RoleArn", role_arn),
        ("RoleSessionName", "s1"),
    ]);
    srv.send(signed((&creds.0, &creds.1), "sts", &body, srv.now()))
        .await
}

async fn shown_trust<S: Store>(srv: &Server<S>, role: &str) -> String {
    let r = srv.call("GetRole", &[("RoleName", role)]).await;
    r.assert_ok();
    percent_decode(&r.text("AssumeRolePolicyDocument").unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recreated_user_is_not_trusted_and_the_document_shows_the_old_id() {
    let srv = common::sqlite().await;
    let user_arn = format!("arn:aws:iam::{ACCOUNT}:user/alice");
    let role_arn = format!("arn:aws:iam::{ACCOUNT}:role/r");
    let (old_id, old_key) = user(&srv, "alice").await;
    let text = trust(&user_arn);
    srv.call(
        "CreateRole",
        &[("RoleName", "r"), ("AssumeRolePolicyDocument", &text)],
    )
    .await
    .assert_ok();
    assumed(&assume(&srv, &old_key, &role_arn).await);
    assert_eq!(
        shown_trust(&srv, "r").await,
        text,
        "verbatim while alice exists"
    );

    delete_user(&srv, "alice", &old_key.0).await;
    // policy.md §1.7.3 point 3: only the principal token changes.
    let shown = trust(&old_id);
    assert_eq!(shown_trust(&srv, "r").await, shown);
    let listed = srv.call("ListRoles", &[]).await;
    listed.assert_ok();
    let docs: Vec<_> = all_texts(&listed, "AssumeRolePolicyDocument")
        .iter()
        .map(|d| percent_decode(d))
        .collect();
    assert_eq!(docs, std::slice::from_ref(&shown));

    // Point 2: a new alice is another entity; the trust does not follow the name.
    let (new_id, new_key) = user(&srv, "alice").await;
    assert_ne!(new_id, old_id);
    let denied = assume(&srv, &new_key, &role_arn).await;
    assert_eq!(
        (denied.status, denied.code().as_str()),
        (403, "AccessDenied"),
        "{}",
        denied.body
    );
    // The ARN names an existing user again, but the stored binding is still the old id.
    assert_eq!(shown_trust(&srv, "r").await, shown);

    // Saving the policy again binds it to the user that now carries the name.
    srv.call(
        "UpdateAssumeRolePolicy",
        &[("RoleName", "r"), ("PolicyDocument", &text)],
    )
    .await
    .assert_ok();
    assert_eq!(shown_trust(&srv, "r").await, text);
    assumed(&assume(&srv, &new_key, &role_arn).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trusted_role_deleted_is_shown_by_id_in_the_trusting_role() {
    let srv = common::sqlite().await;
    let service = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    let created = srv
        .call(
            "CreateRole",
            &[
                ("RoleName", "source"),
                ("AssumeRolePolicyDocument", service),
            ],
        )
        .await;
    created.assert_ok();
    let source_id = created.text("RoleId").unwrap();
    let text = trust(&format!("arn:aws:iam::{ACCOUNT}:role/source"));
    srv.call(
        "CreateRole",
        &[("RoleName", "target"), ("AssumeRolePolicyDocument", &text)],
    )
    .await
    .assert_ok();
    srv.call("DeleteRole", &[("RoleName", "source")])
        .await
        .assert_ok();
    assert_eq!(shown_trust(&srv, "target").await, trust(&source_id));
}
