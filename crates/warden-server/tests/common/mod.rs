//! In-process harness: `app(state)` on a temporary store, requests signed with the
//! `aws-sigv4` crate (the SDKs' signer) at the injected clock's time.

#![allow(dead_code, reason = "each test file uses a different subset")]
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::string_slice,
    clippy::indexing_slicing,
    reason = "test harness: failing loudly is the point"
)]

use std::sync::Arc;
use std::time::SystemTime;

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use axum::Router;
use axum::body::Body;
use time::OffsetDateTime;
use tower::ServiceExt;
use warden_core::{AeadCipher, CipherKey, FixedClock, SequentialIds, Store};
use warden_server::bootstrap::{RootKey, ensure_account};
use warden_server::{AppState, DevMode, ServerConfig, Services, StoreFuture, app};
use warden_store_sqlite::SqliteStore;

pub(crate) const ACCOUNT: &str = "123456789012";
pub(crate) const ROOT: (&str, &str) = (
    "AKIAROOTKEY000000001",
    "rootsecretrootsecretrootsecretrootsecret",
);
/// 2024-05-01T12:00:00Z.
pub(crate) const START: i64 = 1_714_564_800;

pub(crate) struct Server<S: Store> {
    pub(crate) app: Router,
    pub(crate) state: AppState<S>,
    pub(crate) clock: Arc<FixedClock>,
    pub(crate) store: S,
    pub(crate) dir: tempfile::TempDir,
}

pub(crate) async fn sqlite() -> Server<SqliteStore> {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("warden.sqlite"))
        .await
        .unwrap();
    server(store, dir).await
}

/// A dev-mode server whose reset reopens a fresh SQLite file.
pub(crate) async fn sqlite_dev() -> Server<SqliteStore> {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("warden.sqlite");
    let store = SqliteStore::open(&db).await.unwrap();
    let dev = DevMode {
        fresh_store: Some(Box::new(
            move |old: SqliteStore| -> StoreFuture<SqliteStore> {
                let db = db.clone();
                Box::pin(async move {
                    old.close().await?;
                    let _ = std::fs::remove_file(&db);
                    SqliteStore::open(&db).await
                })
            },
        )),
        root: RootKey::new(ROOT.0, ROOT.1).unwrap(),
    };
    build(store, dir, Some(dev)).await
}

/// Another app on the same store (a second node).
pub(crate) fn second_node<S: Store>(srv: &Server<S>) -> Server<S> {
    node_with(srv, |_| {})
}

/// Another app on the same store and clock whose configuration `configure` changed.
pub(crate) fn node_with<S: Store>(
    srv: &Server<S>,
    configure: impl FnOnce(&mut ServerConfig),
) -> Server<S> {
    let services = srv.state.services().clone();
    let mut config = ServerConfig::new(ACCOUNT.parse().unwrap());
    configure(&mut config);
    let state = AppState::new(srv.store.clone(), config, services, None);
    Server {
        app: app(state.clone()),
        state,
        clock: srv.clock.clone(),
        store: srv.store.clone(),
        dir: tempfile::tempdir().unwrap(),
    }
}

pub(crate) async fn server<S: Store>(store: S, dir: tempfile::TempDir) -> Server<S> {
    build(store, dir, None).await
}

async fn build<S: Store>(store: S, dir: tempfile::TempDir, dev: Option<DevMode<S>>) -> Server<S> {
    let clock = Arc::new(FixedClock::new(
        OffsetDateTime::from_unix_timestamp(START).unwrap(),
    ));
    let services = Services {
        clock: clock.clone(),
        ids: Arc::new(SequentialIds::new()),
        cipher: Arc::new(AeadCipher::new(CipherKey::from_bytes([7; 32]))),
    };
    let account = ACCOUNT.parse().unwrap();
    ensure_account(
        &store,
        &services,
        account,
        Some(&RootKey::new(ROOT.0, ROOT.1).unwrap()),
    )
    .await
    .unwrap();
    let state = AppState::new(store.clone(), ServerConfig::new(account), services, dev);
    Server {
        app: app(state.clone()),
        state,
        clock,
        store,
        dir,
    }
}

#[derive(Debug)]
pub(crate) struct Resp {
    pub(crate) status: u16,
    pub(crate) body: String,
    pub(crate) request_id: Option<String>,
    pub(crate) content_type: Option<String>,
}

impl Resp {
    /// The text of the first `<tag>` element.
    pub(crate) fn text(&self, tag: &str) -> Option<String> {
        let open = format!("<{tag}>");
        let start = self.body.find(&open)? + open.len();
        let end = self.body[start..].find(&format!("</{tag}>"))? + start;
        Some(self.body[start..end].to_owned())
    }

    pub(crate) fn code(&self) -> String {
        self.text("Code").unwrap_or_default()
    }

    pub(crate) fn message(&self) -> String {
        self.text("Message").unwrap_or_default()
    }

    #[track_caller]
    pub(crate) fn assert_error(&self, status: u16, code: &str, message: &str) {
        assert_eq!(
            (self.status, self.code().as_str(), self.message().as_str()),
            (status, code, message),
            "body: {}",
            self.body
        );
    }

    #[track_caller]
    pub(crate) fn assert_ok(&self) -> &Self {
        assert_eq!(self.status, 200, "body: {}", self.body);
        self
    }

    /// The body with the request id replaced, for golden comparisons.
    pub(crate) fn normalized(&self) -> String {
        let mut out = self.body.clone();
        if let Some(id) = &self.request_id {
            out = out.replace(id.as_str(), "REQUEST-ID");
        }
        out
    }
}

pub(crate) fn form(params: &[(&str, &str)]) -> String {
    params
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Signs a POST of `body` for `service` at `time`.
pub(crate) fn signed(
    creds: (&str, &str),
    service: &str,
    body: &str,
    time: SystemTime,
) -> http::Request<Body> {
    let identity: Identity = Credentials::new(creds.0, creds.1, None, None, "test").into();
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
    req = req.header("user-agent", "warden-tests/1.0");
    let mut req = req.body(Body::from(body.to_owned())).unwrap();
    instructions.apply_to_request_http1x(&mut req);
    req
}

impl<S: Store> Server<S> {
    pub(crate) fn now(&self) -> SystemTime {
        use warden_core::Clock;
        self.clock.now().into()
    }

    pub(crate) async fn send(&self, req: http::Request<Body>) -> Resp {
        let resp = self.app.clone().oneshot(req).await.unwrap();
        let status = resp.status().as_u16();
        let (parts, body) = resp.into_parts();
        let header = |n: &str| parts.headers.get(n).map(|v| v.to_str().unwrap().to_owned());
        let request_id = header("x-amzn-requestid");
        let content_type = header("content-type");
        let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        Resp {
            status,
            body: String::from_utf8(bytes.to_vec()).unwrap(),
            request_id,
            content_type,
        }
    }

    /// An IAM call signed with `creds`.
    pub(crate) async fn call_as(
        &self,
        creds: (&str, &str),
        action: &str,
        params: &[(&str, &str)],
    ) -> Resp {
        let mut all = vec![("Action", action), ("Version", "2010-05-08")];
        all.extend_from_slice(params);
        self.send(signed(creds, "iam", &form(&all), self.now()))
            .await
    }

    /// An IAM call as root.
    pub(crate) async fn call(&self, action: &str, params: &[(&str, &str)]) -> Resp {
        self.call_as(ROOT, action, params).await
    }

    /// Creates a user with an access key; returns (key id, secret).
    pub(crate) async fn user_with_key(&self, name: &str) -> (String, String) {
        self.call("CreateUser", &[("UserName", name)])
            .await
            .assert_ok();
        let r = self.call("CreateAccessKey", &[("UserName", name)]).await;
        r.assert_ok();
        (
            r.text("AccessKeyId").unwrap(),
            r.text("SecretAccessKey").unwrap(),
        )
    }

    pub(crate) fn advance(&self, secs: u64) {
        self.clock
            .advance(time::Duration::seconds(i64::try_from(secs).unwrap()));
    }

    /// All audit events (CloudTrail JSON) of the account, oldest first.
    pub(crate) async fn audit(&self) -> Vec<serde_json::Value> {
        use warden_core::Transaction;
        // Reads and failures are audited in the background: wait for them.
        self.state.flush_audit().await;
        let mut tx = self.store.begin().await.unwrap();
        let page = tx
            .audit_events(ACCOUNT.parse().unwrap(), None, 1000)
            .await
            .unwrap();
        tx.rollback().await.unwrap();
        page.items
            .iter()
            .map(|e| serde_json::from_str(&e.document).unwrap())
            .collect()
    }
}

/// Compares with `tests/golden/<name>.xml`; `WARDEN_BLESS=1` (re)writes the file.
#[track_caller]
pub(crate) fn golden(name: &str, resp: &Resp) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.xml"));
    let actual = resp.normalized() + "\n";
    if std::env::var_os("WARDEN_BLESS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run with WARDEN_BLESS=1",
            path.display()
        )
    });
    assert_eq!(actual, expected, "golden {name}");
}

/// A throw-away PostgreSQL database (`WARDEN_TEST_POSTGRES`, default
/// `postgres://postgres@127.0.0.1:5432`), dropped by [`TestDb::drop_db`].
pub(crate) struct TestDb {
    name: String,
}

fn pg_server() -> String {
    std::env::var("WARDEN_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned())
}

impl TestDb {
    pub(crate) async fn create() -> Self {
        use sqlx::Connection;
        use warden_core::IdGenerator;
        let name = format!(
            "warden_srv_test_{}",
            warden_core::RandomIds.event_id().replace('-', "")
        );
        let mut admin = sqlx::PgConnection::connect(&format!("{}/postgres", pg_server()))
            .await
            .unwrap();
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .unwrap();
        Self { name }
    }

    pub(crate) fn url(&self) -> String {
        format!("{}/{}", pg_server(), self.name)
    }

    pub(crate) async fn drop_db(self) {
        use sqlx::Connection;
        let mut admin = sqlx::PgConnection::connect(&format!("{}/postgres", pg_server()))
            .await
            .unwrap();
        sqlx::query(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ))
        .execute(&mut admin)
        .await
        .unwrap();
    }
}

/// A server on a fresh PostgreSQL database.
pub(crate) async fn postgres(db: &TestDb) -> Server<warden_store_postgres::PgStore> {
    let store = warden_store_postgres::PgStore::connect(&db.url())
        .await
        .unwrap();
    server(store, tempfile::tempdir().unwrap()).await
}

/// A dev-mode server on a fresh PostgreSQL database: its reset wipes the store in place.
pub(crate) async fn postgres_dev(db: &TestDb) -> Server<warden_store_postgres::PgStore> {
    let store = warden_store_postgres::PgStore::connect(&db.url())
        .await
        .unwrap();
    let dev = DevMode {
        fresh_store: None,
        root: RootKey::new(ROOT.0, ROOT.1).unwrap(),
    };
    build(store, tempfile::tempdir().unwrap(), Some(dev)).await
}

/// Runs `scenario` on a fresh database, then drops the database even if it failed.
pub(crate) async fn on_postgres<F, Fut>(scenario: F)
where
    F: FnOnce(Server<warden_store_postgres::PgStore>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let db = TestDb::create().await;
    let srv = postgres(&db).await;
    let store = srv.store.clone();
    let outcome = tokio::time::timeout(
        std::time::Duration::from_secs(120),
        tokio::spawn(scenario(srv)),
    )
    .await;
    store.close().await;
    drop(store);
    db.drop_db().await;
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(failure)) => std::panic::resume_unwind(failure.into_panic()),
        Err(_) => panic!("scenario timed out"),
    }
}
