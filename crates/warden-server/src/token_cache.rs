//! The per-node cache of session tokens already opened, so that a request signed with
//! temporary credentials skips the token's authenticated decryption and the SigV4 key
//! derivation when the same token signs again (the STS issue's session-signed target).
//!
//! An entry is the token's exact text, the key ring it was opened with and what opening
//! it gave: it is used only for the identical token and while that same ring is the
//! node's current one (a rotation or reload installs a new ring and so empties the cache in
//! effect: a token whose key was retired is opened, and refused, again). Expiry is not
//! cached: the pipeline checks `expires_at` on every request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use warden_sigv4::{Scope, SigningKey};
use warden_sts::{KeyRing, SessionRecord};

/// Entries kept before the cache starts over.
const MAX_ENTRIES: usize = 50_000;

#[derive(Debug)]
struct Entry {
    ring: Arc<KeyRing>,
    key_id: Box<str>,
    record: Arc<SessionRecord>,
    signing: Option<Arc<SigningKey>>,
}

/// What a cached token opened to: the session, shared (no copy per request), and the
/// SigV4 signing key last derived from its secret, if it is for the request's scope.
#[derive(Debug)]
pub(crate) struct Opened {
    pub(crate) record: Arc<SessionRecord>,
    pub(crate) signing: Option<Arc<SigningKey>>,
}

/// Opened session tokens by their text.
#[derive(Debug, Default)]
pub(crate) struct TokenCache {
    entries: Mutex<HashMap<Box<str>, Entry>>,
}

impl TokenCache {
    /// What `token` opened to with `ring`, for the access key `key_id`, with its signing key
    /// for `scope` if one was kept (one lookup per request).
    pub(crate) fn get(
        &self,
        ring: &Arc<KeyRing>,
        token: &str,
        key_id: &str,
        scope: Scope<'_>,
    ) -> Option<Opened> {
        let entries = self.entries.lock().ok()?;
        let entry = entries.get(token)?;
        (Arc::ptr_eq(&entry.ring, ring) && &*entry.key_id == key_id).then(|| Opened {
            record: Arc::clone(&entry.record),
            signing: entry
                .signing
                .as_ref()
                .filter(|s| s.matches(scope.date, scope.region, scope.service))
                .map(Arc::clone),
        })
    }

    /// Keeps what `token` opened to with `ring`.
    pub(crate) fn put(
        &self,
        ring: &Arc<KeyRing>,
        token: &str,
        key_id: &str,
        record: &Arc<SessionRecord>,
    ) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(
                token.into(),
                Entry {
                    ring: Arc::clone(ring),
                    key_id: key_id.into(),
                    record: Arc::clone(record),
                    signing: None,
                },
            );
        }
    }

    /// Keeps the signing key derived for `token`'s secret (for one scope: the last one
    /// used); nothing if the token is not cached.
    pub(crate) fn put_signing_key(&self, token: &str, signing: Arc<SigningKey>) {
        if let Ok(mut entries) = self.entries.lock()
            && let Some(entry) = entries.get_mut(token)
        {
            entry.signing = Some(signing);
        }
    }

    /// Forgets every token (the dev reset).
    pub(crate) fn clear(&self) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code")]

    use warden_sts::{IssuingOperation, SessionKind};

    use super::*;

    fn record(key_id: &str) -> SessionRecord {
        SessionRecord {
            access_key_id: key_id.to_owned(),
            secret_access_key: warden_sts::SecretKey::new("s".repeat(40)),
            issued_at: 1_700_000_000,
            expires_at: 1_700_003_600,
            account: "123456789012".to_owned(),
            kind: SessionKind::RoleSession,
            operation: IssuingOperation::AssumeRole,
            identity_arn: "arn:aws:sts::123456789012:assumed-role/r/s".to_owned(),
            user_id: "AROAEXAMPLE:s".to_owned(),
            parent_id: "AROAEXAMPLE".to_owned(),
            parent_arn: "arn:aws:iam::123456789012:role/r".to_owned(),
            session_name: Some("s".to_owned()),
            mfa_present: false,
            mfa_auth_time: None,
            policy: None,
            policy_arns: Vec::new(),
            source_identity: None,
            tags: Vec::new(),
            transitive_tag_keys: Vec::new(),
            federation: None,
            chained: false,
        }
    }

    fn ring() -> Arc<KeyRing> {
        Arc::new(KeyRing::generate(&mut rand::rng(), 1_700_000_000))
    }

    fn scope<'a>(date: &'a str, region: &'a str, service: &'a str) -> Scope<'a> {
        Scope {
            date,
            region,
            service,
        }
    }

    const IAM_TODAY: Scope<'static> = Scope {
        date: "20261122",
        region: "us-east-1",
        service: "iam",
    };

    #[test]
    fn a_token_is_served_only_for_its_key_and_its_ring() {
        let (ring, other_ring) = (ring(), ring());
        let cache = TokenCache::default();
        cache.put(&ring, "token-1", "ASIAONE", &Arc::new(record("ASIAONE")));
        let opened = cache.get(&ring, "token-1", "ASIAONE", IAM_TODAY).unwrap();
        assert_eq!(*opened.record, record("ASIAONE"));
        assert!(opened.signing.is_none());
        // Another key id presenting the same token, another token, or a newer ring
        // (rotation, reload): not served, opened again.
        assert!(cache.get(&ring, "token-1", "ASIATWO", IAM_TODAY).is_none());
        assert!(cache.get(&ring, "token-2", "ASIAONE", IAM_TODAY).is_none());
        assert!(
            cache
                .get(&other_ring, "token-1", "ASIAONE", IAM_TODAY)
                .is_none()
        );
    }

    #[test]
    fn signing_keys_are_served_for_their_scope_only() {
        let ring = ring();
        let cache = TokenCache::default();
        let secret = warden_sigv4::SecretKey::new("s".repeat(40));
        let key = Arc::new(warden_sigv4::signing_key(
            &secret,
            "20261122",
            "us-east-1",
            "iam",
        ));
        // No entry for the token yet: nothing is kept.
        cache.put_signing_key("token-1", Arc::clone(&key));
        cache.put(&ring, "token-1", "ASIAONE", &Arc::new(record("ASIAONE")));
        let signing = |s: Scope<'_>| {
            cache
                .get(&ring, "token-1", "ASIAONE", s)
                .unwrap()
                .signing
                .is_some()
        };
        assert!(!signing(IAM_TODAY));
        cache.put_signing_key("token-1", key);
        assert!(signing(IAM_TODAY));
        assert!(!signing(scope("20261123", "us-east-1", "iam")));
        assert!(!signing(scope("20261122", "eu-west-1", "iam")));
        assert!(!signing(scope("20261122", "us-east-1", "sts")));
    }
}
