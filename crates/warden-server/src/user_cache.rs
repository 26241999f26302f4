//! The per-node cache of users (with their tags) for calls that only read, so that a
//! `GetUser` costs no database round trip (issue 3's GetUser throughput target; on SQLite
//! each statement is a hand-off to the driver's worker thread, on PostgreSQL a network
//! round trip).
//!
//! Validity is the policy cache's (`crate::key_cache` has the same rule): an entry is used
//! only while its account's epoch is the one read *before* its rows were. Every IAM
//! mutation bumps the account's epoch before its call answers (read-your-writes on this
//! node) and, through the change feed, on every other node sharing a PostgreSQL database
//! within a second (api.md §1.9, the bound AWS's own eventual consistency allows). A
//! mutating call never reads through the cache: it reads its own transaction.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use warden_core::{Tag, User, name_key};
use warden_types::AccountId;

use crate::authz::PolicyCache;

/// Entries kept before the cache starts over.
const MAX_ENTRIES: usize = 100_000;

/// A user and its tags as read at one account epoch.
#[derive(Debug)]
pub(crate) struct CachedUser {
    pub(crate) user: User,
    pub(crate) tags: Vec<Tag>,
}

#[derive(Debug)]
struct Entry {
    epoch: u64,
    value: Arc<CachedUser>,
}

/// Users by account and case-folded name.
#[derive(Debug, Default)]
pub(crate) struct UserCache {
    entries: Mutex<HashMap<(AccountId, String), Entry>>,
}

impl UserCache {
    /// The cached user, if its entry is as fresh as the account's current epoch.
    pub(crate) fn get(
        &self,
        epochs: &PolicyCache,
        account: AccountId,
        name: &str,
    ) -> Option<Arc<CachedUser>> {
        let entries = self.entries.lock().ok()?;
        let entry = entries.get(&(account, name_key(name)))?;
        (entry.epoch == epochs.epoch(account)).then(|| Arc::clone(&entry.value))
    }

    /// Keeps a user read at `epoch` (the account's epoch read before the rows).
    pub(crate) fn put(&self, epoch: u64, user: User, tags: Vec<Tag>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            let key = (user.account, name_key(&user.name));
            entries.insert(
                key,
                Entry {
                    epoch,
                    value: Arc::new(CachedUser { user, tags }),
                },
            );
        }
    }

    /// Drops every entry (dev reset).
    pub(crate) fn clear(&self) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code")]

    use time::OffsetDateTime;

    use super::*;

    fn user(account: AccountId, name: &str) -> User {
        User {
            account,
            id: "AIDAEXAMPLE000000001".to_owned(),
            name: name.to_owned(),
            path: "/".to_owned(),
            created: OffsetDateTime::UNIX_EPOCH,
            permissions_boundary: None,
            password_last_used: None,
        }
    }

    #[test]
    fn an_entry_serves_until_its_account_changes() {
        let epochs = PolicyCache::default();
        let account: AccountId = "123456789012".parse().unwrap();
        let other: AccountId = "210987654321".parse().unwrap();
        let cache = UserCache::default();
        cache.put(epochs.epoch(account), user(account, "Alice"), Vec::new());
        // Names are case-insensitive, as IAM's are.
        assert_eq!(
            cache.get(&epochs, account, "ALICE").unwrap().user.name,
            "Alice"
        );
        assert!(cache.get(&epochs, other, "alice").is_none());
        epochs.invalidate_account(other);
        assert!(cache.get(&epochs, account, "alice").is_some());
        epochs.invalidate_account(account);
        assert!(cache.get(&epochs, account, "alice").is_none());
    }

    #[test]
    fn an_entry_read_before_a_change_is_never_fresh() {
        let epochs = PolicyCache::default();
        let account: AccountId = "123456789012".parse().unwrap();
        let cache = UserCache::default();
        let before = epochs.epoch(account);
        epochs.invalidate_account(account); // a change lands while the rows are read
        cache.put(before, user(account, "bob"), Vec::new());
        assert!(cache.get(&epochs, account, "bob").is_none());
    }
}
