//! The per-node cache of users and roles (with their tags) for calls that only read, so
//! that a `GetUser` or an `AssumeRole` costs no database round trip (the IAM and STS
//! throughput targets; on SQLite each statement is a hand-off to the driver's worker
//! thread, on PostgreSQL a network round trip).
//!
//! Validity is the policy cache's (`crate::key_cache` has the same rule): an entry is used
//! only while its account's epoch is the one read *before* its rows were. Every IAM
//! mutation bumps the account's epoch before its call answers (read-your-writes on this
//! node) and, through the change feed, on every other node sharing a PostgreSQL database
//! within a second (api.md §1.9, the bound AWS's own eventual consistency allows). A
//! mutating call never reads through the cache: it reads its own transaction.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use std::hash::Hash;

use warden_core::{Role, Tag, User, name_key};
use warden_types::AccountId;

use crate::authz::PolicyCache;

/// Entries kept before the cache starts over.
const MAX_ENTRIES: usize = 100_000;

/// An entity and its tags as read at one account epoch.
#[derive(Debug)]
pub(crate) struct Tagged<T> {
    pub(crate) entity: T,
    pub(crate) tags: Vec<Tag>,
}

/// A user and its tags.
pub(crate) type CachedUser = Tagged<User>;

#[derive(Debug)]
struct Entry<V> {
    epoch: u64,
    value: Arc<V>,
}

/// Values by account and a key within it, each valid while the account's epoch holds.
#[derive(Debug)]
pub(crate) struct EpochCache<K, V> {
    entries: Mutex<HashMap<(AccountId, K), Entry<V>>>,
}

impl<K, V> Default for EpochCache<K, V> {
    fn default() -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Eq + Hash, V> EpochCache<K, V> {
    /// The cached value, if its entry is as fresh as the account's current epoch.
    pub(crate) fn get(&self, epochs: &PolicyCache, account: AccountId, key: K) -> Option<Arc<V>> {
        let entries = self.entries.lock().ok()?;
        let entry = entries.get(&(account, key))?;
        (entry.epoch == epochs.epoch(account)).then(|| Arc::clone(&entry.value))
    }

    /// Keeps a value read at `epoch` (the account's epoch read before the rows).
    pub(crate) fn put(&self, epoch: u64, account: AccountId, key: K, value: V) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(
                (account, key),
                Entry {
                    epoch,
                    value: Arc::new(value),
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

/// The caches of entities read by calls that only read.
#[derive(Debug, Default)]
pub(crate) struct EntityCache {
    /// Users by case-folded name.
    pub(crate) users: EpochCache<String, CachedUser>,
    /// Roles by case-folded name.
    pub(crate) roles: EpochCache<String, Tagged<Role>>,
}

impl EntityCache {
    /// The cached user `name` (case-insensitive, as IAM names are).
    pub(crate) fn user(
        &self,
        epochs: &PolicyCache,
        account: AccountId,
        name: &str,
    ) -> Option<Arc<CachedUser>> {
        self.users.get(epochs, account, name_key(name))
    }

    /// Keeps a user read at `epoch`.
    pub(crate) fn put_user(&self, epoch: u64, user: User, tags: Vec<Tag>) {
        let (account, key) = (user.account, name_key(&user.name));
        self.users
            .put(epoch, account, key, Tagged { entity: user, tags });
    }

    /// The cached role `name` (case-insensitive) with its tags.
    pub(crate) fn role(
        &self,
        epochs: &PolicyCache,
        account: AccountId,
        name: &str,
    ) -> Option<Arc<Tagged<Role>>> {
        self.roles.get(epochs, account, name_key(name))
    }

    /// Keeps a role read at `epoch`.
    pub(crate) fn put_role(&self, epoch: u64, role: Role, tags: Vec<Tag>) {
        let (account, key) = (role.account, name_key(&role.name));
        self.roles
            .put(epoch, account, key, Tagged { entity: role, tags });
    }

    /// Drops every entry (dev reset).
    pub(crate) fn clear(&self) {
        self.users.clear();
        self.roles.clear();
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
        let cache = EntityCache::default();
        cache.put_user(epochs.epoch(account), user(account, "Alice"), Vec::new());
        // Names are case-insensitive, as IAM's are.
        assert_eq!(
            cache.user(&epochs, account, "ALICE").unwrap().entity.name,
            "Alice"
        );
        assert!(cache.user(&epochs, other, "alice").is_none());
        epochs.invalidate_account(other);
        assert!(cache.user(&epochs, account, "alice").is_some());
        epochs.invalidate_account(account);
        assert!(cache.user(&epochs, account, "alice").is_none());
    }

    #[test]
    fn an_entry_read_before_a_change_is_never_fresh() {
        let epochs = PolicyCache::default();
        let account: AccountId = "123456789012".parse().unwrap();
        let cache = EntityCache::default();
        let before = epochs.epoch(account);
        epochs.invalidate_account(account); // a change lands while the rows are read
        cache.put_user(before, user(account, "bob"), Vec::new());
        assert!(cache.user(&epochs, account, "bob").is_none());
    }
}
