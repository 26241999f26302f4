//! Workload credentials and role-session providers through aws-sdk-rust:
//! * aws-config's ECS (container) credentials provider against Warden's
//!   `/_warden/workload/credentials`, from a separate program (`examples/workload_client.rs`)
//!   that has only the two container-credentials environment variables, across a session
//!   expiry (the server runs with `--workload-session-seconds`);
//! * aws-config's `AssumeRoleProvider` against Warden's STS.
//!
//! The container test starts its own `warden serve --dev` (the shared harness has no way to
//! pass the session lifetime) with the same storage conventions as `WardenServer`, and
//! registers the workload with `warden workload register` on that storage.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests: failing loudly is the point"
)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use aws_config::BehaviorVersion;
use aws_config::retry::RetryConfig;
use aws_config::sts::AssumeRoleProvider;
use aws_credential_types::Credentials;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use aws_sdk_sts::config::Region;
use warden_e2e::{
    ACCOUNT_ID, REGION, ROOT_ACCESS_KEY_ID, ROOT_SECRET_ACCESS_KEY, START_TIMEOUT, WardenServer,
    free_port, unique, warden_bin,
};

/// Lifetime of the workload sessions in the container test: short, so that one expiry
/// passes within the test; longer than the SDK identity cache's refresh buffer (10 s) is
/// not needed, the provider is simply asked again.
const SESSION_SECONDS: u64 = 12;

/// The trust policy an instance profile's role needs: EC2 may assume it.
const TRUST_EC2: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

const TRUST_ACCOUNT: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}"#;

/// Storage flags shared by the server and `warden workload`: the PostgreSQL database of
/// `WARDEN_E2E_DATABASE_URL` (the e2e script's PostgreSQL pass), else a fresh directory.
struct Storage {
    args: Vec<String>,
    dir: Option<PathBuf>,
}

impl Storage {
    fn new() -> Self {
        match std::env::var("WARDEN_E2E_DATABASE_URL") {
            Ok(url) if !url.is_empty() => Self {
                args: vec!["--database-url".to_owned(), url],
                dir: None,
            },
            _ => {
                let dir = std::env::temp_dir().join(unique("warden-e2e-workload"));
                std::fs::create_dir_all(&dir).unwrap();
                Self {
                    args: vec!["--data-dir".to_owned(), dir.display().to_string()],
                    dir: Some(dir),
                }
            }
        }
    }
}

impl Drop for Storage {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// `warden serve --dev` with short workload sessions; killed on drop.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(storage: &Storage) -> Self {
        let port = free_port().unwrap();
        let mut child = Command::new(warden_bin())
            .args(["serve", "--dev", "--listen", &format!("127.0.0.1:{port}")])
            .args(["--account-id", ACCOUNT_ID])
            .args(["--root-access-key-id", ROOT_ACCESS_KEY_ID])
            .args(["--root-secret-access-key", ROOT_SECRET_ACCESS_KEY])
            .args(["--workload-session-seconds", &SESSION_SECONDS.to_string()])
            .args(&storage.args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let url = format!("http://127.0.0.1:{port}");
        let (ready_tx, ready_rx) = mpsc::channel::<String>();
        let pipe = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                if let Some(addr) = line.strip_prefix("warden: listening on ") {
                    let _ = ready_tx.send(addr.trim().to_owned());
                }
            }
        });
        let server = Self { child, url };
        let announced = ready_rx.recv_timeout(START_TIMEOUT).unwrap();
        assert_eq!(announced, server.url);
        server
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn sdk_config_loader(endpoint: &str) -> aws_config::ConfigLoader {
    aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(REGION))
        .endpoint_url(endpoint)
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .retry_config(RetryConfig::disabled())
}

async fn root_config(endpoint: &str) -> aws_config::SdkConfig {
    let root = Credentials::new(
        ROOT_ACCESS_KEY_ID,
        ROOT_SECRET_ACCESS_KEY,
        None,
        None,
        "warden-e2e",
    );
    sdk_config_loader(endpoint)
        .credentials_provider(SharedCredentialsProvider::new(root))
        .load()
        .await
}

/// The compiled `examples/workload_client` next to this test binary (`cargo test` builds
/// the package's examples with its tests).
fn workload_client() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let debug = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let path = debug.join("examples").join("workload_client");
    assert!(
        path.is_file(),
        "{} missing: run `cargo test -p warden-e2e` (it builds the examples)",
        path.display()
    );
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn container_credentials_provider_gets_and_refreshes_the_profile_role() {
    let storage = Storage::new();
    let server = Server::start(&storage);
    let config = root_config(&server.url).await;
    let iam = aws_sdk_iam::Client::new(&config);
    let role = unique("workload-role");
    let profile = unique("workload-profile");
    iam.create_role()
        .role_name(&role)
        .assume_role_policy_document(TRUST_EC2)
        .send()
        .await
        .unwrap();
    iam.create_instance_profile()
        .instance_profile_name(&profile)
        .send()
        .await
        .unwrap();
    iam.add_role_to_instance_profile()
        .instance_profile_name(&profile)
        .role_name(&role)
        .send()
        .await
        .unwrap();
    let got = iam
        .get_instance_profile()
        .instance_profile_name(&profile)
        .send()
        .await
        .unwrap();
    let got = got.instance_profile().unwrap();
    assert!(got.instance_profile_id().starts_with("AIPA"));
    assert_eq!(got.roles().len(), 1);
    assert_eq!(got.roles()[0].role_name(), role);

    // The operator registers the workload on the server's storage.
    let registered = Command::new(warden_bin())
        .args(["workload", "register", "--account", ACCOUNT_ID])
        .args(["--instance-profile", &profile, "--output", "json"])
        .args(&storage.args)
        .output()
        .unwrap();
    assert!(
        registered.status.success(),
        "{}",
        String::from_utf8_lossy(&registered.stderr)
    );
    let registered: serde_json::Value = serde_json::from_slice(&registered.stdout).unwrap();
    let workload_id = registered["WorkloadId"].as_str().unwrap().to_owned();
    let token = registered["Token"].as_str().unwrap().to_owned();

    // The workload: only the two variables (no AWS_ACCESS_KEY_ID, no profile, no HOME).
    let started = Instant::now();
    let pause = SESSION_SECONDS + 3;
    let out = Command::new(workload_client())
        .args([server.url.as_str(), "2", &pause.to_string()])
        .env_clear()
        .env(
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            format!("{}/_warden/workload/credentials", server.url),
        )
        .env("AWS_CONTAINER_AUTHORIZATION_TOKEN", &token)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "workload failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(started.elapsed() >= Duration::from_secs(pause));
    let identities: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("identity "))
        .collect();
    let expected = format!("arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role}/{workload_id}");
    assert_eq!(
        identities,
        [expected.as_str(), expected.as_str()],
        "{stdout}"
    );
    // The second call came after the first session expired: it only succeeded because the
    // provider fetched a new session.
    let fetched: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("fetched "))
        .collect();
    assert!(fetched.len() >= 2, "{stdout}");
    assert!(fetched.iter().all(|k| k.starts_with("ASIA")), "{stdout}");
    assert_ne!(fetched.first(), fetched.last(), "{stdout}");

    // A revoked token gets nothing: the provider reports the 403.
    let revoked = Command::new(warden_bin())
        .args(["workload", "revoke", "--id", &workload_id])
        .args(&storage.args)
        .output()
        .unwrap();
    assert!(revoked.status.success());
    let out = Command::new(workload_client())
        .args([server.url.as_str(), "1", "0"])
        .env_clear()
        .env(
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            format!("{}/_warden/workload/credentials", server.url),
        )
        .env("AWS_CONTAINER_AUTHORIZATION_TOKEN", &token)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("identity "));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assume_role_provider_issues_sessions_of_the_role() {
    let server = WardenServer::start().unwrap();
    let root = root_config(server.url()).await;
    let iam = aws_sdk_iam::Client::new(&root);
    let role = unique("provider-role");
    let created = iam
        .create_role()
        .role_name(&role)
        .assume_role_policy_document(TRUST_ACCOUNT)
        .send()
        .await
        .unwrap();
    let role_arn = created.role().unwrap().arn().to_owned();
    iam.put_role_policy()
        .role_name(&role)
        .policy_name("read-roles")
        .policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}"#)
        .send()
        .await
        .unwrap();

    let provider = AssumeRoleProvider::builder(&role_arn)
        .session_name("e2e-provider")
        .configure(&root)
        .build()
        .await;
    let credentials = provider.provide_credentials().await.unwrap();
    assert!(credentials.access_key_id().starts_with("ASIA"));
    assert!(credentials.session_token().is_some());
    assert!(credentials.expiry().is_some());

    let assumed = sdk_config_loader(server.url())
        .credentials_provider(SharedCredentialsProvider::new(provider))
        .load()
        .await;
    let sts = aws_sdk_sts::Client::new(&assumed);
    let who = sts.get_caller_identity().send().await.unwrap();
    assert_eq!(
        who.arn().unwrap(),
        format!("arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role}/e2e-provider")
    );
    assert_eq!(who.account().unwrap(), ACCOUNT_ID);
    // The session has the role's permissions: GetRole yes, ListRoles no.
    let as_role = aws_sdk_iam::Client::new(&assumed);
    let got = as_role.get_role().role_name(&role).send().await.unwrap();
    assert_eq!(got.role().unwrap().arn(), role_arn);
    let denied = as_role.list_roles().send().await.unwrap_err();
    assert_eq!(
        aws_sdk_iam::error::ProvideErrorMetadata::code(&denied),
        Some("AccessDenied")
    );

    // A role the caller may not assume: the provider reports STS's AccessDenied.
    let untrusting = unique("provider-untrusting");
    let other = iam
        .create_role()
        .role_name(&untrusting)
        .assume_role_policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
        )
        .send()
        .await
        .unwrap();
    let refused = AssumeRoleProvider::builder(other.role().unwrap().arn())
        .session_name("e2e-provider")
        .configure(&root)
        .build()
        .await;
    let err = refused.provide_credentials().await.unwrap_err();
    assert!(
        format!("{}", aws_sdk_sts::error::DisplayErrorContext(&err)).contains("AccessDenied"),
        "{err:?}"
    );
}
