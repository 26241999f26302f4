//! STS sessions on the server side: the session-token key ring (ADR 0004) and the
//! authentication of requests signed with temporary credentials (api.md §2.7).
//!
//! # Key ring
//!
//! The ring is created by the first node that needs it, sealed with the server's own
//! [`warden_core::SecretCipher`] (the same key file that protects secret access keys) and
//! stored under the name `sts-key-ring` with an insert-if-absent, so nodes sharing one
//! database agree on one ring; every node keeps it in memory.
//! [`AppState::init_key_ring`] loads (or creates) it at start.
//!
//! # Rotation (ADR 0004, "Rotation in the server")
//!
//! Every node runs [`AppState::key_ring_tick`] every
//! [`ServerConfig::key_ring_check_interval`](crate::ServerConfig::key_ring_check_interval):
//! it reloads the stored ring when it differs from the one this node loaded, and once the
//! sealing key is older than
//! [`ServerConfig::key_ring_rotate_after`](crate::ServerConfig::key_ring_rotate_after) it
//! rotates a copy and stores it with a compare-and-swap against the sealed value it loaded.
//! A node that loses the race adopts the winner's ring, so the nodes converge on one ring
//! within one tick. A token sealed with a key this node does not hold yet (another node
//! rotated a moment ago) makes it reload the stored ring once, at most once per
//! [`RELOAD_INTERVAL`], before the token is refused.
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
use std::time::{Duration, Instant};

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
use crate::token_cache::Opened;

/// The store name of the sealed key ring.
const RING_NAME: &str = "sts-key-ring";
/// The associated data the ring is sealed under (never an access key id).
const RING_CIPHER_ID: &str = "warden:sts-key-ring";

/// Whether `key_id` is a temporary (STS-issued) access key id (api.md §3.3).
pub(crate) fn is_session_key(key_id: &str) -> bool {
    key_id.starts_with("ASIA")
}

/// How often at most a node reloads the stored ring because a token named a key it does
/// not hold: a forged key id then costs one database read per second, not one per request.
pub const RELOAD_INTERVAL: Duration = Duration::from_secs(1);

/// What this node last loaded from the store; guarded by `Inner::ring_init`, which also
/// serialises every load, reload and rotation of the ring on this node.
#[derive(Debug, Default)]
pub(crate) struct RingSync {
    /// The sealed ring as stored when this node loaded it: the expected value of the
    /// compare-and-swap, and how a tick notices that another node rotated.
    sealed: Option<EncryptedSecret>,
    /// The last reload caused by a token of an unknown key ([`RELOAD_INTERVAL`]).
    last_unknown_key_reload: Option<Instant>,
}

/// What one [`AppState::key_ring_tick`] did.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum KeyRingTick {
    /// The stored ring is the one in memory and its sealing key is not due.
    Unchanged,
    /// Another node stored a different ring; this node now uses it.
    Reloaded,
    /// This node rotated the ring and stored it.
    Rotated,
    /// This node tried to rotate, but another node stored its rotation first: this node
    /// now uses that one.
    LostRace,
}

impl<S: Store> AppState<S> {
    /// Loads the STS key ring from the store, creating and storing it on first start
    /// (api.md §2.7, ADR 0004). Later calls reuse the loaded ring.
    pub async fn init_key_ring(&self) -> Result<(), ApiError> {
        key_ring(self).await.map(|_| ())
    }

    /// One rotation check (the background task runs it every
    /// [`ServerConfig::key_ring_check_interval`](crate::ServerConfig::key_ring_check_interval)):
    /// adopts the stored ring if another node changed it, then rotates when the sealing key
    /// is older than
    /// [`ServerConfig::key_ring_rotate_after`](crate::ServerConfig::key_ring_rotate_after).
    pub async fn key_ring_tick(&self) -> Result<KeyRingTick, ApiError> {
        key_ring_tick(self).await
    }

    /// The ids of the session-token keys this node holds, oldest first (the last one
    /// seals); empty before the ring is loaded. Key ids are not secret.
    pub fn session_key_ids(&self) -> Vec<u32> {
        loaded(self).map(|ring| ring.key_ids()).unwrap_or_default()
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
    let mut sync = state.inner().ring_init.lock().await;
    if let Some(ring) = loaded(state) {
        return Ok(ring);
    }
    let sealed = stored_or_created(state).await?;
    install_sealed(state, &mut sync, sealed)
}

/// The sealed ring in the store, after storing a new one if there is none (first start,
/// or a dev reset that wiped the store).
async fn stored_or_created<S: Store>(state: &AppState<S>) -> Result<EncryptedSecret, ApiError> {
    let store = state.store()?;
    if let Some(sealed) = store.server_secret(RING_NAME).await? {
        return Ok(sealed);
    }
    let now = state.services().clock.now();
    let ring = KeyRing::generate(&mut rand::rng(), now.unix_timestamp());
    let sealed = seal_ring(state.services().cipher.as_ref(), &ring)?;
    // Another node may have stored its ring first: adopt whatever is stored.
    Ok(store.init_server_secret(RING_NAME, &sealed, now).await?)
}

/// Opens `sealed` and makes it this node's ring.
fn install_sealed<S: Store>(
    state: &AppState<S>,
    sync: &mut RingSync,
    sealed: EncryptedSecret,
) -> Result<Arc<KeyRing>, ApiError> {
    let ring = Arc::new(open_ring(state.services().cipher.as_ref(), &sealed)?);
    install(state, sync, Arc::clone(&ring), sealed);
    Ok(ring)
}

fn install<S: Store>(
    state: &AppState<S>,
    sync: &mut RingSync,
    ring: Arc<KeyRing>,
    sealed: EncryptedSecret,
) {
    if let Ok(mut slot) = state.inner().ring.write() {
        *slot = Some(ring);
    }
    sync.sealed = Some(sealed);
}

async fn key_ring_tick<S: Store>(state: &AppState<S>) -> Result<KeyRingTick, ApiError> {
    let mut sync = state.inner().ring_init.lock().await;
    let stored = stored_or_created(state).await?;
    let (ring, mut outcome) = match loaded(state) {
        Some(ring) if sync.sealed.as_ref() == Some(&stored) => (ring, KeyRingTick::Unchanged),
        held => {
            let ring = install_sealed(state, &mut sync, stored.clone())?;
            let outcome = if held.is_some() {
                KeyRingTick::Reloaded
            } else {
                KeyRingTick::Unchanged
            };
            (ring, outcome)
        }
    };
    let now = state.services().clock.now();
    let age = now
        .unix_timestamp()
        .saturating_sub(ring.current_key_created_at());
    if age < state.config().key_ring_rotate_after.whole_seconds() {
        return Ok(outcome);
    }
    let rotated = {
        let mut rotated = KeyRing::clone(&ring);
        rotated.rotate(&mut rand::rng(), now.unix_timestamp());
        rotated
    };
    let sealed = seal_ring(state.services().cipher.as_ref(), &rotated)?;
    let store = state.store()?;
    if store
        .replace_server_secret(RING_NAME, &stored, &sealed, now)
        .await?
    {
        let key_id = rotated.current_key_id();
        install(state, &mut sync, Arc::new(rotated), sealed);
        outcome = KeyRingTick::Rotated;
        tracing::info!(key_id, "rotated the STS session-token key ring");
    } else {
        // Another node stored its rotation since we read: use its ring, never ours.
        let winner = stored_or_created(state).await?;
        install_sealed(state, &mut sync, winner)?;
        outcome = KeyRingTick::LostRace;
    }
    Ok(outcome)
}

/// Opens the session token of a request (no expiry check, see [`open_token`]), from the
/// node's cache when it was opened before (with the signing key kept for `scope`, if any). A token
/// sealed with a key this node does not hold yet makes it reload the stored ring first:
/// another node may have rotated a moment ago (at most once per [`RELOAD_INTERVAL`]).
pub(crate) async fn open_session_token<S: Store>(
    state: &AppState<S>,
    token: &str,
    key_id: &str,
    scope: warden_sigv4::Scope<'_>,
) -> Result<Opened, ApiError> {
    let ring = key_ring(state).await?;
    let ring = if ring.lacks_token_key(token) {
        reload_for_unknown_key(state, token, ring).await?
    } else {
        ring
    };
    let tokens = &state.inner().tokens;
    if let Some(opened) = tokens.get(&ring, token, key_id, scope) {
        return Ok(opened);
    }
    let record = Arc::new(open_token(&ring, token, key_id)?);
    tokens.put(&ring, token, key_id, &record);
    Ok(Opened {
        record,
        signing: None,
    })
}

async fn reload_for_unknown_key<S: Store>(
    state: &AppState<S>,
    token: &str,
    held: Arc<KeyRing>,
) -> Result<Arc<KeyRing>, ApiError> {
    let mut sync = state.inner().ring_init.lock().await;
    // A request that waited for the lock may find the ring already reloaded.
    let held = loaded(state).unwrap_or(held);
    if !held.lacks_token_key(token) {
        return Ok(held);
    }
    let now = Instant::now();
    if sync
        .last_unknown_key_reload
        .is_some_and(|at| now.saturating_duration_since(at) < RELOAD_INTERVAL)
    {
        return Ok(held);
    }
    sync.last_unknown_key_reload = Some(now);
    let stored = stored_or_created(state).await?;
    if sync.sealed.as_ref() == Some(&stored) {
        return Ok(held);
    }
    install_sealed(state, &mut sync, stored)
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
fn open_token(ring: &KeyRing, token: &str, key_id: &str) -> Result<SessionRecord, ApiError> {
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
    record: Arc<SessionRecord>,
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
    record: Arc<SessionRecord>,
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
        session: Some(record),
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
