//! STS sessions on the server side: the session-token key ring (ADR 0004) and the
//! authentication of requests signed with temporary credentials (api.md §2.7).
//!
//! # Key ring
//!
//! The ring is created by the first node that needs it, sealed with the server's own
//! [`warden_core::SecretCipher`] (the same key file that protects secret access keys) and
//! stored under the name `sts-key-ring` with an insert-if-absent, so nodes sharing one
//! database agree on one ring; every node loads it once and keeps it in memory.
//! [`AppState::init_key_ring`] loads (or creates) it at start.
//!
//! # Session requests
//!
//! An `ASIA…` key id with `X-Amz-Security-Token`: the token is opened with the ring (no
//! database read), the signature is checked with the session's secret, then expiry
//! (api.md §2.8 order: bad token → `InvalidClientTokenId`, signature → `SignatureDoesNotMatch`,
//! expired → `ExpiredToken`). The caller's compiled policies are cached per session key id
//! with the account's epoch, exactly like users' (`authz.rs`); a miss loads the parent role
//! or user **by unique id** (a deleted parent makes every authorization an implicit deny,
//! api.md §2.7 step 4), its identity policies and boundary, and the session policies (managed
//! ones at their current default version, api.md §7.2).

use std::sync::Arc;

use warden_core::{
    EncryptedSecret, PolicyHolder, SecretAccessKey, SecretCipher, Store, TagTarget, Transaction,
};
use warden_policy::document::{PolicyDocument, PolicyKind};
use warden_policy::{PolicySet, PolicySource, PolicyType};
use warden_sigv4::SigV4Error;
use warden_sts::{KeyRing, SessionKind, SessionRecord, VerifyError};
use warden_types::AccountId;

use crate::authz::{self, Compiled, Identity};
use crate::error::{ApiError, InternalError};
use crate::state::AppState;

/// The store name of the sealed key ring.
const RING_NAME: &str = "sts-key-ring";
/// The associated data the ring is sealed under (never an access key id).
const RING_CIPHER_ID: &str = "warden:sts-key-ring";

/// Whether `key_id` is a temporary (STS-issued) access key id (api.md §3.3).
pub(crate) fn is_session_key(key_id: &str) -> bool {
    key_id.starts_with("ASIA")
}

impl<S: Store> AppState<S> {
    /// Loads the STS key ring from the store, creating and storing it on first start
    /// (api.md §2.7, ADR 0004). Later calls reuse the loaded ring.
    pub async fn init_key_ring(&self) -> Result<(), ApiError> {
        key_ring(self).await.map(|_| ())
    }
}

fn loaded<S: Store>(state: &AppState<S>) -> Option<Arc<KeyRing>> {
    state.inner().ring.read().ok().and_then(|r| r.clone())
}

/// The deployment's key ring: in memory, else loaded from the store, else created.
pub(crate) async fn key_ring<S: Store>(state: &AppState<S>) -> Result<Arc<KeyRing>, ApiError> {
    if let Some(ring) = loaded(state) {
        return Ok(ring);
    }
    let _guard = state.inner().ring_init.lock().await;
    if let Some(ring) = loaded(state) {
        return Ok(ring);
    }
    let store = state.store()?;
    let cipher = state.services().cipher.as_ref();
    let sealed = match store.server_secret(RING_NAME).await? {
        Some(sealed) => sealed,
        None => {
            let now = state.services().clock.now();
            let ring = KeyRing::generate(&mut rand::rng(), now.unix_timestamp());
            let sealed = seal_ring(cipher, &ring)?;
            // Another node may have stored its ring first: adopt whatever is stored.
            store.init_server_secret(RING_NAME, &sealed, now).await?
        }
    };
    let ring = Arc::new(open_ring(cipher, &sealed)?);
    if let Ok(mut slot) = state.inner().ring.write() {
        *slot = Some(Arc::clone(&ring));
    }
    Ok(ring)
}

fn seal_ring(cipher: &dyn SecretCipher, ring: &KeyRing) -> Result<EncryptedSecret, ApiError> {
    // The cipher seals text: the ring bytes travel as lower-case hex.
    let bytes = ring.to_bytes();
    let mut text = String::with_capacity(bytes.len() * 2);
    for b in bytes.iter() {
        text.push(hex_digit(b >> 4));
        text.push(hex_digit(b & 0xF));
    }
    cipher
        .seal(RING_CIPHER_ID, &SecretAccessKey::new(text))
        .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))
}

fn open_ring(cipher: &dyn SecretCipher, sealed: &EncryptedSecret) -> Result<KeyRing, ApiError> {
    let text = cipher
        .open(RING_CIPHER_ID, sealed)
        .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))?;
    let malformed =
        || ApiError::Internal(InternalError::KeyRing(warden_sts::KeyRingError::Malformed));
    let hex = text.expose().as_bytes();
    if hex.len() % 2 != 0 {
        return Err(malformed());
    }
    let bytes = zeroize::Zeroizing::new(
        hex.chunks_exact(2)
            .map(|pair| match pair {
                [hi, lo] => Some((hex_value(*hi)? << 4) | hex_value(*lo)?),
                _ => None,
            })
            .collect::<Option<Vec<u8>>>()
            .ok_or_else(malformed)?,
    );
    KeyRing::from_bytes(&bytes).map_err(|e| ApiError::Internal(InternalError::KeyRing(e)))
}

fn hex_digit(n: u8) -> char {
    char::from(
        b"0123456789abcdef"
            .get(usize::from(n))
            .copied()
            .unwrap_or(b'0'),
    )
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

/// Opens a session token for `key_id` without the expiry check: an authentic token is
/// only reported expired after its signature verified (api.md §2.8 steps 5-7).
pub(crate) fn open_token(
    ring: &KeyRing,
    token: &str,
    key_id: &str,
) -> Result<SessionRecord, ApiError> {
    ring.verify(token, key_id, i64::MIN).map_err(|e| match e {
        VerifyError::Invalid | VerifyError::Expired => {
            SigV4Error::invalid_client_token_id("session token does not verify").into()
        }
    })
}

/// The compiled caller of a session request: from the cache, or loaded on a miss.
pub(crate) async fn resolve<S: Store>(
    state: &AppState<S>,
    store: &S,
    record: SessionRecord,
) -> Result<Arc<Compiled>, ApiError> {
    let account: AccountId = record
        .account
        .parse()
        .map_err(|_| SigV4Error::invalid_client_token_id("session of an unknown account"))?;
    let cache = &state.inner().cache;
    if let Some(hit) = cache.get(account, &record.access_key_id) {
        return Ok(hit);
    }
    let epoch = cache.epoch(account);
    let key = record.access_key_id.clone();
    // Loading only reads; a change meanwhile bumps the epoch read before it.
    let mut tx = store.begin_read().await?;
    let loaded = load_session(&mut tx, account, record, epoch).await;
    if let Err(e) = tx.rollback().await {
        tracing::warn!(error = %e, "rollback of a session-loading transaction failed");
    }
    let compiled = Arc::new(loaded?);
    cache.put(key, Arc::clone(&compiled));
    Ok(compiled)
}

/// What a session's parent entity contributes.
#[derive(Default)]
struct Parent {
    identity: Option<Identity>,
    tags: Vec<(String, String)>,
    documents: Vec<(String, PolicyDocument)>,
    boundary: Option<Vec<(String, PolicyDocument)>>,
    gone: bool,
}

async fn load_parent<T: Transaction>(
    tx: &mut T,
    account: AccountId,
    record: &SessionRecord,
) -> Result<Parent, ApiError> {
    let pairs = |tags: Vec<warden_core::Tag>| tags.into_iter().map(|t| (t.key, t.value)).collect();
    let root_parent = record.parent_id == account.as_str();
    match record.kind {
        SessionKind::RoleSession => {
            let Some(role) = tx.role_by_id(account, &record.parent_id).await? else {
                return Ok(Parent {
                    gone: true,
                    ..Parent::default()
                });
            };
            let tags = tx.tags(account, &TagTarget::Role(role.id.clone())).await?;
            let mut documents = Vec::new();
            authz::collect_holder(
                tx,
                account,
                &PolicyHolder::Role(role.id.clone()),
                &mut documents,
            )
            .await?;
            let boundary =
                authz::boundary_documents(tx, account, role.permissions_boundary.as_deref())
                    .await?;
            Ok(Parent {
                identity: Some(Identity::Session),
                tags: pairs(tags),
                documents,
                boundary,
                gone: false,
            })
        }
        SessionKind::RootSession => Ok(Parent {
            identity: Some(Identity::Root),
            ..Parent::default()
        }),
        SessionKind::FederatedUser | SessionKind::UserSession if root_parent => Ok(Parent {
            identity: Some(match record.kind {
                SessionKind::UserSession => Identity::Root,
                _ => Identity::Session,
            }),
            ..Parent::default()
        }),
        SessionKind::FederatedUser | SessionKind::UserSession => {
            let Some(user) = tx.user_by_id(account, &record.parent_id).await? else {
                return Ok(Parent {
                    gone: true,
                    ..Parent::default()
                });
            };
            let tags = tx.tags(account, &TagTarget::User(user.id.clone())).await?;
            let documents = authz::user_documents(tx, account, &user.id).await?;
            let boundary =
                authz::boundary_documents(tx, account, user.permissions_boundary.as_deref())
                    .await?;
            let identity = match record.kind {
                SessionKind::UserSession => Identity::User(user),
                _ => Identity::Session,
            };
            Ok(Parent {
                identity: Some(identity),
                tags: pairs(tags),
                documents,
                boundary,
                gone: false,
            })
        }
    }
}

async fn load_session<T: Transaction>(
    tx: &mut T,
    account: AccountId,
    record: SessionRecord,
    epoch: u64,
) -> Result<Compiled, ApiError> {
    let parent = load_parent(tx, account, &record).await?;
    // Principal tags: the parent's current tags overlaid by the session's tags (api.md
    // §7.3), so a tag change on the role reaches its live sessions.
    let tags =
        warden_sts::rules::merge_session_tags(&parent.tags, &[], &record.tags, &[]).principal_tags;
    let principal =
        warden_sts::session::session_principal(&record, parent.boundary.is_some()).with_tags(tags);
    let (identity_policies, boundary) =
        authz::compile_identity(&principal, &parent.documents, parent.boundary.as_deref());
    let session_policies = if record.policy.is_some() || !record.policy_arns.is_empty() {
        let mut documents: Vec<(String, PolicyDocument)> = Vec::new();
        if let Some(text) = &record.policy {
            documents.push((
                "session-policy".to_owned(),
                authz::parse_stored("session-policy", text, PolicyKind::Session)?,
            ));
        }
        // Managed session policies at their current default version; a deleted one allows
        // nothing (api.md §7.2).
        for arn in &record.policy_arns {
            if let Some(policy) = tx.policy_by_arn(account, arn).await? {
                documents.push((
                    arn.clone(),
                    authz::default_document(tx, account, &policy).await?,
                ));
            }
        }
        let sources: Vec<PolicySource<'_>> = documents
            .iter()
            .map(|(id, d)| PolicySource::new(id, PolicyType::Session, d))
            .collect();
        Some(PolicySet::compile(&principal, &sources))
    } else {
        None
    };
    Ok(Compiled {
        account,
        identity: parent.identity.unwrap_or(Identity::Session),
        principal,
        identity_policies,
        boundary,
        session: Some(Arc::new(record)),
        session_policies,
        parent_gone: parent.gone,
        epoch,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use warden_core::{AeadCipher, CipherKey};

    #[test]
    fn a_sealed_ring_opens_to_the_same_keys() {
        let cipher = AeadCipher::new(CipherKey::from_bytes([3; 32]));
        let mut ring = KeyRing::generate(&mut rand::rng(), 1_000);
        ring.rotate(&mut rand::rng(), 2_000);
        let sealed = seal_ring(&cipher, &ring).unwrap();
        assert_eq!(
            open_ring(&cipher, &sealed).unwrap().key_ids(),
            ring.key_ids()
        );
    }

    #[test]
    fn another_cipher_key_cannot_open_the_ring() {
        let ring = KeyRing::generate(&mut rand::rng(), 1_000);
        let sealed = seal_ring(&AeadCipher::new(CipherKey::from_bytes([3; 32])), &ring).unwrap();
        let other = AeadCipher::new(CipherKey::from_bytes([4; 32]));
        assert!(open_ring(&other, &sealed).is_err());
    }

    #[test]
    fn only_asia_keys_are_session_keys() {
        assert!(is_session_key("ASIAEXAMPLE000000001"));
        assert!(!is_session_key("AKIAEXAMPLE000000001"));
    }
}
