//! SSH public keys of users (api.md §5.15): OpenSSH `ssh-rsa` or PEM RSA keys of
//! 2048–16384 bits, parsed by `warden-certs`; at most five per user.

use serde_json::json;
use warden_certs::SshKeyError;
use warden_core::{
    IdKind, KeyOwner, KeyStatus, SshPublicKey, Store, StoreError, Transaction, User,
};
use warden_query::iam::{
    self, DeleteSSHPublicKeyInput, GetSSHPublicKeyInput, GetSSHPublicKeyOutput,
    ListSSHPublicKeysInput, ListSSHPublicKeysOutput, SSHPublicKeyMetadata, UpdateSSHPublicKeyInput,
    UploadSSHPublicKeyInput, UploadSSHPublicKeyOutput,
};

use super::signing_certificates::{page_after, resolve_owner, settable_status};
use super::{Cx, Reply, list_query, marker_scope, no_such_user, page_marker, ts};
use crate::authz::Check;
use crate::error::{ApiError, CredentialFault, InternalError};

/// SSH public keys per user (api.md §3.7; the quota name is `VERIFY`).
const KEYS_PER_USER: usize = 5;

// The model's documentation of each error; AWS's exact messages are unrecorded (`VERIFY`).
const UNRECOGNIZED: &str = "The request was rejected because the public key encoding format \
     is unsupported or unrecognized.";
const INVALID: &str =
    "The request was rejected because the public key is malformed or otherwise invalid.";
const DUPLICATE: &str = "The request was rejected because the SSH public key is already \
     associated with the specified IAM user.";

/// `The Public Key with id <id> cannot be found.` (api.md §5.3).
fn not_found(id: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("The Public Key with id {id} cannot be found."))
}

fn key_error(e: SshKeyError) -> ApiError {
    match e {
        SshKeyError::Unrecognized => {
            ApiError::credential(CredentialFault::UnrecognizedPublicKeyEncoding, UNRECOGNIZED)
        }
        SshKeyError::Invalid => ApiError::credential(CredentialFault::InvalidPublicKey, INVALID),
    }
}

/// Resolves the named user, authorizes `action` on it, then requires it.
async fn authorized_user<S: Store>(
    cx: &mut Cx<'_, S>,
    name: &str,
    action: &str,
) -> Result<User, ApiError> {
    let target = cx.user(name).await?;
    cx.authorize(vec![
        Check::new(action, &target.arn).with_resource_tags(&target.tags, true),
    ])?;
    target.require(|| no_such_user(name))
}

/// The key `id` if it belongs to `user`.
async fn owned<S: Store>(
    cx: &mut Cx<'_, S>,
    user: &User,
    id: &str,
) -> Result<SshPublicKey, ApiError> {
    match cx.tx.ssh_public_key(cx.account(), id).await? {
        Some(k) if k.user_id == user.id => Ok(k),
        _ => Err(not_found(id)),
    }
}

fn wire_key(user: &User, k: &SshPublicKey, body: String) -> iam::SSHPublicKey {
    iam::SSHPublicKey {
        user_name: user.name.clone(),
        ssh_public_key_id: k.id.clone(),
        fingerprint: k.fingerprint.clone(),
        ssh_public_key_body: body,
        status: k.status.as_str().to_owned(),
        upload_date: Some(ts(k.uploaded)),
    }
}

/// UploadSSHPublicKey: parse, refuse a key already on the user, at most five.
pub(crate) async fn upload_ssh_public_key<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UploadSSHPublicKeyInput,
) -> Result<Reply, ApiError> {
    let user = authorized_user(cx, &input.user_name, "iam:UploadSSHPublicKey").await?;
    let parsed =
        warden_certs::parse_ssh_public_key(&input.ssh_public_key_body).map_err(key_error)?;
    let fingerprint = parsed.fingerprint();
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    let existing = cx.tx.ssh_public_keys(account, &user.id).await?;
    if existing.iter().any(|k| k.fingerprint == fingerprint) {
        return Err(ApiError::credential(
            CredentialFault::DuplicateSshPublicKey,
            DUPLICATE,
        ));
    }
    if existing.len() >= KEYS_PER_USER {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for KeyPairsPerUser: {KEYS_PER_USER}"
        )));
    }
    let key = SshPublicKey {
        account,
        id: cx.state.services().ids.unique_id(IdKind::SshPublicKey),
        user_id: user.id.clone(),
        body: input.ssh_public_key_body.trim().to_owned(),
        fingerprint,
        status: KeyStatus::Active,
        uploaded: cx.now,
    };
    cx.tx.insert_ssh_public_key(&key).await?;
    let audit = json!({"sSHPublicKey": {
        "userName": user.name, "sSHPublicKeyId": key.id, "fingerprint": key.fingerprint,
        "status": "Active", "uploadDate": ts(key.uploaded).to_string(),
    }});
    Ok(Reply::result(UploadSSHPublicKeyOutput {
        ssh_public_key: Some(wire_key(&user, &key, key.body.clone())),
    })
    .with_audit(audit))
}

/// GetSSHPublicKey: the body in the requested encoding, `SSH` (OpenSSH line) or `PEM`
/// (X.509 SubjectPublicKeyInfo).
pub(crate) async fn get_ssh_public_key<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetSSHPublicKeyInput,
) -> Result<Reply, ApiError> {
    let user = authorized_user(cx, &input.user_name, "iam:GetSSHPublicKey").await?;
    let key = owned(cx, &user, &input.ssh_public_key_id).await?;
    // The stored body parsed on upload; failing now means corrupt data.
    let corrupt = |_| ApiError::Internal(InternalError::Contract("stored SSH key does not parse"));
    let parsed = warden_certs::parse_ssh_public_key(&key.body).map_err(corrupt)?;
    let body = match input.encoding.as_str() {
        // A key uploaded as an OpenSSH line is returned as uploaded (with its comment).
        "SSH" if key.body.starts_with("ssh-rsa ") => key.body.clone(),
        "SSH" => parsed.to_openssh(),
        "PEM" => parsed.to_pem().map_err(corrupt)?,
        _ => return Err(key_error(SshKeyError::Unrecognized)),
    };
    Ok(Reply::result(GetSSHPublicKeyOutput {
        ssh_public_key: Some(wire_key(&user, &key, body)),
    }))
}

/// ListSSHPublicKeys: metadata of the user's (or the caller's) keys, oldest first. Root
/// has no SSH keys: an empty list.
pub(crate) async fn list_ssh_public_keys<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListSSHPublicKeysInput,
) -> Result<Reply, ApiError> {
    let owner = resolve_owner(cx, input.user_name.as_deref(), "iam:ListSSHPublicKeys", &[]).await?;
    let (keys, owner_key) = match &owner.key_owner {
        KeyOwner::Root => (Vec::new(), "root".to_owned()),
        KeyOwner::User(id) => (cx.tx.ssh_public_keys(cx.account(), id).await?, id.clone()),
    };
    let scope = marker_scope("ListSSHPublicKeys", &[("Owner", &owner_key)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let page = page_after(keys, &query, |k| k.id.clone());
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let user_name = owner.user_name.unwrap_or_default();
    let list = page
        .items
        .iter()
        .map(|k| SSHPublicKeyMetadata {
            user_name: user_name.clone(),
            ssh_public_key_id: k.id.clone(),
            status: k.status.as_str().to_owned(),
            upload_date: ts(k.uploaded),
        })
        .collect();
    Ok(Reply::result(ListSSHPublicKeysOutput {
        ssh_public_keys: Some(list),
        is_truncated: Some(truncated),
        marker,
    }))
}

/// UpdateSSHPublicKey: sets `Status`.
pub(crate) async fn update_ssh_public_key<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateSSHPublicKeyInput,
) -> Result<Reply, ApiError> {
    let user = authorized_user(cx, &input.user_name, "iam:UpdateSSHPublicKey").await?;
    let status = settable_status(&input.status)?;
    let key = owned(cx, &user, &input.ssh_public_key_id).await?;
    cx.tx
        .set_ssh_public_key_status(cx.account(), &key.id, status)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => not_found(&input.ssh_public_key_id),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// DeleteSSHPublicKey.
pub(crate) async fn delete_ssh_public_key<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteSSHPublicKeyInput,
) -> Result<Reply, ApiError> {
    let user = authorized_user(cx, &input.user_name, "iam:DeleteSSHPublicKey").await?;
    let key = owned(cx, &user, &input.ssh_public_key_id).await?;
    cx.tx
        .delete_ssh_public_key(cx.account(), &key.id)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => not_found(&input.ssh_public_key_id),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}
