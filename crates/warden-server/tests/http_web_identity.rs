//! In-process HTTP tests of AssumeRoleWithWebIdentity (api.md §6.3) against a real OIDC
//! issuer running inside the test: RSA and EC keys generated here, discovery and JWKS served
//! on localhost over HTTPS with a self-signed certificate whose SHA-1 thumbprint is
//! registered on the provider.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::routing::get;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::{ACCOUNT, Resp, START, Server, form, golden};
use rsa::signature::{SignatureEncoding as _, Signer as _};
use rsa::traits::PublicKeyParts as _;
use serde_json::{Value, json};
use sha1::Digest as _;
use warden_core::Store;

/// rand 0.9's generator for the RustCrypto crates (rand_core 0.6 traits).
struct Rng06(rand::rngs::ThreadRng);

impl rsa::rand_core::RngCore for Rng06 {
    fn next_u32(&mut self) -> u32 {
        rand::RngCore::next_u32(&mut self.0)
    }
    fn next_u64(&mut self) -> u64 {
        rand::RngCore::next_u64(&mut self.0)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        rand::RngCore::fill_bytes(&mut self.0, dest);
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rsa::rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl rsa::rand_core::CryptoRng for Rng06 {}

fn rng() -> Rng06 {
    Rng06(rand::rng())
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A signing key of the test issuer.
enum Key {
    Rsa(Box<rsa::RsaPrivateKey>),
    Ec(p256::ecdsa::SigningKey),
    Ec384(p384::ecdsa::SigningKey),
}

impl Key {
    fn rsa() -> Self {
        Self::Rsa(Box::new(rsa::RsaPrivateKey::new(&mut rng(), 2048).unwrap()))
    }

    fn ec() -> Self {
        Self::Ec(p256::ecdsa::SigningKey::random(&mut rng()))
    }

    fn ec384() -> Self {
        Self::Ec384(p384::ecdsa::SigningKey::random(&mut rng()))
    }

    fn alg(&self) -> &'static str {
        match self {
            Self::Rsa(_) => "RS256",
            Self::Ec(_) => "ES256",
            Self::Ec384(_) => "ES384",
        }
    }

    fn jwk(&self, kid: &str) -> Value {
        match self {
            Self::Rsa(k) => json!({
                "kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
                "n": b64(&k.n().to_bytes_be()), "e": b64(&k.e().to_bytes_be()),
            }),
            Self::Ec(k) => {
                let point = k.verifying_key().to_encoded_point(false);
                json!({
                    "kty": "EC", "kid": kid, "use": "sig", "alg": "ES256", "crv": "P-256",
                    "x": b64(point.x().unwrap()), "y": b64(point.y().unwrap()),
                })
            }
            Self::Ec384(k) => {
                let point = k.verifying_key().to_encoded_point(false);
                json!({
                    "kty": "EC", "kid": kid, "use": "sig", "alg": "ES384", "crv": "P-384",
                    "x": b64(point.x().unwrap()), "y": b64(point.y().unwrap()),
                })
            }
        }
    }

    fn sign(&self, input: &[u8]) -> Vec<u8> {
        match self {
            Self::Rsa(k) => rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new((**k).clone())
                .sign(input)
                .to_vec(),
            Self::Ec(k) => {
                let sig: p256::ecdsa::Signature = k.sign(input);
                sig.to_bytes().to_vec()
            }
            Self::Ec384(k) => {
                let sig: p384::ecdsa::Signature = k.sign(input);
                sig.to_bytes().to_vec()
            }
        }
    }
}

/// A JWS compact token signed by `key` with header `kid`.
fn jwt(key: &Key, kid: &str, claims: &Value) -> String {
    let header = json!({"alg": key.alg(), "typ": "JWT", "kid": kid});
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let sig = key.sign(input.as_bytes());
    format!("{input}.{}", b64(&sig))
}

/// An OIDC issuer on `https://localhost:<port>` with a self-signed certificate.
struct Issuer {
    url: String,
    thumbprint: String,
    jwks_fetches: Arc<AtomicUsize>,
}

impl Issuer {
    async fn start(jwks: Value) -> Self {
        let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
        let cert_der = certified.cert.der().clone();
        let thumbprint: String = sha1::Sha1::digest(cert_der.as_ref())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let key_der =
            rustls::pki_types::PrivateKeyDer::Pkcs8(certified.key_pair.serialize_der().into());
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![cert_der], key_der)
            .unwrap();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let url = format!("https://localhost:{port}");
        let jwks_fetches = Arc::new(AtomicUsize::new(0));
        let discovery = json!({
            "issuer": url,
            "jwks_uri": format!("{url}/keys"),
            "response_types_supported": ["id_token"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256", "ES256"],
        })
        .to_string();
        let served = Arc::new(Mutex::new(jwks.to_string()));
        let counter = Arc::clone(&jwks_fetches);
        let app = Router::new()
            .route(
                "/.well-known/openid-configuration",
                get(move || {
                    let d = discovery.clone();
                    async move { d }
                }),
            )
            .route(
                "/keys",
                get(move || {
                    counter.fetch_add(1, Ordering::SeqCst);
                    let body = served.lock().unwrap().clone();
                    async move { body }
                }),
            );
        let tls = axum_server::tls_rustls::RustlsConfig::from_config(Arc::new(config));
        tokio::spawn(async move {
            axum_server::from_tcp_rustls(listener, tls)
                .serve(app.into_make_service())
                .await
                .unwrap();
        });
        Self {
            url,
            thumbprint,
            jwks_fetches,
        }
    }

    /// The provider URL without `https://` (the condition-key prefix).
    fn host(&self) -> &str {
        self.url.strip_prefix("https://").unwrap()
    }

    fn provider_arn(&self) -> String {
        format!("arn:aws:iam::{ACCOUNT}:oidc-provider/{}", self.host())
    }

    /// Standard claims: issued now (the server's fixed clock), valid for an hour.
    fn claims(&self, sub: &str) -> Value {
        json!({
            "iss": self.url,
            "sub": sub,
            "aud": "my-app",
            "iat": START,
            "nbf": START,
            "exp": START + 3600,
            "amr": ["pwd"],
        })
    }
}

const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/web";

fn trust(provider_arn: &str, host: &str) -> String {
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Federated": provider_arn},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {"StringEquals": {
                format!("{host}:aud"): "my-app",
                format!("{host}:sub"): ["alice", "bob"],
            }},
        }],
    })
    .to_string()
}

/// Registers the issuer (client id `my-app`, its thumbprint) and the role `web`.
async fn setup<S: Store>(srv: &Server<S>, issuer: &Issuer, thumbprint: &str) {
    srv.call(
        "CreateOpenIDConnectProvider",
        &[
            ("Url", issuer.url.as_str()),
            ("ClientIDList.member.1", "my-app"),
            ("ThumbprintList.member.1", thumbprint),
        ],
    )
    .await
    .assert_ok();
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "web"),
            (
                "AssumeRolePolicyDocument",
                &trust(&issuer.provider_arn(), issuer.host()),
            ),
        ],
    )
    .await
    .assert_ok();
}

/// An unsigned AssumeRoleWithWebIdentity.
async fn assume<S: Store>(srv: &Server<S>, token: &str, extra: &[(&str, &str)]) -> Resp {
    let mut params = vec![
        ("Action", "AssumeRoleWithWebIdentity"),
        ("Version", "2011-06-15"),
        ("RoleArn", ROLE_ARN),
        ("RoleSessionName", "web-session"),
        ("WebIdentityToken", token),
    ];
    params.extend_from_slice(extra);
    let req = http::Request::builder()
        .method("POST")
        .uri("/")
        .header("host", "localhost")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(form(&params)))
        .unwrap();
    srv.send(req).await
}

/// Replaces the random parts of a success response for the golden file.
fn stable(resp: &Resp, issuer: &Issuer) -> Resp {
    let mut body = resp.body.clone();
    for tag in [
        "AccessKeyId",
        "SecretAccessKey",
        "SessionToken",
        "AssumedRoleId",
    ] {
        if let Some(v) = resp.text(tag) {
            body = body.replace(&v, &format!("[{tag}]"));
        }
    }
    body = body.replace(issuer.host(), "localhost:PORT");
    Resp {
        status: resp.status,
        body,
        request_id: resp.request_id.clone(),
        content_type: resp.content_type.clone(),
    }
}

async fn good_tokens_rsa_and_ec<S: Store>(srv: Server<S>) {
    let rsa_key = Key::rsa();
    let ec_key = Key::ec();
    let ec384_key = Key::ec384();
    let issuer =
        Issuer::start(json!({"keys": [rsa_key.jwk("r1"), ec_key.jwk("e1"), ec384_key.jwk("p1")]}))
            .await;
    setup(&srv, &issuer, &issuer.thumbprint).await;
    // The role's permissions depend on the web identity the session came from.
    let permissions = json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*",
        "Condition": {"StringEquals": {
            format!("{}:sub", issuer.host()): "alice",
            "aws:FederatedProvider": issuer.provider_arn(),
        }},
    }]})
    .to_string();
    srv.call(
        "PutRolePolicy",
        &[
            ("RoleName", "web"),
            ("PolicyName", "by-subject"),
            ("PolicyDocument", &permissions),
        ],
    )
    .await
    .assert_ok();
    let list_users = |r: &Resp| {
        let body = form(&[("Action", "ListUsers"), ("Version", "2010-05-08")]);
        signed_for(
            "iam",
            &r.text("AccessKeyId").unwrap(),
            &r.text("SecretAccessKey").unwrap(),
            &r.text("SessionToken").unwrap(),
            &body,
            srv.now(),
        )
    };

    let token = jwt(&rsa_key, "r1", &issuer.claims("alice"));
    let r = assume(&srv, &token, &[]).await;
    r.assert_ok();
    golden("assume_role_with_web_identity", &stable(&r, &issuer));
    assert_eq!(
        r.text("SubjectFromWebIdentityToken").as_deref(),
        Some("alice")
    );
    assert_eq!(r.text("Audience").as_deref(), Some("my-app"));
    assert_eq!(r.text("Provider"), Some(issuer.provider_arn()));
    let arn = r.text("Arn").unwrap();
    assert_eq!(
        arn,
        "arn:aws:sts::123456789012:assumed-role/web/web-session"
    );
    assert!(r.text("AccessKeyId").unwrap().starts_with("ASIA"));

    // The session works, and carries the federation keys.
    let key = r.text("AccessKeyId").unwrap();
    let secret = r.text("SecretAccessKey").unwrap();
    let session = r.text("SessionToken").unwrap();
    let body = form(&[("Action", "GetCallerIdentity"), ("Version", "2011-06-15")]);
    let req = signed_with_token(&key, &secret, &session, &body, srv.now());
    let who = srv.send(req).await;
    who.assert_ok();
    assert_eq!(who.text("Arn").as_deref(), Some(arn.as_str()));
    srv.send(list_users(&r)).await.assert_ok();

    // EC key, second subject; the keys are cached (one JWKS fetch so far).
    let token = jwt(&ec_key, "e1", &issuer.claims("bob"));
    let r = assume(&srv, &token, &[]).await;
    r.assert_ok();
    assert_eq!(
        r.text("SubjectFromWebIdentityToken").as_deref(),
        Some("bob")
    );
    assert_eq!(issuer.jwks_fetches.load(Ordering::SeqCst), 1);
    let denied = srv.send(list_users(&r)).await;
    assert_eq!(
        (denied.status, denied.code().as_str()),
        (403, "AccessDenied")
    );
    // ES384 (P-384).
    let r = assume(&srv, &jwt(&ec384_key, "p1", &issuer.claims("bob")), &[]).await;
    r.assert_ok();
    assert_eq!(issuer.jwks_fetches.load(Ordering::SeqCst), 1);

    // Audit: the web identity is the caller; the token is not logged.
    let events = srv.audit().await;
    let event = events
        .iter()
        .rev()
        .find(|e| e["eventName"] == "AssumeRoleWithWebIdentity" && e.get("errorCode").is_none())
        .unwrap();
    assert_eq!(event["userIdentity"]["type"], "WebIdentityUser");
    assert_eq!(event["userIdentity"]["userName"], "bob");
    assert_eq!(
        event["userIdentity"]["identityProvider"],
        issuer.provider_arn()
    );
    assert_eq!(
        event["requestParameters"]["webIdentityToken"],
        "HIDDEN_DUE_TO_SECURITY_REASONS"
    );
    assert_eq!(
        event["responseElements"]["subjectFromWebIdentityToken"],
        "bob"
    );
}

/// A request signed with temporary credentials.
fn signed_with_token(
    key: &str,
    secret: &str,
    token: &str,
    body: &str,
    time: std::time::SystemTime,
) -> http::Request<Body> {
    signed_for("sts", key, secret, token, body, time)
}

/// A request to `service` signed with temporary credentials.
fn signed_for(
    service: &str,
    key: &str,
    secret: &str,
    token: &str,
    body: &str,
    time: std::time::SystemTime,
) -> http::Request<Body> {
    use aws_credential_types::Credentials;
    use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
    use aws_sigv4::sign::v4;
    use aws_smithy_runtime_api::client::identity::Identity;
    let identity: Identity =
        Credentials::new(key, secret, Some(token.to_owned()), None, "test").into();
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
        ("content-type", "application/x-www-form-urlencoded"),
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

async fn refused_tokens<S: Store>(srv: Server<S>) {
    let key = Key::rsa();
    let other = Key::rsa();
    let issuer = Issuer::start(json!({"keys": [key.jwk("k1")]})).await;
    setup(&srv, &issuer, &issuer.thumbprint).await;
    let good = issuer.claims("alice");
    let invalid = |r: Resp, message: &str| r.assert_error(400, "InvalidIdentityToken", message);

    // Forged signature: claims changed after signing.
    let token = jwt(&key, "k1", &good);
    let mut parts: Vec<&str> = token.split('.').collect();
    let forged_claims = b64(issuer.claims("mallory").to_string().as_bytes());
    parts[1] = &forged_claims;
    invalid(
        assume(&srv, &parts.join("."), &[]).await,
        "Signature verification failed",
    );
    // Signed by a key that is not the issuer's, under the issuer's kid.
    invalid(
        assume(&srv, &jwt(&other, "k1", &good), &[]).await,
        "Signature verification failed",
    );
    // Unknown kid.
    invalid(
        assume(&srv, &jwt(&key, "nope", &good), &[]).await,
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
    );
    // Expired (beyond the 60 s leeway).
    let mut expired = good.clone();
    expired["exp"] = json!(START - 120);
    assume(&srv, &jwt(&key, "k1", &expired), &[])
        .await
        .assert_error(
            400,
            "ExpiredTokenException",
            &format!(
                "Token expired: current date/time {START} must be before the expiration date/time{}",
                START - 120
            ),
        );
    // Not yet valid.
    let mut early = good.clone();
    early["nbf"] = json!(START + 600);
    invalid(
        assume(&srv, &jwt(&key, "k1", &early), &[]).await,
        "The ID Token provided is not yet valid",
    );
    // Wrong audience.
    let mut aud = good.clone();
    aud["aud"] = json!("someone-else");
    invalid(
        assume(&srv, &jwt(&key, "k1", &aud), &[]).await,
        "Incorrect token audience",
    );
    // Wrong issuer: no provider registered for it.
    let mut iss = good.clone();
    iss["iss"] = json!("https://evil.example.com");
    invalid(
        assume(&srv, &jwt(&key, "k1", &iss), &[]).await,
        "No OpenIDConnect provider found in your account for https://evil.example.com",
    );
    // Not a JWT.
    invalid(
        assume(&srv, "not-a-jwt-at-all", &[]).await,
        "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)",
    );
    // The trust policy refuses this subject.
    assume(&srv, &jwt(&key, "k1", &issuer.claims("mallory")), &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            "Not authorized to perform sts:AssumeRoleWithWebIdentity",
        );
    // A role that does not exist: the same AccessDenied.
    let mut params = vec![
        ("Action", "AssumeRoleWithWebIdentity"),
        ("Version", "2011-06-15"),
        ("RoleArn", "arn:aws:iam::123456789012:role/missing"),
        ("RoleSessionName", "s2"),
    ];
    let token = jwt(&key, "k1", &good);
    params.push(("WebIdentityToken", &token));
    let req = http::Request::builder()
        .method("POST")
        .uri("/")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(form(&params)))
        .unwrap();
    srv.send(req).await.assert_error(
        403,
        "AccessDenied",
        "Not authorized to perform sts:AssumeRoleWithWebIdentity",
    );
    // Duration beyond the role's maximum.
    assume(&srv, &token, &[("DurationSeconds", "7200")])
        .await
        .assert_error(
            400,
            "ValidationError",
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
        );
    // Still a single fetch: the unknown kid within the rate limit used the cached set.
    assert!(issuer.jwks_fetches.load(Ordering::SeqCst) <= 2);
}

async fn certificate_pinning_and_unreachable_idp<S: Store>(srv: Server<S>) {
    let key = Key::ec();
    let issuer = Issuer::start(json!({"keys": [key.jwk("k1")]})).await;
    // A thumbprint that is not the certificate's: the self-signed certificate is refused.
    setup(&srv, &issuer, "0123456789abcdef0123456789abcdef01234567").await;
    assume(&srv, &jwt(&key, "k1", &issuer.claims("alice")), &[])
        .await
        .assert_error(
            400,
            "InvalidIdentityToken",
            "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint",
        );
    assert_eq!(issuer.jwks_fetches.load(Ordering::SeqCst), 0);

    // A provider nobody answers for: IDPCommunicationError.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let url = format!("https://localhost:{port}");
    srv.call(
        "CreateOpenIDConnectProvider",
        &[
            ("Url", url.as_str()),
            ("ClientIDList.member.1", "my-app"),
            ("ThumbprintList.member.1", issuer.thumbprint.as_str()),
        ],
    )
    .await
    .assert_ok();
    let mut claims = issuer.claims("alice");
    claims["iss"] = json!(url);
    let r = assume(&srv, &jwt(&key, "k1", &claims), &[]).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(r.code(), "IDPCommunicationError");
}

async fn session_tags_and_policies_from_the_token<S: Store>(srv: Server<S>) {
    let key = Key::rsa();
    let issuer = Issuer::start(json!({"keys": [key.jwk("k1")]})).await;
    srv.call(
        "CreateOpenIDConnectProvider",
        &[
            ("Url", issuer.url.as_str()),
            ("ClientIDList.member.1", "my-app"),
            ("ThumbprintList.member.1", issuer.thumbprint.as_str()),
        ],
    )
    .await
    .assert_ok();
    // Trust: tags need sts:TagSession too; without it the call is refused.
    let base = json!({
        "Effect": "Allow",
        "Principal": {"Federated": issuer.provider_arn()},
        "Action": ["sts:AssumeRoleWithWebIdentity"],
    });
    let trust = json!({"Version": "2012-10-17", "Statement": [base]}).to_string();
    srv.call(
        "CreateRole",
        &[("RoleName", "web"), ("AssumeRolePolicyDocument", &trust)],
    )
    .await
    .assert_ok();
    let mut claims = issuer.claims("carol");
    claims["https://aws.amazon.com/tags"] = json!({
        "principal_tags": {"team": ["blue"]},
        "transitive_tag_keys": ["team"],
    });
    let token = jwt(&key, "k1", &claims);
    assume(&srv, &token, &[]).await.assert_error(
        403,
        "AccessDenied",
        "Not authorized to perform sts:AssumeRoleWithWebIdentity",
    );
    let with_tags = json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": issuer.provider_arn()},
        "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
        "Condition": {"StringEquals": {"aws:RequestTag/team": "blue"}},
    }]})
    .to_string();
    srv.call(
        "UpdateAssumeRolePolicy",
        &[("RoleName", "web"), ("PolicyDocument", &with_tags)],
    )
    .await
    .assert_ok();
    let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
    let r = assume(&srv, &token, &[("Policy", policy)]).await;
    r.assert_ok();
    assert!(r.text("PackedPolicySize").is_some());
    assert_eq!(
        r.text("SubjectFromWebIdentityToken").as_deref(),
        Some("carol")
    );
}

/// A signed STS call.
async fn sts_as<S: Store>(
    srv: &Server<S>,
    creds: (&str, &str),
    action: &str,
    params: &[(&str, &str)],
) -> Resp {
    let mut all = vec![("Action", action), ("Version", "2011-06-15")];
    all.extend_from_slice(params);
    srv.send(common::signed(creds, "sts", &form(&all), srv.now()))
        .await
}

async fn decode_authorization_message<S: Store>(srv: Server<S>) {
    let failure = warden_server::AuthorizationFailure {
        allowed: false,
        explicit_deny: true,
        principal_id: "AIDAEXAMPLE".to_owned(),
        principal_arn: "arn:aws:iam::123456789012:user/alice".to_owned(),
        action: "s3:GetObject".to_owned(),
        resource: "arn:aws:s3:::bucket/key".to_owned(),
        conditions: vec![("aws:SourceIp".to_owned(), vec!["10.0.0.1".to_owned()])],
    };
    let encoded = warden_server::encode_authorization_message(&srv.state, &failure).unwrap();
    // Opaque: the JSON does not show through.
    assert!(!encoded.contains("s3:GetObject"));
    let r = sts_as(
        &srv,
        common::ROOT,
        "DecodeAuthorizationMessage",
        &[("EncodedMessage", &encoded)],
    )
    .await;
    r.assert_ok();
    let decoded: Value = serde_json::from_str(&r.text("DecodedMessage").unwrap()).unwrap();
    assert_eq!(decoded["explicitDeny"], true);
    assert_eq!(decoded["context"]["action"], "s3:GetObject");
    assert_eq!(
        decoded["context"]["conditions"]["items"][0]["key"],
        "aws:SourceIp"
    );
    // Tampered or foreign messages do not open.
    let mut tampered = encoded.clone().into_bytes();
    let last = tampered.len() - 3;
    tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap();
    for bad in [tampered.as_str(), "bm90LWEtbWVzc2FnZQ", "%%%"] {
        sts_as(
            &srv,
            common::ROOT,
            "DecodeAuthorizationMessage",
            &[("EncodedMessage", bad)],
        )
        .await
        .assert_error(
            400,
            "InvalidAuthorizationMessageException",
            "The encoded authorization message is invalid.",
        );
    }
    // A user needs sts:DecodeAuthorizationMessage.
    let bob = srv.user_with_key("bob").await;
    sts_as(
        &srv,
        (&bob.0, &bob.1),
        "DecodeAuthorizationMessage",
        &[("EncodedMessage", &encoded)],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &handlers_support::denied("bob", "sts:DecodeAuthorizationMessage", "*"),
    );
    handlers_support::store_user_policy(
        &srv,
        "bob",
        "decode",
        &handlers_support::doc("sts:DecodeAuthorizationMessage"),
    )
    .await;
    let params = [("EncodedMessage", encoded.as_str())];
    let r = handlers_support::eventually(&srv, 200, || {
        sts_as(
            &srv,
            (&bob.0, &bob.1),
            "DecodeAuthorizationMessage",
            &params,
        )
    })
    .await;
    assert_eq!(r.text("DecodedMessage"), Some(failure.to_json()));
}

async fn assume_root_and_delegated_access_token_are_refused<S: Store>(srv: Server<S>) {
    let task = "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials";
    let r = sts_as(
        &srv,
        common::ROOT,
        "AssumeRoot",
        &[
            ("TargetPrincipal", "210987654321"),
            ("TaskPolicyArn.arn", task),
        ],
    )
    .await;
    r.assert_error(
        403,
        "AccessDenied",
        "User: arn:aws:iam::123456789012:root is not authorized to perform: sts:AssumeRoot on resource: arn:aws:iam::210987654321:root because root sessions are not enabled for this account",
    );
    // Authorized like any operation first: a user without the permission.
    let bob = srv.user_with_key("bob").await;
    sts_as(
        &srv,
        (&bob.0, &bob.1),
        "AssumeRoot",
        &[
            ("TargetPrincipal", "210987654321"),
            ("TaskPolicyArn.arn", task),
        ],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &handlers_support::denied("bob", "sts:AssumeRoot", "arn:aws:iam::210987654321:root"),
    );
    // Model validation: DurationSeconds ≤ 900.
    let r = sts_as(
        &srv,
        common::ROOT,
        "AssumeRoot",
        &[
            ("TargetPrincipal", "210987654321"),
            ("TaskPolicyArn.arn", task),
            ("DurationSeconds", "901"),
        ],
    )
    .await;
    assert_eq!(r.code(), "ValidationError", "{}", r.body);

    sts_as(
        &srv,
        common::ROOT,
        "GetDelegatedAccessToken",
        &[("TradeInToken", "some-trade-in-token")],
    )
    .await
    .assert_error(
        400,
        "ExpiredTradeInTokenException",
        "The trade-in token has expired or is not valid.",
    );
    sts_as(
        &srv,
        (&bob.0, &bob.1),
        "GetDelegatedAccessToken",
        &[("TradeInToken", "some-trade-in-token")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &handlers_support::denied("bob", "sts:GetDelegatedAccessToken", "*"),
    );
}

/// An unauthenticated GET of the server's issuer routes.
async fn fetch<S: Store>(srv: &Server<S>, path: &str) -> Resp {
    let req = http::Request::builder()
        .method("GET")
        .uri(path)
        .header("host", "localhost")
        .body(Body::empty())
        .unwrap();
    srv.send(req).await
}

/// Verifies a Warden token with the published key set, independently of Warden's own
/// verifier (the `rsa` and `p384` crates directly); returns the claims.
async fn verify_with_published_keys<S: Store>(srv: &Server<S>, token: &str) -> Value {
    let issuer = format!("https://localhost:8700/oidc/{ACCOUNT}");
    let discovery = fetch(
        srv,
        &format!("/oidc/{ACCOUNT}/.well-known/openid-configuration"),
    )
    .await;
    discovery.assert_ok();
    let discovery: Value = serde_json::from_str(&discovery.body).unwrap();
    assert_eq!(discovery["issuer"], issuer);
    let jwks_uri = discovery["jwks_uri"].as_str().unwrap();
    let path = jwks_uri.strip_prefix("https://localhost:8700").unwrap();
    let jwks = fetch(srv, path).await;
    jwks.assert_ok();
    let jwks: Value = serde_json::from_str(&jwks.body).unwrap();
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3);
    let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[0]).unwrap()).unwrap();
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    let signature = URL_SAFE_NO_PAD.decode(parts[2]).unwrap();
    let input = format!("{}.{}", parts[0], parts[1]);
    let jwk = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == header["kid"])
        .expect("the token's kid is published");
    let field = |name: &str| URL_SAFE_NO_PAD.decode(jwk[name].as_str().unwrap()).unwrap();
    match header["alg"].as_str().unwrap() {
        "RS256" => {
            use rsa::signature::Verifier as _;
            let key = rsa::RsaPublicKey::new(
                rsa::BigUint::from_bytes_be(&field("n")),
                rsa::BigUint::from_bytes_be(&field("e")),
            )
            .unwrap();
            let sig = rsa::pkcs1v15::Signature::try_from(signature.as_slice()).unwrap();
            rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(key)
                .verify(input.as_bytes(), &sig)
                .expect("RS256 signature verifies");
        }
        "ES384" => {
            use p384::ecdsa::signature::Verifier as _;
            let point = p384::EncodedPoint::from_affine_coordinates(
                field("x").as_slice().into(),
                field("y").as_slice().into(),
                false,
            );
            let key = p384::ecdsa::VerifyingKey::from_encoded_point(&point).unwrap();
            let sig = p384::ecdsa::Signature::from_slice(&signature).unwrap();
            key.verify(input.as_bytes(), &sig)
                .expect("ES384 signature verifies");
        }
        other => panic!("unexpected alg {other}"),
    }
    assert_eq!(claims["iss"], issuer);
    claims
}

fn published_kids(jwks: &Resp) -> Vec<String> {
    let v: Value = serde_json::from_str(&jwks.body).unwrap();
    v["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect()
}

async fn outbound_federation_and_get_web_identity_token<S: Store>(srv: Server<S>) {
    let root = common::ROOT;
    let jwks_path = format!("/oidc/{ACCOUNT}/.well-known/jwks.json");
    // Disabled: nothing published, no tokens.
    srv.call("GetOutboundWebIdentityFederationInfo", &[])
        .await
        .assert_error(
            404,
            "FeatureDisabled",
            "Outbound web identity federation is not enabled for this account.",
        );
    srv.call("DisableOutboundWebIdentityFederation", &[])
        .await
        .assert_error(
            404,
            "FeatureDisabled",
            "Outbound web identity federation is not enabled for this account.",
        );
    assert_eq!(fetch(&srv, &jwks_path).await.status, 404);
    let token_params = [
        ("Audience.member.1", "https://api.example.com"),
        ("SigningAlgorithm", "RS256"),
    ];
    sts_as(&srv, root, "GetWebIdentityToken", &token_params)
        .await
        .assert_error(
            403,
            "OutboundWebIdentityFederationDisabledException",
            "Outbound web identity federation is disabled for this account.",
        );

    // Enable.
    let r = srv.call("EnableOutboundWebIdentityFederation", &[]).await;
    r.assert_ok();
    golden("enable_outbound_web_identity_federation", &r);
    srv.call("EnableOutboundWebIdentityFederation", &[])
        .await
        .assert_error(
            409,
            "FeatureEnabled",
            "Outbound web identity federation is already enabled for this account.",
        );
    let info = srv.call("GetOutboundWebIdentityFederationInfo", &[]).await;
    info.assert_ok();
    golden("get_outbound_web_identity_federation_info", &info);

    // RS256: two audiences, tags, 10 minutes.
    let r = sts_as(
        &srv,
        root,
        "GetWebIdentityToken",
        &[
            ("Audience.member.1", "https://api.example.com"),
            ("Audience.member.2", "other"),
            ("SigningAlgorithm", "RS256"),
            ("DurationSeconds", "600"),
            ("Tags.member.1.Key", "team"),
            ("Tags.member.1.Value", "blue"),
        ],
    )
    .await;
    r.assert_ok();
    assert_eq!(
        r.text("Expiration").as_deref(),
        Some("2024-05-01T12:10:00Z")
    );
    let claims = verify_with_published_keys(&srv, &r.text("WebIdentityToken").unwrap()).await;
    assert_eq!(claims["sub"], "arn:aws:iam::123456789012:root");
    assert_eq!(claims["aud"], json!(["https://api.example.com", "other"]));
    assert_eq!(claims["iat"], json!(START));
    assert_eq!(claims["exp"], json!(START + 600));
    assert_eq!(
        claims["https://aws.amazon.com/tags"]["principal_tags"]["team"],
        json!(["blue"])
    );
    // ES384, default 5 minutes, one audience as a string.
    let r = sts_as(
        &srv,
        root,
        "GetWebIdentityToken",
        &[
            ("Audience.member.1", "aud-1"),
            ("SigningAlgorithm", "ES384"),
        ],
    )
    .await;
    r.assert_ok();
    let claims = verify_with_published_keys(&srv, &r.text("WebIdentityToken").unwrap()).await;
    assert_eq!(claims["aud"], "aud-1");
    assert_eq!(claims["exp"], json!(START + 300));
    let before = published_kids(&fetch(&srv, &jwks_path).await);
    assert_eq!(before.len(), 2, "one RS256 and one ES384 key");

    // Rotation after 30 days: a new RS256 key, the old one still published…
    srv.advance(31 * 86_400);
    let r = sts_as(&srv, root, "GetWebIdentityToken", &token_params).await;
    r.assert_ok();
    verify_with_published_keys(&srv, &r.text("WebIdentityToken").unwrap()).await;
    let rotated = published_kids(&fetch(&srv, &jwks_path).await);
    assert_eq!(rotated.len(), 3);
    assert!(before.iter().all(|k| rotated.contains(k)));
    // …until every token it signed has expired.
    srv.advance(2 * 3_600);
    sts_as(&srv, root, "GetWebIdentityToken", &token_params)
        .await
        .assert_ok();
    let pruned = published_kids(&fetch(&srv, &jwks_path).await);
    assert_eq!(pruned.len(), 2, "{pruned:?}");
    assert!(!pruned.contains(&before[0]) || !pruned.contains(&before[1]));

    // A session cannot mint a token outliving itself.
    let session = sts_as(&srv, root, "GetSessionToken", &[("DurationSeconds", "900")]).await;
    session.assert_ok();
    let body = form(&[
        ("Action", "GetWebIdentityToken"),
        ("Version", "2011-06-15"),
        ("Audience.member.1", "a"),
        ("SigningAlgorithm", "RS256"),
        ("DurationSeconds", "3600"),
    ]);
    let req = signed_with_token(
        &session.text("AccessKeyId").unwrap(),
        &session.text("SecretAccessKey").unwrap(),
        &session.text("SessionToken").unwrap(),
        &body,
        srv.now(),
    );
    let r = srv.send(req).await;
    // GetSessionToken sessions may only call AssumeRole/GetCallerIdentity (api.md §7.6).
    assert_eq!(r.code(), "AccessDenied", "{}", r.body);

    // Users need the permissions.
    let bob = srv.user_with_key("bob").await;
    sts_as(&srv, (&bob.0, &bob.1), "GetWebIdentityToken", &token_params)
        .await
        .assert_error(
            403,
            "AccessDenied",
            &handlers_support::denied("bob", "sts:GetWebIdentityToken", "*"),
        );
    srv.call_as(
        (&bob.0, &bob.1),
        "DisableOutboundWebIdentityFederation",
        &[],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &handlers_support::denied("bob", "iam:DisableOutboundWebIdentityFederation", "*"),
    );

    // Disable: no longer published.
    srv.call("DisableOutboundWebIdentityFederation", &[])
        .await
        .assert_ok();
    assert_eq!(fetch(&srv, &jwks_path).await.status, 404);
    assert_eq!(
        fetch(
            &srv,
            &format!("/oidc/{ACCOUNT}/.well-known/openid-configuration")
        )
        .await
        .status,
        404
    );
}

async fn session_duration_escalation<S: Store>(srv: Server<S>) {
    srv.call("EnableOutboundWebIdentityFederation", &[])
        .await
        .assert_ok();
    // A role session of 15 minutes asks for a one-hour token.
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "minter"),
            ("AssumeRolePolicyDocument", handlers_support::TRUST),
        ],
    )
    .await
    .assert_ok();
    srv.call(
        "PutRolePolicy",
        &[
            ("RoleName", "minter"),
            ("PolicyName", "p"),
            (
                "PolicyDocument",
                &handlers_support::doc("sts:GetWebIdentityToken"),
            ),
        ],
    )
    .await
    .assert_ok();
    let session = sts_as(
        &srv,
        common::ROOT,
        "AssumeRole",
        &[
            ("RoleArn", "arn:aws:iam::123456789012:role/minter"),
            ("RoleSessionName", "m1"),
            ("DurationSeconds", "900"),
        ],
    )
    .await;
    session.assert_ok();
    let call = |duration: &'static str| {
        let body = form(&[
            ("Action", "GetWebIdentityToken"),
            ("Version", "2011-06-15"),
            ("Audience.member.1", "a"),
            ("SigningAlgorithm", "RS256"),
            ("DurationSeconds", duration),
        ]);
        signed_with_token(
            &session.text("AccessKeyId").unwrap(),
            &session.text("SecretAccessKey").unwrap(),
            &session.text("SessionToken").unwrap(),
            &body,
            srv.now(),
        )
    };
    srv.send(call("3600")).await.assert_error(
        403,
        "SessionDurationEscalationException",
        "The requested token lifetime exceeds the remaining lifetime of the calling session.",
    );
    let r = srv.send(call("600")).await;
    r.assert_ok();
    let claims = verify_with_published_keys(&srv, &r.text("WebIdentityToken").unwrap()).await;
    assert_eq!(
        claims["sub"],
        "arn:aws:sts::123456789012:assumed-role/minter/m1"
    );
}

backend_tests!(
    good_tokens_rsa_and_ec,
    refused_tokens,
    certificate_pinning_and_unreachable_idp,
    session_tags_and_policies_from_the_token,
    decode_authorization_message,
    assume_root_and_delegated_access_token_are_refused,
    outbound_federation_and_get_web_identity_token,
    session_duration_escalation,
);

/// PostgreSQL: the issuer keys round-trip through the other backend.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_outbound_federation_and_get_web_identity_token() {
    common::on_postgres(outbound_federation_and_get_web_identity_token).await;
}

/// PostgreSQL: the whole flow on the other backend.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_good_tokens_rsa_and_ec() {
    common::on_postgres(good_tokens_rsa_and_ec).await;
}
