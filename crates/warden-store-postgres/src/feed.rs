//! Generations, per-account locking and the LISTEN/NOTIFY change feed.

use std::collections::HashMap;

use sqlx::Row;
use sqlx::postgres::PgListener;
use tokio::sync::broadcast;
use tokio::task::JoinHandle;
use warden_core::{Change, CorruptError, StoreError};
use warden_types::AccountId;

use crate::DbTx;
use crate::error::on_error;

/// The notification channel.
const CHANNEL: &str = "warden_changes";

/// Locks the account's generation row until the transaction ends: writers of one account
/// queue here, writers of different accounts do not meet.
pub(crate) async fn lock_account(tx: &mut DbTx, account: AccountId) -> Result<(), StoreError> {
    sqlx::query("SELECT generation FROM account_generation WHERE account_id = $1 FOR UPDATE")
        .bind(account.as_str())
        .fetch_optional(tx.conn().await?)
        .await
        .map_err(on_error)?;
    Ok(())
}

/// Queues the notification in the transaction: PostgreSQL sends it at commit, never for a
/// rolled-back transaction.
pub(crate) async fn notify_in_tx(
    tx: &mut DbTx,
    account: AccountId,
    generation: u64,
) -> Result<(), StoreError> {
    sqlx::query("SELECT pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(format!("{account}:{generation}"))
        .execute(tx.conn().await?)
        .await
        .map_err(on_error)?;
    Ok(())
}

/// Nothing to do: every node, this one included, hears the commit through LISTEN, so
/// subscribers see each change once.
pub(crate) fn after_commit(_notify: &broadcast::Sender<Change>, _bumped: Vec<Change>) {}

pub(crate) async fn generation(pool: &sqlx::PgPool, account: AccountId) -> Result<u64, StoreError> {
    let row = sqlx::query("SELECT generation FROM account_generation WHERE account_id = $1")
        .bind(account.as_str())
        .fetch_optional(pool)
        .await
        .map_err(on_error)?;
    let Some(row) = row else { return Ok(0) };
    let value: i64 = row.try_get("generation").map_err(on_error)?;
    u64::try_from(value).map_err(|_| StoreError::Corrupt(CorruptError::new("generation")))
}

async fn all_generations(pool: &sqlx::PgPool) -> Result<Vec<(AccountId, u64)>, StoreError> {
    let rows = sqlx::query("SELECT account_id, generation FROM account_generation")
        .fetch_all(pool)
        .await
        .map_err(on_error)?;
    rows.iter()
        .map(|row| {
            let account: String = row.try_get("account_id").map_err(on_error)?;
            let generation: i64 = row.try_get("generation").map_err(on_error)?;
            Ok((
                account
                    .parse()
                    .map_err(|_| StoreError::Corrupt(CorruptError::new("account_id")))?,
                u64::try_from(generation)
                    .map_err(|_| StoreError::Corrupt(CorruptError::new("generation")))?,
            ))
        })
        .collect()
}

/// `<account>:<generation>`.
fn parse_payload(payload: &str) -> Option<(AccountId, u64)> {
    let (account, generation) = payload.split_once(':')?;
    Some((account.parse().ok()?, generation.parse().ok()?))
}

/// The background task feeding subscribers; aborted when dropped.
#[derive(Debug)]
pub(crate) struct FeedTask(JoinHandle<()>);

impl Drop for FeedTask {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// What the task has announced: only newer generations go out, so a change heard both
/// through NOTIFY and through polling is announced once, and per account in order.
struct Feed {
    pool: sqlx::PgPool,
    notify: broadcast::Sender<Change>,
    seen: HashMap<AccountId, u64>,
}

impl Feed {
    fn announce(&mut self, account: AccountId, generation: u64) {
        if generation == 0 {
            // A deleted account (`delete_account` announces generation 0, what
            // `Store::generation` reports for it): forget its generations, so that those
            // of an account re-created under the same id, from 1 again, go out too.
            if self.seen.remove(&account).is_some() {
                let _ = self.notify.send(Change::Account {
                    account,
                    generation,
                });
            }
            return;
        }
        let seen = self.seen.entry(account).or_insert(0);
        if generation > *seen {
            *seen = generation;
            let _ = self.notify.send(Change::Account {
                account,
                generation,
            });
        }
    }

    async fn poll(&mut self) {
        match all_generations(&self.pool).await {
            Ok(generations) => {
                // Accounts gone since the last look were deleted (their notification lost).
                let gone: Vec<AccountId> = self
                    .seen
                    .keys()
                    .filter(|a| !generations.iter().any(|(g, _)| g == *a))
                    .copied()
                    .collect();
                for account in gone {
                    self.announce(account, 0);
                }
                for (account, generation) in generations {
                    self.announce(account, generation);
                }
            }
            // The database is away; the next poll retries. Caches cannot be trusted
            // meanwhile.
            Err(_) => {
                let _ = self.notify.send(Change::Lagged);
            }
        }
    }
}

impl FeedTask {
    /// Starts listening before returning, so a subscriber that subscribes after
    /// `PgStore::connect` misses nothing committed after it.
    pub(crate) async fn start(
        pool: sqlx::PgPool,
        notify: broadcast::Sender<Change>,
    ) -> Result<Self, StoreError> {
        let mut listener = PgListener::connect_with(&pool).await.map_err(on_error)?;
        listener.listen(CHANNEL).await.map_err(on_error)?;
        let mut feed = Feed {
            seen: all_generations(&pool).await?.into_iter().collect(),
            pool,
            notify,
        };
        let task = tokio::spawn(async move {
            let mut ticker = tokio::time::interval(crate::POLL_INTERVAL);
            ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    received = listener.try_recv() => match received {
                        Ok(Some(notification)) => {
                            if let Some((account, generation)) = parse_payload(notification.payload()) {
                                feed.announce(account, generation);
                            }
                        }
                        // The connection dropped (the next call reconnects): notifications
                        // may have been lost, polling catches up.
                        Ok(None) => feed.poll().await,
                        // `PgStore::close`: give the connection back so closing can finish.
                        Err(sqlx::Error::PoolClosed) => break,
                        // Reconnecting failed: poll, and wait before trying again rather
                        // than spin.
                        Err(_) => {
                            feed.poll().await;
                            tokio::time::sleep(crate::POLL_INTERVAL).await;
                        }
                    },
                    _ = ticker.tick() => feed.poll().await,
                }
            }
        });
        Ok(Self(task))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads() {
        assert_eq!(
            parse_payload("123456789012:7"),
            Some(("123456789012".parse().unwrap(), 7))
        );
        assert_eq!(parse_payload("123456789012"), None);
        assert_eq!(parse_payload("12345:7"), None);
        assert_eq!(parse_payload("123456789012:x"), None);
    }
}
