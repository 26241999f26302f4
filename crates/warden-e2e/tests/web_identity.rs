//! aws-config's web identity credentials provider against Warden (issue 4 item 8).
//!
//! The test process runs a real OIDC issuer: discovery and JWKS over HTTPS on 127.0.0.1 with
//! a self-signed certificate (rcgen) whose SHA-1 thumbprint is registered on the IAM OIDC
//! provider (Warden pins the certificate by thumbprint, api.md §5.13), and RS256 tokens. A
//! spawned `warden serve --dev` (SQLite, or the PostgreSQL database of
//! `WARDEN_E2E_DATABASE_URL`) fetches the keys from it when the provider calls
//! AssumeRoleWithWebIdentity.
//!
//! The provider runs in `examples/web_identity_client.rs`, a separate program, because its STS
//! endpoint can only come from the process environment (`AWS_ENDPOINT_URL_STS`); see there.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::routing::get;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rsa::signature::{SignatureEncoding as _, Signer as _};
use rsa::traits::PublicKeyParts as _;
use serde_json::json;
use sha1::Digest as _;
use warden_e2e::{ACCOUNT_ID, WardenServer, unique};

/// The client id (audience) registered on the OIDC provider and put in the tokens.
const CLIENT_ID: &str = "warden-e2e-app";
/// The subject the role's trust policy admits.
const TRUSTED_SUBJECT: &str = "system:serviceaccount:e2e:workload";
/// The session name the provider is configured with.
const SESSION_NAME: &str = "e2e-web-identity";

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

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// An OIDC issuer on `https://localhost:<port>` (bound to 127.0.0.1) with a self-signed
/// certificate and one RSA signing key; served until the test's runtime ends.
struct Issuer {
    url: String,
    thumbprint: String,
    key: rsa::pkcs1v15::SigningKey<sha2::Sha256>,
}

impl Issuer {
    const KID: &str = "e2e-rsa-1";

    async fn start() -> Self {
        let private = rsa::RsaPrivateKey::new(&mut Rng06(rand::rng()), 2048).unwrap();
        let jwks = json!({"keys": [{
            "kty": "RSA", "kid": Self::KID, "use": "sig", "alg": "RS256",
            "n": b64(&private.n().to_bytes_be()), "e": b64(&private.e().to_bytes_be()),
        }]})
        .to_string();

        let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
        let cert_der = certified.cert.der().clone();
        // IAM's ThumbprintList form: SHA-1 of the DER certificate, hex.
        let thumbprint: String = sha1::Sha1::digest(cert_der.as_ref())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let key_der =
            rustls::pki_types::PrivateKeyDer::Pkcs8(certified.key_pair.serialize_der().into());
        let tls = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![cert_der], key_der)
        .unwrap();

        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!(
            "https://localhost:{}",
            listener.local_addr().unwrap().port()
        );
        let discovery = json!({
            "issuer": url,
            "jwks_uri": format!("{url}/keys"),
            "response_types_supported": ["id_token"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
        })
        .to_string();
        let app = Router::new()
            .route(
                "/.well-known/openid-configuration",
                get(move || std::future::ready(discovery.clone())),
            )
            .route("/keys", get(move || std::future::ready(jwks.clone())));
        let tls = axum_server::tls_rustls::RustlsConfig::from_config(Arc::new(tls));
        tokio::spawn(async move {
            axum_server::from_tcp_rustls(listener, tls)
                .serve(app.into_make_service())
                .await
                .unwrap();
        });
        Self {
            url,
            thumbprint,
            key: rsa::pkcs1v15::SigningKey::new(private),
        }
    }

    /// The provider URL without `https://`: the IAM provider's name and condition-key prefix.
    fn host(&self) -> &str {
        self.url.strip_prefix("https://").unwrap()
    }

    fn provider_arn(&self) -> String {
        format!("arn:aws:iam::{ACCOUNT_ID}:oidc-provider/{}", self.host())
    }

    /// An RS256 token for `sub` and the registered client id, valid from `issued` to `expires`.
    fn token(&self, sub: &str, issued: u64, expires: u64) -> String {
        let header = json!({"alg": "RS256", "typ": "JWT", "kid": Self::KID});
        let claims = json!({
            "iss": self.url, "sub": sub, "aud": CLIENT_ID,
            "iat": issued, "nbf": issued, "exp": expires,
        });
        let input = format!(
            "{}.{}",
            b64(header.to_string().as_bytes()),
            b64(claims.to_string().as_bytes())
        );
        let signature = self.key.sign(input.as_bytes()).to_vec();
        format!("{input}.{}", b64(&signature))
    }
}

/// Warden, the issuer registered as an OIDC provider, and a role that trusts
/// [`TRUSTED_SUBJECT`] of that provider and may call `iam:GetRole` (nothing else).
struct Federation {
    server: WardenServer,
    issuer: Issuer,
    role_name: String,
    role_arn: String,
    token_dir: tempfile::TempDir,
}

impl Federation {
    async fn start() -> Self {
        let server = WardenServer::start().unwrap();
        let iam = server.root_client().await;
        let issuer = Issuer::start().await;

        let created = iam
            .create_open_id_connect_provider()
            .url(&issuer.url)
            .client_id_list(CLIENT_ID)
            .thumbprint_list(&issuer.thumbprint)
            .send()
            .await
            .unwrap();
        assert_eq!(
            created.open_id_connect_provider_arn(),
            Some(issuer.provider_arn().as_str())
        );

        let host = issuer.host();
        let trust = json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": {"Federated": issuer.provider_arn()},
                "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {"StringEquals": {
                    format!("{host}:sub"): TRUSTED_SUBJECT,
                    format!("{host}:aud"): CLIENT_ID,
                }},
            }],
        })
        .to_string();
        let role_name = unique("web-identity-role");
        let role = iam
            .create_role()
            .role_name(&role_name)
            .assume_role_policy_document(trust)
            .send()
            .await
            .unwrap();
        let role_arn = role.role().unwrap().arn().to_owned();
        iam.put_role_policy()
            .role_name(&role_name)
            .policy_name("get-role-only")
            .policy_document(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}"#,
            )
            .send()
            .await
            .unwrap();
        Self {
            server,
            issuer,
            role_name,
            role_arn,
            token_dir: tempfile::tempdir().unwrap(),
        }
    }

    /// Writes `token` to a fresh file and runs the web identity client with it.
    async fn run_client(&self, token: &str) -> Output {
        let token_file = self.token_dir.path().join(unique("token"));
        std::fs::write(&token_file, token).unwrap();
        let mut command = Command::new(web_identity_client());
        command
            .args([self.server.url(), &self.role_arn, SESSION_NAME])
            .arg(&token_file)
            .arg(&self.role_name)
            // Only the STS endpoint: no credentials, no profile, no AWS_ROLE_ARN or
            // AWS_WEB_IDENTITY_TOKEN_FILE (the provider's configuration is static).
            .env_clear()
            .env("AWS_ENDPOINT_URL_STS", self.server.url());
        // The issuer answers Warden's key fetch on this runtime: run the child off it.
        tokio::task::spawn_blocking(move || command.output().unwrap())
            .await
            .unwrap()
    }
}

/// The compiled `examples/web_identity_client` next to this test binary (`cargo test` builds
/// the package's examples with its tests).
fn web_identity_client() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let debug: &Path = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let path = debug.join("examples").join("web_identity_client");
    assert!(
        path.is_file(),
        "{} missing: run `cargo test -p warden-e2e` (it builds the examples)",
        path.display()
    );
    path
}

/// The value of each `key value` line of the client's stdout, in order.
fn lines<'a>(stdout: &'a str, key: &str) -> Vec<&'a str> {
    stdout
        .lines()
        .filter_map(|line| line.strip_prefix(key)?.strip_prefix(' '))
        .collect()
}

fn describe(out: &Output) -> String {
    format!(
        "status {}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn web_identity_provider_assumes_the_role_for_a_trusted_subject() {
    let federation = Federation::start().await;
    let issued = now();
    let token = federation
        .issuer
        .token(TRUSTED_SUBJECT, issued, issued + 3600);
    let out = federation.run_client(&token).await;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{}\nserver:\n{}",
        describe(&out),
        federation.server.stderr_text()
    );

    // Temporary credentials from AssumeRoleWithWebIdentity.
    let fetched = lines(&stdout, "fetched");
    assert_eq!(fetched.len(), 1, "{stdout}");
    assert!(fetched[0].starts_with("ASIA"), "{stdout}");
    // The SDK clients signed with them act as the assumed role, under the configured
    // session name.
    assert_eq!(
        lines(&stdout, "identity"),
        [format!(
            "arn:aws:sts::{ACCOUNT_ID}:assumed-role/{}/{SESSION_NAME}",
            federation.role_name
        )],
        "{stdout}"
    );
    // The role's policy allows GetRole and nothing else.
    assert_eq!(lines(&stdout, "get-role"), ["ok"], "{stdout}");
    assert_eq!(lines(&stdout, "list-roles"), ["AccessDenied"], "{stdout}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn web_identity_provider_reports_refused_and_expired_tokens() {
    let federation = Federation::start().await;
    let issued = now();

    // A subject the trust policy does not name: the provider fails with STS's AccessDenied.
    let stranger =
        federation
            .issuer
            .token("system:serviceaccount:e2e:stranger", issued, issued + 3600);
    let out = federation.run_client(&stranger).await;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!out.status.success(), "{}", describe(&out));
    assert_eq!(
        lines(&stdout, "provider-error"),
        ["AccessDenied"],
        "{}",
        describe(&out)
    );
    assert_eq!(
        lines(&stdout, "message"),
        ["Not authorized to perform sts:AssumeRoleWithWebIdentity"],
        "{stdout}"
    );
    assert!(lines(&stdout, "fetched").is_empty(), "{stdout}");

    // The trusted subject, but expired well beyond the 60 s clock-skew leeway: Warden
    // answers ExpiredTokenException as STS does.
    let expired_at = issued - 600;
    let expired = federation
        .issuer
        .token(TRUSTED_SUBJECT, issued - 4200, expired_at);
    let out = federation.run_client(&expired).await;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!out.status.success(), "{}", describe(&out));
    assert_eq!(
        lines(&stdout, "provider-error"),
        ["ExpiredTokenException"],
        "{}",
        describe(&out)
    );
    let message = lines(&stdout, "message");
    assert_eq!(message.len(), 1, "{stdout}");
    assert!(
        message[0].starts_with("Token expired: current date/time ")
            && message[0].ends_with(&format!(
                " must be before the expiration date/time{expired_at}"
            )),
        "{stdout}"
    );
    assert!(lines(&stdout, "fetched").is_empty(), "{stdout}");

    // The same subject with a valid token still gets in: the refusals were about the tokens.
    let valid = federation
        .issuer
        .token(TRUSTED_SUBJECT, issued, issued + 3600);
    let out = federation.run_client(&valid).await;
    assert!(out.status.success(), "{}", describe(&out));
}
