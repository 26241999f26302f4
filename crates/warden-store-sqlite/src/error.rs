//! The one place SQLite errors become [`StoreError`]s.

use warden_core::{BackendError, Constraint, StoreError};

/// SQLite's primary result codes for "someone else holds the lock".
const SQLITE_BUSY: i64 = 5;
const SQLITE_LOCKED: i64 = 6;

/// Maps a driver error. SQLite does not report constraint names, only the columns of the
/// violated unique index (`UNIQUE constraint failed: users.account_id, users.name_key`),
/// so unique violations are recognised by those columns; foreign-key violations carry no
/// detail at all and all mean "still referenced" ([`Constraint::InUse`]).
pub fn on_error(error: sqlx::Error) -> StoreError {
    match error {
        sqlx::Error::Database(db) => {
            if db.is_unique_violation() {
                if let Some(constraint) = unique_constraint(db.message()) {
                    return StoreError::Conflict { constraint };
                }
            } else if db.is_foreign_key_violation() {
                return StoreError::Conflict {
                    constraint: Constraint::InUse,
                };
            }
            let primary = db
                .code()
                .and_then(|code| code.parse::<i64>().ok())
                .map(|code| code & 0xff);
            if matches!(primary, Some(SQLITE_BUSY | SQLITE_LOCKED)) {
                StoreError::Contention(BackendError::new(sqlx::Error::Database(db)))
            } else {
                StoreError::Query(BackendError::new(sqlx::Error::Database(db)))
            }
        }
        sqlx::Error::RowNotFound => StoreError::NotFound,
        e @ (sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::Configuration(_)) => StoreError::Unavailable(BackendError::new(e)),
        e => StoreError::Query(BackendError::new(e)),
    }
}

/// The constraint behind a unique-violation message. Order matters where one column list
/// contains another (`inline_policies.name_key` ends like `policies.name_key`).
fn unique_constraint(message: &str) -> Option<Constraint> {
    const COLUMNS: &[(&str, Constraint)] = &[
        ("inline_policies.name_key", Constraint::InlinePolicyName),
        ("users.name_key", Constraint::UserName),
        ("groups.name_key", Constraint::GroupName),
        ("roles.name_key", Constraint::RoleName),
        ("policies.name_key", Constraint::PolicyName),
        ("access_keys.id", Constraint::AccessKeyId),
        ("accounts.id", Constraint::AccountId),
        ("account_generation.account_id", Constraint::AccountId),
        ("audit_events.id", Constraint::AuditEventId),
        ("oidc_providers.", Constraint::OidcProviderUrl),
        ("users.id", Constraint::EntityId),
        ("groups.id", Constraint::EntityId),
        ("roles.id", Constraint::EntityId),
        ("policies.id", Constraint::EntityId),
    ];
    let columns = message.strip_prefix("UNIQUE constraint failed: ")?;
    COLUMNS
        .iter()
        .find(|(needle, _)| columns.split(", ").any(|column| column.starts_with(needle)))
        .map(|(_, constraint)| *constraint)
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! unique_cases {
        ($($name:ident: $message:expr => $expected:expr,)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(unique_constraint($message), $expected);
            }
        )*};
    }

    unique_cases! {
        user_name: "UNIQUE constraint failed: users.account_id, users.name_key" => Some(Constraint::UserName),
        inline_name: "UNIQUE constraint failed: inline_policies.user_id, inline_policies.name_key" => Some(Constraint::InlinePolicyName),
        policy_name: "UNIQUE constraint failed: policies.account_id, policies.name_key" => Some(Constraint::PolicyName),
        access_key: "UNIQUE constraint failed: access_keys.id" => Some(Constraint::AccessKeyId),
        user_id: "UNIQUE constraint failed: users.id" => Some(Constraint::EntityId),
        oidc: "UNIQUE constraint failed: oidc_providers.account_id, oidc_providers.url" => Some(Constraint::OidcProviderUrl),
        unknown_table: "UNIQUE constraint failed: other.id" => None,
        not_unique: "NOT NULL constraint failed: users.name" => None,
    }
}
