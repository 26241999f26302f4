//! The per-node cache of long-term access keys, so that authenticating a request reads no
//! database row (issue: the key read was most of a denied call's cost).
//!
//! Validity follows the policy cache's epochs ([`PolicyCache::epoch`]): an entry is used
//! only while its account's epoch is the one it was loaded at. Creating, deactivating or
//! deleting a key is an IAM mutation, so it bumps the epoch: on this node before the
//! mutating call answers (a deactivated key stops working at once), on other nodes sharing
//! a PostgreSQL database through the change feed (within a second, api.md §1.9). The epoch
//! is read before the row, so a change landing during the load leaves a stale entry, never
//! a stale entry that looks fresh. Unknown keys are not cached (they always read the row).

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

use warden_core::{AccessKey, KeyLastUsed, StoreError};
use warden_sigv4::SigningKey;

use crate::authz::PolicyCache;

/// Entries kept before the cache starts over.
const MAX_ENTRIES: usize = 100_000;

#[derive(Debug)]
struct Entry {
    /// Shared with the requests that use it: a hit copies no key material.
    key: Arc<AccessKey>,
    /// The account epoch read before the row; `None` when it was not known then.
    epoch: Option<u64>,
    /// The SigV4 signing key last derived from the key's secret, for one date, region and
    /// service: requests in that scope skip decrypting the secret and the four HMACs of
    /// derivation (AWS's own signers cache it the same way). Zeroized on drop.
    signing: Option<Arc<SigningKey>>,
}

/// Access keys by id, each with the account epoch it was read at.
#[derive(Debug, Default)]
pub(crate) struct KeyCache {
    entries: Mutex<HashMap<String, Entry>>,
}

impl KeyCache {
    /// The key `id`: cached while its account's epoch is unchanged, else read with `load`.
    pub(crate) async fn get_or_load<F, Fut>(
        &self,
        epochs: &PolicyCache,
        id: &str,
        load: F,
    ) -> Result<Option<Arc<AccessKey>>, StoreError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Option<AccessKey>, StoreError>>,
    {
        // A key's account never changes: once seen, its epoch can be read before the row.
        let mut epoch_before = None;
        if let Ok(entries) = self.entries.lock()
            && let Some(entry) = entries.get(id)
        {
            let current = epochs.epoch(entry.key.account);
            if entry.epoch == Some(current) {
                return Ok(Some(Arc::clone(&entry.key)));
            }
            epoch_before = Some(current);
        }
        let Some(key) = load().await? else {
            return Ok(None);
        };
        // First sight: remember the account only (never fresh); the next request caches.
        let key = Arc::new(key);
        self.put(Arc::clone(&key), epoch_before);
        Ok(Some(key))
    }

    fn put(&self, key: Arc<AccessKey>, epoch: Option<u64>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(
                key.id.clone(),
                Entry {
                    key,
                    epoch,
                    signing: None,
                },
            );
        }
    }

    /// The cached signing key of key `id` for the scope `date/region/service`, if any.
    pub(crate) fn signing_key(
        &self,
        id: &str,
        date: &str,
        region: &str,
        service: &str,
    ) -> Option<Arc<SigningKey>> {
        let entries = self.entries.lock().ok()?;
        let signing = entries.get(id)?.signing.as_ref()?;
        signing
            .matches(date, region, service)
            .then(|| Arc::clone(signing))
    }

    /// Keeps a signing key derived for key `id` (replacing the one of another scope).
    pub(crate) fn put_signing_key(&self, id: &str, signing: Arc<SigningKey>) {
        if let Ok(mut entries) = self.entries.lock()
            && let Some(entry) = entries.get_mut(id)
        {
            entry.signing = Some(signing);
        }
    }

    /// Remembers a recorded use, so the same second's next requests skip the write.
    pub(crate) fn note_use(&self, id: &str, used: &KeyLastUsed) {
        if let Ok(mut entries) = self.entries.lock()
            && let Some(entry) = entries.get_mut(id)
        {
            Arc::make_mut(&mut entry.key).last_used = Some(used.clone());
        }
    }

    /// Drops every entry (dev reset).
    pub(crate) fn clear(&self) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.clear();
        }
    }
}
