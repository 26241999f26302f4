//! `warden serve`: the IAM service over HTTP, plus the storage options shared with
//! `warden account` and `warden audit`.
//!
//! Configuration precedence: flags, then environment variables (`WARDEN_*`), then the TOML
//! file given with `--config`, then defaults.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context as _, bail};
use serde::Deserialize;
use warden_core::{AeadCipher, CipherKey, RandomIds, Store, SystemClock};
use warden_server::bootstrap::{RootKey, ensure_account};
use warden_server::serve::TlsFiles;
use warden_server::{AppState, DevMode, ServerConfig, Services, StoreFuture, app};
use warden_store_postgres::PgStore;
use warden_store_sqlite::SqliteStore;
use warden_types::AccountId;

/// The default listen address.
const DEFAULT_LISTEN: &str = "127.0.0.1:8700";
/// The default data directory (SQLite file and key file).
const DEFAULT_DATA_DIR: &str = "./warden-data";
/// The default account.
pub(crate) const DEFAULT_ACCOUNT: &str = "123456789012";
/// The SQLite file inside the data directory.
const DB_FILE: &str = "warden.sqlite";
/// The secret-encryption key file inside the data directory.
const KEY_FILE: &str = "warden.key";

/// The deployment's region unless configured.
const DEFAULT_REGION: &str = "us-east-1";

/// Where the state lives; shared by `serve`, `account` and `audit`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct StorageArgs {
    /// A TOML configuration file (keys: listen, data_dir, database_url, key_file,
    /// account_id, root_access_key_id, root_secret_access_key, log, tls_cert, tls_key, region).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Directory of the embedded SQLite database and the key file [default: ./warden-data].
    #[arg(long, env = "WARDEN_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Use PostgreSQL instead of the embedded SQLite (`postgres://...`).
    #[arg(long, env = "WARDEN_DATABASE_URL")]
    database_url: Option<String>,
    /// The secret-encryption key file, created on first use [default: DATA_DIR/warden.key].
    /// Nodes sharing one PostgreSQL database must use the same key.
    #[arg(long, env = "WARDEN_KEY_FILE")]
    key_file: Option<PathBuf>,
}

/// The `--config` file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileConfig {
    listen: Option<String>,
    data_dir: Option<PathBuf>,
    database_url: Option<String>,
    key_file: Option<PathBuf>,
    account_id: Option<String>,
    root_access_key_id: Option<String>,
    root_secret_access_key: Option<String>,
    log: Option<String>,
    tls_cert: Option<PathBuf>,
    tls_key: Option<PathBuf>,
    region: Option<String>,
}

impl StorageArgs {
    pub(crate) fn file(&self) -> anyhow::Result<FileConfig> {
        match &self.config {
            None => Ok(FileConfig::default()),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("while reading {}", path.display()))?;
                toml::from_str(&text).with_context(|| format!("while parsing {}", path.display()))
            }
        }
    }

    fn data_dir(&self, file: &FileConfig) -> PathBuf {
        self.data_dir
            .clone()
            .or_else(|| file.data_dir.clone())
            .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR))
    }

    fn database_url(&self, file: &FileConfig) -> Option<String> {
        self.database_url
            .clone()
            .or_else(|| file.database_url.clone())
    }

    fn explicit_storage(&self, file: &FileConfig) -> bool {
        self.data_dir.is_some() || file.data_dir.is_some() || self.database_url(file).is_some()
    }

    /// The cipher key: the data directory's key file (created on first use), or the fixed
    /// dev key.
    fn key(&self, file: &FileConfig, dev: bool) -> anyhow::Result<CipherKey> {
        if dev {
            return Ok(CipherKey::from_bytes(DEV_KEY));
        }
        let path = match self.key_file.clone().or_else(|| file.key_file.clone()) {
            Some(path) => path,
            None => {
                let dir = self.data_dir(file);
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("while creating {}", dir.display()))?;
                dir.join(KEY_FILE)
            }
        };
        Ok(warden_core::keyfile::load_or_create(&path)?)
    }
}

/// Work that runs against whichever backend is configured (the backend is chosen once,
/// here).
pub(crate) trait StoreTask {
    /// The result.
    type Output;
    /// Whether the task opens or seals secrets (and so needs the key file).
    const NEEDS_KEY: bool = true;
    /// Runs with an open store.
    async fn run<S: Store>(self, store: S, services: Services) -> anyhow::Result<Self::Output>;
}

/// Opens the configured storage, runs `task` on a fresh runtime, closes the storage.
pub(crate) fn with_store<T: StoreTask>(
    storage: &StorageArgs,
    task: T,
) -> anyhow::Result<T::Output> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("while starting the async runtime")?;
    runtime.block_on(async {
        let file = storage.file()?;
        let key = if T::NEEDS_KEY {
            storage.key(&file, false)?
        } else {
            // Never used: the task does not touch secrets.
            CipherKey::generate()
        };
        let services = services(key);
        match storage.database_url(&file) {
            Some(url) => {
                let store = PgStore::connect(&url)
                    .await
                    .context("while connecting to PostgreSQL")?;
                let result = task.run(store.clone(), services).await;
                store.close().await;
                result
            }
            None => {
                let dir = storage.data_dir(&file);
                let store = open_sqlite(&dir).await?;
                let result = task.run(store.clone(), services).await;
                let _ = store.close().await;
                result
            }
        }
    })
}

/// A fixed key for dev-mode storage: test data is throw-away, and several dev nodes
/// sharing one database must open each other's secrets.
const DEV_KEY: [u8; 32] = *b"warden-dev-mode-key-not-secret!!";

async fn open_sqlite(dir: &Path) -> anyhow::Result<SqliteStore> {
    std::fs::create_dir_all(dir).with_context(|| format!("while creating {}", dir.display()))?;
    SqliteStore::open(&dir.join(DB_FILE))
        .await
        .with_context(|| format!("while opening the database in {}", dir.display()))
}

fn services(key: CipherKey) -> Services {
    Services {
        clock: Arc::new(SystemClock),
        ids: Arc::new(RandomIds),
        cipher: Arc::new(AeadCipher::new(key)),
    }
}

/// Arguments of `warden serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    storage: StorageArgs,
    /// Listen address [default: 127.0.0.1:8700].
    #[arg(long, env = "WARDEN_LISTEN")]
    listen: Option<String>,
    /// The account created on first start [default: 123456789012].
    #[arg(long, env = "WARDEN_ACCOUNT_ID")]
    account_id: Option<String>,
    /// Root access key id (≥ 3 printable characters); generated on first start if absent.
    #[arg(
        long,
        env = "WARDEN_ROOT_ACCESS_KEY_ID",
        requires = "root_secret_access_key"
    )]
    root_access_key_id: Option<String>,
    /// Root secret access key.
    #[arg(
        long,
        env = "WARDEN_ROOT_SECRET_ACCESS_KEY",
        requires = "root_access_key_id"
    )]
    root_secret_access_key: Option<String>,
    /// Log filter (tracing `EnvFilter` syntax, e.g. `info` or `warden_server=debug`).
    #[arg(long, env = "WARDEN_LOG")]
    log: Option<String>,
    /// TLS certificate chain (PEM); with --tls-key serves HTTPS.
    #[arg(long, requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// TLS private key (PEM).
    #[arg(long, requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Test mode: temporary storage unless --data-dir/--database-url is given, and
    /// `POST /_warden/dev/reset` wipes all state.
    #[arg(long)]
    dev: bool,
    /// Lifetime in seconds of the role sessions the workload credentials endpoint issues
    /// (`warden workload`) [default: 3600].
    #[arg(long, env = "WARDEN_WORKLOAD_SESSION_SECONDS")]
    workload_session_seconds: Option<u32>,
    /// Public base URL of this server: each account's OIDC issuer (GetWebIdentityToken) is
    /// `<url>/oidc/<account>`, with discovery and JWKS served under it
    /// [default: the listen address with the listener's scheme].
    #[arg(long, env = "WARDEN_OIDC_ISSUER_URL")]
    oidc_issuer_url: Option<String>,
    /// The deployment's region: workload sessions are issued there and unsigned calls are
    /// audited there (signed calls keep their signing region) [default: us-east-1].
    #[arg(long, env = "WARDEN_REGION")]
    region: Option<String>,
}

/// Runs the server until SIGINT/SIGTERM.
pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let file = args.storage.file()?;
    let log = args
        .log
        .clone()
        .or_else(|| file.log.clone())
        .unwrap_or_else(|| "warn".to_owned());
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_new(&log).context("invalid log filter")?,
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("while starting the async runtime")?;
    runtime.block_on(serve(args, file))?;
    Ok(ExitCode::SUCCESS)
}

async fn serve(args: Args, file: FileConfig) -> anyhow::Result<()> {
    let listen = args
        .listen
        .clone()
        .or_else(|| file.listen.clone())
        .unwrap_or_else(|| DEFAULT_LISTEN.to_owned());
    let addr: SocketAddr = listen
        .parse()
        .with_context(|| format!("invalid listen address `{listen}`"))?;
    let account_text = args
        .account_id
        .clone()
        .or_else(|| file.account_id.clone())
        .unwrap_or_else(|| DEFAULT_ACCOUNT.to_owned());
    let account: AccountId = account_text.parse()?;
    let root = match (
        args.root_access_key_id
            .clone()
            .or_else(|| file.root_access_key_id.clone()),
        args.root_secret_access_key
            .clone()
            .or_else(|| file.root_secret_access_key.clone()),
    ) {
        (Some(id), Some(secret)) => Some(RootKey::new(&id, &secret)?),
        (None, None) => None,
        _ => bail!("give both the root access key id and the root secret access key"),
    };
    let tls = match (
        args.tls_cert.clone().or_else(|| file.tls_cert.clone()),
        args.tls_key.clone().or_else(|| file.tls_key.clone()),
    ) {
        (Some(cert), Some(key)) => Some(TlsFiles { cert, key }),
        (None, None) => None,
        _ => bail!("give both --tls-cert and --tls-key"),
    };
    let region = args
        .region
        .clone()
        .or_else(|| file.region.clone())
        .unwrap_or_else(|| DEFAULT_REGION.to_owned());
    // The rule the SigV4 verifier applies to credential scopes.
    if !warden_sigv4::is_region_name(&region) {
        bail!("invalid region `{region}`: lower-case letters, digits and hyphens, e.g. eu-west-1");
    }
    let settings = Settings {
        addr,
        region,
        account,
        root,
        tls,
        dev: args.dev,
        workload_session_seconds: args.workload_session_seconds,
        oidc_issuer_url: args.oidc_issuer_url,
    };
    if let Some(url) = args.storage.database_url(&file) {
        let services = services(args.storage.key(&file, args.dev)?);
        let store = PgStore::connect(&url)
            .await
            .context("while connecting to PostgreSQL")?;
        // No fresh store: the dev reset empties this database in place (`Store::wipe`).
        run_server(store.clone(), services, settings, None).await?;
        store.close().await;
        return Ok(());
    }

    // Dev mode without explicit storage: a fresh temporary directory, deleted at exit.
    let temp = if args.dev && !args.storage.explicit_storage(&file) {
        Some(tempfile::Builder::new().prefix("warden-dev-").tempdir()?)
    } else {
        None
    };
    let dir = match &temp {
        Some(t) => t.path().to_owned(),
        None => args.storage.data_dir(&file),
    };
    let services = match &temp {
        Some(_) => services(CipherKey::from_bytes(DEV_KEY)),
        None => services(args.storage.key(&file, args.dev)?),
    };
    let store = open_sqlite(&dir).await?;
    let db = dir.join(DB_FILE);
    let wipe: FreshStore<SqliteStore> =
        Box::new(move |old: SqliteStore| -> StoreFuture<SqliteStore> {
            let db = db.clone();
            Box::pin(async move {
                old.close().await?;
                for suffix in ["", "-wal", "-shm"] {
                    let mut path = db.clone().into_os_string();
                    path.push(suffix);
                    // Missing files are fine: there is nothing to wipe then.
                    let _ = std::fs::remove_file(PathBuf::from(path));
                }
                SqliteStore::open(&db).await
            })
        });
    let state = run_server(store, services, settings, Some(wipe)).await?;
    if let Ok(current) = state.store()
        && let Err(e) = current.close().await
    {
        tracing::warn!(error = %e, "closing the database failed");
    }
    drop(temp);
    Ok(())
}

/// A dev-mode wipe of the storage.
type FreshStore<S> = Box<dyn Fn(S) -> StoreFuture<S> + Send + Sync>;

/// Resolved serve settings.
struct Settings {
    addr: SocketAddr,
    region: String,
    account: AccountId,
    root: Option<RootKey>,
    tls: Option<TlsFiles>,
    dev: bool,
    workload_session_seconds: Option<u32>,
    oidc_issuer_url: Option<String>,
}

/// Bootstraps the account and serves until a shutdown signal; returns the state so the
/// caller can close the (possibly reset) store.
async fn run_server<S: Store>(
    store: S,
    services: Services,
    settings: Settings,
    wipe: Option<FreshStore<S>>,
) -> anyhow::Result<AppState<S>> {
    let Settings {
        addr,
        region,
        account,
        root,
        tls,
        dev,
        workload_session_seconds,
        oidc_issuer_url,
    } = settings;
    let generated = ensure_account(&store, &services, account, root.as_ref()).await?;
    let show_once = generated.clone();
    let dev = if dev {
        let Some(root) = root.or(generated) else {
            bail!("--dev needs --root-access-key-id and --root-secret-access-key");
        };
        Some(DevMode {
            fresh_store: wipe,
            root,
        })
    } else {
        None
    };
    let mut config = ServerConfig::new(account);
    config.secure_transport = tls.is_some();
    config.region.clone_from(&region);
    if let Some(seconds) = workload_session_seconds {
        config.workload_session_seconds = seconds;
    }
    config.oidc_issuer_base = oidc_issuer_url.unwrap_or_else(|| {
        let scheme = if tls.is_some() { "https" } else { "http" };
        let host = if addr.ip().is_unspecified() {
            SocketAddr::new(std::net::Ipv4Addr::LOCALHOST.into(), addr.port())
        } else {
            addr
        };
        format!("{scheme}://{host}")
    });
    let state = AppState::new(store, config, services, dev);
    let scheme = if tls.is_some() { "https" } else { "http" };
    let secure = tls.is_some();
    warden_server::serve::serve(app(state.clone()), addr, tls, |bound| {
        // Printed once the address is known (port 0 picks one).
        if let Some(key) = &show_once {
            print_credentials(key, bound, secure, &region);
        }
        eprintln!("warden: listening on {scheme}://{bound}");
    })
    .await?;
    // The background audit writer may still hold the last calls' events.
    state.flush_audit().await;
    Ok(state)
}

fn print_credentials(key: &RootKey, addr: SocketAddr, tls: bool, region: &str) {
    let scheme = if tls { "https" } else { "http" };
    // A wildcard listen address is not where clients connect.
    let host = if addr.ip().is_unspecified() {
        SocketAddr::new(std::net::Ipv4Addr::LOCALHOST.into(), addr.port())
    } else {
        addr
    };
    let endpoint = format!("{scheme}://{host}");
    let secret = key.secret.expose();
    println!("warden: created the root access key of the account; it is shown only once:");
    println!();
    // The aws CLI v1 and boto3 read AWS_DEFAULT_REGION; aws-sdk-rust and the other SDKs read
    // AWS_REGION: set both so the snippet works with every client.
    println!(
        "export AWS_ACCESS_KEY_ID={} AWS_SECRET_ACCESS_KEY={secret} AWS_ENDPOINT_URL={endpoint} AWS_REGION={region} AWS_DEFAULT_REGION={region}",
        key.id
    );
    println!();
    println!("aws configure set aws_access_key_id {}", key.id);
    println!("aws configure set aws_secret_access_key {secret}");
    println!("aws configure set region {region}");
    println!("aws configure set endpoint_url {endpoint}");
    println!();
}
