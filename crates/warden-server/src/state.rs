//! [`AppState`]: the store, injected clock/ids/cipher, the policy cache and metrics.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, RwLock, Weak};

use warden_core::{Change, ChangeStream, Clock, IdGenerator, SecretCipher, Store, StoreError};
use warden_types::AccountId;

use crate::audit_sink::{self, AuditSink};
use crate::authz::PolicyCache;
use crate::bootstrap::{self, BootstrapError, RootKey};
use crate::key_cache::KeyCache;
use crate::metrics::Metrics;
use crate::role_use::RoleUseThrottle;

/// The largest request body accepted by default: api.md §1.2 requires at least 32 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 32 * 1024 * 1024;

/// Default [`ServerConfig::key_ring_check_interval`]: ten minutes.
pub(crate) const DEFAULT_KEY_RING_CHECK_INTERVAL: std::time::Duration =
    std::time::Duration::from_secs(600);

/// Default [`ServerConfig::key_ring_rotate_after`]: one day.
pub(crate) const DEFAULT_KEY_RING_ROTATE_AFTER: time::Duration = time::Duration::days(1);

/// Deployment settings the request pipeline needs.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// The partition of every emitted ARN (`aws`).
    pub partition: String,
    /// The default account: failed authentications with unknown keys are audited here.
    pub default_account: AccountId,
    /// Whether the listener is TLS (`aws:SecureTransport`).
    pub secure_transport: bool,
    /// Largest accepted request body in bytes.
    pub body_limit: usize,
    /// The deployment's region (`us-east-1` by default): where workload sessions are
    /// issued, and the `awsRegion` of calls without a credential scope (unsigned STS calls).
    /// A signed call keeps the region its client signed for.
    pub region: String,
    /// Lifetime in seconds of the role sessions the workload credentials endpoint issues
    /// (`crate::workload`); one hour by default, shorter in tests to observe refreshes.
    pub workload_session_seconds: u32,
    /// The public base URL of this server, under which each account's OIDC issuer
    /// (`<base>/oidc/<account>`, GetWebIdentityToken, api.md §5.21) is published.
    pub oidc_issuer_base: String,
    /// How often each node checks the STS session-token key ring (`crate::sessions`):
    /// it reloads the stored ring if another node changed it and rotates when due.
    pub key_ring_check_interval: std::time::Duration,
    /// The age (by the injected clock) at which the ring's sealing key is replaced
    /// (ADR 0004); old keys keep opening tokens until every session they sealed expired.
    pub key_ring_rotate_after: time::Duration,
}

impl ServerConfig {
    /// Defaults for `account`: partition `aws`, plain HTTP, 32 MiB bodies.
    pub fn new(account: AccountId) -> Self {
        Self {
            partition: "aws".to_owned(),
            default_account: account,
            secure_transport: false,
            body_limit: DEFAULT_BODY_LIMIT,
            region: "us-east-1".to_owned(),
            workload_session_seconds: crate::workload::DEFAULT_SESSION_SECONDS,
            oidc_issuer_base: "https://localhost:8700".to_owned(),
            key_ring_check_interval: DEFAULT_KEY_RING_CHECK_INTERVAL,
            key_ring_rotate_after: DEFAULT_KEY_RING_ROTATE_AFTER,
        }
    }
}

/// A future yielding a fresh, empty store (dev reset).
pub type StoreFuture<S> = Pin<Box<dyn Future<Output = Result<S, StoreError>> + Send>>;

/// Dev mode: how to wipe all state and which root key to re-create.
pub struct DevMode<S> {
    /// Replaces the store by an empty one (it receives the old store to close it);
    /// `None` to empty the current store in place with [`Store::wipe`] instead
    /// (PostgreSQL: dropping the schema under other connections would be worse).
    pub fresh_store: Option<Box<dyn Fn(S) -> StoreFuture<S> + Send + Sync>>,
    /// The root key re-created after a reset.
    pub root: RootKey,
}

impl<S> fmt::Debug for DevMode<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DevMode")
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

/// Injected services (time, ids, secret encryption).
#[derive(Clone, Debug)]
pub struct Services {
    /// The clock (request time, SigV4 window, CreateDate).
    pub clock: Arc<dyn Clock>,
    /// Unique ids and secrets.
    pub ids: Arc<dyn IdGenerator>,
    /// Seals and opens secret access keys.
    pub cipher: Arc<dyn SecretCipher>,
}

/// Shared state of the app; cheap to clone.
pub struct AppState<S: Store> {
    inner: Arc<Inner<S>>,
}

impl<S: Store> Clone for AppState<S> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<S: Store> fmt::Debug for AppState<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppState")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

pub(crate) struct Inner<S: Store> {
    store: RwLock<S>,
    pub(crate) config: ServerConfig,
    pub(crate) services: Services,
    pub(crate) cache: PolicyCache,
    /// Long-term access keys, valid while their account's cache epoch holds.
    pub(crate) keys: KeyCache,
    /// Users and roles read by calls that only read, valid while their account's epoch
    /// holds.
    pub(crate) entities: crate::entity_cache::EntityCache,
    /// Session tokens opened with the current key ring.
    pub(crate) tokens: crate::token_cache::TokenCache,
    /// Audit events of calls that change nothing, written in the background.
    pub(crate) audit: AuditSink,
    /// At most one `RoleLastUsed` write per role and second on this node.
    pub(crate) role_use: RoleUseThrottle,
    pub(crate) metrics: Metrics,
    dev: Option<DevMode<S>>,
    reset_lock: tokio::sync::Mutex<()>,
    /// The STS session-token key ring, once loaded (`crate::sessions`).
    pub(crate) ring: RwLock<Option<Arc<warden_sts::KeyRing>>>,
    /// Serialises loads, reloads and rotations of the ring on this node, and remembers
    /// the sealed ring it loaded (`crate::sessions::RingSync`).
    pub(crate) ring_init: tokio::sync::Mutex<crate::sessions::RingSync>,
}

impl<S: Store> AppState<S> {
    /// Builds the state and starts the task that invalidates the policy cache on store
    /// change notifications (must be called inside a Tokio runtime). The task ends when the
    /// last clone of the state is dropped.
    pub fn new(
        store: S,
        config: ServerConfig,
        services: Services,
        dev: Option<DevMode<S>>,
    ) -> Self {
        let changes = store.watch_changes();
        let (audit, audit_queue) = AuditSink::new();
        let inner = Arc::new(Inner {
            store: RwLock::new(store),
            config,
            services,
            cache: PolicyCache::default(),
            keys: KeyCache::default(),
            entities: crate::entity_cache::EntityCache::default(),
            tokens: crate::token_cache::TokenCache::default(),
            audit,
            role_use: RoleUseThrottle::default(),
            metrics: Metrics::default(),
            dev,
            reset_lock: tokio::sync::Mutex::new(()),
            ring: RwLock::new(None),
            ring_init: tokio::sync::Mutex::new(crate::sessions::RingSync::default()),
        });
        spawn_watcher(Arc::downgrade(&inner), changes);
        audit_sink::spawn_writer(Arc::downgrade(&inner), audit_queue);
        spawn_key_rotation(Arc::downgrade(&inner));
        let state = Self { inner };
        // Load (or, on the first start of a deployment, create) the STS key ring now rather
        // than on the first session request; failures are retried by that request.
        let loading = state.clone();
        tokio::spawn(async move {
            if let Err(e) = crate::sessions::key_ring(&loading).await {
                tracing::warn!(error = %e, "loading the STS key ring failed; retried on use");
            }
        });
        state
    }

    pub(crate) fn inner(&self) -> &Inner<S> {
        &self.inner
    }

    /// The current store (a clone: stores are handles on a pool).
    pub fn store(&self) -> Result<S, StoreError> {
        self.inner.current_store()
    }

    /// Waits until every audit event of a finished call is in the store (the events of
    /// calls that change nothing are written in the background, `crate::audit_sink`).
    /// Call it before shutting down, and before reading the audit trail in tests.
    pub async fn flush_audit(&self) {
        self.inner.audit.flush().await;
    }

    /// The configuration.
    pub fn config(&self) -> &ServerConfig {
        &self.inner.config
    }

    /// The injected services.
    pub fn services(&self) -> &Services {
        &self.inner.services
    }

    /// Whether the dev reset endpoint is enabled.
    pub fn is_dev(&self) -> bool {
        self.inner.dev.is_some()
    }

    /// The metrics exposition text.
    pub fn render_metrics(&self) -> String {
        self.inner.metrics.render()
    }

    /// Dev mode: replaces the store with an empty one, re-creates the account and its root
    /// key, and drops every cached policy. `Ok(false)` outside dev mode.
    pub async fn dev_reset(&self) -> Result<bool, DevResetError> {
        let Some(dev) = &self.inner.dev else {
            return Ok(false);
        };
        let _guard = self.inner.reset_lock.lock().await;
        // Events of calls made before the reset belong to the old state.
        self.inner.audit.flush().await;
        let old = self.store().map_err(DevResetError::Store)?;
        let store = match &dev.fresh_store {
            Some(fresh_store) => fresh_store(old).await.map_err(DevResetError::Store)?,
            None => {
                old.wipe().await.map_err(DevResetError::Store)?;
                old
            }
        };
        bootstrap::ensure_account(
            &store,
            &self.inner.services,
            self.inner.config.default_account,
            Some(&dev.root),
        )
        .await
        .map_err(DevResetError::Bootstrap)?;
        if dev.fresh_store.is_some() {
            // A new store has its own change feed; the old watcher ends with the old store.
            spawn_watcher(Arc::downgrade(&self.inner), store.watch_changes());
            if let Ok(mut slot) = self.inner.store.write() {
                *slot = store;
            }
        }
        self.inner.cache.invalidate_all();
        self.inner.keys.clear();
        self.inner.entities.clear();
        self.inner.tokens.clear();
        // The fresh store holds no key ring: the next session call creates one there.
        if let Ok(mut ring) = self.inner.ring.write() {
            *ring = None;
        }
        Ok(true)
    }
}

/// Why a dev reset failed.
#[derive(Debug, thiserror::Error)]
pub enum DevResetError {
    /// Creating the fresh store, or wiping the current one, failed.
    #[error("while emptying the store: {0}")]
    Store(#[source] StoreError),
    /// Re-creating the account failed.
    #[error("while re-creating the account: {0}")]
    Bootstrap(#[source] BootstrapError),
}

impl<S: Store> Inner<S> {
    /// The current store (the dev reset may replace it).
    pub(crate) fn current_store(&self) -> Result<S, StoreError> {
        self.store
            .read()
            .map(|s| s.clone())
            .map_err(|_| StoreError::NotFound)
    }
}

fn spawn_watcher<S: Store>(state: Weak<Inner<S>>, mut changes: S::Changes) {
    tokio::spawn(async move {
        while let Some(change) = changes.next().await {
            let Some(inner) = state.upgrade() else { return };
            match change {
                Change::Account { account, .. } => inner.cache.invalidate_account(account),
                Change::Lagged => inner.cache.invalidate_all(),
            }
        }
    });
}

/// Checks the STS key ring every [`ServerConfig::key_ring_check_interval`] (reload if
/// another node changed it, rotate when due: `crate::sessions`); ends with the state.
fn spawn_key_rotation<S: Store>(state: Weak<Inner<S>>) {
    tokio::spawn(async move {
        loop {
            let Some(period) = state.upgrade().map(|i| i.config.key_ring_check_interval) else {
                return;
            };
            tokio::time::sleep(period).await;
            let Some(inner) = state.upgrade() else { return };
            let app = AppState { inner };
            if let Err(e) = app.key_ring_tick().await {
                tracing::warn!(error = %e, "STS key ring check failed; retried next period");
            }
        }
    });
}
