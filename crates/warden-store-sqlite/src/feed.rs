//! The SQLite side of generations and locking. With one writer at a time (`BEGIN
//! IMMEDIATE`) there is nothing to lock per account and no other node to notify.

use sqlx::Row;
use warden_core::{CorruptError, StoreError};
use warden_types::AccountId;

use crate::DbTx;
use crate::error::on_error;

/// Nothing to do: the transaction already holds the database's write lock.
pub(crate) async fn lock_account(_tx: &mut DbTx, _account: AccountId) -> Result<(), StoreError> {
    Ok(())
}

/// Tells this process's subscribers about a commit. Sending to no subscriber is fine:
/// nobody caches then.
pub(crate) fn after_commit(
    notify: &tokio::sync::broadcast::Sender<warden_core::Change>,
    bumped: Vec<warden_core::Change>,
) {
    for change in bumped {
        let _ = notify.send(change);
    }
}

/// Nothing to do inside the transaction: subscribers are told after commit.
pub(crate) async fn notify_in_tx(
    _tx: &mut DbTx,
    _account: AccountId,
    _generation: u64,
) -> Result<(), StoreError> {
    Ok(())
}

pub(crate) async fn generation(
    pool: &sqlx::SqlitePool,
    account: AccountId,
) -> Result<u64, StoreError> {
    let row = sqlx::query("SELECT generation FROM account_generation WHERE account_id = $1")
        .bind(account.as_str())
        .fetch_optional(pool)
        .await
        .map_err(on_error)?;
    let Some(row) = row else { return Ok(0) };
    let value: i64 = row.try_get("generation").map_err(on_error)?;
    u64::try_from(value).map_err(|_| StoreError::Corrupt(CorruptError::new("generation")))
}
