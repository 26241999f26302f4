//! The `Transaction` implementation. The SQL is written to run unchanged on SQLite and
//! PostgreSQL (`$N` parameters, BIGINT times, TEXT names), so the two backends differ only
//! in connection setup, error mapping and the change feed.

use std::collections::BTreeSet;

use sqlx::Row;
use time::OffsetDateTime;
use tokio::sync::broadcast;
use warden_core::{
    AccessKey, Account, AuditEvent, AuditOutcome, Change, Constraint, CorruptError, CountedEntity,
    EncryptedSecret, Group, InlinePolicy, KeyLastUsed, KeyOwner, KeyStatus, ListQuery,
    ManagedPolicy, NewPolicy, OidcProvider, Page, PolicyHolder, PolicyUsage, PolicyVersion,
    ResolvedPrincipal, Role, RoleLastUsed, StoreError, Tag, TagTarget, Transaction, User, name_key,
};
use warden_types::AccountId;

use crate::error::on_error;
use crate::{DbRow, DbTx};

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
        TagTarget::OidcProvider(url) => ("oidc-provider", url),
        TagTarget::Policy(id) => ("policy", id),
        TagTarget::Role(id) => ("role", id),
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
/// so they can never drift from the rows they count.
const POLICY_SELECT: &str = "SELECT * FROM (SELECT p.id, p.account_id, p.name, p.name_key, \
     p.path, p.arn, p.description, p.created, p.updated, p.default_version, \
     (SELECT count(*) FROM policy_attachments a WHERE a.policy_id = p.id) AS attachment_count, \
     ((SELECT count(*) FROM users u WHERE u.account_id = p.account_id \
         AND u.permissions_boundary = p.arn) \
      + (SELECT count(*) FROM roles r WHERE r.account_id = p.account_id \
         AND r.permissions_boundary = p.arn)) AS boundary_usage_count \
     FROM policies p) q";

fn policy_from(row: &DbRow) -> Result<ManagedPolicy, StoreError> {
    Ok(ManagedPolicy {
        account: account_from(row)?,
        id: get(row, "id")?,
        name: get(row, "name")?,
        path: get(row, "path")?,
        arn: get(row, "arn")?,
        default_version_id: version_id(get(row, "default_version")?),
        attachment_count: count_col(row, "attachment_count")?,
        boundary_usage_count: count_col(row, "boundary_usage_count")?,
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

fn oidc_from(row: &DbRow) -> Result<OidcProvider, StoreError> {
    Ok(OidcProvider {
        account: account_from(row)?,
        url: get(row, "url")?,
        client_ids: json_list(row, "client_ids")?,
        thumbprints: json_list(row, "thumbprints")?,
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

/// Empties every table, children before parents (dev reset, [`warden_core::Store::wipe`]).
pub(crate) async fn wipe(tx: &mut DbTx) -> Result<(), StoreError> {
    const TABLES: &[&str] = &[
        "policy_attachments",
        "inline_policies",
        "group_members",
        "access_keys",
        "tags",
        "oidc_providers",
        "policy_versions",
        "policies",
        "users",
        "groups",
        "roles",
        "audit_events",
        "account_generation",
        "accounts",
        "server_secrets",
    ];
    for table in TABLES {
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&mut **tx)
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
        .execute(&mut *self.tx)
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
            .execute(&mut *self.tx)
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
                .fetch_optional(&mut *self.tx)
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
            .fetch_optional(&mut *self.tx)
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
            .execute(&mut *self.tx)
            .await
            .map_err(on_error)?;
        sqlx::query("INSERT INTO account_generation (account_id, generation) VALUES ($1, 0)")
            .bind(account.id.as_str())
            .execute(&mut *self.tx)
            .await
            .map_err(on_error)?;
        self.touch(account.id);
        Ok(())
    }

    async fn account(&mut self, id: AccountId) -> Result<Option<Account>, StoreError> {
        let row = sqlx::query("SELECT id, created FROM accounts WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&mut *self.tx)
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
        let rows = sqlx::query("SELECT id AS account_id, created FROM accounts ORDER BY id")
            .fetch_all(&mut *self.tx)
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
            "DELETE FROM policy_attachments WHERE account_id = $1",
            "DELETE FROM inline_policies WHERE account_id = $1",
            "DELETE FROM group_members WHERE group_id IN \
             (SELECT g.id FROM groups g WHERE g.account_id = $1)",
            "DELETE FROM access_keys WHERE account_id = $1",
            "DELETE FROM tags WHERE account_id = $1",
            "DELETE FROM oidc_providers WHERE account_id = $1",
            "DELETE FROM policy_versions WHERE policy_id IN \
             (SELECT p.id FROM policies p WHERE p.account_id = $1)",
            "DELETE FROM policies WHERE account_id = $1",
            "DELETE FROM users WHERE account_id = $1",
            "DELETE FROM groups WHERE account_id = $1",
            "DELETE FROM roles WHERE account_id = $1",
            "DELETE FROM audit_events WHERE account_id = $1",
            "DELETE FROM account_generation WHERE account_id = $1",
        ];
        for sql in STATEMENTS {
            sqlx::query(sql)
                .bind(id.as_str())
                .execute(&mut *self.tx)
                .await
                .map_err(on_error)?;
        }
        let done = sqlx::query("DELETE FROM accounts WHERE id = $1")
            .bind(id.as_str())
            .execute(&mut *self.tx)
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
            CountedEntity::OidcProviders => "oidc_providers",
            CountedEntity::Policies => "policies",
            CountedEntity::Roles => "roles",
            CountedEntity::Users => "users",
        };
        let sql = format!("SELECT count(*) AS n FROM {table} WHERE account_id = $1");
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .fetch_one(&mut *self.tx)
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
        .execute(&mut *self.tx)
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
            .fetch_optional(&mut *self.tx)
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
            .fetch_optional(&mut *self.tx)
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
        .execute(&mut *self.tx)
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
            .fetch_all(&mut *self.tx)
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
        .execute(&mut *self.tx)
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
            .fetch_optional(&mut *self.tx)
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
            .fetch_optional(&mut *self.tx)
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
        .execute(&mut *self.tx)
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
            .fetch_all(&mut *self.tx)
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
        .execute(&mut *self.tx)
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
            .fetch_optional(&mut *self.tx)
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
        .execute(&mut *self.tx)
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
            .fetch_all(&mut *self.tx)
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
            .fetch_all(&mut *self.tx)
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
        .execute(&mut *self.tx)
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
            .fetch_optional(&mut *self.tx)
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
            .fetch_optional(&mut *self.tx)
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
        .execute(&mut *self.tx)
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
            .fetch_all(&mut *self.tx)
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
        .execute(&mut *self.tx)
        .await
        .map_err(on_error)?;
        sqlx::query(
            "INSERT INTO policy_versions (policy_id, version, document, created) VALUES ($1, 1, $2, $3)",
        )
        .bind(&policy.id)
        .bind(&policy.document)
        .bind(ts(policy.created))
        .execute(&mut *self.tx)
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
            .fetch_optional(&mut *self.tx)
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
            .fetch_optional(&mut *self.tx)
            .await
            .map_err(on_error)?;
        row.as_ref().map(policy_from).transpose()
    }

    async fn policy_by_arn(
        &mut self,
        account: AccountId,
        arn: &str,
    ) -> Result<Option<ManagedPolicy>, StoreError> {
        let sql = format!("{POLICY_SELECT} WHERE account_id = $1 AND arn = $2");
        let row = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(arn)
            .fetch_optional(&mut *self.tx)
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
            .fetch_all(&mut *self.tx)
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
        .fetch_optional(&mut *self.tx)
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
        .execute(&mut *self.tx)
        .await
        .map_err(on_error)?;
        if set_default {
            sqlx::query("UPDATE policies SET default_version = $2, updated = $3 WHERE id = $1")
                .bind(policy_id)
                .bind(version)
                .bind(ts(created))
                .execute(&mut *self.tx)
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
             WHERE p.account_id = $1 AND v.policy_id = $2 AND v.version = $3",
        )
        .bind(account.as_str())
        .bind(policy_id)
        .bind(number)
        .fetch_optional(&mut *self.tx)
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
             WHERE p.account_id = $1 AND v.policy_id = $2 ORDER BY v.version DESC",
        )
        .bind(account.as_str())
        .bind(policy_id)
        .fetch_all(&mut *self.tx)
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
            .execute(&mut *self.tx)
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
        .execute(&mut *self.tx)
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
        // Selecting through both tables keeps attachments inside one account.
        let sql = format!(
            "INSERT INTO policy_attachments (account_id, policy_id, {column}) \
             SELECT p.account_id, p.id, h.id FROM policies p, {table} h \
             WHERE p.account_id = $1 AND p.id = $2 AND h.account_id = $1 AND h.id = $3 \
             ON CONFLICT DO NOTHING"
        );
        let done = sqlx::query(&sql)
            .bind(account.as_str())
            .bind(policy_id)
            .bind(holder_id)
            .execute(&mut *self.tx)
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
            .execute(&mut *self.tx)
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
            .fetch_all(&mut *self.tx)
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
        .fetch_all(&mut *self.tx)
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
            .execute(&mut *self.tx)
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
                .execute(&mut *self.tx)
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
            .fetch_optional(&mut *self.tx)
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
            .execute(&mut *self.tx)
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
            .fetch_all(&mut *self.tx)
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
        .execute(&mut *self.tx)
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
            .fetch_optional(&mut *self.tx)
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
            .fetch_all(&mut *self.tx)
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
                .execute(&mut *self.tx)
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
        .fetch_all(&mut *self.tx)
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
            .execute(&mut *self.tx)
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
        .execute(&mut *self.tx)
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
        .fetch_optional(&mut *self.tx)
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
        .execute(&mut *self.tx)
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
            .execute(&mut *self.tx)
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
        .fetch_all(&mut *self.tx)
        .await
        .map_err(on_error)?;
        collect(&rows, oidc_from)
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
        .execute(&mut *self.tx)
        .await
        .map_err(on_error)?;
        Ok(())
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
        .fetch_all(&mut *self.tx)
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
}
