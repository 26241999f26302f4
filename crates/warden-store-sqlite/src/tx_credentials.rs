//! Server certificates, signing certificates, SSH public keys and service-specific
//! credentials (api.md §5.15; migration 0010). A child module of `tx`, shared by both
//! backends like it; the `Transaction` methods in `tx.rs` delegate here.
//!
//! Signing certificates, SSH keys and service-specific credentials reference their user
//! without `ON DELETE`: a user holding any cannot be deleted (`DeleteConflict`, api.md
//! §5.4). Like access keys they carry a per-account `seq` so that listings show them in
//! creation order although `created` has whole seconds.

use warden_core::{
    EncryptedSecret, KeyOwner, KeyStatus, ListQuery, Page, ServerCertificate, ServiceCredential,
    SigningCertificate, SshPublicKey, StoreError, TagTarget, name_key,
};
use warden_types::AccountId;

use super::{
    PAGE_FILTER, Tx, account_from, collect, expect_one, get, limit_plus_one, opt_time_col,
    time_col, ts,
};
use crate::DbRow;
use crate::error::on_error;

fn status_col(row: &DbRow) -> Result<KeyStatus, StoreError> {
    let status: String = get(row, "status")?;
    KeyStatus::parse(&status).ok_or(StoreError::Corrupt(warden_core::CorruptError::new(
        "status",
    )))
}

/// `(SELECT next seq)` for `table`, with the account bound as `$2`.
fn next_seq(table: &str) -> String {
    format!("(SELECT COALESCE(MAX(s.seq), 0) + 1 FROM {table} s WHERE s.account_id = $2)")
}

// ---- server certificates

const SERVER_CERT_COLUMNS: &str =
    "id, account_id, name, path, uploaded, expiration, body, chain, private_key";

fn server_certificate_from(row: &DbRow) -> Result<ServerCertificate, StoreError> {
    Ok(ServerCertificate {
        account: account_from(row)?,
        id: get(row, "id")?,
        name: get(row, "name")?,
        path: get(row, "path")?,
        uploaded: time_col(row, "uploaded")?,
        expiration: time_col(row, "expiration")?,
        body: get(row, "body")?,
        chain: get(row, "chain")?,
        private_key: EncryptedSecret::from_bytes(get(row, "private_key")?),
    })
}

pub(super) async fn insert_server_certificate(
    tx: &mut Tx,
    c: &ServerCertificate,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO server_certificates (id, account_id, name, name_key, path, uploaded, \
         expiration, body, chain, private_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&c.id)
    .bind(c.account.as_str())
    .bind(&c.name)
    .bind(name_key(&c.name))
    .bind(&c.path)
    .bind(ts(c.uploaded))
    .bind(ts(c.expiration))
    .bind(&c.body)
    .bind(&c.chain)
    .bind(c.private_key.as_bytes())
    .execute(tx.tx.conn().await?)
    .await
    .map_err(on_error)?;
    tx.touch(c.account);
    Ok(())
}

pub(super) async fn server_certificate(
    tx: &mut Tx,
    account: AccountId,
    name: &str,
) -> Result<Option<ServerCertificate>, StoreError> {
    let sql = format!(
        "SELECT {SERVER_CERT_COLUMNS} FROM server_certificates \
         WHERE account_id = $1 AND name_key = $2"
    );
    let row = sqlx::query(&sql)
        .bind(account.as_str())
        .bind(name_key(name))
        .fetch_optional(tx.tx.conn().await?)
        .await
        .map_err(on_error)?;
    row.as_ref().map(server_certificate_from).transpose()
}

pub(super) async fn update_server_certificate(
    tx: &mut Tx,
    c: &ServerCertificate,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE server_certificates SET name = $3, name_key = $4, path = $5 \
         WHERE account_id = $1 AND id = $2",
    )
    .bind(c.account.as_str())
    .bind(&c.id)
    .bind(&c.name)
    .bind(name_key(&c.name))
    .bind(&c.path)
    .execute(tx.tx.conn().await?)
    .await
    .map_err(on_error)?;
    expect_one(done.rows_affected())?;
    tx.touch(c.account);
    Ok(())
}

pub(super) async fn delete_server_certificate(
    tx: &mut Tx,
    account: AccountId,
    id: &str,
) -> Result<(), StoreError> {
    tx.delete_tags(account, &TagTarget::ServerCertificate(id.to_owned()))
        .await?;
    tx.delete_entity("server_certificates", account, id).await
}

pub(super) async fn list_server_certificates(
    tx: &mut Tx,
    account: AccountId,
    query: &ListQuery,
) -> Result<Page<ServerCertificate>, StoreError> {
    let sql = format!(
        "SELECT {SERVER_CERT_COLUMNS} FROM server_certificates WHERE {PAGE_FILTER} \
         ORDER BY name_key LIMIT $4"
    );
    let rows = sqlx::query(&sql)
        .bind(account.as_str())
        .bind(&query.path_prefix)
        .bind(&query.after)
        .bind(limit_plus_one(query.limit))
        .fetch_all(tx.tx.conn().await?)
        .await
        .map_err(on_error)?;
    Ok(Page::from_overfetch(
        collect(&rows, server_certificate_from)?,
        query.limit,
        |c| name_key(&c.name),
    ))
}

// ---- signing certificates

const SIGNING_CERT_COLUMNS: &str = "id, account_id, user_id, body, fingerprint, status, uploaded";

fn signing_certificate_from(row: &DbRow) -> Result<SigningCertificate, StoreError> {
    Ok(SigningCertificate {
        account: account_from(row)?,
        id: get(row, "id")?,
        owner: get::<Option<String>>(row, "user_id")?.map_or(KeyOwner::Root, KeyOwner::User),
        body: get(row, "body")?,
        fingerprint: get(row, "fingerprint")?,
        status: status_col(row)?,
        uploaded: time_col(row, "uploaded")?,
    })
}

fn owner_id(owner: &KeyOwner) -> Option<&str> {
    match owner {
        KeyOwner::Root => None,
        KeyOwner::User(id) => Some(id.as_str()),
    }
}

pub(super) async fn insert_signing_certificate(
    tx: &mut Tx,
    c: &SigningCertificate,
) -> Result<(), StoreError> {
    let sql = format!(
        "INSERT INTO signing_certificates (id, account_id, user_id, body, fingerprint, status, \
         uploaded, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, {})",
        next_seq("signing_certificates")
    );
    sqlx::query(&sql)
        .bind(&c.id)
        .bind(c.account.as_str())
        .bind(owner_id(&c.owner))
        .bind(&c.body)
        .bind(&c.fingerprint)
        .bind(c.status.as_str())
        .bind(ts(c.uploaded))
        .execute(tx.tx.conn().await?)
        .await
        .map_err(on_error)?;
    tx.touch(c.account);
    Ok(())
}

async fn signing_certificate_where(
    tx: &mut Tx,
    account: AccountId,
    column: &str,
    value: &str,
) -> Result<Option<SigningCertificate>, StoreError> {
    let sql = format!(
        "SELECT {SIGNING_CERT_COLUMNS} FROM signing_certificates \
         WHERE account_id = $1 AND {column} = $2"
    );
    let row = sqlx::query(&sql)
        .bind(account.as_str())
        .bind(value)
        .fetch_optional(tx.tx.conn().await?)
        .await
        .map_err(on_error)?;
    row.as_ref().map(signing_certificate_from).transpose()
}

pub(super) async fn signing_certificate(
    tx: &mut Tx,
    account: AccountId,
    id: &str,
) -> Result<Option<SigningCertificate>, StoreError> {
    signing_certificate_where(tx, account, "id", id).await
}

pub(super) async fn signing_certificate_by_fingerprint(
    tx: &mut Tx,
    account: AccountId,
    fingerprint: &str,
) -> Result<Option<SigningCertificate>, StoreError> {
    signing_certificate_where(tx, account, "fingerprint", fingerprint).await
}

pub(super) async fn signing_certificates(
    tx: &mut Tx,
    account: AccountId,
    owner: &KeyOwner,
) -> Result<Vec<SigningCertificate>, StoreError> {
    // `IS NOT DISTINCT FROM` is spelled `IS` in SQLite: spell the NULL case out instead.
    let sql = format!(
        "SELECT {SIGNING_CERT_COLUMNS} FROM signing_certificates WHERE account_id = $1 \
         AND ((CAST($2 AS TEXT) IS NULL AND user_id IS NULL) OR user_id = $2) \
         ORDER BY uploaded, seq, id"
    );
    let rows = sqlx::query(&sql)
        .bind(account.as_str())
        .bind(owner_id(owner))
        .fetch_all(tx.tx.conn().await?)
        .await
        .map_err(on_error)?;
    collect(&rows, signing_certificate_from)
}

/// `UPDATE <table> SET status = $3 WHERE account_id = $1 AND id = $2`.
async fn set_status(
    tx: &mut Tx,
    table: &str,
    account: AccountId,
    id: &str,
    status: KeyStatus,
) -> Result<(), StoreError> {
    let sql = format!("UPDATE {table} SET status = $3 WHERE account_id = $1 AND id = $2");
    let done = sqlx::query(&sql)
        .bind(account.as_str())
        .bind(id)
        .bind(status.as_str())
        .execute(tx.tx.conn().await?)
        .await
        .map_err(on_error)?;
    expect_one(done.rows_affected())?;
    tx.touch(account);
    Ok(())
}

pub(super) async fn set_signing_certificate_status(
    tx: &mut Tx,
    account: AccountId,
    id: &str,
    status: KeyStatus,
) -> Result<(), StoreError> {
    set_status(tx, "signing_certificates", account, id, status).await
}

pub(super) async fn delete_signing_certificate(
    tx: &mut Tx,
    account: AccountId,
    id: &str,
) -> Result<(), StoreError> {
    tx.delete_entity("signing_certificates", account, id).await
}

// ---- SSH public keys

const SSH_KEY_COLUMNS: &str = "id, account_id, user_id, body, fingerprint, status, uploaded";

fn ssh_key_from(row: &DbRow) -> Result<SshPublicKey, StoreError> {
    Ok(SshPublicKey {
        account: account_from(row)?,
        id: get(row, "id")?,
        user_id: get(row, "user_id")?,
        body: get(row, "body")?,
        fingerprint: get(row, "fingerprint")?,
        status: status_col(row)?,
        uploaded: time_col(row, "uploaded")?,
    })
}

pub(super) async fn insert_ssh_public_key(tx: &mut Tx, k: &SshPublicKey) -> Result<(), StoreError> {
    let sql = format!(
        "INSERT INTO ssh_public_keys (id, account_id, user_id, body, fingerprint, status, \
         uploaded, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, {})",
        next_seq("ssh_public_keys")
    );
    sqlx::query(&sql)
        .bind(&k.id)
        .bind(k.account.as_str())
        .bind(&k.user_id)
        .bind(&k.body)
        .bind(&k.fingerprint)
        .bind(k.status.as_str())
        .bind(ts(k.uploaded))
        .execute(tx.tx.conn().await?)
        .await
        .map_err(on_error)?;
    tx.touch(k.account);
    Ok(())
}

pub(super) async fn ssh_public_key(
    tx: &mut Tx,
    account: AccountId,
    id: &str,
) -> Result<Option<SshPublicKey>, StoreError> {
    let sql =
        format!("SELECT {SSH_KEY_COLUMNS} FROM ssh_public_keys WHERE account_id = $1 AND id = $2");
    let row = sqlx::query(&sql)
        .bind(account.as_str())
        .bind(id)
        .fetch_optional(tx.tx.conn().await?)
        .await
        .map_err(on_error)?;
    row.as_ref().map(ssh_key_from).transpose()
}

pub(super) async fn ssh_public_keys(
    tx: &mut Tx,
    account: AccountId,
    user_id: &str,
) -> Result<Vec<SshPublicKey>, StoreError> {
    let sql = format!(
        "SELECT {SSH_KEY_COLUMNS} FROM ssh_public_keys WHERE account_id = $1 AND user_id = $2 \
         ORDER BY uploaded, seq, id"
    );
    let rows = sqlx::query(&sql)
        .bind(account.as_str())
        .bind(user_id)
        .fetch_all(tx.tx.conn().await?)
        .await
        .map_err(on_error)?;
    collect(&rows, ssh_key_from)
}

pub(super) async fn set_ssh_public_key_status(
    tx: &mut Tx,
    account: AccountId,
    id: &str,
    status: KeyStatus,
) -> Result<(), StoreError> {
    set_status(tx, "ssh_public_keys", account, id, status).await
}

pub(super) async fn delete_ssh_public_key(
    tx: &mut Tx,
    account: AccountId,
    id: &str,
) -> Result<(), StoreError> {
    tx.delete_entity("ssh_public_keys", account, id).await
}

// ---- service-specific credentials

const SERVICE_CREDENTIAL_COLUMNS: &str = "id, account_id, user_id, service_name, \
     service_user_name, password, status, created, expiration";

fn service_credential_from(row: &DbRow) -> Result<ServiceCredential, StoreError> {
    Ok(ServiceCredential {
        account: account_from(row)?,
        id: get(row, "id")?,
        user_id: get(row, "user_id")?,
        service_name: get(row, "service_name")?,
        service_user_name: get(row, "service_user_name")?,
        password: EncryptedSecret::from_bytes(get(row, "password")?),
        status: status_col(row)?,
        created: time_col(row, "created")?,
        expiration: opt_time_col(row, "expiration")?,
    })
}

pub(super) async fn insert_service_credential(
    tx: &mut Tx,
    c: &ServiceCredential,
) -> Result<(), StoreError> {
    let sql = format!(
        "INSERT INTO service_credentials (id, account_id, user_id, service_name, \
         service_user_name, password, status, created, expiration, seq) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, {})",
        next_seq("service_credentials")
    );
    sqlx::query(&sql)
        .bind(&c.id)
        .bind(c.account.as_str())
        .bind(&c.user_id)
        .bind(&c.service_name)
        .bind(&c.service_user_name)
        .bind(c.password.as_bytes())
        .bind(c.status.as_str())
        .bind(ts(c.created))
        .bind(c.expiration.map(ts))
        .execute(tx.tx.conn().await?)
        .await
        .map_err(on_error)?;
    tx.touch(c.account);
    Ok(())
}

pub(super) async fn service_credential(
    tx: &mut Tx,
    account: AccountId,
    id: &str,
) -> Result<Option<ServiceCredential>, StoreError> {
    let sql = format!(
        "SELECT {SERVICE_CREDENTIAL_COLUMNS} FROM service_credentials \
         WHERE account_id = $1 AND id = $2"
    );
    let row = sqlx::query(&sql)
        .bind(account.as_str())
        .bind(id)
        .fetch_optional(tx.tx.conn().await?)
        .await
        .map_err(on_error)?;
    row.as_ref().map(service_credential_from).transpose()
}

pub(super) async fn service_credentials(
    tx: &mut Tx,
    account: AccountId,
    user_id: Option<&str>,
) -> Result<Vec<ServiceCredential>, StoreError> {
    let sql = format!(
        "SELECT {SERVICE_CREDENTIAL_COLUMNS} FROM service_credentials WHERE account_id = $1 \
         AND (CAST($2 AS TEXT) IS NULL OR user_id = $2) ORDER BY created, seq, id"
    );
    let rows = sqlx::query(&sql)
        .bind(account.as_str())
        .bind(user_id)
        .fetch_all(tx.tx.conn().await?)
        .await
        .map_err(on_error)?;
    collect(&rows, service_credential_from)
}

pub(super) async fn update_service_credential(
    tx: &mut Tx,
    c: &ServiceCredential,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE service_credentials SET status = $3, password = $4 \
         WHERE account_id = $1 AND id = $2",
    )
    .bind(c.account.as_str())
    .bind(&c.id)
    .bind(c.status.as_str())
    .bind(c.password.as_bytes())
    .execute(tx.tx.conn().await?)
    .await
    .map_err(on_error)?;
    expect_one(done.rows_affected())?;
    tx.touch(c.account);
    Ok(())
}

pub(super) async fn delete_service_credential(
    tx: &mut Tx,
    account: AccountId,
    id: &str,
) -> Result<(), StoreError> {
    tx.delete_entity("service_credentials", account, id).await
}
