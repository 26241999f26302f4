//! Console passwords (api.md §5.10): Argon2id hashing and the account password policy.
//!
//! Passwords are never stored, logged or audited: only their Argon2id hash (PHC string with
//! its own random salt) is kept, verification goes through the `argon2` crate (which
//! compares in constant time), and the audit log hides every `*Password` parameter
//! (`audit.rs`). Rule violations name the rule, never the password.

use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;
use time::{Duration, OffsetDateTime};
use warden_core::{LoginProfile, PasswordHash, PasswordPolicy};
use zeroize::Zeroizing;

use crate::error::{ApiError, InternalError};

/// Argon2id cost: 19 MiB, two passes, one lane (OWASP's minimum recommendation). The
/// crate is compiled with optimisations even in dev builds (`Cargo.toml` profile), so one
/// hash costs tens of milliseconds everywhere.
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;

/// How many earlier hashes a login profile keeps: `PasswordReusePrevention`'s maximum.
pub(crate) const HISTORY_LIMIT: usize = 24;

/// The characters that count as symbols for `RequireSymbols` (api.md §5.10).
const SYMBOLS: &str = "!@#$%^&*()_+-=[]{}|'";

/// Why hashing failed (only a broken parameter set or salt can cause it).
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub(crate) struct HashError(String);

fn hasher() -> Result<Argon2<'static>, HashError> {
    let params =
        Params::new(MEMORY_KIB, PASSES, LANES, None).map_err(|e| HashError(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password with a fresh random 16-byte salt.
pub(crate) fn hash(password: &str) -> Result<PasswordHash, HashError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| HashError(e.to_string()))?;
    let phc = hasher()?
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| HashError(e.to_string()))?;
    Ok(PasswordHash::new(phc.to_string()))
}

/// Whether `password` matches `stored` (constant-time comparison inside the crate). The
/// parameters are read from the stored PHC string, so older cost settings keep verifying.
pub(crate) fn verify(password: &str, stored: &PasswordHash) -> bool {
    let Ok(parsed) = argon2::PasswordHash::new(stored.as_str()) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
}

/// The first password rule a new password breaks (api.md §5.10).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Violation {
    /// Shorter than `MinimumPasswordLength`.
    TooShort(u32),
    /// No symbol although `RequireSymbols`.
    NoSymbol,
    /// No digit although `RequireNumbers`.
    NoNumber,
    /// No upper-case letter although `RequireUppercaseCharacters`.
    NoUppercase,
    /// No lower-case letter although `RequireLowercaseCharacters`.
    NoLowercase,
    /// Without an account policy: fewer than 8 characters or fewer than three of the four
    /// character types (AWS's default rules).
    DefaultRules,
    /// Equal to one of the last N passwords (`PasswordReusePrevention`).
    Reused(u32),
}

impl Violation {
    /// `PasswordPolicyViolation`'s message (`VERIFY` the exact texts against AWS; these
    /// follow the wording AWS has been reported to use, e.g. `Password should have at
    /// least one uppercase letter`).
    pub(crate) fn message(self) -> String {
        match self {
            Self::TooShort(n) => format!("Password should have a minimum length of {n}"),
            Self::NoSymbol => "Password should have at least one symbol".to_owned(),
            Self::NoNumber => "Password should have at least one number".to_owned(),
            Self::NoUppercase => "Password should have at least one uppercase letter".to_owned(),
            Self::NoLowercase => "Password should have at least one lowercase letter".to_owned(),
            Self::DefaultRules => {
                "Password does not conform to the account password policy.".to_owned()
            }
            Self::Reused(n) => {
                format!("Password should not be one of your previous {n} passwords")
            }
        }
    }
}

/// The character-class and length rules of `policy` (or AWS's defaults without one).
pub(crate) fn check_rules(
    password: &str,
    policy: Option<&PasswordPolicy>,
) -> Result<(), Violation> {
    let length = u32::try_from(password.chars().count()).unwrap_or(u32::MAX);
    let upper = password.chars().any(|c| c.is_ascii_uppercase());
    let lower = password.chars().any(|c| c.is_ascii_lowercase());
    let number = password.chars().any(|c| c.is_ascii_digit());
    let symbol = password.chars().any(|c| SYMBOLS.contains(c));
    let Some(policy) = policy else {
        // AWS's default policy: at least 8 characters and three of the four types.
        let kinds = [upper, lower, number, symbol]
            .iter()
            .filter(|k| **k)
            .count();
        return if length >= 8 && kinds >= 3 {
            Ok(())
        } else {
            Err(Violation::DefaultRules)
        };
    };
    if length < policy.minimum_length {
        return Err(Violation::TooShort(policy.minimum_length));
    }
    if policy.require_symbols && !symbol {
        return Err(Violation::NoSymbol);
    }
    if policy.require_numbers && !number {
        return Err(Violation::NoNumber);
    }
    if policy.require_uppercase && !upper {
        return Err(Violation::NoUppercase);
    }
    if policy.require_lowercase && !lower {
        return Err(Violation::NoLowercase);
    }
    Ok(())
}

/// `PasswordReusePrevention`: the new password must differ from the current one and the
/// N-1 before it (the N most recent passwords).
pub(crate) fn check_reuse(
    password: &str,
    profile: Option<&LoginProfile>,
    policy: Option<&PasswordPolicy>,
) -> Result<(), Violation> {
    let (Some(profile), Some(n)) = (profile, policy.and_then(|p| p.reuse_prevention)) else {
        return Ok(());
    };
    let window = usize::try_from(n).unwrap_or(HISTORY_LIMIT);
    let recent = std::iter::once(&profile.password_hash)
        .chain(profile.previous_hashes.iter())
        .take(window);
    for stored in recent {
        if verify(password, stored) {
            return Err(Violation::Reused(n));
        }
    }
    Ok(())
}

/// The history to keep after replacing the current password: the old current hash first,
/// then the earlier ones, capped at [`HISTORY_LIMIT`].
pub(crate) fn next_history(profile: &LoginProfile) -> Vec<PasswordHash> {
    std::iter::once(profile.password_hash.clone())
        .chain(profile.previous_hashes.iter().cloned())
        .take(HISTORY_LIMIT)
        .collect()
}

/// When the current password expires under `MaxPasswordAge`, if the policy sets one
/// (also the credential report's `password_next_rotation`).
pub(crate) fn expires_at(
    profile: &LoginProfile,
    policy: Option<&PasswordPolicy>,
) -> Option<OffsetDateTime> {
    let days = policy?.max_age_days?;
    Some(profile.password_changed + Duration::days(i64::from(days)))
}

/// Whether the password has expired at `now`.
pub(crate) fn is_expired(
    profile: &LoginProfile,
    policy: Option<&PasswordPolicy>,
    now: OffsetDateTime,
) -> bool {
    expires_at(profile, policy).is_some_and(|at| now >= at)
}

/// Checks a new password against the policy (rules, then reuse of the last N passwords)
/// and hashes it. The Argon2 work runs on the blocking pool, not on a request thread.
pub(crate) async fn new_password_hash(
    password: &str,
    profile: Option<&LoginProfile>,
    policy: Option<&PasswordPolicy>,
) -> Result<PasswordHash, ApiError> {
    check_rules(password, policy).map_err(refusal)?;
    let password = Zeroizing::new(password.to_owned());
    let profile = profile.cloned();
    let policy = policy.cloned();
    let outcome = tokio::task::spawn_blocking(move || {
        check_reuse(&password, profile.as_ref(), policy.as_ref()).map_err(refusal)?;
        hash(&password).map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            ApiError::Internal(InternalError::Contract("password hashing failed"))
        })
    })
    .await;
    outcome
        .map_err(|_| ApiError::Internal(InternalError::Contract("password hashing task failed")))?
}

/// [`verify`] on the blocking pool.
pub(crate) async fn verify_blocking(
    password: &str,
    stored: &PasswordHash,
) -> Result<bool, ApiError> {
    let password = Zeroizing::new(password.to_owned());
    let stored = stored.clone();
    tokio::task::spawn_blocking(move || verify(&password, &stored))
        .await
        .map_err(|_| {
            ApiError::Internal(InternalError::Contract("password verification task failed"))
        })
}

fn refusal(violation: Violation) -> ApiError {
    ApiError::PasswordPolicyViolation(violation.message())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests: failing loudly is the point")]

    use time::macros::datetime;
    use warden_types::AccountId;

    use super::*;

    fn policy() -> PasswordPolicy {
        PasswordPolicy {
            minimum_length: 6,
            require_symbols: false,
            require_numbers: false,
            require_uppercase: false,
            require_lowercase: false,
            allow_users_to_change: false,
            max_age_days: None,
            reuse_prevention: None,
            hard_expiry: None,
        }
    }

    fn profile(current: &str, earlier: &[&str]) -> LoginProfile {
        LoginProfile {
            account: "123456789012".parse::<AccountId>().unwrap(),
            user_id: "AIDAEXAMPLE".to_owned(),
            password_hash: hash(current).unwrap(),
            previous_hashes: earlier.iter().map(|p| hash(p).unwrap()).collect(),
            created: datetime!(2026-01-01 0:00 UTC),
            password_changed: datetime!(2026-01-01 0:00 UTC),
            reset_required: false,
        }
    }

    #[test]
    fn hashes_are_salted_argon2id_and_verify() {
        let a = hash("Secret-1").unwrap();
        let b = hash("Secret-1").unwrap();
        assert!(a.as_str().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert_ne!(a, b, "each hash has its own salt");
        assert!(!a.as_str().contains("Secret-1"));
        assert!(verify("Secret-1", &a));
        assert!(!verify("Secret-2", &a));
        assert!(!verify(
            "Secret-1",
            &PasswordHash::new("garbage".to_owned())
        ));
        assert_eq!(format!("{a:?}"), "PasswordHash(argon2id, redacted)");
    }

    #[test]
    fn default_rules_need_eight_characters_and_three_kinds() {
        assert_eq!(check_rules("Abcdef1!", None), Ok(()));
        assert_eq!(check_rules("abcdefg1!", None), Ok(()));
        assert_eq!(check_rules("Ab1!", None), Err(Violation::DefaultRules));
        assert_eq!(check_rules("abcdefgh1", None), Err(Violation::DefaultRules));
    }

    #[test]
    fn each_policy_rule_is_enforced_in_order() {
        let mut p = policy();
        p.minimum_length = 10;
        assert_eq!(check_rules("short", Some(&p)), Err(Violation::TooShort(10)));
        assert_eq!(check_rules("longenough", Some(&p)), Ok(()));
        p.require_symbols = true;
        assert_eq!(
            check_rules("longenough", Some(&p)),
            Err(Violation::NoSymbol)
        );
        // `.` is not one of AWS's symbols.
        assert_eq!(
            check_rules("longenough.", Some(&p)),
            Err(Violation::NoSymbol)
        );
        p.require_numbers = true;
        assert_eq!(
            check_rules("longenough!", Some(&p)),
            Err(Violation::NoNumber)
        );
        p.require_uppercase = true;
        assert_eq!(
            check_rules("longenough!1", Some(&p)),
            Err(Violation::NoUppercase)
        );
        p.require_lowercase = true;
        assert_eq!(
            check_rules("LONGENOUGH!1", Some(&p)),
            Err(Violation::NoLowercase)
        );
        assert_eq!(check_rules("LongEnough!1", Some(&p)), Ok(()));
        assert_eq!(
            Violation::NoUppercase.message(),
            "Password should have at least one uppercase letter"
        );
    }

    #[test]
    fn reuse_prevention_looks_at_the_last_n_passwords() {
        let prof = profile("current", &["prev1", "prev2"]);
        let mut p = policy();
        assert_eq!(check_reuse("current", Some(&prof), Some(&p)), Ok(()));
        p.reuse_prevention = Some(2);
        assert_eq!(
            check_reuse("current", Some(&prof), Some(&p)),
            Err(Violation::Reused(2))
        );
        assert_eq!(
            check_reuse("prev1", Some(&prof), Some(&p)),
            Err(Violation::Reused(2))
        );
        assert_eq!(check_reuse("prev2", Some(&prof), Some(&p)), Ok(()));
        assert_eq!(check_reuse("fresh", Some(&prof), Some(&p)), Ok(()));
        assert_eq!(check_reuse("current", None, Some(&p)), Ok(()));
        let history = next_history(&prof);
        assert_eq!(history.len(), 3);
        assert!(verify("current", &history[0]));
    }

    #[test]
    fn max_password_age_sets_the_expiry() {
        let prof = profile("current", &[]);
        let mut p = policy();
        assert_eq!(expires_at(&prof, Some(&p)), None);
        p.max_age_days = Some(90);
        assert_eq!(
            expires_at(&prof, Some(&p)),
            Some(datetime!(2026-04-01 0:00 UTC))
        );
        assert!(!is_expired(
            &prof,
            Some(&p),
            datetime!(2026-03-31 23:59 UTC)
        ));
        assert!(is_expired(&prof, Some(&p), datetime!(2026-04-01 0:00 UTC)));
        assert!(!is_expired(&prof, None, datetime!(2030-01-01 0:00 UTC)));
    }
}
