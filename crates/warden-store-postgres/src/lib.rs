//! Warden's [`Store`] on PostgreSQL, through sqlx.
//!
//! Several Warden nodes may share one database. Transactions run at READ COMMITTED;
//! writers of one account serialise on the account's `account_generation` row (locked by
//! [`warden_core::Transaction::lock_account`] and by the generation bump at commit), and
//! uniqueness is enforced by unique indexes, so concurrent operations cannot both pass a
//! check that only one may pass.
//!
//! Change feed: each commit bumps the changed accounts' generations and sends
//! `NOTIFY warden_changes, '<account>:<generation>'` in the same transaction (PostgreSQL
//! delivers it on commit, only if the transaction commits). Every store runs one
//! background task that `LISTEN`s on that channel and, as a fallback for lost
//! notifications (a dropped listener connection), polls all generations every
//! [`POLL_INTERVAL`]; either way a change made on another node reaches this node's
//! subscribers within one second. The task needs a Tokio runtime.
//!
//! Queries are checked at run time (`sqlx::query`), not by the compile-time macros; see
//! `docs/decisions/0002-storage.md`.

mod error;
mod feed;
// One transaction implementation for both backends: its SQL runs unchanged on SQLite and
// PostgreSQL, so this crate compiles the SQLite crate's file (through the `Db*` aliases below)
// instead of keeping a copy that could drift.
#[path = "../../warden-store-sqlite/src/tx.rs"]
mod tx;

use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use time::OffsetDateTime;
use tokio::sync::broadcast;
use warden_core::{
    AccessKey, Change, ChangeStream, EncryptedSecret, KeyLastUsed, RoleLastUsed, Store, StoreError,
};
use warden_types::AccountId;

pub use crate::error::on_error;
pub use crate::tx::Tx;

// Crate-private names for the driver's types, so that `tx.rs` reads the same in both
// backend crates (its SQL is shared); not part of the API.
type Db = sqlx::Postgres;
type DbRow = sqlx::postgres::PgRow;
type DbTx = tx::DbConn;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How often the change feed polls generations in case a notification was lost.
pub const POLL_INTERVAL: Duration = Duration::from_millis(400);

/// Capacity of the in-process change broadcast; a slower subscriber sees
/// [`Change::Lagged`].
const FEED_CAPACITY: usize = 1024;

/// The PostgreSQL store: a connection pool and the change feed. Cheap to clone.
#[derive(Clone, Debug)]
pub struct PgStore {
    pool: sqlx::PgPool,
    notify: broadcast::Sender<Change>,
    _feed: Arc<feed::FeedTask>,
}

impl PgStore {
    /// Connects to `url` (`postgres://user@host:port/database`), applies migrations and
    /// starts the change-feed task. Must be called inside a Tokio runtime.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(on_error)?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| StoreError::Migration(warden_core::BackendError::new(e)))?;
        let (notify, _) = broadcast::channel(FEED_CAPACITY);
        let feed = feed::FeedTask::start(pool.clone(), notify.clone()).await?;
        Ok(Self {
            pool,
            notify,
            _feed: Arc::new(feed),
        })
    }

    /// Closes every connection of the pool (the change-feed task stops when the last
    /// clone of the store is dropped).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl Store for PgStore {
    type Tx = Tx;
    type Changes = PgChanges;

    async fn begin(&self) -> Result<Tx, StoreError> {
        let tx = self.pool.begin().await.map_err(on_error)?;
        Ok(Tx {
            tx: DbTx::Transaction(tx),
            changed: Default::default(),
            deleted: Default::default(),
            notify: self.notify.clone(),
        })
    }

    async fn begin_read(&self) -> Result<Tx, StoreError> {
        // No BEGIN/COMMIT round trips for a call that only reads: see `tx::DbConn`.
        Ok(Tx {
            tx: DbTx::autocommit(&self.pool),
            changed: Default::default(),
            deleted: Default::default(),
            notify: self.notify.clone(),
        })
    }

    async fn access_key(&self, id: &str) -> Result<Option<AccessKey>, StoreError> {
        let sql = format!(
            "SELECT {} FROM access_keys k WHERE k.id = $1",
            tx::KEY_COLUMNS
        );
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(on_error)?;
        row.as_ref().map(tx::key_from).transpose()
    }

    async fn record_access_key_use(&self, id: &str, used: &KeyLastUsed) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE access_keys SET last_used_date = $2, last_used_service = $3, \
             last_used_region = $4 WHERE id = $1",
        )
        .bind(id)
        .bind(used.date.unix_timestamp())
        .bind(&used.service)
        .bind(&used.region)
        .execute(&self.pool)
        .await
        .map_err(on_error)?;
        Ok(())
    }

    async fn record_role_use(&self, role_id: &str, used: &RoleLastUsed) -> Result<(), StoreError> {
        sqlx::query("UPDATE roles SET last_used_date = $2, last_used_region = $3 WHERE id = $1")
            .bind(role_id)
            .bind(used.date.unix_timestamp())
            .bind(&used.region)
            .execute(&self.pool)
            .await
            .map_err(on_error)?;
        Ok(())
    }

    async fn generation(&self, account: AccountId) -> Result<u64, StoreError> {
        feed::generation(&self.pool, account).await
    }

    fn watch_changes(&self) -> PgChanges {
        PgChanges {
            rx: self.notify.subscribe(),
        }
    }

    async fn server_secret(&self, name: &str) -> Result<Option<EncryptedSecret>, StoreError> {
        let row: Option<(Vec<u8>,)> =
            sqlx::query_as("SELECT value FROM server_secrets WHERE name = $1")
                .bind(name)
                .fetch_optional(&self.pool)
                .await
                .map_err(on_error)?;
        Ok(row.map(|(v,)| EncryptedSecret::from_bytes(v)))
    }

    async fn init_server_secret(
        &self,
        name: &str,
        value: &EncryptedSecret,
        now: OffsetDateTime,
    ) -> Result<EncryptedSecret, StoreError> {
        // Insert-if-absent then read back: the first node to start wins, the others adopt
        // its value.
        sqlx::query(
            "INSERT INTO server_secrets (name, value, updated) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(value.as_bytes())
        .bind(now.unix_timestamp())
        .execute(&self.pool)
        .await
        .map_err(on_error)?;
        self.server_secret(name).await?.ok_or(StoreError::NotFound)
    }

    async fn wipe(&self) -> Result<(), StoreError> {
        let tx = self.pool.begin().await.map_err(on_error)?;
        let mut tx = DbTx::Transaction(tx);
        tx::wipe(&mut tx).await?;
        tx.commit().await.map_err(on_error)?;
        // Every node's feed notices the vanished accounts when it next polls; this node's
        // subscribers are told at once.
        let _ = self.notify.send(Change::Lagged);
        Ok(())
    }

    async fn replace_server_secret(
        &self,
        name: &str,
        expected: &EncryptedSecret,
        value: &EncryptedSecret,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE server_secrets SET value = $3, updated = $4 WHERE name = $1 AND value = $2",
        )
        .bind(name)
        .bind(expected.as_bytes())
        .bind(value.as_bytes())
        .bind(now.unix_timestamp())
        .execute(&self.pool)
        .await
        .map_err(on_error)?;
        Ok(done.rows_affected() == 1)
    }
}

/// A subscription to the changes committed by any node sharing the database.
#[derive(Debug)]
pub struct PgChanges {
    rx: broadcast::Receiver<Change>,
}

impl ChangeStream for PgChanges {
    async fn next(&mut self) -> Option<Change> {
        match self.rx.recv().await {
            Ok(change) => Some(change),
            Err(broadcast::error::RecvError::Lagged(_)) => Some(Change::Lagged),
            Err(broadcast::error::RecvError::Closed) => None,
        }
    }
}
