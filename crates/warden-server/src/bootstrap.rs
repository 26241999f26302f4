//! Provisioning accounts and their root access keys (api.md §3.1: accounts come from
//! configuration, not from the IAM API).

use warden_core::{
    AccessKey, Account, CipherError, IdKind, KeyOwner, KeyStatus, SecretAccessKey, Store,
    StoreError, Transaction,
};
use warden_types::AccountId;

use crate::state::Services;

/// A root access key given by the operator (or generated on first start).
#[derive(Clone, Debug)]
pub struct RootKey {
    /// The access key id: any printable ASCII string of at least 3 characters (MinIO-style
    /// operator-chosen ids such as `admin` are allowed).
    pub id: String,
    /// The secret access key.
    pub secret: SecretAccessKey,
}

impl RootKey {
    /// Checks the operator-given id and secret.
    pub fn new(id: &str, secret: &str) -> Result<Self, BootstrapError> {
        let printable = |s: &str| s.chars().all(|c| c.is_ascii_graphic());
        if id.chars().count() < 3 || !printable(id) {
            return Err(BootstrapError::InvalidKeyId);
        }
        if secret.is_empty() || !printable(secret) {
            return Err(BootstrapError::InvalidSecret);
        }
        Ok(Self {
            id: id.to_owned(),
            secret: SecretAccessKey::new(secret.to_owned()),
        })
    }
}

/// Why provisioning failed.
#[derive(Debug, thiserror::Error)]
pub enum BootstrapError {
    /// Sealing the secret failed.
    #[error("while sealing the root secret: {0}")]
    Cipher(#[source] CipherError),
    /// The root access key id is not ≥ 3 printable ASCII characters.
    #[error("the root access key id must be at least 3 printable ASCII characters")]
    InvalidKeyId,
    /// The root secret is empty or not printable ASCII.
    #[error("the root secret access key must be non-empty printable ASCII")]
    InvalidSecret,
    /// The access key id is already used by another account or user.
    #[error("access key id `{0}` is already in use")]
    KeyInUse(String),
    /// The account already exists (`account create`).
    #[error("account {0} already exists")]
    AccountExists(AccountId),
    /// The store failed.
    #[error("store failure: {0}")]
    Store(#[source] StoreError),
}

impl From<StoreError> for BootstrapError {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

/// Makes sure `account` exists with a root key. On first creation the root key is `root`
/// when given, else generated — and then returned so it can be shown once. An existing
/// account gets `root` added when it does not have that key yet.
pub async fn ensure_account<S: Store>(
    store: &S,
    services: &Services,
    account: AccountId,
    root: Option<&RootKey>,
) -> Result<Option<RootKey>, BootstrapError> {
    let mut tx = store.begin().await?;
    tx.lock_account(account).await?;
    let exists = tx.account(account).await?.is_some();
    if !exists {
        tx.insert_account(&Account {
            id: account,
            created: services.clock.now(),
        })
        .await?;
    }
    let (key, generated) = match root {
        Some(k) => (k.clone(), false),
        None if exists => {
            tx.rollback().await?;
            return Ok(None);
        }
        None => (
            RootKey {
                id: services.ids.unique_id(IdKind::AccessKey),
                secret: services.ids.secret_access_key(),
            },
            true,
        ),
    };
    if let Some(found) = store.access_key(&key.id).await? {
        if found.account != account || found.owner != KeyOwner::Root {
            return Err(BootstrapError::KeyInUse(key.id));
        }
        // Present already: make sure the configured secret is the one stored.
        let current = services
            .cipher
            .open(&key.id, &found.secret)
            .map_err(BootstrapError::Cipher)?;
        if current.expose() == key.secret.expose() {
            tx.commit().await?;
            return Ok(None);
        }
        tx.delete_access_key(account, &key.id).await?;
    }
    let sealed = services
        .cipher
        .seal(&key.id, &key.secret)
        .map_err(BootstrapError::Cipher)?;
    tx.insert_access_key(&AccessKey {
        account,
        id: key.id.clone(),
        owner: KeyOwner::Root,
        status: KeyStatus::Active,
        created: services.clock.now(),
        last_used: None,
        secret: sealed,
    })
    .await
    .map_err(|e| match e {
        StoreError::Conflict { .. } => BootstrapError::KeyInUse(key.id.clone()),
        other => BootstrapError::Store(other),
    })?;
    tx.commit().await?;
    Ok(generated.then_some(key))
}

/// Creates a new account (`warden account create`); fails if it exists.
pub async fn create_account<S: Store>(
    store: &S,
    services: &Services,
    account: AccountId,
    root: Option<&RootKey>,
) -> Result<Option<RootKey>, BootstrapError> {
    let mut tx = store.begin().await?;
    let exists = tx.account(account).await?.is_some();
    tx.rollback().await?;
    if exists {
        return Err(BootstrapError::AccountExists(account));
    }
    let generated = ensure_account(store, services, account, root).await?;
    Ok(generated.or_else(|| root.cloned()))
}
