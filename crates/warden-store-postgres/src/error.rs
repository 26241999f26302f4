//! The one place PostgreSQL errors become [`StoreError`]s.

use warden_core::{BackendError, Constraint, StoreError};

/// Maps a driver error. Unique violations carry the violated index's name, which
/// `migrations/` fixes; foreign-key violations all mean "still referenced"
/// ([`Constraint::InUse`]).
pub fn on_error(error: sqlx::Error) -> StoreError {
    match error {
        sqlx::Error::Database(db) => {
            if db.is_unique_violation()
                && let Some(constraint) = db.constraint().and_then(unique_constraint)
            {
                return StoreError::Conflict { constraint };
            }
            if db.is_foreign_key_violation() {
                return StoreError::Conflict {
                    constraint: Constraint::InUse,
                };
            }
            let code = db.code().map(|c| c.into_owned()).unwrap_or_default();
            let backend = BackendError::new(sqlx::Error::Database(db));
            match code.as_str() {
                // serialization_failure, deadlock_detected, lock_not_available
                "40001" | "40P01" | "55P03" => StoreError::Contention(backend),
                // connection exceptions, admin shutdown, too many connections
                c if c.starts_with("08") || c == "57P01" || c == "53300" => {
                    StoreError::Unavailable(backend)
                }
                _ => StoreError::Query(backend),
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

/// The constraint behind a unique index or key name from `migrations/`.
fn unique_constraint(name: &str) -> Option<Constraint> {
    Some(match name {
        "users_name_key" => Constraint::UserName,
        "groups_name_key" => Constraint::GroupName,
        "roles_name_key" => Constraint::RoleName,
        "policies_name_key" => Constraint::PolicyName,
        "inline_policies_user" | "inline_policies_group" | "inline_policies_role" => {
            Constraint::InlinePolicyName
        }
        "access_keys_pkey" => Constraint::AccessKeyId,
        "accounts_pkey" | "account_generation_pkey" => Constraint::AccountId,
        "audit_events_id_key" => Constraint::AuditEventId,
        "oidc_providers_pkey" => Constraint::OidcProviderUrl,
        "users_pkey" | "groups_pkey" | "roles_pkey" | "policies_pkey" => Constraint::EntityId,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! unique_cases {
        ($($name:ident: $index:expr => $expected:expr,)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(unique_constraint($index), $expected);
            }
        )*};
    }

    unique_cases! {
        user_name: "users_name_key" => Some(Constraint::UserName),
        inline_role: "inline_policies_role" => Some(Constraint::InlinePolicyName),
        access_key: "access_keys_pkey" => Some(Constraint::AccessKeyId),
        audit: "audit_events_id_key" => Some(Constraint::AuditEventId),
        entity: "roles_pkey" => Some(Constraint::EntityId),
        unknown: "something_else" => None,
    }
}
