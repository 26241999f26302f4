//! In-process HTTP tests of STS (api.md §6, §7) and of requests signed with session
//! credentials (api.md §2.7).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
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
use common::{ACCOUNT, ROOT, Resp, Server, form};
use handlers_support::{doc, eventually, store_user_policy};
use warden_core::Store;
use warden_server::bootstrap::{RootKey, ensure_account};

const ACCOUNT_B: &str = "210987654321";
const ROOT_B: (&str, &str) = (
    "AKIAROOTKEYB00000001",
    "rootbsecretrootbsecretrootbsecretrootbse",
);

/// Credentials as a test holds them: long-term (no token) or temporary.
#[derive(Clone, Debug)]
struct Creds {
    key: String,
    secret: String,
    token: Option<String>,
}

impl Creds {
    fn long_term(c: (&str, &str)) -> Self {
        Self {
            key: c.0.to_owned(),
            secret: c.1.to_owned(),
            token: None,
        }
    }

    /// The `<Credentials>` of an STS result.
    fn issued(r: &Resp) -> Self {
        r.assert_ok();
        Self {
            key: r.text("AccessKeyId").unwrap(),
            secret: r.text("SecretAccessKey").unwrap(),
            token: Some(r.text("SessionToken").unwrap()),
        }
    }

    fn with_token(&self, token: &str) -> Self {
        Self {
            token: Some(token.to_owned()),
            ..self.clone()
        }
    }
}

fn signed(creds: &Creds, service: &str, body: &str, time: SystemTime) -> http::Request<Body> {
    let identity: Identity = Credentials::new(
        creds.key.clone(),
        creds.secret.clone(),
        creds.token.clone(),
        None,
        "test",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region("us-east-1")
        .name(service)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .unwrap()
        .into();
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
    let mut req = req.body(Body::from(body.to_owned())).unwrap();
    instructions.apply_to_request_http1x(&mut req);
    req
}

async fn sts<S: Store>(
    srv: &Server<S>,
    creds: &Creds,
    action: &str,
    params: &[(&str, &str)],
) -> Resp {
    let mut all = vec![("Action", action), ("Version", "2011-06-15")];
    all.extend_from_slice(params);
    srv.send(signed(creds, "sts", &form(&all), srv.now())).await
}

async fn iam<S: Store>(
    srv: &Server<S>,
    creds: &Creds,
    action: &str,
    params: &[(&str, &str)],
) -> Resp {
    let mut all = vec![("Action", action), ("Version", "2010-05-08")];
    all.extend_from_slice(params);
    srv.send(signed(creds, "iam", &form(&all), srv.now())).await
}

fn root() -> Creds {
    Creds::long_term(ROOT)
}

fn trust(principal: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{principal}"}},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}}]}}"#
    )
}

fn arn(kind_name: &str) -> String {
    format!("arn:aws:iam::{ACCOUNT}:{kind_name}")
}

/// Creates a role (as root) with `trust` and, optionally, an inline policy.
async fn role<S: Store>(srv: &Server<S>, name: &str, trust: &str, policy: Option<&str>) {
    iam(
        srv,
        &root(),
        "CreateRole",
        &[("RoleName", name), ("AssumeRolePolicyDocument", trust)],
    )
    .await
    .assert_ok();
    if let Some(p) = policy {
        iam(
            srv,
            &root(),
            "PutRolePolicy",
            &[
                ("RoleName", name),
                ("PolicyName", "p"),
                ("PolicyDocument", p),
            ],
        )
        .await
        .assert_ok();
    }
}

async fn user<S: Store>(srv: &Server<S>, name: &str, policy: Option<&str>) -> Creds {
    let (k, s) = srv.user_with_key(name).await;
    if let Some(p) = policy {
        store_user_policy(srv, name, "p", p).await;
    }
    Creds::long_term((&k, &s))
}

/// A role `r` assumable by root (account class, root needs no identity policy) with
/// `policy`, assumed as root; returns the session credentials.
async fn root_session<S: Store>(
    srv: &Server<S>,
    policy: Option<&str>,
    extra: &[(&str, &str)],
) -> Creds {
    role(srv, "r", &trust(&arn("root")), policy).await;
    let role_arn = arn("role/r");
    let mut params = vec![("RoleArn", role_arn.as_str()), ("RoleSessionName", "s1")];
    params.extend_from_slice(extra);
    Creds::issued(&sts(srv, &root(), "AssumeRole", &params).await)
}

const DENY_MESSAGE_ROOT: &str = "User: arn:aws:iam::123456789012:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/r";

// ---- GetCallerIdentity

async fn caller_identity_of_long_term_callers<S: Store>(srv: Server<S>) {
    let r = sts(&srv, &root(), "GetCallerIdentity", &[]).await;
    r.assert_ok();
    assert_eq!(r.text("UserId").unwrap(), ACCOUNT);
    assert_eq!(r.text("Account").unwrap(), ACCOUNT);
    assert_eq!(r.text("Arn").unwrap(), arn("root"));
    assert!(r.body.contains("<GetCallerIdentityResult>"), "{}", r.body);
    // A user with an explicit deny on everything still gets an answer (policy.md §6.4 step 2).
    let alice = user(
        &srv,
        "alice",
        Some(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}"#),
    )
    .await;
    let r = sts(&srv, &alice, "GetCallerIdentity", &[]).await;
    r.assert_ok();
    assert!(r.text("UserId").unwrap().starts_with("AIDA"), "{}", r.body);
    assert_eq!(r.text("Arn").unwrap(), arn("user/alice"));
}

// ---- AssumeRole

async fn assume_role_success_shape<S: Store>(srv: Server<S>) {
    role(&srv, "r", &trust(&arn("root")), None).await;
    let role_id = iam(&srv, &root(), "GetRole", &[("RoleName", "r")])
        .await
        .text("RoleId")
        .unwrap();
    let r = sts(
        &srv,
        &root(),
        "AssumeRole",
        &[("RoleArn", &arn("role/r")), ("RoleSessionName", "s1")],
    )
    .await;
    r.assert_ok();
    assert!(r.body.contains("<AssumeRoleResult>"), "{}", r.body);
    assert!(
        r.body.contains("https://sts.amazonaws.com/doc/2011-06-15/"),
        "{}",
        r.body
    );
    let key = r.text("AccessKeyId").unwrap();
    assert!(key.starts_with("ASIA") && key.len() == 20, "{key}");
    assert_eq!(r.text("SecretAccessKey").unwrap().len(), 40);
    let token = r.text("SessionToken").unwrap();
    assert!(
        token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=_-".contains(&b)),
        "{token}"
    );
    // Default duration: one hour from the request time (2024-05-01T12:00:00Z).
    assert_eq!(r.text("Expiration").unwrap(), "2024-05-01T13:00:00Z");
    assert_eq!(r.text("AssumedRoleId").unwrap(), format!("{role_id}:s1"));
    assert_eq!(
        r.text("Arn").unwrap(),
        format!("arn:aws:sts::{ACCOUNT}:assumed-role/r/s1")
    );
    assert!(r.text("PackedPolicySize").is_none(), "{}", r.body);
    assert!(r.text("SourceIdentity").is_none(), "{}", r.body);
    // The key id embeds the account (api.md §3.3) and GetAccessKeyInfo decodes it.
    let info = sts(&srv, &root(), "GetAccessKeyInfo", &[("AccessKeyId", &key)]).await;
    info.assert_ok();
    assert_eq!(info.text("Account").unwrap(), ACCOUNT);

    // With a session policy: PackedPolicySize is reported.
    let r = sts(
        &srv,
        &root(),
        "AssumeRole",
        &[
            ("RoleArn", &arn("role/r")),
            ("RoleSessionName", "s2"),
            ("Policy", &doc("iam:GetRole")),
            ("DurationSeconds", "900"),
        ],
    )
    .await;
    r.assert_ok();
    assert_eq!(
        r.text("PackedPolicySize").unwrap(),
        packed(&doc("iam:GetRole"))
    );
    assert_eq!(r.text("Expiration").unwrap(), "2024-05-01T12:15:00Z");
}

async fn session_caller_identity_and_audit<S: Store>(srv: Server<S>) {
    let session = root_session(&srv, None, &[("SourceIdentity", "carol")]).await;
    let r = sts(&srv, &session, "GetCallerIdentity", &[]).await;
    r.assert_ok();
    assert_eq!(
        r.text("Arn").unwrap(),
        format!("arn:aws:sts::{ACCOUNT}:assumed-role/r/s1")
    );
    assert!(r.text("UserId").unwrap().starts_with("AROA"), "{}", r.body);
    assert!(r.text("UserId").unwrap().ends_with(":s1"), "{}", r.body);
    let events = srv.audit().await;
    let last = events
        .iter()
        .rev()
        .find(|e| e["eventName"] == "GetCallerIdentity")
        .unwrap();
    let who = &last["userIdentity"];
    assert_eq!(who["type"], "AssumedRole");
    assert_eq!(
        who["arn"],
        format!("arn:aws:sts::{ACCOUNT}:assumed-role/r/s1")
    );
    assert_eq!(who["accessKeyId"], session.key);
    assert!(who["principalId"].as_str().unwrap().ends_with(":s1"));
    let ctx = &who["sessionContext"];
    assert_eq!(ctx["sessionIssuer"]["type"], "Role");
    assert_eq!(ctx["sessionIssuer"]["arn"], arn("role/r"));
    assert_eq!(ctx["sessionIssuer"]["userName"], "r");
    assert_eq!(ctx["sessionIssuer"]["accountId"], ACCOUNT);
    assert_eq!(ctx["attributes"]["creationDate"], "2024-05-01T12:00:00Z");
    assert_eq!(ctx["attributes"]["mfaAuthenticated"], "false");
    assert_eq!(ctx["sourceIdentity"], "carol");
    // The AssumeRole event never carries the secret.
    let assume = events
        .iter()
        .find(|e| e["eventName"] == "AssumeRole")
        .unwrap();
    assert!(!assume.to_string().contains(&session.secret));
}

async fn untrusted_principal_is_denied<S: Store>(srv: Server<S>) {
    let bob = user(&srv, "bob", Some(&doc("sts:AssumeRole"))).await;
    role(&srv, "r", &trust(&arn("root")), None).await;
    let alice = user(&srv, "alice", Some(&doc("sts:AssumeRole"))).await;
    // Trust naming alice only: bob is refused even with an identity allow.
    role(&srv, "only-alice", &trust(&arn("user/alice")), None).await;
    let only = arn("role/only-alice");
    sts(
        &srv,
        &bob,
        "AssumeRole",
        &[("RoleArn", &only), ("RoleSessionName", "xx")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &format!(
            "User: {} is not authorized to perform: sts:AssumeRole on resource: {only}",
            arn("user/bob")
        ),
    );
    sts(
        &srv,
        &alice,
        "AssumeRole",
        &[("RoleArn", &only), ("RoleSessionName", "xx")],
    )
    .await
    .assert_ok();
    // A role that does not exist gives exactly the same answer.
    let missing = arn("role/missing");
    sts(
        &srv,
        &bob,
        "AssumeRole",
        &[("RoleArn", &missing), ("RoleSessionName", "xx")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &format!(
            "User: {} is not authorized to perform: sts:AssumeRole on resource: {missing}",
            arn("user/bob")
        ),
    );
    // Account-class trust needs an identity allow: carol has none.
    let carol = user(&srv, "carol", None).await;
    let r_arn = arn("role/r");
    sts(
        &srv,
        &carol,
        "AssumeRole",
        &[("RoleArn", &r_arn), ("RoleSessionName", "xx")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &format!(
            "User: {} is not authorized to perform: sts:AssumeRole on resource: {r_arn}",
            arn("user/carol")
        ),
    );
}

async fn external_id_condition<S: Store>(srv: Server<S>) {
    let t = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{}"}},"Action":"sts:AssumeRole","Condition":{{"StringEquals":{{"sts:ExternalId":"right-id"}}}}}}]}}"#,
        arn("root")
    );
    role(&srv, "r", &t, None).await;
    let role_arn = arn("role/r");
    for (given, ok) in [
        (Some("wrong-id"), false),
        (None, false),
        (Some("right-id"), true),
    ] {
        let mut params = vec![("RoleArn", role_arn.as_str()), ("RoleSessionName", "xx")];
        if let Some(g) = given {
            params.push(("ExternalId", g));
        }
        let r = sts(&srv, &root(), "AssumeRole", &params).await;
        if ok {
            r.assert_ok();
        } else {
            r.assert_error(403, "AccessDenied", DENY_MESSAGE_ROOT);
        }
    }
}

async fn assume_role_parameter_errors<S: Store>(srv: Server<S>) {
    role(&srv, "r", &trust(&arn("root")), None).await;
    let role_arn = arn("role/r");
    sts(
        &srv,
        &root(),
        "AssumeRole",
        &[
            ("RoleArn", "arn:a:::something/test-role"),
            ("RoleSessionName", "xx"),
        ],
    )
    .await
    .assert_error(
        400,
        "ValidationError",
        "arn:a:::something/test-role is invalid",
    );
    // Above the role's MaxSessionDuration (3600 by default).
    sts(
        &srv,
        &root(),
        "AssumeRole",
        &[
            ("RoleArn", &role_arn),
            ("RoleSessionName", "xx"),
            ("DurationSeconds", "7200"),
        ],
    )
    .await
    .assert_error(
        400,
        "ValidationError",
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    );
    // Outside the model range: STS echoes the value.
    let r = sts(
        &srv,
        &root(),
        "AssumeRole",
        &[
            ("RoleArn", &role_arn),
            ("RoleSessionName", "xx"),
            ("DurationSeconds", "100"),
        ],
    )
    .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "ValidationError"),
        "{}",
        r.body
    );
    assert!(r.message().contains("'100'"), "{}", r.body);
    sts(
        &srv,
        &root(),
        "AssumeRole",
        &[
            ("RoleArn", &role_arn),
            ("RoleSessionName", "xx"),
            ("Tags.member.1.Key", "Team"),
            ("Tags.member.1.Value", "a"),
            ("Tags.member.2.Key", "team"),
            ("Tags.member.2.Value", "b"),
        ],
    )
    .await
    .assert_error(
        400,
        "InvalidParameterValue",
        "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
    );
    sts(
        &srv,
        &root(),
        "AssumeRole",
        &[("RoleArn", &role_arn), ("RoleSessionName", "xx"), ("SerialNumber", "arn:aws:iam::123456789012:mfa/d"), ("TokenCode", "123456")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.",
    );
    sts(
        &srv,
        &root(),
        "AssumeRole",
        &[
            ("RoleArn", &role_arn),
            ("RoleSessionName", "xx"),
            ("Policy", "{not json"),
        ],
    )
    .await
    .assert_error(400, "MalformedPolicyDocument", &malformed_message());
    // Packed policy too large: 10 long managed ARNs of AWS managed policies plus a big policy.
    let big = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam::123456789012:role/{}"}}]}}"#,
        "x".repeat(1_900)
    );
    let r = sts(
        &srv,
        &root(),
        "AssumeRole",
        &[
            ("RoleArn", &role_arn),
            ("RoleSessionName", "xx"),
            ("Policy", &big),
        ],
    )
    .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "PackedPolicyTooLarge"),
        "{}",
        r.body
    );
    assert!(
        r.message().starts_with("Packed policy consumes "),
        "{}",
        r.body
    );
    // An encoded message this server did not seal does not decode.
    let r = sts(
        &srv,
        &root(),
        "DecodeAuthorizationMessage",
        &[("EncodedMessage", "abc")],
    )
    .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "InvalidAuthorizationMessageException"),
        "{}",
        r.body
    );
}

/// api.md §6.11: ceil(100 × characters / 1,000) for a policy without whitespace.
fn packed(policy: &str) -> String {
    assert!(!policy.contains(' '));
    (100 * policy.chars().count()).div_ceil(1_000).to_string()
}

/// The MalformedPolicyDocument text the IAM side gives for the same document.
fn malformed_message() -> String {
    warden_policy::parse_policy("{not json", warden_policy::document::PolicyKind::Session)
        .unwrap_err()
        .aws_message()
        .to_owned()
}

async fn role_chaining_is_capped_at_one_hour<S: Store>(srv: Server<S>) {
    iam(
        &srv,
        &root(),
        "CreateRole",
        &[
            ("RoleName", "long"),
            ("AssumeRolePolicyDocument", &trust(&arn("root"))),
            ("MaxSessionDuration", "43200"),
        ],
    )
    .await
    .assert_ok();
    let long = arn("role/long");
    let first = Creds::issued(
        &sts(
            &srv,
            &root(),
            "AssumeRole",
            &[
                ("RoleArn", &long),
                ("RoleSessionName", "aa"),
                ("DurationSeconds", "7200"),
            ],
        )
        .await,
    );
    iam(
        &srv,
        &root(),
        "PutRolePolicy",
        &[
            ("RoleName", "long"),
            ("PolicyName", "p"),
            ("PolicyDocument", &doc("sts:AssumeRole")),
        ],
    )
    .await
    .assert_ok();
    sts(&srv, &first, "AssumeRole", &[("RoleArn", &long), ("RoleSessionName", "bb"), ("DurationSeconds", "3601")])
        .await
        .assert_error(
            400,
            "ValidationError",
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
        );
    let r = sts(
        &srv,
        &first,
        "AssumeRole",
        &[
            ("RoleArn", &long),
            ("RoleSessionName", "bb"),
            ("DurationSeconds", "3600"),
        ],
    )
    .await;
    r.assert_ok();
}

// ---- session credentials: authentication

async fn expired_and_forged_tokens<S: Store>(srv: Server<S>) {
    let session = root_session(&srv, None, &[("DurationSeconds", "900")]).await;
    sts(&srv, &session, "GetCallerIdentity", &[])
        .await
        .assert_ok();
    // Tampered: one character changed.
    let token = session.token.clone().unwrap();
    let mut bytes = token.into_bytes();
    bytes[40] = if bytes[40] == b'A' { b'B' } else { b'A' };
    let tampered = session.with_token(&String::from_utf8(bytes).unwrap());
    sts(&srv, &tampered, "GetCallerIdentity", &[])
        .await
        .assert_error(
            403,
            "InvalidClientTokenId",
            "The security token included in the request is invalid.",
        );
    // No token at all with an ASIA key.
    let bare = Creds {
        token: None,
        ..session.clone()
    };
    sts(&srv, &bare, "GetCallerIdentity", &[])
        .await
        .assert_error(
            403,
            "InvalidClientTokenId",
            "The security token included in the request is invalid.",
        );
    // The token of another session (another key id).
    let other = Creds::issued(
        &sts(
            &srv,
            &root(),
            "AssumeRole",
            &[("RoleArn", &arn("role/r")), ("RoleSessionName", "s2")],
        )
        .await,
    );
    let swapped = session.with_token(other.token.as_deref().unwrap());
    sts(&srv, &swapped, "GetCallerIdentity", &[])
        .await
        .assert_error(
            403,
            "InvalidClientTokenId",
            "The security token included in the request is invalid.",
        );
    // A wrong secret with a valid token: the signature fails.
    let wrong = Creds {
        secret: "x".repeat(40),
        ..session.clone()
    };
    let r = sts(&srv, &wrong, "GetCallerIdentity", &[]).await;
    assert_eq!(r.code(), "SignatureDoesNotMatch", "{}", r.body);
    // Past the expiration (900 s): ExpiredToken, for IAM and STS alike.
    srv.advance(900);
    sts(&srv, &session, "GetCallerIdentity", &[])
        .await
        .assert_error(
            403,
            "ExpiredToken",
            "The security token included in the request is expired",
        );
    iam(&srv, &session, "ListRoles", &[]).await.assert_error(
        403,
        "ExpiredToken",
        "The security token included in the request is expired",
    );
}

async fn token_of_another_key_ring<S: Store>(srv: Server<S>) {
    let other = common::sqlite().await;
    let foreign = root_session(&other, None, &[]).await;
    sts(&other, &foreign, "GetCallerIdentity", &[])
        .await
        .assert_ok();
    sts(&srv, &foreign, "GetCallerIdentity", &[])
        .await
        .assert_error(
            403,
            "InvalidClientTokenId",
            "The security token included in the request is invalid.",
        );
}

async fn key_ring_is_shared_by_nodes<S: Store>(srv: Server<S>) {
    let session = root_session(&srv, None, &[]).await;
    let node2 = common::second_node(&srv);
    let r = sts(&node2, &session, "GetCallerIdentity", &[]).await;
    r.assert_ok();
    assert!(r.text("Arn").unwrap().ends_with("assumed-role/r/s1"));
}

// ---- session credentials: authorization

async fn role_policy_intersects_session_policy<S: Store>(srv: Server<S>) {
    let role_policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GetRole","iam:ListRoles"],"Resource":"*"}]}"#;
    role(&srv, "r", &trust(&arn("root")), Some(role_policy)).await;
    let role_arn = arn("role/r");
    let plain = Creds::issued(
        &sts(
            &srv,
            &root(),
            "AssumeRole",
            &[("RoleArn", &role_arn), ("RoleSessionName", "plain")],
        )
        .await,
    );
    iam(&srv, &plain, "ListRoles", &[]).await.assert_ok();
    iam(&srv, &plain, "GetRole", &[("RoleName", "r")])
        .await
        .assert_ok();
    // Not in the role's policy.
    iam(&srv, &plain, "ListUsers", &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &format!("User: arn:aws:sts::{ACCOUNT}:assumed-role/r/plain is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::{ACCOUNT}:user/ because no identity-based policy allows the iam:ListUsers action"),
        );
    // Session policy allows GetRole and ListUsers: only GetRole is in both.
    let session_policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GetRole","iam:ListUsers"],"Resource":"*"}]}"#;
    let narrowed = Creds::issued(
        &sts(
            &srv,
            &root(),
            "AssumeRole",
            &[
                ("RoleArn", &role_arn),
                ("RoleSessionName", "narrow"),
                ("Policy", session_policy),
            ],
        )
        .await,
    );
    iam(&srv, &narrowed, "GetRole", &[("RoleName", "r")])
        .await
        .assert_ok();
    iam(&srv, &narrowed, "ListRoles", &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &format!("User: arn:aws:sts::{ACCOUNT}:assumed-role/r/narrow is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::{ACCOUNT}:role/ because no session policy allows the iam:ListRoles action"),
        );
    let r = iam(&srv, &narrowed, "ListUsers", &[]).await;
    assert_eq!(r.code(), "AccessDenied", "{}", r.body);
    // Managed session policy: resolved at request time.
    iam(
        &srv,
        &root(),
        "CreatePolicy",
        &[
            ("PolicyName", "sp"),
            ("PolicyDocument", &doc("iam:ListRoles")),
        ],
    )
    .await
    .assert_ok();
    let managed = Creds::issued(
        &sts(
            &srv,
            &root(),
            "AssumeRole",
            &[
                ("RoleArn", &role_arn),
                ("RoleSessionName", "managed"),
                ("PolicyArns.member.1.arn", &arn("policy/sp")),
            ],
        )
        .await,
    );
    iam(&srv, &managed, "ListRoles", &[]).await.assert_ok();
    let r = iam(&srv, &managed, "GetRole", &[("RoleName", "r")]).await;
    assert_eq!(r.code(), "AccessDenied", "{}", r.body);
    // A role session without a UserName has no user to default to.
    let r = iam(&srv, &plain, "ListAccessKeys", &[]).await;
    assert_eq!(r.code(), "ValidationError", "{}", r.body);
}

async fn revocation_by_token_issue_time<S: Store>(srv: Server<S>) {
    let session = root_session(&srv, Some(&doc("iam:ListRoles")), &[]).await;
    iam(&srv, &session, "ListRoles", &[]).await.assert_ok();
    srv.advance(60);
    // AWS's "revoke active sessions": deny tokens issued before now.
    let revoke = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"2024-05-01T12:00:30Z"}}}]}"#;
    iam(
        &srv,
        &root(),
        "PutRolePolicy",
        &[
            ("RoleName", "r"),
            ("PolicyName", "revoke"),
            ("PolicyDocument", revoke),
        ],
    )
    .await
    .assert_ok();
    let r = iam(&srv, &session, "ListRoles", &[]).await;
    assert_eq!(r.code(), "AccessDenied", "{}", r.body);
    assert!(
        r.message()
            .contains("with an explicit deny in an identity-based policy"),
        "{}",
        r.body
    );
    // A session issued after the cut-off is unaffected.
    let fresh = Creds::issued(
        &sts(
            &srv,
            &root(),
            "AssumeRole",
            &[("RoleArn", &arn("role/r")), ("RoleSessionName", "new")],
        )
        .await,
    );
    iam(&srv, &fresh, "ListRoles", &[]).await.assert_ok();
}

async fn deleted_role_denies_everything<S: Store>(srv: Server<S>) {
    let session = root_session(&srv, Some(&doc("iam:ListRoles")), &[]).await;
    iam(&srv, &session, "ListRoles", &[]).await.assert_ok();
    iam(
        &srv,
        &root(),
        "DeleteRolePolicy",
        &[("RoleName", "r"), ("PolicyName", "p")],
    )
    .await
    .assert_ok();
    iam(&srv, &root(), "DeleteRole", &[("RoleName", "r")])
        .await
        .assert_ok();
    // Re-created with the same name: a new unique id, the old session stays dead.
    role(&srv, "r", &trust(&arn("root")), Some(&doc("iam:ListRoles"))).await;
    let r = iam(&srv, &session, "ListRoles", &[]).await;
    assert_eq!(r.code(), "AccessDenied", "{}", r.body);
    sts(&srv, &session, "GetCallerIdentity", &[])
        .await
        .assert_ok();
}

async fn cross_account_assume_role<S: Store>(srv: Server<S>) {
    let services = srv.state.services().clone();
    ensure_account(
        &srv.store,
        &services,
        ACCOUNT_B.parse().unwrap(),
        Some(&RootKey::new(ROOT_B.0, ROOT_B.1).unwrap()),
    )
    .await
    .unwrap();
    let root_b = Creds::long_term(ROOT_B);
    let b_role = format!("arn:aws:iam::{ACCOUNT_B}:role/shared");
    let b_trust = trust(&format!("arn:aws:iam::{ACCOUNT}:root"));
    iam(
        &srv,
        &root_b,
        "CreateRole",
        &[
            ("RoleName", "shared"),
            ("AssumeRolePolicyDocument", &b_trust),
        ],
    )
    .await
    .assert_ok();
    iam(
        &srv,
        &root_b,
        "PutRolePolicy",
        &[
            ("RoleName", "shared"),
            ("PolicyName", "p"),
            ("PolicyDocument", &doc("iam:ListRoles")),
        ],
    )
    .await
    .assert_ok();
    iam(
        &srv,
        &root_b,
        "CreateRole",
        &[
            ("RoleName", "closed"),
            (
                "AssumeRolePolicyDocument",
                &trust(&format!("arn:aws:iam::{ACCOUNT_B}:root")),
            ),
        ],
    )
    .await
    .assert_ok();
    let allowed = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"sts:AssumeRole","Resource":["{b_role}","arn:aws:iam::{ACCOUNT_B}:role/closed"]}}]}}"#
    );
    let alice = user(&srv, "alice", Some(&allowed)).await;
    let bob = user(&srv, "bob", None).await;
    // Both sides allow.
    let r = sts(
        &srv,
        &alice,
        "AssumeRole",
        &[("RoleArn", &b_role), ("RoleSessionName", "xx")],
    )
    .await;
    let session = Creds::issued(&r);
    assert_eq!(
        r.text("Arn").unwrap(),
        format!("arn:aws:sts::{ACCOUNT_B}:assumed-role/shared/xx")
    );
    // Identity side missing.
    sts(
        &srv,
        &bob,
        "AssumeRole",
        &[("RoleArn", &b_role), ("RoleSessionName", "xx")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &format!(
            "User: {} is not authorized to perform: sts:AssumeRole on resource: {b_role}",
            arn("user/bob")
        ),
    );
    // Trust side missing.
    let closed = format!("arn:aws:iam::{ACCOUNT_B}:role/closed");
    sts(
        &srv,
        &alice,
        "AssumeRole",
        &[("RoleArn", &closed), ("RoleSessionName", "xx")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &format!(
            "User: {} is not authorized to perform: sts:AssumeRole on resource: {closed}",
            arn("user/alice")
        ),
    );
    // The session acts in B.
    let who = sts(&srv, &session, "GetCallerIdentity", &[]).await;
    who.assert_ok();
    assert_eq!(who.text("Account").unwrap(), ACCOUNT_B);
    let roles = iam(&srv, &session, "ListRoles", &[]).await;
    roles.assert_ok();
    assert!(roles.body.contains(&b_role), "{}", roles.body);
    assert!(
        !roles.body.contains(&format!(":{ACCOUNT}:")),
        "{}",
        roles.body
    );
    let info = sts(
        &srv,
        &root(),
        "GetAccessKeyInfo",
        &[("AccessKeyId", &session.key)],
    )
    .await;
    assert_eq!(info.text("Account").unwrap(), ACCOUNT_B);
}

async fn session_tags_and_transitive_chaining<S: Store>(srv: Server<S>) {
    // The role allows ListRoles only for sessions tagged team=blue.
    let tagged = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:ListRoles","sts:AssumeRole","sts:TagSession"],"Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}}]}"#;
    role(&srv, "r", &trust(&arn("root")), Some(tagged)).await;
    let role_arn = arn("role/r");
    let blue = Creds::issued(
        &sts(
            &srv,
            &root(),
            "AssumeRole",
            &[
                ("RoleArn", &role_arn),
                ("RoleSessionName", "blue"),
                ("Tags.member.1.Key", "team"),
                ("Tags.member.1.Value", "blue"),
                ("TransitiveTagKeys.member.1", "team"),
            ],
        )
        .await,
    );
    iam(&srv, &blue, "ListRoles", &[]).await.assert_ok();
    let untagged = Creds::issued(
        &sts(
            &srv,
            &root(),
            "AssumeRole",
            &[("RoleArn", &role_arn), ("RoleSessionName", "plain")],
        )
        .await,
    );
    let r = iam(&srv, &untagged, "ListRoles", &[]).await;
    assert_eq!(r.code(), "AccessDenied", "{}", r.body);
    // Chained: the transitive tag follows, and cannot be overridden.
    sts(&srv, &blue, "AssumeRole", &[
        ("RoleArn", &role_arn), ("RoleSessionName", "chain"),
        ("Tags.member.1.Key", "TEAM"), ("Tags.member.1.Value", "red"),
    ])
    .await
    .assert_error(
        400,
        "InvalidParameterValue",
        "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
    );
    let chained = Creds::issued(
        &sts(
            &srv,
            &blue,
            "AssumeRole",
            &[("RoleArn", &role_arn), ("RoleSessionName", "chain")],
        )
        .await,
    );
    iam(&srv, &chained, "ListRoles", &[]).await.assert_ok();
}

// ---- GetSessionToken / GetFederationToken / GetAccessKeyInfo

async fn get_session_token<S: Store>(srv: Server<S>) {
    let alice = user(&srv, "alice", Some(&doc("iam:ListRoles"))).await;
    let r = sts(&srv, &alice, "GetSessionToken", &[]).await;
    assert!(r.body.contains("<GetSessionTokenResult>"), "{}", r.body);
    let session = Creds::issued(&r);
    // Default 12 hours for users.
    assert_eq!(r.text("Expiration").unwrap(), "2024-05-02T00:00:00Z");
    let who = sts(&srv, &session, "GetCallerIdentity", &[]).await;
    who.assert_ok();
    assert_eq!(who.text("Arn").unwrap(), arn("user/alice"));
    assert!(who.text("UserId").unwrap().starts_with("AIDA"));
    // Without MFA: no IAM at all (api.md §7.6).
    let r = iam(&srv, &session, "ListRoles", &[]).await;
    assert_eq!(r.code(), "AccessDenied", "{}", r.body);
    // Sessions cannot call it again.
    sts(&srv, &session, "GetSessionToken", &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            "Cannot call GetSessionToken with session credentials",
        );
    // Root: capped at one hour.
    let r = sts(
        &srv,
        &root(),
        "GetSessionToken",
        &[("DurationSeconds", "7200")],
    )
    .await;
    r.assert_ok();
    assert_eq!(r.text("Expiration").unwrap(), "2024-05-01T13:00:00Z");
    sts(&srv, &alice, "GetSessionToken", &[("SerialNumber", "arn:aws:iam::123456789012:mfa/alice"), ("TokenCode", "123456")])
        .await
        .assert_error(
            403,
            "AccessDenied",
            "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.",
        );
    // Deleting the long-term key does not end the session (api.md §2.7 step 5).
    iam(
        &srv,
        &root(),
        "DeleteAccessKey",
        &[("UserName", "alice"), ("AccessKeyId", &alice.key)],
    )
    .await
    .assert_ok();
    sts(&srv, &session, "GetCallerIdentity", &[])
        .await
        .assert_ok();
}

async fn get_federation_token<S: Store>(srv: Server<S>) {
    let alice = user(&srv, "alice", Some(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:GetFederationToken","iam:ListRoles"],"Resource":"*"}]}"#)).await;
    let r = sts(
        &srv,
        &alice,
        "GetFederationToken",
        &[("Name", "fed"), ("Policy", &doc("iam:ListRoles"))],
    )
    .await;
    assert!(r.body.contains("<GetFederationTokenResult>"), "{}", r.body);
    let session = Creds::issued(&r);
    assert_eq!(r.text("FederatedUserId").unwrap(), format!("{ACCOUNT}:fed"));
    assert_eq!(
        r.text("Arn").unwrap(),
        format!("arn:aws:sts::{ACCOUNT}:federated-user/fed")
    );
    assert_eq!(
        r.text("PackedPolicySize").unwrap(),
        packed(&doc("iam:ListRoles"))
    );
    let who = sts(&srv, &session, "GetCallerIdentity", &[]).await;
    assert_eq!(who.text("UserId").unwrap(), format!("{ACCOUNT}:fed"));
    assert_eq!(
        who.text("Arn").unwrap(),
        format!("arn:aws:sts::{ACCOUNT}:federated-user/fed")
    );
    // Federated users call no IAM and no STS but GetCallerIdentity.
    iam(&srv, &session, "ListRoles", &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &format!("User: arn:aws:sts::{ACCOUNT}:federated-user/fed is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::{ACCOUNT}:role/"),
        );
    let r = sts(&srv, &session, "GetFederationToken", &[("Name", "again")]).await;
    assert_eq!(r.code(), "AccessDenied", "{}", r.body);
    // Without any session policy PackedPolicySize is 0.
    let r = sts(&srv, &alice, "GetFederationToken", &[("Name", "bare")]).await;
    r.assert_ok();
    assert_eq!(r.text("PackedPolicySize").unwrap(), "0");
    // Not allowed by the identity policy.
    let bob = user(&srv, "bob", None).await;
    sts(&srv, &bob, "GetFederationToken", &[("Name", "fed")])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &format!("User: {} is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::{ACCOUNT}:federated-user/fed because no identity-based policy allows the sts:GetFederationToken action", arn("user/bob")),
        );
}

async fn get_access_key_info<S: Store>(srv: Server<S>) {
    let alice = user(&srv, "alice", None).await;
    // Denied without sts:GetAccessKeyInfo.
    let r = sts(&srv, &alice, "GetAccessKeyInfo", &[("AccessKeyId", ROOT.0)]).await;
    assert_eq!(r.code(), "AccessDenied", "{}", r.body);
    let r = sts(
        &srv,
        &root(),
        "GetAccessKeyInfo",
        &[("AccessKeyId", &alice.key)],
    )
    .await;
    r.assert_ok();
    assert!(r.body.contains("<GetAccessKeyInfoResult>"), "{}", r.body);
    assert_eq!(r.text("Account").unwrap(), ACCOUNT);
    let r = sts(
        &srv,
        &root(),
        "GetAccessKeyInfo",
        &[("AccessKeyId", "ZZZZNOTAKEY00000000")],
    )
    .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "InvalidParameterValue"),
        "{}",
        r.body
    );
}

async fn role_last_used_is_recorded<S: Store>(srv: Server<S>) {
    root_session(&srv, None, &[]).await;
    let r = eventually(&srv, 200, || async {
        let r = iam(&srv, &root(), "GetRole", &[("RoleName", "r")]).await;
        if r.body.contains("<LastUsedDate>") {
            r
        } else {
            Resp { status: 0, ..r }
        }
    })
    .await;
    assert_eq!(r.text("LastUsedDate").unwrap(), "2024-05-01T12:00:00Z");
    assert_eq!(r.text("Region").unwrap(), "us-east-1");
}

backend_tests!(
    caller_identity_of_long_term_callers,
    assume_role_success_shape,
    session_caller_identity_and_audit,
    untrusted_principal_is_denied,
    external_id_condition,
    assume_role_parameter_errors,
    role_chaining_is_capped_at_one_hour,
    expired_and_forged_tokens,
    token_of_another_key_ring,
    key_ring_is_shared_by_nodes,
    role_policy_intersects_session_policy,
    revocation_by_token_issue_time,
    deleted_role_denies_everything,
    cross_account_assume_role,
    session_tags_and_transitive_chaining,
    get_session_token,
    get_federation_token,
    get_access_key_info,
    role_last_used_is_recorded,
);

/// PostgreSQL: the ring stored by one node opens the tokens on another (api.md §2.7).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_key_ring_is_shared_by_nodes() {
    common::on_postgres(key_ring_is_shared_by_nodes).await;
}

/// PostgreSQL: a role session's authorization loads the role by unique id.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_role_policy_intersects_session_policy() {
    common::on_postgres(role_policy_intersects_session_policy).await;
}
