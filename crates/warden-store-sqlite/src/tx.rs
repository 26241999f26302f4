//! The `Transaction` implementation. The SQL is written to run unchanged on SQLite and
//! PostgreSQL (`$N` parameters, BIGINT times, TEXT names), so the two backends differ only
//! in connection setup, error mapping and the change feed.

use std::collections::BTreeSet;

use sqlx::Row;
use time::OffsetDateTime;
use tokio::sync::broadcast;
use warden_core::model::{MfaAssignment, MfaAssignmentFilter, MfaDevice};
use warden_core::{
    AccessKey, Account, AuditEvent, AuditOutcome, Change, Constraint, CorruptError, CountedEntity,
    EncryptedSecret, Group, InlinePolicy, KeyLastUsed, KeyOwner, KeyStatus, ListQuery,
    ManagedPolicy, NewPolicy, OidcProvider, Page, PolicyHolder, PolicyUsage, PolicyVersion,
    ResolvedPrincipal, Role, RoleLastUsed, StoreError, Tag, TagTarget, Transaction, User, name_key,
};
use warden_core::{AccountUsage, LoginProfile, PasswordHash, PasswordPolicy};
use warden_core::{InstanceProfile, Workload};
use warden_types::AccountId;

use crate::error::on_error;
use crate::{DbRow, DbTx};

// Bulk import and owner-scoped policy listing (`warden import`, AWS managed policies);
// resolved next to this file in both backends.
#[path = "tx_import.rs"]
mod import;

// Server certificates, signing certificates, SSH keys, service-specific credentials
// (api.md §5.15); resolved next to this file in both backends.
#[path = "tx_credentials.rs"]
mod credentials;

/// The connection a [`Tx`] runs on: an open database transaction, or, for a call that only
/// reads ([`warden_core::Store::begin_read`]), a pooled connection in autocommit mode that is
/// taken from the pool on the first statement. The latter saves the `BEGIN` and `COMMIT`
/// round trips (on SQLite each is a hand-off to the driver's worker thread), and a call
/// that never reaches the database (refused by policy before any read, or answered from the
/// server's caches) costs no pool hand-off at all; each read statement still sees a
/// consistent snapshot of its own.
#[derive(Debug)]
pub(crate) enum DbConn {
    Transaction(sqlx::Transaction<'static, crate::Db>),
    Autocommit {
        pool: sqlx::Pool<crate::Db>,
        conn: Option<sqlx::pool::PoolConnection<crate::Db>>,
    },
}

impl DbConn {
    /// A read-only connection, acquired on first use.
    pub(crate) fn autocommit(pool: &sqlx::Pool<crate::Db>) -> Self {
        Self::Autocommit {
            pool: pool.clone(),
            conn: None,
        }
    }

    /// The driver's connection for the next statement.
    pub(crate) async fn conn(
        &mut self,
    ) -> Result<&mut <crate::Db as sqlx::Database>::Connection, StoreError> {
        match self {
            Self::Transaction(tx) => Ok(&mut **tx),
            Self::Autocommit { pool, conn } => {
                let acquired = match conn.take() {
                    Some(c) => c,
                    None => pool.acquire().await.map_err(on_error)?,
                };
                Ok(&mut **conn.insert(acquired))
            }
        }
    }

    /// Commits the transaction; an autocommit connection has nothing left to commit.
    pub(crate) async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Self::Transaction(tx) => tx.commit().await,
            Self::Autocommit { .. } => Ok(()),
        }
    }

    /// Rolls the transaction back; an autocommit connection has nothing to undo.
    pub(crate) async fn rollback(self) -> Result<(), sqlx::Error> {
        match self {
            Self::Transaction(tx) => tx.rollback().await,
            Self::Autocommit { .. } => Ok(()),
        }
    }
}

/// A transaction on the database; see [`Transaction`].
#[derive(Debug)]
pub struct Tx {
    pub(crate) tx: DbTx,
    /// Accounts whose generation this transaction bumps at commit.
    pub(crate) changed: BTreeSet<AccountId>,
    /// Accounts this transaction deletes: announced at commit, with no generation to bump.
    pub(crate) deleted: BTreeSet<AccountId>,
    pub(crate) notify: broadcast::Sender<Change>,
}

impl Tx {
    fn touch(&mut self, account: AccountId) {
        self.changed.insert(account);
    }
}

// ---- value conversions

fn ts(time: OffsetDateTime) -> i64 {
    time.unix_timestamp()
}

fn time_from(value: i64, column: &'static str) -> Result<OffsetDateTime, StoreError> {
    OffsetDateTime::from_unix_timestamp(value)
        .map_err(|_| StoreError::Corrupt(CorruptError::new(column)))
}

fn get<'r, T>(row: &'r DbRow, column: &'static str) -> Result<T, StoreError>
where
    T: sqlx::Decode<'r, crate::Db> + sqlx::Type<crate::Db>,
{
    row.try_get(column).map_err(on_error)
}

fn account_from(row: &DbRow) -> Result<AccountId, StoreError> {
    get::<String>(row, "account_id")?
        .parse()
        .map_err(|_| StoreError::Corrupt(CorruptError::new("account_id")))
}

fn time_col(row: &DbRow, column: &'static str) -> Result<OffsetDateTime, StoreError> {
    time_from(get(row, column)?, column)
}

fn opt_time_col(row: &DbRow, column: &'static str) -> Result<Option<OffsetDateTime>, StoreError> {
    get::<Option<i64>>(row, column)?
        .map(|v| time_from(v, column))
        .transpose()
}

fn count_col(row: &DbRow, column: &'static str) -> Result<u32, StoreError> {
    u32::try_from(get::<i64>(row, column)?)
        .map_err(|_| StoreError::Corrupt(CorruptError::new(column)))
}

fn version_id(n: i64) -> String {
    format!("v{n}")
}

/// `v<N>` with N a positive integer without leading zeros (the model's pattern).
fn version_number(id: &str) -> Option<i64> {
    let digits = id.strip_prefix('v')?;
    if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| *n > 0)
}

/// Rows per multi-row audit insert.
const AUDIT_ROWS_PER_INSERT: usize = 256;

fn limit_plus_one(limit: u32) -> i64 {
    i64::from(limit) + 1
}

fn holder_column(holder: &PolicyHolder) -> (&'static str, &str) {
    match holder {
        PolicyHolder::Group(id) => ("group_id", id),
        PolicyHolder::Role(id) => ("role_id", id),
        PolicyHolder::User(id) => ("user_id", id),
    }
}

fn holder_from(row: &DbRow) -> Result<PolicyHolder, StoreError> {
    let user: Option<String> = get(row, "user_id")?;
    let group: Option<String> = get(row, "group_id")?;
    let role: Option<String> = get(row, "role_id")?;
    match (user, group, role) {
        (Some(id), None, None) => Ok(PolicyHolder::User(id)),
        (None, Some(id), None) => Ok(PolicyHolder::Group(id)),
        (None, None, Some(id)) => Ok(PolicyHolder::Role(id)),
        _ => Err(StoreError::Corrupt(CorruptError::new("user_id"))),
    }
}

fn tag_target(target: &TagTarget) -> (&'static str, &str) {
    match target {
        TagTarget::InstanceProfile(id) => ("instance-profile", id),
        TagTarget::MfaDevice(key) => ("mfa", key),
        TagTarget::OidcProvider(url) => ("oidc-provider", url),
        TagTarget::Policy(id) => ("policy", id),
        TagTarget::Role(id) => ("role", id),
        TagTarget::SamlProvider(name) => ("saml-provider", name),
        TagTarget::ServerCertificate(id) => ("server-certificate", id),
        TagTarget::User(id) => ("user", id),
    }
}

fn json_list(row: &DbRow, column: &'static str) -> Result<Vec<String>, StoreError> {
    serde_json::from_str(&get::<String>(row, column)?)
        .map_err(|_| StoreError::Corrupt(CorruptError::new(column)))
}

fn to_json(list: &[String]) -> String {
    // Serialising a list of strings cannot fail.
    serde_json::to_string(list).unwrap_or_else(|_| "[]".to_owned())
}

// ---- row decoders

const USER_COLUMNS: &str =
    "u.id, u.account_id, u.name, u.path, u.created, u.permissions_boundary, u.password_last_used";

fn user_from(row: &DbRow) -> Result<User, StoreError> {
    Ok(User {
        account: account_from(row)?,
        id: get(row, "id")?,
        name: get(row, "name")?,
        path: get(row, "path")?,
        created: time_col(row, "created")?,
        permissions_boundary: get(row, "permissions_boundary")?,
        password_last_used: opt_time_col(row, "password_last_used")?,
    })
}

const GROUP_COLUMNS: &str = "g.id, g.account_id, g.name, g.path, g.created";

fn group_from(row: &DbRow) -> Result<Group, StoreError> {
    Ok(Group {
        account: account_from(row)?,
        id: get(row, "id")?,
        name: get(row, "name")?,
        path: get(row, "path")?,
        created: time_col(row, "created")?,
    })
}

const ROLE_COLUMNS: &str = "r.id, r.account_id, r.name, r.path, r.created, r.trust_policy, \
     r.description, r.max_session_duration, r.permissions_boundary, r.last_used_date, \
     r.last_used_region, r.trust_principals";

/// `trust_principals` (migration 0004): a JSON array of `[arn, unique id]` pairs; NULL for
/// roles saved before it, which then bind by name as they did.
fn trust_principals_from(row: &DbRow) -> Result<Vec<ResolvedPrincipal>, StoreError> {
    let Some(text) = get::<Option<String>>(row, "trust_principals")? else {
        return Ok(Vec::new());
    };
    let pairs: Vec<(String, String)> = serde_json::from_str(&text)
        .map_err(|_| StoreError::Corrupt(CorruptError::new("trust_principals")))?;
    Ok(pairs
        .into_iter()
        .map(|(arn, id)| ResolvedPrincipal { arn, id })
        .collect())
}

fn trust_principals_json(list: &[ResolvedPrincipal]) -> String {
    let pairs: Vec<(&str, &str)> = list
        .iter()
        .map(|p| (p.arn.as_str(), p.id.as_str()))
        .collect();
    serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".to_owned())
}

fn role_from(row: &DbRow) -> Result<Role, StoreError> {
    let last_used = match (
        opt_time_col(row, "last_used_date")?,
        get::<Option<String>>(row, "last_used_region")?,
    ) {
        (Some(date), Some(region)) => Some(RoleLastUsed { date, region }),
        _ => None,
    };
    Ok(Role {
        account: account_from(row)?,
        id: get(row, "id")?,
        name: get(row, "name")?,
        path: get(row, "path")?,
        created: time_col(row, "created")?,
        trust_policy: get(row, "trust_policy")?,
        description: get(row, "description")?,
        max_session_duration: u32::try_from(get::<i64>(row, "max_session_duration")?)
            .map_err(|_| StoreError::Corrupt(CorruptError::new("max_session_duration")))?,
        permissions_boundary: get(row, "permissions_boundary")?,
        last_used,
        trust_principals: trust_principals_from(row)?,
    })
}

/// Policy columns with the usage counts computed from the attachment and boundary columns,
/// so they can never drift from the rows they count. `$1` is always the calling account:
/// the counts are that account's (AWS managed policies are shared by every account, and
/// their counts are per calling account, api.md §5.7), and `caller_account` stands in for
/// the owner of an AWS managed policy.
const POLICY_SELECT: &str = "SELECT * FROM (SELECT p.id, p.account_id, p.name, p.name_key, \
     p.path, p.arn, p.description, p.created, p.updated, p.default_version, \
     p.attachable, $1 AS caller_account, \
     (SELECT count(*) FROM policy_attachments a WHERE a.policy_id = p.id \
         AND a.account_id = $1) AS attachment_count, \
     ((SELECT count(*) FROM users u WHERE u.account_id = $1 \
         AND u.permissions_boundary = p.arn) \
      + (SELECT count(*) FROM roles r WHERE r.account_id = $1 \
         AND r.permissions_boundary = p.arn)) AS boundary_usage_count \
     FROM policies p) q";

/// The rows of AWS managed policies and of the calling account `$1`.
const VISIBLE_POLICY: &str = "(account_id = $1 OR account_id = 'aws')";

fn policy_from(row: &DbRow) -> Result<ManagedPolicy, StoreError> {
    // AWS managed policies belong to the pseudo-account `aws`: report the caller's.
    let owner: String = get(row, "account_id")?;
    let account = if owner == warden_core::AWS_MANAGED_OWNER {
        get::<String>(row, "caller_account")?
            .parse()
            .map_err(|_| StoreError::Corrupt(CorruptError::new("caller_account")))?
    } else {
        account_from(row)?
    };
    Ok(ManagedPolicy {
        account,
        id: get(row, "id")?,
        name: get(row, "name")?,
        path: get(row, "path")?,
        arn: get(row, "arn")?,
        default_version_id: version_id(get(row, "default_version")?),
        attachment_count: count_col(row, "attachment_count")?,
        boundary_usage_count: count_col(row, "boundary_usage_count")?,
        attachable: get::<i64>(row, "attachable")? != 0,
        description: get(row, "description")?,
        created: time_col(row, "created")?,
        updated: time_col(row, "updated")?,
    })
}

fn version_from(row: &DbRow) -> Result<PolicyVersion, StoreError> {
    let version: i64 = get(row, "version")?;
    Ok(PolicyVersion {
        policy_id: get(row, "policy_id")?,
        version_id: version_id(version),
        document: get(row, "document")?,
        is_default: version == get::<i64>(row, "default_version")?,
        created: time_col(row, "created")?,
    })
}

pub(crate) const KEY_COLUMNS: &str = "k.id, k.account_id, k.user_id, k.status, k.created, \
     k.last_used_date, k.last_used_service, k.last_used_region, k.secret";

pub(crate) fn key_from(row: &DbRow) -> Result<AccessKey, StoreError> {
    let last_used = match (
        opt_time_col(row, "last_used_date")?,
        get::<Option<String>>(row, "last_used_service")?,
        get::<Option<String>>(row, "last_used_region")?,
    ) {
        (Some(date), Some(service), Some(region)) => Some(KeyLastUsed {
            date,
            service,
            region,
        }),
        _ => None,
    };
    let status: String = get(row, "status")?;
    Ok(AccessKey {
        account: account_from(row)?,
        id: get(row, "id")?,
        owner: get::<Option<String>>(row, "user_id")?.map_or(KeyOwner::Root, KeyOwner::User),
        status: KeyStatus::parse(&status)
            .ok_or(StoreError::Corrupt(CorruptError::new("status")))?,
        created: time_col(row, "created")?,
        last_used,
        secret: EncryptedSecret::from_bytes(get(row, "secret")?),
    })
}

const MFA_COLUMNS: &str =
    "m.account_id, m.path, m.name, m.seq, m.seed, m.created, m.user_id, m.enabled, m.last_step";

fn mfa_from(row: &DbRow) -> Result<MfaDevice, StoreError> {
    let assignment = match (
        get::<Option<String>>(row, "user_id")?,
        opt_time_col(row, "enabled")?,
    ) {
        (Some(user_id), Some(enabled)) => Some(MfaAssignment { user_id, enabled }),
        (None, None) => None,
        _ => return Err(StoreError::Corrupt(CorruptError::new("enabled"))),
    };
    Ok(MfaDevice {
        account: account_from(row)?,
        path: get(row, "path")?,
        name: get(row, "name")?,
        seed: EncryptedSecret::from_bytes(get::<Vec<u8>>(row, "seed")?),
        created: time_col(row, "created")?,
        assignment,
        last_used_step: get(row, "last_step")?,
    })
}

fn mfa_seq_from(row: &DbRow) -> Result<(i64, MfaDevice), StoreError> {
    Ok((get(row, "seq")?, mfa_from(row)?))
}

fn oidc_from(row: &DbRow) -> Result<OidcProvider, StoreError> {
    Ok(OidcProvider {
        account: account_from(row)?,
        url: get(row, "url")?,
        client_ids: json_list(row, "client_ids")?,
        thumbprints: json_list(row, "thumbprints")?,
        created: time_col(row, "created")?,
    })
}

const SAML_COLUMNS: &str =
    "account_id, name, uuid, metadata, valid_until, encryption_mode, created";

fn saml_from(row: &DbRow) -> Result<warden_core::SamlProvider, StoreError> {
    Ok(warden_core::SamlProvider {
        account: account_from(row)?,
        name: get(row, "name")?,
        uuid: get(row, "uuid")?,
        metadata: get(row, "metadata")?,
        valid_until: time_col(row, "valid_until")?,
        assertion_encryption_mode: get(row, "encryption_mode")?,
        created: time_col(row, "created")?,
    })
}

fn audit_from(row: &DbRow) -> Result<(i64, AuditEvent), StoreError> {
    let outcome: String = get(row, "outcome")?;
    Ok((
        get(row, "seq")?,
        AuditEvent {
            id: get(row, "id")?,
            account: account_from(row)?,
            time: time_col(row, "time")?,
            event_name: get(row, "event_name")?,
            outcome: AuditOutcome::parse(&outcome)
                .ok_or(StoreError::Corrupt(CorruptError::new("outcome")))?,
            principal_arn: get(row, "principal_arn")?,
            access_key_id: get(row, "access_key_id")?,
            document: get(row, "document")?,
        },
    ))
}

fn collect<T>(
    rows: &[DbRow],
    decode: fn(&DbRow) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    rows.iter().map(decode).collect()
}

fn expect_one(rows_affected: u64) -> Result<(), StoreError> {
    if rows_affected == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

// ---- instance profiles and workloads (migration 0008)

const INSTANCE_PROFILE_COLUMNS: &str =
    "ip.id, ip.account_id, ip.name, ip.path, ip.created, ip.role_id";

fn instance_profile_from(row: &DbRow) -> Result<InstanceProfile, StoreError> {
    Ok(InstanceProfile {
        account: account_from(row)?,
        id: get(row, "id")?,
        name: get(row, "name")?,
        path: get(row, "path")?,
        created: time_col(row, "created")?,
        role_id: get(row, "role_id")?,
    })
}

const WORKLOAD_COLUMNS: &str =
    "id, account_id, name, instance_profile_id, token_sha256, created, revoked";

fn workload_from(row: &DbRow) -> Result<Workload, StoreError> {
    Ok(Workload {
        account: account_from(row)?,
        id: get(row, "id")?,
        name: get(row, "name")?,
        instance_profile_id: get(row, "instance_profile_id")?,
        token_sha256: get(row, "token_sha256")?,
        created: time_col(row, "created")?,
        revoked: opt_time_col(row, "revoked")?,
    })
}

/// Empties every table, children before parents (dev reset, [`warden_core::Store::wipe`]).
pub(crate) async fn wipe(tx: &mut DbTx) -> Result<(), StoreError> {
    const TABLES: &[&str] = &[
        "signing_certificates",
        "ssh_public_keys",
        "service_credentials",
        "server_certificates",
        "login_profiles",
        "password_policies",
        "account_aliases",
        "policy_attachments",
        "workloads",
        "instance_profiles",
        "inline_policies",
        "group_members",
        "access_keys",
        "mfa_devices",
        "tags",
        "oidc_providers",
        "saml_private_keys",
        "saml_providers",
        "policy_versions",
        "policies",
        "users",
        "groups",
        "roles",
        "audit_events",
        "credential_reports",
        "report_jobs",
        "sts_preferences",
        "outbound_signing_keys",
        "outbound_federation",
        "account_generation",
        "accounts",
        "server_secrets",
    ];
    for table in TABLES {
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(tx.conn().await?)
            .await
            .map_err(on_error)?;
    }
    Ok(())
}

/// The common "entities of an account by name" listing.
const PAGE_FILTER: &str = "account_id = $1 AND substr(path, 1, length($2)) = $2 \
     AND ($3 IS NULL OR name_key > $3)";

impl Tx {
    async fn delete_tags(
        &mut self,
        account: AccountId,
        target: &TagTarget,
    ) -> Result<(), StoreError> {
        let (kind, id) = tag_target(target);
        sqlx::query(
            "DELETE FROM tags WHERE account_id = $1 AND target_kind = $2 AND target_id = $3",
        )
        .bind(account.as_str())
        .bind(kind)
        .bind(id)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        Ok(())
    }

    async fn delete_entity(
        &mut self,
        table: &'static str,
        account: AccountId,
        id: &str,
    ) -> Result<(), StoreError> {
        let sql = format!("DELETE FROM {table} WHERE account_id = $1 AND id = $2");
        let done = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(id)
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(account);
        Ok(())
    }

    async fn policy_default_version(
        &mut self,
        account: AccountId,
        policy_id: &str,
    ) -> Result<Option<i64>, StoreError> {
        let row =
            sqlx::query("SELECT default_version FROM policies WHERE account_id = $1 AND id = $2")
                .bind(account.as_str())
                .bind(policy_id)
                .fetch_optional(self.tx.conn().await?)
                .await
                .map_err(on_error)?;
        row.map(|r| get(&r, "default_version")).transpose()
    }
}

impl Transaction for Tx {
    async fn commit(mut self) -> Result<(), StoreError> {
        let mut bumped = Vec::with_capacity(self.changed.len());
        for account in std::mem::take(&mut self.changed) {
            let row = sqlx::query(
                "UPDATE account_generation SET generation = generation + 1 \
                 WHERE account_id = $1 RETURNING generation",
            )
            .bind(account.as_str())
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
            let Some(row) = row else {
                // The account's row is created with the account, in the same transaction.
                return Err(StoreError::NotFound);
            };
            let generation = u64::try_from(get::<i64>(&row, "generation")?)
                .map_err(|_| StoreError::Corrupt(CorruptError::new("generation")))?;
            crate::feed::notify_in_tx(&mut self.tx, account, generation).await?;
            bumped.push(Change::Account {
                account,
                generation,
            });
        }
        for account in std::mem::take(&mut self.deleted) {
            // A deleted account has no generation row: announce generation 0, which is
            // what `Store::generation` reports for it, so that caches drop the account.
            crate::feed::notify_in_tx(&mut self.tx, account, 0).await?;
            bumped.push(Change::Account {
                account,
                generation: 0,
            });
        }
        self.tx.commit().await.map_err(on_error)?;
        crate::feed::after_commit(&self.notify, bumped);
        Ok(())
    }

    async fn rollback(self) -> Result<(), StoreError> {
        self.tx.rollback().await.map_err(on_error)
    }

    async fn lock_account(&mut self, account: AccountId) -> Result<(), StoreError> {
        crate::feed::lock_account(&mut self.tx, account).await
    }

    // ---- accounts

    async fn insert_account(&mut self, account: &Account) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO accounts (id, created) VALUES ($1, $2)")
            .bind(account.id.as_str())
            .bind(ts(account.created))
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        sqlx::query("INSERT INTO account_generation (account_id, generation) VALUES ($1, 0)")
            .bind(account.id.as_str())
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        self.touch(account.id);
        Ok(())
    }

    async fn account(&mut self, id: AccountId) -> Result<Option<Account>, StoreError> {
        let row = sqlx::query("SELECT id, created FROM accounts WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.map(|row| {
            Ok(Account {
                id,
                created: time_col(&row, "created")?,
            })
        })
        .transpose()
    }

    async fn list_accounts(&mut self) -> Result<Vec<Account>, StoreError> {
        // The pseudo-account `aws` only owns AWS managed policies (api.md §5.7).
        let rows = sqlx::query(
            "SELECT id AS account_id, created FROM accounts WHERE id <> 'aws' ORDER BY id",
        )
        .fetch_all(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        collect(&rows, |row| {
            Ok(Account {
                id: account_from(row)?,
                created: time_col(row, "created")?,
            })
        })
    }

    async fn delete_account(&mut self, id: AccountId) -> Result<(), StoreError> {
        // Serialise with the account's other writers (PostgreSQL), then delete children
        // before parents: attachments, memberships and keys reference users, groups,
        // roles and policies without ON DELETE (store.rs: dependents restrict deletion).
        crate::feed::lock_account(&mut self.tx, id).await?;
        const STATEMENTS: &[&str] = &[
            "DELETE FROM signing_certificates WHERE account_id = $1",
            "DELETE FROM ssh_public_keys WHERE account_id = $1",
            "DELETE FROM service_credentials WHERE account_id = $1",
            "DELETE FROM server_certificates WHERE account_id = $1",
            "DELETE FROM login_profiles WHERE account_id = $1",
            "DELETE FROM policy_attachments WHERE account_id = $1",
            "DELETE FROM workloads WHERE account_id = $1",
            "DELETE FROM instance_profiles WHERE account_id = $1",
            "DELETE FROM inline_policies WHERE account_id = $1",
            "DELETE FROM group_members WHERE group_id IN \
             (SELECT g.id FROM groups g WHERE g.account_id = $1)",
            "DELETE FROM access_keys WHERE account_id = $1",
            "DELETE FROM mfa_devices WHERE account_id = $1",
            "DELETE FROM tags WHERE account_id = $1",
            "DELETE FROM oidc_providers WHERE account_id = $1",
            "DELETE FROM saml_private_keys WHERE account_id = $1",
            "DELETE FROM saml_providers WHERE account_id = $1",
            "DELETE FROM policy_versions WHERE policy_id IN \
             (SELECT p.id FROM policies p WHERE p.account_id = $1)",
            "DELETE FROM policies WHERE account_id = $1",
            "DELETE FROM users WHERE account_id = $1",
            "DELETE FROM groups WHERE account_id = $1",
            "DELETE FROM roles WHERE account_id = $1",
            "DELETE FROM audit_events WHERE account_id = $1",
            "DELETE FROM credential_reports WHERE account_id = $1",
            "DELETE FROM report_jobs WHERE account_id = $1",
            "DELETE FROM sts_preferences WHERE account_id = $1",
            "DELETE FROM outbound_signing_keys WHERE account_id = $1",
            "DELETE FROM outbound_federation WHERE account_id = $1",
            "DELETE FROM password_policies WHERE account_id = $1",
            "DELETE FROM account_aliases WHERE account_id = $1",
            "DELETE FROM account_generation WHERE account_id = $1",
        ];
        for sql in STATEMENTS {
            sqlx::query(sql)
                .bind(id.as_str())
                .execute(self.tx.conn().await?)
                .await
                .map_err(on_error)?;
        }
        let done = sqlx::query("DELETE FROM accounts WHERE id = $1")
            .bind(id.as_str())
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.changed.remove(&id);
        self.deleted.insert(id);
        Ok(())
    }

    async fn count(&mut self, account: AccountId, kind: CountedEntity) -> Result<u64, StoreError> {
        let table = match kind {
            CountedEntity::Groups => "groups",
            CountedEntity::InstanceProfiles => "instance_profiles",
            CountedEntity::MfaDevices => "mfa_devices",
            CountedEntity::OidcProviders => "oidc_providers",
            CountedEntity::Policies => "policies",
            CountedEntity::Roles => "roles",
            CountedEntity::SamlProviders => "saml_providers",
            CountedEntity::ServerCertificates => "server_certificates",
            CountedEntity::Users => "users",
        };
        let sql = format!("SELECT count(*) AS n FROM {table} WHERE account_id = $1");
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .fetch_one(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        u64::try_from(get::<i64>(&row, "n")?)
            .map_err(|_| StoreError::Corrupt(CorruptError::new("n")))
    }

    // ---- users

    async fn insert_user(&mut self, user: &User) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO users (id, account_id, name, name_key, path, created, \
             permissions_boundary, password_last_used) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&user.id)
        .bind(user.account.as_str())
        .bind(&user.name)
        .bind(name_key(&user.name))
        .bind(&user.path)
        .bind(ts(user.created))
        .bind(&user.permissions_boundary)
        .bind(user.password_last_used.map(ts))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(user.account);
        Ok(())
    }

    async fn user_by_name(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> Result<Option<User>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.account_id = $1 AND u.name_key = $2"
        );
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(name_key(name))
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(user_from).transpose()
    }

    async fn user_by_id(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<Option<User>, StoreError> {
        let sql =
            format!("SELECT {USER_COLUMNS} FROM users u WHERE u.account_id = $1 AND u.id = $2");
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(id)
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(user_from).transpose()
    }

    async fn update_user(&mut self, user: &User) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE users SET name = $3, name_key = $4, path = $5, permissions_boundary = $6, \
             password_last_used = $7 WHERE account_id = $1 AND id = $2",
        )
        .bind(user.account.as_str())
        .bind(&user.id)
        .bind(&user.name)
        .bind(name_key(&user.name))
        .bind(&user.path)
        .bind(&user.permissions_boundary)
        .bind(user.password_last_used.map(ts))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(user.account);
        Ok(())
    }

    async fn delete_user(&mut self, account: AccountId, id: &str) -> Result<(), StoreError> {
        self.delete_tags(account, &TagTarget::User(id.to_owned()))
            .await?;
        self.delete_entity("users", account, id).await
    }

    async fn list_users(
        &mut self,
        account: AccountId,
        query: &ListQuery,
    ) -> Result<Page<User>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE {PAGE_FILTER} ORDER BY name_key LIMIT $4"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(&query.path_prefix)
            .bind(&query.after)
            .bind(limit_plus_one(query.limit))
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        Ok(Page::from_overfetch(
            collect(&rows, user_from)?,
            query.limit,
            |u| name_key(&u.name),
        ))
    }

    // ---- groups

    async fn insert_group(&mut self, group: &Group) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO groups (id, account_id, name, name_key, path, created) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&group.id)
        .bind(group.account.as_str())
        .bind(&group.name)
        .bind(name_key(&group.name))
        .bind(&group.path)
        .bind(ts(group.created))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(group.account);
        Ok(())
    }

    async fn group_by_name(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> Result<Option<Group>, StoreError> {
        let sql = format!(
            "SELECT {GROUP_COLUMNS} FROM groups g WHERE g.account_id = $1 AND g.name_key = $2"
        );
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(name_key(name))
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(group_from).transpose()
    }

    async fn group_by_id(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<Option<Group>, StoreError> {
        let sql =
            format!("SELECT {GROUP_COLUMNS} FROM groups g WHERE g.account_id = $1 AND g.id = $2");
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(id)
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(group_from).transpose()
    }

    async fn update_group(&mut self, group: &Group) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE groups SET name = $3, name_key = $4, path = $5 WHERE account_id = $1 AND id = $2",
        )
        .bind(group.account.as_str())
        .bind(&group.id)
        .bind(&group.name)
        .bind(name_key(&group.name))
        .bind(&group.path)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(group.account);
        Ok(())
    }

    async fn delete_group(&mut self, account: AccountId, id: &str) -> Result<(), StoreError> {
        self.delete_entity("groups", account, id).await
    }

    async fn list_groups(
        &mut self,
        account: AccountId,
        query: &ListQuery,
    ) -> Result<Page<Group>, StoreError> {
        let sql = format!(
            "SELECT {GROUP_COLUMNS} FROM groups g WHERE {PAGE_FILTER} ORDER BY name_key LIMIT $4"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(&query.path_prefix)
            .bind(&query.after)
            .bind(limit_plus_one(query.limit))
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        Ok(Page::from_overfetch(
            collect(&rows, group_from)?,
            query.limit,
            |g| name_key(&g.name),
        ))
    }

    async fn add_user_to_group(
        &mut self,
        account: AccountId,
        group_id: &str,
        user_id: &str,
    ) -> Result<bool, StoreError> {
        // The joins make a group or user of another account invisible (NotFound).
        let done = sqlx::query(
            "INSERT INTO group_members (group_id, user_id) \
             SELECT g.id, u.id FROM groups g, users u \
             WHERE g.account_id = $1 AND g.id = $2 AND u.account_id = $1 AND u.id = $3 \
             ON CONFLICT DO NOTHING",
        )
        .bind(account.as_str())
        .bind(group_id)
        .bind(user_id)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        if done.rows_affected() == 0 {
            let exists = sqlx::query(
                "SELECT 1 AS one FROM group_members m JOIN groups g ON g.id = m.group_id \
                 WHERE g.account_id = $1 AND m.group_id = $2 AND m.user_id = $3",
            )
            .bind(account.as_str())
            .bind(group_id)
            .bind(user_id)
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
            return if exists.is_some() {
                Ok(false)
            } else {
                Err(StoreError::NotFound)
            };
        }
        self.touch(account);
        Ok(true)
    }

    async fn remove_user_from_group(
        &mut self,
        account: AccountId,
        group_id: &str,
        user_id: &str,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "DELETE FROM group_members WHERE group_id = $2 AND user_id = $3 \
             AND group_id IN (SELECT id FROM groups WHERE account_id = $1)",
        )
        .bind(account.as_str())
        .bind(group_id)
        .bind(user_id)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        self.touch(account);
        Ok(true)
    }

    async fn group_members(
        &mut self,
        account: AccountId,
        group_id: &str,
        query: &ListQuery,
    ) -> Result<Page<User>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users u JOIN group_members m ON m.user_id = u.id \
             WHERE m.group_id = $5 AND u.{PAGE_FILTER} ORDER BY u.name_key LIMIT $4"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(&query.path_prefix)
            .bind(&query.after)
            .bind(limit_plus_one(query.limit))
            .bind(group_id)
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        Ok(Page::from_overfetch(
            collect(&rows, user_from)?,
            query.limit,
            |u| name_key(&u.name),
        ))
    }

    async fn groups_for_user(
        &mut self,
        account: AccountId,
        user_id: &str,
        query: &ListQuery,
    ) -> Result<Page<Group>, StoreError> {
        let sql = format!(
            "SELECT {GROUP_COLUMNS} FROM groups g JOIN group_members m ON m.group_id = g.id \
             WHERE m.user_id = $5 AND g.{PAGE_FILTER} ORDER BY g.name_key LIMIT $4"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(&query.path_prefix)
            .bind(&query.after)
            .bind(limit_plus_one(query.limit))
            .bind(user_id)
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        Ok(Page::from_overfetch(
            collect(&rows, group_from)?,
            query.limit,
            |g| name_key(&g.name),
        ))
    }

    // ---- roles

    async fn insert_role(&mut self, role: &Role) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO roles (id, account_id, name, name_key, path, created, trust_policy, \
             description, max_session_duration, permissions_boundary, last_used_date, \
             last_used_region, trust_principals) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(&role.id)
        .bind(role.account.as_str())
        .bind(&role.name)
        .bind(name_key(&role.name))
        .bind(&role.path)
        .bind(ts(role.created))
        .bind(&role.trust_policy)
        .bind(&role.description)
        .bind(i64::from(role.max_session_duration))
        .bind(&role.permissions_boundary)
        .bind(role.last_used.as_ref().map(|u| ts(u.date)))
        .bind(role.last_used.as_ref().map(|u| u.region.clone()))
        .bind(trust_principals_json(&role.trust_principals))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(role.account);
        Ok(())
    }

    async fn role_by_name(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> Result<Option<Role>, StoreError> {
        let sql = format!(
            "SELECT {ROLE_COLUMNS} FROM roles r WHERE r.account_id = $1 AND r.name_key = $2"
        );
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(name_key(name))
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(role_from).transpose()
    }

    async fn role_by_id(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<Option<Role>, StoreError> {
        let sql =
            format!("SELECT {ROLE_COLUMNS} FROM roles r WHERE r.account_id = $1 AND r.id = $2");
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(id)
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(role_from).transpose()
    }

    async fn update_role(&mut self, role: &Role) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE roles SET name = $3, name_key = $4, path = $5, trust_policy = $6, \
             description = $7, max_session_duration = $8, permissions_boundary = $9, \
             trust_principals = $10 WHERE account_id = $1 AND id = $2",
        )
        .bind(role.account.as_str())
        .bind(&role.id)
        .bind(&role.name)
        .bind(name_key(&role.name))
        .bind(&role.path)
        .bind(&role.trust_policy)
        .bind(&role.description)
        .bind(i64::from(role.max_session_duration))
        .bind(&role.permissions_boundary)
        .bind(trust_principals_json(&role.trust_principals))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(role.account);
        Ok(())
    }

    async fn delete_role(&mut self, account: AccountId, id: &str) -> Result<(), StoreError> {
        self.delete_tags(account, &TagTarget::Role(id.to_owned()))
            .await?;
        self.delete_entity("roles", account, id).await
    }

    async fn list_roles(
        &mut self,
        account: AccountId,
        query: &ListQuery,
    ) -> Result<Page<Role>, StoreError> {
        let sql = format!(
            "SELECT {ROLE_COLUMNS} FROM roles r WHERE {PAGE_FILTER} ORDER BY name_key LIMIT $4"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(&query.path_prefix)
            .bind(&query.after)
            .bind(limit_plus_one(query.limit))
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        Ok(Page::from_overfetch(
            collect(&rows, role_from)?,
            query.limit,
            |r| name_key(&r.name),
        ))
    }

    // ---- managed policies

    async fn insert_policy(&mut self, policy: &NewPolicy) -> Result<ManagedPolicy, StoreError> {
        sqlx::query(
            "INSERT INTO policies (id, account_id, name, name_key, path, arn, description, \
             created, updated, default_version, last_version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, 1, 1)",
        )
        .bind(&policy.id)
        .bind(policy.account.as_str())
        .bind(&policy.name)
        .bind(name_key(&policy.name))
        .bind(&policy.path)
        .bind(&policy.arn)
        .bind(&policy.description)
        .bind(ts(policy.created))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        sqlx::query(
            "INSERT INTO policy_versions (policy_id, version, document, created) VALUES ($1, 1, $2, $3)",
        )
        .bind(&policy.id)
        .bind(&policy.document)
        .bind(ts(policy.created))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(policy.account);
        self.policy_by_id(policy.account, &policy.id)
            .await?
            .ok_or(StoreError::NotFound)
    }

    async fn policy_by_name(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> Result<Option<ManagedPolicy>, StoreError> {
        let sql = format!("{POLICY_SELECT} WHERE account_id = $1 AND name_key = $2");
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(name_key(name))
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(policy_from).transpose()
    }

    async fn policy_by_id(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<Option<ManagedPolicy>, StoreError> {
        let sql = format!("{POLICY_SELECT} WHERE account_id = $1 AND id = $2");
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(id)
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(policy_from).transpose()
    }

    async fn policy_by_arn(
        &mut self,
        account: AccountId,
        arn: &str,
    ) -> Result<Option<ManagedPolicy>, StoreError> {
        // AWS managed policies are visible from every account (api.md §5.7).
        let sql = format!("{POLICY_SELECT} WHERE {VISIBLE_POLICY} AND arn = $2");
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(arn)
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(policy_from).transpose()
    }

    async fn delete_policy(&mut self, account: AccountId, id: &str) -> Result<(), StoreError> {
        // A boundary use is not a foreign key (the boundary may be an AWS managed policy
        // without a row), so that refusal is checked here.
        if let Some(policy) = self.policy_by_id(account, id).await?
            && policy.boundary_usage_count > 0
        {
            return Err(StoreError::Conflict {
                constraint: Constraint::InUse,
            });
        }
        self.delete_tags(account, &TagTarget::Policy(id.to_owned()))
            .await?;
        self.delete_entity("policies", account, id).await
    }

    async fn list_policies(
        &mut self,
        account: AccountId,
        usage: PolicyUsage,
        query: &ListQuery,
    ) -> Result<Page<ManagedPolicy>, StoreError> {
        let usage = match usage {
            PolicyUsage::Any => "1 = 1",
            PolicyUsage::Attached => "attachment_count + boundary_usage_count > 0",
            PolicyUsage::AsBoundary => "boundary_usage_count > 0",
            PolicyUsage::AsPermissions => "attachment_count > 0",
        };
        let sql =
            format!("{POLICY_SELECT} WHERE {PAGE_FILTER} AND {usage} ORDER BY name_key LIMIT $4");
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(&query.path_prefix)
            .bind(&query.after)
            .bind(limit_plus_one(query.limit))
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        Ok(Page::from_overfetch(
            collect(&rows, policy_from)?,
            query.limit,
            |p| name_key(&p.name),
        ))
    }

    async fn insert_policy_version(
        &mut self,
        account: AccountId,
        policy_id: &str,
        document: &str,
        created: OffsetDateTime,
        set_default: bool,
    ) -> Result<PolicyVersion, StoreError> {
        let row = sqlx::query(
            "UPDATE policies SET last_version = last_version + 1 \
             WHERE account_id = $1 AND id = $2 RETURNING last_version",
        )
        .bind(account.as_str())
        .bind(policy_id)
        .fetch_optional(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        let version: i64 = get(&row.ok_or(StoreError::NotFound)?, "last_version")?;
        sqlx::query(
            "INSERT INTO policy_versions (policy_id, version, document, created) VALUES ($1, $2, $3, $4)",
        )
        .bind(policy_id)
        .bind(version)
        .bind(document)
        .bind(ts(created))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        if set_default {
            sqlx::query("UPDATE policies SET default_version = $2, updated = $3 WHERE id = $1")
                .bind(policy_id)
                .bind(version)
                .bind(ts(created))
                .execute(self.tx.conn().await?)
                .await
                .map_err(on_error)?;
        }
        self.touch(account);
        Ok(PolicyVersion {
            policy_id: policy_id.to_owned(),
            version_id: version_id(version),
            document: document.to_owned(),
            is_default: set_default,
            created,
        })
    }

    async fn policy_version(
        &mut self,
        account: AccountId,
        policy_id: &str,
        version: &str,
    ) -> Result<Option<PolicyVersion>, StoreError> {
        let Some(number) = version_number(version) else {
            return Ok(None);
        };
        let row = sqlx::query(
            "SELECT v.policy_id, v.version, v.document, v.created, p.default_version \
             FROM policy_versions v JOIN policies p ON p.id = v.policy_id \
             WHERE (p.account_id = $1 OR p.account_id = 'aws') AND v.policy_id = $2 \
             AND v.version = $3",
        )
        .bind(account.as_str())
        .bind(policy_id)
        .bind(number)
        .fetch_optional(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        row.as_ref().map(version_from).transpose()
    }

    async fn policy_versions(
        &mut self,
        account: AccountId,
        policy_id: &str,
    ) -> Result<Vec<PolicyVersion>, StoreError> {
        let rows = sqlx::query(
            "SELECT v.policy_id, v.version, v.document, v.created, p.default_version \
             FROM policy_versions v JOIN policies p ON p.id = v.policy_id \
             WHERE (p.account_id = $1 OR p.account_id = 'aws') AND v.policy_id = $2 \
             ORDER BY v.version DESC",
        )
        .bind(account.as_str())
        .bind(policy_id)
        .fetch_all(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        collect(&rows, version_from)
    }

    async fn delete_policy_version(
        &mut self,
        account: AccountId,
        policy_id: &str,
        version: &str,
    ) -> Result<(), StoreError> {
        let number = version_number(version).ok_or(StoreError::NotFound)?;
        let default = self
            .policy_default_version(account, policy_id)
            .await?
            .ok_or(StoreError::NotFound)?;
        if default == number {
            return Err(StoreError::Conflict {
                constraint: Constraint::DefaultPolicyVersion,
            });
        }
        let done = sqlx::query("DELETE FROM policy_versions WHERE policy_id = $1 AND version = $2")
            .bind(policy_id)
            .bind(number)
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(account);
        Ok(())
    }

    async fn set_default_policy_version(
        &mut self,
        account: AccountId,
        policy_id: &str,
        version: &str,
        updated: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let number = version_number(version).ok_or(StoreError::NotFound)?;
        let done = sqlx::query(
            "UPDATE policies SET default_version = $3, updated = $4 \
             WHERE account_id = $1 AND id = $2 AND EXISTS \
             (SELECT 1 FROM policy_versions v WHERE v.policy_id = $2 AND v.version = $3)",
        )
        .bind(account.as_str())
        .bind(policy_id)
        .bind(number)
        .bind(ts(updated))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(account);
        Ok(())
    }

    // ---- attachments and inline policies

    async fn attach_policy(
        &mut self,
        account: AccountId,
        holder: &PolicyHolder,
        policy_id: &str,
    ) -> Result<bool, StoreError> {
        let (column, holder_id) = holder_column(holder);
        let table = match holder {
            PolicyHolder::Group(_) => "groups",
            PolicyHolder::Role(_) => "roles",
            PolicyHolder::User(_) => "users",
        };
        // Selecting through both tables keeps attachments inside one account (AWS
        // managed policies are shared by all accounts).
        let sql = format!(
            "INSERT INTO policy_attachments (account_id, policy_id, {column}) \
             SELECT h.account_id, p.id, h.id FROM policies p, {table} h \
             WHERE (p.account_id = $1 OR p.account_id = 'aws') AND p.id = $2 \
             AND h.account_id = $1 AND h.id = $3 \
             ON CONFLICT DO NOTHING"
        );
        let done = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(policy_id)
            .bind(holder_id)
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        if done.rows_affected() == 0 {
            let attached = self
                .attached_policies(account, holder)
                .await?
                .iter()
                .any(|p| p.id == policy_id);
            return if attached {
                Ok(false)
            } else {
                Err(StoreError::NotFound)
            };
        }
        self.touch(account);
        Ok(true)
    }

    async fn detach_policy(
        &mut self,
        account: AccountId,
        holder: &PolicyHolder,
        policy_id: &str,
    ) -> Result<bool, StoreError> {
        let (column, holder_id) = holder_column(holder);
        let sql = format!(
            "DELETE FROM policy_attachments WHERE account_id = $1 AND policy_id = $2 AND {column} = $3"
        );
        let done = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(policy_id)
            .bind(holder_id)
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        self.touch(account);
        Ok(true)
    }

    async fn attached_policies(
        &mut self,
        account: AccountId,
        holder: &PolicyHolder,
    ) -> Result<Vec<ManagedPolicy>, StoreError> {
        let (column, holder_id) = holder_column(holder);
        let sql = format!(
            "{POLICY_SELECT} JOIN policy_attachments a ON a.policy_id = q.id \
             WHERE a.account_id = $1 AND a.{column} = $2 ORDER BY a.seq"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(holder_id)
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        collect(&rows, policy_from)
    }

    async fn policy_holders(
        &mut self,
        account: AccountId,
        policy_id: &str,
    ) -> Result<Vec<PolicyHolder>, StoreError> {
        let rows = sqlx::query(
            "SELECT user_id, group_id, role_id FROM policy_attachments \
             WHERE account_id = $1 AND policy_id = $2 ORDER BY seq",
        )
        .bind(account.as_str())
        .bind(policy_id)
        .fetch_all(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        collect(&rows, holder_from)
    }

    async fn put_inline_policy(
        &mut self,
        account: AccountId,
        policy: &InlinePolicy,
    ) -> Result<(), StoreError> {
        let (column, holder_id) = holder_column(&policy.holder);
        let update = format!(
            "UPDATE inline_policies SET document = $4 \
             WHERE account_id = $1 AND {column} = $2 AND name_key = $3"
        );
        let done = sqlx::query(&update)
            .bind(account.as_str())
            .bind(holder_id)
            .bind(name_key(&policy.name))
            .bind(&policy.document)
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        if done.rows_affected() == 0 {
            let insert = format!(
                "INSERT INTO inline_policies (account_id, {column}, name_key, document, name) \
                 VALUES ($1, $2, $3, $4, $5)"
            );
            sqlx::query(&insert)
                .bind(account.as_str())
                .bind(holder_id)
                .bind(name_key(&policy.name))
                .bind(&policy.document)
                .bind(&policy.name)
                .execute(self.tx.conn().await?)
                .await
                .map_err(on_error)?;
        }
        self.touch(account);
        Ok(())
    }

    async fn inline_policy(
        &mut self,
        account: AccountId,
        holder: &PolicyHolder,
        name: &str,
    ) -> Result<Option<InlinePolicy>, StoreError> {
        let (column, holder_id) = holder_column(holder);
        let sql = format!(
            "SELECT name, document FROM inline_policies \
             WHERE account_id = $1 AND {column} = $2 AND name_key = $3"
        );
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(holder_id)
            .bind(name_key(name))
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.map(|row| {
            Ok(InlinePolicy {
                holder: holder.clone(),
                name: get(&row, "name")?,
                document: get(&row, "document")?,
            })
        })
        .transpose()
    }

    async fn delete_inline_policy(
        &mut self,
        account: AccountId,
        holder: &PolicyHolder,
        name: &str,
    ) -> Result<bool, StoreError> {
        let (column, holder_id) = holder_column(holder);
        let sql = format!(
            "DELETE FROM inline_policies WHERE account_id = $1 AND {column} = $2 AND name_key = $3"
        );
        let done = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(holder_id)
            .bind(name_key(name))
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        self.touch(account);
        Ok(true)
    }

    async fn inline_policies(
        &mut self,
        account: AccountId,
        holder: &PolicyHolder,
    ) -> Result<Vec<InlinePolicy>, StoreError> {
        let (column, holder_id) = holder_column(holder);
        let sql = format!(
            "SELECT name, document FROM inline_policies \
             WHERE account_id = $1 AND {column} = $2 ORDER BY name_key"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(holder_id)
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        rows.iter()
            .map(|row| {
                Ok(InlinePolicy {
                    holder: holder.clone(),
                    name: get(row, "name")?,
                    document: get(row, "document")?,
                })
            })
            .collect()
    }

    // ---- access keys

    async fn insert_access_key(&mut self, key: &AccessKey) -> Result<(), StoreError> {
        let user_id = match &key.owner {
            KeyOwner::Root => None,
            KeyOwner::User(id) => Some(id.as_str()),
        };
        sqlx::query(
            // `seq` records creation order within the account (migration 0003): `created`
            // has whole seconds, and ListAccessKeys must list same-second keys in the
            // order they were created (api.md §1.5).
            "INSERT INTO access_keys (id, account_id, user_id, status, created, last_used_date, \
             last_used_service, last_used_region, secret, seq) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
             (SELECT COALESCE(MAX(s.seq), 0) + 1 FROM access_keys s WHERE s.account_id = $2))",
        )
        .bind(&key.id)
        .bind(key.account.as_str())
        .bind(user_id)
        .bind(key.status.as_str())
        .bind(ts(key.created))
        .bind(key.last_used.as_ref().map(|u| ts(u.date)))
        .bind(key.last_used.as_ref().map(|u| u.service.clone()))
        .bind(key.last_used.as_ref().map(|u| u.region.clone()))
        .bind(key.secret.as_bytes())
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(key.account);
        Ok(())
    }

    async fn access_key(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<Option<AccessKey>, StoreError> {
        let sql = format!(
            "SELECT {KEY_COLUMNS} FROM access_keys k WHERE k.account_id = $1 AND k.id = $2"
        );
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(id)
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(key_from).transpose()
    }

    async fn access_keys(
        &mut self,
        account: AccountId,
        owner: &KeyOwner,
    ) -> Result<Vec<AccessKey>, StoreError> {
        let user_id = match owner {
            KeyOwner::Root => None,
            KeyOwner::User(id) => Some(id.as_str()),
        };
        // `IS NOT DISTINCT FROM` is spelled `IS` in SQLite: spell the NULL case out instead.
        let sql = format!(
            "SELECT {KEY_COLUMNS} FROM access_keys k WHERE k.account_id = $1 \
             AND ((CAST($2 AS TEXT) IS NULL AND k.user_id IS NULL) OR k.user_id = $2) \
             ORDER BY k.created, k.seq, k.id"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(user_id)
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        collect(&rows, key_from)
    }

    async fn set_access_key_status(
        &mut self,
        account: AccountId,
        id: &str,
        status: KeyStatus,
    ) -> Result<(), StoreError> {
        let done =
            sqlx::query("UPDATE access_keys SET status = $3 WHERE account_id = $1 AND id = $2")
                .bind(account.as_str())
                .bind(id)
                .bind(status.as_str())
                .execute(self.tx.conn().await?)
                .await
                .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(account);
        Ok(())
    }

    async fn delete_access_key(&mut self, account: AccountId, id: &str) -> Result<(), StoreError> {
        self.delete_entity("access_keys", account, id).await
    }

    // ---- tags

    async fn tags(
        &mut self,
        account: AccountId,
        target: &TagTarget,
    ) -> Result<Vec<Tag>, StoreError> {
        let (kind, id) = tag_target(target);
        let rows = sqlx::query(
            "SELECT key, value FROM tags WHERE account_id = $1 AND target_kind = $2 \
             AND target_id = $3 ORDER BY position",
        )
        .bind(account.as_str())
        .bind(kind)
        .bind(id)
        .fetch_all(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        rows.iter()
            .map(|row| {
                Ok(Tag {
                    key: get(row, "key")?,
                    value: get(row, "value")?,
                })
            })
            .collect()
    }

    async fn set_tags(
        &mut self,
        account: AccountId,
        target: &TagTarget,
        tags: &[Tag],
    ) -> Result<(), StoreError> {
        self.delete_tags(account, target).await?;
        let (kind, id) = tag_target(target);
        for (position, tag) in (0i64..).zip(tags) {
            sqlx::query(
                "INSERT INTO tags (account_id, target_kind, target_id, position, key, value) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(account.as_str())
            .bind(kind)
            .bind(id)
            .bind(position)
            .bind(&tag.key)
            .bind(&tag.value)
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        }
        self.touch(account);
        Ok(())
    }

    // ---- OIDC providers

    async fn insert_oidc_provider(&mut self, provider: &OidcProvider) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO oidc_providers (account_id, url, client_ids, thumbprints, created) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(provider.account.as_str())
        .bind(&provider.url)
        .bind(to_json(&provider.client_ids))
        .bind(to_json(&provider.thumbprints))
        .bind(ts(provider.created))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(provider.account);
        Ok(())
    }

    async fn oidc_provider(
        &mut self,
        account: AccountId,
        url: &str,
    ) -> Result<Option<OidcProvider>, StoreError> {
        let row = sqlx::query(
            "SELECT account_id, url, client_ids, thumbprints, created FROM oidc_providers \
             WHERE account_id = $1 AND url = $2",
        )
        .bind(account.as_str())
        .bind(url)
        .fetch_optional(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        row.as_ref().map(oidc_from).transpose()
    }

    async fn update_oidc_provider(&mut self, provider: &OidcProvider) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE oidc_providers SET client_ids = $3, thumbprints = $4 \
             WHERE account_id = $1 AND url = $2",
        )
        .bind(provider.account.as_str())
        .bind(&provider.url)
        .bind(to_json(&provider.client_ids))
        .bind(to_json(&provider.thumbprints))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(provider.account);
        Ok(())
    }

    async fn delete_oidc_provider(
        &mut self,
        account: AccountId,
        url: &str,
    ) -> Result<(), StoreError> {
        self.delete_tags(account, &TagTarget::OidcProvider(url.to_owned()))
            .await?;
        let done = sqlx::query("DELETE FROM oidc_providers WHERE account_id = $1 AND url = $2")
            .bind(account.as_str())
            .bind(url)
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(account);
        Ok(())
    }

    async fn list_oidc_providers(
        &mut self,
        account: AccountId,
    ) -> Result<Vec<OidcProvider>, StoreError> {
        let rows = sqlx::query(
            "SELECT account_id, url, client_ids, thumbprints, created FROM oidc_providers \
             WHERE account_id = $1 ORDER BY url",
        )
        .bind(account.as_str())
        .fetch_all(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        collect(&rows, oidc_from)
    }

    // ---- SAML providers

    async fn insert_saml_provider(
        &mut self,
        provider: &warden_core::SamlProvider,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO saml_providers (account_id, name, uuid, metadata, valid_until, \
             encryption_mode, created) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(provider.account.as_str())
        .bind(&provider.name)
        .bind(&provider.uuid)
        .bind(&provider.metadata)
        .bind(ts(provider.valid_until))
        .bind(&provider.assertion_encryption_mode)
        .bind(ts(provider.created))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(provider.account);
        Ok(())
    }

    async fn saml_provider(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> Result<Option<warden_core::SamlProvider>, StoreError> {
        let sql = format!(
            "SELECT {SAML_COLUMNS} FROM saml_providers WHERE account_id = $1 AND name = $2"
        );
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(name)
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(saml_from).transpose()
    }

    async fn update_saml_provider(
        &mut self,
        provider: &warden_core::SamlProvider,
    ) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE saml_providers SET metadata = $3, valid_until = $4, encryption_mode = $5 \
             WHERE account_id = $1 AND name = $2",
        )
        .bind(provider.account.as_str())
        .bind(&provider.name)
        .bind(&provider.metadata)
        .bind(ts(provider.valid_until))
        .bind(&provider.assertion_encryption_mode)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(provider.account);
        Ok(())
    }

    async fn delete_saml_provider(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> Result<(), StoreError> {
        self.delete_tags(account, &TagTarget::SamlProvider(name.to_owned()))
            .await?;
        sqlx::query("DELETE FROM saml_private_keys WHERE account_id = $1 AND provider_name = $2")
            .bind(account.as_str())
            .bind(name)
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        let done = sqlx::query("DELETE FROM saml_providers WHERE account_id = $1 AND name = $2")
            .bind(account.as_str())
            .bind(name)
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(account);
        Ok(())
    }

    async fn list_saml_providers(
        &mut self,
        account: AccountId,
    ) -> Result<Vec<warden_core::SamlProvider>, StoreError> {
        let sql = format!(
            "SELECT {SAML_COLUMNS} FROM saml_providers WHERE account_id = $1 ORDER BY name"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        collect(&rows, saml_from)
    }

    async fn saml_private_keys(
        &mut self,
        account: AccountId,
        provider: &str,
    ) -> Result<Vec<warden_core::SamlPrivateKey>, StoreError> {
        let rows = sqlx::query(
            "SELECT key_id, created, private_key FROM saml_private_keys \
             WHERE account_id = $1 AND provider_name = $2 ORDER BY created, key_id",
        )
        .bind(account.as_str())
        .bind(provider)
        .fetch_all(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        collect(&rows, |row| {
            Ok(warden_core::SamlPrivateKey {
                key_id: get(row, "key_id")?,
                created: time_col(row, "created")?,
                private_key: EncryptedSecret::from_bytes(get::<Vec<u8>>(row, "private_key")?),
            })
        })
    }

    async fn insert_saml_private_key(
        &mut self,
        account: AccountId,
        provider: &str,
        key: &warden_core::SamlPrivateKey,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO saml_private_keys (account_id, provider_name, key_id, created, \
             private_key) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(account.as_str())
        .bind(provider)
        .bind(&key.key_id)
        .bind(ts(key.created))
        .bind(key.private_key.as_bytes())
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(account);
        Ok(())
    }

    async fn delete_saml_private_key(
        &mut self,
        account: AccountId,
        provider: &str,
        key_id: &str,
    ) -> Result<(), StoreError> {
        let done = sqlx::query(
            "DELETE FROM saml_private_keys \
             WHERE account_id = $1 AND provider_name = $2 AND key_id = $3",
        )
        .bind(account.as_str())
        .bind(provider)
        .bind(key_id)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(account);
        Ok(())
    }

    // ---- instance profiles and workloads

    async fn insert_instance_profile(
        &mut self,
        profile: &InstanceProfile,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO instance_profiles (id, account_id, name, name_key, path, created, role_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&profile.id)
        .bind(profile.account.as_str())
        .bind(&profile.name)
        .bind(name_key(&profile.name))
        .bind(&profile.path)
        .bind(ts(profile.created))
        .bind(&profile.role_id)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(profile.account);
        Ok(())
    }

    async fn instance_profile_by_name(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> Result<Option<InstanceProfile>, StoreError> {
        let sql = format!(
            "SELECT {INSTANCE_PROFILE_COLUMNS} FROM instance_profiles ip \
             WHERE ip.account_id = $1 AND ip.name_key = $2"
        );
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(name_key(name))
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(instance_profile_from).transpose()
    }

    async fn instance_profile_by_id(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<Option<InstanceProfile>, StoreError> {
        let sql = format!(
            "SELECT {INSTANCE_PROFILE_COLUMNS} FROM instance_profiles ip \
             WHERE ip.account_id = $1 AND ip.id = $2"
        );
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(id)
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(instance_profile_from).transpose()
    }

    async fn set_instance_profile_role(
        &mut self,
        account: AccountId,
        id: &str,
        role_id: Option<&str>,
    ) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE instance_profiles SET role_id = $3 WHERE account_id = $1 AND id = $2",
        )
        .bind(account.as_str())
        .bind(id)
        .bind(role_id)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(account);
        Ok(())
    }

    async fn delete_instance_profile(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<(), StoreError> {
        self.delete_tags(account, &TagTarget::InstanceProfile(id.to_owned()))
            .await?;
        self.delete_entity("instance_profiles", account, id).await
    }

    async fn list_instance_profiles(
        &mut self,
        account: AccountId,
        query: &ListQuery,
    ) -> Result<Page<InstanceProfile>, StoreError> {
        let sql = format!(
            "SELECT {INSTANCE_PROFILE_COLUMNS} FROM instance_profiles ip WHERE {PAGE_FILTER} \
             ORDER BY name_key LIMIT $4"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(&query.path_prefix)
            .bind(&query.after)
            .bind(limit_plus_one(query.limit))
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        Ok(Page::from_overfetch(
            collect(&rows, instance_profile_from)?,
            query.limit,
            |p| name_key(&p.name),
        ))
    }

    async fn instance_profiles_for_role(
        &mut self,
        account: AccountId,
        role_id: &str,
        query: &ListQuery,
    ) -> Result<Page<InstanceProfile>, StoreError> {
        let sql = format!(
            "SELECT {INSTANCE_PROFILE_COLUMNS} FROM instance_profiles ip \
             WHERE ip.account_id = $1 AND ip.role_id = $2 AND ($3 IS NULL OR ip.name_key > $3) \
             ORDER BY ip.name_key LIMIT $4"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(role_id)
            .bind(&query.after)
            .bind(limit_plus_one(query.limit))
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        Ok(Page::from_overfetch(
            collect(&rows, instance_profile_from)?,
            query.limit,
            |p| name_key(&p.name),
        ))
    }

    async fn insert_workload(&mut self, workload: &Workload) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO workloads (id, account_id, name, instance_profile_id, token_sha256, \
             created, revoked) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&workload.id)
        .bind(workload.account.as_str())
        .bind(&workload.name)
        .bind(&workload.instance_profile_id)
        .bind(&workload.token_sha256)
        .bind(ts(workload.created))
        .bind(workload.revoked.map(ts))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        Ok(())
    }

    async fn workload(&mut self, id: &str) -> Result<Option<Workload>, StoreError> {
        let sql = format!("SELECT {WORKLOAD_COLUMNS} FROM workloads WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(workload_from).transpose()
    }

    async fn list_workloads(
        &mut self,
        account: Option<AccountId>,
    ) -> Result<Vec<Workload>, StoreError> {
        let sql = format!(
            "SELECT {WORKLOAD_COLUMNS} FROM workloads WHERE ($1 IS NULL OR account_id = $1) \
             ORDER BY account_id, created, id"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_ref().map(AccountId::as_str))
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        collect(&rows, workload_from)
    }

    async fn revoke_workload(&mut self, id: &str, at: OffsetDateTime) -> Result<(), StoreError> {
        let done =
            sqlx::query("UPDATE workloads SET revoked = COALESCE(revoked, $2) WHERE id = $1")
                .bind(id)
                .bind(ts(at))
                .execute(self.tx.conn().await?)
                .await
                .map_err(on_error)?;
        expect_one(done.rows_affected())
    }

    // ---- server certificates, signing certificates, SSH keys, service-specific
    // credentials (tx_credentials.rs)

    async fn insert_server_certificate(
        &mut self,
        certificate: &warden_core::ServerCertificate,
    ) -> Result<(), StoreError> {
        credentials::insert_server_certificate(self, certificate).await
    }

    async fn server_certificate(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> Result<Option<warden_core::ServerCertificate>, StoreError> {
        credentials::server_certificate(self, account, name).await
    }

    async fn update_server_certificate(
        &mut self,
        certificate: &warden_core::ServerCertificate,
    ) -> Result<(), StoreError> {
        credentials::update_server_certificate(self, certificate).await
    }

    async fn delete_server_certificate(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<(), StoreError> {
        credentials::delete_server_certificate(self, account, id).await
    }

    async fn list_server_certificates(
        &mut self,
        account: AccountId,
        query: &ListQuery,
    ) -> Result<Page<warden_core::ServerCertificate>, StoreError> {
        credentials::list_server_certificates(self, account, query).await
    }

    async fn insert_signing_certificate(
        &mut self,
        certificate: &warden_core::SigningCertificate,
    ) -> Result<(), StoreError> {
        credentials::insert_signing_certificate(self, certificate).await
    }

    async fn signing_certificate(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<Option<warden_core::SigningCertificate>, StoreError> {
        credentials::signing_certificate(self, account, id).await
    }

    async fn signing_certificate_by_fingerprint(
        &mut self,
        account: AccountId,
        fingerprint: &str,
    ) -> Result<Option<warden_core::SigningCertificate>, StoreError> {
        credentials::signing_certificate_by_fingerprint(self, account, fingerprint).await
    }

    async fn signing_certificates(
        &mut self,
        account: AccountId,
        owner: &KeyOwner,
    ) -> Result<Vec<warden_core::SigningCertificate>, StoreError> {
        credentials::signing_certificates(self, account, owner).await
    }

    async fn set_signing_certificate_status(
        &mut self,
        account: AccountId,
        id: &str,
        status: KeyStatus,
    ) -> Result<(), StoreError> {
        credentials::set_signing_certificate_status(self, account, id, status).await
    }

    async fn delete_signing_certificate(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<(), StoreError> {
        credentials::delete_signing_certificate(self, account, id).await
    }

    async fn insert_ssh_public_key(
        &mut self,
        key: &warden_core::SshPublicKey,
    ) -> Result<(), StoreError> {
        credentials::insert_ssh_public_key(self, key).await
    }

    async fn ssh_public_key(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<Option<warden_core::SshPublicKey>, StoreError> {
        credentials::ssh_public_key(self, account, id).await
    }

    async fn ssh_public_keys(
        &mut self,
        account: AccountId,
        user_id: &str,
    ) -> Result<Vec<warden_core::SshPublicKey>, StoreError> {
        credentials::ssh_public_keys(self, account, user_id).await
    }

    async fn set_ssh_public_key_status(
        &mut self,
        account: AccountId,
        id: &str,
        status: KeyStatus,
    ) -> Result<(), StoreError> {
        credentials::set_ssh_public_key_status(self, account, id, status).await
    }

    async fn delete_ssh_public_key(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<(), StoreError> {
        credentials::delete_ssh_public_key(self, account, id).await
    }

    async fn insert_service_credential(
        &mut self,
        credential: &warden_core::ServiceCredential,
    ) -> Result<(), StoreError> {
        credentials::insert_service_credential(self, credential).await
    }

    async fn service_credential(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<Option<warden_core::ServiceCredential>, StoreError> {
        credentials::service_credential(self, account, id).await
    }

    async fn service_credentials(
        &mut self,
        account: AccountId,
        user_id: Option<&str>,
    ) -> Result<Vec<warden_core::ServiceCredential>, StoreError> {
        credentials::service_credentials(self, account, user_id).await
    }

    async fn update_service_credential(
        &mut self,
        credential: &warden_core::ServiceCredential,
    ) -> Result<(), StoreError> {
        credentials::update_service_credential(self, credential).await
    }

    async fn delete_service_credential(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<(), StoreError> {
        credentials::delete_service_credential(self, account, id).await
    }

    // ---- audit

    async fn insert_audit(&mut self, event: &AuditEvent) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO audit_events (id, account_id, time, event_name, outcome, principal_arn, \
             access_key_id, document) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&event.id)
        .bind(event.account.as_str())
        .bind(ts(event.time))
        .bind(&event.event_name)
        .bind(event.outcome.as_str())
        .bind(&event.principal_arn)
        .bind(&event.access_key_id)
        .bind(&event.document)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        Ok(())
    }

    async fn insert_audit_batch(&mut self, events: &[AuditEvent]) -> Result<(), StoreError> {
        // One statement per chunk: 8 parameters a row stays far below both databases'
        // parameter limits (SQLite 32766, PostgreSQL 65535).
        for chunk in events.chunks(AUDIT_ROWS_PER_INSERT) {
            let mut insert = sqlx::QueryBuilder::<crate::Db>::new(
                "INSERT INTO audit_events (id, account_id, time, event_name, outcome, \
                 principal_arn, access_key_id, document) ",
            );
            insert.push_values(chunk, |mut row, event| {
                row.push_bind(&event.id)
                    .push_bind(event.account.as_str())
                    .push_bind(ts(event.time))
                    .push_bind(&event.event_name)
                    .push_bind(event.outcome.as_str())
                    .push_bind(&event.principal_arn)
                    .push_bind(&event.access_key_id)
                    .push_bind(&event.document);
            });
            insert
                .build()
                .execute(self.tx.conn().await?)
                .await
                .map_err(on_error)?;
        }
        Ok(())
    }

    // ---- virtual MFA devices (migration 0005)

    async fn insert_mfa_device(&mut self, device: &MfaDevice) -> Result<(), StoreError> {
        let (user_id, enabled) = match &device.assignment {
            Some(a) => (Some(a.user_id.as_str()), Some(ts(a.enabled))),
            None => (None, None),
        };
        sqlx::query(
            // `seq`: creation order within the account, the listing order (api.md §1.5);
            // writers of an account's devices are serialised by `lock_account`.
            "INSERT INTO mfa_devices (account_id, path, name, seq, seed, created, user_id, \
             enabled, last_step) VALUES ($1, $2, $3, \
             (SELECT COALESCE(MAX(s.seq), 0) + 1 FROM mfa_devices s WHERE s.account_id = $1), \
             $4, $5, $6, $7, $8)",
        )
        .bind(device.account.as_str())
        .bind(&device.path)
        .bind(&device.name)
        .bind(device.seed.as_bytes())
        .bind(ts(device.created))
        .bind(user_id)
        .bind(enabled)
        .bind(device.last_used_step)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(device.account);
        Ok(())
    }

    async fn mfa_device(
        &mut self,
        account: AccountId,
        path: &str,
        name: &str,
    ) -> Result<Option<MfaDevice>, StoreError> {
        let sql = format!(
            "SELECT {MFA_COLUMNS} FROM mfa_devices m \
             WHERE m.account_id = $1 AND m.path = $2 AND m.name = $3"
        );
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(path)
            .bind(name)
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(mfa_from).transpose()
    }

    async fn enable_mfa_device(
        &mut self,
        account: AccountId,
        path: &str,
        name: &str,
        assignment: &MfaAssignment,
        step: i64,
    ) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE mfa_devices SET user_id = $4, enabled = $5, last_step = $6 \
             WHERE account_id = $1 AND path = $2 AND name = $3",
        )
        .bind(account.as_str())
        .bind(path)
        .bind(name)
        .bind(&assignment.user_id)
        .bind(ts(assignment.enabled))
        .bind(step)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(account);
        Ok(())
    }

    async fn deactivate_mfa_device(
        &mut self,
        account: AccountId,
        path: &str,
        name: &str,
    ) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE mfa_devices SET user_id = NULL, enabled = NULL \
             WHERE account_id = $1 AND path = $2 AND name = $3",
        )
        .bind(account.as_str())
        .bind(path)
        .bind(name)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(account);
        Ok(())
    }

    async fn use_mfa_step(
        &mut self,
        account: AccountId,
        path: &str,
        name: &str,
        step: i64,
    ) -> Result<bool, StoreError> {
        // One conditional UPDATE: PostgreSQL re-checks the condition on the locked row, so
        // of two concurrent uses of one code only one matches (SQLite writers are serial).
        let done = sqlx::query(
            "UPDATE mfa_devices SET last_step = $4 \
             WHERE account_id = $1 AND path = $2 AND name = $3 \
             AND (last_step IS NULL OR last_step < $4)",
        )
        .bind(account.as_str())
        .bind(path)
        .bind(name)
        .bind(step)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        Ok(done.rows_affected() > 0)
    }

    async fn delete_mfa_device(
        &mut self,
        account: AccountId,
        path: &str,
        name: &str,
    ) -> Result<(), StoreError> {
        self.delete_tags(account, &TagTarget::MfaDevice(format!("{path}{name}")))
            .await?;
        let done = sqlx::query(
            "DELETE FROM mfa_devices WHERE account_id = $1 AND path = $2 AND name = $3",
        )
        .bind(account.as_str())
        .bind(path)
        .bind(name)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        expect_one(done.rows_affected())?;
        self.touch(account);
        Ok(())
    }

    async fn user_mfa_devices(
        &mut self,
        account: AccountId,
        user_id: &str,
    ) -> Result<Vec<MfaDevice>, StoreError> {
        let sql = format!(
            "SELECT {MFA_COLUMNS} FROM mfa_devices m \
             WHERE m.account_id = $1 AND m.user_id = $2 ORDER BY m.seq"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(user_id)
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        collect(&rows, mfa_from)
    }

    async fn list_mfa_devices(
        &mut self,
        account: AccountId,
        filter: MfaAssignmentFilter,
        query: &ListQuery,
    ) -> Result<Page<MfaDevice>, StoreError> {
        let assigned = match filter {
            MfaAssignmentFilter::Any => "",
            MfaAssignmentFilter::Assigned => " AND m.user_id IS NOT NULL",
            MfaAssignmentFilter::Unassigned => " AND m.user_id IS NULL",
        };
        let after = match &query.after {
            None => 0,
            Some(text) => text.parse::<i64>().map_err(|_| StoreError::NotFound)?,
        };
        let sql = format!(
            "SELECT {MFA_COLUMNS} FROM mfa_devices m \
             WHERE m.account_id = $1 AND m.seq > $2{assigned} ORDER BY m.seq LIMIT $3"
        );
        let rows = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(after)
            .bind(limit_plus_one(query.limit))
            .fetch_all(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        let page = Page::from_overfetch(collect(&rows, mfa_seq_from)?, query.limit, |(seq, _)| {
            format!("{seq:020}")
        });
        Ok(Page {
            items: page.items.into_iter().map(|(_, d)| d).collect(),
            next: page.next,
        })
    }

    async fn audit_events(
        &mut self,
        account: AccountId,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<AuditEvent>, StoreError> {
        let after = match after {
            None => 0,
            Some(text) => text.parse::<i64>().map_err(|_| StoreError::NotFound)?,
        };
        let rows = sqlx::query(
            "SELECT seq, id, account_id, time, event_name, outcome, principal_arn, \
             access_key_id, document FROM audit_events \
             WHERE account_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        )
        .bind(account.as_str())
        .bind(after)
        .bind(limit_plus_one(limit))
        .fetch_all(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        let page = Page::from_overfetch(collect(&rows, audit_from)?, limit, |(seq, _)| {
            seq.to_string()
        });
        Ok(Page {
            items: page.items.into_iter().map(|(_, event)| event).collect(),
            next: page.next,
        })
    }

    // ---- credential reports, report jobs, STS preferences (migration 0011)

    async fn credential_report(
        &mut self,
        account: AccountId,
    ) -> Result<Option<warden_core::CredentialReport>, StoreError> {
        let row = sqlx::query(
            "SELECT account_id, generated, content FROM credential_reports WHERE account_id = $1",
        )
        .bind(account.as_str())
        .fetch_optional(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        row.map(|row| {
            Ok(warden_core::CredentialReport {
                account: account_from(&row)?,
                generated: time_col(&row, "generated")?,
                content: get(&row, "content")?,
            })
        })
        .transpose()
    }

    async fn put_credential_report(
        &mut self,
        report: &warden_core::CredentialReport,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO credential_reports (account_id, generated, content) VALUES ($1, $2, $3) \
             ON CONFLICT (account_id) DO UPDATE SET generated = excluded.generated, \
             content = excluded.content",
        )
        .bind(report.account.as_str())
        .bind(ts(report.generated))
        .bind(&report.content)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        Ok(())
    }

    async fn insert_report_job(&mut self, job: &warden_core::ReportJob) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO report_jobs (account_id, id, kind, created, completed, document) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(job.account.as_str())
        .bind(&job.id)
        .bind(job.kind.as_str())
        .bind(ts(job.created))
        .bind(job.completed.map(ts))
        .bind(&job.document)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        Ok(())
    }

    async fn report_job(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> Result<Option<warden_core::ReportJob>, StoreError> {
        let row = sqlx::query(
            "SELECT account_id, id, kind, created, completed, document FROM report_jobs \
             WHERE account_id = $1 AND id = $2",
        )
        .bind(account.as_str())
        .bind(id)
        .fetch_optional(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        row.map(|row| {
            Ok(warden_core::ReportJob {
                account: account_from(&row)?,
                id: get(&row, "id")?,
                kind: warden_core::ReportJobKind::parse(&get::<String>(&row, "kind")?)
                    .ok_or(StoreError::Corrupt(CorruptError::new("kind")))?,
                created: time_col(&row, "created")?,
                completed: opt_time_col(&row, "completed")?,
                document: get(&row, "document")?,
            })
        })
        .transpose()
    }

    async fn global_endpoint_token_version(
        &mut self,
        account: AccountId,
    ) -> Result<Option<warden_core::GlobalEndpointTokenVersion>, StoreError> {
        let row = sqlx::query(
            "SELECT global_endpoint_token_version FROM sts_preferences WHERE account_id = $1",
        )
        .bind(account.as_str())
        .fetch_optional(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        row.map(|row| {
            warden_core::GlobalEndpointTokenVersion::from_number(get::<i64>(
                &row,
                "global_endpoint_token_version",
            )?)
            .ok_or(StoreError::Corrupt(CorruptError::new(
                "global_endpoint_token_version",
            )))
        })
        .transpose()
    }

    async fn set_global_endpoint_token_version(
        &mut self,
        account: AccountId,
        version: warden_core::GlobalEndpointTokenVersion,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sts_preferences (account_id, global_endpoint_token_version) \
             VALUES ($1, $2) ON CONFLICT (account_id) DO UPDATE SET \
             global_endpoint_token_version = excluded.global_endpoint_token_version",
        )
        .bind(account.as_str())
        .bind(version.number())
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(account);
        Ok(())
    }

    // ---- outbound web identity federation (migration 0006)

    async fn outbound_federation_enabled(
        &mut self,
        account: AccountId,
    ) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT enabled FROM outbound_federation WHERE account_id = $1")
            .bind(account.as_str())
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        match row {
            Some(row) => Ok(get::<i64>(&row, "enabled")? != 0),
            None => Ok(false),
        }
    }

    async fn set_outbound_federation_enabled(
        &mut self,
        account: AccountId,
        enabled: bool,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO outbound_federation (account_id, enabled, updated) \
             VALUES ($1, $2, $3) ON CONFLICT (account_id) DO UPDATE SET \
             enabled = excluded.enabled, updated = excluded.updated",
        )
        .bind(account.as_str())
        .bind(i64::from(enabled))
        .bind(OffsetDateTime::now_utc().unix_timestamp())
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(account);
        Ok(())
    }

    async fn outbound_signing_keys(
        &mut self,
        account: AccountId,
    ) -> Result<Vec<warden_core::OutboundSigningKey>, StoreError> {
        let rows = sqlx::query(
            "SELECT account_id, kid, algorithm, private_key, public_jwk, created \
             FROM outbound_signing_keys WHERE account_id = $1 ORDER BY created, kid",
        )
        .bind(account.as_str())
        .fetch_all(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        rows.iter()
            .map(|row| {
                Ok(warden_core::OutboundSigningKey {
                    account: account_from(row)?,
                    kid: get(row, "kid")?,
                    algorithm: get(row, "algorithm")?,
                    private_key: EncryptedSecret::from_bytes(get::<Vec<u8>>(row, "private_key")?),
                    public_jwk: get(row, "public_jwk")?,
                    created: time_col(row, "created")?,
                })
            })
            .collect()
    }

    async fn insert_outbound_signing_key(
        &mut self,
        key: &warden_core::OutboundSigningKey,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO outbound_signing_keys \
             (account_id, kid, algorithm, private_key, public_jwk, created) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(key.account.as_str())
        .bind(&key.kid)
        .bind(&key.algorithm)
        .bind(key.private_key.as_bytes())
        .bind(&key.public_jwk)
        .bind(ts(key.created))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(key.account);
        Ok(())
    }

    async fn delete_outbound_signing_key(
        &mut self,
        account: AccountId,
        kid: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM outbound_signing_keys WHERE account_id = $1 AND kid = $2")
            .bind(account.as_str())
            .bind(kid)
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        self.touch(account);
        Ok(())
    }

    // ---- login profiles, password policy, account alias (migration 0009)

    async fn login_profile(
        &mut self,
        account: AccountId,
        user_id: &str,
    ) -> Result<Option<LoginProfile>, StoreError> {
        let row = sqlx::query(
            "SELECT user_id, account_id, password_hash, previous_hashes, created, \
             password_changed, reset_required FROM login_profiles \
             WHERE account_id = $1 AND user_id = $2",
        )
        .bind(account.as_str())
        .bind(user_id)
        .fetch_optional(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        row.as_ref().map(login_profile_from).transpose()
    }

    async fn put_login_profile(&mut self, profile: &LoginProfile) -> Result<(), StoreError> {
        let previous: Vec<String> = profile
            .previous_hashes
            .iter()
            .map(|h| h.as_str().to_owned())
            .collect();
        sqlx::query(
            "INSERT INTO login_profiles (user_id, account_id, password_hash, previous_hashes, \
             created, password_changed, reset_required) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, \
             previous_hashes = excluded.previous_hashes, \
             password_changed = excluded.password_changed, \
             reset_required = excluded.reset_required",
        )
        .bind(&profile.user_id)
        .bind(profile.account.as_str())
        .bind(profile.password_hash.as_str())
        .bind(to_json(&previous))
        .bind(ts(profile.created))
        .bind(ts(profile.password_changed))
        .bind(i64::from(profile.reset_required))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(profile.account);
        Ok(())
    }

    async fn delete_login_profile(
        &mut self,
        account: AccountId,
        user_id: &str,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM login_profiles WHERE account_id = $1 AND user_id = $2")
            .bind(account.as_str())
            .bind(user_id)
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        let deleted = done.rows_affected() > 0;
        if deleted {
            self.touch(account);
        }
        Ok(deleted)
    }

    async fn password_policy(
        &mut self,
        account: AccountId,
    ) -> Result<Option<PasswordPolicy>, StoreError> {
        let row = sqlx::query(
            "SELECT minimum_length, require_symbols, require_numbers, require_uppercase, \
             require_lowercase, allow_users_to_change, max_age_days, reuse_prevention, \
             hard_expiry FROM password_policies WHERE account_id = $1",
        )
        .bind(account.as_str())
        .fetch_optional(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        row.as_ref().map(password_policy_from).transpose()
    }

    async fn put_password_policy(
        &mut self,
        account: AccountId,
        policy: &PasswordPolicy,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO password_policies (account_id, minimum_length, require_symbols, \
             require_numbers, require_uppercase, require_lowercase, allow_users_to_change, \
             max_age_days, reuse_prevention, hard_expiry) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             ON CONFLICT (account_id) DO UPDATE SET minimum_length = excluded.minimum_length, \
             require_symbols = excluded.require_symbols, \
             require_numbers = excluded.require_numbers, \
             require_uppercase = excluded.require_uppercase, \
             require_lowercase = excluded.require_lowercase, \
             allow_users_to_change = excluded.allow_users_to_change, \
             max_age_days = excluded.max_age_days, \
             reuse_prevention = excluded.reuse_prevention, hard_expiry = excluded.hard_expiry",
        )
        .bind(account.as_str())
        .bind(i64::from(policy.minimum_length))
        .bind(i64::from(policy.require_symbols))
        .bind(i64::from(policy.require_numbers))
        .bind(i64::from(policy.require_uppercase))
        .bind(i64::from(policy.require_lowercase))
        .bind(i64::from(policy.allow_users_to_change))
        .bind(policy.max_age_days.map(i64::from))
        .bind(policy.reuse_prevention.map(i64::from))
        .bind(policy.hard_expiry.map(i64::from))
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(account);
        Ok(())
    }

    async fn delete_password_policy(&mut self, account: AccountId) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM password_policies WHERE account_id = $1")
            .bind(account.as_str())
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        let deleted = done.rows_affected() > 0;
        if deleted {
            self.touch(account);
        }
        Ok(deleted)
    }

    async fn account_alias(&mut self, account: AccountId) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT alias FROM account_aliases WHERE account_id = $1")
            .bind(account.as_str())
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.map(|r| get(&r, "alias")).transpose()
    }

    async fn account_by_alias(&mut self, alias: &str) -> Result<Option<AccountId>, StoreError> {
        let row = sqlx::query("SELECT account_id FROM account_aliases WHERE alias = $1")
            .bind(alias)
            .fetch_optional(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        row.as_ref().map(account_from).transpose()
    }

    async fn set_account_alias(
        &mut self,
        account: AccountId,
        alias: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO account_aliases (account_id, alias) VALUES ($1, $2) \
             ON CONFLICT (account_id) DO UPDATE SET alias = excluded.alias",
        )
        .bind(account.as_str())
        .bind(alias)
        .execute(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        self.touch(account);
        Ok(())
    }

    async fn delete_account_alias(&mut self, account: AccountId) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM account_aliases WHERE account_id = $1")
            .bind(account.as_str())
            .execute(self.tx.conn().await?)
            .await
            .map_err(on_error)?;
        let deleted = done.rows_affected() > 0;
        if deleted {
            self.touch(account);
        }
        Ok(deleted)
    }

    async fn account_usage(&mut self, account: AccountId) -> Result<AccountUsage, StoreError> {
        let row = sqlx::query(
            "SELECT \
             (SELECT count(*) FROM users WHERE account_id = $1) AS users, \
             (SELECT count(*) FROM groups WHERE account_id = $1) AS groups, \
             (SELECT count(*) FROM roles WHERE account_id = $1) AS roles, \
             (SELECT count(*) FROM policies WHERE account_id = $1) AS policies, \
             (SELECT count(*) FROM policy_attachments WHERE account_id = $1) AS attachments, \
             (SELECT count(*) FROM oidc_providers WHERE account_id = $1) AS oidc, \
             (SELECT count(*) FROM access_keys WHERE account_id = $1 AND user_id IS NULL) \
               AS root_keys, \
             (SELECT count(*) FROM instance_profiles WHERE account_id = $1) AS profiles, \
             (SELECT count(*) FROM saml_providers WHERE account_id = $1) AS saml, \
             (SELECT count(*) FROM server_certificates WHERE account_id = $1) AS server_certs, \
             (SELECT count(*) FROM signing_certificates \
               WHERE account_id = $1 AND user_id IS NULL) AS root_certs, \
             (SELECT count(*) FROM mfa_devices WHERE account_id = $1) AS mfa, \
             (SELECT count(*) FROM mfa_devices \
               WHERE account_id = $1 AND user_id IS NOT NULL) AS mfa_in_use",
        )
        .bind(account.as_str())
        .fetch_one(self.tx.conn().await?)
        .await
        .map_err(on_error)?;
        let n = |column: &'static str| -> Result<u64, StoreError> {
            u64::try_from(get::<i64>(&row, column)?)
                .map_err(|_| StoreError::Corrupt(CorruptError::new(column)))
        };
        Ok(AccountUsage {
            users: n("users")?,
            groups: n("groups")?,
            roles: n("roles")?,
            policies: n("policies")?,
            policy_attachments: n("attachments")?,
            oidc_providers: n("oidc")?,
            root_access_keys: n("root_keys")?,
            instance_profiles: n("profiles")?,
            saml_providers: n("saml")?,
            server_certificates: n("server_certs")?,
            root_signing_certificates: n("root_certs")?,
            mfa_devices: n("mfa")?,
            mfa_devices_in_use: n("mfa_in_use")?,
            // Devices are enabled for IAM users only (EnableMFADevice requires UserName):
            // root has none.
            ..AccountUsage::default()
        })
    }

    async fn list_scoped_policies(
        &mut self,
        account: AccountId,
        scope: warden_core::PolicyScope,
        usage: PolicyUsage,
        query: &ListQuery,
    ) -> Result<Page<ManagedPolicy>, StoreError> {
        import::list_scoped_policies(self, account, scope, usage, query).await
    }

    async fn import_account(
        &mut self,
        account: AccountId,
        data: &warden_core::AccountImport,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<warden_core::ImportCounts, StoreError> {
        import::import_account(self, account, data, progress).await
    }
}

// ---- login profiles and password policy rows (migration 0009)

fn flag(row: &DbRow, column: &'static str) -> Result<bool, StoreError> {
    Ok(get::<i64>(row, column)? != 0)
}

fn opt_u32(row: &DbRow, column: &'static str) -> Result<Option<u32>, StoreError> {
    get::<Option<i64>>(row, column)?
        .map(|v| u32::try_from(v).map_err(|_| StoreError::Corrupt(CorruptError::new(column))))
        .transpose()
}

fn login_profile_from(row: &DbRow) -> Result<LoginProfile, StoreError> {
    Ok(LoginProfile {
        account: account_from(row)?,
        user_id: get(row, "user_id")?,
        password_hash: PasswordHash::new(get(row, "password_hash")?),
        previous_hashes: json_list(row, "previous_hashes")?
            .into_iter()
            .map(PasswordHash::new)
            .collect(),
        created: time_col(row, "created")?,
        password_changed: time_col(row, "password_changed")?,
        reset_required: flag(row, "reset_required")?,
    })
}

fn password_policy_from(row: &DbRow) -> Result<PasswordPolicy, StoreError> {
    Ok(PasswordPolicy {
        minimum_length: count_col(row, "minimum_length")?,
        require_symbols: flag(row, "require_symbols")?,
        require_numbers: flag(row, "require_numbers")?,
        require_uppercase: flag(row, "require_uppercase")?,
        require_lowercase: flag(row, "require_lowercase")?,
        allow_users_to_change: flag(row, "allow_users_to_change")?,
        max_age_days: opt_u32(row, "max_age_days")?,
        reuse_prevention: opt_u32(row, "reuse_prevention")?,
        hard_expiry: get::<Option<i64>>(row, "hard_expiry")?.map(|v| v != 0),
    })
}
