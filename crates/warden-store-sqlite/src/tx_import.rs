//! Bulk writes of `warden import` and the owner-scoped policy listing (AWS managed
//! policies, api.md §5.7). A child module of `tx` (shared by both backends like it): rows
//! are written with multi-row `INSERT … VALUES (…), (…)` statements of at most
//! [`BATCH_ROWS`] rows, and entities are upserted by name through the unique
//! `(account_id, name_key)` indexes, so an import costs a few hundred statements, not one
//! per row.

use std::collections::HashMap;
use std::fmt::Write as _;

use warden_core::{
    AWS_MANAGED_OWNER, AccountImport, ImportCounts, ImportedPolicy, ImportedRelations, ListQuery,
    ManagedPolicy, Page, PolicyScope, PolicyUsage, StoreError, Tag, name_key,
};
use warden_types::AccountId;

use super::{POLICY_SELECT, Tx, get, policy_from, ts};
use crate::error::on_error;
use crate::{Db, DbTx};

/// Rows per multi-row statement: at most 13 columns × 400 rows = 5,200 parameters, well
/// under SQLite's 32,766 and PostgreSQL's 65,535.
const BATCH_ROWS: usize = 400;

/// One bound value of a multi-row statement.
#[derive(Clone, Debug)]
enum Val {
    Text(Option<String>),
    Int(Option<i64>),
}

fn text(value: &str) -> Val {
    Val::Text(Some(value.to_owned()))
}

fn opt_text(value: Option<&str>) -> Val {
    Val::Text(value.map(str::to_owned))
}

fn int(value: i64) -> Val {
    Val::Int(Some(value))
}

/// `INSERT INTO … (cols) VALUES (…), (…) <tail>` in batches.
async fn insert_rows(
    tx: &mut DbTx,
    head: &str,
    tail: &str,
    rows: &[Vec<Val>],
) -> Result<(), StoreError> {
    for chunk in rows.chunks(BATCH_ROWS) {
        let mut sql = String::with_capacity(head.len() + tail.len() + chunk.len() * 64);
        sql.push_str(head);
        sql.push_str(" VALUES ");
        let mut n = 0usize;
        for (i, row) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(',');
            }
            sql.push('(');
            for j in 0..row.len() {
                if j > 0 {
                    sql.push(',');
                }
                n += 1;
                let _ = write!(sql, "${n}");
            }
            sql.push(')');
        }
        sql.push(' ');
        sql.push_str(tail);
        let mut query = sqlx::query::<Db>(&sql);
        for value in chunk.iter().flatten() {
            query = match value {
                Val::Text(t) => query.bind(t.clone()),
                Val::Int(i) => query.bind(*i),
            };
        }
        query.execute(tx.conn().await?).await.map_err(on_error)?;
    }
    Ok(())
}

/// `<head> IN (…)` in batches; `account`, when given, is bound as `$1` first.
async fn delete_in(
    tx: &mut DbTx,
    head: &str,
    account: Option<&str>,
    ids: &[String],
) -> Result<(), StoreError> {
    let offset = usize::from(account.is_some());
    for chunk in ids.chunks(BATCH_ROWS) {
        let mut sql = String::from(head);
        sql.push_str(" IN (");
        for i in 0..chunk.len() {
            if i > 0 {
                sql.push(',');
            }
            let _ = write!(sql, "${}", i + 1 + offset);
        }
        sql.push(')');
        let mut query = sqlx::query::<Db>(&sql);
        if let Some(account) = account {
            query = query.bind(account.to_owned());
        }
        for id in chunk {
            query = query.bind(id.clone());
        }
        query.execute(tx.conn().await?).await.map_err(on_error)?;
    }
    Ok(())
}

/// `name_key → id` of an owner's rows in `table`.
async fn ids_by_name(
    tx: &mut DbTx,
    table: &str,
    owner: &str,
) -> Result<HashMap<String, String>, StoreError> {
    let sql = format!("SELECT id, name_key FROM {table} WHERE account_id = $1");
    let rows = sqlx::query::<Db>(&sql)
        .bind(owner.to_owned())
        .fetch_all(tx.conn().await?)
        .await
        .map_err(on_error)?;
    rows.iter()
        .map(|r| Ok((get::<String>(r, "name_key")?, get::<String>(r, "id")?)))
        .collect()
}

/// Upserts managed policies of `owner` (an account id or `aws`) with all their versions.
/// Returns (created, updated, versions written).
async fn upsert_policies(
    tx: &mut DbTx,
    owner: &str,
    policies: &[ImportedPolicy],
) -> Result<(u64, u64, u64), StoreError> {
    if policies.is_empty() {
        return Ok((0, 0, 0));
    }
    let existing = ids_by_name(tx, "policies", owner).await?;
    let mut rows = Vec::with_capacity(policies.len());
    let mut ids = Vec::with_capacity(policies.len());
    let mut versions = Vec::new();
    let mut updated = 0u64;
    for p in policies {
        let key = name_key(&p.name);
        let id = match existing.get(&key) {
            Some(id) => {
                updated += 1;
                id.clone()
            }
            None => p.id.clone(),
        };
        let last = p
            .versions
            .iter()
            .map(|v| v.number)
            .max()
            .unwrap_or(p.default_version);
        rows.push(vec![
            text(&id),
            text(owner),
            text(&p.name),
            text(&key),
            text(&p.path),
            text(&p.arn),
            opt_text(p.description.as_deref()),
            int(ts(p.created)),
            int(ts(p.updated)),
            int(i64::from(p.default_version)),
            int(i64::from(last)),
            int(i64::from(p.attachable)),
        ]);
        for v in &p.versions {
            versions.push(vec![
                text(&id),
                int(i64::from(v.number)),
                text(&v.document),
                int(ts(v.created)),
            ]);
        }
        ids.push(id);
    }
    // Policies cannot be renamed or moved: an existing one keeps its id, and takes the
    // file's path, ARN, description, dates and versions.
    insert_rows(
        tx,
        "INSERT INTO policies (id, account_id, name, name_key, path, arn, description, \
         created, updated, default_version, last_version, attachable)",
        "ON CONFLICT (account_id, name_key) DO UPDATE SET name = excluded.name, \
         path = excluded.path, arn = excluded.arn, description = excluded.description, \
         created = excluded.created, updated = excluded.updated, \
         default_version = excluded.default_version, last_version = excluded.last_version, \
         attachable = excluded.attachable",
        &rows,
    )
    .await?;
    delete_in(
        tx,
        "DELETE FROM policy_versions WHERE policy_id",
        None,
        &ids,
    )
    .await?;
    insert_rows(
        tx,
        "INSERT INTO policy_versions (policy_id, version, document, created)",
        "",
        &versions,
    )
    .await?;
    let total = u64::try_from(policies.len()).unwrap_or(u64::MAX);
    let written = u64::try_from(versions.len()).unwrap_or(u64::MAX);
    Ok((total - updated, updated, written))
}

/// The holder table, holder column and tag kind of users, groups and roles.
#[derive(Clone, Copy)]
enum Kind {
    Group,
    Role,
    User,
}

impl Kind {
    fn table(self) -> &'static str {
        match self {
            Self::Group => "groups",
            Self::Role => "roles",
            Self::User => "users",
        }
    }

    fn column(self) -> &'static str {
        match self {
            Self::Group => "group_id",
            Self::Role => "role_id",
            Self::User => "user_id",
        }
    }

    fn tag_kind(self) -> &'static str {
        match self {
            Self::Group => "group",
            Self::Role => "role",
            Self::User => "user",
        }
    }
}

/// Relations of one kind of holder, resolved to rows.
struct RelationRows {
    attachments: Vec<Vec<Val>>,
    inline: Vec<Vec<Val>>,
    tags: Vec<Vec<Val>>,
}

/// Replaces attachments, inline policies and tags of `holders` (id, relations).
async fn replace_relations(
    tx: &mut DbTx,
    account: &str,
    kind: Kind,
    holders: &[(String, &ImportedRelations)],
    policy_ids: &HashMap<String, String>,
    counts: &mut ImportCounts,
) -> Result<(), StoreError> {
    if holders.is_empty() {
        return Ok(());
    }
    let column = kind.column();
    let ids: Vec<String> = holders.iter().map(|(id, _)| id.clone()).collect();
    let mut rows = RelationRows {
        attachments: Vec::new(),
        inline: Vec::new(),
        tags: Vec::new(),
    };
    for (id, relations) in holders {
        for arn in &relations.attached {
            let policy = policy_ids.get(arn).ok_or(StoreError::NotFound)?;
            rows.attachments
                .push(vec![text(account), text(policy), text(id)]);
        }
        for (name, document) in &relations.inline {
            rows.inline.push(vec![
                text(account),
                text(id),
                text(name),
                text(&name_key(name)),
                text(document),
            ]);
        }
        for (position, Tag { key, value }) in (0i64..).zip(&relations.tags) {
            rows.tags.push(vec![
                text(account),
                text(kind.tag_kind()),
                text(id),
                int(position),
                text(key),
                text(value),
            ]);
        }
    }
    delete_in(
        tx,
        &format!("DELETE FROM policy_attachments WHERE account_id = $1 AND {column}"),
        Some(account),
        &ids,
    )
    .await?;
    insert_rows(
        tx,
        &format!("INSERT INTO policy_attachments (account_id, policy_id, {column})"),
        "",
        &rows.attachments,
    )
    .await?;
    delete_in(
        tx,
        &format!("DELETE FROM inline_policies WHERE account_id = $1 AND {column}"),
        Some(account),
        &ids,
    )
    .await?;
    insert_rows(
        tx,
        &format!("INSERT INTO inline_policies (account_id, {column}, name, name_key, document)"),
        "",
        &rows.inline,
    )
    .await?;
    if !matches!(kind, Kind::Group) {
        delete_in(
            tx,
            &format!(
                "DELETE FROM tags WHERE account_id = $1 AND target_kind = '{}' AND target_id",
                kind.tag_kind()
            ),
            Some(account),
            &ids,
        )
        .await?;
        insert_rows(
            tx,
            "INSERT INTO tags (account_id, target_kind, target_id, position, key, value)",
            "",
            &rows.tags,
        )
        .await?;
    }
    counts.attachments += u64::try_from(rows.attachments.len()).unwrap_or(u64::MAX);
    counts.inline_policies += u64::try_from(rows.inline.len()).unwrap_or(u64::MAX);
    counts.tags += u64::try_from(rows.tags.len()).unwrap_or(u64::MAX);
    Ok(())
}

/// Upserts entity rows of one kind; returns the id of every imported name and the
/// number of rows that existed.
async fn upsert_entities(
    tx: &mut DbTx,
    account: &str,
    kind: Kind,
    entities: Vec<(String, Vec<Val>)>,
    columns: &str,
    update: &str,
) -> Result<(Vec<String>, u64), StoreError> {
    let existing = ids_by_name(tx, kind.table(), account).await?;
    let mut ids = Vec::with_capacity(entities.len());
    let mut rows = Vec::with_capacity(entities.len());
    let mut updated = 0u64;
    for (name, mut row) in entities {
        let key = name_key(&name);
        if let Some(id) = existing.get(&key) {
            updated += 1;
            // The existing entity keeps its id (references to it stay valid).
            if let Some(first) = row.first_mut() {
                *first = text(id);
            }
            ids.push(id.clone());
        } else {
            match row.first() {
                Some(Val::Text(Some(id))) => ids.push(id.clone()),
                _ => return Err(StoreError::NotFound),
            }
        }
        rows.push(row);
    }
    insert_rows(
        tx,
        &format!("INSERT INTO {} ({columns})", kind.table()),
        &format!("ON CONFLICT (account_id, name_key) DO UPDATE SET {update}"),
        &rows,
    )
    .await?;
    Ok((ids, updated))
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// [`warden_core::Transaction::import_account`].
pub(super) async fn import_account(
    this: &mut Tx,
    account: AccountId,
    data: &AccountImport,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<ImportCounts, StoreError> {
    let acct = account.as_str().to_owned();
    let tx = &mut this.tx;
    let mut counts = ImportCounts::default();
    let mut done = 0u64;

    if !data.aws_policies.is_empty() {
        sqlx::query::<Db>(
            "INSERT INTO accounts (id, created) VALUES ($1, 0) ON CONFLICT DO NOTHING",
        )
        .bind(AWS_MANAGED_OWNER)
        .execute(tx.conn().await?)
        .await
        .map_err(on_error)?;
        let (created, updated, versions) =
            upsert_policies(tx, AWS_MANAGED_OWNER, &data.aws_policies).await?;
        counts.aws_policies_created = created;
        counts.aws_policies_updated = updated;
        counts.policy_versions += versions;
        done += count(data.aws_policies.len());
        progress(done);
    }
    let (created, updated, versions) = upsert_policies(tx, &acct, &data.policies).await?;
    counts.policies_created = created;
    counts.policies_updated = updated;
    counts.policy_versions += versions;
    done += count(data.policies.len());
    progress(done);

    // Groups.
    let rows = data
        .groups
        .iter()
        .map(|(g, _)| {
            (
                g.name.clone(),
                vec![
                    text(&g.id),
                    text(&acct),
                    text(&g.name),
                    text(&name_key(&g.name)),
                    text(&g.path),
                    int(ts(g.created)),
                ],
            )
        })
        .collect();
    let (group_ids, updated) = upsert_entities(
        tx,
        &acct,
        Kind::Group,
        rows,
        "id, account_id, name, name_key, path, created",
        "name = excluded.name, path = excluded.path, created = excluded.created",
    )
    .await?;
    counts.groups_updated = updated;
    counts.groups_created = count(group_ids.len()) - updated;
    done += count(group_ids.len());
    progress(done);

    // Users.
    let rows = data
        .users
        .iter()
        .map(|(u, _, _)| {
            (
                u.name.clone(),
                vec![
                    text(&u.id),
                    text(&acct),
                    text(&u.name),
                    text(&name_key(&u.name)),
                    text(&u.path),
                    int(ts(u.created)),
                    opt_text(u.permissions_boundary.as_deref()),
                ],
            )
        })
        .collect();
    let (user_ids, updated) = upsert_entities(
        tx,
        &acct,
        Kind::User,
        rows,
        "id, account_id, name, name_key, path, created, permissions_boundary",
        "name = excluded.name, path = excluded.path, created = excluded.created, \
         permissions_boundary = excluded.permissions_boundary",
    )
    .await?;
    counts.users_updated = updated;
    counts.users_created = count(user_ids.len()) - updated;
    done += count(user_ids.len());
    progress(done);

    // Roles: description and maximum session duration are not part of the export; an
    // existing role keeps its own.
    let rows = data
        .roles
        .iter()
        .map(|(r, _)| {
            (
                r.name.clone(),
                vec![
                    text(&r.id),
                    text(&acct),
                    text(&r.name),
                    text(&name_key(&r.name)),
                    text(&r.path),
                    int(ts(r.created)),
                    text(&r.trust_policy),
                    opt_text(r.description.as_deref()),
                    int(i64::from(r.max_session_duration)),
                    opt_text(r.permissions_boundary.as_deref()),
                    Val::Int(r.last_used.as_ref().map(|u| ts(u.date))),
                    opt_text(r.last_used.as_ref().map(|u| u.region.as_str())),
                    text(&super::trust_principals_json(&r.trust_principals)),
                ],
            )
        })
        .collect();
    let (role_ids, updated) = upsert_entities(
        tx,
        &acct,
        Kind::Role,
        rows,
        "id, account_id, name, name_key, path, created, trust_policy, description, \
         max_session_duration, permissions_boundary, last_used_date, last_used_region, \
         trust_principals",
        "name = excluded.name, path = excluded.path, created = excluded.created, \
         trust_policy = excluded.trust_policy, \
         permissions_boundary = excluded.permissions_boundary, \
         last_used_date = excluded.last_used_date, \
         last_used_region = excluded.last_used_region, \
         trust_principals = excluded.trust_principals",
    )
    .await?;
    counts.roles_updated = updated;
    counts.roles_created = count(role_ids.len()) - updated;
    done += count(role_ids.len());
    progress(done);

    // Memberships of the imported users are replaced by the file's.
    let groups_by_name = ids_by_name(tx, "groups", &acct).await?;
    let mut members = Vec::new();
    for ((_, _, groups), user_id) in data.users.iter().zip(&user_ids) {
        for group in groups {
            let group_id = groups_by_name
                .get(&name_key(group))
                .ok_or(StoreError::NotFound)?;
            members.push(vec![text(group_id), text(user_id)]);
        }
    }
    delete_in(
        tx,
        "DELETE FROM group_members WHERE user_id",
        None,
        &user_ids,
    )
    .await?;
    insert_rows(
        tx,
        "INSERT INTO group_members (group_id, user_id)",
        "",
        &members,
    )
    .await?;
    counts.memberships = count(members.len());

    // Attachments resolve ARNs among the account's and the AWS managed policies.
    let rows = sqlx::query::<Db>(
        "SELECT id, arn FROM policies WHERE account_id = $1 OR account_id = 'aws'",
    )
    .bind(acct.clone())
    .fetch_all(tx.conn().await?)
    .await
    .map_err(on_error)?;
    let policy_ids: HashMap<String, String> = rows
        .iter()
        .map(|r| Ok((get::<String>(r, "arn")?, get::<String>(r, "id")?)))
        .collect::<Result<_, StoreError>>()?;
    let holders: Vec<(String, &ImportedRelations)> = group_ids
        .iter()
        .cloned()
        .zip(data.groups.iter().map(|(_, r)| r))
        .collect();
    replace_relations(tx, &acct, Kind::Group, &holders, &policy_ids, &mut counts).await?;
    let holders: Vec<(String, &ImportedRelations)> = user_ids
        .iter()
        .cloned()
        .zip(data.users.iter().map(|(_, r, _)| r))
        .collect();
    replace_relations(tx, &acct, Kind::User, &holders, &policy_ids, &mut counts).await?;
    let holders: Vec<(String, &ImportedRelations)> = role_ids
        .iter()
        .cloned()
        .zip(data.roles.iter().map(|(_, r)| r))
        .collect();
    replace_relations(tx, &acct, Kind::Role, &holders, &policy_ids, &mut counts).await?;
    progress(done);

    this.touch(account);
    if !data.aws_policies.is_empty() {
        // AWS managed documents are shared: every account's compiled policies may be
        // stale (api.md §1.9).
        let rows = sqlx::query::<Db>("SELECT id FROM accounts WHERE id <> $1")
            .bind(AWS_MANAGED_OWNER)
            .fetch_all(this.tx.conn().await?)
            .await
            .map_err(on_error)?;
        for row in &rows {
            if let Ok(other) = get::<String>(row, "id")?.parse::<AccountId>() {
                this.touch(other);
            }
        }
    }
    Ok(counts)
}

/// [`warden_core::Transaction::list_scoped_policies`].
pub(super) async fn list_scoped_policies(
    this: &mut Tx,
    account: AccountId,
    scope: PolicyScope,
    usage: PolicyUsage,
    query: &ListQuery,
) -> Result<Page<ManagedPolicy>, StoreError> {
    let owner = match scope {
        PolicyScope::All => "(account_id = $1 OR account_id = 'aws')",
        PolicyScope::Aws => "account_id = 'aws'",
        PolicyScope::Local => "account_id = $1",
    };
    let usage = match usage {
        PolicyUsage::Any => "1 = 1",
        PolicyUsage::Attached => "attachment_count + boundary_usage_count > 0",
        PolicyUsage::AsBoundary => "boundary_usage_count > 0",
        PolicyUsage::AsPermissions => "attachment_count > 0",
    };
    // Customer and AWS managed policies may share a name: the sort key adds the ARN
    // (a space sorts before every character of a name).
    let sql = format!(
        "{POLICY_SELECT} WHERE {owner} AND substr(path, 1, length($2)) = $2 \
         AND ($3 IS NULL OR name_key || ' ' || arn > $3) AND {usage} \
         ORDER BY name_key, arn LIMIT $4"
    );
    let rows = sqlx::query::<Db>(&sql)
        .bind(account.as_str().to_owned())
        .bind(query.path_prefix.clone())
        .bind(query.after.clone())
        .bind(super::limit_plus_one(query.limit))
        .fetch_all(this.tx.conn().await?)
        .await
        .map_err(on_error)?;
    let items = rows
        .iter()
        .map(policy_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page::from_overfetch(items, query.limit, |p| {
        format!("{} {}", name_key(&p.name), p.arn)
    }))
}
