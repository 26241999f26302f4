//! Harness for black-box end-to-end tests of Warden through aws-sdk-rust.
//!
//! [`WardenServer::start`] spawns `warden serve --dev` on a free port with its own storage (a
//! fresh data directory, or the PostgreSQL database named by `WARDEN_E2E_DATABASE_URL`), waits
//! (at most [`START_TIMEOUT`]) for the one readiness line the CLI contract promises, and kills
//! and reaps the process on drop. [`WardenServer::client`] builds an `aws_sdk_iam::Client` that
//! talks to it exactly as an application would: endpoint override, static credentials, no retries
//! and bounded timeouts so that an error test never waits for a retry loop or a hung server.
//!
//! The binary comes from `WARDEN_BIN`, else `target/debug/warden` of this workspace
//! (`cargo build -p warden` first; `scripts/e2e.sh` does).

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_sdk_iam::config::retry::RetryConfig;
use aws_sdk_iam::config::timeout::TimeoutConfig;
use aws_sdk_iam::config::{BehaviorVersion, Credentials, Region, SharedCredentialsProvider};

/// The account every test server is started with.
pub const ACCOUNT_ID: &str = "123456789012";
/// The root access key id given to `warden serve --dev`.
pub const ROOT_ACCESS_KEY_ID: &str = "AKIAE2EROOTKEY000001";
/// The root secret access key given to `warden serve --dev`.
pub const ROOT_SECRET_ACCESS_KEY: &str = "e2eRootSecretKey/0123456789abcdefghijklmn";
/// The region clients sign with (any region is accepted, api.md §2.3).
pub const REGION: &str = "us-east-1";
/// Longest wait for the readiness line.
pub const START_TIMEOUT: Duration = Duration::from_secs(30);
/// Connect and read timeout of every client.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a test server could not be started.
#[derive(Debug, thiserror::Error)]
pub enum HarnessError {
    /// The server binary does not exist.
    #[error("warden binary not found at {0}: run `cargo build -p warden` or set WARDEN_BIN")]
    BinaryNotFound(PathBuf),
    /// A local I/O operation (free port, data directory, spawning) failed.
    #[error("{what}: {source}")]
    Io {
        /// What the harness was doing.
        what: &'static str,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The server exited or stayed silent instead of announcing its address.
    #[error(
        "warden did not report `warden: listening on {expected}` within {timeout:?}; stderr:\n{stderr}"
    )]
    NotReady {
        /// The URL the readiness line should have named.
        expected: String,
        /// How long the harness waited.
        timeout: Duration,
        /// What the server printed to stderr.
        stderr: String,
    },
}

/// A running `warden serve --dev` child process, killed and reaped on drop.
#[derive(Debug)]
pub struct WardenServer {
    child: Child,
    url: String,
    data_dir: Option<PathBuf>,
    stderr: Arc<Mutex<Vec<String>>>,
}

impl WardenServer {
    /// Start a server on a free port and wait until it is ready.
    ///
    /// Storage: the PostgreSQL database of `WARDEN_E2E_DATABASE_URL` when that is set and
    /// non-empty, else a fresh directory under the system temp dir (removed on drop).
    pub fn start() -> Result<Self, HarnessError> {
        let bin = warden_bin();
        if !bin.is_file() {
            return Err(HarnessError::BinaryNotFound(bin));
        }
        let port = free_port()?;
        let mut command = Command::new(&bin);
        command
            .args(["serve", "--dev", "--listen", &format!("127.0.0.1:{port}")])
            .args(["--account-id", ACCOUNT_ID])
            .args(["--root-access-key-id", ROOT_ACCESS_KEY_ID])
            .args(["--root-secret-access-key", ROOT_SECRET_ACCESS_KEY])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut data_dir = None;
        match std::env::var("WARDEN_E2E_DATABASE_URL") {
            Ok(url) if !url.is_empty() => {
                command.args(["--database-url", &url]);
            }
            _ => {
                let dir = std::env::temp_dir().join(unique("warden-e2e"));
                std::fs::create_dir_all(&dir).map_err(|source| HarnessError::Io {
                    what: "creating the data directory",
                    source,
                })?;
                command.arg("--data-dir").arg(&dir);
                data_dir = Some(dir);
            }
        }
        let mut child = command.spawn().map_err(|source| HarnessError::Io {
            what: "spawning warden",
            source,
        })?;
        let expected = format!("http://127.0.0.1:{port}");
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let (ready_tx, ready_rx) = mpsc::channel::<String>();
        if let Some(pipe) = child.stderr.take() {
            let lines = Arc::clone(&stderr);
            // Drain stderr for the whole life of the process so the server never blocks on a
            // full pipe, and report the readiness line's URL.
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    if let Some(url) = line.strip_prefix("warden: listening on ") {
                        // The receiver is gone once readiness was seen or the wait gave up.
                        let _ = ready_tx.send(url.trim().to_owned());
                    }
                    if let Ok(mut all) = lines.lock() {
                        all.push(line);
                    }
                }
            });
        }
        let server = Self {
            child,
            url: expected.clone(),
            data_dir,
            stderr,
        };
        match ready_rx.recv_timeout(START_TIMEOUT) {
            Ok(url) if url == expected => Ok(server),
            _ => Err(HarnessError::NotReady {
                expected,
                timeout: START_TIMEOUT,
                stderr: server.stderr_text(),
            }),
        }
    }

    /// The endpoint URL, `http://127.0.0.1:PORT`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Everything the server printed to stderr so far (for failure messages).
    pub fn stderr_text(&self) -> String {
        self.stderr
            .lock()
            .map(|lines| lines.join("\n"))
            .unwrap_or_default()
    }

    /// An IAM client signed with the given long-term credentials.
    pub async fn client(
        &self,
        access_key_id: &str,
        secret_access_key: &str,
    ) -> aws_sdk_iam::Client {
        let credentials =
            Credentials::new(access_key_id, secret_access_key, None, None, "warden-e2e");
        // Plain HTTP to 127.0.0.1: no TLS stack needed, which keeps the build light.
        let http = aws_smithy_http_client::Builder::new().build_http();
        let config = aws_config::defaults(BehaviorVersion::latest())
            .credentials_provider(SharedCredentialsProvider::new(credentials))
            .region(Region::new(REGION))
            .endpoint_url(self.url.clone())
            .http_client(http)
            .timeout_config(
                TimeoutConfig::builder()
                    .connect_timeout(CLIENT_TIMEOUT)
                    .read_timeout(CLIENT_TIMEOUT)
                    .operation_timeout(CLIENT_TIMEOUT * 3)
                    .build(),
            )
            // Error tests must see the first answer, not the last of several retries.
            .retry_config(RetryConfig::disabled())
            .load()
            .await;
        aws_sdk_iam::Client::new(&config)
    }

    /// An IAM client signed with the account's root access key.
    pub async fn root_client(&self) -> aws_sdk_iam::Client {
        self.client(ROOT_ACCESS_KEY_ID, ROOT_SECRET_ACCESS_KEY)
            .await
    }
}

impl Drop for WardenServer {
    fn drop(&mut self) {
        // Kill + wait: no process outlives its test, even when the test panics.
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(dir) = self.data_dir.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// The server binary: `WARDEN_BIN`, else `debug/warden` in the build's target directory
/// (`CARGO_TARGET_DIR` when cargo runs with one, otherwise this workspace's `target/`).
pub fn warden_bin() -> PathBuf {
    let non_empty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    match (non_empty("WARDEN_BIN"), non_empty("CARGO_TARGET_DIR")) {
        (Some(path), _) => PathBuf::from(path),
        (None, Some(target)) => PathBuf::from(target).join("debug/warden"),
        (None, None) => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/debug/warden"),
    }
}

/// A port that was free a moment ago (bind port 0 and let the kernel choose).
pub fn free_port() -> Result<u16, HarnessError> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|source| HarnessError::Io {
        what: "binding a free port",
        source,
    })?;
    let addr = listener.local_addr().map_err(|source| HarnessError::Io {
        what: "reading the bound port",
        source,
    })?;
    Ok(addr.port())
}

/// A name no other test (or earlier run on the same database) uses: `<prefix>-<time><counter>`.
pub fn unique(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(
        "{prefix}-{:x}{:x}{n}",
        nanos % 0xffff_ffff_ffff,
        std::process::id()
    )
}
