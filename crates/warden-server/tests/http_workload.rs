//! In-process tests of the workload registry and the container credentials endpoint
//! (`GET /_warden/workload/credentials`, `warden_server::workload`) on SQLite and
//! PostgreSQL.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use std::time::SystemTime;

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use axum::body::Body;
use common::{ACCOUNT, Resp, Server, form};
use handlers_support::TRUST;

/// A trust policy that lets EC2 (instance profiles) assume the role.
const EC2_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use warden_core::{Clock, Store, Transaction};
use warden_server::workload::{self, CREDENTIALS_PATH, WorkloadError};

fn account() -> warden_types::AccountId {
    ACCOUNT.parse().unwrap()
}

fn now<S: Store>(srv: &Server<S>) -> OffsetDateTime {
    srv.clock.now()
}

/// A role `web-role` in instance profile `web`.
async fn profile_with_role<S: Store>(srv: &Server<S>) {
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "web-role"),
            ("AssumeRolePolicyDocument", EC2_TRUST),
        ],
    )
    .await
    .assert_ok();
    srv.call("CreateInstanceProfile", &[("InstanceProfileName", "web")])
        .await
        .assert_ok();
    srv.call(
        "AddRoleToInstanceProfile",
        &[("InstanceProfileName", "web"), ("RoleName", "web-role")],
    )
    .await
    .assert_ok();
}

async fn register<S: Store>(srv: &Server<S>, profile: &str) -> (String, String) {
    let (w, token) = workload::register(&srv.store, account(), profile, None, now(srv))
        .await
        .unwrap();
    (w.id, token.expose().to_owned())
}

async fn fetch<S: Store>(srv: &Server<S>, authorization: Option<&str>) -> Resp {
    let mut req = http::Request::builder()
        .method("GET")
        .uri(CREDENTIALS_PATH)
        .header("user-agent", "aws-sdk-test/1.0");
    if let Some(a) = authorization {
        req = req.header("authorization", a);
    }
    srv.send(req.body(Body::empty()).unwrap()).await
}

/// Credentials from a fetch that must succeed.
async fn fetch_ok<S: Store>(srv: &Server<S>, token: &str) -> Value {
    let r = fetch(srv, Some(token)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    json(&r)
}

fn json(resp: &Resp) -> Value {
    serde_json::from_str(&resp.body).unwrap()
}

/// An STS call signed with temporary credentials.
async fn sts_as<S: Store>(srv: &Server<S>, creds: &Value, action: &str) -> Resp {
    let identity: Identity = Credentials::new(
        creds["AccessKeyId"].as_str().unwrap(),
        creds["SecretAccessKey"].as_str().unwrap(),
        Some(creds["Token"].as_str().unwrap().to_owned()),
        None,
        "test",
    )
    .into();
    let time: SystemTime = srv.now();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region("us-east-1")
        .name("sts")
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .unwrap()
        .into();
    let body = form(&[("Action", action), ("Version", "2011-06-15")]);
    let headers = [
        ("host", "localhost:8700"),
        (
            "content-type",
            "application/x-www-form-urlencoded; charset=utf-8",
        ),
    ];
    let signable = SignableRequest::new(
        "POST",
        "http://localhost:8700/",
        headers.iter().copied(),
        SignableBody::Bytes(body.as_bytes()),
    )
    .unwrap();
    let (instructions, _) = sign(signable, &params).unwrap().into_parts();
    let mut req = http::Request::builder().method("POST").uri("/");
    for (n, v) in headers {
        req = req.header(n, v);
    }
    let mut req = req.body(Body::from(body)).unwrap();
    instructions.apply_to_request_http1x(&mut req);
    srv.send(req).await
}

async fn good_token<S: Store>(srv: Server<S>) {
    profile_with_role(&srv).await;
    let (id, token) = register(&srv, "web").await;
    let r = fetch(&srv, Some(&token)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.content_type.as_deref(), Some("application/json"));
    let creds = json(&r);
    assert!(
        creds["AccessKeyId"].as_str().unwrap().starts_with("ASIA"),
        "{creds}"
    );
    assert_eq!(creds["SecretAccessKey"].as_str().unwrap().len(), 40);
    assert!(!creds["Token"].as_str().unwrap().is_empty());
    assert_eq!(creds["RoleArn"], "arn:aws:iam::123456789012:role/web-role");
    assert_eq!(creds["AccountId"], ACCOUNT);
    // Default lifetime: one hour, ISO 8601 in UTC.
    let expected = (now(&srv) + time::Duration::hours(1))
        .format(&Rfc3339)
        .unwrap();
    assert_eq!(creds["Expiration"], expected.as_str());
    assert!(expected.ends_with('Z'), "{expected}");
    // The session is the profile's role, with the workload id as session name.
    let who = sts_as(&srv, &creds, "GetCallerIdentity").await;
    who.assert_ok();
    assert_eq!(
        who.text("Arn").unwrap(),
        format!("arn:aws:sts::123456789012:assumed-role/web-role/{id}")
    );
    // Audited as an AssumeRole by the workload, without any secret.
    let events = srv.audit().await;
    let event = events
        .iter()
        .find(|e| e["eventName"] == "AssumeRole")
        .expect("an AssumeRole event");
    assert_eq!(event["userIdentity"]["type"], "AWSService");
    assert_eq!(event["userIdentity"]["workloadId"], id.as_str());
    assert_eq!(event["userIdentity"]["workloadName"], "web");
    assert_eq!(event["eventSource"], "sts.amazonaws.com");
    assert_eq!(
        event["requestParameters"]["roleArn"],
        "arn:aws:iam::123456789012:role/web-role"
    );
    assert_eq!(
        event["responseElements"]["credentials"]["accessKeyId"],
        creds["AccessKeyId"]
    );
    let text = event.to_string();
    for secret in [
        creds["SecretAccessKey"].as_str().unwrap(),
        creds["Token"].as_str().unwrap(),
        token.as_str(),
        token.split_once('.').unwrap().1,
    ] {
        assert!(!text.contains(secret), "secret leaked into {text}");
    }
    // Only a hash of the token is stored.
    let mut tx = srv.store.begin().await.unwrap();
    let stored = tx.workload(&id).await.unwrap().unwrap();
    tx.rollback().await.unwrap();
    assert_eq!(stored.token_sha256.len(), 64);
    assert!(!token.contains(&stored.token_sha256));
    assert!(!format!("{stored:?}").contains(&stored.token_sha256));
    // Each fetch is a new session.
    let again = fetch_ok(&srv, &token).await;
    assert_ne!(again["AccessKeyId"], creds["AccessKeyId"]);
}

async fn bad_tokens<S: Store>(srv: Server<S>) {
    profile_with_role(&srv).await;
    let (id, token) = register(&srv, "web").await;
    for missing in [None, Some(""), Some("   ")] {
        let r = fetch(&srv, missing).await;
        assert_eq!(r.status, 401, "{}", r.body);
        assert_eq!(json(&r)["Code"], "MissingAuthorizationToken");
    }
    let unknown_id = format!(
        "wl-00000000000000000000.{}",
        token.split_once('.').unwrap().1
    );
    let wrong_secret = format!("{id}.{}", "0".repeat(64));
    let denied = fetch(&srv, Some(&unknown_id)).await;
    assert_eq!(denied.status, 403, "{}", denied.body);
    assert_eq!(json(&denied)["Code"], "AccessDenied");
    // Every invalid token gets the very same answer: nothing tells whether it exists.
    for bad in [
        wrong_secret.as_str(),
        "garbage",
        &format!("Bearer {token}"),
        &token[..token.len() - 1],
    ] {
        let r = fetch(&srv, Some(bad)).await;
        assert_eq!((r.status, r.body.as_str()), (403, denied.body.as_str()));
    }
    // Revoked: the same answer as unknown.
    workload::revoke(&srv.store, &id, now(&srv)).await.unwrap();
    let r = fetch(&srv, Some(&token)).await;
    assert_eq!((r.status, r.body.as_str()), (403, denied.body.as_str()));
    // Nothing was issued; every refusal is audited as a failed AssumeRole, never with the
    // token's secret. Attempts naming an existing workload land in its account's trail.
    let events = srv.audit().await;
    let refusals: Vec<&Value> = events
        .iter()
        .filter(|e| e["eventName"] == "AssumeRole")
        .collect();
    assert_eq!(refusals.len(), 6, "{refusals:?}");
    for event in &refusals {
        assert_eq!(event["errorCode"], "AccessDenied", "{event}");
        assert_eq!(
            event["errorMessage"],
            "The workload authorization token is not valid."
        );
        assert!(event["responseElements"].is_null(), "{event}");
        assert_eq!(event["userIdentity"]["type"], "Unknown", "{event}");
        let text = event.to_string();
        assert!(!text.contains(token.split_once('.').unwrap().1), "{text}");
    }
    assert!(
        refusals
            .iter()
            .any(|e| e["requestParameters"]["workloadId"] == id.as_str())
    );
    // Only GET.
    let post = http::Request::builder()
        .method("POST")
        .uri(CREDENTIALS_PATH)
        .header("authorization", &token)
        .body(Body::empty())
        .unwrap();
    assert_eq!(srv.send(post).await.status, 405);
}

async fn profile_without_role<S: Store>(srv: Server<S>) {
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "later"),
            ("AssumeRolePolicyDocument", EC2_TRUST),
        ],
    )
    .await
    .assert_ok();
    srv.call("CreateInstanceProfile", &[("InstanceProfileName", "empty")])
        .await
        .assert_ok();
    let (_, token) = register(&srv, "empty").await;
    let r = fetch(&srv, Some(&token)).await;
    assert_eq!(r.status, 404, "{}", r.body);
    assert_eq!(json(&r)["Code"], "NoSuchEntity");
    assert_eq!(
        json(&r)["Message"],
        "Instance profile empty contains no role."
    );
    // Adding the role makes the same token work at once.
    srv.call(
        "AddRoleToInstanceProfile",
        &[("InstanceProfileName", "empty"), ("RoleName", "later")],
    )
    .await
    .assert_ok();
    let r = fetch(&srv, Some(&token)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(json(&r)["RoleArn"], "arn:aws:iam::123456789012:role/later");
    // A deleted profile, even when re-created under the same name, is not the workload's.
    srv.call(
        "RemoveRoleFromInstanceProfile",
        &[("InstanceProfileName", "empty"), ("RoleName", "later")],
    )
    .await
    .assert_ok();
    srv.call("DeleteInstanceProfile", &[("InstanceProfileName", "empty")])
        .await
        .assert_ok();
    srv.call("CreateInstanceProfile", &[("InstanceProfileName", "empty")])
        .await
        .assert_ok();
    srv.call(
        "AddRoleToInstanceProfile",
        &[("InstanceProfileName", "empty"), ("RoleName", "later")],
    )
    .await
    .assert_ok();
    let r = fetch(&srv, Some(&token)).await;
    assert_eq!(r.status, 404, "{}", r.body);
    assert_eq!(
        json(&r)["Message"],
        "The instance profile of this workload no longer exists."
    );
    // Both refusals are in the trail, naming the workload.
    let events = srv.audit().await;
    let mut messages: Vec<&str> = events
        .iter()
        .filter(|e| e["eventName"] == "AssumeRole" && e["errorCode"] == "NoSuchEntity")
        .inspect(|e| assert_eq!(e["userIdentity"]["workloadName"], "empty", "{e}"))
        .filter_map(|e| e["errorMessage"].as_str())
        .collect();
    messages.sort_unstable();
    assert_eq!(
        messages,
        [
            "Instance profile empty contains no role.",
            "The instance profile of this workload no longer exists."
        ]
    );
}

async fn sessions_expire<S: Store>(srv: Server<S>) {
    profile_with_role(&srv).await;
    let (_, token) = register(&srv, "web").await;
    let first = fetch_ok(&srv, &token).await;
    sts_as(&srv, &first, "GetCallerIdentity").await.assert_ok();
    srv.advance(3601);
    let r = sts_as(&srv, &first, "GetCallerIdentity").await;
    assert_eq!(
        (r.status, r.code()),
        (403, "ExpiredToken".to_owned()),
        "{}",
        r.body
    );
    // The provider refreshes: a new session that works.
    let second = fetch_ok(&srv, &token).await;
    assert_ne!(second["AccessKeyId"], first["AccessKeyId"]);
    sts_as(&srv, &second, "GetCallerIdentity").await.assert_ok();
}

async fn registry<S: Store>(srv: Server<S>) {
    profile_with_role(&srv).await;
    srv.call("CreateInstanceProfile", &[("InstanceProfileName", "other")])
        .await
        .assert_ok();
    assert!(matches!(
        workload::register(&srv.store, account(), "nope", None, now(&srv)).await,
        Err(WorkloadError::NoSuchInstanceProfile(p)) if p == "nope"
    ));
    assert!(matches!(
        workload::register(
            &srv.store,
            "999999999999".parse().unwrap(),
            "web",
            None,
            now(&srv)
        )
        .await,
        Err(WorkloadError::NoSuchAccount(_))
    ));
    let (a, token_a) = workload::register(&srv.store, account(), "WEB", Some("api"), now(&srv))
        .await
        .unwrap();
    let (b, token_b) = workload::register(&srv.store, account(), "other", None, now(&srv))
        .await
        .unwrap();
    assert_ne!(token_a, token_b);
    assert_ne!(a.id, b.id);
    assert_eq!((a.name.as_str(), b.name.as_str()), ("api", "other"));
    let listed = workload::list(&srv.store, None).await.unwrap();
    let summary: Vec<(&str, Option<&str>, bool)> = listed
        .iter()
        .map(|w| {
            (
                w.workload.id.as_str(),
                w.instance_profile.as_deref(),
                w.workload.revoked.is_some(),
            )
        })
        .collect();
    assert!(
        summary.contains(&(a.id.as_str(), Some("web"), false)),
        "{summary:?}"
    );
    assert!(
        summary.contains(&(b.id.as_str(), Some("other"), false)),
        "{summary:?}"
    );
    assert_eq!(
        workload::list(&srv.store, Some("999999999999".parse().unwrap()))
            .await
            .unwrap(),
        Vec::new()
    );
    let first = now(&srv);
    workload::revoke(&srv.store, &a.id, first).await.unwrap();
    srv.advance(60);
    workload::revoke(&srv.store, &a.id, now(&srv))
        .await
        .unwrap();
    let listed = workload::list(&srv.store, Some(account())).await.unwrap();
    let revoked = listed.iter().find(|w| w.workload.id == a.id).unwrap();
    assert_eq!(
        revoked.workload.revoked.map(|t| t.unix_timestamp()),
        Some(first.unix_timestamp())
    );
    assert!(matches!(
        workload::revoke(&srv.store, "wl-00000000000000000000", now(&srv)).await,
        Err(WorkloadError::NoSuchWorkload(_))
    ));
    // The other workload still works.
    assert_eq!(fetch(&srv, Some(token_b.expose())).await.status, 404); // `other` has no role
    assert_eq!(fetch(&srv, Some(token_a.expose())).await.status, 403);
}

/// The role must trust `ec2.amazonaws.com`, as for EC2 instance profiles.
async fn role_must_trust_ec2<S: Store>(srv: Server<S>) {
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "untrusting"),
            ("AssumeRolePolicyDocument", TRUST),
        ],
    )
    .await
    .assert_ok();
    srv.call("CreateInstanceProfile", &[("InstanceProfileName", "p")])
        .await
        .assert_ok();
    srv.call(
        "AddRoleToInstanceProfile",
        &[("InstanceProfileName", "p"), ("RoleName", "untrusting")],
    )
    .await
    .assert_ok();
    let (_, token) = register(&srv, "p").await;
    let r = fetch(&srv, Some(&token)).await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert_eq!(json(&r)["Code"], "AccessDenied");
    assert_eq!(
        json(&r)["Message"],
        "The trust policy of role arn:aws:iam::123456789012:role/untrusting does not allow ec2.amazonaws.com to perform sts:AssumeRole."
    );
    // A trust policy that allows EC2 only under a condition this request does not meet.
    let conditional = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"#;
    srv.call(
        "UpdateAssumeRolePolicy",
        &[("RoleName", "untrusting"), ("PolicyDocument", conditional)],
    )
    .await
    .assert_ok();
    assert_eq!(fetch(&srv, Some(&token)).await.status, 403);
    srv.call(
        "UpdateAssumeRolePolicy",
        &[("RoleName", "untrusting"), ("PolicyDocument", EC2_TRUST)],
    )
    .await
    .assert_ok();
    let r = fetch(&srv, Some(&token)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let events = srv.audit().await;
    let assume: Vec<&Value> = events
        .iter()
        .filter(|e| e["eventName"] == "AssumeRole")
        .collect();
    // Two refusals (the workload authenticated: it is named) and the issued session.
    // Refusals are written by the background writer: their order against the issued
    // session's event is not fixed.
    let (refusals, issued): (Vec<&Value>, Vec<&Value>) =
        assume.iter().partition(|e| !e["errorCode"].is_null());
    assert_eq!((refusals.len(), issued.len()), (2, 1), "{assume:?}");
    for refused in refusals {
        assert_eq!(refused["errorCode"], "AccessDenied");
        assert_eq!(refused["userIdentity"]["type"], "AWSService");
        assert_eq!(refused["userIdentity"]["workloadName"], "p");
        assert!(
            refused["errorMessage"]
                .as_str()
                .unwrap()
                .starts_with("The trust policy of role arn:aws:iam::123456789012:role/untrusting")
        );
    }
}

/// The endpoint has no credential scope: sessions, their audit records (issued and
/// refused) and unsigned STS calls take the deployment's configured region.
async fn the_configured_region<S: Store>(srv: Server<S>) {
    profile_with_role(&srv).await;
    let (_, token) = register(&srv, "web").await;
    let node = common::node_with(&srv, |config| config.region = "eu-west-1".to_owned());
    fetch_ok(&node, &token).await;
    let refused = fetch(&node, Some("wl-00000000000000000000.nope")).await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    // An unsigned AssumeRoleWithWebIdentity with a token that is not a JWT: refused.
    let unsigned = node
        .send(
            http::Request::builder()
                .method("POST")
                .uri("/")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(form(&[
                    ("Action", "AssumeRoleWithWebIdentity"),
                    ("Version", "2011-06-15"),
                    ("RoleArn", "arn:aws:iam::123456789012:role/web-role"),
                    ("RoleSessionName", "s"),
                    ("WebIdentityToken", "not-a-jwt"),
                ])))
                .unwrap(),
        )
        .await;
    assert_eq!(unsigned.status, 400, "{}", unsigned.body);
    let events = node.audit().await;
    let regions: Vec<(&str, &str, bool)> = events
        .iter()
        .filter(|e| e["eventSource"] == "sts.amazonaws.com")
        .map(|e| {
            (
                e["eventName"].as_str().unwrap(),
                e["awsRegion"].as_str().unwrap(),
                e.get("errorCode").is_some_and(|c| !c.is_null()),
            )
        })
        .collect();
    assert!(
        regions.contains(&("AssumeRole", "eu-west-1", false)),
        "{regions:?}"
    );
    assert!(
        regions.contains(&("AssumeRole", "eu-west-1", true)),
        "{regions:?}"
    );
    assert!(
        regions.contains(&("AssumeRoleWithWebIdentity", "eu-west-1", true)),
        "{regions:?}"
    );
    assert!(
        regions.iter().all(|(_, region, _)| *region == "eu-west-1"),
        "{regions:?}"
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

on_both_backends!(
    good_token,
    bad_tokens,
    profile_without_role,
    sessions_expire,
    registry,
    role_must_trust_ec2,
    the_configured_region,
);
