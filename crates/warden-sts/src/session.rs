//! Who a session is: the `AssumedRoleUser` / `FederatedUser` identities (api.md §3.3, §6.2,
//! §6.6), the request principal (§3.6, policy.md §4.4) and the session's condition keys
//! (policy.md §5.2, §5.7).

use warden_policy::Principal;

use crate::token::{Federation, SessionKind, SessionRecord};

/// A session's identity as STS returns it.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SessionIdentity {
    /// `AssumedRoleId` / `FederatedUserId`, also the `aws:userid` value.
    pub id: String,
    /// The session ARN (`Arn`).
    pub arn: String,
}

/// The partition, account and resource of an ARN with at least six fields.
fn arn_parts(arn: &str) -> Option<(&str, &str, &str)> {
    let mut it = arn.splitn(6, ':');
    let (Some("arn"), Some(partition), Some(_), Some(_), Some(account), Some(resource)) = (
        it.next(),
        it.next(),
        it.next(),
        it.next(),
        it.next(),
        it.next(),
    ) else {
        return None;
    };
    Some((partition, account, resource))
}

/// `AssumedRoleUser` of a role session: `<RoleId>:<session>` and
/// `arn:<partition>:sts::<account>:assumed-role/<RoleName>/<session>` (the role's path is
/// dropped). `None` when `role_arn` is not an ARN.
pub fn assumed_role_identity(
    role_arn: &str,
    role_id: &str,
    session_name: &str,
) -> Option<SessionIdentity> {
    let (partition, account, resource) = arn_parts(role_arn)?;
    let name = resource.rsplit('/').next().unwrap_or(resource);
    Some(SessionIdentity {
        id: format!("{role_id}:{session_name}"),
        arn: format!("arn:{partition}:sts::{account}:assumed-role/{name}/{session_name}"),
    })
}

/// `FederatedUser` of a GetFederationToken session: `<account>:<name>` and
/// `arn:<partition>:sts::<account>:federated-user/<name>`.
pub fn federated_user_identity(partition: &str, account: &str, name: &str) -> SessionIdentity {
    SessionIdentity {
        id: format!("{account}:{name}"),
        arn: format!("arn:{partition}:sts::{account}:federated-user/{name}"),
    }
}

/// The request principal of a request signed with the session's credentials (§3.6).
/// `has_boundary`: whether the parent entity has a permissions boundary (the server knows).
/// MFA and the federated provider are not principal properties in `warden-policy`: they
/// travel as context keys ([`session_context_keys`]).
pub fn session_principal(record: &SessionRecord, has_boundary: bool) -> Principal {
    let p = match record.kind {
        SessionKind::RoleSession => Principal::role_session(
            &record.parent_arn,
            &record.parent_id,
            record.session_name.as_deref().unwrap_or_default(),
        ),
        SessionKind::FederatedUser => Principal::federated_user(
            &record.parent_arn,
            &record.parent_id,
            record.session_name.as_deref().unwrap_or_default(),
        ),
        SessionKind::UserSession => {
            Principal::user_session(&record.parent_arn, &record.parent_id, record.mfa_present)
        }
        SessionKind::RootSession => Principal::root(&record.account),
    };
    p.with_tags(record.tags.iter().cloned())
        .with_boundary(has_boundary)
}

/// The condition keys a session adds to every request it signs (policy.md §5.2, §5.7):
/// `aws:TokenIssueTime`, `aws:MultiFactorAuthPresent`, `aws:MultiFactorAuthAge` (with MFA),
/// `aws:SourceIdentity`, `aws:FederatedProvider` and `<prefix>:aud/sub/amr` (web identity),
/// `saml:sub/sub_type/namequalifier` (SAML). Each entry is a key and its values (several
/// only for multivalued keys such as `<prefix>:amr`).
pub fn session_context_keys(record: &SessionRecord, now: i64) -> Vec<(String, Vec<String>)> {
    let mut keys = vec![
        (
            "aws:TokenIssueTime".to_owned(),
            vec![iso8601(record.issued_at)],
        ),
        (
            "aws:MultiFactorAuthPresent".to_owned(),
            vec![record.mfa_present.to_string()],
        ),
    ];
    if let (true, Some(at)) = (record.mfa_present, record.mfa_auth_time) {
        keys.push((
            "aws:MultiFactorAuthAge".to_owned(),
            vec![now.saturating_sub(at).max(0).to_string()],
        ));
    }
    if let Some(si) = &record.source_identity {
        keys.push(("aws:SourceIdentity".to_owned(), vec![si.clone()]));
    }
    match &record.federation {
        None => {}
        Some(Federation::WebIdentity {
            provider,
            prefix,
            sub,
            aud,
            amr,
        }) => {
            keys.push(("aws:FederatedProvider".to_owned(), vec![provider.clone()]));
            keys.push((format!("{prefix}:aud"), vec![aud.clone()]));
            keys.push((format!("{prefix}:sub"), vec![sub.clone()]));
            if !amr.is_empty() {
                keys.push((format!("{prefix}:amr"), amr.clone()));
            }
        }
        Some(Federation::Saml {
            sub,
            sub_type,
            namequalifier,
        }) => {
            keys.push(("saml:sub".to_owned(), vec![sub.clone()]));
            keys.push(("saml:sub_type".to_owned(), vec![sub_type.clone()]));
            keys.push(("saml:namequalifier".to_owned(), vec![namequalifier.clone()]));
        }
    }
    keys
}

/// `YYYY-MM-DDTHH:MM:SSZ` for Unix seconds (proleptic Gregorian, UTC).
pub fn iso8601(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3_600,
        secs % 3_600 / 60,
        secs % 60
    )
}
